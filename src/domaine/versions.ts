/**
 * Public version history of the published documents (docs/versions.md): what a version holds, what
 * changed between two, who sees what. Pure: no Strapi import.
 *
 * A version keeps the public fields (`contenu`) and the Restreint ones (`restreint`, which also holds
 * a relation's full list when it has members-only ressources). Members see `{ ...contenu, ...restreint }`,
 * everyone else `contenu` only; a version of a members-only ressource is not shown to non-members at all.
 */
import { UID } from './regles-metier';
import type { Lecture } from './parametres';

export const UID_VERSION = 'api::version-publiee.version-publiee';

/** The versioned types, by the plural of their content-API path. */
export const TYPES_VERSIONNES: Readonly<Record<string, string>> = {
  projets: UID.projet,
  'initiatives-gouvernance': UID.initiative,
  ressources: UID.ressource,
};

export type Contenu = Record<string, unknown>;

/** A stored version (table `versions_publiees`). */
export interface VersionStockee {
  numero: number;
  publieLe: string;
  roleAuteur: string;
  champsModifies: string[];
  contenu: Contenu;
  restreint: Contenu;
}

/** A version as a caller reads it. */
export interface VersionServie {
  numero: number;
  publieLe: string;
  roleAuteur: string;
  champsModifies: string[];
  contenu: Contenu;
}

export interface Changement {
  champ: string;
  avant: unknown;
  apres: unknown;
}

export const ROLES_AUTEUR = { moderateur: 'Modérateur', superAdmin: 'Super Admin', systeme: 'Système' } as const;

/** Empty in any form: absent, null, '' or an empty list. Publishing a field as null or [] is no change. */
function estVide(valeur: unknown): boolean {
  return valeur === undefined || valeur === null || valeur === '' || (Array.isArray(valeur) && valeur.length === 0);
}

/** JSON with sorted object keys, so that two equal values written in another key order compare equal. */
function formeStable(valeur: unknown): string {
  const trier = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(trier);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.keys(v as Record<string, unknown>).sort().map((cle) => [cle, trier((v as Record<string, unknown>)[cle])]));
    }
    return v;
  };
  return JSON.stringify(estVide(valeur) ? null : trier(valeur));
}

/** Every field whose value differs, in the order of `apres` then of `avant`, with both values (empty as null). */
export function difference(avant: Contenu, apres: Contenu): Changement[] {
  const champs = [...new Set([...Object.keys(apres), ...Object.keys(avant)])];
  return champs
    .filter((champ) => formeStable(avant[champ]) !== formeStable(apres[champ]))
    .map((champ) => ({ champ, avant: estVide(avant[champ]) ? null : avant[champ], apres: estVide(apres[champ]) ? null : apres[champ] }));
}

export function champsModifies(avant: Contenu, apres: Contenu): string[] {
  return difference(avant, apres).map((c) => c.champ);
}

/** What a version shows to a caller: with the Restreint fields for members only. */
export function vueVersion(version: Pick<VersionStockee, 'contenu' | 'restreint'>, voitRestreint: boolean): Contenu {
  return voitRestreint ? { ...version.contenu, ...version.restreint } : version.contenu;
}

/** A ressource réservée aux membres (acces = membres at that version) is members-only, versions included. */
export function versionVisible(uid: string, version: Pick<VersionStockee, 'contenu'>, voitRestreint: boolean): boolean {
  return voitRestreint || uid !== UID.ressource || version.contenu.acces === 'public';
}

/**
 * The versions a caller may read, oldest first, with the fields changed since the previous one they may
 * read: the stored list for members, recomputed on the public fields for everyone else (a change of a
 * Restreint field alone shows as a version with no field changed).
 */
export function versionsServies(uid: string, versions: readonly VersionStockee[], voitRestreint: boolean): VersionServie[] {
  const visibles = [...versions].sort((a, b) => a.numero - b.numero).filter((v) => versionVisible(uid, v, voitRestreint));
  return visibles.map((v, i) => ({
    numero: v.numero,
    publieLe: v.publieLe,
    roleAuteur: v.roleAuteur,
    champsModifies: voitRestreint ? v.champsModifies : champsModifies(i === 0 ? {} : visibles[i - 1].contenu, v.contenu),
    contenu: vueVersion(v, voitRestreint),
  }));
}

/** The role of who published, never their name: « Super Admin », « Modérateur », another admin role's name, or « Système » (no agent). */
export function roleAuteur(roles: ReadonlyArray<{ code?: string; name?: string }> | null, codeSuperAdmin: string, nomModerateur: string): string {
  if (!roles) return ROLES_AUTEUR.systeme;
  if (roles.some((r) => r.code === codeSuperAdmin)) return ROLES_AUTEUR.superAdmin;
  if (roles.some((r) => r.name === nomModerateur)) return ROLES_AUTEUR.moderateur;
  return roles[0]?.name ?? ROLES_AUTEUR.systeme;
}

/** A version number from a path or a query: a whole number from 1. */
export function lireNumero(valeur: unknown, nom: string): Lecture<number> {
  const texte = typeof valeur === 'number' ? String(valeur) : valeur;
  if (typeof texte !== 'string' || !/^[1-9]\d{0,8}$/.test(texte)) {
    return { ok: false, message: `Le numéro de version « ${nom} » doit être un entier supérieur ou égal à 1.` };
  }
  return { ok: true, valeur: Number(texte) };
}

export const VERSION_INTROUVABLE = 'Version introuvable : ce document n’a pas de version publiée de ce numéro.';
export const DOCUMENT_SANS_VERSIONS = 'Document introuvable : aucun document publié n’a cet identifiant (documentId).';
