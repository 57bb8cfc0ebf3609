/** « Signaler une erreur »: POST /api/signalements, its emails, its limits, and that nobody reads the reports on the content API. */
import { api, APPELANTS, enteteAdmin, enteteJeton, graphql } from '../helpers/http';
import { collectiviteParSiren, projetValide } from '../helpers/donnees';
import { creerAgent, rattacher, type Agent } from '../helpers/comptes';
import { configurer, executerSql } from '../helpers/pont';
import { ServeurSmtp } from '../helpers/smtp';

const UID = 'api::signalement.signalement';
const smtp = new ServeurSmtp();
let projet: string;
let brouillon: string;
let referent: Agent;
let moderateur: Agent;
let numero = 0;

/** A unique message, to find its row and its emails. */
const message = () => `Le budget indiqué est faux, marqueur zqs${Date.now()}n${(numero += 1)}.`;
const signaler = (data: Record<string, unknown>) => api().post('/api/signalements').send({ data });
const stockes = async (texte: string) => executerSql('SELECT message, email, etat FROM signalements WHERE message = ?', [texte]);
const COUPEE = { actif: false, max: 5, fenetreSecondes: 300 };
/** Only the signalements' window on, as `signalement` says. */
const limites = (signalement: unknown) => ({ connexion: COUPEE, inscription: COUPEE, motDePasse: COUPEE, api: COUPEE, signalement });
const nombreStockes = async () => Number((await executerSql('SELECT COUNT(*) AS n FROM signalements'))[0].n);

beforeAll(async () => {
  await smtp.demarrer();
  const suffixe = Date.now();
  [referent, moderateur] = await Promise.all([creerAgent(`referent.${suffixe}@bordeaux-metropole.fr`, 'Référent'), creerAgent(`moderateur.${suffixe}@interconnectes.fr`, 'Modérateur')]);
  await rattacher(await collectiviteParSiren('243300316'), { referents: [referent] });
  const publie = await api().post('/api/projets').set(enteteJeton()).query({ status: 'published' }).send({ data: await projetValide({ nom: `Projet signalé ${suffixe}` }) });
  expect(publie.status).toBe(201);
  projet = publie.body.data.documentId;
  const cache = await api().post('/api/projets').set(enteteJeton()).query({ status: 'draft' }).send({ data: await projetValide({ nom: `Projet brouillon ${suffixe}` }) });
  expect(cache.status).toBe(201);
  brouillon = cache.body.data.documentId;
});
afterAll(() => smtp.arreter());

