/**
 * An untrained agent in a real browser (Debian's Chromium driven by playwright-core), issue 11: a
 * contributeur of one collectivité (Metz) fills a complete fiche section by section and submits it; the
 * référent requests changes with a comment, the contributeur fixes the résumé and submits without
 * saving first, the référent validates, the modérateur publishes, the public API serves the fiche.
 *
 * The walk runs once (first test); the tests after it check what it measured: interactions, the fix
 * kept, the words on every screen read, the pickers. Numbered screenshots of each step go to
 * tests/e2e/captures/ (git-ignored, kept by CI), with rapport.json (counts and defects).
 */
import fs from 'fs';
import path from 'path';
import { chromium, type Browser } from 'playwright-core';
import { api, enteteAdmin, enteteJeton } from '../helpers/http';
import { CLES, lire } from '../helpers/environnement';
import { collectiviteParSiren } from '../helpers/donnees';
import { creerAgent, MOT_DE_PASSE_AGENT, rattacher, type Agent } from '../helpers/comptes';
import { Compteur, Ecran, preparerDossier, type Contexte, type Lecture } from '../helpers/ecran-agent';
import { CHAINES_ANGLAISES, codesBruts, defautsSelecteur, motsTrouves } from '../helpers/textes-ecran';
import { PUBLICS_CIBLES, TECHNIQUES_IA, THEMATIQUES, type EntreeTaxonomie } from '../../src/referentiel/taxonomies';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CAPTURES = path.resolve(__dirname, 'captures');
const MAX_INTERACTIONS_FICHE = 45;
const PROJET = 'api::projet.projet';

/**
 * ViPARE, a projet of Ville de Metz in the demo data (donnees/interconnectes), with every section an
 * agent fills: general information as in the data, then the algorithm, data, evaluation and
 * members-only parts the Interconnectés model asks for.
 */
const FICHE = {
  nom: `ViPARE ${Date.now()}`,
  resume: 'Mesurer l’effet des actions de nettoiement sur la propreté des rues, à partir de vidéos analysées sur smartphone.',
  description:
    'Le projet aide la collectivité à mesurer et quantifier l’impact de ses actions de nettoiement, afin d’identifier des pistes d’amélioration de la salubrité publique. Une application mobile filme les axes de voirie ; l’IA identifie les déchets dans les images, directement sur le smartphone, par frugalité.',
  offreur: 'NAIA Science',
  statut: 'experimentation',
  dateDemarrage: { saisie: '01/01/2024', iso: '2024-01-01' },
  thematique: 'Transition écologique et énergétique',
  sousThematiques: [
    { nom: 'Déchets et économie circulaire', recherche: 'Déchets' },
    { nom: 'Participation citoyenne', recherche: 'Participation' },
  ],
  public: 'Grand public',
  lien: 'https://metz.fr/conseil_municipal/seances/point-6832.php',
  evaluation: { risqueCategorie: 'minimal', niveauAutomatisation: 'sans_decision_individuelle', interventionHumaine: 'Les agents de la propreté vérifient chaque semaine les cartes produites.' },
  technique: 'Vision par ordinateur',
  algorithme: { nom: 'Détection de déchets sur images', description: 'Un réseau de neurones repère et compte les déchets visibles sur chaque image de la vidéo.' },
  donnees: { source: 'usager', modeAcces: 'automatisee' },
  hebergement: 'interne',
  budget: 'moins_50k',
  contact: 'proprete.urbaine@metz.fr',
};
const COMMENTAIRE = 'Précisez dans le résumé sur combien de quartiers porte l’expérimentation.';
const RESUME_CORRIGE = 'Mesurer l’effet des actions de nettoiement sur la propreté des rues de trois quartiers, à partir de vidéos analysées sur smartphone.';

let navigateur: Browser;
let ctx: Contexte;
let contributeur: Agent;
let referent: Agent;
let moderateur: Agent;
/** What the walk measured, checked by the tests after it. */
const mesures: {
  documentId?: string;
  interactionsFiche?: number;
  interactionsCircuit?: number;
  resumeApresSoumission?: string;
  resumePublie?: string;
  selecteurs: Record<string, string[]>;
  collectivitesPourMetz?: string[];
} = { selecteurs: {} };

