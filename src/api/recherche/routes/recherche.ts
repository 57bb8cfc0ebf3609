/**
 * GET /api/recherche — full-text search of the published projets, with filters and facets. An
 * ordinary content-API route (not `auth: false`) so that a member's JWT is read: the action
 * `api::recherche.recherche.find` is granted to the Public and Membre roles at start-up.
 */
export default {
  routes: [{ method: 'GET', path: '/recherche', handler: 'recherche.find', config: {} }],
};
