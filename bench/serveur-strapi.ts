/**
 * The CMS as the bench drives it: the compiled application booted like `strapi start` (no admin panel
 * to serve), in the environment the parent gives (production, throw-away database).
 *
 * `--strapi-nu` measures Strapi's stock core controllers without this project's visibility layer:
 * after loading, the content-API sanitizers and validators that `installerVisibilite` wrapped are put
 * back as Strapi created them. This lives in this bench-only program, never in `src/`: the CMS itself
 * has no switch that turns the visibility layer off.
 */
import path from 'path';
import { createStrapi } from '@strapi/strapi';
import { executer } from '../scripts/executer';
import { restaurerStrapi } from '../src/api-contenu/remplacements';

async function principal(): Promise<number> {
  const nu = process.argv.includes('--strapi-nu');
  const distDir = path.resolve(__dirname, '..');
  const strapi = createStrapi({ appDir: path.resolve(distDir, '..'), distDir, serveAdminPanel: false });
  await strapi.load();
  if (nu) {
    restaurerStrapi(['visibilite']);
    strapi.log.warn('Banc : couche de visibilité retirée (Strapi nu, mesure de référence)');
  }
  await strapi.listen();
  const arreter = () => void strapi.destroy().then(() => process.exit(0));
  process.once('SIGTERM', arreter);
  process.once('SIGINT', arreter);
  return 0;
}

executer(principal);
