/**
 * Start-up budgets (engineering.md), measured the way an operator runs the CMS: `strapi start` on a
 * fresh PostgreSQL database (or SQLite with BENCH_DATABASE_CLIENT=sqlite).
 *  - first start: full seed of the reference data (< 60 s);
 *  - second start on the seeded database: cold start to /_health 204 (< 15 s), re-seed check (< 2 s).
 * Exits non-zero when a budget is exceeded.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Client } from 'pg';
import { executer } from './executer';

const racine = path.resolve(__dirname, '../..');
const client = process.env.BENCH_DATABASE_CLIENT ?? 'postgres';
const port = Number(process.env.BENCH_PORT ?? 1399);
const base = `bibliotheque_bench_${process.pid}`;
const fichierSqlite = path.join(os.tmpdir(), `${base}.db`);

const BUDGETS = { seedComplet: 60, demarrageAFroid: 15, reamorcage: 2 };

function journal(message: string) {
  process.stdout.write(`${message}\n`);
}

async function postgres(requete: string) {
  const connexion = new Client({ host: process.env.DATABASE_HOST ?? '127.0.0.1', user: process.env.DATABASE_USERNAME ?? 'postgres', database: 'postgres' });
  await connexion.connect();
  await connexion.query(requete);
  await connexion.end();
}

/** Starts `strapi start`, resolves when /_health answers 204, with the seconds taken and the log. */
async function demarrer(): Promise<{ processus: ChildProcess; secondes: number; sortie: () => string }> {
  const debut = process.hrtime.bigint();
  let sortie = '';
  const processus = spawn(process.execPath, [path.join(racine, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'], {
    cwd: racine,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DATABASE_CLIENT: client,
      DATABASE_NAME: base,
      DATABASE_FILENAME: fichierSqlite,
    },
  });
  processus.stdout?.on('data', (d: Buffer) => (sortie += d.toString()));
  processus.stderr?.on('data', (d: Buffer) => (sortie += d.toString()));
  for (;;) {
    if (processus.exitCode !== null) throw new Error(`Strapi s’est arrêté :\n${sortie}`);
    try {
      const reponse = await fetch(`http://127.0.0.1:${port}/_health`);
      if (reponse.status === 204) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { processus, secondes: Number(process.hrtime.bigint() - debut) / 1e9, sortie: () => sortie };
}

async function arreter(processus: ChildProcess) {
  const fin = new Promise((r) => processus.once('exit', r));
  processus.kill('SIGTERM');
  await fin;
}

function dureeSeed(sortie: string, motif: RegExp): number {
  const trouve = sortie.match(motif);
  if (!trouve) throw new Error(`Ligne de bilan du référentiel absente du journal :\n${sortie}`);
  return Number(trouve[1]);
}

async function principal(): Promise<number> {
  if (!fs.existsSync(path.join(racine, 'dist/build/index.html'))) {
    journal('Construction de l’application (strapi build)…');
    const build = spawnSync(process.execPath, [path.join(racine, 'node_modules/@strapi/strapi/bin/strapi.js'), 'build'], { cwd: racine, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('strapi build a échoué');
  }
  if (client === 'postgres') await postgres(`CREATE DATABASE ${base}`);
  try {
    journal(`Base ${client} vierge : premier démarrage avec amorçage complet du référentiel…`);
    const premier = await demarrer();
    const seed = dureeSeed(premier.sortie(), /Référentiel chargé en ([\d.]+) s/);
    await arreter(premier.processus);

    journal('Second démarrage sur la base amorcée…');
    const second = await demarrer();
    const reamorcage = dureeSeed(second.sortie(), /Référentiel à jour \(vérifié en ([\d.]+) s\)/);
    await arreter(second.processus);

    const mesures = [
      ['Amorçage complet du référentiel', seed, BUDGETS.seedComplet],
      ['Démarrage à froid jusqu’à /_health 204 (base amorcée)', second.secondes, BUDGETS.demarrageAFroid],
      ['Vérification du référentiel au second démarrage', reamorcage, BUDGETS.reamorcage],
    ] as const;
    journal(`\nMesures (${client}, ${os.cpus().length} cœurs) :`);
    let depassements = 0;
    for (const [nom, secondes, budget] of mesures) {
      const ok = secondes < budget;
      if (!ok) depassements += 1;
      journal(`  ${ok ? 'OK ' : 'DÉPASSÉ'}  ${nom} : ${secondes.toFixed(2)} s (budget < ${budget} s)`);
    }
    journal(`  (premier démarrage complet : ${premier.secondes.toFixed(2)} s)`);
    return depassements > 0 ? 1 : 0;
  } finally {
    if (client === 'postgres') await postgres(`DROP DATABASE IF EXISTS ${base} WITH (FORCE)`);
    else for (const suffixe of ['', '-wal', '-shm']) fs.rmSync(`${fichierSqlite}${suffixe}`, { force: true });
  }
}

executer(principal);
