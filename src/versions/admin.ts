/**
 * Admin routes of the version history (panel « Versions publiées », src/admin/versions/): the list of a
 * document's versions for any agent, and the restore of one into the draft, for modérateurs and Super
 * Admins only. The restore is an edit of the draft by that agent, so the review's rules apply to it.
 */
import type { Core, UID as StrapiUID } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { lireNumero } from '../domaine/versions';
import { ATTRIBUT_ETAT, CODE_SUPER_ADMIN, NOM_ROLE_MODERATEUR } from '../plugins/revue-editoriale/public';
import { RESTAURATION_RESERVEE, restaurerVersion, typeVersionne, versionsPourAgent } from './versions';

export const PREFIXE_ADMIN_VERSIONS = '/versions-publiees';
const TYPE_INCONNU = 'Type inconnu : seuls les projets, les initiatives de gouvernance et les ressources ont des versions publiées.';

type Utilisateur = { roles?: Array<{ code?: string; name?: string }> } | undefined;

function estModerateur(user: Utilisateur): boolean {
  return (user?.roles ?? []).some((r) => r.code === CODE_SUPER_ADMIN || r.name === NOM_ROLE_MODERATEUR);
}

/**
 * A 403 with its French message. Thrown, a ForbiddenError would lose it: Strapi's authorization step,
 * around every route, answers any ForbiddenError that is not a PolicyError with a bare « Forbidden ».
 */
function refuser(ctx: Context, message: string): void {
  ctx.status = 403;
  ctx.body = { data: null, error: { status: 403, name: 'ForbiddenError', message, details: {} } };
}

function lireType(ctx: Context): string {
  const uid = String(ctx.params.uid);
  if (!typeVersionne(uid)) throw new errors.NotFoundError(TYPE_INCONNU);
  return uid;
}

export function installerRoutesAdminVersions(strapi: Core.Strapi): void {
  const politiques = { policies: ['admin::isAuthenticatedAdmin'] };
  strapi.server.routes({
    type: 'admin',
    prefix: PREFIXE_ADMIN_VERSIONS,
    routes: [
      {
        method: 'GET',
        path: '/:uid/:documentId',
        config: politiques,
        handler: async (ctx: Context) => {
          const uid = lireType(ctx);
          const versions = await versionsPourAgent(strapi, uid, String(ctx.params.documentId));
          ctx.body = { data: { versions, peutRestaurer: estModerateur(ctx.state.user as Utilisateur) } };
        },
      },
      {
        method: 'POST',
        path: '/:uid/:documentId/:numero/restaurer',
        config: politiques,
        handler: async (ctx: Context) => {
          const uid = lireType(ctx);
          if (!estModerateur(ctx.state.user as Utilisateur)) return refuser(ctx, RESTAURATION_RESERVEE);
          const numero = lireNumero(ctx.params.numero, 'numero');
          if (!numero.ok) throw new errors.ValidationError(numero.message);
          const documentId = String(ctx.params.documentId);
          try {
            await restaurerVersion(strapi, uid, documentId, numero.valeur);
          } catch (erreur) {
            // A refusal of the review (Document Service middleware): its message, not a bare « Forbidden ».
            if (erreur instanceof errors.ForbiddenError && !(erreur instanceof errors.PolicyError)) return refuser(ctx, erreur.message);
            throw erreur;
          }
          const brouillon = (await strapi.db.query(uid as StrapiUID.Schema).findOne({ select: [ATTRIBUT_ETAT], where: { documentId, publishedAt: null } })) as Record<string, unknown> | null;
          ctx.body = { data: { numero: numero.valeur, etat: brouillon?.[ATTRIBUT_ETAT] ?? null } };
        },
      },
    ],
  } as never);
}
