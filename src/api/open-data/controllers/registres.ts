/**
 * GET /api/open-data/algoritmeregister.json and atrs.json — every published projet, each in the
 * envelope of the per-projet export (src/transparence/exports/registres.ts), streamed page by page
 * (src/transparence/projet-public.ts) with the ETag of the other open-data exports.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { projetsPublics } from '../../../transparence/projet-public';
import { exporterProjet, type NomRegistre } from '../../../transparence/exports/registres';
import { taillePageConfiguree, type VersionExport } from '../services/open-data';
import { enCache } from './open-data';
import { adressePublique } from '../../../config/adresse-publique';
import { fluxExport } from '../paquets';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const base = () => adressePublique(strapi);
  const version = () => (strapi.service('api::open-data.open-data') as unknown as { version(): Promise<VersionExport> }).version();

  const exporterTous = (nom: NomRegistre) => async (ctx: Context) => {
    const { etag, derniereModification } = await version();
    // One version for all the open-data exports: the format is part of this one's tag.
    if (enCache(ctx, etag.replace(/"$/, `-${nom}"`), derniereModification, 300)) return;
    // Before the file's headers: a configuration error is answered as an error, not as a download.
    const projets = projetsPublics(strapi, taillePageConfiguree(strapi));
    ctx.type = 'application/json; charset=utf-8';
    ctx.attachment(`bibliotheque-ia-territoriales-${nom}.json`, { type: 'inline' });
    const adresse = base();
    ctx.body = fluxExport(
      (async function* objets() {
        let premier = true;
        yield '[';
        for await (const projet of projets) {
          yield `${premier ? '\n' : ',\n'}${JSON.stringify(exporterProjet(nom, projet, adresse))}`;
          premier = false;
        }
        yield '\n]\n';
      })(),
    );
  };

  return {
    algoritmeregister: exporterTous('algoritmeregister'),
    atrs: exporterTous('atrs'),
  };
};
