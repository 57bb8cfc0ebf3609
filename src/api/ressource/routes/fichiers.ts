/**
 * GET /api/ressources/:documentId/fichiers/:id: a file of a published ressource, to callers who see
 * the ressource (members-only ressources: approved members and API tokens). Authenticated like the
 * content API (action granted to the Public and Membre roles); named `findOne` so that read-only API
 * tokens may call it.
 */
export default {
  routes: [{ method: 'GET', path: '/ressources/:documentId/fichiers/:id', handler: 'fichiers.findOne' }],
};
