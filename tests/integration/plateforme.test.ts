import { api, enteteAdmin, enteteJeton, graphql } from '../helpers/http';
import { ServeurSmtp } from '../helpers/smtp';
import fs from 'fs';
import path from 'path';
import { CHEMIN_OPENAPI, CLES, lire } from '../helpers/environnement';
import { ECRANS_TYPES } from '../../src/admin-config/libelles';
import { MENTION_RESTREINT } from '../../src/api-contenu/openapi';

describe('Interface d’administration en français, configurée au démarrage', () => {
  it('donne aux champs du projet leurs libellés et l’ordre des sections', async () => {
    const reponse = await api().get('/content-manager/content-types/api::projet.projet/configuration').set(enteteAdmin());
    expect(reponse.status).toBe(200);
    const { metadatas, layouts } = reponse.body.data.contentType;
    const ecran = ECRANS_TYPES['api::projet.projet'];
    expect(metadatas.nom.edit.label).toBe('Nom du projet');
    expect(metadatas.budget.edit.label).toBe(ecran.libelles.budget.label);
    // Members-only fields are grouped under « Accès restreint (membres) » in the form, not suffixed one by one.
    expect(metadatas.budget.edit.label).not.toMatch(/membres/);
    expect(layouts.list).toEqual([...(ecran.liste ?? []), 'etatRevue']);
    const ordre = layouts.edit.flat().map((champ: { name: string }) => champ.name);
    expect(ordre.indexOf('nom')).toBeLessThan(ordre.indexOf('algorithme'));
    expect(ordre.indexOf('algorithme')).toBeLessThan(ordre.indexOf('donnees'));
    expect(ordre.indexOf('evaluation')).toBeLessThan(ordre.indexOf('ressources'));
    expect(ordre.indexOf('ressources')).toBeLessThan(ordre.indexOf('contact'));
    // The review state is shown by the review panel, not as a field of the form.
    expect(ordre).not.toContain('etatRevue');
    expect(metadatas.etatRevue.edit.visible).toBe(false);
  });

  it('a le français pour langue par défaut et l’anglais en plus', async () => {
    const reponse = await api().get('/i18n/locales').set(enteteAdmin());
    expect(reponse.status).toBe(200);
    const locales = reponse.body.map((l: { code: string; isDefault: boolean }) => [l.code, l.isDefault]);
    expect(locales).toEqual(expect.arrayContaining([['fr', true], ['en', false]]));
  });
});

describe('Configuration et sécurité', () => {
  it('répond 204 sur /_health', async () => {
    expect((await api().get('/_health')).status).toBe(204);
  });

  it('n’autorise que les origines CORS configurées', async () => {
    const autorisee = await api().get('/api/thematiques').set('Origin', 'http://localhost:3000');
    const etrangere = await api().get('/api/thematiques').set('Origin', 'https://pirate.example');
    expect(autorisee.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(etrangere.headers['access-control-allow-origin']).not.toBe('https://pirate.example');
  });

  it('refuse un corps de requête trop volumineux', async () => {
    const reponse = await api()
      .post('/api/offreurs')
      .set(enteteJeton())
      .send({ data: { nom: 'Volumineux', type: 'entreprise', description: 'x'.repeat(2 * 1024 * 1024) } });
    expect(reponse.status).toBe(413);
  });

  it('accepte une image et un PDF, refuse un type de fichier hors liste', async () => {
    const envoyer = (contenu: Buffer, nom: string, type: string) =>
      api().post('/api/upload').set(enteteJeton()).attach('files', contenu, { filename: nom, contentType: type });
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    expect((await envoyer(png, 'logo.png', 'image/png')).status).toBe(201);
    expect((await envoyer(pdf, 'charte.pdf', 'application/pdf')).status).toBe(201);
    const html = await envoyer(Buffer.from('<html><script>alert(1)</script></html>'), 'page.html', 'text/html');
    expect(html.status).toBe(400);
  });

  it('refuse un fichier plus lourd que la limite de téléversement', async () => {
    const lourd = Buffer.alloc(21 * 1024 * 1024, 0);
    const reponse = await api().post('/api/upload').set(enteteJeton()).attach('files', lourd, { filename: 'lourd.zip', contentType: 'application/zip' });
    expect(reponse.status).toBe(413);
  });

  it('borne la profondeur des requêtes GraphQL', async () => {
    const profonde = `{ thematiques { parent { enfants { parent { enfants { parent { enfants { parent { nom } } } } } } } } }`;
    const reponse = await graphql(profonde);
    expect(reponse.body.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('borne la taille des pages REST', async () => {
    const reponse = await api().get('/api/collectivites').query({ 'pagination[pageSize]': 5000 });
    expect(reponse.status).toBe(200);
    expect(reponse.body.data).toHaveLength(100);
  });

  it('publie la description OpenAPI des types de contenu', async () => {
    const reponse = await api().get('/documentation/v1.0.0');
    expect(reponse.status).toBe(200);
    expect(reponse.text).toContain('Bibliothèque d’IA territoriales');
    for (const chemin of ['/projets', '/collectivites', '/offreurs', '/initiatives-gouvernance', '/ressources', '/thematiques', '/evenements']) {
      expect(reponse.text).toContain(`"${chemin}"`);
    }
  });

  it('a une description OpenAPI versionnée à jour des types de contenu', () => {
    // The start of the tests regenerated it; it must equal the committed one.
    const versionnee = lire(CLES.openapiVersionnee);
    const regeneree = fs.readFileSync(path.resolve(__dirname, '../..', CHEMIN_OPENAPI), 'utf8');
    const message = `${CHEMIN_OPENAPI} n’est pas à jour : le démarrage des tests vient de la régénérer, relisez-la et commitez-la.`;
    expect([fs.existsSync(versionnee), message]).toEqual([true, message]);
    expect([JSON.parse(fs.readFileSync(versionnee, 'utf8')), message]).toEqual([JSON.parse(regeneree), message]);
    expect(JSON.parse(regeneree).info['x-generation-date']).toBeUndefined();
  });

  it('signale dans la description OpenAPI les champs réservés aux membres', () => {
    const { schemas } = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../..', CHEMIN_OPENAPI), 'utf8')).components;
    expect(schemas.Projet.properties.nom.description).toBeUndefined();
    expect(schemas.Projet.properties.budget).toEqual({ type: 'string', enum: ['moins_50k', 'de_50k_a_100k', 'plus_100k'], description: MENTION_RESTREINT });
    expect(schemas.Projet.properties.algorithme).toEqual({ allOf: [{ $ref: '#/components/schemas/ProjetAlgorithmeComponent' }], description: MENTION_RESTREINT });
    expect(schemas.InitiativeGouvernance.properties.contact.description).toBe(MENTION_RESTREINT);
  });
});

describe('Courriels par SMTP (nodemailer)', () => {
  const smtp = new ServeurSmtp();
  beforeAll(() => smtp.demarrer());
  afterAll(() => smtp.arreter());

  it('envoie un courriel de test à un vrai serveur SMTP', async () => {
    const reponse = await api().post('/email/test').set(enteteAdmin()).send({ to: 'referent@ville.fr' });
    expect(reponse.status).toBe(200);
    const courriel = await smtp.attendre('referent@ville.fr', /^To: referent@ville\.fr/m);
    expect(courriel.brut).toMatch(/^Subject: /m);
  });
});