describe('Signaler une erreur', () => {
  it('enregistre le signalement anonyme, sans rien renvoyer, et prévient modérateurs et référents', async () => {
    const texte = message();
    const reponse = await signaler({ projet, message: texte, email: 'Visiteur@Exemple.fr' });
    expect(reponse.status).toBe(201);
    expect(reponse.body).toEqual({ data: { recu: true }, meta: { message: 'Merci : votre signalement a été transmis à l’équipe éditoriale.' } });
    expect(await stockes(texte)).toEqual([{ message: texte, email: 'visiteur@exemple.fr', etat: 'nouveau' }]);
    for (const agent of [moderateur, referent]) {
      const courriel = await smtp.attendre(agent.email, new RegExp(texte.slice(-12)));
      expect(courriel.brut).toContain('Un visiteur signale une erreur sur la fiche du projet « Projet signalé');
      expect(courriel.brut).toMatch(new RegExp(`/admin/content-manager/collection-types/${UID}/[a-z0-9]{24}`));
    }
  });

  it('répond comme d’habitude au robot qui remplit le champ piège, sans rien enregistrer ni envoyer', async () => {
    const avant = await nombreStockes();
    const texte = message();
    const reponse = await signaler({ projet, message: texte, siteWeb: 'https://spam.example' });
    expect(reponse.status).toBe(201);
    expect(reponse.body.data).toEqual({ recu: true });
    expect(await nombreStockes()).toBe(avant);
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.recus.some((c) => c.brut.includes(texte.slice(-12)))).toBe(false);
  });

  it.each([
    ['message absent', () => ({ projet }), 400, 'Le champ « message » est obligatoire'],
    ['message trop court', () => ({ projet, message: 'Faux.' }), 400, 'Le champ « message » doit compter entre 10 et 2000 caractères (reçu : 5).'],
    ['message trop long', () => ({ projet, message: 'x'.repeat(2001) }), 400, 'entre 10 et 2000 caractères (reçu : 2001)'],
    ['adresse invalide', () => ({ projet, message: message(), email: 'pas-une-adresse' }), 400, 'Le champ « email » doit être une adresse électronique valide.'],
    ['projet absent', () => ({ message: message() }), 400, 'Le champ « projet » est obligatoire'],
    ['projet inconnu', () => ({ projet: 'inconnu0000000000000000000', message: message() }), 404, 'Projet introuvable'],
    ['projet jamais publié', () => ({ projet: brouillon, message: message() }), 404, 'Projet introuvable'],
  ])('refuse en français (%s) sans rien écrire', async (_cas, donnees, statut, attendu) => {
    const avant = await nombreStockes();
    const reponse = await signaler(donnees());
    expect(reponse.status).toBe(statut);
    expect(reponse.body.error.message).toContain(attendu);
    expect(await nombreStockes()).toBe(avant);
  });

  it('limite les signalements par adresse IP (429 au-delà)', async () => {
    configurer('api.limites', limites({ actif: true, max: 2, fenetreSecondes: 3600 }));
    try {
      expect((await signaler({ projet, message: message() })).status).toBe(201);
      expect((await signaler({ projet, message: message() })).status).toBe(201);
      const avant = await nombreStockes();
      const troisieme = await signaler({ projet, message: message() });
      expect(troisieme.status).toBe(429);
      expect(troisieme.body.error.message).toBe('Trop de signalements envoyés depuis votre adresse. Réessayez plus tard.');
      expect(await nombreStockes()).toBe(avant);
      // The content API keeps its own window.
      expect((await api().get('/api/thematiques')).status).toBe(200);
    } finally {
      configurer('api.limites', limites(COUPEE));
    }
  });
});

describe('Mutation GraphQL signalerErreur', () => {
  const MUTATION = 'mutation($projet: ID!, $message: String!, $email: String, $siteWeb: String) { signalerErreur(projet: $projet, message: $message, email: $email, siteWeb: $siteWeb) { recu message } }';

  it('enregistre et prévient comme la route REST, sans authentification', async () => {
    const texte = message();
    const reponse = await graphql(MUTATION, { projet, message: texte, email: 'Lectrice@Exemple.fr' });
    expect(reponse.body).toEqual({ data: { signalerErreur: { recu: true, message: 'Merci : votre signalement a été transmis à l’équipe éditoriale.' } } });
    expect(await stockes(texte)).toEqual([{ message: texte, email: 'lectrice@exemple.fr', etat: 'nouveau' }]);
    await smtp.attendre(moderateur.email, new RegExp(texte.slice(-12)));
  });

  it.each([
    ['message trop court', () => ({ projet, message: 'Faux.' }), 'BAD_USER_INPUT', 'Le champ « message » doit compter entre 10 et 2000 caractères (reçu : 5).'],
    ['projet jamais publié', () => ({ projet: brouillon, message: message() }), 'STRAPI_NOT_FOUND_ERROR', 'Projet introuvable'],
  ])('refuse en français (%s) sans rien écrire', async (_cas, variables, code, attendu) => {
    const avant = await nombreStockes();
    const reponse = await graphql(MUTATION, variables());
    expect(reponse.body.data).toBeNull();
    expect(reponse.body.errors[0].message).toContain(attendu);
    expect(reponse.body.errors[0].extensions.code).toBe(code);
    expect(await nombreStockes()).toBe(avant);
  });

  it('champ piège rempli : même réponse, rien d’enregistré', async () => {
    const avant = await nombreStockes();
    const reponse = await graphql(MUTATION, { projet, message: message(), siteWeb: 'https://spam.example' });
    expect(reponse.body.data.signalerErreur.recu).toBe(true);
    expect(await nombreStockes()).toBe(avant);
  });

  it('partage la fenêtre de la route REST (429 au-delà, quel que soit le chemin)', async () => {
    configurer('api.limites', limites({ actif: true, max: 2, fenetreSecondes: 3600 }));
    try {
      expect((await signaler({ projet, message: message() })).status).toBe(201);
      expect((await graphql(MUTATION, { projet, message: message() })).body.data.signalerErreur.recu).toBe(true);
      const avant = await nombreStockes();
      const troisieme = await graphql(MUTATION, { projet, message: message() });
      expect(troisieme.body.errors[0].message).toBe('Trop de signalements envoyés depuis votre adresse. Réessayez plus tard.');
      expect(await nombreStockes()).toBe(avant);
    } finally {
      configurer('api.limites', limites(COUPEE));
    }
  });
});

