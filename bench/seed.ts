/**
 * `npm run bench:seed -- --projets 10000 [--graine 7]`: completes the configured database (DATABASE_*
 * variables, as for the CMS) up to that many generated, published projets. Boots the compiled
 * application (reference data seeded at bootstrap), generates, then completes what the Document
 * Service keeps beside each write and the generated rows bypass: the search index, the first published
 * versions, the completeness scores. The base is then the one the CMS would have written, and its next
 * start measures a restart, not the one-off completion of an upgraded base.
 */
import path from 'path';
import { createStrapi } from '@strapi/strapi';
import { executer } from '../scripts/executer';
import { calculerScoresManquants } from '../src/qualite/qualite';
import { reconstruireIndexRecherche } from '../src/recherche/index-recherche';
import { completerVersionsInitiales } from '../src/versions/versions';
import { genererProjets } from './generateur';
import { lireOptions } from './options';

export async function seed(arguments_: readonly string[]): Promise<number> {
  const options = lireOptions(arguments_);
  process.env.CRON_ENABLED = 'false';
  process.env.LIENS_VERIFICATION_INTERVALLE_HEURES = '0';
  process.env.LOG_LEVEL ??= 'warn';
  const distDir = path.resolve(__dirname, '..');
  const strapi = await createStrapi({ appDir: path.resolve(distDir, '..'), distDir, serveAdminPanel: false }).load();
  try {
    const journal = (message: string) => process.stdout.write(`${message}\n`);
    journal(`Génération jusqu’à ${options.projets} projets (graine ${options.graine})…`);
    const bilan = await genererProjets(strapi, { projets: options.projets, graine: options.graine, journal });
    journal(`${bilan.ajoutes} projets ajoutés à ${bilan.existants} en ${bilan.secondes.toFixed(1)} s`);
    const debut = process.hrtime.bigint();
    const index = await reconstruireIndexRecherche(strapi);
    await completerVersionsInitiales(strapi);
    const scores = await calculerScoresManquants(strapi);
    const secondes = Number(process.hrtime.bigint() - debut) / 1e9;
    journal(`Index de recherche (${index.projets} projets), premières versions et ${scores} score(s) de complétude en ${secondes.toFixed(1)} s`);
    process.stdout.write(`BILAN ${JSON.stringify(bilan)}\n`);
    return 0;
  } finally {
    await strapi.destroy();
  }
}

if (require.main === module) executer(() => seed(process.argv.slice(2)));