/** Logs in from the login page; screenshots of the filled form and of the home page when named. */
async function connecter(role: string, agent: Agent, captures: { formulaire?: string; accueil: string }): Promise<Ecran> {
  const ecran = await Ecran.ouvrir(ctx, role);
  await ecran.aller('/admin');
  await ecran.saisir(/e-?mail/i, agent.email);
  await ecran.saisir(/^Mot de passe/, MOT_DE_PASSE_AGENT);
  if (captures.formulaire) await ecran.capturer(captures.formulaire);
  await ecran.cliquer(ecran.page.getByRole('button', { name: 'Se connecter' }));
  await ecran.page.waitForURL(/\/admin\/?$/);
  await ecran.page.getByRole('heading', { level: 1 }).first().waitFor();
  await ecran.capturer(captures.accueil);
  return ecran;
}

/** From the menu to the list of projets (the content manager opens on its first type). */
async function allerALaListe(ecran: Ecran) {
  await ecran.cliquer(ecran.page.getByRole('navigation').getByRole('link', { name: /^(Gestion du contenu|Content Manager)$/ }));
  await ecran.cliquer(ecran.page.getByRole('navigation', { name: 'Contenu' }).getByRole('link', { name: 'Projet', exact: true }));
  await ecran.page.getByRole('heading', { name: 'Projet', level: 1 }).waitFor();
}

/** The fiche in review state `etat`, from the home page when a widget lists it, otherwise from the list of projets. */
async function ouvrirFiche(ecran: Ecran, etat: string) {
  if (!/\/admin\/?$/.test(ecran.page.url())) await ecran.cliquer(ecran.page.getByRole('navigation').getByRole('link', { name: 'Accueil' }));
  const lien = ecran.page.getByRole('main').getByRole('link', { name: new RegExp(FICHE.nom) }).first();
  const surAccueil = await lien.waitFor({ timeout: 5000 }).then(() => true, () => false);
  if (surAccueil) {
    await ecran.cliquer(lien);
  } else {
    await allerALaListe(ecran);
    const cellule = ecran.page.getByRole('gridcell', { name: FICHE.nom }).first();
    await cellule.waitFor();
    await ecran.lire('liste des projets');
    await ecran.cliquer(cellule);
  }
  await ecran.page.waitForURL(/api::projet\.projet\/[a-z0-9]{20,}/);
  const etatAffiche = ecran.page.getByTestId('etat-revue').filter({ hasText: etat }).first();
  if (!(await etatAffiche.waitFor({ timeout: 10000 }).then(() => true, () => false))) {
    // The admin sometimes shows the fiche as it was cached earlier in the session: the agent reloads.
    await ecran.recharger();
    await etatAffiche.waitFor();
  }
}

function inspecter(nom: string, attendues: readonly EntreeTaxonomie[], toutes: readonly EntreeTaxonomie[]) {
  return (options: string[]) => {
    mesures.selecteurs[nom] = defautsSelecteur(options, attendues, toutes);
  };
}

const THEMES = THEMATIQUES.filter((t) => !t.parent);
const SOUS_THEMES = THEMATIQUES.filter((t) => t.parent);
const REFERENTIEL = [...THEMATIQUES, ...PUBLICS_CIBLES, ...TECHNIQUES_IA];

