/**
 * Imports an Interconnectés file (CSV, XLSX or ODS) into the CMS (README, « Import de la bibliothèque existante »).
 * Thin glue around the pure modules of src/domaine/interconnectes: every write goes through
 * strapi.documents, so the invariants of src/documents apply; each row runs in its own transaction, so a
 * bad row leaves nothing behind and never stops the others. A dry run runs the very same code and rolls
 * every row back: its report is what a real run would do.
 */
import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../domaine/regles-metier';
import { estVide } from '../domaine/validation';
import { correspondreColonnes, erreurColonnes } from '../domaine/interconnectes/colonnes';
import { FichierIllisible, lireFichier, type FichierLu, type FormatFichier } from '../domaine/interconnectes/lecture-fichier';
import { cleProjet, normaliserLigne, type Anomalie, type LigneNormalisee, type Normalisation, type ProjetImporte } from '../domaine/interconnectes/ligne';
import { Annuaire, trouverCollectivite, typeACreer, type CollectiviteConnue } from '../domaine/interconnectes/collectivite';
import { NOMS_COMPOSES } from '../domaine/interconnectes/valeurs';
import { cleTexte } from '../domaine/interconnectes/texte';
import { TYPES_COLLECTIVITE, libelleExport } from '../domaine/interconnectes/vocabulaire';
import { avecReprise, REPRISE_PAR_DEFAUT } from './reprise';

export interface OptionsImport {
  /** writes nothing: every row is run then rolled back */
  simulation?: boolean;
  /** publishes the imported projets (and the offreurs they create); otherwise they wait en_moderation */
  publier?: boolean;
  /** allows creating a collectivité of a kind the reference data does not cover (syndicat, opérateur) */
  creerCollectivites?: boolean;
  /** called once per row with a one-line French progress message */
  progression?: (message: string) => void;
  /** called once per row with the count of rows done and the total (admin progress bar); awaited */
  avancement?: (faites: number, total: number) => void | Promise<void>;
}

/** The file to import: its name (tells the format, with the first bytes) and its content. */
export interface SourceImport {
  nom: string;
  octets: Uint8Array;
}

export type Resultat = 'cree' | 'modifie' | 'inchange' | 'rejete';

export interface RapportLigne {
  ligne: number;
  projet: string;
  collectivite: string | null;
  resultat: Resultat;
  documentId: string | null;
  /** why the row was held back, or what changed */
  raisons: string[];
  avertissements: Anomalie[];
  normalisations: Normalisation[];
  /** the whole row as read, header → cell: nothing of a held-back row is lost */
  cellules: Record<string, string>;
  /** what the projet's notesImport received (« colonne : valeur » per line) */
  notes: string[];
  /** with --publier, why the projet waits en_moderation instead of being published */
  nonPublie: string | null;
}

export interface RapportImport {
  fichier: string;
  simulation: boolean;
  publication: boolean;
  /** null when the file could not be read at all */
  format: FormatFichier | null;
  /** CSV only */
  separateur: string | null;
  bom: boolean;
  colonnesInconnues: string[];
  /** how headers were read when it took a decision (the `description` column, ignored columns) */
  lecturesColonnes: string[];
  /** a file-level problem: nothing was imported */
  erreurFichier: string | null;
  bilan: Record<Resultat, number>;
  lignes: RapportLigne[];
}

interface Collectivite extends CollectiviteConnue {
  siret: string | null;
  latitude: number | null;
  longitude: number | null;
  logoUrl: string | null;
  /** created or completed by a rolled-back row of a dry run: not in the database */
  simulee?: boolean;
}

interface Contexte {
  strapi: Core.Strapi;
  options: OptionsImport;
  annuaire: Annuaire<Collectivite>;
  /** offreurs by name key; `simule`: only created by a rolled-back row of a dry run */
  offreurs: Map<string, { documentId: string; simule: boolean }>;
  taxonomies: Record<'thematique' | 'publicCible' | 'techniqueIa', Map<string, string>>;
  /** natural key → first row of the file that holds it */
  vues: Map<string, number>;
  /** hyphenated names of known offreurs: never split as « A-B » lists */
  nomsComposes: string[];
}

