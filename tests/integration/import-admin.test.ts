/**
 * Import from the admin panel (plugin import-projets): a modérateur uploads a spreadsheet, reads the
 * dry-run report (nothing written), confirms, follows the progress to the final report.
 */
import { execFile } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { parse } from 'csv-parse/sync';
import * as XLSX from '@e965/xlsx';
import { api, enteteAdmin } from '../helpers/http';
import { creerAgent, type Agent } from '../helpers/comptes';
import { nombreDeProjets } from '../helpers/donnees';
import { ROLES_EDITORIAUX } from '../../src/bootstrap/roles-editoriaux';

const DATA_CSV = path.resolve(__dirname, '../../donnees/interconnectes/data.csv');
const source: Array<Record<string, string>> = parse(readFileSync(DATA_CSV, 'utf8'), { columns: true });
const suffixe = Date.now().toString(36);

/** `n` rows of the real file (the first three, whose collectivités are in the reference data), renamed for this test. */
function classeur(n: number, bookType: 'xlsx' | 'ods', prefixe: string): { octets: Buffer; noms: string[] } {
  const lignes: Array<Record<string, string>> = Array.from({ length: n }, (_, i) => ({ ...source[i % 3], Nom_du_projet: `${prefixe} ${suffixe} ${i + 1}` }));
  const entetes = Object.keys(source[0]);
  // The SIRET typed as a number, as a spreadsheet keeps it when nobody formats the column as text.
  const feuille = XLSX.utils.aoa_to_sheet([entetes, ...lignes.map((l) => entetes.map((e) => (e === 'SIRET' ? Number(l[e]) : l[e])))]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, feuille, 'Projets');
  return { octets: XLSX.write(wb, { type: 'buffer', bookType }) as Buffer, noms: lignes.map((l) => l.Nom_du_projet) };
}

const analyser = (agent: { Authorization: string }, octets: Buffer, nom: string, options: Record<string, string> = {}) => {
  let requete = api().post('/import-projets/analyses').set(agent).attach('fichier', octets, nom);
  for (const [cle, valeur] of Object.entries(options)) requete = requete.field(cle, valeur);
  return requete;
};

