/** Alerts by theme: subscription with double opt-in, alerts and digests by a real SMTP server, one-click unsubscribe, and that nobody reads the subscriptions. */
import { api, APPELANTS, enteteJeton, graphql } from '../helpers/http';
import { projetValide, thematique } from '../helpers/donnees';
import { configurer, envoyerResumesDansStrapi, executerSql } from '../helpers/pont';
import { ServeurSmtp, type CourrielRecu } from '../helpers/smtp';

const smtp = new ServeurSmtp();
const suffixe = `${Date.now()}`;
let numero = 0;
let region: string;
const THEME = 'transition-ecologique-et-energetique';
const AUTRE_THEME = 'mobilites';
const ACCUSE = {
  data: { recu: true },
  meta: { message: 'Merci : si l’adresse est valide, un courriel de confirmation vient de lui être envoyé. Les alertes partiront une fois l’abonnement confirmé.' },
};

/** A unique address of this run. */
const adresse = (nom: string) => `${nom}.${suffixe}.${(numero += 1)}@exemple.fr`;
const abonner = (data: Record<string, unknown>) => api().post('/api/abonnements').send({ data });
const lignes = (email: string) =>
  executerSql('SELECT document_id, email, thematiques, region, type_collectivite, frequence, confirme_le, jeton_hash, dernier_envoi FROM abonnements WHERE email = ? ORDER BY id', [email]);
const pause = (ms = 1500) => new Promise((r) => setTimeout(r, ms));
const recusPar = (email: string) => smtp.recus.filter((c) => c.destinataires.includes(email));
/** Headers unfolded (RFC 5322 folding), to read them whole. */
const deplier = (c: CourrielRecu) => c.brut.replace(/\r?\n[ \t]+/g, ' ');
const lienDe = (c: CourrielRecu, chemin: string) => {
  const trouve = new RegExp(`https?://[^\\s>]+${chemin.replace(/\//g, '\\/')}\\?jeton=([A-Za-z0-9_.%-]+)`).exec(c.brut);
  if (!trouve) throw new Error(`Pas de lien ${chemin} dans le courriel`);
  return { url: new URL(trouve[0]), jeton: decodeURIComponent(trouve[1]) };
};

/** Subscribes, then confirms through the emailed link (GET page, then its button's POST). */
async function abonnerEtConfirmer(data: Record<string, unknown>): Promise<void> {
  expect((await abonner(data)).status).toBe(202);
  const { jeton } = lienDe(await smtp.attendre(data.email as string, /Pour confirmer, ouvrez ce lien/), '/api/abonnements/confirmer');
  expect((await api().post('/api/abonnements/confirmer').query({ jeton })).status).toBe(200);
}

async function publier(nom: string, slugTheme = THEME): Promise<string> {
  const reponse = await api().post('/api/projets').set(enteteJeton()).query({ status: 'published' }).send({ data: await projetValide({ nom, thematique: await thematique(slugTheme) }) });
  expect(reponse.status).toBe(201);
  return reponse.body.data.documentId;
}

beforeAll(async () => {
  await smtp.demarrer();
  const bordeaux = await api().get('/api/collectivites').query({ 'filters[siren][$eq]': '243300316' });
  region = bordeaux.body.data[0].codeRegion;
  expect(region).toMatch(/^\d{2}$/);
});
afterAll(() => smtp.arreter());

