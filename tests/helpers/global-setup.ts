/**
 * Boots Strapi once for the whole integration run, on a throw-away database (temporary SQLite file,
 * or a fresh PostgreSQL database when DATABASE_CLIENT=postgres), through its real HTTP server.
 */
import { execFileSync } from 'child_process';
import diagnosticsChannel from 'diagnostics_channel';
import fs from 'fs';
import type { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import { compileStrapi, createStrapi } from '@strapi/strapi';
import { restaurerStrapi, type Groupe } from '../../src/api-contenu/remplacements';
import { seedReferentiel } from '../../src/bootstrap/referentiel';
import { lireProjetPublic } from '../../src/transparence/projet-public';
import { envoyerResumesHebdomadaires } from '../../src/abonnements/abonnements';
import { verifierLiens } from '../../src/qualite/liens';
import { administrerPostgres, portLibre } from '../../scripts/services-locaux';
import { CHEMIN_OPENAPI, CLES } from './environnement';
import nettoyage from './global-teardown';
import {
  CANAL_CHEMIN_STRAPI,
  CANAL_CONFIGURATION,
  CANAL_PROJET_PUBLIC,
  CANAL_RESUMES_HEBDOMADAIRES,
  CANAL_PURGE_JOURNAL,
  CANAL_VERIFIER_LIENS,
  CANAL_TACHES_DEMARRAGE,
  CANAL_SQL,
  CANAL_SQL_DIRECT,
  type MessageCheminStrapi,
  type MessageProjetPublic,
  type MessageResumes,
  type MessagePurgeJournal,
  type MessageVerifierLiens,
  type MessageTachesDemarrage,
  type MessageSqlDirect,
} from './pont';

export interface EtatGlobal {
  strapi: Awaited<ReturnType<ReturnType<typeof createStrapi>['load']>>;
  baseDeDonnees: { client: 'postgres'; nom: string } | { client: 'sqlite'; fichier: string };
}
declare global {
  // eslint-disable-next-line no-var
  var __BIBLIOTHEQUE_TEST__: EtatGlobal | undefined;
}

async function preparerBase(): Promise<EtatGlobal['baseDeDonnees']> {
  if (process.env.DATABASE_CLIENT === 'postgres') {
    const nom = `bibliotheque_test_${process.pid}_${Date.now()}`;
    await administrerPostgres(`CREATE DATABASE ${nom}`);
    process.env.DATABASE_NAME = nom;
    return { client: 'postgres', nom };
  }
  const fichier = path.join(os.tmpdir(), `bibliotheque-test-${process.pid}-${Date.now()}.db`);
  process.env.DATABASE_CLIENT = 'sqlite';
  process.env.DATABASE_FILENAME = fichier;
  return { client: 'sqlite', fichier };
}

async function demande(url: string, chemin: string, corps: unknown, jeton?: string): Promise<any> {
  const reponse = await fetch(`${url}${chemin}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(jeton ? { Authorization: `Bearer ${jeton}` } : {}) },
    body: JSON.stringify(corps),
  });
  const json = await reponse.json();
  if (!reponse.ok) throw new Error(`${chemin} : ${reponse.status} ${JSON.stringify(json)}`);
  return json;
}

export default async function miseEnPlace(): Promise<void> {
  process.env.NODE_ENV = 'test';
  process.env.HOST = '127.0.0.1';
  process.env.PORT = '0';
  process.env.LOG_LEVEL ??= 'warn';
  process.env.CRON_ENABLED = 'false';
  // A real SMTP server is started by the email tests on this port.
  process.env.SMTP_HOST = '127.0.0.1';
  process.env.SMTP_PORT = String(await portLibre());
  process.env.SMTP_IGNORE_TLS = 'true';
  // The review outbox is polled often, and retries soon, so that email tests stay short.
  process.env.REVUE_COURRIELS_INTERVALLE_MS = '200';
  process.env.REVUE_COURRIELS_DELAI_NOUVEL_ESSAI_MS = '500';
  // No periodic link check: it would fetch the real addresses of the imported projets (tests call verifierLiens).
  process.env.LIENS_VERIFICATION_INTERVALLE_HEURES = '0';

  const baseDeDonnees = await preparerBase();
  const appDir = path.resolve(__dirname, '../..');
  // The start below regenerates the committed OpenAPI description: keep the committed one to compare.
  const versionnee = path.join(os.tmpdir(), `bibliotheque-openapi-${process.pid}.json`);
  const openapi = path.join(appDir, CHEMIN_OPENAPI);
  if (fs.existsSync(openapi)) fs.copyFileSync(openapi, versionnee);
  else fs.rmSync(versionnee, { force: true });
  process.env[CLES.openapiVersionnee] = versionnee;
  const { distDir } = await compileStrapi({ appDir, ignoreDiagnostics: false });
  // The operator's commands the tests run (dist/scripts/import.js) compile apart from the server.
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.outils.json'], { cwd: appDir, stdio: 'inherit' });
  fs.mkdirSync(path.join(appDir, 'public', 'uploads'), { recursive: true });
  // The admin panel is served only to the browser tests, which build it first (npm run test:e2e).
  const strapi = await createStrapi({ appDir, distDir, serveAdminPanel: process.env.TEST_ADMIN_PANEL === '1' }).load();
  globalThis.__BIBLIOTHEQUE_TEST__ = { strapi, baseDeDonnees };
  try {
    await demarrer(strapi);
  } catch (erreur) {
    await nettoyage(); // no Strapi nor database left behind when the set-up fails
    throw erreur;
  }
}

async function demarrer(strapi: EtatGlobal['strapi']): Promise<void> {
  await strapi.listen();

  const { port } = strapi.server.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  process.env[CLES.url] = url;

  const admin = await demande(url, '/admin/register-admin', {
    email: 'admin@test.bibliotheque-ia.fr',
    password: 'MotDePasse-Test-1',
    firstname: 'Admin',
    lastname: 'Tests',
  });
  process.env[CLES.jetonAdmin] = admin.data.token;
  const jeton = await demande(
    url,
    '/admin/api-tokens',
    { name: 'tests', description: 'Jeton des tests d’intégration', type: 'full-access', lifespan: null },
    admin.data.token,
  );
  process.env[CLES.jetonApi] = jeton.data.accessKey;
  const lecture = await demande(
    url,
    '/admin/api-tokens',
    { name: 'lecture', description: 'Jeton en lecture seule d’un site', type: 'read-only', lifespan: null },
    admin.data.token,
  );
  process.env[CLES.jetonLecture] = lecture.data.accessKey;

  // One account per caller: an approved member and a confirmed member waiting for approval.
  const utilisateurs = strapi.plugin('users-permissions').service('user');
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'membre' } });
  for (const [cle, email, approuve] of [
    [CLES.jwtMembre, 'membre@ville-test.fr', true],
    [CLES.jwtEnAttente, 'en-attente@ville-test.fr', false],
  ] as const) {
    const motDePasse = 'MotDePasse-Membre-1';
    await utilisateurs.add({ username: email, email, password: motDePasse, provider: 'local', confirmed: true, approuve, organisation: 'Ville de test', role: role.id });
    process.env[cle] = (await demande(url, '/api/auth/local', { identifier: email, password: motDePasse })).jwt;
  }

  diagnosticsChannel.subscribe(CANAL_CONFIGURATION, (message) => {
    const { cle, valeur } = message as { cle: string; valeur: unknown };
    strapi.config.set(cle, valeur);
  });
  brancherCheminStrapi(strapi);
  diagnosticsChannel.subscribe(CANAL_SQL_DIRECT, (brut) => {
    const message = brut as MessageSqlDirect;
    // SQLite answers rows as an array, PostgreSQL as `{ rows }`.
    message.reponse = Promise.resolve(strapi.db.connection.raw(message.sql, [...message.valeurs] as never[])).then((resultat: unknown) =>
      Array.isArray(resultat) ? resultat : ((resultat as { rows?: Array<Record<string, unknown>> }).rows ?? []),
    );
  });
  diagnosticsChannel.subscribe(CANAL_PROJET_PUBLIC, (brut) => {
    const message = brut as MessageProjetPublic;
    message.reponse = lireProjetPublic(strapi, message.critere);
  });
  diagnosticsChannel.subscribe(CANAL_RESUMES_HEBDOMADAIRES, (brut) => {
    const message = brut as MessageResumes;
    message.reponse = envoyerResumesHebdomadaires(strapi, new Date(message.maintenant));
  });
  // The module Strapi runs (dist/), not a second copy from src/: the purge's own context must be the one its guard reads.
  const journal = require(path.join(strapi.dirs.dist.src, 'journal', 'journal.js')) as typeof import('../../src/journal/journal');
  diagnosticsChannel.subscribe(CANAL_PURGE_JOURNAL, (brut) => {
    (brut as MessagePurgeJournal).reponse = journal.purgerJournal(strapi);
  });
  // From dist/ too: the generation these tasks bump must be forgotten by the module the cache reads.
  const versions = require(path.join(strapi.dirs.dist.src, 'versions', 'versions.js')) as typeof import('../../src/versions/versions');
  const qualite = require(path.join(strapi.dirs.dist.src, 'qualite', 'qualite.js')) as typeof import('../../src/qualite/qualite');
  diagnosticsChannel.subscribe(CANAL_TACHES_DEMARRAGE, (brut) => {
    (brut as MessageTachesDemarrage).reponse = versions.completerVersionsInitiales(strapi).then(() => qualite.calculerScoresManquants(strapi));
  });
  diagnosticsChannel.subscribe(CANAL_VERIFIER_LIENS, (brut) => {
    const message = brut as MessageVerifierLiens;
    message.reponse = verifierLiens(strapi, message.options);
  });
  const sql = diagnosticsChannel.channel(CANAL_SQL);
  // Only the queries an HTTP request issues: timers (the review outbox retrying its e-mails) run outside any.
  strapi.db.connection.on('query', (requete: { sql: string }) => {
    if (sql.hasSubscribers && strapi.requestContext.get()) sql.publish(requete.sql);
  });

  // A second seeding on the seeded database must write nothing.
  process.env[CLES.reamorcage] = JSON.stringify(await seedReferentiel(strapi));
}

/**
 * Switch of the running Strapi to Strapi's own functions for some groups of replacements, and back
 * (tests/helpers/pont.ts, `avecCheminStrapi`). This file loads remplacements.ts from the sources, the
 * compiled Strapi from dist/: the registry is shared through the realm (Symbol.for), not the module.
 */
function brancherCheminStrapi(strapi: EtatGlobal['strapi']): void {
  let actif: { groupes: readonly Groupe[]; reinstaller: () => void } | undefined;
  diagnosticsChannel.subscribe(CANAL_CHEMIN_STRAPI, (brut) => {
    const message = brut as MessageCheminStrapi;
    const repondre = (erreur?: string, changees?: string[]) => {
      message.reponse = { restaures: actif?.groupes ?? null, ...(changees ? { changees } : {}), ...(erreur ? { erreur } : {}) };
    };
    if (message.action === 'etat') return repondre();
    if (message.action === 'reinstaller') {
      if (!actif) return repondre('Chemin de Strapi : rien à réinstaller');
      actif.reinstaller();
      actif = undefined;
      return repondre();
    }
    if (message.action !== 'restaurer') return repondre('Chemin de Strapi : action inconnue');
    if (actif) return repondre(`Chemin de Strapi déjà actif (${actif.groupes.join(', ')}) : réinstallez d’abord`);
    const avant = fonctionsDeStrapi(strapi);
    const reinstaller = restaurerStrapi(message.groupes);
    actif = { groupes: message.groupes, reinstaller };
    const apres = fonctionsDeStrapi(strapi);
    repondre(
      undefined,
      [...avant.keys()].filter((nom) => avant.get(nom) !== apres.get(nom)),
    );
  });
}

/** The functions of the objects of Strapi the replacements may touch, by name (to report what a switch changed). */
function fonctionsDeStrapi(strapi: EtatGlobal['strapi']): Map<string, unknown> {
  const objets: Record<string, object> = {
    db: strapi.db,
    'db.entityManager': strapi.db.entityManager,
    documents: strapi.documents,
    'contentAPI.sanitize': strapi.contentAPI.sanitize,
    'contentAPI.validate': strapi.contentAPI.validate,
  };
  const fonctions = new Map<string, unknown>();
  for (const [prefixe, objet] of Object.entries(objets)) {
    // Data properties only, nearest first (a getter may compute, `caller` of a function throws).
    for (let o: object | null = objet; o && o !== Object.prototype && o !== Function.prototype; o = Object.getPrototypeOf(o)) {
      for (const nom of Object.getOwnPropertyNames(o)) {
        const descripteur = Object.getOwnPropertyDescriptor(o, nom);
        if (typeof descripteur?.value === 'function' && !fonctions.has(`${prefixe}.${nom}`)) fonctions.set(`${prefixe}.${nom}`, descripteur.value);
      }
    }
  }
  return fonctions;
}
