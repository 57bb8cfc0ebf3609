/**
 * A published projet as anyone may read it (docs/visibilite.md): the public attributes only, the
 * related documents published, the ressources open to all. The fiche de transparence and the exports to
 * the other registers read it here, so they cannot show a Restreint value: what is not selected is never
 * read. The projection is derived from the schemas (`private: true` marks the Restreint and internal
 * attributes), so a new public field appears without touching this file.
 */
import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { UID } from '../domaine/regles-metier';
import { publiesParPages } from '../documents/pages';

interface Attribut {
  type: string;
  private?: boolean;
}

const SCALAIRES = new Set([
  'string', 'text', 'richtext', 'email', 'uid', 'enumeration', 'date', 'datetime', 'integer', 'decimal', 'float', 'boolean', 'biginteger',
]);

/** The public scalar attributes of a content type or component, as `fields` for the Document Service. */
export function champsPublics(attributs: Readonly<Record<string, Attribut>>): string[] {
  return Object.entries(attributs)
    .filter(([, a]) => SCALAIRES.has(a.type) && !a.private)
    .map(([nom]) => nom);
}

export interface Lien {
  titre: string;
  url: string | null;
}

export interface Taxon {
  slug: string;
  nom: string;
}

export interface CollectivitePublique {
  documentId: string;
  nom: string;
  slug: string | null;
  type: string;
  siren: string | null;
  codeInsee: string | null;
  codeDepartement: string | null;
  codeRegion: string | null;
  siteWeb: string | null;
}

export interface OffreurPublic {
  documentId: string;
  nom: string;
  slug: string | null;
  type: string;
  siren: string | null;
  siteWeb: string | null;
}

export interface RessourcePublique {
  documentId: string;
  titre: string;
  slug: string | null;
  type: string;
  url: string | null;
  licence: string | null;
}

export interface EvaluationPublique {
  risqueCategorie: string | null;
  risque: string | null;
  proportionnalite: string | null;
  decision: string | null;
  niveauAutomatisation: string | null;
  interventionHumaine: string | null;
  erreur: string | null;
  explicabilite: string | null;
  reversibilite: string | null;
  objection: string | null;
  evaluationsImpact: Lien[];
}

/** Every public attribute of a projet (src/api/projet/content-types/projet/schema.json), related documents included. */
export interface ProjetPublic {
  documentId: string;
  nom: string;
  slug: string | null;
  resume: string | null;
  description: string | null;
  statut: string | null;
  motifAbandon: string | null;
  dateDemarrage: string | null;
  dateFin: string | null;
  lienInformation: string | null;
  baseLegale: string | null;
  lienDeliberation: string | null;
  voiesDeRecours: string | null;
  roleOffreurs: string | null;
  publishedAt: string;
  updatedAt: string;
  collectivite: CollectivitePublique | null;
  collectivitesPartenaires: CollectivitePublique[];
  offreurs: OffreurPublic[];
  thematique: Taxon | null;
  sousThematiques: Taxon[];
  publics: Taxon[];
  ressources: RessourcePublique[];
  evaluation: EvaluationPublique | null;
}

/** The 404 of every route about one published projet (similaires, transparence, exports). */
export const PROJET_INTROUVABLE = 'Projet introuvable : aucun projet publié n’a cet identifiant (documentId).';

export type CritereProjet = { documentId: string } | { slug: string } | { cle: string };

export function attributs(strapi: Core.Strapi, uid: string): Record<string, Attribut> {
  const modele = (strapi.contentType(uid as StrapiUID.ContentType) ?? strapi.components[uid as StrapiUID.Component]) as unknown as {
    attributes: Record<string, Attribut>;
  };
  return modele.attributes;
}

/** What to read: public fields at every level; the private relations and components are never named. */
function projection(strapi: Core.Strapi) {
  const publics = (uid: string) => ({ fields: champsPublics(attributs(strapi, uid)) });
  return {
    fields: [...champsPublics(attributs(strapi, UID.projet)), 'publishedAt', 'updatedAt'],
    populate: {
      collectivite: publics(UID.collectivite),
      collectivitesPartenaires: publics(UID.collectivite),
      offreurs: publics(UID.offreur),
      thematique: publics(UID.thematique),
      sousThematiques: publics(UID.thematique),
      publics: publics(UID.publicCible),
      ressources: { ...publics(UID.ressource), filters: { acces: { $eq: 'public' } } },
      evaluation: { ...publics('projet.evaluation'), populate: { evaluationsImpact: publics('commun.lien') } },
    },
  };
}

