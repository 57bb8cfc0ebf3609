/** POST /api/signalements — thin: the form is read, stored and notified by src/signalements/. */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { ACCUSE_SIGNALEMENT } from '../../../domaine/signalement';
import { signaler } from '../../../signalements/signalements';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: Context) {
    await signaler(strapi, (ctx.request as { body?: unknown }).body);
    ctx.status = 201;
    ctx.body = { data: { recu: true }, meta: { message: ACCUSE_SIGNALEMENT } };
  },
});
