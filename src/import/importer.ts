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
  /** why the row was rejected, or what changed */
  raisons: string[];
  avertissements: Anomalie[];
  normalisations: Normalisation[];
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
    colonnes.forEach((colonne, i) => {
      if (colonne) cellules[colonne] = valeurs[i] ?? '';
    });
    const ligne = await importerLigne(ctx, normaliserLigne(numero, cellules, ctx.nomsComposes));
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

async function importerLigne(ctx: Contexte, n: LigneNormalisee): Promise<RapportLigne> {
  const rapport: RapportLigne = {
    ligne: n.numero,
    projet: n.projet.nom,
    collectivite: null,
    resultat: 'rejete',
    documentId: null,
    raisons: [],
    avertissements: [...n.avertissements],
    normalisations: [...n.normalisations],
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

/** The data sent to the Document Service, relations as documentIds; only the fields the file has. */
function donneesProjet(ctx: Contexte, p: ProjetImporte, collectivite: string, offreurs: string[] | undefined, evaluationStockee: Record<string, unknown> | null): Record<string, unknown> {
  const ids = (table: Map<string, string>, slugs: string[]) => slugs.map((s) => table.get(s)).filter((id): id is string => id !== undefined);
  const { thematique, sousThematiques, publics, techniquesIa, offreurs: _noms, evaluation, ...scalaires } = p;
  const data: Record<string, unknown> = { ...scalaires, collectivite };
  if (thematique !== undefined) data.thematique = thematique === null ? null : ctx.taxonomies.thematique.get(thematique) ?? null;
  if (sousThematiques) data.sousThematiques = ids(ctx.taxonomies.thematique, sousThematiques);
  if (publics) data.publics = ids(ctx.taxonomies.publicCible, publics);
  if (techniquesIa) data.techniquesIa = ids(ctx.taxonomies.techniqueIa, techniquesIa);
  if (offreurs) data.offreurs = offreurs;
  if (evaluation) {
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

async function ecrireLigne(ctx: Contexte, n: LigneNormalisee, modele: RapportLigne, trouvee: Collectivite, typeNouvelle: string | null, effets: Effets): Promise<RapportLigne> {
  const { strapi } = ctx;
  const rapport: RapportLigne = { ...modele, raisons: [], normalisations: [...modele.normalisations] };
  const collectivite = await assurerCollectivite(ctx, n, rapport, trouvee, typeNouvelle, effets);
  const offreurs = n.projet.offreurs ? await assurerOffreurs(ctx, n.projet.offreurs, rapport, effets) : undefined;
  const projets = documents(strapi, UID.projet);

  const candidats = (await strapi.db.query(UID.projet).findMany({
    select: ['documentId', 'nom'],
    where: { publishedAt: null, collectivite: { documentId: collectivite.documentId } },
  })) as Array<{ documentId: string; nom: string }>;
  const existant = candidats.find((c) => cleTexte(c.nom) === cleTexte(n.projet.nom));

  let documentId: string;
  let ecrit = false;
  if (existant) {
    documentId = existant.documentId;
    const stocke = (await projets.findOne({ documentId, status: 'draft', populate: POPULATE_COMPARAISON })) ?? {};
    const data = donneesProjet(ctx, n.projet, collectivite.documentId, offreurs, (stocke.evaluation as Record<string, unknown> | null) ?? null);
    const modifies = champsModifies(stocke, data);
    if (modifies.length > 0) {
      await projets.update({ documentId, data });
      const enLigne = !ctx.options.publier && (await estPublie(strapi, UID.projet, documentId));
      rapport.raisons.unshift(`champs modifiés : ${modifies.join(', ')}${enLigne ? ' (brouillon ; la version publiée reste celle d’avant jusqu’à sa publication)' : ''}`);
      ecrit = true;
    }
    rapport.resultat = modifies.length > 0 ? 'modifie' : 'inchange';
  } else {
    const cree = (await projets.create({ data: donneesProjet(ctx, n.projet, collectivite.documentId, offreurs, null) })) as { documentId: string };
    documentId = cree.documentId;
    rapport.resultat = 'cree';
    ecrit = true;
  }
  if (ctx.options.publier && (ecrit || !(await estPublie(strapi, UID.projet, documentId)))) {
    await projets.publish({ documentId });
    if (!ecrit) {
      rapport.resultat = 'modifie';
      rapport.raisons.unshift('publié');
    }
    ecrit = true;
  }
  if (ecrit && !ctx.options.publier) {
    // Without --publier, imported projets wait for the modérateurs (revue-editoriale plugin).
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