class Simulation extends Error {
  constructor(readonly ligne: RapportLigne) {
    super('simulation');
  }
}

const VIDE: Record<Resultat, number> = { cree: 0, modifie: 0, inchange: 0, rejete: 0 };

const RESULTATS: Record<Resultat, string> = { cree: 'créé', modifie: 'modifié', inchange: 'inchangé', rejete: 'rejeté' };

function rapportVide(fichier: string, options: OptionsImport, lu?: FichierLu): RapportImport {
  return {
    fichier,
    simulation: Boolean(options.simulation),
    publication: Boolean(options.publier),
    format: lu?.format ?? null,
    separateur: lu?.separateur ?? null,
    bom: lu?.bom ?? false,
    colonnesInconnues: [],
    lecturesColonnes: [],
    erreurFichier: null,
    bilan: { ...VIDE },
    lignes: [],
  };
}

export interface FichierAnalyse {
  rapport: RapportImport;
  lu: FichierLu | null;
  /** index in the file → Table Schema column */
  colonnes: Array<string | null>;
}

/** Reads and checks the file as a whole (format, encoding, separator, columns), without Strapi. */
export async function analyserFichier(source: SourceImport, options: OptionsImport = {}): Promise<FichierAnalyse> {
  let lu: FichierLu;
  try {
    lu = lireFichier(source.nom, source.octets);
  } catch (erreur) {
    if (!(erreur instanceof FichierIllisible)) throw erreur;
    return { rapport: { ...rapportVide(source.nom, options), erreurFichier: erreur.message }, lu: null, colonnes: [] };
  }
  const rapport = rapportVide(source.nom, options, lu);
  const correspondance = correspondreColonnes(lu.entetes);
  rapport.colonnesInconnues = correspondance.inconnues;
  rapport.lecturesColonnes = correspondance.lectures;
  rapport.erreurFichier = erreurColonnes(lu.entetes, correspondance);
  if (!rapport.erreurFichier && lu.lignes.length === 0) {
    rapport.erreurFichier = 'Le fichier ne contient que la ligne d’en-tête : aucun projet à importer.';
  }
  const { colonnes } = correspondance;
  return { rapport, lu, colonnes };
}

/** Reads, checks and imports a file; never throws for a problem of the file or of a row (it is in the report). */
export async function importerProjets(strapi: Core.Strapi, source: SourceImport, options: OptionsImport = {}): Promise<RapportImport> {
  const { rapport, lu, colonnes } = await analyserFichier(source, options);
  if (rapport.erreurFichier || !lu) return rapport;

  const ctx = await preparerContexte(strapi, options);
  for (const [index, { numero, valeurs }] of lu.lignes.entries()) {
    const cellules: Record<string, string> = {};
    const brutes: Record<string, string> = {};
    colonnes.forEach((colonne, i) => {
      if (colonne) cellules[colonne] = valeurs[i] ?? '';
    });
    const horsColonnes: Record<string, string> = {};
    lu.entetes.forEach((entete, i) => {
      brutes[entete] = valeurs[i] ?? '';
      if (colonnes[i] === null && entete.trim() !== '') horsColonnes[entete] = valeurs[i] ?? '';
    });
    const ligne = await importerLigne(ctx, normaliserLigne(numero, cellules, ctx.nomsComposes, horsColonnes), brutes);
    rapport.lignes.push(ligne);
    rapport.bilan[ligne.resultat] += 1;
    await options.avancement?.(index + 1, lu.lignes.length);
    options.progression?.(
      `[${index + 1}/${lu.lignes.length}] ligne ${numero} « ${ligne.projet} » : ${RESULTATS[ligne.resultat]}${ligne.raisons.length > 0 ? ` (${ligne.raisons.join(' ; ')})` : ''}`,
    );
  }
  return rapport;
}

