/**
 * Public version history (docs/versions.md): a version of the public and Restreint fields kept at every
 * publication of a projet, an initiative or a ressource (Document Service middleware), read by the
 * content API under the visibility rules, and restored into the draft by a modérateur (then reviewed again).
 * The rules (what changed, who sees what) are pure, in src/domaine/versions.ts.
 */
import { createId } from '@paralleldrive/cuid2';
import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../domaine/regles-metier';
import { ATTRIBUTS_RESTREINTS } from '../domaine/visibilite';
import {
  champsModifies,
  difference,
  DOCUMENT_SANS_VERSIONS,
  roleAuteur,
  ROLES_AUTEUR,
  TYPES_VERSIONNES,
  UID_VERSION,
  VERSION_INTROUVABLE,
  versionsServies,
  vueVersion,
  type Changement,
  type Contenu,
  type VersionServie,
  type VersionStockee,
} from '../domaine/versions';
import { avancerGeneration } from '../documents/generation';
import { CODE_SUPER_ADMIN, NOM_ROLE_MODERATEUR } from '../plugins/revue-editoriale/public';
import { attributs, sansId } from '../transparence/projet-public';

interface Attribut {
  type: string;
  private?: boolean;
  component?: string;
  target?: string;
  mappedBy?: string;
  multiple?: boolean;
  relation?: string;
}

/** Not the document's content: identifiers, dates and authors of the row, locale. */
const TECHNIQUES = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale', 'localizations', 'createdBy', 'updatedBy']);
/** How a related document is kept: by what identifies it for good, never by a database id. */
const IDENTITE = ['slug', 'nom', 'titre', 'acces'];
const TYPES_UIDS: ReadonlySet<string> = new Set(Object.values(TYPES_VERSIONNES));

function attributsDe(strapi: Core.Strapi, uid: string): Record<string, Attribut> {
  return attributs(strapi, uid) as Record<string, Attribut>;
}

/**
 * The attributes a version keeps, with whether they are Restreint: public and Restreint ones, internal
 * ones aside; inverse relations aside too (they belong to the other side's versions).
 */
function attributsVersionnes(strapi: Core.Strapi, uid: string): Array<[string, Attribut, boolean]> {
  const restreints = ATTRIBUTS_RESTREINTS[uid] ?? [];
  return Object.entries(attributsDe(strapi, uid))
    .filter(([nom, a]) => !TECHNIQUES.has(nom) && !(a.type === 'relation' && a.mappedBy) && (!a.private || restreints.includes(nom)))
    .map(([nom, a]) => [nom, a, restreints.includes(nom)]);
}

/** Populate of a component: its relations by identity, its media by name, its components whole. */
function populateComposant(strapi: Core.Strapi, uid: string): Record<string, unknown> {
  const populate: Record<string, unknown> = {};
  for (const [nom, a] of Object.entries(attributsDe(strapi, uid))) {
    const lecture = lectureAttribut(strapi, a);
    if (lecture !== undefined) populate[nom] = lecture;
  }
  return populate;
}

function lectureAttribut(strapi: Core.Strapi, a: Attribut): unknown {
  if (a.type === 'component') {
    const sous = populateComposant(strapi, a.component as string);
    return Object.keys(sous).length > 0 ? { populate: sous } : true;
  }
  if (a.type === 'media') return { fields: ['name', 'mime'] };
  if (a.type === 'relation' && a.target) {
    const cible = attributsDe(strapi, a.target);
    return { fields: IDENTITE.filter((c) => c in cible && !cible[c].private) };
  }
  return undefined;
}

/** What a read of the published documents asks for: the versioned fields, relations by identity. */
function lectureVersionnee(strapi: Core.Strapi, uid: string): { fields: string[]; populate: Record<string, unknown> } {
  const versionnes = attributsVersionnes(strapi, uid);
  const populate: Record<string, unknown> = {};
  for (const [nom, a] of versionnes) {
    const lecture = lectureAttribut(strapi, a);
    if (lecture !== undefined) populate[nom] = lecture;
  }
  const fields = versionnes.filter(([, a]) => lectureAttribut(strapi, a) === undefined).map(([nom]) => nom);
  return { fields, populate };
}

