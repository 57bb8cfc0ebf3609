/**
 * GET /api/collectivites/:documentId/synthese (src/syntheses/). Authenticated like the content API (action
 * granted to the Public and Membre roles, src/domaine/visibilite.ts); named `find` so that read-only
 * API tokens may call it.
 */
export default {
  routes: [{ method: 'GET', path: '/collectivites/:documentId/synthese', handler: 'synthese.find' }],
};
