/**
 * GET /api/statistiques and GET /api/projets/:documentId/similaires (issue 6), through the real HTTP
 * server: counts checked against the lists of the content API (other test files create projets in the
 * same database: no absolute count), cache forgotten on publish and unpublish, Restreint never used
 * for an anonymous caller, bad input answered in French.
 */
import fs from 'fs';
import path from 'path';
import { api, APPELANTS, enteteAdmin, enteteJeton, graphql } from '../helpers/http';
import { CHEMIN_OPENAPI } from '../helpers/environnement';
import { collectiviteParSiren, projetValide, thematique } from '../helpers/donnees';

// Collectivités no other test file lists the projets of.
const SIREN = { toulouse: '213105554', rennes: '213502388', marseille: '211300553', montpellier: '213401722' };
const ANNEE_RARE = '1987';

interface Compte {
  cle: string | null;
  libelle: string;
  total: number;
}
interface Similaire {
  documentId: string;
  nom: string;
  collectivite: { nom: string; slug: string | null };
  score: number;
  raisons: string[];
}

const documentIdDe = async (pluriel: string, slug: string) =>
  (await api().get(`/api/${pluriel}`).query({ 'filters[slug][$eq]': slug })).body.data[0].documentId as string;

async function creerProjet(donnees: Record<string, unknown>, status: 'published' | 'draft' = 'published'): Promise<string> {
  const reponse = await api().post('/api/projets').set(enteteJeton()).query({ status }).send({ data: await projetValide(donnees) });
  if (reponse.status !== 201) throw new Error(`Création du projet : ${reponse.status} ${JSON.stringify(reponse.body)}`);
  return reponse.body.data.documentId;
}

async function statistiques(entete: Record<string, string> = APPELANTS.anonyme()) {
  const reponse = await api().get('/api/statistiques').set(entete);
  expect(reponse.status).toBe(200);
  return reponse.body.data as Record<string, any>;
}

/** Total of the list of published projets matching these query parameters, as an anonymous caller. */
async function totalListe(filtres: Record<string, string>): Promise<number> {
  const reponse = await api()
    .get('/api/projets')
    .query({ ...filtres, 'pagination[pageSize]': 1 });
  expect(reponse.status).toBe(200);
  return reponse.body.meta.pagination.total;
}

const compte = (comptes: Compte[], cle: string | null) => comptes.find((c) => c.cle === cle)?.total ?? 0;

async function similaires(documentId: string, entete: Record<string, string> = APPELANTS.anonyme(), limit = 20): Promise<Similaire[]> {
  const reponse = await api().get(`/api/projets/${documentId}/similaires`).set(entete).query({ limit });
  expect(reponse.status).toBe(200);
  expect(reponse.body.meta).toEqual({ limit });
  return reponse.body.data;
}

const f = {} as Record<'toulouse' | 'rennes' | 'marseille' | 'montpellier' | 'source' | 'voisin' | 'memeCollectivite' | 'brouillon' | 'sourceTechnique' | 'voisinTechnique', string>;

