/** Public open-data routes (README, « Open data »): no authentication, read-only. */
export default {
  routes: [
    { method: 'GET', path: '/open-data/projets.csv', handler: 'open-data.projetsCsv', config: { auth: false } },
    { method: 'GET', path: '/open-data/projets-etendu.csv', handler: 'open-data.projetsEtenduCsv', config: { auth: false } },
    { method: 'GET', path: '/open-data/projets.json', handler: 'open-data.projetsJson', config: { auth: false } },
    { method: 'GET', path: '/open-data/schema.json', handler: 'open-data.schema', config: { auth: false } },
    { method: 'GET', path: '/open-data/schema-etendu.json', handler: 'open-data.schemaEtendu', config: { auth: false } },
    { method: 'GET', path: '/open-data/datapackage.json', handler: 'open-data.datapackage', config: { auth: false } },
    { method: 'GET', path: '/open-data/catalogue.jsonld', handler: 'open-data.catalogueJsonLd', config: { auth: false } },
    { method: 'GET', path: '/open-data/catalogue.ttl', handler: 'open-data.catalogueTurtle', config: { auth: false } },
  ],
};