async function attendreFin(entete: { Authorization: string }, id: string): Promise<{ etats: Array<{ faites: number; total: number }>; fin: any }> {
  const etats: Array<{ faites: number; total: number }> = [];
  for (const limite = Date.now() + 120_000; Date.now() < limite; ) {
    const r = await api().get(`/import-projets/executions/${id}`).set(entete);
    expect(r.status).toBe(200);
    etats.push({ faites: r.body.data.faites, total: r.body.data.total });
    if (r.body.data.etat !== 'en_cours') return { etats, fin: r.body.data };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('import jamais terminé');
}

let moderateur: Agent;
let contributeur: Agent;
let referent: Agent;

beforeAll(async () => {
  [moderateur, contributeur, referent] = await Promise.all([
    creerAgent(`import.moderateur.${suffixe}@interconnectes.fr`, ROLES_EDITORIAUX.moderateur),
    creerAgent(`import.contributeur.${suffixe}@lyon.fr`, ROLES_EDITORIAUX.contributeur),
    creerAgent(`import.referent.${suffixe}@lyon.fr`, ROLES_EDITORIAUX.referent),
  ]);
});

describe('Import depuis l’administration', () => {
  it('modérateur : la simulation rend le rapport sans rien écrire, la confirmation importe, la progression atteint le total', async () => {
    const { octets, noms } = classeur(3, 'xlsx', 'Import admin');
    const analyse = await analyser(moderateur.entete, octets, 'projets.xlsx', { publier: 'false', creerCollectivites: 'true' });
    expect(analyse.status).toBe(200);
    const { jeton, rapport, options } = analyse.body.data;
    expect(typeof jeton).toBe('string');
    expect(options).toEqual({ publier: false, creerCollectivites: true });
    expect(rapport).toMatchObject({ simulation: true, format: 'xlsx', separateur: null, erreurFichier: null, bilan: { cree: 3, modifie: 0, inchange: 0, rejete: 0 } });
    expect(rapport.lignes.map((l: { ligne: number; projet: string }) => [l.ligne, l.projet])).toEqual(noms.map((nom, i) => [i + 2, nom]));
    // The SIRET typed as a number was read with its 14 digits: no warning about it.
    expect(JSON.stringify(rapport.lignes[0].avertissements)).not.toMatch(/SIRET/);
    for (const nom of noms) expect(await nombreDeProjets(nom)).toBe(0);

    const lancement = await api().post('/import-projets/executions').set(moderateur.entete).send({ jeton });
    expect(lancement.status).toBe(202);
    expect(lancement.body.data).toMatchObject({ etat: 'en_cours', total: 3, fichier: 'projets.xlsx' });
    const { etats, fin } = await attendreFin(moderateur.entete, lancement.body.data.id);
    expect(fin).toMatchObject({ etat: 'terminee', faites: 3, total: 3, erreur: null, rapport: { simulation: false, bilan: { cree: 3, modifie: 0, inchange: 0, rejete: 0 } } });
    for (let i = 1; i < etats.length; i += 1) expect(etats[i].faites).toBeGreaterThanOrEqual(etats[i - 1].faites);
    for (const nom of noms) expect(await nombreDeProjets(nom)).toBe(1);

    // The token ran once.
    const encore = await api().post('/import-projets/executions').set(moderateur.entete).send({ jeton });
    expect(encore.status).toBe(404);
    expect(encore.body.error.message).toMatch(/déposez de nouveau le fichier/);
  });

  it('un Super Admin importe aussi (ODS), un contributeur et un référent sont refusés (403) sans rien écrire', async () => {
    const { octets, noms } = classeur(1, 'ods', 'Import refusé');
    for (const agent of [contributeur, referent]) {
      const r = await analyser(agent.entete, octets, 'projets.ods');
      expect(r.status).toBe(403);
      expect(r.body.error.message).toBe('L’import de projets est réservé aux modérateurs.');
      const execution = await api().post('/import-projets/executions').set(agent.entete).send({ jeton: 'x' });
      expect(execution.status).toBe(403);
      expect((await api().get('/import-projets/executions/x').set(agent.entete)).status).toBe(403);
    }
    expect((await api().post('/import-projets/analyses').attach('fichier', octets, 'projets.ods')).status).toBe(401);
    expect(await nombreDeProjets(noms[0])).toBe(0);
    const parAdmin = await analyser(enteteAdmin(), octets, 'projets.ods');
    expect(parAdmin.status).toBe(200);
    expect(parAdmin.body.data.rapport).toMatchObject({ format: 'ods', bilan: { cree: 1 } });
  });

  it('refuse un fichier trop lourd, un fichier illisible, une requête sans fichier, en français', async () => {
    const lourd = await analyser(moderateur.entete, Buffer.alloc(11 * 1024 * 1024, 0x41), 'enorme.csv');
    expect(lourd.status).toBe(413);
    expect(lourd.body.error.message).toMatch(/^Le fichier pèse 11,0 Mo : au plus 10 Mo par import/);
    const xls = await analyser(moderateur.entete, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'ancien.xls');
    expect(xls.status).toBe(400);
    expect(xls.body.error.message).toMatch(/^Fichier refusé : .*Excel 97-2003/);
    const sansFichier = await api().post('/import-projets/analyses').set(moderateur.entete).field('publier', 'true');
    expect(sansFichier.status).toBe(400);
    expect(sansFichier.body.error.message).toMatch(/Joignez un et un seul fichier/);
  });

  it('un seul import à la fois : une simulation ou un import pendant un import en cours reçoit 409', async () => {
    const { octets, noms } = classeur(30, 'xlsx', 'Import long');
    const autre = classeur(1, 'xlsx', 'Import pendant').octets;
    const premier = await analyser(moderateur.entete, octets, 'long.xlsx', { creerCollectivites: 'true' });
    expect(premier.status).toBe(200);
    const second = await analyser(enteteAdmin(), classeur(1, 'xlsx', 'Import second').octets, 'second.xlsx');
    expect(second.status).toBe(200);

    const lancement = await api().post('/import-projets/executions').set(moderateur.entete).send({ jeton: premier.body.data.jeton });
    expect(lancement.status).toBe(202);
    const [pendant, concurrent] = await Promise.all([
      analyser(enteteAdmin(), autre, 'pendant.xlsx'),
      api().post('/import-projets/executions').set(enteteAdmin()).send({ jeton: second.body.data.jeton }),
    ]);
    const etat = (await api().get(`/import-projets/executions/${lancement.body.data.id}`).set(moderateur.entete)).body.data;
    expect(etat.etat).toBe('en_cours'); // else the file is too short for this test
    expect(pendant.status).toBe(409);
    expect(pendant.body.error.message).toMatch(/^Un import est déjà en cours : « long\.xlsx » \(\d+ \/ 30 lignes\)\. Réessayez quand il sera terminé\.$/);
    expect(concurrent.status).toBe(409);

    const { fin } = await attendreFin(moderateur.entete, lancement.body.data.id);
    expect(fin).toMatchObject({ etat: 'terminee', faites: 30, total: 30, rapport: { bilan: { cree: 30 } } });
    expect(await nombreDeProjets(noms[29])).toBe(1);
    // Refused while busy, the second analysis is still there to confirm.
    const apres = await api().post('/import-projets/executions').set(enteteAdmin()).send({ jeton: second.body.data.jeton });
    expect(apres.status).toBe(202);
    expect((await attendreFin(enteteAdmin(), apres.body.data.id)).fin).toMatchObject({ etat: 'terminee', rapport: { bilan: { cree: 1 } } });
  }, 180_000);

  it('la commande d’import lit aussi un classeur ODS (simulation, « classeur ODS » dans le résumé)', async () => {
    const dossier = mkdtempSync(path.join(os.tmpdir(), 'import-classeur-'));
    try {
      const { octets, noms } = classeur(3, 'ods', 'Import commande');
      const chemin = path.join(dossier, 'projets.ods');
      writeFileSync(chemin, octets);
      const racine = path.resolve(__dirname, '../..');
      const sortie = await new Promise<string>((resolve, reject) => {
        execFile(process.execPath, [path.join(racine, 'dist/scripts/import.js'), chemin, '--dry-run', '--creer-collectivites'], { cwd: racine, env: process.env }, (erreur, stdout, stderr) =>
          erreur ? reject(new Error(`${erreur.message}\n${stdout}\n${stderr}`)) : resolve(stdout),
        );
      });
      expect(sortie).toMatch(/Fichier : .*projets\.ods \(classeur ODS\)/);
      expect(sortie).toMatch(/créés : 3 {3}modifiés : 0 {3}inchangés : 0 {3}rejetés : 0/);
      expect(await nombreDeProjets(noms[0])).toBe(0);
    } finally {
      rmSync(dossier, { recursive: true, force: true });
    }
  });
});
