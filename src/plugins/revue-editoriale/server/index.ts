/**
 * Local plugin « revue-editoriale »: the review workflow of the library, on Strapi's free edition.
 * Each content type listed in the plugin option `types` gets a review state (attribute `etatRevue`,
 * private: never on the content API), a history and email notifications. The application gives its
 * labels and publication requirements in the option `regles` (regles.ts) and uses the plugin through
 * its public entries only (public.ts, admin/index.ts): docs/adr/plugin-revue-editoriale.md.
 */
import type { Core } from '@strapi/strapi';
import contentTypes from './content-types';
import { ETATS } from './machine';
import { ATTRIBUT_ETAT, PLUGIN, UID_COURRIEL, UID_TRANSITION } from './constantes';
import { acteurCourant, type Acteur } from './documents';
import { enregistrerMiddlewareRevue, ErreurRevue } from './middleware';
import type { ReglesRevue } from './regles';
import { aRelire, lireDocument, placerEnModeration, transitionner } from './revue';
import { BoiteEnvoi } from './boite-envoi';
import { tableauDeBord } from './tableau-de-bord';

interface ConfigRevue {
  types: string[];
  regles: Partial<ReglesRevue>;
  courriels: { intervalleMs: number; delaiNouvelEssaiMs: number };
}

let boiteEnvoi: BoiteEnvoi | null = null;

type Ctx = { params: Record<string, string>; request: { body?: Record<string, unknown> }; status: number; body: unknown };

/** Runs an operation for the admin user of the request, answering its refusals with their HTTP status. */
async function repondre(ctx: Ctx, strapi: Core.Strapi, operation: (acteur: Acteur) => Promise<unknown>) {
  const acteur = acteurCourant(strapi);
  if (!acteur) {
    ctx.status = 401;
    ctx.body = { data: null, error: { status: 401, name: 'UnauthorizedError', message: 'Connectez-vous à l’administration.' } };
    return;
  }
  try {
    ctx.body = { data: await operation(acteur) };
  } catch (erreur) {
    if (!(erreur instanceof ErreurRevue)) throw erreur;
    const noms = { 400: 'ValidationError', 403: 'ForbiddenError', 404: 'NotFoundError', 409: 'ConflictError' } as const;
    ctx.status = erreur.statut;
    ctx.body = { data: null, error: { status: erreur.statut, name: noms[erreur.statut], message: erreur.message } };
  }
}

const politiques = { policies: ['admin::isAuthenticatedAdmin'] };

export default {
  config: {
    default: { types: [], regles: {}, courriels: { intervalleMs: 30_000, delaiNouvelEssaiMs: 60_000 } } satisfies ConfigRevue,
    validator(config: ConfigRevue) {
      if (!Array.isArray(config.types)) throw new Error('revue-editoriale : l’option « types » doit être une liste d’UID.');
    },
  },

  register({ strapi }: { strapi: Core.Strapi }) {
    for (const uid of strapi.plugin(PLUGIN).config('types') as string[]) {
      const type = strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
      if (!type?.options?.draftAndPublish) throw new Error(`revue-editoriale : ${uid} n’existe pas ou n’a pas de brouillons.`);
      (type.attributes as Record<string, unknown>)[ATTRIBUT_ETAT] = {
        type: 'enumeration',
        enum: [...ETATS],
        default: 'brouillon',
        private: true,
        configurable: false,
      };
    }
    enregistrerMiddlewareRevue(strapi);
    // History and outbox are the plugin's own: no GraphQL type nor query for them.
    const extension = strapi.plugin('graphql')?.service('extension');
    for (const uid of [UID_TRANSITION, UID_COURRIEL]) extension?.shadowCRUD(uid).disable();
  },

  bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const { intervalleMs, delaiNouvelEssaiMs } = strapi.plugin(PLUGIN).config('courriels') as ConfigRevue['courriels'];
    boiteEnvoi = new BoiteEnvoi(strapi, intervalleMs, delaiNouvelEssaiMs);
    boiteEnvoi.demarrer();
  },

  async destroy() {
    await boiteEnvoi?.arreter();
    boiteEnvoi = null;
  },

  contentTypes,

  services: {
    boiteEnvoi: () => ({ traiter: () => boiteEnvoi?.traiter() ?? Promise.resolve(0) }),
    revue: ({ strapi }: { strapi: Core.Strapi }) => ({
      placerEnModeration: (uid: string, documentId: string) => placerEnModeration(strapi, uid, documentId),
    }),
  },

  controllers: {
    revue: ({ strapi }: { strapi: Core.Strapi }) => ({
      transitionner: (ctx: Ctx) =>
        repondre(ctx, strapi, async (acteur) => {
          const resultat = await transitionner(strapi, ctx.request.body ?? {}, acteur);
          void boiteEnvoi?.traiter(); // send the notifications now rather than at the next tick
          return resultat;
        }),
      document: (ctx: Ctx) => repondre(ctx, strapi, (acteur) => lireDocument(strapi, ctx.params.uid, ctx.params.documentId, acteur)),
      aRelire: (ctx: Ctx) => repondre(ctx, strapi, (acteur) => aRelire(strapi, acteur)),
      tableauDeBord: (ctx: Ctx) => repondre(ctx, strapi, (acteur) => tableauDeBord(strapi, acteur)),
    }),
  },

  routes: {
    admin: {
      type: 'admin',
      routes: [
        { method: 'POST', path: '/transitions', handler: 'revue.transitionner', config: politiques },
        { method: 'GET', path: '/documents/:uid/:documentId', handler: 'revue.document', config: politiques },
        { method: 'GET', path: '/a-relire', handler: 'revue.aRelire', config: politiques },
        { method: 'GET', path: '/tableau-de-bord', handler: 'revue.tableauDeBord', config: politiques },
      ],
    },
  },
};