async function preparerContexte(strapi: Core.Strapi, options: OptionsImport): Promise<Contexte> {
  const collectivites = (await strapi.db.query(UID.collectivite).findMany({
    select: ['documentId', 'nom', 'type', 'sousType', 'siren', 'siret', 'latitude', 'longitude', 'logoUrl'],
  })) as Collectivite[];
  const offreurs = (await strapi.db.query(UID.offreur).findMany({ select: ['documentId', 'nom'] })) as Array<{ documentId: string; nom: string }>;
  const taxonomie = async (uid: string) => {
    const lignes = (await strapi.db.query(uid as StrapiUID.Schema).findMany({ select: ['documentId', 'slug'] })) as Array<{ documentId: string; slug: string }>;
    return new Map(lignes.map((l) => [l.slug, l.documentId]));
  };
  const ctx: Contexte = {
    strapi,
    options,
    annuaire: new Annuaire(collectivites),
    offreurs: new Map(offreurs.map((o) => [cleTexte(o.nom), { documentId: o.documentId, simule: false }])),
    taxonomies: {
      thematique: await taxonomie(UID.thematique),
      publicCible: await taxonomie(UID.publicCible),
      techniqueIa: await taxonomie(UID.techniqueIa),
    },
    vues: new Map(),
    nomsComposes: [...NOMS_COMPOSES, ...offreurs.map((o) => o.nom).filter((nom) => nom.includes('-'))],
  };
  return ctx;
}

/** What a committed (or simulated) row changes in the in-memory view of the database. */
interface Effets {
  collectivite?: Collectivite;
  completee?: { cible: Collectivite; valeurs: Partial<Collectivite> };
  offreurs: Array<{ nom: string; documentId: string }>;
}

function rejet(rapport: RapportLigne, raisons: string[]): RapportLigne {
  return { ...rapport, resultat: 'rejete', documentId: null, raisons };
}

async function importerLigne(ctx: Contexte, n: LigneNormalisee, cellules: Record<string, string>): Promise<RapportLigne> {
  const rapport: RapportLigne = {
    ligne: n.numero,
    projet: n.projet.nom,
    collectivite: null,
    resultat: 'rejete',
    documentId: null,
    raisons: [],
    avertissements: [...n.avertissements],
    normalisations: [...n.normalisations],
    cellules,
    notes: [...n.notes],
    nonPublie: null,
  };
  if (n.erreurs.length > 0) return rejet(rapport, n.erreurs.map((e) => `${e.colonne} : ${e.message}`));

  const correspondance = trouverCollectivite(ctx.annuaire, n.collectivite);
  for (const message of correspondance.avertissements) rapport.avertissements.push({ colonne: 'Nom_collectivite', valeur: n.collectivite.nom, message });
  const siret = n.collectivite.siret;
  let collectivite = correspondance.trouvee;
  let typeNouvelle: string | null = null;
  if (collectivite === null) {
    typeNouvelle = typeACreer(n.collectivite);
    const raison = 'raison' in correspondance ? correspondance.raison : '';
    if (!typeNouvelle) return rejet(rapport, [raison]);
    if (!ctx.options.creerCollectivites) {
      return rejet(rapport, [`${raison} ; relancer avec --creer-collectivites pour la créer (type ${typeNouvelle})`]);
    }
    if (siret.etat !== 'valide') return rejet(rapport, [`${raison} ; création impossible sans SIRET valide`]);
    collectivite = {
      documentId: '',
      nom: n.collectivite.nom,
      type: typeNouvelle,
      sousType: null,
      siren: siret.siren,
      siret: siret.siret,
      latitude: n.collectivite.latitude,
      longitude: n.collectivite.longitude,
      logoUrl: n.collectivite.logoUrl,
      simulee: true,
    };
  }
  rapport.collectivite = collectivite.nom;

  const cle = cleProjet(collectivite.documentId || `siren:${collectivite.siren}`, n.projet.nom);
  const premiere = ctx.vues.get(cle);
  if (premiere !== undefined) return rejet(rapport, [`doublon de la ligne ${premiere} (même collectivité, même nom de projet)`]);
  ctx.vues.set(cle, n.numero);

  let effets: Effets = { offreurs: [] };
  try {
    const resultat = await avecReprise(
      () => {
        effets = { offreurs: [] };
        return ctx.strapi.db.transaction(async () => {
          const ligne = await ecrireLigne(ctx, n, rapport, collectivite as Collectivite, typeNouvelle, effets);
          if (ctx.options.simulation) throw new Simulation(ligne);
          return ligne;
        });
      },
      { ...REPRISE_PAR_DEFAUT, surConflit: (essai) => ctx.strapi.log.warn(`Import, ligne ${n.numero} : base occupée par un autre processus, essai ${essai + 1}`) },
    );
    appliquerEffets(ctx, effets, false);
    return resultat;
  } catch (erreur) {
    if (erreur instanceof Simulation) {
      appliquerEffets(ctx, effets, true);
      // A document created then rolled back has no identifier worth reporting.
      return erreur.ligne.resultat === 'cree' ? { ...erreur.ligne, documentId: null } : erreur.ligne;
    }
    if (erreur instanceof errors.ValidationError) return rejet(rapport, [erreur.message]);
    ctx.strapi.log.error(`Import, ligne ${n.numero} : ${(erreur as Error).stack ?? String(erreur)}`);
    return rejet(rapport, [`erreur inattendue : ${(erreur as Error).message}`]);
  }
}

