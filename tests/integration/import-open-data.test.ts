/**
 * The import command (run as a user runs it, in its own process on the test database) and the open-data
 * export, on the real file of Les Interconnectés and on hand-made bad files.
 */
import { execFile, execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { parse } from 'csv-parse/sync';
import { api, enteteAdmin, enteteJeton } from '../helpers/http';
import { nombreDeProjets, projetValide } from '../helpers/donnees';
import { SCHEMA, validerLigne, type Schema } from '../helpers/table-schema';
import { configurer } from '../helpers/pont';

const RACINE = path.resolve(__dirname, '../..');
const DATA_CSV = path.join(RACINE, 'donnees/interconnectes/data.csv');

/** The Public columns of the data model (README, « Open data »): the strict open-data export has exactly these. */
const COLONNES_PUBLIQUES = [
  'Nom_collectivite', 'Nom_du_projet', 'SIRET', 'Latitude', 'Longitude', 'Type_de_collectivite', 'Date_de_demarrage',
  'Statut_du_projet', 'status_abandon', 'Partenaires', 'Description_service', 'Theme', 'Sous_Theme', 'Audience', 'risque',
  'risque_categorie', 'proportionalite', 'decision', 'erreur', 'explicabilite', 'reversibilite', 'objection', 'URL_Service',
  'URL_Logo', 'Date_de_derniere_mise_a_jour',
];
/** The extended columns (contract of the import), after the strict ones. */
const COLONNES_ETENDUES = [
  'identifiant', 'url', 'siren_collectivite', 'statut_bibliotheque', 'publics_bibliotheque', 'resume', 'collectivites_partenaires',
  'niveau_automatisation', 'intervention_humaine', 'evaluations_impact', 'date_fin', 'role_offreurs', 'base_legale', 'lien_deliberation',
  'voies_de_recours',
];

interface Execution {
  code: number;
  sortie: string;
  erreurs: string;
}

function importer(...args: string[]): Promise<Execution> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(RACINE, 'dist/scripts/import.js'), ...args], { cwd: RACINE, env: process.env, maxBuffer: 64 * 1024 * 1024 }, (erreur, sortie, erreurs) => {
      resolve({ code: erreur ? Number(erreur.code ?? 1) : 0, sortie, erreurs });
    });
  });
}

interface Rapport {
  erreurFichier: string | null;
  bilan: Record<'cree' | 'modifie' | 'inchange' | 'rejete', number>;
  lignes: Array<{
    ligne: number;
    projet: string;
    collectivite: string | null;
    resultat: string;
    documentId: string | null;
    raisons: string[];
    avertissements: Array<{ colonne: string; message: string }>;
    normalisations: Array<{ colonne: string; source: string; retenu: string }>;
    cellules: Record<string, string>;
    notes: string[];
    nonPublie: string | null;
  }>;
}

let dossier: string;
const fichier = (nom: string, contenu: string | Buffer) => {
  const chemin = path.join(dossier, nom);
  writeFileSync(chemin, contenu);
  return chemin;
};
const lireRapport = (chemin: string): Rapport => JSON.parse(readFileSync(chemin, 'utf8'));
const sourceCsv = readFileSync(DATA_CSV, 'utf8');
const source: Array<Record<string, string>> = parse(sourceCsv, { columns: true });
const lireCsvExporte = (texte: string): Array<Record<string, string>> => parse(texte, { columns: true });

beforeAll(() => {
  dossier = mkdtempSync(path.join(os.tmpdir(), 'import-'));
});
afterAll(() => rmSync(dossier, { recursive: true, force: true }));

