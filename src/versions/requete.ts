/** Reading a request of the version routes (REST): the type from the path, the caller's view, the numbers; a French 400 or 404 otherwise. */
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { parametresInconnus } from '../domaine/parametres';
import { appelantDepuisAuth, voitRestreint } from '../domaine/visibilite';
import { DOCUMENT_SANS_VERSIONS, lireNumero } from '../domaine/versions';
import { typeDuChemin } from './versions';

/** The versioned type named by the route's path, and whether the caller sees the Restreint; no query parameter accepted. */
export function lireRequete(ctx: Context): { uid: string; documentId: string; membre: boolean } {
  const inconnus = parametresInconnus(ctx.query, []);
  if (inconnus) throw new errors.ValidationError(inconnus);
  const uid = typeDuChemin((ctx.state.route as { path: string }).path);
  if (!uid) throw new errors.NotFoundError(DOCUMENT_SANS_VERSIONS);
  return { uid, documentId: String(ctx.params.documentId), membre: voitRestreint(appelantDepuisAuth(ctx.state.auth)) };
}

/** The version number in path parameter `nom`. */
export function numero(ctx: Context, nom: string): number {
  const lu = lireNumero(ctx.params[nom], nom);
  if (!lu.ok) throw new errors.ValidationError(lu.message);
  return lu.valeur;
}