beforeAll(async () => {
  for (const [nom, siren] of Object.entries(SIREN)) f[nom as keyof typeof SIREN] = await collectiviteParSiren(siren);
  const transition = await thematique('transition-ecologique-et-energetique');
  const [performance, eclairage, agent, iaGenerative] = await Promise.all([
    thematique('performance-energetique'),
    thematique('eclairage-public'),
    documentIdDe('publics-cibles', 'agent'),
    documentIdDe('techniques-ia', 'ia-generative'),
  ]);
  const proche = {
    thematique: transition,
    sousThematiques: [performance],
    publics: [agent],
    techniquesIa: [iaGenerative],
    resume: 'Suivi de la consommation énergétique des gymnases et piscines pour planifier leur rénovation thermique.',
  };
  f.source = await creerProjet({
    ...proche,
    nom: 'Sobriété énergétique des gymnases',
    collectivite: f.toulouse,
    sousThematiques: [performance, eclairage],
    statut: 'deploiement',
    dateDemarrage: '2021-03-01',
  });
  f.voisin = await creerProjet({ ...proche, nom: 'Consommation énergétique des piscines', collectivite: f.rennes });
  f.memeCollectivite = await creerProjet({ ...proche, nom: 'Rénovation thermique des gymnases toulousains', collectivite: f.toulouse });
  f.brouillon = await creerProjet({ ...proche, nom: 'Gymnases et piscines sobres (brouillon)', collectivite: f.marseille }, 'draft');

  // Close only by their technique (Restreint) and their text: never a candidate for an anonymous caller.
  const vision = await documentIdDe('techniques-ia', 'vision-par-ordinateur');
  const texte = 'Lecture automatique des plaques minéralogiques par caméras thermographiques nocturnes.';
  f.sourceTechnique = await creerProjet({
    nom: 'Caméras thermographiques nocturnes',
    resume: texte,
    collectivite: f.toulouse,
    thematique: await thematique('administration-et-organisation-interne'),
    sousThematiques: [await thematique('aide-juridique')],
    publics: [await documentIdDe('publics-cibles', 'elu')],
    techniquesIa: [vision],
  });
  f.voisinTechnique = await creerProjet({
    nom: 'Plaques minéralogiques et caméras thermographiques',
    resume: texte,
    collectivite: f.montpellier,
    thematique: await thematique('citoyennete-sante-et-solidarite'),
    sousThematiques: [await thematique('education')],
    publics: [await documentIdDe('publics-cibles', 'etablissement-scolaire')],
    techniquesIa: [vision],
  });
});