/** The contributeur's walk through every section of the fiche, from « Créer une entrée » to « Soumettre ». */
async function remplirLaFiche(ecran: Ecran) {
  const { page } = ecran;
  await ecran.cliquer(page.getByRole('link', { name: /^Créer une (nouvelle )?entrée$/ }).first());
  await page.getByLabel(/^Nom du projet/).waitFor();

  // Informations générales, as in the demo data
  await ecran.saisir(/^Nom du projet/, FICHE.nom);
  await ecran.saisir(/^Résumé/, FICHE.resume);
  await ecran.saisirTexteRiche('Description du service', FICHE.description);
  mesures.collectivitesPourMetz = await ecran.optionsPour(/^Collectivités partenaires/, 'Metz');
  // Prefilled for an agent of a single collectivité; otherwise picked.
  const porteuse = page.locator('xpath=(//label[starts-with(normalize-space(.), "Collectivité porteuse")])[1]/following::ol[1]').getByText(/^Metz( —|$)/);
  if (!(await porteuse.first().isVisible())) await ecran.choisirRelation(/^Collectivité porteuse/, 'Metz', 'Metz');
  await porteuse.first().waitFor();
  await ecran.choisirRelation(/^Offreurs et partenaires/, FICHE.offreur, 'NAIA');
  await ecran.choisirValeur(/^Statut du projet/, PROJET, 'statut', FICHE.statut);
  await ecran.saisirDate(/^Date de démarrage/, FICHE.dateDemarrage.saisie);
  await ecran.choisirRelation(/^Thématique principale/, FICHE.thematique, 'Transition', inspecter('Thématique principale', THEMES, REFERENTIEL));
  const [premier, second] = FICHE.sousThematiques;
  await ecran.choisirRelation(/^Sous-thématiques/, premier.nom, premier.recherche, inspecter('Sous-thématiques', SOUS_THEMES, REFERENTIEL));
  await ecran.choisirRelation(/^Sous-thématiques/, second.nom, second.recherche);
  await ecran.choisirRelation(/^Publics cibles/, FICHE.public, 'Grand', inspecter('Publics cibles', PUBLICS_CIBLES, REFERENTIEL));
  await ecran.saisir(/^Lien d’information/, FICHE.lien);
  await ecran.capturer('04-fiche-informations-generales');

  // Évaluation (public)
  await ecran.ajouterEntree('Évaluation');
  await ecran.choisirValeur(/^Catégorie de risque/, 'projet.evaluation', 'risqueCategorie', FICHE.evaluation.risqueCategorie);
  await ecran.choisirValeur(/^Niveau d’automatisation/, 'projet.evaluation', 'niveauAutomatisation', FICHE.evaluation.niveauAutomatisation);
  await ecran.saisir(/^Intervention humaine/, FICHE.evaluation.interventionHumaine);
  await ecran.capturer('05-fiche-evaluation');

  // Accès restreint (membres): algorithme, données, hébergement, budget, contact
  await ecran.choisirRelation(/^Techniques d’IA/, FICHE.technique, 'Vision', inspecter('Techniques d’IA', TECHNIQUES_IA, REFERENTIEL));
  await ecran.ajouterEntree('Algorithme');
  await ecran.saisir(/^Nom de l’algorithme/, FICHE.algorithme.nom);
  await ecran.saisir(/^Description de l’algorithme/, FICHE.algorithme.description);
  await ecran.ajouterEntree('Données');
  await ecran.ajouterEntree('Sources des données');
  await ecran.choisirValeur(/^Source(?!s)/, 'projet.source-donnees', 'source', FICHE.donnees.source);
  await ecran.choisirValeur(/^Mode de collecte/, 'projet.donnees', 'modeAcces', FICHE.donnees.modeAcces);
  await ecran.choisirValeur(/^Hébergement/, PROJET, 'hebergement', FICHE.hebergement);
  await ecran.choisirValeur(/^Budget annuel/, PROJET, 'budget', FICHE.budget);
  await ecran.saisir(/^Contact/, FICHE.contact);
  await ecran.capturer('06-fiche-acces-restreint');

  await ecran.enregistrer();
  await page.waitForURL(/api::projet\.projet\/[a-z0-9]{20,}/);
  mesures.documentId = page.url().split('/').pop() as string;
  await ecran.capturer('07-fiche-enregistree');
  await ecran.agirEnRevue('soumettre', 'En validation (référent)');
}

