/**
 * npm run import -- <fichier.csv|.xlsx|.ods> [--dry-run] [--publier] [--creer-collectivites] [--rapport rapport.json]
 *
 * Boots Strapi from the compiled application (no HTTP server), imports the file, prints the progress and
 * a summary, writes the per-row JSON report on request, then stops Strapi.
 * Exit code: 0 done, 1 file refused (nothing imported) or bad usage, 2 some rows held back (rejected).
 */
import { readFile, writeFile } from 'fs/promises';
import path from 'path';
import { parseArgs } from 'util';
import { createStrapi } from '@strapi/strapi';
import { analyserFichier, importerProjets, type RapportImport, type SourceImport } from '../src/import/importer';
import { LIBELLES_FORMAT } from '../src/domaine/interconnectes/lecture-fichier';
import { executer } from './executer';

const USAGE = 'Usage : npm run import -- <fichier.csv, .xlsx ou .ods> [--dry-run] [--publier] [--creer-collectivites] [--rapport rapport.json]';

const ecrire = (message: string) => process.stdout.write(`${message}\n`);

function description(rapport: RapportImport): string {
  if (rapport.format !== 'csv') return rapport.format ? LIBELLES_FORMAT[rapport.format] : 'format inconnu';
  return `CSV, séparateur « ${rapport.separateur} », ${rapport.bom ? 'UTF-8 avec BOM' : 'UTF-8'}`;
}

function resume(rapport: RapportImport): string[] {
  const { bilan } = rapport;
  const lignes = [
    '',
    `${rapport.simulation ? 'Simulation (--dry-run) : rien n’a été écrit.' : 'Import terminé.'} ${rapport.publication ? 'Projets publiés.' : 'Projets laissés en brouillon.'}`,
    `Fichier : ${rapport.fichier} (${description(rapport)})`,
    `  créés : ${bilan.cree}   modifiés : ${bilan.modifie}   inchangés : ${bilan.inchange}   rejetés : ${bilan.rejete}`,
  ];
  const nonPublies = rapport.lignes.filter((l) => l.nonPublie !== null);
  if (rapport.publication) lignes.push(`  en modération faute de pouvoir être publiés : ${nonPublies.length}`);
  const avecNotes = rapport.lignes.filter((l) => l.resultat !== 'rejete' && l.notes.length > 0);
  if (avecNotes.length > 0) {
    const valeurs = avecNotes.reduce((n, l) => n + l.notes.length, 0);
    lignes.push(`  projets avec des notes d’import à reprendre : ${avecNotes.length} (${valeurs} valeur${valeurs > 1 ? 's' : ''} gardée${valeurs > 1 ? 's' : ''} telle${valeurs > 1 ? 's' : ''} quelle${valeurs > 1 ? 's' : ''})`);
  }
  for (const lecture of rapport.lecturesColonnes) lignes.push(`Colonnes : ${lecture}.`);
  if (rapport.colonnesInconnues.length > 0) lignes.push(`Colonnes inconnues (leurs cellules gardées dans les notes d’import) : ${rapport.colonnesInconnues.join(', ')}`);
  const rejetees = rapport.lignes.filter((l) => l.resultat === 'rejete');
  if (rejetees.length > 0) {
    lignes.push('Lignes rejetées (gardées entières dans le rapport JSON) :');
    for (const l of rejetees) lignes.push(`  ligne ${l.ligne} « ${l.projet} » : ${l.raisons.join(' ; ')}`);
  }
  if (nonPublies.length > 0) {
    lignes.push('Projets importés en modération, non publiés :');
    for (const l of nonPublies) lignes.push(`  ligne ${l.ligne} « ${l.projet} » : ${l.nonPublie}`);
  }
  const avertissements = rapport.lignes.flatMap((l) => l.avertissements.map((a) => `  ligne ${l.ligne}${a.colonne ? `, ${a.colonne}` : ''} : ${a.message}`));
  if (avertissements.length > 0) lignes.push(`Avertissements (${avertissements.length}) :`, ...avertissements);
  const normalisations = rapport.lignes.reduce((n, l) => n + l.normalisations.length, 0);
  lignes.push(`Normalisations appliquées : ${normalisations} (détail par ligne dans le rapport JSON, --rapport).`);
  return lignes;
}

async function principal(): Promise<number> {
  let args: ReturnType<typeof lireArguments>;
  try {
    args = lireArguments();
  } catch (erreur) {
    process.stderr.write(`${(erreur as Error).message}\n${USAGE}\n`);
    return 1;
  }
  const base = process.env.INIT_CWD ?? process.cwd();
  const fichier = path.resolve(base, args.fichier);
  let source: SourceImport;
  try {
    source = { nom: fichier, octets: await readFile(fichier) };
  } catch (erreur) {
    process.stderr.write(`Fichier illisible : ${fichier} (${(erreur as NodeJS.ErrnoException).code === 'ENOENT' ? 'introuvable' : (erreur as Error).message})\n`);
    return 1;
  }

  // A file refused as a whole is reported before booting Strapi.
  const analyse = await analyserFichier(source);
  if (analyse.rapport.erreurFichier) {
    if (args.rapport) await writeFile(path.resolve(base, args.rapport), `${JSON.stringify(analyse.rapport, null, 2)}\n`);
    process.stderr.write(`Fichier refusé : ${analyse.rapport.erreurFichier}\n`);
    return 1;
  }

  process.env.LOG_LEVEL ??= 'error';
  const distDir = path.resolve(__dirname, '..');
  const strapi = await createStrapi({ appDir: path.resolve(distDir, '..'), distDir, serveAdminPanel: false }).load();
  let rapport: RapportImport;
  try {
    ecrire(`Import de ${fichier}${args.simulation ? ' (simulation)' : ''}…`);
    rapport = await importerProjets(strapi, source, {
      simulation: args.simulation,
      publier: args.publier,
      creerCollectivites: args.creerCollectivites,
      progression: ecrire,
    });
  } finally {
    await baseAuRepos(strapi);
    await strapi.destroy();
  }
  if (args.rapport) await writeFile(path.resolve(base, args.rapport), `${JSON.stringify(rapport, null, 2)}\n`);
  if (rapport.erreurFichier) {
    process.stderr.write(`Fichier refusé : ${rapport.erreurFichier}\n`);
    return 1;
  }
  for (const ligne of resume(rapport)) ecrire(ligne);
  if (args.rapport) ecrire(`Rapport détaillé : ${path.resolve(base, args.rapport)}`);
  return rapport.bilan.rejete > 0 ? 2 : 0;
}

/**
 * Waits (at most 10 s) until no query holds or awaits a connection: Strapi finishes some work after a
 * write resolves (events of the Document Service), and destroying the pool under it aborts that work.
 */
async function baseAuRepos(strapi: Awaited<ReturnType<ReturnType<typeof createStrapi>['load']>>): Promise<void> {
  const pool = (strapi.db.connection.client as { pool?: { numUsed(): number; numPendingAcquires(): number } }).pool;
  for (let essai = 0; pool && essai < 200 && pool.numUsed() + pool.numPendingAcquires() > 0; essai += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function lireArguments() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      publier: { type: 'boolean', default: false },
      'creer-collectivites': { type: 'boolean', default: false },
      rapport: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new Error('Indiquez un et un seul fichier (CSV, XLSX ou ODS).');
  return {
    fichier: positionals[0],
    simulation: values['dry-run'] === true,
    publier: values.publier === true,
    creerCollectivites: values['creer-collectivites'] === true,
    rapport: values.rapport,
  };
}

executer(principal);
