/**
 * `npm run bench:seed -- --projets 10000 [--graine 7]`: completes the configured database (DATABASE_*
 * variables, as for the CMS) up to that many generated, published projets. Boots the compiled
 * application (reference data seeded at bootstrap), generates, rebuilds the search index.
 */
import path from 'path';
import { createStrapi } from '@strapi/strapi';
import { executer } from '../scripts/executer';
import { reconstruireIndexRecherche } from '../src/recherche/index-recherche';
import { genererProjets } from './generateur';
import { lireOptions } from './options';

export async function seed(arguments_: readonly string[]): Promise<number> {
  const options = lireOptions(arguments_);
  process.env.CRON_ENABLED = 'false';
  process.env.LOG_LEVEL ??= 'warn';
  const distDir = path.resolve(__dirname, '..');
  const strapi = await createStrapi({ appDir: path.resolve(distDir, '..'), distDir, serveAdminPanel: false }).load();
  try {
    const journal = (message: string) => process.stdout.write(`${message}\n`);
    journal(`Génération jusqu’à ${options.projets} projets (graine ${options.graine})…`);
    const bilan = await genererProjets(strapi, { projets: options.projets, graine: options.graine, journal });
    journal(`${bilan.ajoutes} projets ajoutés à ${bilan.existants} en ${bilan.secondes.toFixed(1)} s`);
    // The generated rows bypass the Document Service, hence the search index kept up to date by it.
    const index = await reconstruireIndexRecherche(strapi);
    journal(`Index de recherche reconstruit : ${index.projets} projets`);
    process.stdout.write(`BILAN ${JSON.stringify(bilan)}\n`);
    return 0;
  } finally {
    await strapi.destroy();
  }
}

if (require.main === module) executer(() => seed(process.argv.slice(2)));
