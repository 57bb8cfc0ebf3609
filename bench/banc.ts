/**
 * `npm run bench`: the performance suite (README, « Performance »), on a throw-away PostgreSQL database.
 *  1. first start of the built CMS in production mode: full seed of the reference data;
 *  2. for each size (1,000, 10,000, 50,000 projets by default), the generator completes the database,
 *     the CMS restarts (cold start, re-seed check) and autocannon drives it; at 10,000 every scenario
 *     runs, plus the two baselines (raw SQL server, stock Strapi without the visibility layer);
 *     at the other sizes the list, search and export only (growth);
 *  3. a JSON file under bench/results/ and a Markdown summary with the budgets met or missed.
 * Exits 1 when a budget is missed. Options: see bench/options.ts (`--rapide` for a quick look).
 */
import crypto from 'crypto';
import { spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { executer } from '../scripts/executer';
import { administrerPostgres, portLibre } from '../scripts/services-locaux';
import { SECRET_NAMES } from '../src/config/secrets';
import { lireOptions } from './options';
import { arreter, demarrer, type Serveur } from './processus';
import { SUFFIXE_CACHE, resumeMarkdown, verifierBudgets, type Palier, type Resultat } from './rapport';
import { CHEMIN_LISTE, mesurer, mesurerEntrelace, mesurerExport, scenariosCms, type Reglages } from './scenarios';

const racine = path.resolve(__dirname, '../..');
const journal = (message: string) => process.stdout.write(`${message}\n`);
const PALIER_COMPLET = 10000;
const SCENARIOS_CROISSANCE = ['liste', 'recherche'];
/** Turns of the list against its baselines (the measured duration is shared between them). */
const TOURS = 5;

/** Production as an operator runs it, with secrets generated for this throw-away database. */
function environnement(base: string): NodeJS.ProcessEnv {
  const secrets = Object.fromEntries(
    SECRET_NAMES.map((nom) => [nom, nom === 'APP_KEYS' ? [1, 2].map(() => crypto.randomBytes(24).toString('base64')).join(',') : crypto.randomBytes(24).toString('base64')]),
  );
  return {
    ...process.env,
    ...secrets,
    NODE_ENV: 'production',
    DATABASE_CLIENT: 'postgres',
    DATABASE_NAME: base,
    LOG_LEVEL: 'info',
    CRON_ENABLED: 'false',
    // Required in production; never contacted: the mail queue runs from cron, off here.
    SMTP_HOST: '127.0.0.1',
    // 20 clients from one address would hit the per-IP limits: the bench measures the CMS, not them.
    LIMITES_ACTIVES: 'false',
    // The work itself is measured without the response cache (growth, ratios to the baselines); the
    // production configuration, cache on, is measured on its own at the size of the budgets.
    CACHE_REPONSES: 'false',
  };
}

function secondesDuJournal(sortie: string, motif: RegExp): number | undefined {
  const trouve = sortie.match(motif);
  return trouve ? Number(trouve[1]) : undefined;
}

async function generer(env: NodeJS.ProcessEnv, projets: number, graine: number): Promise<{ ajoutes: number; secondes: number }> {
  return new Promise((resolve, reject) => {
    let sortie = '';
    const enfant = spawn(process.execPath, [path.join(__dirname, 'seed.js'), '--projets', String(projets), '--graine', String(graine)], { env: { ...env, LOG_LEVEL: 'warn' } });
    enfant.stdout.on('data', (d: Buffer) => {
      sortie += d.toString();
      process.stdout.write(d);
    });
    enfant.stderr.on('data', (d: Buffer) => (sortie += d.toString()));
    enfant.on('exit', (code) => {
      const bilan = sortie.match(/^BILAN (.*)$/m);
      if (code !== 0 || !bilan) reject(new Error(`Génération en échec (code ${code}) :\n${sortie}`));
      else resolve(JSON.parse(bilan[1]));
    });
  });
}

const cms = async (env: NodeJS.ProcessEnv, args: string[] = []) => demarrer(path.join(__dirname, 'serveur-strapi.js'), args, env, await portLibre(), '/_health');

function triee(valeur: unknown): unknown {
  if (Array.isArray(valeur)) return valeur.map(triee);
  if (valeur && typeof valeur === 'object') return Object.fromEntries(Object.entries(valeur).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, triee(v)]));
  return valeur;
}

async function json(url: string): Promise<any> {
  const reponse = await fetch(url);
  if (!reponse.ok) throw new Error(`${url} : HTTP ${reponse.status}`);
  return reponse.json();
}

