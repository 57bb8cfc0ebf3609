/**
 * Open-data budget (engineering.md): GET /api/open-data/projets.csv of 10,000 published projets in under
 * 3 s, memory flat (streamed). Boots the compiled application on a fresh database (PostgreSQL, or SQLite
 * with BENCH_DATABASE_CLIENT=sqlite), inserts the projets directly through the query engine (the
 * Document Service would take minutes), then times the export through the real HTTP server.
 * Exits non-zero when the budget is exceeded.
 */
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { Client } from 'pg';
import { createId } from '@paralleldrive/cuid2';
import { createStrapi } from '@strapi/strapi';
import { UID } from '../src/domaine/regles-metier';
import { executer } from './executer';

const NOMBRE = Number(process.env.BENCH_PROJETS ?? 10000);
const BUDGET_SECONDES = 3;
const client = process.env.BENCH_DATABASE_CLIENT ?? 'postgres';
const base = `bibliotheque_bench_od_${process.pid}`;
const fichierSqlite = path.join(os.tmpdir(), `${base}.db`);

const journal = (message: string) => process.stdout.write(`${message}\n`);

async function postgres(requete: string) {
  const connexion = new Client({ host: process.env.DATABASE_HOST ?? '127.0.0.1', user: process.env.DATABASE_USERNAME ?? 'postgres', database: 'postgres' });
  await connexion.connect();
  await connexion.query(requete);
  await connexion.end();
}

type Strapi = Awaited<ReturnType<ReturnType<typeof createStrapi>['load']>>;

async function inserer(strapi: Strapi): Promise<void> {
  const maintenant = new Date();
  const ids = async (uid: string, where: Record<string, unknown>, limit: number) =>
    ((await strapi.db.query(uid as never).findMany({ select: ['id'], where, limit })) as Array<{ id: number }>).map((l) => l.id);
  const collectivites = await ids(UID.collectivite, { type: 'commune' }, 500);
  const themes = await ids(UID.thematique, { parent: { id: { $null: true } }, locale: 'fr' }, 6);
  const sousThemes = await ids(UID.thematique, { parent: { id: { $notNull: true } }, locale: 'fr' }, 34);
  const publics = await ids(UID.publicCible, { locale: 'fr' }, 10);
  const offreurs: number[] = [];
  for (let i = 0; i < 100; i += 1) {
    const offreur = (await strapi.db.query(UID.offreur).create({
      data: { documentId: createId(), nom: `Offreur ${i}`, slug: `offreur-${i}`, type: 'entreprise', publishedAt: maintenant },
    })) as { id: number };
    offreurs.push(offreur.id);
  }
  const description = 'Un outil d’aide à la décision pour la rénovation énergétique des bâtiments publics, '.repeat(8);
  const statuts = ['exploration', 'experimentation', 'deploiement', 'termine'];
  for (let debut = 0; debut < NOMBRE; debut += 1000) {
    await strapi.db.transaction(async () => {
      for (let i = debut; i < Math.min(debut + 1000, NOMBRE); i += 1) {
        await strapi.db.query(UID.projet).create({
          data: {
            documentId: createId(),
            nom: `Projet ${i}`,
            slug: `projet-${i}`,
            description,
            statut: statuts[i % statuts.length],
            dateDemarrage: `20${10 + (i % 15)}-${String(1 + (i % 12)).padStart(2, '0')}-01`,
            lienInformation: `https://exemple.fr/projets/${i}`,
            publishedAt: maintenant,
            collectivite: collectivites[i % collectivites.length],
            thematique: themes[i % themes.length],
            sousThematiques: [sousThemes[i % sousThemes.length], sousThemes[(i + 7) % sousThemes.length]],
            publics: [publics[i % publics.length], publics[(i + 3) % publics.length]],
            offreurs: [offreurs[i % offreurs.length], offreurs[(i + 1) % offreurs.length]],
          },
        });
      }
    });
    journal(`  ${Math.min(debut + 1000, NOMBRE)} / ${NOMBRE} projets insérés`);
  }
}

/** Downloads the export while sampling the heap: seconds, bytes, rows, heap growth over the start. */
async function mesurer(url: string) {
  global.gc?.();
  const depart = process.memoryUsage().heapUsed;
  let pic = depart;
  const echantillon = setInterval(() => {
    pic = Math.max(pic, process.memoryUsage().heapUsed);
  }, 5);
  const debut = process.hrtime.bigint();
  const reponse = await fetch(url);
  let octets = 0;
  let lignes = 0;
  const lecteur = reponse.body?.getReader();
  for (;;) {
    const morceau = await lecteur?.read();
    if (!morceau || morceau.done) break;
    octets += morceau.value.length;
    // Counting CR LF pairs: one per record (descriptions have no line break here).
    for (const octet of morceau.value) if (octet === 0x0a) lignes += 1;
  }
  const secondes = Number(process.hrtime.bigint() - debut) / 1e9;
  clearInterval(echantillon);
  return { statut: reponse.status, secondes, octets, lignes: lignes - 1, croissance: pic - depart };
}

async function principal(): Promise<number> {
  Object.assign(process.env, {
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    CRON_ENABLED: 'false',
    DATABASE_CLIENT: client,
    DATABASE_NAME: base,
    DATABASE_FILENAME: fichierSqlite,
  });
  if (client === 'postgres') await postgres(`CREATE DATABASE ${base}`);
  const distDir = path.resolve(__dirname, '..');
  let strapi: Strapi | null = null;
  try {
    journal(`Base ${client} vierge : démarrage et amorçage du référentiel…`);
    strapi = await createStrapi({ appDir: path.resolve(distDir, '..'), distDir, serveAdminPanel: false }).load();
    await strapi.listen();
    const { port } = strapi.server.httpServer.address() as net.AddressInfo;
    journal(`Insertion de ${NOMBRE} projets publiés…`);
    await inserer(strapi);
    const url = `http://127.0.0.1:${port}/api/open-data/projets.csv`;
    await mesurer(url); // warm-up (query plans, JIT)
    const mesure = await mesurer(url);
    const ok = mesure.statut === 200 && mesure.lignes === NOMBRE && mesure.secondes < BUDGET_SECONDES;
    journal(`\nMesure (${client}, ${os.cpus().length} cœurs) :`);
    journal(`  ${ok ? 'OK ' : 'DÉPASSÉ'}  GET /api/open-data/projets.csv, ${mesure.lignes} projets : ${mesure.secondes.toFixed(2)} s (budget < ${BUDGET_SECONDES} s)`);
    journal(`  taille : ${(mesure.octets / 1e6).toFixed(1)} Mo ; croissance maximale du tas pendant l’export : ${(mesure.croissance / 1e6).toFixed(1)} Mo`);
    return ok ? 0 : 1;
  } finally {
    await strapi?.destroy();
    if (client === 'postgres') await postgres(`DROP DATABASE IF EXISTS ${base} WITH (FORCE)`);
    else for (const suffixe of ['', '-wal', '-shm']) fs.rmSync(`${fichierSqlite}${suffixe}`, { force: true });
  }
}

executer(principal);
