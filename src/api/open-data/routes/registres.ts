/** Every published projet in the format of a peer register (docs/exports-registres.md): public, read-only. */
export default {
  routes: [
    { method: 'GET', path: '/open-data/algoritmeregister.json', handler: 'registres.algoritmeregister', config: { auth: false } },
    { method: 'GET', path: '/open-data/atrs.json', handler: 'registres.atrs', config: { auth: false } },
  ],
};
