/**
 * The files of the other generations of the Interconnectés library (tests/fixtures/interconnectes, see its
 * LISEZMOI.md), written without looking at the importer: every row expected to enter enters, in
 * moderation, on the right collectivité, and nothing of it is lost; a held-back row is reported whole; a
 * second import changes nothing; a dry run writes nothing. Expectations come from attendus.json only.
 */
import { execFile } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { parse } from 'csv-parse/sync';
import { api, enteteAdmin, enteteJeton } from '../helpers/http';

const RACINE = path.resolve(__dirname, '../..');
const FIXTURES = path.join(RACINE, 'tests/fixtures/interconnectes');

interface Attendu {
  entre: boolean;
  projet: string;
  collectivite: string | null;
  offreurs?: string[];
}
const ATTENDUS: Record<string, Record<string, Attendu>> = JSON.parse(readFileSync(path.join(FIXTURES, 'attendus.json'), 'utf8'));

interface Anomalie {
  colonne: string;
  valeur: string;
  message: string;
}
interface RapportLigne {
  ligne: number;
  projet: string;
  resultat: string;
  documentId: string | null;
  raisons: string[];
  avertissements: Anomalie[];
  /** contract 3: header → raw cell, for every row */
  cellules?: Record<string, string>;
}
interface Rapport {
  simulation: boolean;
  erreurFichier: string | null;
  bilan: Record<string, number>;
  lignes: RapportLigne[];
}
interface OptionsImport {
  simulation?: boolean;
}

let dossier: string;
beforeAll(() => {
  dossier = mkdtempSync(path.join(os.tmpdir(), 'import-generations-'));
});
afterAll(() => rmSync(dossier, { force: true, recursive: true }));

const executer = (args: string[]): Promise<{ code: number; erreurs: string }> =>
  new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: RACINE, env: { ...process.env, LOG_LEVEL: 'error' }, maxBuffer: 64 * 1024 * 1024 }, (erreur, _sortie, erreurs) => {
      resolve({ code: erreur ? Number(erreur.code ?? 1) : 0, erreurs });
    });
  });

/**
 * The importer, called as users call it: the CLI (`npm run import`), which boots Strapi and calls
 * importerProjets. Test files cannot reach the Strapi of the global setup, so the contract-2 signature
 * (`importerProjets(strapi, { nom, octets }, options)`) is the CLI's business; should the CLI's
 * arguments change, this function is the only place to adapt.
 */
let executions = 0;
async function importer(fichier: string, options: OptionsImport = {}): Promise<Rapport> {
  executions += 1;
  const rapport = path.join(dossier, `rapport-${executions}.json`);
  const { erreurs } = await executer([path.join(RACINE, 'dist/scripts/import.js'), fichier, ...(options.simulation ? ['--dry-run'] : []), '--rapport', rapport]);
  try {
    return JSON.parse(readFileSync(rapport, 'utf8')) as Rapport;
  } catch {
    throw new Error(`Pas de rapport d’import pour ${path.basename(fichier)} : ${erreurs}`);
  }
}

/** Every relation and component of a projet (the stored projet, as the Document Service gives it). */
const POPULATE = {
  collectivite: true,
  collectivitesPartenaires: true,
  offreurs: true,
  thematique: true,
  sousThematiques: true,
  publics: true,
  techniquesIa: true,
  ressources: true,
  illustration: true,
  algorithme: true,
  donnees: { populate: { sources: true } },
  evaluation: { populate: { evaluationsImpact: true } },
};

/**
 * Drafts read with the Document Service, private fields included (notesImport is never served by the
 * API), in a process of its own booted like the CLI's.
 */