describe('S’abonner, confirmer, recevoir, se désabonner', () => {
  const email = adresse('alerte');
  let alerte: CourrielRecu;

  it('enregistre la demande sans la confirmer, répond sans rien dire de l’adresse, envoie le lien de confirmation', async () => {
    const reponse = await abonner({ email: email.toUpperCase(), thematiques: [THEME], region, typeCollectivite: 'epci' });
    expect(reponse.status).toBe(202);
    expect(reponse.body).toEqual(ACCUSE);
    const [ligne, ...autres] = await lignes(email);
    expect(autres).toEqual([]);
    expect(ligne).toMatchObject({ email, region, type_collectivite: 'epci', frequence: 'immediate', confirme_le: null, dernier_envoi: null });
    expect(String(ligne.jeton_hash)).toMatch(/^[0-9a-f]{64}$/);
    const courriel = await smtp.attendre(email, /Pour confirmer, ouvrez ce lien/);
    expect(courriel.brut).toContain('Thématiques : Transition écologique');
    const { jeton } = lienDe(courriel, '/api/abonnements/confirmer');
    // Only the hash is stored, never the token.
    expect(JSON.stringify(await lignes(email))).not.toContain(jeton);
  });

  it('n’envoie rien avant la confirmation, et la page du lien ne confirme pas d’elle-même', async () => {
    await publier(`Projet avant confirmation ${suffixe}`);
    await pause();
    expect(recusPar(email)).toHaveLength(1);
    const { jeton } = lienDe(recusPar(email)[0], '/api/abonnements/confirmer');
    const page = await api().get('/api/abonnements/confirmer').query({ jeton });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain('<form method="post" action="/api/abonnements/confirmer?jeton=');
    expect((await lignes(email))[0].confirme_le).toBeNull();
  });

  it('confirme par le bouton (POST), une seule fois', async () => {
    const { jeton } = lienDe(recusPar(email)[0], '/api/abonnements/confirmer');
    const confirme = await api().post('/api/abonnements/confirmer').query({ jeton }).type('form').send('');
    expect(confirme.status).toBe(200);
    expect(confirme.text).toContain('Abonnement confirmé');
    const [ligne] = await lignes(email);
    expect(ligne.confirme_le).not.toBeNull();
    expect(ligne.jeton_hash).toBeNull();
    const encore = await api().post('/api/abonnements/confirmer').query({ jeton });
    expect(encore.status).toBe(404);
    expect(encore.text).toContain('Ce lien n’est pas (ou plus) valable');
  });

  it('alerte à la première publication d’un projet correspondant, avec les en-têtes de désabonnement', async () => {
    const nom = `Projet alerté ${suffixe}`;
    const documentId = await publier(nom);
    alerte = await smtp.attendre(email, new RegExp(`Projet alert=C3=A9 ${suffixe}|Projet alerté ${suffixe}`));
    const brut = deplier(alerte);
    expect(brut).toMatch(/List-Unsubscribe: <https?:\/\/[^>]+\/api\/abonnements\/desabonner\?jeton=[a-z0-9]+\.[A-Za-z0-9_-]+>/);
    expect(brut).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(alerte.brut).toContain('Un nouveau projet correspondant à vos alertes vient d’être publié');
    expect(alerte.brut).toContain('— Bordeaux Métropole');
    expect(alerte.brut).toMatch(/\/transparence\/projet-alerte-/);
    // A second publication (an edit) is no news.
    const republie = await api().put(`/api/projets/${documentId}`).set(enteteJeton()).query({ status: 'published' }).send({ data: { description: 'Description corrigée après publication.' } });
    expect(republie.status).toBe(200);
    // Neither a projet of another theme, nor the projet published before the confirmation.
    await publier(`Projet d’un autre thème ${suffixe}`, AUTRE_THEME);
    await pause();
    const recus = recusPar(email);
    expect(recus).toHaveLength(2);
    expect(recus.some((c) => c.brut.includes('Projet avant confirmation'))).toBe(false);
  });

  it('se désabonne en un clic (RFC 8058) : l’adresse est effacée', async () => {
    const { url, jeton } = lienDe(alerte, '/api/abonnements/desabonner');
    // The page of the link (opened by mail scanners too) deletes nothing.
    const page = await api().get(url.pathname).query({ jeton });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Me désabonner');
    expect(await lignes(email)).toHaveLength(1);
    const altere = await api().post(url.pathname).query({ jeton: `${jeton}x` }).type('form').send('List-Unsubscribe=One-Click');
    expect(altere.status).toBe(404);
    expect(await lignes(email)).toHaveLength(1);
    const unClic = await api().post(url.pathname).query({ jeton }).type('form').send('List-Unsubscribe=One-Click');
    expect(unClic.status).toBe(200);
    expect(unClic.text).toContain('Votre adresse a été effacée');
    expect(await lignes(email)).toEqual([]);
    // The same click again: the same page, nothing to delete.
    expect((await api().post(url.pathname).query({ jeton }).type('form').send('List-Unsubscribe=One-Click')).status).toBe(200);
  });
});

