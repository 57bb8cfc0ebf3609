/**
 * Public version history of the projets, initiatives and ressources (docs/versions.md, src/versions/).
 * Authenticated like the content API (actions granted to the Public and Membre roles,
 * src/domaine/visibilite.ts), so that a member sees the Restreint fields; named `find` and `findOne` so
 * that read-only API tokens may call them. No route reads or writes the table itself.
 */
import { TYPES_VERSIONNES } from '../../../domaine/versions';

export default {
  routes: Object.keys(TYPES_VERSIONNES).flatMap((collection) => [
    { method: 'GET', path: `/${collection}/:documentId/versions`, handler: 'versions.find' },
    { method: 'GET', path: `/${collection}/:documentId/versions/:numero`, handler: 'versions.findOne' },
    { method: 'GET', path: `/${collection}/:documentId/versions/:de/difference/:a`, handler: 'difference.find' },
  ]),
};