const LECTEUR = `
const { readFileSync, writeFileSync } = require('fs');
const path = require('path');
const { createStrapi } = require('@strapi/strapi');
(async () => {
  const [racine, entree, sortie] = process.argv.slice(1);
  const { ids, populate } = JSON.parse(readFileSync(entree, 'utf8'));
  const strapi = await createStrapi({ appDir: racine, distDir: path.join(racine, 'dist'), serveAdminPanel: false }).load();
  const projets = {};
  for (const documentId of ids) {
    projets[documentId] = await strapi.documents('api::projet.projet').findOne({ documentId, status: 'draft', populate });
  }
  writeFileSync(sortie, JSON.stringify(projets));
  await strapi.destroy();
  process.exit(0);
})().catch((erreur) => {
  process.stderr.write(String(erreur && erreur.stack));
  process.exit(1);
});
`;
type Projet = Record<string, any>;
async function lireProjets(ids: string[]): Promise<Record<string, Projet | null>> {
  executions += 1;
  const entree = path.join(dossier, `lecture-${executions}.json`);
  const sortie = path.join(dossier, `projets-${executions}.json`);
  writeFileSync(entree, JSON.stringify({ ids, populate: POPULATE }));
  const { code, erreurs } = await executer(['-e', LECTEUR, RACINE, entree, sortie]);
  if (code !== 0) throw new Error(`Lecture des projets impossible : ${erreurs}`);
  return JSON.parse(readFileSync(sortie, 'utf8'));
}

async function compter(uid: 'projets' | 'offreurs' | 'collectivites'): Promise<number> {
  const reponse = await api().get(`/api/${uid}`).set(enteteJeton()).query({ status: 'draft', 'pagination[pageSize]': 1 });
  if (reponse.status !== 200) throw new Error(`Lecture des ${uid} : ${reponse.status}`);
  return reponse.body.meta.pagination.total;
}

/** The rows of a fixture as a spreadsheet shows them: number (header = 1) → header → raw cell. */
function lireFixture(nom: string): Map<number, Record<string, string>> {
  const texte = readFileSync(path.join(FIXTURES, nom), 'utf8').replace(/^\uFEFF/, '');
  const delimiter = texte.split('\n')[0].split(';').length > texte.split('\n')[0].split(',').length ? ';' : ',';
  const [entetes, ...donnees] = parse(texte, { delimiter, relax_column_count: true }) as string[][];
  return new Map(donnees.map((valeurs, i) => [i + 2, Object.fromEntries(entetes.map((e, j) => [e, valeurs[j] ?? '']))]));
}

// ---------------------------------------------------------------------------------------------------
// « Nothing lost »: where each column of every generation lands in the stored projet.

/** Loose comparison of texts: accents and apostrophe styles, case, runs of spaces and line breaks. */
const norme = (texte: string) =>
  texte.normalize('NFC').replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
const cleColonne = (colonne: string) =>
  colonne.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');

/** Every string a stored value holds (relations and components flattened). */
function textes(valeur: unknown): string[] {
  if (valeur === null || valeur === undefined) return [];
  if (typeof valeur === 'string' || typeof valeur === 'number') return [String(valeur)];
  if (Array.isArray(valeur)) return valeur.flatMap(textes);
  if (typeof valeur === 'object') return Object.values(valeur as Record<string, unknown>).flatMap(textes);
  return [];
}
const estRempli = (valeur: unknown) => textes(valeur).some((t) => t.trim() !== '');

/**
 * - texte: the cell's text is in the field (cosmetic differences aside);
 * - terme: a vocabulary cell, resolved to a non-empty value;
 * - date: a date whose year is the cell's;
 * - partenaires: the offreur names cover the whole cell (only separators left);
 * - collectivite: a property of the collectivité, which the projet's collectivité has.
 */