describe('Résumé hebdomadaire', () => {
  it('liste les projets publiés depuis le dernier envoi, une fois', async () => {
    const email = adresse('hebdo');
    await abonnerEtConfirmer({ email, thematiques: [THEME], frequence: 'hebdomadaire' });
    const [confirme] = await lignes(email);
    expect(confirme.dernier_envoi).not.toBeNull();
    const nom = `Projet de la semaine ${suffixe}`;
    await publier(nom);
    await publier(`Projet hors thème de la semaine ${suffixe}`, AUTRE_THEME);
    await pause();
    // Weekly: nothing at publication.
    expect(recusPar(email)).toHaveLength(1);
    // Not yet a week.
    await envoyerResumesDansStrapi(new Date());
    await pause(800);
    expect(recusPar(email)).toHaveLength(1);
    const dans8Jours = new Date(Date.now() + 8 * 24 * 3600 * 1000);
    expect(await envoyerResumesDansStrapi(dans8Jours)).toBeGreaterThanOrEqual(1);
    const resume = await smtp.attendre(email, /cette semaine/);
    expect(resume.brut).toContain(nom);
    expect(resume.brut).not.toContain('hors thème');
    expect(resume.brut).not.toContain('Projet alerté');
    expect(deplier(resume)).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(String((await lignes(email))[0].dernier_envoi)).not.toBe(String(confirme.dernier_envoi));
    // Stamped: the same run again sends nothing more.
    await envoyerResumesDansStrapi(dans8Jours);
    await pause(800);
    expect(recusPar(email)).toHaveLength(2);
  });
});

describe('Nouvelle demande pour une adresse déjà abonnée', () => {
  it('ne change les critères qu’une fois la nouvelle demande confirmée, sur la même ligne', async () => {
    const email = adresse('change');
    await abonnerEtConfirmer({ email, thematiques: [THEME] });
    const [avant] = await lignes(email);
    const reponse = await abonner({ email, thematiques: [AUTRE_THEME], frequence: 'hebdomadaire' });
    expect(reponse.body).toEqual(ACCUSE);
    const deux = await lignes(email);
    expect(deux).toHaveLength(2);
    expect(deux[0]).toMatchObject({ document_id: avant.document_id, frequence: 'immediate' });
    expect(JSON.parse(String(deux[0].thematiques))).toEqual([THEME]);
    const courriel = await smtp.attendre(email, new RegExp('Mobilit'));
    await api().post('/api/abonnements/confirmer').query({ jeton: lienDe(courriel, '/api/abonnements/confirmer').jeton }).expect(200);
    const apres = await lignes(email);
    expect(apres).toHaveLength(1);
    expect(apres[0]).toMatchObject({ document_id: avant.document_id, frequence: 'hebdomadaire' });
    expect(JSON.parse(String(apres[0].thematiques))).toEqual([AUTRE_THEME]);
  });
});

describe('Entrées refusées', () => {
  it.each([
    ['adresse absente', { thematiques: [THEME] }, 'Le champ « email » est obligatoire'],
    ['adresse invalide', { email: 'pas-une-adresse', thematiques: [THEME] }, 'Le champ « email » doit être une adresse électronique valide.'],
    ['thématiques absentes', { email: 'EMAIL' }, 'Le champ « thematiques » est obligatoire'],
    ['thématique inconnue', { email: 'EMAIL', thematiques: [THEME, 'astrologie'] }, 'Thématique inconnue : « astrologie »'],
    ['région inconnue', { email: 'EMAIL', thematiques: [THEME], region: '99' }, 'Le champ « region » doit être le code INSEE d’une région'],
    ['type inconnu', { email: 'EMAIL', thematiques: [THEME], typeCollectivite: 'village' }, 'Le champ « typeCollectivite » doit valoir l’un de : commune, epci'],
    ['fréquence inconnue', { email: 'EMAIL', thematiques: [THEME], frequence: 'quotidienne' }, 'Le champ « frequence » doit valoir « immediate » ou « hebdomadaire ».'],
  ])('refuse en français (%s) sans rien écrire ni envoyer', async (_cas, donnees, attendu) => {
    const email = adresse('refus');
    const reponse = await abonner(Object.fromEntries(Object.entries(donnees).map(([k, v]) => [k, v === 'EMAIL' ? email : v])));
    expect(reponse.status).toBe(400);
    expect(reponse.body.error.message).toContain(attendu);
    expect(await lignes(email)).toEqual([]);
  });

  it('répond comme d’habitude au robot qui remplit le champ piège, sans rien enregistrer ni envoyer', async () => {
    const email = adresse('robot');
    const reponse = await abonner({ email, thematiques: [THEME], siteWeb: 'https://spam.example' });
    expect(reponse.status).toBe(202);
    expect(reponse.body).toEqual(ACCUSE);
    await pause();
    expect(await lignes(email)).toEqual([]);
    expect(recusPar(email)).toEqual([]);
  });

  it('un lien de confirmation inconnu ou absent ne confirme rien', async () => {
    expect((await api().post('/api/abonnements/confirmer').query({ jeton: 'inconnu' })).status).toBe(404);
    expect((await api().get('/api/abonnements/confirmer')).status).toBe(400);
    expect((await api().get('/api/abonnements/desabonner').query({ jeton: 'abc.def' })).status).toBe(404);
  });

  it('limite les demandes par adresse IP, REST et GraphQL ensemble (429 au-delà)', async () => {
    const COUPEE = { actif: false, max: 5, fenetreSecondes: 300 };
    const limites = (abonnement: unknown) => ({ connexion: COUPEE, inscription: COUPEE, motDePasse: COUPEE, api: COUPEE, signalement: COUPEE, abonnement });
    configurer('api.limites', limites({ actif: true, max: 2, fenetreSecondes: 3600 }));
    try {
      expect((await abonner({ email: adresse('limite'), thematiques: [THEME] })).status).toBe(202);
      const mutation = await graphql('mutation($e: String!) { sAbonner(email: $e, thematiques: ["mobilites"]) { recu } }', { e: adresse('limite') });
      expect(mutation.body.data.sAbonner.recu).toBe(true);
      const email = adresse('limite');
      const troisieme = await abonner({ email, thematiques: [THEME] });
      expect(troisieme.status).toBe(429);
      expect(troisieme.body.error.message).toBe('Trop de demandes d’abonnement envoyées depuis votre adresse. Réessayez plus tard.');
      expect(await lignes(email)).toEqual([]);
    } finally {
      configurer('api.limites', limites(COUPEE));
    }
  });
});