describe('GET /api/statistiques', () => {
  it('donne des comptes égaux aux totaux des listes filtrées correspondantes', async () => {
    const s = await statistiques();
    expect(s.projets).toBe(await totalListe({}));
    expect(s.projets).toBeGreaterThanOrEqual(5);
    const verifier = async (comptes: Compte[], filtres: (cle: string | null) => Record<string, string>) => {
      expect(comptes.length).toBeGreaterThan(0);
      for (const c of comptes) expect([c.cle, c.total]).toEqual([c.cle, await totalListe(filtres(c.cle))]);
    };
    await verifier(s.parThematique, (cle) => ({ 'filters[thematique][slug][$eq]': String(cle) }));
    await verifier(s.parSousThematique, (cle) => ({ 'filters[sousThematiques][slug][$eq]': String(cle) }));
    await verifier(s.parStatut, (cle) => ({ 'filters[statut][$eq]': String(cle) }));
    // null: no collectivité, or one without a type (resp. région).
    await verifier(s.parTypeCollectivite, (cle): Record<string, string> => (cle === null ? { 'filters[collectivite][type][$null]': 'true' } : { 'filters[collectivite][type][$eq]': cle }));
    await verifier(s.parRegion, (cle): Record<string, string> => (cle === null ? { 'filters[collectivite][codeRegion][$null]': 'true' } : { 'filters[collectivite][codeRegion][$eq]': cle }));
    await verifier(s.parAnnee, (cle): Record<string, string> =>
      cle === null ? { 'filters[dateDemarrage][$null]': 'true' } : { 'filters[dateDemarrage][$gte]': `${cle}-01-01`, 'filters[dateDemarrage][$lte]': `${cle}-12-31` },
    );
    const sommeAnnees = s.parAnnee.reduce((somme: number, c: Compte) => somme + c.total, 0);
    expect(sommeAnnees).toBe(s.projets);

    const porteuses = await api().get('/api/collectivites').query({ 'filters[projets][publishedAt][$notNull]': 'true', 'pagination[pageSize]': 1 });
    expect(s.collectivitesPorteuses).toBe(porteuses.body.meta.pagination.total);
    expect(s.collectivites).toBeGreaterThanOrEqual(s.collectivitesPorteuses);
  });

  it('libelle les comptes en français', async () => {
    const s = await statistiques();
    expect(s.parThematique).toContainEqual(expect.objectContaining({ cle: 'transition-ecologique-et-energetique', libelle: 'Transition écologique et énergétique' }));
    expect(s.parStatut.map((c: Compte) => c.cle)).toEqual(['exploration', 'experimentation', 'deploiement', 'termine', 'abandonne']);
    expect(s.parStatut).toContainEqual(expect.objectContaining({ cle: 'deploiement', libelle: 'En déploiement' }));
    expect(s.parRegion).toContainEqual(expect.objectContaining({ cle: '76', libelle: 'Occitanie' }));
    expect(s.parAnnee).toContainEqual(expect.objectContaining({ cle: '2021', libelle: '2021' }));
  });

  it('ne compte par technique d’IA (Restreint) que pour un membre', async () => {
    const anonyme = await statistiques();
    expect(anonyme).not.toHaveProperty('parTechnique');
    expect(await statistiques(APPELANTS.enAttente())).not.toHaveProperty('parTechnique');
    expect(JSON.stringify(anonyme)).not.toContain('ia-generative');
    const membre = await statistiques(APPELANTS.membre());
    expect(compte(membre.parTechnique, 'ia-generative')).toBeGreaterThanOrEqual(3);
    const liste = await api()
      .get('/api/projets')
      .set(APPELANTS.membre())
      .query({ 'filters[techniquesIa][slug][$eq]': 'vision-par-ordinateur', 'pagination[pageSize]': 1 });
    expect(compte(membre.parTechnique, 'vision-par-ordinateur')).toBe(liste.body.meta.pagination.total);
  });

  it('tient compte d’une publication, d’une dépublication et d’une suppression (cache invalidé)', async () => {
    const avant = await statistiques();
    const offreur = await api().post('/api/offreurs').set(enteteJeton()).query({ status: 'published' }).send({ data: { nom: 'Offreur des statistiques', type: 'startup' } });
    const documentId = await creerProjet({ nom: 'Projet de 1987', collectivite: f.rennes, dateDemarrage: `${ANNEE_RARE}-06-15`, statut: 'termine', offreurs: [offreur.body.data.documentId] });
    await creerProjet({ nom: 'Brouillon de 1987', collectivite: f.rennes, dateDemarrage: `${ANNEE_RARE}-06-15` }, 'draft');

    const apres = await statistiques();
    expect(apres.projets).toBe(avant.projets + 1);
    expect(compte(apres.parAnnee, ANNEE_RARE)).toBe(compte(avant.parAnnee, ANNEE_RARE) + 1);
    expect(compte(apres.parStatut, 'termine')).toBe(compte(avant.parStatut, 'termine') + 1);
    expect(compte(apres.parRegion, '53')).toBe(compte(avant.parRegion, '53') + 1);
    expect(apres.offreurs).toBe(avant.offreurs + 1);

    const depublication = await api().post(`/content-manager/collection-types/api::projet.projet/${documentId}/actions/unpublish`).set(enteteAdmin()).send({});
    expect(depublication.status).toBe(200);
    const depublie = await statistiques();
    expect(depublie.projets).toBe(avant.projets);
    expect(compte(depublie.parAnnee, ANNEE_RARE)).toBe(compte(avant.parAnnee, ANNEE_RARE));
    expect(depublie.offreurs).toBe(avant.offreurs);

    await api().post('/api/projets').set(enteteJeton()).query({ status: 'published' }).send({ data: await projetValide({ nom: 'Projet de 1987 bis', collectivite: f.rennes, dateDemarrage: `${ANNEE_RARE}-01-01` }) });
    expect(compte((await statistiques()).parAnnee, ANNEE_RARE)).toBe(compte(avant.parAnnee, ANNEE_RARE) + 1);
  });

  it('tient compte d’une modification de collectivité (cache invalidé)', async () => {
    const modifier = (codeRegion: string) => api().put(`/api/collectivites/${f.montpellier}`).set(enteteJeton()).send({ data: { codeRegion } });
    const origine = (await api().get(`/api/collectivites/${f.montpellier}`)).body.data.codeRegion;
    expect(origine).toBe('76');
    const avant = await statistiques();
    expect((await modifier('53')).status).toBe(200);
    try {
      const apres = await statistiques();
      expect([compte(apres.parRegion, '53'), compte(apres.parRegion, origine)]).toEqual([compte(avant.parRegion, '53') + 1, compte(avant.parRegion, origine) - 1]);
    } finally {
      await modifier(origine);
    }
    expect((await statistiques()).parRegion).toEqual(avant.parRegion);
  });

  it('refuse un paramètre inconnu par un 400 en français', async () => {
    const reponse = await api().get('/api/statistiques').query({ annee: '2020' });
    expect(reponse.status).toBe(400);
    expect(reponse.body.error.message).toBe('Paramètre inconnu : « annee » (aucun paramètre accepté).');
  });
});