describe('Import du fichier réel des Interconnectés', () => {
  it('--dry-run : rapport fidèle, rien d’écrit', async () => {
    const rapport = path.join(dossier, 'simulation.json');
    const { code, sortie } = await importer(DATA_CSV, '--dry-run', '--rapport', rapport);
    expect(sortie).toMatch(/Simulation \(--dry-run\) : rien n’a été écrit/);
    expect(sortie).toMatch(/créés : 32 {3}modifiés : 0 {3}inchangés : 0 {3}rejetés : 1/);
    expect(code).toBe(2);
    const { lignes } = lireRapport(rapport);
    expect(lignes.filter((l) => l.resultat === 'rejete').map((l) => l.ligne)).toEqual([13]);
    expect(lignes.find((l) => l.ligne === 13)?.raisons.join()).toMatch(/Syndicat de gestion des eaux du brivadois.*absente du référentiel.*--creer-collectivites/);
    // The whole row stays in the report, cell by cell.
    expect(lignes.find((l) => l.ligne === 13)?.cellules).toEqual(source[11]);
    // « Abandonné » without motif: a draft may wait for its motif (publication may not); nothing goes to the notes.
    expect(lignes.find((l) => l.ligne === 30)).toMatchObject({ resultat: 'cree', notes: [] });
    expect(lignes.find((l) => l.ligne === 3)?.avertissements.map((a) => a.message).join()).toMatch(/SIRET désigne « Metz Métropole ».*« Ville de Metz » désigne « Metz »/);
    expect(lignes.filter((l) => l.avertissements.some((a) => /SIRET « \d+ » invalide/.test(a.message))).map((l) => l.ligne)).toEqual([15, 16, 17]);
    expect(await nombreDeProjets('Stacoptim')).toBe(0);
    const offreurs = await api().get('/api/offreurs').set(enteteJeton()).query({ status: 'draft', 'filters[nom][$eq]': 'Kocliko' });
    expect(offreurs.body.meta.pagination.total).toBe(0);
  });

  it('import publié : 33 projets créés, 32 publiés, le projet abandonné sans motif en modération avec sa raison', async () => {
    const rapport = path.join(dossier, 'import.json');
    const { code, sortie } = await importer(DATA_CSV, '--publier', '--creer-collectivites', '--rapport', rapport);
    expect(sortie).toMatch(/créés : 33 {3}modifiés : 0 {3}inchangés : 0 {3}rejetés : 0/);
    expect(sortie).toMatch(/en modération faute de pouvoir être publiés : 1\n/);
    expect(code).toBe(0);
    const { lignes } = lireRapport(rapport);
    expect(lignes.filter((l) => l.nonPublie !== null)).toEqual([
      expect.objectContaining({ ligne: 30, projet: 'IA Cantines', resultat: 'cree', nonPublie: expect.stringMatching(/\(motifAbandon\) est obligatoire quand le projet est abandonné/) }),
    ]);
    const cantines = lignes.find((l) => l.ligne === 30)?.documentId as string;
    expect((await api().get(`/revue-editoriale/documents/api::projet.projet/${cantines}`).set(enteteAdmin())).body.data.etat).toBe('en_moderation');
    expect((await api().get(`/api/projets/${cantines}`)).status).toBe(404);
    expect(lignes.find((l) => l.ligne === 13)?.raisons.join()).toMatch(/collectivité « Syndicat de gestion des eaux du brivadois » créée \(type syndicat/);
  });

  it('second passage : ne crée ni ne modifie rien', async () => {
    const { sortie } = await importer(DATA_CSV, '--publier', '--creer-collectivites');
    expect(sortie).toMatch(/créés : 0 {3}modifiés : 0 {3}inchangés : 33 {3}rejetés : 0/);
    const offreurs = await api().get('/api/offreurs').set(enteteJeton()).query({ status: 'draft', 'filters[nom][$eq]': 'IFPEN' });
    expect(offreurs.body.meta.pagination.total).toBe(1); // cited by two projets, created once
  });
});

describe('Recherche dans les projets réels importés', () => {
  const rechercher = (query: Record<string, unknown>) => api().get('/api/recherche').query({ pageSize: 100, ...query });

  it('« eau » trouve les projets de l’eau, par leur texte ou leur sous-thématique', async () => {
    const reponse = await rechercher({ q: 'eau' });
    expect(reponse.status).toBe(200);
    const noms: string[] = reponse.body.data.map((p: { nom: string }) => p.nom.replace(/\s+/g, ' ').trim());
    expect(noms).toEqual(expect.arrayContaining(['PREVIZO', 'IA assainissement', 'Mission 90+']));
    expect(noms.some((nom) => /fuites d.eau/.test(nom))).toBe(true);
    expect(noms).not.toContain('Delibia');
    expect(reponse.body.data.find((p: { nom: string }) => p.nom === 'IA assainissement').extrait).toMatch(/<mark>eaux?<\/mark>/i);
  });

  it('facettes de « eau » : chaque nombre est le total de la liste filtrée', async () => {
    const { facettes } = (await rechercher({ q: 'eau' })).body.meta;
    expect(facettes.sousThematique.find((v: { valeur: string }) => v.valeur === 'gestion-de-l-eau').nombre).toBeGreaterThanOrEqual(4);
    for (const dimension of ['thematique', 'sousThematique', 'statut', 'typeCollectivite', 'region']) {
      for (const { valeur, nombre } of facettes[dimension]) {
        const filtree = await rechercher({ q: 'eau', [dimension]: valeur });
        expect({ dimension, valeur, total: filtree.body.meta.pagination.total }).toEqual({ dimension, valeur, total: nombre });
      }
    }
  });
});

describe('Open data', () => {
  it('CSV : public, en-têtes de téléchargement et de cache, conforme au Table Schema, égal à la source après les normalisations du rapport', async () => {
    const reponse = await api().get('/api/open-data/projets.csv');
    expect(reponse.status).toBe(200);
    expect(reponse.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(reponse.headers['content-disposition']).toMatch(/^attachment; filename=".+\.csv"$/);
    expect(reponse.headers.etag).toMatch(/^W\/".+"$/);
    expect(reponse.headers['last-modified']).toBeDefined();
    const texte = reponse.text;
    expect(texte.split('\r\n')[0]).toBe(COLONNES_PUBLIQUES.join(','));
    const exportees = lireCsvExporte(texte);

    // Every row, whichever suite published it: the publication rules make it a valid row of schema 1.1.0.
    for (const ligne of exportees) expect(validerLigne(ligne, COLONNES_PUBLIQUES)).toEqual([]);
    const { lignes } = lireRapport(path.join(dossier, 'import.json'));
    const importees = lignes.filter((l) => l.resultat !== 'rejete' && l.nonPublie === null);
    expect(importees).toHaveLength(32);
    // The collectivité's columns may hold what another suite's file gave it first (coordinates, logo): they
    // must be explained, but only the projet's own columns are counted as coming back exactly.
    const colonnesCollectivite = new Set(['Nom_collectivite', 'SIRET', 'Latitude', 'Longitude', 'Type_de_collectivite', 'URL_Logo']);
    const ecarts: string[] = [];
    let identiques = 0;
    for (const l of importees) {
      const exportee = exportees.find((e) => e.Nom_du_projet === l.projet && e.Nom_collectivite === l.collectivite);
      if (!exportee) {
        ecarts.push(`ligne ${l.ligne} « ${l.projet} » absente de l’export`);
        continue;
      }
      expect({ ligne: l.ligne, erreurs: validerLigne(exportee, COLONNES_PUBLIQUES) }).toEqual({ ligne: l.ligne, erreurs: [] });
      const brute = source[l.ligne - 2];
      for (const colonne of COLONNES_PUBLIQUES.filter((c) => c in brute)) {
        const avant = brute[colonne];
        const apres = exportee[colonne];
        const egales = colonne === 'Latitude' || colonne === 'Longitude' ? Number(avant) === Number(apres) : avant === apres;
        const expliquee = [...l.normalisations, ...l.avertissements].some((n) => n.colonne === colonne);
        if (egales) identiques += colonnesCollectivite.has(colonne) ? 0 : 1;
        else if (!expliquee) ecarts.push(`ligne ${l.ligne}, ${colonne} : « ${avant} » exporté « ${apres} » sans normalisation au rapport`);
      }
    }
    expect(ecarts).toEqual([]);
    expect(identiques).toBeGreaterThan(32 * 8); // most of the 10 projet cells of a row come back exactly as they went in
    expect(exportees.some((e) => e.Nom_du_projet === 'IA Cantines')).toBe(false);
  });

  it('JSON : les mêmes lignes que le CSV étendu, coordonnées en nombres', async () => {
    const csv = lireCsvExporte((await api().get('/api/open-data/projets-etendu.csv')).text);
    const reponse = await api().get('/api/open-data/projets.json');
    expect(reponse.status).toBe(200);
    expect(reponse.headers['content-disposition']).toMatch(/filename=".+\.json"/);
    const json = JSON.parse(reponse.text) as Array<Record<string, unknown>>;
    expect(json).toHaveLength(csv.length);
    expect(Object.keys(json[0])).toEqual([...COLONNES_PUBLIQUES, ...COLONNES_ETENDUES]);
    // Other suites publish projets whose collectivité has no coordinates: null there, numbers elsewhere.
    expect(json.every((j) => j.Latitude === null || typeof j.Latitude === 'number')).toBe(true);
    expect(json.some((j) => typeof j.Latitude === 'number')).toBe(true);
    expect(json.map((j) => ({ ...j, Latitude: String(j.Latitude ?? ''), Longitude: String(j.Longitude ?? '') }))).toEqual(csv);
  });

  it('schema.json : le schéma 1.1.0 réduit à ses colonnes publiques, avec ses métadonnées et son adresse', async () => {
    const reponse = await api().get('/api/open-data/schema.json');
    expect(reponse.status).toBe(200);
    expect(reponse.body.fields.map((f: { name: string }) => f.name)).toEqual(COLONNES_PUBLIQUES);
    for (const champ of reponse.body.fields) expect(champ).toEqual(SCHEMA.fields.find((f) => f.name === champ.name));
    expect(reponse.body).toMatchObject({ name: SCHEMA.name, version: '1.1.0', licenses: SCHEMA.licenses, contributors: SCHEMA.contributors });
    expect(reponse.body.path).toMatch(/\/api\/open-data\/schema\.json$/);
    expect(reponse.body.resources).toEqual([expect.objectContaining({ path: expect.stringMatching(/\/api\/open-data\/projets\.csv$/) })]);
    const etendu = await api().get('/api/open-data/schema-etendu.json');
    expect(etendu.body.fields.map((f: { name: string }) => f.name)).toEqual([...COLONNES_PUBLIQUES, ...COLONNES_ETENDUES]);
  });

  it('datapackage.json : les trois ressources, leur schéma, la Licence Ouverte 2.0 et la version', async () => {
    const reponse = await api().get('/api/open-data/datapackage.json');
    expect(reponse.status).toBe(200);
    expect(reponse.body).toMatchObject({ profile: 'tabular-data-package', version: '1.1.0', licenses: [{ name: 'etalab-2.0' }] });
    expect(reponse.body.resources.map((r: { path: string; schema: string }) => [r.path.replace(/^.*\/api\/open-data\//, ''), r.schema.replace(/^.*\/api\/open-data\//, '')])).toEqual([
      ['projets.csv', 'schema.json'],
      ['projets-etendu.csv', 'schema-etendu.json'],
      ['projets.json', 'schema-etendu.json'],
    ]);
  });

  it('lu page par page (deux projets par page) : les mêmes fichiers, chaque projet une fois, dans le même ordre', async () => {
    const fichiers = ['projets-etendu.csv', 'projets.json', 'algoritmeregister.json'];
    const dUnBloc = await Promise.all(fichiers.map(async (f) => (await api().get(`/api/open-data/${f}`)).text));
    configurer('open-data.taillePage', 2);
    try {
      const parPages = await Promise.all(fichiers.map(async (f) => (await api().get(`/api/open-data/${f}`)).text));
      expect(parPages).toEqual(dUnBloc);
    } finally {
      configurer('open-data.taillePage', 500);
    }
    // Enough projets for many pages, none twice.
    const identifiants = lireCsvExporte(dUnBloc[0]).map((l) => l.identifiant);
    expect(identifiants.length).toBeGreaterThan(20);
    expect(new Set(identifiants).size).toBe(identifiants.length);
  });

  it('une taille de page invalide : une erreur avant le premier octet, jamais un fichier tronqué ni sans fin', async () => {
    configurer('open-data.taillePage', 0);
    try {
      for (const fichier of ['projets.csv', 'projets.json', 'atrs.json']) {
        const reponse = await api().get(`/api/open-data/${fichier}`);
        expect(reponse.status).toBe(500);
        expect(reponse.headers['content-type']).toMatch(/^application\/json/);
        expect(reponse.headers['content-disposition']).toBeUndefined();
      }
    } finally {
      configurer('open-data.taillePage', 500);
    }
  });

  it('répond 304 à une copie à jour', async () => {
    const { headers } = await api().get('/api/open-data/projets.csv');
    const reponse = await api().get('/api/open-data/projets.csv').set('If-None-Match', headers.etag);
    expect(reponse.status).toBe(304);
  });
});

describe('Open data : CSV RFC 4180, identifiants stables', () => {
  const NOMS = { lf: 'Export à la ligne LF', crlf: 'Export à la ligne CRLF', cr: 'Export\rcoupé par CR', formule: 'Export et formule' };
  const documents: Record<string, string> = {};

  /** A strict RFC 4180 reader: quotes never relaxed, same number of fields on every record, CRLF only. */
  const lireStrict = (texte: string): string[][] => parse(texte, { relax_quotes: false, relax_column_count: false, record_delimiter: '\r\n' });
  /** Python's csv module (the reader most reusers run), on the file as downloaded. */
  const lirePython = (texte: string): string[][] => {
    const chemin = fichier(`export-${Date.now()}.csv`, texte);
    const sortie = execFileSync('python3', ['-c', 'import csv, json, sys\nwith open(sys.argv[1], newline="", encoding="utf-8") as f:\n    print(json.dumps(list(csv.reader(f, strict=True))))', chemin], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(sortie);
  };
  const enObjets = (lignes: string[][]) => lignes.slice(1).map((l) => Object.fromEntries(lignes[0].map((c, i) => [c, l[i]])));

  beforeAll(async () => {
    const offreur = await api().post('/api/offreurs').set(enteteJeton()).query({ status: 'published' }).send({ data: { nom: 'Dupont, "Fils" et Cie', type: 'entreprise' } });
    expect(offreur.status).toBe(201);
    const donnees: Record<string, Record<string, unknown>> = {
      lf: { nom: NOMS.lf, description: 'Première ligne\nseconde ligne, avec virgule', offreurs: [offreur.body.data.documentId] },
      crlf: { nom: NOMS.crlf, description: 'Première ligne\r\nseconde ligne ; point-virgule', resume: 'Résumé "cité"' },
      cr: { nom: NOMS.cr, description: 'Une description.', statut: 'abandonne', motifAbandon: 'Coût\r\ntrop élevé' },
      formule: {
        nom: NOMS.formule,
        description: ' =SOMME(A1:A9)',
        evaluation: { risqueCategorie: 'limite', erreur: 'faible', niveauAutomatisation: 'aide_a_la_decision', evaluationsImpact: [{ titre: 'AIPD, version 2', url: 'https://exemple.fr/aipd.pdf' }, { titre: 'Audit', url: 'https://exemple.fr/audit' }] },
      },
    };
    for (const [cle, data] of Object.entries(donnees)) {
      const reponse = await api().post('/api/projets').set(enteteJeton()).query({ status: 'published' }).send({ data: await projetValide(data) });
      expect([cle, reponse.status]).toEqual([cle, 201]);
      documents[cle] = reponse.body.data.documentId;
    }
  });

  it.each([
    ['projets.csv', COLONNES_PUBLIQUES, 'schema.json'],
    ['projets-etendu.csv', [...COLONNES_PUBLIQUES, ...COLONNES_ETENDUES], 'schema-etendu.json'],
  ])('%s : relu par un lecteur RFC 4180 strict et par Python, un enregistrement par projet publié, chaque ligne valide', async (nom, colonnes, schema) => {
    const reponse = await api().get(`/api/open-data/${nom}`);
    expect(reponse.status).toBe(200);
    expect(reponse.headers.link).toMatch(new RegExp(`^<https?://.+/api/open-data/${schema.replace('.', '\\.')}>; rel="describedby"`));
    expect(reponse.headers['x-schema-version']).toBe('1.1.0');
    const texte = reponse.text;
    expect(texte.endsWith('\r\n')).toBe(true);

    const strict = lireStrict(texte);
    const python = lirePython(texte);
    expect(python).toEqual(strict);
    expect(strict[0]).toEqual(colonnes);
    expect(strict.every((l) => l.length === colonnes.length)).toBe(true);
    const publies = (await api().get('/api/projets').query({ 'pagination[pageSize]': 1 })).body.meta.pagination.total;
    expect(strict).toHaveLength(publies + 1);

    const lignes = enObjets(strict);
    const descripteur = (await api().get(`/api/open-data/${schema}`)).body as Schema;
    for (const ligne of lignes) expect({ projet: ligne.Nom_du_projet, erreurs: validerLigne(ligne, colonnes, true, descripteur) }).toEqual({ projet: ligne.Nom_du_projet, erreurs: [] });
    const ligne = (n: string) => lignes.filter((l) => l.Nom_du_projet === n);
    expect(ligne(NOMS.lf)).toEqual([expect.objectContaining({ Description_service: 'Première ligne\nseconde ligne, avec virgule', Partenaires: 'Dupont, "Fils" et Cie' })]);
    expect(ligne(NOMS.crlf)).toEqual([expect.objectContaining({ Description_service: 'Première ligne\r\nseconde ligne ; point-virgule' })]);
    expect(ligne(NOMS.cr)).toEqual([expect.objectContaining({ Statut_du_projet: 'Abandonné', status_abandon: 'Coût\r\ntrop élevé' })]);
    expect(ligne(NOMS.formule)).toEqual([expect.objectContaining({ Description_service: "' =SOMME(A1:A9)", risque_categorie: 'risque limité', erreur: 'faible' })]);
  });

  it('CSV étendu et JSON : identifiant, adresse permanente, SIREN, vocabulaire de la bibliothèque', async () => {
    const lignes = enObjets(lireStrict((await api().get('/api/open-data/projets-etendu.csv')).text));
    const json = (await api().get('/api/open-data/projets.json')).body as Array<Record<string, unknown>>;
    for (const [cle, documentId] of Object.entries(documents)) {
      const ligne = lignes.find((l) => l.identifiant === documentId);
      expect([cle, ligne?.url]).toEqual([cle, expect.stringMatching(new RegExp(`^https?://.+/api/projets/${documentId}$`))]);
      expect((await api().get(new URL(ligne!.url).pathname)).body.data.documentId).toBe(documentId);
      expect(ligne).toMatchObject({ siren_collectivite: '243300316', publics_bibliotheque: 'Agent' });
      expect(json.find((j) => j.identifiant === documentId)).toMatchObject({ url: ligne!.url, siren_collectivite: '243300316' });
    }
    expect(lignes.find((l) => l.identifiant === documents.crlf)).toMatchObject({ statut_bibliotheque: 'En expérimentation', resume: 'Résumé "cité"' });
    expect(lignes.find((l) => l.identifiant === documents.formule)).toMatchObject({
      niveau_automatisation: 'Aide à la décision',
      evaluations_impact: 'https://exemple.fr/aipd.pdf AIPD, version 2\nhttps://exemple.fr/audit Audit',
    });
  });
});

describe('Fichiers défectueux', () => {
  it('fichier vide, en-tête seul, mauvais séparateur, Latin-1 : refusés en entier, avec la raison', async () => {
    const entete = sourceCsv.split('\n')[0];
    const cas: Array<[string, string | Buffer, RegExp]> = [
      ['vide.csv', '', /Fichier refusé : Le fichier est vide/],
      ['entete.csv', `${entete}\n`, /ne contient que la ligne d’en-tête/],
      ['tabulations.csv', sourceCsv.split('\n').slice(0, 2).join('\n').replace(/,/g, '\t'), /Séparateur non pris en charge \(la tabulation\) : le séparateur doit être la virgule ou le point-virgule/],
      ['latin1.csv', Buffer.from(sourceCsv, 'latin1'), /n’est pas en UTF-8 \(encodage probable : ISO-8859-1 \(Latin-1\) ; premier octet invalide ligne 2\)/],
    ];
    for (const [nom, contenu, motif] of cas) {
      const { code, erreurs } = await importer(fichier(nom, contenu));
      expect({ nom, code, erreurs }).toEqual({ nom, code: 1, erreurs: expect.stringMatching(motif) });
    }
  });

  it('fichier de 5 Mo : lu en entier, les lignes répétées signalées comme doublons', async () => {
    const entete = `${sourceCsv.split('\n')[0]}\n`;
    const corps = sourceCsv.slice(entete.length).replace(/\n*$/, '\n');
    let contenu = entete;
    while (Buffer.byteLength(contenu) < 5 * 1024 * 1024) contenu += corps;
    const gros = fichier('gros.csv', contenu);
    const copies = Math.round((Buffer.byteLength(contenu) - Buffer.byteLength(entete)) / Buffer.byteLength(corps));
    const rapport = path.join(dossier, 'gros.json');
    const { sortie } = await importer(gros, '--publier', '--creer-collectivites', '--rapport', rapport);
    const { bilan, lignes } = lireRapport(rapport);
    expect(lignes).toHaveLength(33 * copies);
    expect(bilan).toEqual({ cree: 0, modifie: 0, inchange: 33, rejete: 33 * copies - 33 });
    expect(lignes.filter((l) => l.resultat === 'rejete' && !/doublon de la ligne \d+/.test(l.raisons.join()))).toHaveLength(0);
    expect(sortie).toMatch(new RegExp(`\\[${33 * copies}/${33 * copies}\\]`));
  });

  it('une ligne fautive ne bloque pas les autres : doublon retenu, description absente ou valeurs inconnues en modération ; formule neutralisée à l’export', async () => {
    const avant = await api().get('/api/open-data/projets.csv');
    const entete = 'nom_projet;coll_nom;coll_siret;projet_date;projet_status;theme;usage_description;audience_service';
    const lignes = [
      'Tri des encombrants;Rennes Métropole;243 500 139 00189;01/2024;En déploiement;Mobilités;Une description.;Agent',
      'Tri des encombrants;Rennes Métropole;243 500 139 00189;01/2024;En déploiement;Mobilités;Une description.;Agent',
      'Sans description;Rennes Métropole;243 500 139 00189;01/2024;En déploiement;Mobilités;;Agent',
      'Statut inconnu;Rennes Métropole;243 500 139 00189;01/2024;Suspendu;Mobilités;Une description.;Martiens',
      '"=HYPERLINK(""http://exemple.fr"",""clic"")";Rennes Métropole;243 500 139 00189;01/2024;Terminé;Mobilités;Une description.;Élu',
    ];
    const chemin = fichier('fautif.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${entete}\n${lignes.join('\n')}\n`)]));
    const rapport = path.join(dossier, 'fautif.json');
    const { code } = await importer(chemin, '--publier', '--rapport', rapport);
    expect(code).toBe(2);
    const resultat = lireRapport(rapport);
    expect(resultat.bilan).toEqual({ cree: 4, modifie: 0, inchange: 0, rejete: 1 });
    expect(resultat.lignes.map((l) => [l.ligne, l.resultat, l.raisons.join(' ; '), l.nonPublie])).toEqual([
      [2, 'cree', '', null],
      [3, 'rejete', 'doublon de la ligne 2 (même collectivité, même nom de projet)', null],
      [4, 'cree', '', expect.stringMatching(/\(description\)/)],
      [5, 'cree', '', 'valeurs à reprendre (notes d’import)'],
      [6, 'cree', '', null],
    ]);
    expect(resultat.lignes[2].avertissements).toContainEqual(expect.objectContaining({ colonne: 'Description_service', message: expect.stringMatching(/brouillon incomplet/) }));
    expect(resultat.lignes[3].notes).toEqual(['Statut_du_projet : Suspendu', 'Audience : Martiens']);
    expect(await nombreDeProjets('Tri des encombrants')).toBe(1);

    const csv = await api().get('/api/open-data/projets.csv');
    expect(csv.headers.etag).not.toBe(avant.headers.etag);
    expect(csv.text).toContain('"\'=HYPERLINK(""http://exemple.fr"",""clic"")"');
    expect(csv.text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const json = (await api().get('/api/open-data/projets.json')).body as Array<Record<string, string>>;
    expect(json.find((p) => p.Nom_du_projet.includes('HYPERLINK'))).toMatchObject({ Nom_du_projet: '=HYPERLINK("http://exemple.fr","clic")', Audience: 'Elu', Statut_du_projet: 'Terminée' });
  });

  it('colonnes du modèle et champs restreints : importés dans le vocabulaire du CMS, puis inchangés au second passage', async () => {
    const entete = [
      'nom_projet', 'coll_nom', 'coll_siret', 'coll_type', 'projet_date', 'projet_status', 'theme', 'sous_theme', 'usage_description',
      'audience_service', 'partenaires', 'budget', 'herbergement', 'mise_en_oeuvre', 'donnees_source', 'donnees_acces', 'type_algorithme',
      'nom_algorithme', 'algorithme_description', 'risque_categorie', 'explicabilite', 'risque', 'projet_contact', 'date',
    ].join(',');
    const ligne = [
      'Prévision des crues', 'Département de la Drôme', '', 'Département', '3/2/2022', 'En déploiement', 'Transition écologique et énergétique',
      '"Gestion de l\'eau, Prévention et gestion des risques"', 'Prévoir les crues des rivières.', '"Agent, Elu"', 'Exo-Dev-Météo Services',
      'plus de 100k€', 'cloud chez un tiers', 'marché public', '"open data, jeu de données interne"', 'automatisée', '"Machine Learning, NSP"',
      'Modèle hydrologique', 'Réseau de neurones récurrent', 'risque limité', 'moyen', 'Fausses alertes possibles.', 'crues@ladrome.fr', '15/09/2025',
    ].join(',');
    const chemin = fichier('modele.csv', `${entete}\n${ligne}\n`);
    const premier = await importer(chemin, '--rapport', path.join(dossier, 'modele-1.json'));
    expect(premier.code).toBe(0);
    expect(lireRapport(path.join(dossier, 'modele-1.json')).lignes[0]).toMatchObject({ resultat: 'cree', collectivite: 'Drôme' });
    const second = await importer(chemin, '--rapport', path.join(dossier, 'modele-2.json'));
    expect(second.code).toBe(0);
    expect(lireRapport(path.join(dossier, 'modele-2.json')).bilan).toEqual({ cree: 0, modifie: 0, inchange: 1, rejete: 0 });

    const reponse = await api()
      .get('/api/projets')
      .set(enteteJeton())
      .query({ status: 'draft', 'filters[nom][$eq]': 'Prévision des crues', populate: '*' });
    expect(reponse.body.data).toHaveLength(1);
    const projet = reponse.body.data[0];
    // Without --publier the projet waits for the modérateurs, the transition recorded once.
    const revue = (await api().get(`/revue-editoriale/documents/api::projet.projet/${projet.documentId}`).set(enteteAdmin())).body.data;
    expect(revue.etat).toBe('en_moderation');
    expect(revue.historique.map((h: { action: string; role: string }) => [h.action, h.role])).toEqual([['soumettre', 'systeme']]);
    expect(projet).toMatchObject({
      statut: 'deploiement',
      dateDemarrage: '2022-02-01',
      budget: 'plus_100k',
      hebergement: 'cloud_tiers',
      miseEnOeuvre: 'marche_public',
      contact: 'crues@ladrome.fr',
      algorithme: { nom: 'Modèle hydrologique', description: 'Réseau de neurones récurrent' },
      donnees: { modeAcces: 'automatisee' },
      evaluation: { risqueCategorie: 'limite', explicabilite: 'moyen', risque: 'Fausses alertes possibles.' },
    });
    expect(projet.offreurs.map((o: { nom: string }) => o.nom).sort()).toEqual(['Exo-Dev', 'Météo Services']);
    expect(projet.techniquesIa.map((t: { slug: string }) => t.slug).sort()).toEqual(['apprentissage-automatique', 'nsp']);
    expect(projet.publics.map((p: { slug: string }) => p.slug).sort()).toEqual(['agent', 'elu']);
  });
});