/** Removes the Document Service's technical ids, recursively, so the result is what `ProjetPublic` says. */
export function sansId<T>(valeur: T): T {
  if (Array.isArray(valeur)) return valeur.map(sansId) as T;
  if (valeur === null || typeof valeur !== 'object' || valeur instanceof Date) return valeur;
  return Object.fromEntries(
    Object.entries(valeur as Record<string, unknown>).filter(([cle]) => cle !== 'id' && cle !== '__component').map(([cle, v]) => [cle, sansId(v)]),
  ) as T;
}

/** Normalises what the Document Service leaves out: absent relations become null or [], as the type says. */
function completer(brut: Record<string, unknown>): ProjetPublic {
  const liste = (v: unknown) => (Array.isArray(v) ? v : []);
  const evaluation = brut.evaluation as Record<string, unknown> | null | undefined;
  return {
    ...(brut as unknown as ProjetPublic),
    collectivite: (brut.collectivite as CollectivitePublique | undefined) ?? null,
    collectivitesPartenaires: liste(brut.collectivitesPartenaires),
    offreurs: liste(brut.offreurs),
    thematique: (brut.thematique as Taxon | undefined) ?? null,
    sousThematiques: liste(brut.sousThematiques),
    publics: liste(brut.publics),
    ressources: liste(brut.ressources),
    evaluation: evaluation ? ({ ...evaluation, evaluationsImpact: liste(evaluation.evaluationsImpact) } as EvaluationPublique) : null,
  };
}

/**
 * The published projet with this documentId or slug, or null when no projet of that key is published.
 * `{ cle }` (an address that is a slug, or the documentId of a projet without one) is one read; a slug
 * wins over another projet's documentId.
 */
export async function lireProjetPublic(strapi: Core.Strapi, critere: CritereProjet): Promise<ProjetPublic | null> {
  return lireVersionPublique(strapi, critere, 'published');
}

/**
 * The public attributes of one version of a projet: the published one, or the draft the quality panel
 * measures (src/qualite/qualite.ts; its `publishedAt` is then null).
 */
export async function lireVersionPublique(strapi: Core.Strapi, critere: CritereProjet, status: 'draft' | 'published'): Promise<ProjetPublic | null> {
  const filters = 'cle' in critere ? { $or: [{ slug: critere.cle }, { documentId: critere.cle }] } : critere;
  const trouves = (await strapi.documents(UID.projet).findMany({ status, filters, limit: 2, ...projection(strapi) } as never)) as unknown as Array<Record<string, unknown>>;
  const brut = 'cle' in critere ? (trouves.find((p) => p.slug === critere.cle) ?? trouves[0]) : trouves[0];
  return brut ? completer(sansId(brut)) : null;
}

/** The public attributes of one version (draft or published) of each of `documentIds`, in one read. */
export async function lireVersionsPubliques(strapi: Core.Strapi, documentIds: readonly string[], status: 'draft' | 'published'): Promise<ProjetPublic[]> {
  if (documentIds.length === 0) return [];
  const trouves = (await strapi.documents(UID.projet).findMany({
    status,
    filters: { documentId: { $in: [...documentIds] } },
    limit: documentIds.length,
    ...projection(strapi),
  } as never)) as unknown as Array<Record<string, unknown>>;
  return trouves.map((brut) => completer(sansId(brut)));
}

/** Every published projet, page by page in the order of their ids (src/documents/pages.ts). */
export async function* projetsPublics(strapi: Core.Strapi, taillePage: number): AsyncGenerator<ProjetPublic> {
  for await (const brut of publiesParPages<Record<string, unknown> & { id: number }>(strapi, UID.projet, projection(strapi), taillePage)) {
    yield completer(sansId(brut));
  }
}