type Genre = 'texte' | 'terme' | 'date' | 'partenaires' | 'collectivite';
interface Destination {
  colonnes: string[];
  genre: Genre;
  champ: string;
  lire: (p: Projet) => unknown;
}
const DESTINATIONS: Destination[] = [
  { colonnes: ['Nom_du_projet', 'nom_projet', 'Nom du projet'], genre: 'texte', champ: 'nom', lire: (p) => p.nom },
  { colonnes: ['Description_service', 'usage_description', 'usage_service'], genre: 'texte', champ: 'description', lire: (p) => p.description },
  { colonnes: ['status_abandon'], genre: 'texte', champ: 'motifAbandon', lire: (p) => p.motifAbandon },
  { colonnes: ['projet_contact'], genre: 'texte', champ: 'contact', lire: (p) => p.contact },
  { colonnes: ['financement'], genre: 'texte', champ: 'financement', lire: (p) => p.financement },
  { colonnes: ['nom_algorithme'], genre: 'texte', champ: 'algorithme.nom', lire: (p) => p.algorithme?.nom },
  // First generation: `description` is the algorithm's, next to nom_algorithme.
  { colonnes: ['algorithme_description', 'description'], genre: 'texte', champ: 'algorithme.description', lire: (p) => p.algorithme?.description },
  { colonnes: ['algorithme_operations'], genre: 'texte', champ: 'algorithme.operations', lire: (p) => p.algorithme?.operations },
  { colonnes: ['impact_environnement'], genre: 'texte', champ: 'impactEnvironnemental', lire: (p) => p.impactEnvironnemental },
  { colonnes: ['risque'], genre: 'texte', champ: 'evaluation.risque', lire: (p) => p.evaluation?.risque },
  { colonnes: ['proportionalite'], genre: 'texte', champ: 'evaluation.proportionnalite', lire: (p) => p.evaluation?.proportionnalite },
  { colonnes: ['decision'], genre: 'texte', champ: 'evaluation.decision', lire: (p) => p.evaluation?.decision },
  { colonnes: ['reversibilite'], genre: 'texte', champ: 'evaluation.reversibilite', lire: (p) => p.evaluation?.reversibilite },
  { colonnes: ['objection'], genre: 'texte', champ: 'evaluation.objection', lire: (p) => p.evaluation?.objection },
  { colonnes: ['URL_Service', 'url_infos'], genre: 'texte', champ: 'lienInformation', lire: (p) => p.lienInformation },
  { colonnes: ['url_ressources'], genre: 'texte', champ: 'ressources', lire: (p) => p.ressources },
  { colonnes: ['Theme', 'theme', 'Thème'], genre: 'terme', champ: 'thematique', lire: (p) => p.thematique },
  { colonnes: ['Sous_Theme', 'sous_theme', 'Sous-thème'], genre: 'terme', champ: 'sousThematiques', lire: (p) => p.sousThematiques },
  { colonnes: ['Statut_du_projet', 'projet_status', 'Statut'], genre: 'terme', champ: 'statut', lire: (p) => p.statut },
  { colonnes: ['Audience', 'audience_service', 'cible_service'], genre: 'terme', champ: 'publics', lire: (p) => p.publics },
  { colonnes: ['type_algorithme'], genre: 'terme', champ: 'techniquesIa', lire: (p) => p.techniquesIa },
  { colonnes: ['herbergement'], genre: 'terme', champ: 'hebergement', lire: (p) => p.hebergement },
  { colonnes: ['mise_en_oeuvre'], genre: 'terme', champ: 'miseEnOeuvre', lire: (p) => p.miseEnOeuvre },
  { colonnes: ['budget'], genre: 'terme', champ: 'budget', lire: (p) => p.budget },
  { colonnes: ['donnees_source'], genre: 'terme', champ: 'donnees.sources', lire: (p) => p.donnees?.sources },
  { colonnes: ['donnees_acces'], genre: 'terme', champ: 'donnees.modeAcces', lire: (p) => p.donnees?.modeAcces },
  { colonnes: ['risque_categorie'], genre: 'terme', champ: 'evaluation.risqueCategorie', lire: (p) => p.evaluation?.risqueCategorie },
  { colonnes: ['erreur'], genre: 'terme', champ: 'evaluation.erreur', lire: (p) => p.evaluation?.erreur },
  { colonnes: ['explicabilite'], genre: 'terme', champ: 'evaluation.explicabilite', lire: (p) => p.evaluation?.explicabilite },
  { colonnes: ['Date_de_demarrage', 'projet_date', 'Date de démarrage'], genre: 'date', champ: 'dateDemarrage', lire: (p) => p.dateDemarrage },
  { colonnes: ['Date_de_derniere_mise_a_jour', 'date'], genre: 'date', champ: 'updatedAt', lire: (p) => p.updatedAt },
  { colonnes: ['Partenaires', 'partenaires'], genre: 'partenaires', champ: 'offreurs', lire: (p) => p.offreurs },
  { colonnes: ['Nom_collectivite', 'coll_nom', 'Nom collectivite'], genre: 'collectivite', champ: 'collectivite.nom', lire: (p) => p.collectivite?.nom },
  { colonnes: ['Type_de_collectivite', 'coll_type', 'Type de collectivité'], genre: 'collectivite', champ: 'collectivite.type', lire: (p) => p.collectivite?.type },
  { colonnes: ['Latitude', 'latitude'], genre: 'collectivite', champ: 'collectivite.latitude', lire: (p) => p.collectivite?.latitude },
  { colonnes: ['Longitude', 'longitude'], genre: 'collectivite', champ: 'collectivite.longitude', lire: (p) => p.collectivite?.longitude },
  { colonnes: ['URL_Logo', 'image_url'], genre: 'collectivite', champ: 'collectivite.logoUrl', lire: (p) => p.collectivite?.logoUrl },
  // The SIRET is found when the collectivité has its SIREN (a wrong one must then be kept in the notes).
  { colonnes: ['SIRET', 'coll_siret'], genre: 'collectivite', champ: 'collectivite.siren', lire: (p) => p.collectivite?.siren },
];
const PAR_COLONNE = new Map(DESTINATIONS.flatMap((d) => d.colonnes.map((c) => [cleColonne(c), d] as const)));

