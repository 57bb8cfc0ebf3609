/** POST /api/signalements — thin: reads the form (src/domaine/signalement.ts), stores and notifies (src/signalements/). */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { lireSignalement } from '../../../domaine/signalement';
import { enregistrerSignalement } from '../../../signalements/signalements';

export const PROJET_INTROUVABLE = 'Projet introuvable : le champ « projet » doit être l’identifiant (documentId) d’un projet publié.';
/** The only answer: nothing of what was stored is echoed. */
const ACCUSE = { data: { recu: true }, meta: { message: 'Merci : votre signalement a été transmis à l’équipe éditoriale.' } };

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: Context) {
    const lecture = lireSignalement((ctx.request as { body?: unknown }).body);
    if (lecture.type === 'invalide') throw new errors.ValidationError(lecture.message, { champ: lecture.champ });
    // Honeypot filled: a robot. Same answer as a stored report, so it learns nothing; nothing stored nor sent.
    if (lecture.type === 'valide' && !(await enregistrerSignalement(strapi, lecture.signalement))) throw new errors.NotFoundError(PROJET_INTROUVABLE);
    ctx.status = 201;
    ctx.body = ACCUSE;
  },
});
