import type { Core } from '@strapi/strapi';
import { TYPES_BIBLIOTHEQUE, verifierPublication } from '../../documents/invariants';
import { garderRoutes } from './garde-documents';
import { equiperSelecteurs } from './selecteurs';

type FabriqueService = (deps: { strapi: Core.Strapi }) => Record<string, any>;
type Routeurs = Parameters<typeof garderRoutes>[1];

/**
 * Bulk publish from the list view: Strapi publishes the documents in parallel (Promise.all) inside one
 * transaction, and one refusal does not roll back the others already published. Every document is
 * therefore checked before any is published, so a bulk publish is all or nothing.
 * Every admin route naming a document is guarded by garde-documents.ts; the relation pickers are
 * adjusted by selecteurs.ts.
 */
export default (plugin: { services: Record<string, FabriqueService>; routes: Routeurs }) => {
  // The relation pickers (selecteurs.ts) before the guard, which prepends itself and so runs around them.
  if (equiperSelecteurs(() => strapi, plugin.routes) !== 2) {
    throw new Error('Démarrage refusé : les routes des relations du gestionnaire de contenu ont changé ; revoir src/extensions/content-manager/selecteurs.ts.');
  }
  // Fail closed: if Strapi renames its routes, refuse to start rather than serve them unguarded.
  if (garderRoutes(() => strapi, plugin.routes) < 20) {
    throw new Error('Démarrage refusé : les routes d’administration du gestionnaire de contenu ont changé (moins de 20 routes « :model ») ; revoir src/extensions/content-manager/garde-documents.ts.');
  }
  const fabrique = plugin.services['document-manager'];
  plugin.services['document-manager'] = (deps) => {
    const service = fabrique(deps);
    const publishMany = service.publishMany;
    service.publishMany = async function (this: unknown, uid: string, documentIds: string[], locale?: string) {
      if (TYPES_BIBLIOTHEQUE.has(uid)) {
        for (const documentId of documentIds) await verifierPublication(deps.strapi, uid, { documentId, locale });
      }
      return publishMany.call(this, uid, documentIds, locale);
    };
    return service;
  };
  return plugin;
};