async function principal(): Promise<number> {
  const options = lireOptions(process.argv.slice(2));
  const debut = Date.now();
  const base = `banc_${process.pid}_${debut}`;
  const env = environnement(base);
  const reglages: Reglages = { duree: options.duree, echauffement: options.echauffement, connexions: options.connexions };
  const resultat: Resultat = {
    debut: new Date(debut).toISOString(),
    dureeSecondes: 0,
    machine: { coeurs: os.cpus().length, node: process.version, base: 'PostgreSQL' },
    options: { dureeSecondes: options.duree, echauffementSecondes: options.echauffement, connexions: options.connexions, paliers: options.paliers },
    demarrage: {},
    generations: [],
    paliers: [],
    remarques: [],
  };
  const dureeScenario = options.echauffement + options.duree;
  const estimation = options.paliers.reduce((s, n) => s + (n === PALIER_COMPLET ? 16 : 2) * dureeScenario + 40 + n / 300, 30);
  journal(`Banc de performance sur ${base} : paliers ${options.paliers.join(', ')} ; environ ${Math.ceil(estimation / 60)} min.`);
  await administrerPostgres(`CREATE DATABASE ${base}`);
  let serveur: Serveur | null = null;
  const references: Serveur[] = [];
  try {
    journal('Premier démarrage (production, base vierge) : amorçage du référentiel…');
    serveur = await cms(env);
    resultat.demarrage.seedReferentielSecondes = secondesDuJournal(serveur.journal(), /Référentiel chargé en ([\d.]+) s/);
    await arreter(serveur);

    for (const projets of options.paliers) {
      journal(`\n== ${projets} projets ==`);
      const generation = await generer(env, projets, options.graine);
      resultat.generations.push({ projets, ...generation });
      serveur = await cms(env);
      if (resultat.demarrage.demarrageAFroidSecondes === undefined) {
        resultat.demarrage.demarrageAFroidSecondes = serveur.secondes;
        resultat.demarrage.reamorcageSecondes = secondesDuJournal(serveur.journal(), /Référentiel à jour \(vérifié en ([\d.]+) s\)/);
      }
      const complet = projets === PALIER_COMPLET || options.paliers.length === 1;
      const ids = (await json(`${serveur.url}/api/projets?fields[0]=documentId&pagination[pageSize]=100&sort=nom:desc`)).data.map((p: { documentId: string }) => p.documentId);
      const palier: Palier = { projets, scenarios: {} };
      for (const [cle, scenario] of Object.entries(scenariosCms(ids))) {
        if (!complet && !SCENARIOS_CROISSANCE.includes(cle)) continue;
        if (cle === 'liste' && complet) continue; // measured below, in turns with its baselines
        journal(`  ${scenario.nom}…`);
        palier.scenarios[cle] = await mesurer(serveur.url, serveur.processus.pid, scenario, reglages);
      }
      journal('  Export CSV open data…');
      palier.export = await mesurerExport(serveur.url, serveur.processus.pid);

      if (complet) {
        // The list against its baselines, the three servers up together and measured in turns.
        journal('  Liste REST, en alternance avec Strapi nu et le SQL brut…');
        references.push(await cms(env, ['--strapi-nu']));
        references.push(await demarrer(path.join(__dirname, 'serveur-brut.js'), [], env, await portLibre(), '/_health'));
        const [nu, brut] = references;
        const strapiJson = await json(`${serveur.url}${CHEMIN_LISTE}`);
        const identique = JSON.stringify(triee(await json(`${brut.url}${CHEMIN_LISTE}`))) === JSON.stringify(triee(strapiJson));
        resultat.remarques.push(
          identique
            ? `${projets} projets : le serveur SQL brut renvoie exactement le JSON de la liste Strapi (${strapiJson.data.length} projets, total ${strapiJson.meta.pagination.total}).`
            : `${projets} projets : ATTENTION, le JSON du serveur SQL brut diffère de celui de Strapi : le rapport au SQL brut est indicatif.`,
        );
        const liste = scenariosCms(ids).liste;
        const [nous, stock, brute] = await mesurerEntrelace(
          [
            { url: serveur.url, pid: serveur.processus.pid, scenario: liste },
            { url: nu.url, pid: nu.processus.pid, scenario: { ...liste, nom: 'Liste, Strapi nu' } },
            { url: brut.url, pid: brut.processus.pid, scenario: { ...liste, nom: 'Liste, SQL brut (http + pg)' } },
          ],
          reglages,
          TOURS,
        );
        Object.assign(palier.scenarios, { liste: nous, 'liste-stock': stock, 'liste-brute': brute });
        // One client alone: the service time of a request, without the queue of 20 clients on 2 cores.
        palier.scenarios['liste-seule'] = await mesurer(serveur.url, serveur.processus.pid, { ...liste, nom: 'Liste REST, 1 connexion (temps de service)' }, { ...reglages, connexions: 1 });
        for (const reference of references.splice(0)) await arreter(reference);

        // Production configuration: anonymous reads answered from the response cache until a write.
        const avecCache = await cms({ ...env, CACHE_REPONSES: 'true' });
        references.push(avecCache);
        for (const [cle, scenario] of Object.entries(scenariosCms(ids))) {
          journal(`  ${scenario.nom}, avec le cache de réponses…`);
          palier.scenarios[`${cle}${SUFFIXE_CACHE}`] = await mesurer(avecCache.url, avecCache.processus.pid, { ...scenario, nom: `${scenario.nom} — avec cache` }, reglages);
        }
        for (const reference of references.splice(0)) await arreter(reference);
      }
      await arreter(serveur);
      serveur = null;
      resultat.paliers.push(palier);
    }
  } finally {
    for (const enCours of [serveur, ...references]) if (enCours) await arreter(enCours);
    await administrerPostgres(`DROP DATABASE IF EXISTS ${base} WITH (FORCE)`);
  }
  resultat.dureeSecondes = (Date.now() - debut) / 1000;
  const dossier = path.join(racine, 'bench/results');
  fs.mkdirSync(dossier, { recursive: true });
  const fichier = path.join(dossier, `banc-${resultat.debut.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(fichier, `${JSON.stringify(resultat, null, 2)}\n`);
  journal(`\n${resumeMarkdown(resultat)}\n\nRésultats détaillés : ${path.relative(racine, fichier)}`);
  return verifierBudgets(resultat).some((v) => v.ok === false) ? 1 : 0;
}

executer(principal);
