/** Reading the documents under review and knowing who acts on them (Strapi glue). */
import { AsyncLocalStorage } from 'async_hooks';
import type { Core, UID } from '@strapi/strapi';
import { estEtat, LIBELLES_ETATS, type Etat, type Role } from './machine';
import { ATTRIBUT_ETAT, CODE_SUPER_ADMIN, NOM_ROLE_MODERATEUR } from './constantes';

export interface Personne {
  id: number;
  email: string;
  firstname?: string | null;
  lastname?: string | null;
}

export interface Acteur {
  id: number;
  nom: string;
  moderateur: boolean;
}

export interface DocumentRevu {
  id: number;
  documentId: string;
  uid: string;
  titre: string;
  etat: Etat;
  collectivite: { id: number; documentId: string; nom: string; referents: Personne[]; contributeurs: Personne[] } | null;
  createdBy: Personne | null;
  aUneCollectivite: boolean;
}

/** A comment given with `publier` or `archiver`, handed to the middleware that records the transition. */
export const contexteTransition = new AsyncLocalStorage<{ commentaire?: string }>();

export function nomPersonne(p: Personne): string {
  return [p.firstname, p.lastname].filter(Boolean).join(' ') || p.email;
}

type ContexteRequete = {
  state?: { auth?: { strategy?: { name?: string } }; user?: Personne & { roles?: Array<{ code: string; name: string }> } };
};

/** The admin user behind the current request, or null for scripts and content-API callers. */
export function acteurCourant(strapi: Core.Strapi): Acteur | null {
  const ctx = strapi.requestContext.get() as ContexteRequete | undefined;
  const user = ctx?.state?.user;
  if (ctx?.state?.auth?.strategy?.name !== 'admin' || !user) return null;
  const roles = user.roles ?? [];
  return {
    id: Number(user.id),
    nom: nomPersonne(user),
    moderateur: roles.some((r) => r.code === CODE_SUPER_ADMIN || r.name === NOM_ROLE_MODERATEUR),
  };
}

export function champTitre(strapi: Core.Strapi, uid: string): 'nom' | 'titre' {
  return 'nom' in strapi.getModel(uid as UID.Schema).attributes ? 'nom' : 'titre';
}

/** A draft in the review, as the home widgets and « à relire » list it. */
export interface DocumentEnRevue {
  uid: string;
  documentId: string;
  titre: string;
  etat: Etat;
  libelle: string;
  collectivite: string | null;
  modifieLe: string;
}

/** The drafts of `uid` matching `where`, by date of last change. */
export async function documentsEnRevue(strapi: Core.Strapi, uid: string, where: Record<string, unknown>, ordre: 'asc' | 'desc', limite?: number): Promise<DocumentEnRevue[]> {
  const aUneCollectivite = 'collectivite' in strapi.getModel(uid as UID.Schema).attributes;
  const titre = champTitre(strapi, uid);
  const lignes = (await strapi.db.query(uid as UID.Schema).findMany({
    select: ['documentId', titre, ATTRIBUT_ETAT, 'updatedAt'],
    where: { publishedAt: null, ...where },
    populate: aUneCollectivite ? { collectivite: { select: ['nom'] } } : {},
    orderBy: { updatedAt: ordre },
    ...(limite ? { limit: limite } : {}),
  })) as Array<Record<string, any>>;
  return lignes.map((l) => {
    const etat: Etat = estEtat(l[ATTRIBUT_ETAT]) ? l[ATTRIBUT_ETAT] : 'brouillon';
    return {
      uid,
      documentId: l.documentId,
      titre: l[titre],
      etat,
      libelle: LIBELLES_ETATS[etat],
      collectivite: l.collectivite?.nom ?? null,
      modifieLe: new Date(l.updatedAt).toISOString(),
    };
  });
}

export async function chargerDocument(strapi: Core.Strapi, uid: string, documentId: string): Promise<DocumentRevu | null> {
  const aUneCollectivite = 'collectivite' in strapi.getModel(uid as UID.Schema).attributes;
  const titre = champTitre(strapi, uid);
  const personne = { select: ['id', 'email', 'firstname', 'lastname'] };
  const ligne = (await strapi.db.query(uid as UID.Schema).findOne({
    select: ['id', 'documentId', titre, ATTRIBUT_ETAT],
    where: { documentId, publishedAt: null },
    populate: {
      createdBy: personne,
      ...(aUneCollectivite
        ? { collectivite: { select: ['id', 'documentId', 'nom'], populate: { referents: personne, contributeurs: personne } } }
        : {}),
    },
  })) as Record<string, any> | null;
  if (!ligne) return null;
  return {
    id: ligne.id,
    documentId: ligne.documentId,
    uid,
    titre: ligne[titre] ?? '',
    etat: estEtat(ligne[ATTRIBUT_ETAT]) ? ligne[ATTRIBUT_ETAT] : 'brouillon',
    collectivite: ligne.collectivite ?? null,
    createdBy: ligne.createdBy ?? null,
    aUneCollectivite,
  };
}

/** The caller's role for this document: modérateur anywhere, else référent or contributeur of its collectivité. */
export function roleDe(acteur: Acteur, document: DocumentRevu): Role | null {
  if (acteur.moderateur) return 'moderateur';
  const parmi = (personnes: Personne[] | undefined) => (personnes ?? []).some((p) => p.id === acteur.id);
  if (parmi(document.collectivite?.referents)) return 'referent';
  if (parmi(document.collectivite?.contributeurs)) return 'contributeur';
  if (!document.aUneCollectivite && document.createdBy?.id === acteur.id) return 'contributeur';
  return null;
}

/** Moves the state only if nobody moved it meanwhile; false when another request won the race. */
export async function changerEtat(strapi: Core.Strapi, document: DocumentRevu, de: Etat, vers: Etat): Promise<boolean> {
  const resultat = await strapi.db.query(document.uid as UID.Schema).updateMany({
    where: { documentId: document.documentId, publishedAt: null, [ATTRIBUT_ETAT]: de },
    data: { [ATTRIBUT_ETAT]: vers },
  });
  return (resultat as { count: number }).count > 0;
}

/** Collectivités the user is référent or contributeur of. */
export async function collectivitesDe(strapi: Core.Strapi, userId: number): Promise<Array<{ id: number; documentId: string }>> {
  return (await strapi.db.query('api::collectivite.collectivite').findMany({
    select: ['id', 'documentId'],
    where: { $or: [{ referents: { id: userId } }, { contributeurs: { id: userId } }] },
  })) as Array<{ id: number; documentId: string }>;
}