function appliquerEffets(ctx: Contexte, effets: Effets, simule: boolean): void {
  if (effets.collectivite) ctx.annuaire.ajouter({ ...effets.collectivite, simulee: simule });
  if (effets.completee) {
    Object.assign(effets.completee.cible, effets.completee.valeurs);
    if (effets.completee.valeurs.siren) ctx.annuaire.ajouter(effets.completee.cible);
  }
  for (const offreur of effets.offreurs) {
    ctx.offreurs.set(cleTexte(offreur.nom), { documentId: offreur.documentId, simule: simule });
    if (offreur.nom.includes('-')) ctx.nomsComposes.push(offreur.nom);
  }
}

/** The Document Service calls the importer makes (params typed loosely: the uid is chosen at run time). */
interface Documents {
  create(params: Record<string, unknown>): Promise<{ documentId: string }>;
  update(params: Record<string, unknown>): Promise<unknown>;
  publish(params: Record<string, unknown>): Promise<unknown>;
  findOne(params: Record<string, unknown>): Promise<Record<string, unknown> | null>;
}
const documents = (strapi: Core.Strapi, uid: string): Documents => strapi.documents(uid as StrapiUID.CollectionType) as unknown as Documents;

/** Creates or completes the collectivité (reference rows only get the fields they lack). */
async function assurerCollectivite(ctx: Contexte, n: LigneNormalisee, rapport: RapportLigne, collectivite: Collectivite, typeNouvelle: string | null, effets: Effets): Promise<Collectivite> {
  const { strapi } = ctx;
  const declaree = n.collectivite;
  const noter = (colonne: string, source: string, retenu: string, regle: string) => rapport.normalisations.push({ colonne, source, retenu, regle });

  let finale: Collectivite;
  if (collectivite.simulee) {
    // Created by this row, or by an earlier row of a dry run (rolled back): created now.
    const { documentId: _d, simulee: _s, ...donnees } = collectivite;
    const creee = await documents(strapi, UID.collectivite).create({ data: donnees });
    finale = { ...collectivite, documentId: creee.documentId, simulee: false };
    effets.collectivite = finale;
    rapport.raisons.push(`collectivité « ${collectivite.nom} » créée (type ${typeNouvelle ?? collectivite.type}, absente du référentiel)`);
  } else {
    const complement: Partial<Collectivite> = {};
    if (declaree.siret.etat === 'valide') {
      const { siren, siret } = declaree.siret;
      if (!collectivite.siren && !ctx.annuaire.parSiren(siren)) complement.siren = siren;
      if (!collectivite.siret && siret && (complement.siren ?? collectivite.siren) === siren) complement.siret = siret;
    }
    if (collectivite.latitude === null && collectivite.longitude === null && declaree.latitude !== null && declaree.longitude !== null) {
      complement.latitude = declaree.latitude;
      complement.longitude = declaree.longitude;
    }
    if (!collectivite.logoUrl && declaree.logoUrl) complement.logoUrl = declaree.logoUrl;
    if (Object.keys(complement).length > 0) {
      await documents(strapi, UID.collectivite).update({ documentId: collectivite.documentId, data: complement });
      effets.completee = { cible: collectivite, valeurs: complement };
      rapport.raisons.push(`collectivité « ${collectivite.nom} » complétée : ${Object.keys(complement).join(', ')}`);
    }
    finale = { ...collectivite, ...complement };
  }

  // What the open-data export will say about the collectivité, where it differs from the row.
  if (declaree.nom !== '' && declaree.nom !== finale.nom) noter('Nom_collectivite', declaree.nom, finale.nom, 'nom de la collectivité dans le référentiel');
  const siretExporte = finale.siret ?? finale.siren ?? '';
  const siretSource = declaree.siret.etat === 'absent' ? '' : declaree.siret.chiffres;
  if (siretExporte !== siretSource) noter('SIRET', siretSource, siretExporte, 'SIRET (ou, à défaut, SIREN) connu de la collectivité');
  for (const axe of ['latitude', 'longitude'] as const) {
    if (declaree[axe] !== finale[axe]) {
      const colonne = axe === 'latitude' ? 'Latitude' : 'Longitude';
      noter(colonne, String(declaree[axe] ?? ''), String(finale[axe] ?? ''), 'coordonnée de la collectivité (le CMS n’en garde pas par projet)');
    }
  }
  if (declaree.logoUrl !== finale.logoUrl) noter('URL_Logo', declaree.logoUrl ?? '', finale.logoUrl ?? '', 'logo de la collectivité (le CMS n’en garde pas par projet)');
  const typeExporte = libelleExport(TYPES_COLLECTIVITE, finale.type) ?? '';
  if (declaree.type && declaree.type.libelle !== typeExporte) {
    noter('Type_de_collectivite', declaree.type.libelle, `${finale.type}${finale.sousType ? ` ${finale.sousType}` : ''}`, `type de la collectivité dans le référentiel, exporté « ${typeExporte} »`);
  }
  return finale;
}