describe('Les signalements restent internes', () => {
  it.each([...Object.entries(APPELANTS), ['jetonComplet', enteteJeton]] as Array<[string, () => Record<string, string>]>)(
    'REST : %s ne lit ni ne liste aucun signalement',
    async (_nom, entete) => {
      const liste = await api().get('/api/signalements').set(entete());
      expect([403, 404]).toContain(liste.status);
      expect(JSON.stringify(liste.body)).not.toContain('marqueur');
      const detail = await api().get(`/api/signalements/${projet}`).set(entete());
      expect([403, 404]).toContain(detail.status);
    },
  );

  it('GraphQL : aucun type ni requête des signalements, seulement la mutation qui en envoie un', async () => {
    const reponse = await graphql('{ __schema { queryType { fields { name } } mutationType { fields { name } } types { name } } }', {}, enteteJeton());
    const schema = reponse.body.data.__schema as Record<string, { name: string }[] | { fields: { name: string }[] }>;
    const noms = [...(schema.types as { name: string }[]), ...(schema.queryType as { fields: { name: string }[] }).fields, ...(schema.mutationType as { fields: { name: string }[] }).fields].map((t) => t.name);
    expect(noms).toContain('projets');
    expect(noms).toContain('signalerErreur');
    expect(noms.filter((nom) => /signalement/i.test(nom))).toEqual([]);
  });
});

describe('Réponse du modérateur', () => {
  it('envoie la réponse au visiteur une seule fois et date la réponse', async () => {
    const texte = message();
    expect((await signaler({ projet, message: texte, email: 'curieux@exemple.fr' })).status).toBe(201);
    const cm = `/content-manager/collection-types/${UID}`;
    const liste = await api().get(cm).set(moderateur.entete).query({ 'filters[message][$eq]': texte });
    expect(liste.status).toBe(200);
    const documentId = liste.body.results[0].documentId as string;
    const repondre = await api().put(`${cm}/${documentId}`).set(moderateur.entete).send({ etat: 'traite', reponse: 'Merci, la fiche est corrigée.' });
    expect(repondre.status).toBe(200);
    const courriel = await smtp.attendre('curieux@exemple.fr', /Merci, la fiche est corrig/);
    expect(courriel.brut).toContain('Vous nous avez signalé une erreur sur la fiche du projet « Projet signalé');
    const lu = await api().get(`${cm}/${documentId}`).set(enteteAdmin());
    expect(lu.body.data.etat).toBe('traite');
    expect(Date.parse(lu.body.data.reponduLe)).toBeGreaterThan(Date.now() - 60_000);
    // A second save (another answer) sends nothing more.
    expect((await api().put(`${cm}/${documentId}`).set(enteteAdmin()).send({ reponse: 'Seconde réponse.' })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.recus.filter((c) => c.destinataires.includes('curieux@exemple.fr'))).toHaveLength(1);
  });

  it('un modérateur ne crée pas de signalement depuis l’administration', async () => {
    const cree = await api().post(`/content-manager/collection-types/${UID}`).set(moderateur.entete).send({ message: 'Créé depuis l’administration.' });
    expect(cree.status).toBe(403);
  });
});
