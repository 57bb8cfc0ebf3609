/**
 * Quality aids of the review (docs/qualite.md): completeness by section and hints through the admin route,
 * the stored score and link flags as admin list filters, the link checker against a local HTTP server;
 * none of it moves the review state nor is served by the content API.
 */
import http from 'http';
import type { AddressInfo } from 'net';
import { api, enteteAdmin, enteteJeton } from '../helpers/http';
import { collectiviteParSiren, publicCible, thematique } from '../helpers/donnees';
import { creerAgent, rattacher, type Agent } from '../helpers/comptes';
import { verifierLiensDansStrapi } from '../helpers/pont';

const PROJET = 'api::projet.projet';
const cm = `/content-manager/collection-types/${PROJET}`;
const PREFIXE = `Qualité ${Date.now()}`;

let moderateur: Agent;
let contributeur: Agent;
let metz: string;
let base: string;
let serveur: http.Server;
/** Requests the local server received: « METHOD /path user-agent ». */
const recues: string[] = [];

/** A site answering each case of the checker. */
function demarrerSite(): Promise<void> {
  serveur = http.createServer((req, res) => {
    recues.push(`${req.method} ${req.url} ${req.headers['user-agent']}`);
    const fin = (statut: number, entetes: Record<string, string> = {}) => {
      res.writeHead(statut, entetes);
      res.end(req.method === 'HEAD' ? undefined : 'corps');
    };
    switch (req.url) {
      case '/ok':
        return fin(200);
      case '/absent':
        return fin(404);
      case '/redirection':
        return fin(301, { Location: '/ok' });
      case '/redirection-cassee':
        return fin(302, { Location: `${base}/absent` });
      case '/head-refuse':
        return fin(req.method === 'HEAD' ? 405 : 200);
      case '/trop':
        return fin(429);
      case '/lent':
        return; // never answers: the checker's timeout
      default:
        return fin(500);
    }
  });
  return new Promise((resolve) => serveur.listen(0, '127.0.0.1', () => {
    base = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`;
    resolve();
  }));
}

let numero = 0;
async function creer(agent: Agent, donnees: Record<string, unknown>): Promise<string> {
  numero += 1;
  const reponse = await api()
    .post(cm)
    .set(agent.entete)
    .send({ nom: `${PREFIXE} ${numero}`, description: 'Tri des demandes des usagers.', statut: 'experimentation', collectivite: { connect: [{ documentId: metz }] }, ...donnees });
  if (reponse.status !== 201) throw new Error(`Création : ${reponse.status} ${JSON.stringify(reponse.body)}`);
  return reponse.body.data.documentId as string;
}

const transition = (documentId: string, action: string) => api().post('/revue-editoriale/transitions').set(moderateur.entete).send({ uid: PROJET, documentId, action });
const etatRevue = async (documentId: string) => (await api().get(`/revue-editoriale/documents/${PROJET}/${documentId}`).set(moderateur.entete)).body.data.etat as string;
const brouillonCm = async (documentId: string) => (await api().get(`${cm}/${documentId}`).set(moderateur.entete)).body.data as Record<string, unknown>;
const qualite = (agent: Agent, documentId: string) => api().get(`/qualite/projets/${documentId}`).set(agent.entete);

/** documentIds of this file's projets in the admin list, with these query filters. */
async function liste(filtres: Record<string, string>): Promise<string[]> {
  const reponse = await api().get(cm).set(moderateur.entete).query({ 'filters[nom][$startsWith]': PREFIXE, pageSize: 100, ...filtres });
  expect(reponse.status).toBe(200);
  return reponse.body.results.map((r: { documentId: string }) => r.documentId).sort();
}

beforeAll(async () => {
  const suffixe = Date.now();
  [moderateur, contributeur] = await Promise.all([
    creerAgent(`moderateur.qualite.${suffixe}@interconnectes.fr`, 'Modérateur'),
    creerAgent(`contributeur.qualite.${suffixe}@metz.fr`, 'Contributeur'),
  ]);
  metz = await collectiviteParSiren('215704636');
  await rattacher(metz, { contributeurs: [contributeur] });
  await demarrerSite();
});
afterAll(() => new Promise<void>((resolve) => serveur.close(() => resolve())));

describe('complétude par section et langage clair (GET /qualite/projets/:documentId)', () => {
  it('le modérateur lit la complétude de chaque section et les remarques ; le score est stocké et suit les enregistrements', async () => {
    const documentId = await creer(moderateur, { resume: 'Le DPO valide chaque réponse.' });
    const lu = await qualite(moderateur, documentId);
    expect(lu.status).toBe(200);
    const { completude, langageClair, liens } = lu.body.data;
    expect(completude.sections.map((s: { titre: string }) => s.titre)).toEqual(['Informations générales', 'Évaluation', 'Cadre juridique et recours']);
    const generales = completude.sections[0];
    const manquant = (cle: string) => generales.items.find((i: { cle: string }) => i.cle === cle);
    expect(manquant('dateDemarrage')).toMatchObject({ renseigne: false, exigences: ['fiche', 'schema_national', 'publication'] });
    expect(manquant('nom')).toMatchObject({ renseigne: true });
    expect(completude.publiable).toBe(false);
    expect(langageClair.find((t: { champ: string }) => t.champ === 'resume').indices).toEqual([expect.objectContaining({ type: 'sigle_non_defini', extrait: 'DPO' })]);
    expect(liens).toEqual({ casses: false, detail: [], verifiesLe: null });
    expect((await brouillonCm(documentId)).scoreCompletude).toBe(completude.score);

    // More filled in: a higher score, stored at once.
    const maj = await api()
      .put(`${cm}/${documentId}`)
      .set(moderateur.entete)
      .send({ dateDemarrage: '2024-03-01', thematique: { connect: [{ documentId: await thematique('mobilites') }] }, publics: { connect: [{ documentId: await publicCible('agent') }] }, baseLegale: 'Mission de service public.' });
    expect(maj.status).toBe(200);
    const apres = (await qualite(moderateur, documentId)).body.data.completude;
    expect(apres.score).toBeGreaterThan(completude.score);
    expect(apres.publiable).toBe(true);
    expect((await brouillonCm(documentId)).scoreCompletude).toBe(apres.score);
    expect(await liste({ 'filters[scoreCompletude][$eq]': String(apres.score), 'filters[documentId][$eq]': documentId })).toEqual([documentId]);
  });

  it('réservé aux modérateurs (403 en français), 404 pour un projet inconnu, 401 sans session', async () => {
    const documentId = await creer(contributeur, {});
    const refus = await qualite(contributeur, documentId);
    expect(refus.status).toBe(403);
    expect(refus.body.error.message).toBe('Les aides à la qualité des fiches sont réservées aux modérateurs.');
    const inconnu = await qualite(moderateur, 'inconnu123456789012345678');
    expect(inconnu.status).toBe(404);
    expect(inconnu.body.error.message).toBe('Projet introuvable.');
    expect((await api().get(`/qualite/projets/${documentId}`)).status).toBe(401);
  });

  it('un agent n’écrit pas les indicateurs : ignorés, l’état de revue ne bouge pas', async () => {
    const documentId = await creer(contributeur, {});
    const avant = await brouillonCm(documentId);
    const ecriture = await api().put(`${cm}/${documentId}`).set(contributeur.entete).send({ scoreCompletude: 100, liensCasses: true });
    expect(ecriture.status).toBe(200);
    const apres = await brouillonCm(documentId);
    expect([apres.scoreCompletude, apres.liensCasses]).toEqual([avant.scoreCompletude, false]);
    const parModerateur = await api().put(`${cm}/${documentId}`).set(moderateur.entete).send({ scoreCompletude: 100 });
    expect(parModerateur.status).toBe(200);
    expect((await brouillonCm(documentId)).scoreCompletude).toBe(avant.scoreCompletude);
    expect(await etatRevue(documentId)).toBe('brouillon');
  });
});

describe('vérification des liens contre un serveur HTTP local', () => {
  let casse: string;
  let lent: string;
  let sain: string;
  let sansLien: string;
  let interne: string;

  beforeAll(async () => {
    const publiable = { dateDemarrage: '2024-03-01', thematique: { connect: [{ documentId: await thematique('mobilites') }] }, publics: { connect: [{ documentId: await publicCible('agent') }] } };
    casse = await creer(moderateur, {
      ...publiable,
      lienInformation: `${base}/ok`,
      lienDeliberation: `${base}/absent`,
      evaluation: { evaluationsImpact: [{ titre: 'AIPD', url: `${base}/redirection` }] },
    });
    lent = await creer(moderateur, { lienInformation: `${base}/lent`, lienDeliberation: `${base}/redirection-cassee` });
    sain = await creer(moderateur, { lienInformation: `${base}/head-refuse`, lienDeliberation: `${base}/trop` });
    sansLien = await creer(moderateur, {});
    interne = await creer(moderateur, { lienInformation: `${base}/ok`, lienDeliberation: `${base}/absent` });
    expect((await transition(casse, 'soumettre')).status).toBe(200);
    expect((await transition(casse, 'publier')).status).toBe(200);
  });

  it('adresses locales refusées hors autorisation : rien n’est demandé au serveur', async () => {
    const avant = recues.length;
    const bilan = await verifierLiensDansStrapi({ documentIds: [interne], delaiMs: 1000 });
    expect(bilan).toMatchObject({ projets: 1, adresses: 2, casses: 2 });
    expect(recues.length).toBe(avant);
    const { liens } = (await qualite(moderateur, interne)).body.data;
    expect(liens.detail.map((l: { raison: string }) => l.raison)).toEqual(['adresse interne, injoignable du public', 'adresse interne, injoignable du public']);
  });

  it('404, délai dépassé et redirection vers une page absente : cassés ; 200, redirection, HEAD refusé puis GET, 429 : non', async () => {
    const publie = (await api().get(`/api/projets/${casse}`).set(enteteJeton())).body.data;
    const etatAvant = await etatRevue(casse);
    const modifieAvant = (await brouillonCm(casse)).updatedAt;

    const bilan = await verifierLiensDansStrapi({ documentIds: [casse, lent, sain, sansLien], autoriserAdressesPrivees: true, delaiMs: 800, concurrence: 3 });
    expect(bilan).toEqual({ projets: 4, adresses: 7, casses: 3 });

    expect(await liste({ 'filters[liensCasses][$eq]': 'true' })).toEqual([casse, lent, interne].sort());
    expect(await liste({ 'filters[liensCasses][$eq]': 'false' })).toEqual(expect.arrayContaining([sain, sansLien]));

    const detail = async (documentId: string) => (await qualite(moderateur, documentId)).body.data.liens;
    expect((await detail(casse)).detail).toEqual([{ champ: 'lienDeliberation', libelle: 'Lien vers la délibération', url: `${base}/absent`, raison: 'réponse 404' }]);
    expect((await detail(lent)).detail.map((l: { url: string; raison: string }) => [l.url, l.raison])).toEqual([
      [`${base}/lent`, 'injoignable (pas de réponse en 1 s)'],
      [`${base}/redirection-cassee`, 'réponse 404'],
    ]);
    expect(await detail(sain)).toMatchObject({ casses: false, detail: [] });
    expect((await detail(sansLien)).verifiesLe).toEqual(expect.any(String));

    // HEAD first, GET when HEAD is refused; the User-Agent names the library.
    expect(recues.filter((r) => r.startsWith('HEAD /head-refuse') || r.startsWith('GET /head-refuse')).map((r) => r.split(' ')[0])).toEqual(['HEAD', 'GET']);
    expect(recues.every((r) => r.includes('BibliothequeIATerritoriales-VerificationLiens/1.0'))).toBe(true);

    // A computed flag is no edit: same review state, same modification date, same published version.
    expect(await etatRevue(casse)).toBe(etatAvant);
    expect(etatAvant).toBe('publie');
    expect((await brouillonCm(casse)).updatedAt).toBe(modifieAvant);
    const publieApres = (await api().get(`/api/projets/${casse}`).set(enteteJeton())).body.data;
    expect([publieApres.publishedAt, publieApres.updatedAt]).toEqual([publie.publishedAt, publie.updatedAt]);
  });

  it('une vérification arrêtée (arrêt du serveur) coupe ses demandes et n’écrit rien', async () => {
    const arrete = await creer(moderateur, { lienInformation: `${base}/lent` });
    const arret = new AbortController();
    const debut = Date.now();
    const verification = verifierLiensDansStrapi({ documentIds: [arrete], autoriserAdressesPrivees: true, delaiMs: 30_000, signal: arret.signal });
    setTimeout(() => arret.abort(), 300);
    expect(await verification).toMatchObject({ projets: 1, casses: 0, interrompue: true });
    // Cut, not waited for: the request would have waited 30 s for an answer.
    expect(Date.now() - debut).toBeLessThan(10_000);
    expect((await qualite(moderateur, arrete)).body.data.liens).toMatchObject({ verifiesLe: null, detail: [] });
  });

  it('un formulaire qui renvoie d’anciens indicateurs (Super Admin) ne les écrit pas et ne renvoie pas le projet publié en revue', async () => {
    const avant = await brouillonCm(casse);
    const ecriture = await api().put(`${cm}/${casse}`).set(enteteAdmin()).send({ nom: avant.nom, liensCasses: false, liensCassesDetail: [], scoreCompletude: 3 });
    expect(ecriture.status).toBe(200);
    const apres = await brouillonCm(casse);
    expect([apres.liensCasses, apres.scoreCompletude, (apres.liensCassesDetail as unknown[]).length]).toEqual([true, avant.scoreCompletude, 1]);
    expect(await etatRevue(casse)).toBe('publie');
  });

  it('l’API de contenu ne sert jamais les indicateurs, ni ne filtre par eux', async () => {
    for (const entete of [{}, enteteJeton()]) {
      const lu = await api().get(`/api/projets/${casse}`).set(entete);
      expect(lu.status).toBe(200);
      for (const champ of ['scoreCompletude', 'liensCasses', 'liensCassesDetail', 'liensVerifiesLe']) expect(lu.body.data).not.toHaveProperty(champ);
      const filtre = await api().get('/api/projets').set(entete).query({ 'filters[liensCasses][$eq]': 'true' });
      expect(filtre.status).toBe(400);
    }
  });
});