async function assurerOffreurs(ctx: Contexte, noms: readonly string[], rapport: RapportLigne, effets: Effets): Promise<string[]> {
  const ids: string[] = [];
  for (const nom of noms) {
    const connu = ctx.offreurs.get(cleTexte(nom));
    if (connu && !connu.simule) {
      ids.push(connu.documentId);
    } else {
      const cree = (await documents(ctx.strapi, UID.offreur).create({ data: { nom, type: 'autre' } })) as { documentId: string };
      effets.offreurs.push({ nom, documentId: cree.documentId });
      ids.push(cree.documentId);
      rapport.raisons.push(connu ? `offreur « ${nom} » (créé par une ligne précédente)` : `offreur « ${nom} » créé (type « autre », à qualifier)`);
    }
    if (ctx.options.publier && !(await estPublie(ctx.strapi, UID.offreur, ids[ids.length - 1]))) {
      await documents(ctx.strapi, UID.offreur).publish({ documentId: ids[ids.length - 1] });
    }
  }
  return ids;
}

async function estPublie(strapi: Core.Strapi, uid: string, documentId: string): Promise<boolean> {
  return (await strapi.db.query(uid as StrapiUID.Schema).count({ where: { documentId, publishedAt: { $notNull: true } } })) > 0;
}

/** Relations and notes of a row, resolved by the importer. */
interface RelationsLigne {
  collectivite: string;
  offreurs: string[] | undefined;
  partenaires: string[] | undefined;
  notes: string[];
}

