/**
 * The « Importer des projets » page in a real browser: a modérateur uploads a spreadsheet, reads and
 * filters the dry-run report, confirms, sees the progress reach the total; a contributeur has no such
 * page. Screenshots in tests/e2e/captures/import/.
 */
import path from 'path';
import { readFileSync } from 'fs';
import { parse } from 'csv-parse/sync';
import * as XLSX from '@e965/xlsx';
import { chromium, type Browser } from 'playwright-core';
import { CLES, lire } from '../helpers/environnement';
import { nombreDeProjets } from '../helpers/donnees';
import { creerAgent, MOT_DE_PASSE_AGENT, type Agent } from '../helpers/comptes';
import { Compteur, Ecran, preparerDossier, type Contexte } from '../helpers/ecran-agent';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CAPTURES = path.resolve(__dirname, 'captures/import');
const suffixe = Date.now().toString(36);

/** Three rows of the real file, renamed, in an XLSX whose SIRETs are numbers. */
function classeur(): { octets: Buffer; noms: string[] } {
  const source: Array<Record<string, string>> = parse(readFileSync(path.resolve(__dirname, '../../donnees/interconnectes/data.csv'), 'utf8'), { columns: true });
  const entetes = Object.keys(source[0]);
  const lignes: Array<Record<string, string>> = source.slice(0, 3).map((l, i) => ({ ...l, Nom_du_projet: `Import écran ${suffixe} ${i + 1}` }));
  const feuille = XLSX.utils.aoa_to_sheet([entetes, ...lignes.map((l) => entetes.map((e) => (e === 'SIRET' ? Number(l[e]) : l[e])))]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, feuille, 'Projets');
  return { octets: XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer, noms: lignes.map((l) => l.Nom_du_projet) };
}

let navigateur: Browser;
let ctx: Contexte;
let moderateur: Agent;
let contributeur: Agent;

beforeAll(async () => {
  preparerDossier(CAPTURES);
  navigateur = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  ctx = { navigateur, url: lire(CLES.url), compteur: new Compteur(), lectures: [], dossierCaptures: CAPTURES, ecrans: [] };
  [moderateur, contributeur] = await Promise.all([
    creerAgent(`ecran.import.moderateur.${suffixe}@interconnectes.fr`, 'Modérateur'),
    creerAgent(`ecran.import.contributeur.${suffixe}@metz.fr`, 'Contributeur'),
  ]);
});

afterAll(async () => {
  await navigateur?.close();
});

async function connecter(role: string, agent: Agent): Promise<Ecran> {
  const ecran = await Ecran.ouvrir(ctx, role);
  await ecran.aller('/admin');
  await ecran.saisir(/e-?mail/i, agent.email);
  await ecran.saisir(/^Mot de passe/, MOT_DE_PASSE_AGENT);
  await ecran.cliquer(ecran.page.getByRole('button', { name: 'Se connecter' }));
  await ecran.page.waitForURL(/\/admin\/?$/);
  await ecran.page.getByRole('heading', { level: 1 }).first().waitFor();
  return ecran;
}

it('un modérateur dépose un classeur, filtre la simulation, confirme et suit l’import jusqu’au bout', async () => {
  const { octets, noms } = classeur();
  const ecran = await connecter('modérateur', moderateur);
  try {
    const page = ecran.page;
    await ecran.cliquer(page.getByRole('navigation').getByRole('link', { name: 'Importer des projets' }));
    await page.getByRole('heading', { name: 'Importer des projets', level: 1 }).waitFor();
    await page.getByLabel('Fichier à importer', { exact: true }).setInputFiles({ name: 'projets.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: octets });
    await ecran.cliquer(page.getByRole('checkbox', { name: /Créer les collectivités absentes/ }));
    await ecran.capturer('01-depot');
    await ecran.cliquer(page.getByRole('button', { name: 'Analyser le fichier' }));
    await page.getByRole('heading', { name: 'Simulation de « projets.xlsx »' }).waitFor();
    await page.getByText('3 ligne(s) sur 3').waitFor();
    await ecran.capturer('02-simulation');
    for (const nom of noms) expect(await nombreDeProjets(nom)).toBe(0);

    await ecran.saisir(/^Rechercher dans les lignes/, noms[1]);
    await page.getByText('1 ligne(s) sur 3').waitFor();
    await expect(page.getByRole('row').filter({ hasText: noms[1] }).count()).resolves.toBe(1);
    await expect(page.getByRole('row').filter({ hasText: noms[0] }).count()).resolves.toBe(0);
    await ecran.capturer('03-filtre');

    await ecran.cliquer(page.getByRole('button', { name: 'Confirmer l’import de 3 ligne(s)' }));
    await page.getByRole('heading', { name: 'Import terminé' }).waitFor({ timeout: 120_000 });
    await expect(page.getByRole('status').filter({ hasText: 'lignes' }).innerText()).resolves.toBe('3 / 3 lignes');
    await page.getByRole('heading', { name: 'Rapport de l’import de « projets.xlsx »' }).waitFor();
    await ecran.capturer('04-rapport-final');
    for (const nom of noms) expect(await nombreDeProjets(nom)).toBe(1);
  } catch (erreur) {
    await Ecran.capturerEchec(ctx);
    throw erreur;
  }
}, 300_000);

it('un contributeur n’a ni le lien ni la page', async () => {
  const ecran = await connecter('contributeur', contributeur);
  await expect(ecran.page.getByRole('navigation').getByRole('link', { name: 'Importer des projets' }).count()).resolves.toBe(0);
  await ecran.aller('/admin/import-projets');
  await ecran.page.waitForLoadState('networkidle').catch(() => undefined);
  await expect(ecran.page.getByRole('button', { name: 'Analyser le fichier' }).count()).resolves.toBe(0);
  await ecran.capturer('05-contributeur');
}, 120_000);