beforeAll(async () => {
  preparerDossier(CAPTURES);
  navigateur = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  ctx = { navigateur, url: lire(CLES.url), compteur: new Compteur(), lectures: [], dossierCaptures: CAPTURES, ecrans: [] };
  const suffixe = Date.now();
  [contributeur, referent, moderateur] = await Promise.all([
    creerAgent(`agent.contributeur.${suffixe}@metz.fr`, 'Contributeur'),
    creerAgent(`agent.referent.${suffixe}@metz.fr`, 'Référent'),
    creerAgent(`agent.moderateur.${suffixe}@interconnectes.fr`, 'Modérateur'),
  ]);
  await rattacher(await collectiviteParSiren('215704636'), { referents: [referent], contributeurs: [contributeur] });
  // A partner of ViPARE, already in the library as the demo import creates it.
  const offreur = await api().post('/api/offreurs').set(enteteJeton()).query({ status: 'published' }).send({ data: { nom: FICHE.offreur, type: 'recherche' } });
  if (offreur.status !== 201) throw new Error(`Offreur : ${offreur.status} ${JSON.stringify(offreur.body)}`);
});

afterAll(async () => {
  await navigateur?.close();
  const rapport = {
    interactions: { ficheComplete: mesures.interactionsFiche, circuitComplet: mesures.interactionsCircuit, maximumFiche: MAX_INTERACTIONS_FICHE },
    codesBruts: defautsDeMots(codesBruts()),
    chainesAnglaises: defautsDeMots(CHAINES_ANGLAISES),
    selecteurs: mesures.selecteurs,
    collectivitesPourMetz: mesures.collectivitesPourMetz?.slice(0, 5),
    resume: { corrige: RESUME_CORRIGE, apresSoumission: mesures.resumeApresSoumission, publie: mesures.resumePublie },
    journal: ctx?.compteur.journal,
  };
  fs.writeFileSync(path.join(CAPTURES, 'rapport.json'), `${JSON.stringify(rapport, null, 2)}\n`);
  process.stdout.write(
    `\nAgent non formé : fiche complète en ${mesures.interactionsFiche ?? '?'} interactions (au plus ${MAX_INTERACTIONS_FICHE}), ` +
      `circuit complet en ${mesures.interactionsCircuit ?? '?'}.\nCaptures d’écran et rapport : ${CAPTURES}\n`,
  );
});

it(
  'un agent non formé remplit une fiche complète, la fait relire, corriger, valider et publier',
  () => parcourir().catch(async (erreur) => {
    await Ecran.capturerEchec(ctx);
    throw erreur;
  }),
  300000,
);

