/**
 * GET /api/projets/:documentId/export/<registre>.json: a published projet in the format of a peer
 * register (docs/exports-registres.md). Public: only public fields are ever read
 * (src/transparence/projet-public.ts).
 */
export default {
  routes: [
    { method: 'GET', path: '/projets/:documentId/export/algoritmeregister.json', handler: 'exports.algoritmeregister', config: { auth: false } },
    { method: 'GET', path: '/projets/:documentId/export/atrs.json', handler: 'exports.atrs', config: { auth: false } },
    { method: 'GET', path: '/projets/:documentId/export/ai-act.json', handler: 'exports.aiAct', config: { auth: false } },
  ],
};