/** Whether the stored value holds the cell, by the kind of column; a reason when it does not. */
function retrouvee(destination: Destination, cellule: string, projet: Projet): boolean {
  const valeur = destination.lire(projet);
  switch (destination.genre) {
    case 'texte':
      return textes(valeur).some((t) => norme(t).includes(norme(cellule)));
    case 'terme':
      return estRempli(valeur);
    case 'date': {
      const annee = /\b(\d{4})\b/.exec(cellule)?.[1];
      return annee !== undefined && typeof valeur === 'string' && valeur.startsWith(annee);
    }
    case 'partenaires': {
      let reste = norme(cellule);
      const noms = textes((valeur as Array<{ nom: string }> | undefined)?.map((o) => o.nom));
      for (const nom of [...noms].sort((a, b) => b.length - a.length)) reste = reste.split(norme(nom)).join(' ');
      return noms.length > 0 && /^[\s,;\-–/]*$/.test(reste);
    }
    case 'collectivite':
      if (destination.champ === 'collectivite.siren') return valeur === cellule.replace(/\D/g, '').slice(0, 9);
      return estRempli(valeur);
  }
}

/** notesImport (contract 1: « colonne : valeur », one per line; a value may span lines) → entries. */
function lireNotes(notes: string, colonnes: string[]): Array<{ colonne: string; valeur: string }> {
  const connues = new Set(colonnes.map(cleColonne));
  const entrees: Array<{ colonne: string; valeur: string }> = [];
  for (const ligne of notes.split('\n')) {
    const trouve = /^(.+?) : ([\s\S]*)$/.exec(ligne);
    if (trouve && connues.has(cleColonne(trouve[1]))) entrees.push({ colonne: trouve[1], valeur: trouve[2] });
    else if (entrees.length > 0) entrees[entrees.length - 1].valeur += `\n${ligne}`;
    else if (ligne.trim() !== '') entrees.push({ colonne: '', valeur: ligne });
  }
  return entrees;
}

/** Same column: same name, or two names of one destination (file header vs Table Schema name). */
function memeColonne(a: string, b: string): boolean {
  if (cleColonne(a) === cleColonne(b)) return true;
  const destination = PAR_COLONNE.get(cleColonne(a));
  return destination !== undefined && destination === PAR_COLONNE.get(cleColonne(b));
}

