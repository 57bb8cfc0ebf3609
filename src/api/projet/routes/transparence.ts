/**
 * GET /api/projets/:documentId/transparence: the fiche de transparence (docs/transparence.md). Without
 * authentication: it only ever shows public fields, the same to everyone, so any caller (and the
 * response cache, src/middlewares/cache-reponses.ts) gets the same answer.
 */
export default {
  routes: [{ method: 'GET', path: '/projets/:documentId/transparence', handler: 'transparence.find', config: { auth: false } }],
};
