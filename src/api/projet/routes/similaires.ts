/**
 * GET /api/projets/:documentId/similaires: the closest published projets of other collectivités.
 * Authenticated like the content API (action granted to the Public and Membre roles) so that a
 * member is recognised; named `find` so that read-only API tokens may call it.
 */
export default {
  routes: [{ method: 'GET', path: '/projets/:documentId/similaires', handler: 'similaires.find' }],
};
