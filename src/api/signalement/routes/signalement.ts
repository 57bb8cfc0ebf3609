/**
 * « Signaler une erreur »: the only route of the signalements on the content API, for anyone. No read
 * route: the reports are internal (admin panel only), so GET /api/signalements answers 404 to every caller.
 */
export default {
  routes: [{ method: 'POST', path: '/signalements', handler: 'signalement.create', config: { auth: false } }],
};