/** The published document, its versioned fields only; null when it is not published. */
async function lirePublie(strapi: Core.Strapi, uid: string, documentId: string): Promise<Contenu | null> {
  const brut = await strapi.documents(uid as StrapiUID.ContentType).findFirst({ status: 'published', filters: { documentId }, ...lectureVersionnee(strapi, uid) } as never);
  return brut ? sansId(brut as unknown as Contenu) : null;
}

const reserve = (v: unknown) => Boolean(v && typeof v === 'object' && 'acces' in v && (v as { acces: unknown }).acces !== 'public');

/** Public fields in `contenu`; Restreint ones, and a relation's full list when it holds members-only ressources, in `restreint`. */
function scinder(strapi: Core.Strapi, uid: string, lu: Contenu): { contenu: Contenu; restreint: Contenu } {
  const contenu: Contenu = {};
  const restreint: Contenu = {};
  for (const [nom, a, estRestreint] of attributsVersionnes(strapi, uid)) {
    const valeur = lu[nom] ?? null;
    if (estRestreint) restreint[nom] = valeur;
    else if (a.type === 'relation' && Array.isArray(valeur) && valeur.some(reserve)) {
      contenu[nom] = valeur.filter((v) => !reserve(v));
      restreint[nom] = valeur;
    } else if (a.type === 'relation' && reserve(valeur)) {
      contenu[nom] = null;
      restreint[nom] = valeur;
    } else contenu[nom] = valeur;
  }
  return { contenu, restreint };
}

type ContexteRequete = { state?: { auth?: { strategy?: { name?: string } }; user?: { roles?: Array<{ code?: string; name?: string }> } } };

/** The role of the admin user behind the request; « Système » for scripts and API tokens. */
function roleCourant(strapi: Core.Strapi): string {
  const ctx = strapi.requestContext.get() as ContexteRequete | undefined;
  const admin = ctx?.state?.auth?.strategy?.name === 'admin' ? ctx.state.user : undefined;
  return roleAuteur(admin ? (admin.roles ?? []) : null, CODE_SUPER_ADMIN, NOM_ROLE_MODERATEUR);
}

interface LigneVersion extends VersionStockee {
  id: number;
}

function versStockee(ligne: Record<string, unknown>): LigneVersion {
  return {
    id: ligne.id as number,
    numero: Number(ligne.numero),
    publieLe: new Date(ligne.publieLe as string).toISOString(),
    roleAuteur: ligne.roleAuteur as string,
    champsModifies: (ligne.champsModifies as string[] | null) ?? [],
    contenu: (ligne.contenu as Contenu | null) ?? {},
    restreint: (ligne.restreint as Contenu | null) ?? {},
  };
}

async function versionsStockees(strapi: Core.Strapi, uid: string, documentId: string): Promise<LigneVersion[]> {
  const lignes = (await strapi.db.query(UID_VERSION as StrapiUID.Schema).findMany({ where: { type: uid, document: documentId }, orderBy: { numero: 'asc' } })) as Record<string, unknown>[];
  return lignes.map(versStockee);
}

/**
 * Keeps a new version of the published document when its public or Restreint fields changed since the
 * last one (a publication that changes nothing keeps none).
 */
export async function capturerVersion(strapi: Core.Strapi, uid: string, documentId: string): Promise<void> {
  const lu = await lirePublie(strapi, uid, documentId);
  if (!lu) return;
  const { contenu, restreint } = scinder(strapi, uid, lu);
  const precedentes = await versionsStockees(strapi, uid, documentId);
  const derniere = precedentes.at(-1);
  const champs = champsModifies(derniere ? vueVersion(derniere, true) : {}, { ...contenu, ...restreint });
  if (derniere && champs.length === 0) return;
  await strapi.documents(UID_VERSION as StrapiUID.ContentType).create({
    data: { type: uid, document: documentId, numero: (derniere?.numero ?? 0) + 1, publieLe: new Date(), roleAuteur: roleCourant(strapi), champsModifies: champs, contenu, restreint },
  } as never);
}

/** Document Service middleware: after every successful publication (publish, or a create or update with `status: 'published'`). */
export function enregistrerVersionsPubliees(strapi: Core.Strapi): void {
  strapi.documents.use(async (contexte, suivant) => {
    const resultat = await suivant();
    if (!TYPES_UIDS.has(contexte.uid)) return resultat;
    const params = contexte.params as { documentId?: string; status?: string };
    const publie = contexte.action === 'publish' || ((contexte.action === 'create' || contexte.action === 'update') && params.status === 'published');
    const documentId = params.documentId ?? (resultat as { documentId?: string } | null)?.documentId;
    if (publie && documentId) await capturerVersion(strapi, contexte.uid, documentId);
    return resultat;
  });
}

