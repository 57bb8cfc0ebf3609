import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ENTETES_FICHIERS } from '../domaine/fichiers';
import { cheminNormalise, type ServiceFichiers } from '../api/ressource/services/fichiers';
import { FICHIER_INTROUVABLE } from '../api/ressource/controllers/fichiers';

/**
 * Global middleware `global::fichiers`, before the static servers (upload's /uploads route and
 * strapi::public): every uploaded file is served with `nosniff` and a `sandbox` CSP, and the files of
 * members-only ressources are not served at all by their address (404, to everyone: they are read
 * through GET /api/ressources/:documentId/fichiers/:id).
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<void>) => {
    // Decoded and normalised as the static servers do (`/%75ploads//a.pdf` is `/uploads/a.pdf`).
    const chemin = cheminNormalise(ctx.path);
    if (!['GET', 'HEAD'].includes(ctx.method) || !chemin?.startsWith('/uploads/')) return next();
    const service = strapi.service('api::ressource.fichiers') as unknown as ServiceFichiers;
    if ((await service.reserves()).adresses.has(chemin)) throw new errors.NotFoundError(FICHIER_INTROUVABLE);
    ctx.set(ENTETES_FICHIERS);
    await next();
    // strapi::security may run after this middleware in another configuration: these headers win.
    ctx.set(ENTETES_FICHIERS);
  };
