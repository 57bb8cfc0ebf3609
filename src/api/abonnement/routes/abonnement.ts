/**
 * Alerts by theme: the only routes of the abonnements, for anyone (docs/abonnements.md). No read route:
 * the subscriptions are internal, so GET /api/abonnements answers 404 to every caller. The GET pages
 * only show a button (mail scanners open links); the POSTs confirm and unsubscribe (RFC 8058 one-click).
 */
export default {
  routes: [
    { method: 'POST', path: '/abonnements', handler: 'abonnement.create', config: { auth: false } },
    { method: 'GET', path: '/abonnements/confirmer', handler: 'abonnement.pageConfirmer', config: { auth: false } },
    { method: 'POST', path: '/abonnements/confirmer', handler: 'abonnement.confirmer', config: { auth: false } },
    { method: 'GET', path: '/abonnements/desabonner', handler: 'abonnement.pageDesabonner', config: { auth: false } },
    { method: 'POST', path: '/abonnements/desabonner', handler: 'abonnement.desabonner', config: { auth: false } },
  ],
};