/** Documents read and versions inserted per round of the start-up completion. */
const LOT_VERSIONS_INITIALES = 200;

/**
 * At start: a first version (« Système ») for each document published before versions were kept
 * (idempotent). In rounds of one read and one insert, past the Document Service: on a base of 10,000
 * projets, one write per document (with its journal entry) held the start-up for minutes.
 */
export async function completerVersionsInitiales(strapi: Core.Strapi): Promise<void> {
  let ajoutees = 0;
  for (const uid of TYPES_UIDS) {
    const publies = (await strapi.db.query(uid as StrapiUID.Schema).findMany({ select: ['documentId'], where: { publishedAt: { $notNull: true } } })) as Array<{ documentId: string }>;
    const avecVersion = new Set(
      ((await strapi.db.query(UID_VERSION as StrapiUID.Schema).findMany({ select: ['document'], where: { type: uid } })) as Array<{ document: string }>).map((l) => l.document),
    );
    const manquants = [...new Set(publies.map((p) => p.documentId))].filter((id) => !avecVersion.has(id));
    const { fields, populate } = lectureVersionnee(strapi, uid);
    const lecture = { fields: [...fields, 'publishedAt'], populate };
    for (let debut = 0; debut < manquants.length; debut += LOT_VERSIONS_INITIALES) {
      const lot = manquants.slice(debut, debut + LOT_VERSIONS_INITIALES);
      const lus = (await strapi.documents(uid as StrapiUID.ContentType).findMany({
        status: 'published',
        filters: { documentId: { $in: lot } },
        limit: lot.length,
        ...lecture,
      } as never)) as unknown as Array<Contenu & { documentId: string; publishedAt: string }>;
      const maintenant = new Date();
      const lignes = lus.map((brut) => {
        const { contenu, restreint } = scinder(strapi, uid, sansId(brut));
        const champs = champsModifies({}, { ...contenu, ...restreint });
        return { documentId: createId(), type: uid, document: brut.documentId, numero: 1, publieLe: new Date(brut.publishedAt), roleAuteur: ROLES_AUTEUR.systeme, champsModifies: champs, contenu, restreint, createdAt: maintenant, updatedAt: maintenant };
      });
      if (lignes.length > 0) await strapi.db.query(UID_VERSION as StrapiUID.Schema).createMany({ data: lignes });
      ajoutees += lignes.length;
      strapi.log.info(`Versions publiées : ${Math.min(debut + lot.length, manquants.length)} / ${manquants.length} première(s) version(s) de ${uid}`);
    }
  }
  // The routes …/versions are read through the response cache: what it may hold is now stale.
  if (ajoutees > 0) await avancerGeneration(strapi);
}

export function typeVersionne(uid: string): boolean {
  return TYPES_UIDS.has(uid);
}

/** The type of a content-API path's first segment (`projets`…), or null. */
export function typeDuChemin(chemin: string): string | null {
  return TYPES_VERSIONNES[chemin.split('/').filter(Boolean)[0] ?? ''] ?? null;
}

/**
 * The versions of a document the caller may read, oldest first; null (404) when the document is not
 * published now (never published, or unpublished: unpublishing withdraws its history too) or is a
 * members-only ressource read by a non-member.
 */
export async function versionsDuDocument(strapi: Core.Strapi, uid: string, documentId: string, voitRestreint: boolean): Promise<VersionServie[] | null> {
  const ressource = uid === UID.ressource;
  const publie = (await strapi.db.query(uid as StrapiUID.Schema).findOne({
    select: ['id', ...(ressource ? ['acces'] : [])],
    where: { documentId, publishedAt: { $notNull: true } },
  })) as { acces?: string } | null;
  if (!publie || (ressource && !voitRestreint && publie.acces !== 'public')) return null;
  return versionsServies(uid, await versionsStockees(strapi, uid, documentId), voitRestreint);
}

