/**
 * GET /api/statistiques: counts of the published projets. Authenticated like the content API (the
 * action is granted to the Public and Membre roles) so that a member is recognised: members also get
 * the counts by technique (Restreint).
 */
export default {
  routes: [{ method: 'GET', path: '/statistiques', handler: 'statistiques.find' }],
};