describe('GET /api/projets/:documentId/similaires', () => {
  it('propose d’abord le projet le plus proche d’une autre collectivité, avec ses raisons en français', async () => {
    const [premier] = await similaires(f.source, APPELANTS.anonyme(), 5);
    expect(premier).toMatchObject({ documentId: f.voisin, nom: 'Consommation énergétique des piscines', collectivite: { nom: 'Rennes' } });
    expect(premier.score).toBeGreaterThan(0);
    expect(premier.score).toBeLessThanOrEqual(1);
    expect(premier.raisons).toEqual([
      'même sous-thématique : Performance énergétique',
      'même thématique : Transition écologique et énergétique',
      'même public : Agent',
      expect.stringMatching(/^description proche \(mots communs : .*(énergétique|gymnases|piscines)/),
    ]);
  });

  it('ne propose jamais un projet de la même collectivité, un brouillon ni le projet lui-même', async () => {
    for (const appelant of [APPELANTS.anonyme(), APPELANTS.membre()]) {
      const proposes = (await similaires(f.source, appelant)).map((p) => p.documentId);
      expect(proposes.length).toBeGreaterThan(0);
      expect(proposes).not.toContain(f.source);
      expect(proposes).not.toContain(f.memeCollectivite);
      expect(proposes).not.toContain(f.brouillon);
    }
    const scores = (await similaires(f.source)).map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('n’utilise les techniques d’IA (Restreint) que pour un membre', async () => {
    const anonyme = await similaires(f.sourceTechnique);
    expect(anonyme.map((p) => p.documentId)).not.toContain(f.voisinTechnique);
    expect(anonyme.flatMap((p) => p.raisons).join(' ')).not.toMatch(/technique/i);
    const enAttente = await similaires(f.sourceTechnique, APPELANTS.enAttente());
    expect(enAttente.map((p) => p.documentId)).not.toContain(f.voisinTechnique);
    const jetonLecture = await similaires(f.sourceTechnique, APPELANTS.jetonLecture());
    expect(jetonLecture.map((p) => p.documentId)).toContain(f.voisinTechnique);
    const membre = await similaires(f.sourceTechnique, APPELANTS.membre());
    expect(membre.find((p) => p.documentId === f.voisinTechnique)?.raisons).toEqual([
      'même technique d’IA : Vision par ordinateur',
      expect.stringMatching(/^description proche \(mots communs : /),
    ]);
  });

  it('répond 404 en français pour un projet inconnu ou non publié', async () => {
    for (const documentId of ['inconnu0000000000000000', f.brouillon, "x' OR 1=1 --"]) {
      const reponse = await api().get(`/api/projets/${encodeURIComponent(documentId)}/similaires`);
      expect([documentId, reponse.status, reponse.body.error?.message]).toEqual([documentId, 404, 'Projet introuvable : aucun projet publié n’a cet identifiant (documentId).']);
    }
  });

  it('refuse une limite invalide ou un paramètre inconnu par un 400 en français', async () => {
    for (const query of [{ limit: '0' }, { limit: '1000' }, { limit: '2.5' }, { limit: 'abc' }, { limit: '-3' }, { 'limit[$gt]': '3' }]) {
      const reponse = await api().get(`/api/projets/${f.source}/similaires`).query(query);
      expect([query, reponse.status, reponse.body.error?.message]).toEqual([query, 400, 'Le paramètre « limit » doit être un entier entre 1 et 20.']);
    }
    const inconnu = await api().get(`/api/projets/${f.source}/similaires`).query({ tri: 'score' });
    expect(inconnu.status).toBe(400);
    expect(inconnu.body.error.message).toBe('Paramètre inconnu : « tri » (paramètres acceptés : limit).');
    const parDefaut = await api().get(`/api/projets/${f.source}/similaires`);
    expect(parDefaut.body.meta).toEqual({ limit: 5 });
    expect(parDefaut.body.data.length).toBeLessThanOrEqual(5);
  });
});

describe('GraphQL : statistiques et projetsSimilaires', () => {
  it('donne les mêmes comptes que REST, sans technique pour un anonyme', async () => {
    const requete = '{ statistiques { projets collectivites offreurs parStatut { cle libelle total } parTechnique { cle total } } }';
    const anonyme = await graphql(requete);
    const rest = await statistiques();
    expect(anonyme.body.data.statistiques).toEqual({
      projets: rest.projets,
      collectivites: rest.collectivites,
      offreurs: rest.offreurs,
      parStatut: rest.parStatut,
      parTechnique: null,
    });
    const membre = await graphql(requete, {}, APPELANTS.membre());
    expect(membre.body.data.statistiques.parTechnique).toContainEqual({ cle: 'vision-par-ordinateur', total: expect.any(Number) });
  });

  it('donne les mêmes projets similaires que REST et refuse une mauvaise entrée en français', async () => {
    const requete = 'query($d: ID!, $l: Int) { projetsSimilaires(documentId: $d, limit: $l) { documentId score raisons collectivite { nom } } }';
    const reponse = await graphql(requete, { d: f.source, l: 3 });
    const rest = await similaires(f.source, APPELANTS.anonyme(), 3);
    expect(reponse.body.data.projetsSimilaires).toEqual(rest.map((p) => ({ documentId: p.documentId, score: p.score, raisons: p.raisons, collectivite: { nom: p.collectivite.nom } })));
    const membre = await graphql(requete, { d: f.sourceTechnique, l: 20 }, APPELANTS.membre());
    expect(membre.body.data.projetsSimilaires.map((p: { documentId: string }) => p.documentId)).toContain(f.voisinTechnique);
    const anonyme = await graphql(requete, { d: f.sourceTechnique, l: 20 });
    expect(anonyme.body.data.projetsSimilaires.map((p: { documentId: string }) => p.documentId)).not.toContain(f.voisinTechnique);

    const trop = await graphql(requete, { d: f.source, l: 1000 });
    expect(trop.body.errors[0].message).toBe('Le paramètre « limit » doit être un entier entre 1 et 20.');
    const inconnu = await graphql(requete, { d: f.brouillon });
    expect(inconnu.body.errors[0].message).toBe('Projet introuvable : aucun projet publié n’a cet identifiant (documentId).');
  });
});

describe('Description OpenAPI', () => {
  it('décrit les deux lectures calculées', () => {
    const { paths, components } = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../..', CHEMIN_OPENAPI), 'utf8'));
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/statistiques', '/projets/{documentId}/similaires']));
    expect(paths['/projets/{documentId}/similaires'].get.parameters).toContainEqual(expect.objectContaining({ name: 'limit', schema: expect.objectContaining({ maximum: 20 }) }));
    expect(Object.keys(components.schemas)).toEqual(expect.arrayContaining(['StatistiquesResponse', 'ProjetsSimilairesResponse', 'StatistiqueCompte']));
  });
});
