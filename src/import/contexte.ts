/**
 * What an import knows while it runs: its options, and a view of the database (collectivités, offreurs,
 * taxonomies) read once at the start and kept up to date by every row committed or simulated.
 */
import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { UID } from '../domaine/regles-metier';
import type { Auteur } from '../domaine/journal';
import { Annuaire, type CollectiviteConnue } from '../domaine/interconnectes/collectivite';
import { NOMS_COMPOSES } from '../domaine/interconnectes/valeurs';
import { cleTexte } from '../domaine/interconnectes/texte';

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
  /** who launched it, for the audit journal (the Système by default: scripts) */
  auteur?: Auteur;
}

/** A collectivité as the import sees it: a row of the référentiel, or one the file creates. */
export interface Collectivite extends CollectiviteConnue {
  siret: string | null;
  latitude: number | null;
  longitude: number | null;
  logoUrl: string | null;
  /** created or completed by a rolled-back row of a dry run: not in the database */
  simulee?: boolean;
}

export interface Contexte {
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

/** Reads once what the rows are matched against: collectivités, offreurs, taxonomies. */
export async function preparerContexte(strapi: Core.Strapi, options: OptionsImport): Promise<Contexte> {
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
export interface Effets {
  collectivite?: Collectivite;
  completee?: { cible: Collectivite; valeurs: Partial<Collectivite> };
  offreurs: Array<{ nom: string; documentId: string }>;
}

/** After a row: what it wrote joins the view; `simule` (dry run): marked so that a later row writes it again. */
export function appliquerEffets(ctx: Contexte, effets: Effets, simule: boolean): void {
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
export const documents = (strapi: Core.Strapi, uid: string): Documents => strapi.documents(uid as StrapiUID.CollectionType) as unknown as Documents;