/** The data sent to the Document Service, relations as documentIds; only the fields the file has. */
function donneesProjet(ctx: Contexte, p: ProjetImporte, r: RelationsLigne, evaluationStockee: Record<string, unknown> | null): Record<string, unknown> {
  const ids = (table: Map<string, string>, slugs: string[]) => slugs.map((s) => table.get(s)).filter((id): id is string => id !== undefined);
  const { thematique, sousThematiques, publics, techniquesIa, offreurs: _noms, collectivitesPartenaires: _sirens, evaluation, ...scalaires } = p;
  const data: Record<string, unknown> = { ...scalaires, collectivite: r.collectivite, notesImport: r.notes.length > 0 ? r.notes.join('\n') : null };
  if (thematique !== undefined) data.thematique = thematique === null ? null : ctx.taxonomies.thematique.get(thematique) ?? null;
  if (sousThematiques) data.sousThematiques = ids(ctx.taxonomies.thematique, sousThematiques);
  if (publics) data.publics = ids(ctx.taxonomies.publicCible, publics);
  if (techniquesIa) data.techniquesIa = ids(ctx.taxonomies.techniqueIa, techniquesIa);
  if (r.offreurs) data.offreurs = r.offreurs;
  if (r.partenaires) data.collectivitesPartenaires = r.partenaires;
  // Empty evaluation cells on a projet without evaluation create none (the export writes them empty).
  if (evaluation && (evaluationStockee || !Object.values(evaluation).every(estVide))) {
    // Columns absent from the file keep what editors wrote.
    const { id: _id, evaluationsImpact, ...garde } = evaluationStockee ?? {};
    const impacts = Array.isArray(evaluationsImpact) ? evaluationsImpact.map(({ id: _i, ...lien }: Record<string, unknown>) => lien) : undefined;
    data.evaluation = { ...garde, ...(impacts ? { evaluationsImpact: impacts } : {}), ...evaluation };
  }
  return data;
}

const POPULATE_COMPARAISON = {
  collectivite: { fields: ['documentId'] },
  thematique: { fields: ['documentId'] },
  sousThematiques: { fields: ['documentId'] },
  publics: { fields: ['documentId'] },
  techniquesIa: { fields: ['documentId'] },
  offreurs: { fields: ['documentId'] },
  collectivitesPartenaires: { fields: ['documentId'] },
  algorithme: true,
  donnees: { populate: { sources: true } },
  evaluation: { populate: { evaluationsImpact: true } },
};

/** Normal form of a stored or imported value, for comparison: relations as sorted documentIds, components without ids. */
function formeNormale(valeur: unknown): unknown {
  if (valeur === undefined || valeur === '') return null;
  if (Array.isArray(valeur)) {
    const elements = valeur.map(formeNormale);
    return elements.every((e) => typeof e === 'string') ? [...new Set(elements as string[])].sort() : elements;
  }
  if (valeur && typeof valeur === 'object') {
    const objet = valeur as Record<string, unknown>;
    if (typeof objet.documentId === 'string') return objet.documentId;
    return Object.fromEntries(
      Object.entries(objet)
        .filter(([cle]) => cle !== 'id' && cle !== '__component')
        .map(([cle, v]) => [cle, formeNormale(v)])
        .sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)),
    );
  }
  return valeur;
}

function champsModifies(stocke: Record<string, unknown>, data: Record<string, unknown>): string[] {
  return Object.keys(data).filter((champ) => {
    const voulu = formeNormale(data[champ]);
    let actuel = formeNormale(stocke[champ]);
    if (voulu && actuel && typeof voulu === 'object' && typeof actuel === 'object' && !Array.isArray(voulu)) {
      // Components: only the sub-fields the import sets.
      actuel = Object.fromEntries(Object.keys(voulu).map((k) => [k, (actuel as Record<string, unknown>)[k] ?? null]));
    }
    return JSON.stringify(voulu) !== JSON.stringify(actuel);
  });
}

/** The partner collectivités named by SIREN (extended column): those of the référentiel; the others noted. */
function partenairesConnus(ctx: Contexte, sirens: readonly string[], rapport: RapportLigne): string[] {
  const ids: string[] = [];
  for (const siren of sirens) {
    const connue = ctx.annuaire.parSiren(siren);
    if (connue && !connue.simulee) {
      ids.push(connue.documentId);
    } else {
      rapport.avertissements.push({ colonne: 'collectivites_partenaires', valeur: siren, message: 'SIREN absent du référentiel, collectivité partenaire non reliée : gardée dans les notes d’import' });
      rapport.notes.push(`collectivites_partenaires : ${siren}`);
    }
  }
  return ids;
}