/** The walk, from the contributeur's login to the public API. */
async function parcourir() {
  ctx.compteur.debuter('circuit');
  const ecranContributeur = await connecter('contributeur', contributeur, { formulaire: '01-connexion', accueil: '02-accueil-contributeur' });
  await allerALaListe(ecranContributeur);
  await ecranContributeur.capturer('03-liste-projets');
  ctx.compteur.debuter('fiche');
  await remplirLaFiche(ecranContributeur);
  mesures.interactionsFiche = ctx.compteur.terminer('fiche');
  await ecranContributeur.capturer('08-fiche-soumise');

  const ecranReferent = await connecter('référent', referent, { accueil: '09-accueil-referent' });
  await ouvrirFiche(ecranReferent, 'En validation (référent)');
  await ecranReferent.capturer('10-relecture-referent');
  await ecranReferent.agirEnRevue('demander_modifications', 'Modifications demandées', COMMENTAIRE);
  await ecranReferent.capturer('11-modifications-demandees');

  // The contributeur reads the comment, fixes the résumé and submits at once, without « Enregistrer ».
  await ouvrirFiche(ecranContributeur, 'Modifications demandées');
  await ecranContributeur.page.getByText(COMMENTAIRE).first().waitFor();
  await ecranContributeur.saisir(/^Résumé/, RESUME_CORRIGE);
  await ecranContributeur.capturer('12-correction-contributeur');
  await ecranContributeur.agirEnRevue('soumettre', 'En validation (référent)');
  await ecranContributeur.capturer('13-fiche-resoumise');
  const brouillon = await api().get(`/content-manager/collection-types/${PROJET}/${mesures.documentId}`).set(enteteAdmin());
  mesures.resumeApresSoumission = brouillon.body.data?.resume;

  await ouvrirFiche(ecranReferent, 'En validation (référent)');
  await ecranReferent.agirEnRevue('valider', 'En modération');
  await ecranReferent.capturer('14-validee-referent');

  const ecranModerateur = await connecter('modérateur', moderateur, { accueil: '15-accueil-moderateur' });
  await ouvrirFiche(ecranModerateur, 'En modération');
  await ecranModerateur.agirEnRevue('publier', 'Publié');
  await ecranModerateur.capturer('16-publiee');
  mesures.interactionsCircuit = ctx.compteur.terminer('circuit');

  // The public API serves the fiche with what the agent typed and picked.
  const publie = await api()
    .get(`/api/projets/${mesures.documentId}`)
    .query({ populate: ['collectivite', 'offreurs', 'thematique', 'sousThematiques', 'publics', 'evaluation'] });
  expect(publie.status).toBe(200);
  mesures.resumePublie = publie.body.data.resume;
  expect(publie.body.data).toMatchObject({
    nom: FICHE.nom,
    statut: FICHE.statut,
    dateDemarrage: FICHE.dateDemarrage.iso,
    lienInformation: FICHE.lien,
    collectivite: { nom: 'Metz' },
    offreurs: [{ nom: FICHE.offreur }],
    thematique: { nom: FICHE.thematique },
    publics: [{ nom: FICHE.public }],
    evaluation: { ...FICHE.evaluation },
  });
  expect(publie.body.data.description).toContain('quantifier l’impact');
  expect(publie.body.data.sousThematiques.map((t: { nom: string }) => t.nom).sort()).toEqual(FICHE.sousThematiques.map((t) => t.nom).sort());
  // Members-only fields are not public: the content manager shows they were filled too.
  const complet = await api().get(`/content-manager/collection-types/${PROJET}/${mesures.documentId}`).set(enteteAdmin());
  expect(complet.body.data).toMatchObject({
    algorithme: FICHE.algorithme,
    donnees: { modeAcces: FICHE.donnees.modeAcces, sources: [{ source: FICHE.donnees.source }] },
    hebergement: FICHE.hebergement,
    budget: FICHE.budget,
    contact: FICHE.contact,
  });
}

it(`la fiche complète tient en ${MAX_INTERACTIONS_FICHE} interactions au plus`, () => {
  expect(mesures.interactionsFiche).toBeDefined();
  expect(mesures.interactionsFiche).toBeLessThanOrEqual(MAX_INTERACTIONS_FICHE);
});

it('« Soumettre » sans « Enregistrer » ne perd pas la correction en cours', () => {
  expect(mesures.resumeApresSoumission).toBe(RESUME_CORRIGE);
  expect(mesures.resumePublie).toBe(RESUME_CORRIGE);
});

/** Per screen read, the listed words found on it. */
function defautsDeMots(mots: readonly string[]): Record<string, string[]> {
  const defauts: Record<string, string[]> = {};
  for (const { etape, role, texte } of ctx?.lectures ?? ([] as Lecture[])) {
    const trouves = motsTrouves(texte, mots);
    if (trouves.length > 0) defauts[`${role} : ${etape}`] = trouves;
  }
  return defauts;
}

it('aucun code brut sur les écrans lus par les agents', () => {
  expect(ctx.lectures.length).toBeGreaterThan(10);
  expect(defautsDeMots(codesBruts())).toEqual({});
});

it('aucune chaîne anglaise de Strapi sur les écrans lus par les agents', () => {
  expect(ctx.lectures.length).toBeGreaterThan(10);
  expect(defautsDeMots(CHAINES_ANGLAISES)).toEqual({});
});

it('les sélecteurs ne proposent que les entrées françaises du référentiel qu’ils acceptent, une fois chacune', () => {
  expect(Object.keys(mesures.selecteurs).sort()).toEqual(['Publics cibles', 'Sous-thématiques', 'Techniques d’IA', 'Thématique principale']);
  expect(mesures.selecteurs).toEqual({ 'Publics cibles': [], 'Sous-thématiques': [], 'Techniques d’IA': [], 'Thématique principale': [] });
});

it('« Metz » tapé dans le sélecteur de collectivités propose la ville de Metz en premier', () => {
  expect(mesures.collectivitesPourMetz?.[0]).toMatch(/^Metz( — commune \(57\))?$/);
});