export async function versionDuDocument(strapi: Core.Strapi, uid: string, documentId: string, numero: number, voitRestreint: boolean): Promise<VersionServie> {
  const versions = await versionsDuDocument(strapi, uid, documentId, voitRestreint);
  if (!versions) throw new errors.NotFoundError(DOCUMENT_SANS_VERSIONS);
  const version = versions.find((v) => v.numero === numero);
  if (!version) throw new errors.NotFoundError(VERSION_INTROUVABLE);
  return version;
}

export interface Difference {
  de: number;
  a: number;
  changements: Changement[];
}

export async function differenceVersions(strapi: Core.Strapi, uid: string, documentId: string, de: number, a: number, voitRestreint: boolean): Promise<Difference> {
  const versions = await versionsDuDocument(strapi, uid, documentId, voitRestreint);
  if (!versions) throw new errors.NotFoundError(DOCUMENT_SANS_VERSIONS);
  const [avant, apres] = [de, a].map((n) => versions.find((v) => v.numero === n));
  if (!avant || !apres) throw new errors.NotFoundError(VERSION_INTROUVABLE);
  return { de, a, changements: difference(avant.contenu, apres.contenu) };
}

/** Admin panel: every version with its Restreint fields (agents are trusted), published or not now. */
export async function versionsPourAgent(strapi: Core.Strapi, uid: string, documentId: string): Promise<VersionServie[]> {
  return versionsServies(uid, await versionsStockees(strapi, uid, documentId), true);
}

type Ref = { documentId?: string };

/** The rows of `cible` among `refs` that still exist (draft or published), documentId → id. */
async function existants(strapi: Core.Strapi, cible: string, refs: Ref[]): Promise<Map<string, number>> {
  const ids = refs.map((r) => r.documentId).filter((d): d is string => typeof d === 'string');
  if (ids.length === 0) return new Map();
  const lignes = (await strapi.db.query(cible as StrapiUID.Schema).findMany({ select: ['id', 'documentId'], where: { documentId: { $in: ids } } })) as Array<{ id: number; documentId: string }>;
  return new Map(lignes.map((l) => [l.documentId, l.id]));
}

/** The draft data that gives back a version's values: relations and media that still exist, the slug left as it is (fixed once published). */
async function donneesRestaurees(strapi: Core.Strapi, uid: string, vue: Contenu): Promise<Record<string, unknown>> {
  const data: Record<string, unknown> = {};
  for (const [nom, a] of attributsVersionnes(strapi, uid)) {
    if (!(nom in vue) || a.type === 'uid') continue;
    const valeur = vue[nom];
    if (a.type !== 'relation' && a.type !== 'media') {
      data[nom] = valeur ?? null;
      continue;
    }
    const refs = (Array.isArray(valeur) ? valeur : valeur ? [valeur] : []) as Ref[];
    const presents = await existants(strapi, a.type === 'media' ? 'plugin::upload.file' : (a.target as string), refs);
    const gardes = refs.map((r) => r.documentId).filter((d): d is string => d !== undefined && presents.has(d));
    if (a.type === 'media') {
      const ids = gardes.map((d) => presents.get(d) as number);
      data[nom] = a.multiple ? ids : (ids[0] ?? null);
    } else data[nom] = /ToMany$/.test(a.relation ?? '') ? { set: gardes.map((d) => ({ documentId: d })) } : (gardes[0] ?? null);
  }
  return data;
}

export const RESTAURATION_RESERVEE = 'Seul un modérateur peut restaurer une version publiée dans le brouillon.';

/**
 * Restores version `numero` into the draft, as the agent of the request: the review's Document Service
 * middleware sends the draft back to review (`brouillon`); the published version stays online.
 */
export async function restaurerVersion(strapi: Core.Strapi, uid: string, documentId: string, numero: number): Promise<void> {
  const version = (await versionsStockees(strapi, uid, documentId)).find((v) => v.numero === numero);
  if (!version) throw new errors.NotFoundError(VERSION_INTROUVABLE);
  const data = await donneesRestaurees(strapi, uid, vueVersion(version, true));
  await strapi.documents(uid as StrapiUID.ContentType).update({ documentId, data } as never);
}

/** The versions are read through their own routes: no GraphQL type nor query generated for the table. */
export function masquerVersionsGraphql(strapi: Core.Strapi): void {
  strapi.plugin('graphql')?.service('extension').shadowCRUD(UID_VERSION).disable();
}
