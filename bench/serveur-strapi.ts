/**
 * The CMS as the bench drives it: the compiled application booted like `strapi start` (no admin panel
 * to serve), in the environment the parent gives (production, throw-away database).
 *
 * The references of the bench are this same program with a group of this project's replacements of
 * Strapi's functions put back after loading (src/api-contenu/remplacements.ts):
 *  - `--restaurer visibilite`: « sans couche de visibilité », Strapi's content-API sanitizers and
 *    validators as Strapi created them (no members' reveal, no draft filtering of relations);
 *  - `--restaurer performance`: « chemin de Strapi », the CMS without its dedicated read paths (list,
 *    GraphQL batch loading): what the same request cost before them.
 * This lives in this bench-only program, never in `src/`: the CMS itself has no such switch.
 *
 * `--schema fichier` writes the schema the raw-SQL baseline reads (bench/schema-sql.ts).
 */
import fs from 'fs';
import path from 'path';
import { createStrapi } from '@strapi/strapi';
import { executer } from '../scripts/executer';
import { restaurerStrapi, type Groupe } from '../src/api-contenu/remplacements';
import { decrireSchema } from './schema-sql';

const GROUPES: readonly Groupe[] = ['visibilite', 'performance'];

function valeur(nom: string): string | undefined {
  const i = process.argv.indexOf(nom);
  return i < 0 ? undefined : process.argv[i + 1];
}

async function principal(): Promise<number> {
  const groupe = valeur('--restaurer');
  if (groupe !== undefined && !GROUPES.includes(groupe as Groupe)) throw new Error(`--restaurer attend ${GROUPES.join(' ou ')} (reçu : ${groupe})`);
  const distDir = path.resolve(__dirname, '..');
  const strapi = createStrapi({ appDir: path.resolve(distDir, '..'), distDir, serveAdminPanel: false });
  await strapi.load();
  const fichierSchema = valeur('--schema');
  if (fichierSchema) fs.writeFileSync(fichierSchema, JSON.stringify(decrireSchema(strapi)));
  if (groupe) {
    restaurerStrapi([groupe as Groupe]);
    strapi.log.warn(`Banc : fonctions de Strapi remises pour le groupe « ${groupe} » (mesure de référence)`);
  }
  await strapi.listen();
  const arreter = () => void strapi.destroy().then(() => process.exit(0));
  process.once('SIGTERM', arreter);
  process.once('SIGINT', arreter);
  return 0;
}

executer(principal);
