/** GET /api/ressources/:documentId/fichiers/:id — the file, or one French 404 whatever the reason. */
import { createReadStream } from 'fs';
import { stat } from 'fs/promises';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { appelantDepuisAuth, voitRestreint } from '../../../domaine/visibilite';
import { ENTETES_FICHIERS } from '../../../domaine/fichiers';
import { cheminNormalise } from '../services/fichiers';

export const FICHIER_INTROUVABLE = 'Fichier introuvable.';

interface Fichier {
  id: number;
  url: string;
  name: string;
  mime: string;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async findOne(ctx: Context) {
    const id = Number(ctx.params.id);
    if (!Number.isSafeInteger(id) || id <= 0) throw new errors.NotFoundError(FICHIER_INTROUVABLE);
    const ressource = (await strapi.documents('api::ressource.ressource').findOne({
      documentId: String(ctx.params.documentId),
      status: 'published',
      fields: ['acces'],
      populate: { fichiers: { fields: ['id', 'url', 'name', 'mime'] } },
    } as any)) as { acces?: string; fichiers?: Fichier[] } | null;
    const visible = ressource && (ressource.acces === 'public' || voitRestreint(appelantDepuisAuth(ctx.state.auth)));
    const fichier = visible ? ressource.fichiers?.find((f) => f.id === id) : undefined;
    // Local storage only: a file of another provider has an absolute URL, served by that provider.
    const relatif = fichier && fichier.url.startsWith('/uploads/') ? cheminNormalise(fichier.url) : undefined;
    if (!fichier || !relatif?.startsWith('/uploads/')) throw new errors.NotFoundError(FICHIER_INTROUVABLE);
    const chemin = path.join(strapi.dirs.static.public, relatif);
    const taille = await stat(chemin).then((s) => s.size, () => undefined);
    if (taille === undefined) throw new errors.NotFoundError(FICHIER_INTROUVABLE);
    ctx.set(ENTETES_FICHIERS);
    ctx.set('Cache-Control', 'private, no-store');
    ctx.set('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(fichier.name)}`);
    ctx.type = fichier.mime || 'application/octet-stream';
    ctx.length = taille;
    ctx.body = createReadStream(chemin);
  },
});