/**
 * What an entered row lost: every non-empty cell must be in the stored projet (as its mapped value) or
 * verbatim in notesImport, and every value in notesImport must have a report warning naming its column
 * and its value. Empty list: nothing lost.
 */
function pertes(numero: number, cellules: Record<string, string>, projet: Projet, rapport: RapportLigne): string[] {
  const constats: string[] = [];
  const notes = typeof projet.notesImport === 'string' ? projet.notesImport : '';
  for (const [colonne, cellule] of Object.entries(cellules)) {
    if (cellule.trim() === '') continue;
    const destination = PAR_COLONNE.get(cleColonne(colonne));
    if (destination && retrouvee(destination, cellule, projet)) continue;
    if (norme(notes).includes(norme(cellule))) continue;
    const ou = destination ? `ni dans ${destination.champ} (${JSON.stringify(destination.lire(projet) ?? null)})` : 'colonne sans champ : ni';
    constats.push(`ligne ${numero}, ${colonne} « ${cellule} » : ${ou} ni dans les notes d’import`);
  }
  const colonnes = [...Object.keys(cellules), ...DESTINATIONS.flatMap((d) => d.colonnes)];
  for (const { colonne, valeur } of lireNotes(notes, colonnes)) {
    const signalee = rapport.avertissements.some(
      (a) => memeColonne(a.colonne, colonne) && (norme(a.valeur).includes(norme(valeur)) || norme(valeur).includes(norme(a.valeur))) && a.valeur.trim() !== '',
    );
    if (!signalee) constats.push(`ligne ${numero}, notes d’import « ${colonne} : ${valeur} » sans avertissement au rapport qui nomme la colonne et la valeur`);
  }
  return constats;
}

/** The whole row, header → raw cell, in any order. */
function memesCellules(rapportees: Record<string, string> | undefined, fichier: Record<string, string> | undefined): boolean {
  const triees = (cellules: Record<string, string>) => JSON.stringify(Object.entries(cellules).sort(([a], [b]) => (a < b ? -1 : 1)));
  return rapportees !== undefined && fichier !== undefined && triees(rapportees) === triees(fichier);
}

// ---------------------------------------------------------------------------------------------------

