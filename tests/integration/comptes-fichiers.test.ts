/**
 * Accounts, tokens and files: what a read-only API token may read (generated from the route table and
 * the GraphQL schema, against an approved member), account enumeration (registration, confirmation
 * e-mail, forgotten password), members-only files and active content in uploads.
 */
import fs from 'fs';
import path from 'path';
import { APPELANTS, api, enteteAdmin, enteteJeton, graphql, type NomAppelant } from '../helpers/http';
import { CHEMIN_OPENAPI } from '../helpers/environnement';
import { ServeurSmtp } from '../helpers/smtp';

const smtp = new ServeurSmtp();
beforeAll(() => smtp.demarrer());
afterAll(() => smtp.arreter());

/** Whether the caller got past authorisation (any answer but 401/403). */
const autorise = (statut: number) => statut !== 401 && statut !== 403;

describe('Jeton d’API en lecture seule : jamais plus qu’un membre approuvé', () => {
  const openapi = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../..', CHEMIN_OPENAPI), 'utf8')) as {
    paths: Record<string, Record<string, unknown>>;
  };
  // Every GET route of the content API (the committed description is the route table), with its
  // parameters filled by a value that exists or not: authorisation is decided before the controller.
  const routes = Object.entries(openapi.paths)
    .filter(([, operations]) => 'get' in operations)
    .map(([chemin]) => `/api${chemin.replace(/\{[^}]+\}/g, '1')}`);

  it('couvre les routes de lecture de l’annuaire des membres', () => {
    expect(routes).toEqual(expect.arrayContaining(['/api/users', '/api/users/1', '/api/users-permissions/roles', '/api/upload/files']));
  });

  it.each(routes)('GET %s : le jeton n’atteint que ce qu’atteint un membre', async (route) => {
    const membre = await api().get(route).set(APPELANTS.membre()).redirects(0);
    const jeton = await api().get(route).set(APPELANTS.jetonLecture()).redirects(0);
    if (!autorise(membre.status)) expect(jeton.status).toBe(membre.status === 401 ? 401 : 403);
    if (autorise(jeton.status)) expect(autorise(membre.status)).toBe(true);
  });

  it('lit encore le contenu comme un membre (REST et GraphQL)', async () => {
    expect((await api().get('/api/projets').set(APPELANTS.jetonLecture())).status).toBe(200);
    const reponse = await graphql('{ projets { documentId } }', {}, APPELANTS.jetonLecture());
    expect(reponse.body.errors).toBeUndefined();
  });

  it('ne lit pas l’annuaire des membres', async () => {
    for (const route of ['/api/users', '/api/users/1', '/api/users-permissions/roles', '/api/upload/files']) {
      expect({ route, statut: (await api().get(route).set(APPELANTS.jetonLecture())).status }).toEqual({ route, statut: 403 });
    }
    const reponse = await graphql('{ usersPermissionsUsers { email } }', {}, APPELANTS.jetonLecture());
    expect(reponse.body.data?.usersPermissionsUsers ?? null).toBeNull();
    expect(reponse.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('garde l’accès complet aux jetons des scripts de la plateforme', async () => {
    expect((await api().get('/api/users').set(enteteJeton())).status).toBe(200);
  });

  it('requêtes GraphQL : le jeton n’atteint que ce qu’atteint un membre', async () => {
    const schema = await graphql(
      '{ __schema { queryType { fields { name args { name type { kind ofType { kind ofType { name } } } } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }',
    );
    const champs = schema.body.data.__schema.queryType.fields as Array<{
      name: string;
      args: Array<{ name: string; type: { kind: string } }>;
      type: { kind: string; name?: string; ofType?: unknown };
    }>;
    expect(champs.map((c) => c.name)).toEqual(expect.arrayContaining(['usersPermissionsUsers', 'usersPermissionsRoles', 'uploadFiles', 'me']));
    const scalaire = (type: any): boolean => (type.ofType ? scalaire(type.ofType) : ['SCALAR', 'ENUM'].includes(type.kind));
    const ecarts: string[] = [];
    let atteintes = 0;
    for (const champ of champs) {
      const args = champ.args.filter((a) => a.type.kind === 'NON_NULL').map((a) => `${a.name}: "1"`);
      const requete = `{ ${champ.name}${args.length ? `(${args.join(', ')})` : ''}${scalaire(champ.type) ? '' : ' { __typename }'} }`;
      const interdit = async (appelant: NomAppelant) => {
        const reponse = await graphql(requete, {}, APPELANTS[appelant]());
        return (reponse.body.errors ?? []).some((e: any) => e.extensions?.code === 'FORBIDDEN');
      };
      const jetonInterdit = await interdit('jetonLecture');
      if (!jetonInterdit) atteintes += 1;
      if (!jetonInterdit && (await interdit('membre'))) ecarts.push(champ.name);
    }
    expect(ecarts).toEqual([]);
    expect(atteintes).toBeGreaterThan(10);
  });
});

describe('Énumération des comptes', () => {
  const inscrire = (email: string, username = email) =>
    api().post('/api/auth/local/register').send({ username, email, password: 'MotDePasse-Agent-1', organisation: 'Commune de test' });
  /** The answer, without what the caller sent itself. */
  const forme = (reponse: { status: number; body: any }) => ({ statut: reponse.status, corps: reponse.body });

  it('renvoyer la confirmation répond pareil pour une adresse confirmée, en attente ou inconnue', async () => {
    await inscrire('en-attente-de-confirmation@commune-test.fr');
    const reponses = [];
    for (const email of ['MEMBRE@ville-test.fr', 'En-Attente-De-Confirmation@commune-test.fr', 'Inconnu@commune-test.fr']) {
      const reponse = await api().post('/api/auth/send-email-confirmation').send({ email });
      reponses.push(forme({ status: reponse.status, body: { ...reponse.body, email: reponse.body.email?.toLowerCase() === email.toLowerCase() ? '=' : reponse.body.email } }));
    }
    expect(reponses[0]).toEqual({ statut: 200, corps: { email: '=', sent: true } });
    expect(reponses[1]).toEqual(reponses[0]);
    expect(reponses[2]).toEqual(reponses[0]);
    expect((await api().post('/api/auth/send-email-confirmation').send({ email: 'Inconnu@commune-test.fr' })).body.email).toBe('Inconnu@commune-test.fr');
  });

  it('renvoie bien la confirmation à une adresse en attente', async () => {
    const email = 'renvoi@commune-test.fr';
    await inscrire(email);
    const premier = await smtp.attendre(email, /confirmation=/);
    smtp.recus.splice(smtp.recus.indexOf(premier), 1);
    expect((await api().post('/api/auth/send-email-confirmation').send({ email })).status).toBe(200);
    await smtp.attendre(email, /confirmation=/);
  });

  it('inscrire une adresse déjà inscrite répond comme une inscription nouvelle, sans doublon, et prévient le titulaire', async () => {
    const nouvelle = await inscrire('nouvelle@commune-test.fr', 'un-nom-neuf');
    const existante = await inscrire('membre@ville-test.fr', 'un-autre-nom');
    const masquer = (corps: any, email: string, username: string) =>
      JSON.parse(JSON.stringify(corps).split(email).join('<email>').split(username).join('<username>'));
    expect(existante.status).toBe(nouvelle.status);
    expect(masquer(existante.body, 'membre@ville-test.fr', 'un-autre-nom')).toEqual(masquer(nouvelle.body, 'nouvelle@commune-test.fr', 'un-nom-neuf'));
    expect(nouvelle.status).toBe(200);
    const comptes = await api()
      .get('/content-manager/collection-types/plugin::users-permissions.user')
      .set(enteteAdmin())
      .query({ 'filters[email][$eq]': 'membre@ville-test.fr' });
    expect(comptes.body.results).toHaveLength(1);
    expect(comptes.body.results[0].username).toBe('membre@ville-test.fr');
    const courriel = await smtp.attendre('membre@ville-test.fr', /déjà/);
    expect(courriel.brut).toMatch(/Subject: /);
    expect(courriel.brut).not.toMatch(/confirmation=/);
  });

  it('inscrire de nouveau une adresse en attente renvoie le courriel de confirmation', async () => {
    const email = 'inscrite-deux-fois@commune-test.fr';
    const premiere = await inscrire(email);
    smtp.recus.splice(smtp.recus.indexOf(await smtp.attendre(email, /confirmation=/)), 1);
    const seconde = await inscrire(email);
    expect(forme(seconde)).toEqual(forme(premiere));
    await smtp.attendre(email, /confirmation=/);
  });

  it('un nom d’utilisateur déjà pris ne se devine pas non plus', async () => {
    const reponse = await inscrire('autre-adresse@commune-test.fr', 'membre@ville-test.fr');
    expect(reponse.status).toBe(200);
    expect(reponse.body.user).toMatchObject({ email: 'autre-adresse@commune-test.fr', confirmed: false });
  });

  it('mot de passe oublié répond pareil pour une adresse connue ou inconnue', async () => {
    const connue = await api().post('/api/auth/forgot-password').send({ email: 'membre@ville-test.fr' });
    const inconnue = await api().post('/api/auth/forgot-password').send({ email: 'personne@commune-test.fr' });
    expect(forme(connue)).toEqual({ statut: 200, corps: { ok: true } });
    expect(forme(inconnue)).toEqual(forme(connue));
  });
});

describe('Fichiers', () => {
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  const televerser = (contenu: Buffer | string, nom: string, type: string) =>
    api().post('/api/upload').set(enteteJeton()).attach('files', Buffer.from(contenu), { filename: nom, contentType: type });

  async function ressource(acces: 'public' | 'membres', fichier: number): Promise<string> {
    const reponse = await api()
      .post('/api/ressources')
      .set(enteteJeton())
      .query({ status: 'published' })
      .send({ data: { titre: `Ressource ${acces} ${fichier}`, type: 'documentation', acces, fichiers: [fichier] } });
    expect(reponse.status).toBe(201);
    return reponse.body.data.documentId;
  }

  describe('d’une ressource réservée aux membres', () => {
    let url: string;
    let id: number;
    let documentId: string;

    beforeAll(async () => {
      const envoi = await televerser(PDF, 'compte-rendu-membres.pdf', 'application/pdf');
      expect(envoi.status).toBe(201);
      ({ url, id } = envoi.body[0]);
      documentId = await ressource('membres', id);
    });

    it.each(Object.keys(APPELANTS) as NomAppelant[])('ne se lit pas par son adresse /uploads (%s)', async (appelant) => {
      const reponse = await api().get(url).set(APPELANTS[appelant]());
      expect(reponse.status).toBe(404);
      expect(reponse.body.error?.message).toBe('Fichier introuvable.');
    });

    it('ne se lit pas non plus par une adresse écrite autrement', async () => {
      const nom = url.replace('/uploads/', '');
      for (const variante of [`/%75ploads/${nom}`, `/uploads//${nom}`, `/uploads/./${nom}`, `/uploads/${encodeURIComponent(nom).replace('.', '%2E')}`]) {
        expect({ variante, statut: (await api().get(variante)).status }).toEqual({ variante, statut: 404 });
      }
    });

    it.each([
      ['anonyme', 404],
      ['enAttente', 404],
      ['membre', 200],
      ['jetonLecture', 200],
    ] as const)('se lit par la route des ressources selon l’appelant (%s → %d)', async (appelant, statut) => {
      const reponse = await api().get(`/api/ressources/${documentId}/fichiers/${id}`).set(APPELANTS[appelant]()).buffer(true);
      expect(reponse.status).toBe(statut);
      if (statut === 200) {
        expect(Buffer.from(reponse.body).equals(PDF)).toBe(true);
        expect(reponse.headers['content-type']).toBe('application/pdf');
        expect(reponse.headers['x-content-type-options']).toBe('nosniff');
        expect(reponse.headers['content-security-policy']).toMatch(/sandbox/);
      } else {
        expect(reponse.body.error.message).toBe('Fichier introuvable.');
      }
    });

    it('n’est pas servi par la route d’une autre ressource', async () => {
      const autre = await ressource('public', (await televerser(PDF, 'autre.pdf', 'application/pdf')).body[0].id);
      expect((await api().get(`/api/ressources/${autre}/fichiers/${id}`).set(APPELANTS.membre())).status).toBe(404);
    });

    it('n’est listé qu’aux jetons d’accès complet', async () => {
      for (const appelant of Object.keys(APPELANTS) as NomAppelant[]) {
        const reponse = await api().get('/api/upload/files').set(APPELANTS[appelant]());
        expect({ appelant, statut: reponse.status }).toEqual({ appelant, statut: 403 });
        const requete = await graphql('{ uploadFiles { url } }', {}, APPELANTS[appelant]());
        expect({ appelant, code: requete.body.errors?.[0]?.extensions?.code }).toEqual({ appelant, code: 'FORBIDDEN' });
      }
      expect((await api().get('/api/upload/files').set(enteteJeton())).body.map((f: { id: number }) => f.id)).toContain(id);
    });

    it('n’est pas listé à un anonyme même si un modérateur ouvre la médiathèque au rôle Public', async () => {
      const publicAussi = (await televerser(PDF, 'public-liste.pdf', 'application/pdf')).body[0].id as number;
      const roles = await api().get('/users-permissions/roles').set(enteteAdmin());
      const role = roles.body.roles.find((r: { type: string }) => r.type === 'public');
      const ouvrir = async (enabled: boolean) => {
        const { permissions } = (await api().get(`/users-permissions/roles/${role.id}`).set(enteteAdmin())).body.role;
        permissions['plugin::upload'].controllers['content-api'].find.enabled = enabled;
        permissions['plugin::upload'].controllers['content-api'].findOne.enabled = enabled;
        expect((await api().put(`/users-permissions/roles/${role.id}`).set(enteteAdmin()).send({ name: role.name, description: role.description, permissions })).status).toBe(200);
      };
      await ouvrir(true);
      try {
        const liste = await api().get('/api/upload/files');
        expect(liste.status).toBe(200);
        const ids = liste.body.map((f: { id: number }) => f.id);
        expect(ids).toContain(publicAussi);
        expect(ids).not.toContain(id);
        expect((await api().get(`/api/upload/files/${id}`)).status).toBe(404);
        expect((await api().get(`/api/upload/files/${publicAussi}`)).status).toBe(200);
        const requete = await graphql('{ uploadFiles(pagination: { limit: 100 }) { url } }');
        expect(requete.body.data.uploadFiles.map((f: { url: string }) => f.url)).not.toContain(url);
      } finally {
        await ouvrir(false);
      }
      expect((await api().get('/api/upload/files')).status).toBe(403);
    });
  });

  it('sert les fichiers publics avec nosniff et une CSP « sandbox »', async () => {
    const envoi = await televerser(PDF, 'public.pdf', 'application/pdf');
    await ressource('public', envoi.body[0].id);
    const reponse = await api().get(envoi.body[0].url);
    expect(reponse.status).toBe(200);
    expect(reponse.headers['x-content-type-options']).toBe('nosniff');
    expect(reponse.headers['content-security-policy']).toMatch(/(^|;\s*)sandbox(;|$)/);
    expect(reponse.headers['content-security-policy']).toMatch(/default-src 'none'/);
  });

  const SVG = (corps: string) => `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">${corps}</svg>`;

  it.each([
    ['un script', SVG('<script>alert(1)</script>')],
    ['un gestionnaire d’événement', SVG('<rect width="10" height="10" onload="alert(1)"/>')],
    ['une adresse javascript:', SVG('<a xlink:href="javascript:alert(1)"><rect width="10" height="10"/></a>')],
    ['un foreignObject', SVG('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>')],
    ['une référence externe', SVG('<image href="https://exemple.fr/pixel.png" width="10" height="10"/>')],
    ['une entité XML', `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>`],
  ])('refuse une image SVG qui contient %s, en français', async (_cas, contenu) => {
    const reponse = await televerser(contenu, 'logo.svg', 'image/svg+xml');
    expect(reponse.status).toBe(400);
    expect(reponse.body.error.message).toMatch(/^Fichier « logo\.svg » refusé : /);
  });

  it('refuse du HTML déguisé en image, par l’API de contenu comme par l’administration', async () => {
    const html = '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>';
    const contenu = await televerser(html, 'photo.png', 'image/png');
    expect(contenu.status).toBe(400);
    expect(contenu.body.error.message).toMatch(/^Fichier « photo\.png » refusé : /);
    const admin = await api().post('/upload').set(enteteAdmin()).attach('files', Buffer.from(html), { filename: 'photo.png', contentType: 'image/png' });
    expect(admin.status).toBe(400);
    expect(admin.body.error.message).toMatch(/^Fichier « photo\.png » refusé : /);
  });

  it('accepte une image SVG inerte', async () => {
    const reponse = await televerser(SVG('<rect width="10" height="10" fill="#0a0"/><use href="#a"/>'), 'carre.svg', 'image/svg+xml');
    expect(reponse.status).toBe(201);
  });
});
