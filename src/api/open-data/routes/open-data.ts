/** Public open-data routes (README, « Open data »): no authentication, read-only. */
export default {
  routes: [
    { method: 'GET', path: '/open-data/projets.csv', handler: 'open-data.projetsCsv', config: { auth: false } },
    { method: 'GET', path: '/open-data/projets.json', handler: 'open-data.projetsJson', config: { auth: false } },
    { method: 'GET', path: '/open-data/schema.json', handler: 'open-data.schema', config: { auth: false } },
  ],
};