describe.each(Object.keys(ATTENDUS))('%s', (nom) => {
  const fichier = path.join(FIXTURES, nom);
  const lignes = lireFixture(nom);
  const attendus = Object.entries(ATTENDUS[nom]).map(([numero, attendu]) => ({ numero: Number(numero), ...attendu }));
  const entrees = attendus.filter((a) => a.entre);
  const retenues = attendus.filter((a) => !a.entre);
  let rapport: Rapport;
  let projets: Record<string, Projet | null> = {};

  it('attendus.json décrit chaque ligne du fichier', () => {
    expect(attendus.map((a) => a.numero)).toEqual([...lignes.keys()]);
  });

  it('simulation : une ligne au rapport par ligne du fichier, rien d’écrit', async () => {
    const avant = await Promise.all([compter('projets'), compter('offreurs'), compter('collectivites')]);
    const simulation = await importer(fichier, { simulation: true });
    expect({ erreurFichier: simulation.erreurFichier, simulation: simulation.simulation, lignes: simulation.lignes.length }).toEqual({
      erreurFichier: null,
      simulation: true,
      lignes: lignes.size,
    });
    expect(await Promise.all([compter('projets'), compter('offreurs'), compter('collectivites')])).toEqual(avant);
  });

  it('import : chaque ligne attendue entre, en modération, sur la bonne collectivité ; les autres sont retenues en entier', async () => {
    rapport = await importer(fichier);
    expect(rapport.erreurFichier).toBeNull();
    const ecarts: string[] = [];
    const parLigne = new Map(rapport.lignes.map((l) => [l.ligne, l]));
    for (const a of attendus) {
      const ligne = parLigne.get(a.numero);
      if (!ligne) ecarts.push(`ligne ${a.numero} absente du rapport`);
      else if (a.entre && ligne.resultat !== 'cree') ecarts.push(`ligne ${a.numero} « ${a.projet} » : ${ligne.resultat} au lieu de créée (${ligne.raisons.join(' ; ')})`);
      else if (!a.entre && ligne.resultat !== 'rejete') ecarts.push(`ligne ${a.numero} « ${a.projet} » : ${ligne.resultat} au lieu de retenue`);
      else if (!a.entre && ligne.raisons.length === 0) ecarts.push(`ligne ${a.numero} retenue sans raison`);
      else if (!a.entre && !memesCellules(ligne.cellules, lignes.get(a.numero))) {
        ecarts.push(`ligne ${a.numero} retenue : cellules au rapport ${JSON.stringify(ligne.cellules)} au lieu de la ligne entière`);
      }
    }
    const ids = entrees.map((a) => parLigne.get(a.numero)?.documentId).filter((id): id is string => typeof id === 'string');
    projets = ids.length > 0 ? await lireProjets(ids) : {};
    for (const a of entrees) {
      const ligne = parLigne.get(a.numero);
      const projet = ligne?.documentId ? projets[ligne.documentId] : null;
      if (!ligne || ligne.resultat !== 'cree') continue;
      if (!projet) {
        ecarts.push(`ligne ${a.numero} : projet ${ligne.documentId} introuvable`);
        continue;
      }
      if (norme(projet.nom) !== norme(a.projet)) ecarts.push(`ligne ${a.numero} : nom « ${projet.nom} » au lieu de « ${a.projet} »`);
      if (projet.collectivite?.siren !== a.collectivite) {
        ecarts.push(`ligne ${a.numero} « ${a.projet} » : collectivité ${projet.collectivite?.nom} (SIREN ${projet.collectivite?.siren}) au lieu du SIREN ${a.collectivite}`);
      }
      if (a.offreurs) {
        const noms = (projet.offreurs as Array<{ nom: string }>).map((o) => o.nom);
        if (JSON.stringify(noms.map(norme).sort()) !== JSON.stringify(a.offreurs.map(norme).sort())) {
          ecarts.push(`ligne ${a.numero} « ${a.projet} » : offreurs ${JSON.stringify(noms)} au lieu de ${JSON.stringify(a.offreurs)}`);
        }
      }
      const revue = await api().get(`/revue-editoriale/documents/api::projet.projet/${projet.documentId}`).set(enteteAdmin());
      if (revue.body.data?.etat !== 'en_moderation') ecarts.push(`ligne ${a.numero} « ${a.projet} » : état ${revue.body.data?.etat} au lieu de en_moderation`);
    }
    expect(ecarts).toEqual([]);
  });

  it('rien de perdu : chaque cellule d’une ligne entrée est dans le projet ou dans ses notes d’import, chaque note signalée', () => {
    expect(rapport).toBeDefined();
    const constats: string[] = [];
    for (const a of entrees) {
      const ligne = rapport.lignes.find((l) => l.ligne === a.numero);
      const projet = ligne?.documentId ? projets[ligne.documentId] : null;
      if (!ligne || !projet) {
        constats.push(`ligne ${a.numero} « ${a.projet} » : pas de projet à examiner`);
        continue;
      }
      constats.push(...pertes(a.numero, lignes.get(a.numero) ?? {}, projet, ligne));
    }
    expect(constats).toEqual([]);
  });

  it('second import : rien ne change', async () => {
    const second = await importer(fichier);
    expect(second.erreurFichier).toBeNull();
    expect(second.lignes.map((l) => [l.ligne, l.resultat])).toEqual(attendus.map((a) => [a.numero, a.entre ? 'inchange' : 'rejete']));
    expect(second.bilan).toEqual({ cree: 0, modifie: 0, inchange: entrees.length, rejete: retenues.length });
  });
});
