/**
 * One guard on every content-manager admin route: a document a route names (edit, clone, actions, bulk
 * actions, relations, draft relation counts) must be one the caller may read, by the same RBAC
 * conditions as the edit view (src/bootstrap/roles-editoriaux.ts). Strapi checks them only on some
 * routes (not on clone, bulkFindForValidation, countManyEntriesDraftRelations). What a write may do
 * once the document is readable (workflow state, collectivité) is the Document Service middleware's.
 * Relation lists keep only the documents the caller may read.
 */
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { HORS_COLLECTIVITE } from '../../plugins/revue-editoriale/public';

type Ctx = {
  state: { userAbility?: unknown; route?: { path?: string } };
  params: Record<string, string | undefined>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  body: unknown;
};
type Suite = () => Promise<unknown>;
type Verificateur = {
  requiresEntity: { read(): boolean };
  sanitizedQuery: { read(query: Record<string, unknown>): Promise<{ filters?: unknown }> };
};

function liste(valeur: unknown): string[] {
  const elements = Array.isArray(valeur) ? valeur : valeur === undefined || valeur === null ? [] : [valeur];
  return elements.filter((e): e is string => typeof e === 'string' && e !== '');
}

/** The documentIds a content-manager request names, whatever the route. */
export function documentsNommes(ctx: Ctx): string[] {
  const corps = (ctx.request.body ?? {}) as Record<string, unknown>;
  return [
    ...liste(ctx.params.id),
    ...liste(ctx.params.sourceId),
    ...liste(typeof corps === 'object' ? corps.documentIds : undefined),
    ...liste(ctx.query.documentIds),
    ...(ctx.params.targetField ? liste(ctx.query.id) : []),
  ];
}

function estTypeDeContenu(strapi: Core.Strapi, uid: string | undefined): uid is string {
  return typeof uid === 'string' && uid in strapi.contentTypes;
}

/** Which of `documentIds` (existing ones) the caller may NOT read; [] when no condition applies. */
async function illisibles(strapi: Core.Strapi, userAbility: unknown, uid: string, documentIds: string[]): Promise<string[]> {
  if (documentIds.length === 0) return [];
  const verificateur = strapi.plugin('content-manager').service('permission-checker').create({ userAbility, model: uid }) as Verificateur;
  if (!verificateur.requiresEntity.read()) return []; // no condition: all or nothing, which Strapi's own check decides
  const { filters } = await verificateur.sanitizedQuery.read({});
  const requete = strapi.db.query(uid as UID.Schema);
  const transformer = strapi.get('query-params') as { transform(uid: string, params: Record<string, unknown>): { where?: unknown } };
  const { where } = transformer.transform(uid, { filters: { $and: [{ documentId: { $in: documentIds } }, ...(filters ? [filters] : [])] } });
  const [existants, lisibles] = await Promise.all([
    requete.findMany({ select: ['documentId'], where: { documentId: { $in: documentIds } } }),
    requete.findMany({ select: ['documentId'], where: where as Record<string, unknown> }),
  ]);
  const permis = new Set((lisibles as Array<{ documentId: string }>).map((l) => l.documentId));
  return [...new Set((existants as Array<{ documentId: string }>).map((e) => e.documentId))].filter((id) => !permis.has(id));
}

function cibleDeRelation(strapi: Core.Strapi, modele: string | undefined, champ: string | undefined): string | null {
  if (!modele || !champ) return null;
  const attribut = (strapi.getModel(modele as UID.Schema)?.attributes as Record<string, { type: string; target?: string }> | undefined)?.[champ];
  return attribut?.type === 'relation' && estTypeDeContenu(strapi, attribut.target) ? attribut.target : null;
}

/**
 * Single-type routes given a collection type act on its first document (a modérateur's DELETE
 * /single-types/api::projet.projet deleted a projet): each kind of route only for its kind of type.
 */
function verifierGenre(strapi: Core.Strapi, modele: string | undefined, chemin: string) {
  if (!estTypeDeContenu(strapi, modele)) return;
  const genre: string = strapi.contentTypes[modele as keyof typeof strapi.contentTypes].kind;
  if (chemin.includes('/single-types/') && genre !== 'singleType') throw new errors.NotFoundError(`« ${modele} » n’est pas un type unique.`);
  if (chemin.includes('/collection-types/') && genre !== 'collectionType') throw new errors.NotFoundError(`« ${modele} » n’est pas une collection.`);
}

export function gardeDocuments(instance: () => Core.Strapi) {
  return async (ctx: Ctx, next: Suite) => {
    const strapi = instance();
    const modele = ctx.params.model;
    verifierGenre(strapi, modele, ctx.state.route?.path ?? '');
    if (estTypeDeContenu(strapi, modele) && (await illisibles(strapi, ctx.state.userAbility, modele, documentsNommes(ctx))).length > 0) {
      throw new errors.PolicyError(HORS_COLLECTIVITE); // a PolicyError keeps its message through Strapi’s authorize step
    }
    await next();
    const cible = cibleDeRelation(strapi, modele, ctx.params.targetField);
    const corps = ctx.body as { results?: Array<{ documentId?: string }> } | undefined;
    if (cible && Array.isArray(corps?.results)) {
      const caches = new Set(await illisibles(strapi, ctx.state.userAbility, cible, liste(corps.results.map((r) => r.documentId))));
      if (caches.size > 0) corps.results = corps.results.filter((r) => !caches.has(r.documentId as string));
    }
  };
}

/** Adds the guard to every content-manager admin route that names a content type (`:model`). */
export function garderRoutes(instance: () => Core.Strapi, routeurs: Record<string, { routes?: Array<{ path: string; config?: { middlewares?: unknown[] } }> }>): number {
  let gardees = 0;
  for (const routeur of Object.values(routeurs)) {
    for (const route of routeur.routes ?? []) {
      if (!route.path.includes(':model')) continue;
      route.config = { ...(route.config ?? {}), middlewares: [gardeDocuments(instance), ...(route.config?.middlewares ?? [])] };
      gardees += 1;
    }
  }
  return gardees;
}