/** The draft the row updates: the one of the extended export's `identifiant`, else the same name in the same collectivité. */
async function projetExistant(ctx: Contexte, n: LigneNormalisee, collectivite: string): Promise<string | undefined> {
  if (n.identifiant) {
    const parIdentifiant = (await ctx.strapi.db.query(UID.projet).findOne({ select: ['documentId'], where: { documentId: n.identifiant, publishedAt: null } })) as { documentId: string } | null;
    if (parIdentifiant) return parIdentifiant.documentId;
  }
  const candidats = (await ctx.strapi.db.query(UID.projet).findMany({
    select: ['documentId', 'nom'],
    where: { publishedAt: null, collectivite: { documentId: collectivite } },
  })) as Array<{ documentId: string; nom: string }>;
  return candidats.find((c) => cleTexte(c.nom) === cleTexte(n.projet.nom))?.documentId;
}

/**
 * Runs a write inside a savepoint: when it fails, only it is rolled back, never what the row wrote
 * before (the draft before its publication), on SQLite as on PostgreSQL.
 */
async function dansPointDeSauvegarde<T>(ctx: Contexte, action: () => Promise<T>): Promise<T> {
  return ctx.strapi.db.transaction(async ({ trx }) => {
    await trx.raw('SAVEPOINT ecriture_import');
    try {
      const resultat = await action();
      await trx.raw('RELEASE SAVEPOINT ecriture_import');
      return resultat;
    } catch (erreur) {
      await trx.raw('ROLLBACK TO SAVEPOINT ecriture_import');
      await trx.raw('RELEASE SAVEPOINT ecriture_import');
      throw erreur;
    }
  });
}

/** Publishes; returns the French reason a publication rule refused it (errors.ValidationError), null when published. */
async function publier(ctx: Contexte, documentId: string): Promise<string | null> {
  try {
    await dansPointDeSauvegarde(ctx, () => documents(ctx.strapi, UID.projet).publish({ documentId }));
    return null;
  } catch (erreur) {
    if (erreur instanceof errors.ValidationError) return erreur.message;
    throw erreur;
  }
}

/** The attributes a refusal names. */
function champsEnCause(erreur: errors.ValidationError): string[] {
  const details = (erreur.details as { errors?: Array<{ path?: unknown[] }> } | undefined)?.errors ?? [];
  return [...new Set(details.map((d) => String(d.path?.[0] ?? '')))];
}

/**
 * Writes the draft; a value the CMS refuses even in a draft (an e-mail that is not one, a date out of range…)
 * is left out, kept verbatim in the notes with the CMS's reason, and the draft written without it.
 * Returns the reason, null when everything was written.
 */
async function enregistrer(ctx: Contexte, n: LigneNormalisee, rapport: RapportLigne, data: Record<string, unknown>, ecrire: () => Promise<unknown>): Promise<string | null> {
  const refus: string[] = [];
  for (;;) {
    try {
      await dansPointDeSauvegarde(ctx, ecrire);
      return refus.length > 0 ? refus.join(' ; ') : null;
    } catch (erreur) {
      if (!(erreur instanceof errors.ValidationError) || refus.length >= 3) throw erreur;
      const retires = champsEnCause(erreur).filter((champ) => n.sources[champ] && data[champ] !== null && data[champ] !== undefined);
      if (retires.length === 0) throw erreur;
      refus.push(erreur.message);
      for (const champ of retires) {
        const { colonne, valeur } = n.sources[champ];
        data[champ] = null;
        rapport.notes.push(`${colonne} : ${valeur}`);
        rapport.avertissements.push({ colonne, valeur, message: `refusée par le CMS (${erreur.message}), champ laissé vide : gardée dans les notes d’import` });
      }
      data.notesImport = rapport.notes.join('\n');
    }
  }
}