describe('GraphQL : mutation sAbonner', () => {
  const MUTATION = 'mutation($e: String!, $t: [String!]!, $f: String) { sAbonner(email: $e, thematiques: $t, frequence: $f) { recu message } }';

  it('enregistre la demande et envoie la confirmation, même réponse qu’en REST', async () => {
    const email = adresse('graphql');
    const reponse = await graphql(MUTATION, { e: email, t: [THEME], f: 'hebdomadaire' });
    expect(reponse.body.errors).toBeUndefined();
    expect(reponse.body.data.sAbonner).toEqual({ recu: true, message: ACCUSE.meta.message });
    expect(await lignes(email)).toMatchObject([{ email, frequence: 'hebdomadaire', confirme_le: null }]);
    await smtp.attendre(email, /Pour confirmer, ouvrez ce lien/);
  });

  it('refuse en français une thématique inconnue, sans rien écrire', async () => {
    const email = adresse('graphql');
    const reponse = await graphql(MUTATION, { e: email, t: ['astrologie'] });
    expect(reponse.body.errors[0].message).toContain('Thématique inconnue : « astrologie »');
    expect(await lignes(email)).toEqual([]);
  });
});

describe('Les abonnements restent internes', () => {
  it.each([...Object.entries(APPELANTS), ['jetonComplet', enteteJeton]] as Array<[string, () => Record<string, string>]>)('REST : %s ne lit ni ne liste aucun abonnement', async (_nom, entete) => {
    const [ligne] = await executerSql('SELECT document_id FROM abonnements ORDER BY id DESC LIMIT 1');
    for (const chemin of ['/api/abonnements', `/api/abonnements/${String(ligne?.document_id ?? 'x')}`]) {
      const reponse = await api().get(chemin).set(entete());
      expect([chemin, [403, 404].includes(reponse.status)]).toEqual([chemin, true]);
      expect(reponse.text).not.toContain('@exemple.fr');
    }
    for (const methode of ['put', 'delete'] as const) expect([403, 404, 405, 415]).toContain((await api()[methode](`/api/abonnements/${String(ligne?.document_id)}`).set(entete())).status);
  });

  it('GraphQL : aucun type ni requête pour les abonnements, seulement la mutation sAbonner', async () => {
    const reponse = await graphql('{ __schema { queryType { fields { name } } mutationType { fields { name } } types { name } } }', {}, enteteJeton());
    const noms = JSON.stringify(reponse.body.data);
    expect(noms).toContain('"sAbonner"');
    expect(noms).not.toMatch(/abonnement/i);
  });
});
