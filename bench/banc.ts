/**
 * `npm run bench`: the performance suite (README, « Performance »), on a throw-away PostgreSQL database.
 *  1. first start of the built CMS in production mode: full seed of the reference data, and the schema
 *     the raw-SQL baselines read;
 *  2. for each size (1,000, 10,000, 50,000 projets by default), the generator completes the database,
 *     the CMS restarts (cold start, re-seed check) and autocannon drives it **without** the response
 *     cache: every scenario at 1 connection (service time), the list, detail and GraphQL list also at
 *     N connections (throughput), each in alternating rounds with its raw-SQL baseline (same JSON,
 *     checked in the run) and, for the list, with the CMS on Strapi's own path (« chemin de Strapi »);
 *     at 10,000 also the list without the visibility layer, and every scenario with the cache on;
 *  3. a JSON file under bench/results/ and a Markdown summary with the budgets met or missed.
 * Exits 1 when a budget is missed. Options: see bench/options.ts (`--rapide` for a quick look).
 */
import { spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { executer } from '../scripts/executer';
import { administrerPostgres, portLibre } from '../scripts/services-locaux';
import { secretsAleatoires } from '../src/config/secrets';
import { lireOptions } from './options';
import { estComplet, estimation, planDuPalier, SCENARIOS_AVEC_REFERENCE } from './plan';
import { arreter, demarrer, type Serveur } from './processus';
import { LIBELLES_VARIANTES, memeJson, resumeMarkdown, verifierBudgets, type Equivalence, type Palier, type Resultat, type Variante } from './rapport';
import { mesurerEntrelace, mesurerExport, scenariosCms, type Cible, type Reglages, type Scenario } from './scenarios';

const racine = path.resolve(__dirname, '../..');
const journal = (message: string) => process.stdout.write(`${message}\n`);
/** Rounds of alternation between a figure and its baselines. */
const TOURS = 4;
/** Samples at N connections per sample at 1: the throughput figures are cheap and quote a p99. */
const FACTEUR_CONNEXIONS = 5;
/** Details checked against the raw baseline in each run (the scenario reads 100 in turn). */
const DETAILS_VERIFIES = 10;

/** Production as an operator runs it, with secrets generated for this throw-away database. */
function environnement(base: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...secretsAleatoires(),
    NODE_ENV: 'production',
    DATABASE_CLIENT: 'postgres',
    DATABASE_NAME: base,
    LOG_LEVEL: 'info',
    CRON_ENABLED: 'false',
    // The daily link check (a pass over every projet's addresses a minute after start) is background
    // work, not the API: off, like the cron, so that it does not load the machine under the figures.
    LIENS_VERIFICATION_INTERVALLE_HEURES: '0',
    // Required in production; never contacted: the mail queue runs from cron, off here.
    SMTP_HOST: '127.0.0.1',
    // 20 clients from one address would hit the per-IP limits: the bench measures the CMS, not them.
    LIMITES_ACTIVES: 'false',
    // What is judged is the work itself: members, API tokens and the admin never hit the anonymous
    // cache. The cache is measured beside, at 10,000 projets, by a CMS started with it on.
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

async function repondu(url: string, scenario: Scenario, chemin = scenario.chemins[0]): Promise<{ statut: number; texte: string }> {
  const reponse = await fetch(`${url}${chemin}`, {
    method: scenario.methode ?? 'GET',
    body: scenario.corps,
    headers: scenario.corps ? { 'Content-Type': 'application/json' } : undefined,
  });
  return { statut: reponse.status, texte: await reponse.text() };
}

/** Checks, in this run, that the raw baseline answers each scenario with the CMS's JSON. */
async function verifierEquivalences(cmsUrl: string, brutUrl: string, scenarios: Record<string, Scenario>): Promise<Equivalence[]> {
  const equivalences: Equivalence[] = [];
  for (const cle of SCENARIOS_AVEC_REFERENCE) {
    const scenario = scenarios[cle];
    const chemins = scenario.chemins.slice(0, DETAILS_VERIFIES);
    const ecarts: string[] = [];
    let octets = 0;
    for (const chemin of chemins) {
      const [a, b] = [await repondu(cmsUrl, scenario, chemin), await repondu(brutUrl, scenario, chemin)];
      octets += a.texte.length;
      if (a.statut !== 200 || b.statut !== 200) ecarts.push(`${chemin} : HTTP ${a.statut} (CMS) et ${b.statut} (SQL idéal)`);
      else if (!memeJson(JSON.parse(a.texte), JSON.parse(b.texte))) ecarts.push(`${chemin} : JSON différent`);
    }
    equivalences.push({
      scenario: cle,
      identique: ecarts.length === 0,
      detail: ecarts.length
        ? `${ecarts.length} réponse(s) sur ${chemins.length} diffèrent (${ecarts.slice(0, 2).join(' ; ')}) : les rapports au SQL idéal sont indicatifs`
        : `${chemins.length} réponse(s) du SQL idéal comparées au CMS (${(octets / 1000).toFixed(0)} ko), mêmes données, ordre des clés mis à part`,
    });
  }
  return equivalences;
}

const duree = (secondes: number) => `${Math.floor(secondes / 60)} min ${String(Math.round(secondes % 60)).padStart(2, '0')} s`;

async function principal(): Promise<number> {
  const options = lireOptions(process.argv.slice(2));
  const debut = Date.now();
  const ecoule = () => duree((Date.now() - debut) / 1000);
  const base = `banc_${process.pid}_${debut}`;
  const env = environnement(base);
  const fichierSchema = path.join(os.tmpdir(), `${base}-schema.json`);
  const resultat: Resultat = {
    debut: new Date(debut).toISOString(),
    dureeSecondes: 0,
    machine: { coeurs: os.cpus().length, node: process.version, base: 'PostgreSQL' },
    options: { echantillons: options.echantillons, dureeMaxSecondes: options.duree, echauffementSecondes: options.echauffement, connexions: options.connexions, paliers: options.paliers },
    demarrage: {},
    generations: [],
    paliers: [],
    remarques: [],
  };
  journal(`Banc de performance sur ${base} : paliers ${options.paliers.join(', ')} ; environ ${Math.ceil(estimation(options) / 60)} min au plus sur une machine au repos (chaque chiffre à son plafond de ${options.duree} s), souvent moins.`);
  await administrerPostgres(`CREATE DATABASE ${base}`);
  const enCours = new Set<Serveur>();
  const lancer = async (demarrage: Promise<Serveur>) => {
    const serveur = await demarrage;
    enCours.add(serveur);
    return serveur;
  };
  const stopper = async (serveur: Serveur) => {
    enCours.delete(serveur);
    await arreter(serveur);
  };
  try {
    journal('Premier démarrage (production, base vierge) : amorçage du référentiel…');
    const premier = await lancer(cms(env, ['--schema', fichierSchema]));
    resultat.demarrage.seedReferentielSecondes = secondesDuJournal(premier.journal(), /Référentiel chargé en ([\d.]+) s/);
    await stopper(premier);

    for (const projets of options.paliers) {
      journal(`\n== ${projets} projets (${ecoule()}) ==`);
      const generation = await generer(env, projets, options.graine);
      resultat.generations.push({ projets, ...generation });
      const serveur = await lancer(cms(env));
      if (resultat.demarrage.demarrageAFroidSecondes === undefined) {
        resultat.demarrage.demarrageAFroidSecondes = serveur.secondes;
        resultat.demarrage.reamorcageSecondes = secondesDuJournal(serveur.journal(), /Référentiel à jour \(vérifié en ([\d.]+) s\)/);
      }
      const complet = estComplet(projets, options.paliers);
      const plan = planDuPalier(complet);
      const variantes = new Set(plan.flatMap((f) => (f.cache ? [] : f.variantes)));
      const serveurs: Partial<Record<Variante, Serveur>> = { cms: serveur };
      serveurs['sql-ideal'] = await lancer(demarrer(path.join(__dirname, 'serveur-brut.js'), ['--schema', fichierSchema], env, await portLibre(), '/_health'));
      if (variantes.has('chemin-strapi')) serveurs['chemin-strapi'] = await lancer(cms(env, ['--restaurer', 'performance']));
      if (variantes.has('sans-visibilite')) serveurs['sans-visibilite'] = await lancer(cms(env, ['--restaurer', 'visibilite']));

      const reponse = await fetch(`${serveur.url}/api/projets?fields[0]=documentId&pagination[pageSize]=100&sort=nom:desc`);
      const ids = ((await reponse.json()) as { data: Array<{ documentId: string }> }).data.map((p) => p.documentId);
      const scenarios = scenariosCms(ids);
      const palier: Palier = { projets, mesures: [], equivalences: await verifierEquivalences(serveur.url, serveurs['sql-ideal'].url, scenarios) };
      for (const e of palier.equivalences) journal(`  ${e.identique ? 'JSON identique' : 'JSON DIFFÉRENT'} (${e.scenario}) : ${e.detail}`);

      const mesurerPlan = async (figures: typeof plan, cibles: Partial<Record<Variante, Serveur>>) => {
        for (const figure of figures) {
          const connexions = figure.connexions === 'une' ? 1 : options.connexions;
          const reglages: Reglages = {
            echantillons: figure.connexions === 'une' ? options.echantillons : options.echantillons * FACTEUR_CONNEXIONS,
            dureeMax: options.duree,
            echauffement: options.echauffement,
            connexions,
            tours: figure.variantes.length > 1 ? TOURS : 1,
          };
          const scenario = scenarios[figure.cle];
          journal(`  [${ecoule()}] ${scenario.nom}, ${connexions} connexion(s)${figure.cache ? ', avec cache' : ''} : ${figure.variantes.map((v) => LIBELLES_VARIANTES[v]).join(', ')}…`);
          const liste: Cible[] = figure.variantes.map((variante) => {
            const s = cibles[variante]!;
            return { url: s.url, pid: s.processus.pid, scenario, cle: figure.cle, variante, cache: figure.cache };
          });
          palier.mesures.push(...(await mesurerEntrelace(liste, reglages)));
        }
      };
      await mesurerPlan(plan.filter((f) => !f.cache), serveurs);
      journal(`  [${ecoule()}] Export CSV open data…`);
      palier.export = await mesurerExport(serveur.url, serveur.processus.pid);
      for (const reference of Object.values(serveurs)) await stopper(reference);

      if (complet) {
        // The production configuration beside: anonymous reads answered from the response cache until a write.
        const avecCache = await lancer(cms({ ...env, CACHE_REPONSES: 'true' }));
        await mesurerPlan(plan.filter((f) => f.cache), { cms: avecCache });
        await stopper(avecCache);
      }
      resultat.paliers.push(palier);
    }
  } finally {
    for (const serveur of enCours) await arreter(serveur);
    fs.rmSync(fichierSchema, { force: true });
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