async function ecrireLigne(ctx: Contexte, n: LigneNormalisee, modele: RapportLigne, trouvee: Collectivite, typeNouvelle: string | null, effets: Effets): Promise<RapportLigne> {
  const { strapi } = ctx;
  const rapport: RapportLigne = { ...modele, raisons: [], normalisations: [...modele.normalisations], avertissements: [...modele.avertissements], notes: [...modele.notes] };
  const collectivite = await assurerCollectivite(ctx, n, rapport, trouvee, typeNouvelle, effets);
  const offreurs = n.projet.offreurs ? await assurerOffreurs(ctx, n.projet.offreurs, rapport, effets) : undefined;
  const partenaires = n.projet.collectivitesPartenaires ? partenairesConnus(ctx, n.projet.collectivitesPartenaires, rapport) : undefined;
  const projets = documents(strapi, UID.projet);
  const relations = { collectivite: collectivite.documentId, offreurs, partenaires, notes: rapport.notes };

  const existant = await projetExistant(ctx, n, collectivite.documentId);
  let documentId: string;
  let ecrit = false;
  /** what the CMS refused of the row (left out, kept in the notes) */
  let refus: string | null = null;
  if (existant) {
    documentId = existant;
    const stocke = (await projets.findOne({ documentId, status: 'draft', populate: POPULATE_COMPARAISON })) ?? {};
    const data = donneesProjet(ctx, n.projet, relations, (stocke.evaluation as Record<string, unknown> | null) ?? null);
    let modifies = champsModifies(stocke, data);
    if (modifies.length > 0) {
      // A value refused again leaves the draft as the previous run wrote it: nothing to write then.
      refus = await enregistrer(ctx, n, rapport, data, async () => {
        if (champsModifies(stocke, data).length > 0) await projets.update({ documentId, data });
      });
      modifies = champsModifies(stocke, data);
    }
    if (modifies.length > 0) {
      const enLigne = !ctx.options.publier && (await estPublie(strapi, UID.projet, documentId));
      rapport.raisons.unshift(`champs modifiés : ${modifies.join(', ')}${enLigne ? ' (brouillon ; la version publiée reste celle d’avant jusqu’à sa publication)' : ''}`);
      ecrit = true;
    }
    rapport.resultat = modifies.length > 0 ? 'modifie' : 'inchange';
  } else {
    // Nothing the file does not say: no default statut for a row without one.
    const data = { statut: null, ...donneesProjet(ctx, n.projet, relations, null) };
    let cree: { documentId: string } | undefined;
    refus = await enregistrer(ctx, n, rapport, data, async () => {
      cree = (await projets.create({ data })) as { documentId: string };
    });
    documentId = (cree as { documentId: string }).documentId;
    rapport.resultat = 'cree';
    ecrit = true;
  }
  let enModeration = ecrit && !ctx.options.publier;
  if (ctx.options.publier && (ecrit || !(await estPublie(strapi, UID.projet, documentId)))) {
    // A value kept aside stands for a field left empty: a modérateur looks at it before anyone else does.
    const raison = refus ?? (n.aReprendre ? 'valeurs à reprendre (notes d’import)' : await publier(ctx, documentId));
    if (raison === null) {
      if (!ecrit) {
        rapport.resultat = 'modifie';
        rapport.raisons.unshift('publié');
      }
      ecrit = true;
    } else {
      rapport.nonPublie = raison;
      rapport.avertissements.push({ colonne: '', valeur: '', message: `non publié : ${raison} ; en modération` });
      enModeration = true;
    }
  }
  if (enModeration) {
    // Imported projets that are not published wait for the modérateurs (revue-editoriale plugin).
    await strapi.plugin('revue-editoriale').service('revue').placerEnModeration(UID.projet, documentId);
  }
  if (ecrit && n.dateMiseAJour) {
    // The source's « date de dernière mise à jour » stays the projet's: the content is the source's.
    await strapi.db.query(UID.projet).updateMany({ where: { documentId }, data: { updatedAt: new Date(`${n.dateMiseAJour}T00:00:00.000Z`) } });
  }
  // An unchanged projet whose offreurs or collectivité had to be created or completed counts as modified.
  if (rapport.resultat === 'inchange' && rapport.raisons.length > 0) rapport.resultat = 'modifie';
  rapport.documentId = documentId;
  return rapport;
}
