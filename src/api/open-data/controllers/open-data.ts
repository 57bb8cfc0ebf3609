/**
 * GET /api/open-data/projets.csv | projets.json | schema.json — thin: headers, conditional requests,
 * streaming; the mapping is in ../table-schema.ts, the reading in ../services/open-data.ts.
 */
import { createHash } from 'crypto';
import { Readable } from 'stream';
import { stringify } from 'csv-stringify/sync';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { schemaPublic } from '../../../domaine/interconnectes/schema';
import { ENTETE, neutraliserFormule, versLigneOpenData, versObjetJson } from '../table-schema';
import type { VersionExport } from '../services/open-data';

const NOM_FICHIER = 'bibliotheque-ia-territoriales-projets';

function service(strapi: Core.Strapi) {
  return strapi.service('api::open-data.open-data') as unknown as {
    projetsPublies(): AsyncGenerator<Parameters<typeof versLigneOpenData>[0]>;
    version(): Promise<VersionExport>;
  };
}

/** Sets the caching headers; true when the client's copy is fresh (answered 304). */
function enCache(ctx: Context, version: VersionExport): boolean {
  ctx.set('ETag', version.etag);
  if (version.derniereModification) ctx.set('Last-Modified', version.derniereModification.toUTCString());
  ctx.set('Cache-Control', 'public, max-age=300');
  ctx.status = 200;
  if (ctx.fresh) {
    ctx.status = 304;
    return true;
  }
  return false;
}

const csv = (cellules: readonly string[]) => stringify([cellules], { record_delimiter: 'windows' });

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const base = () => String(strapi.config.get('server.absoluteUrl', '') ?? '');
  return {
    async projetsCsv(ctx: Context) {
      if (enCache(ctx, await service(strapi).version())) return;
      ctx.type = 'text/csv; charset=utf-8';
      ctx.attachment(`${NOM_FICHIER}.csv`);
      const projets = service(strapi).projetsPublies();
      ctx.body = Readable.from(
        (async function* lignes() {
          yield csv(ENTETE);
          for await (const projet of projets) {
            const ligne = versLigneOpenData(projet, base());
            yield csv(ENTETE.map((colonne) => neutraliserFormule(ligne[colonne])));
          }
        })(),
      );
    },

    async projetsJson(ctx: Context) {
      if (enCache(ctx, await service(strapi).version())) return;
      ctx.type = 'application/json; charset=utf-8';
      ctx.attachment(`${NOM_FICHIER}.json`);
      const projets = service(strapi).projetsPublies();
      ctx.body = Readable.from(
        (async function* objets() {
          let premier = true;
          yield '[';
          for await (const projet of projets) {
            yield `${premier ? '\n' : ',\n'}${JSON.stringify(versObjetJson(versLigneOpenData(projet, base())))}`;
            premier = false;
          }
          yield '\n]\n';
        })(),
      );
    },

    async schema(ctx: Context) {
      const corps = JSON.stringify(schemaPublic(), null, 2);
      ctx.set('ETag', `W/"${createHash('sha1').update(corps).digest('hex').slice(0, 20)}"`);
      ctx.set('Cache-Control', 'public, max-age=3600');
      ctx.status = 200;
      if (ctx.fresh) {
        ctx.status = 304;
        return;
      }
      ctx.type = 'application/json; charset=utf-8';
      ctx.attachment('schema.json', { type: 'inline' });
      ctx.body = corps;
    },
  };
};
