/**
 * Files of the other generations of the Interconnectés spreadsheet, imported as a user runs the command:
 * old column names and vocabulary, values that match nothing (kept in the import notes, projet in
 * moderation), rows held back (kept whole in the report), --publier on a projet that cannot be published,
 * and the extended open-data columns read back.
 */
import { execFile } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { api, enteteAdmin, enteteJeton } from '../helpers/http';

const RACINE = path.resolve(__dirname, '../..');
const UID_PROJET = 'api::projet.projet';

interface Execution {
  code: number;
  sortie: string;
  erreurs: string;
}
interface Ligne {
  ligne: number;
  projet: string;
  resultat: string;
  documentId: string | null;
  raisons: string[];
  avertissements: Array<{ colonne: string; valeur: string; message: string }>;
  normalisations: Array<{ colonne: string; source: string; retenu: string; regle: string }>;
  cellules: Record<string, string>;
  notes: string[];
  nonPublie: string | null;
}
interface Rapport {
  bilan: Record<'cree' | 'modifie' | 'inchange' | 'rejete', number>;
  lecturesColonnes: string[];
  lignes: Ligne[];
}

function importer(...args: string[]): Promise<Execution> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(RACINE, 'dist/scripts/import.js'), ...args], { cwd: RACINE, env: process.env, maxBuffer: 64 * 1024 * 1024 }, (erreur, sortie, erreurs) => {
      resolve({ code: erreur ? Number(erreur.code ?? 1) : 0, sortie, erreurs });
    });
  });
}

let dossier: string;
beforeAll(() => {
  dossier = mkdtempSync(path.join(os.tmpdir(), 'import-generations-'));
});
afterAll(() => rmSync(dossier, { recursive: true, force: true }));

/** Writes the file, imports it with a report, returns both. */
async function importerFichier(nom: string, entetes: string[], lignes: string[][], ...options: string[]): Promise<{ execution: Execution; rapport: Rapport }> {
  const echapper = (cellule: string) => (/[;"\n]/.test(cellule) ? `"${cellule.replace(/"/g, '""')}"` : cellule);
  const chemin = path.join(dossier, nom);
  writeFileSync(chemin, [entetes, ...lignes].map((l) => l.map(echapper).join(';')).join('\n') + '\n');
  const cheminRapport = path.join(dossier, `${nom}.json`);
  const execution = await importer(chemin, '--rapport', cheminRapport, ...options);
  return { execution, rapport: JSON.parse(readFileSync(cheminRapport, 'utf8')) };
}

/** The draft as the full-access token reads it (Restreint fields included, notesImport never). */
async function brouillon(documentId: string, populate: unknown = '*'): Promise<Record<string, any>> {
  const reponse = await api().get(`/api/projets/${documentId}`).set(enteteJeton()).query({ status: 'draft', populate });
  expect(reponse.status).toBe(200);
  return reponse.body.data;
}
/** The import notes, as the admin panel shows them. */
async function notesImport(documentId: string): Promise<string | null> {
  const reponse = await api().get(`/content-manager/collection-types/${UID_PROJET}/${documentId}`).set(enteteAdmin()).query({ status: 'draft' });
  expect(reponse.status).toBe(200);
  return reponse.body.data.notesImport;
}
async function etatRevue(documentId: string): Promise<string> {
  return (await api().get(`/revue-editoriale/documents/${UID_PROJET}/${documentId}`).set(enteteAdmin())).body.data.etat;
}
async function estPublie(documentId: string): Promise<boolean> {
  return (await api().get(`/api/projets/${documentId}`)).status === 200;
}
const slugs = (valeurs: Array<{ slug: string }> | undefined) => (valeurs ?? []).map((v) => v.slug).sort();

describe('Fichier de 1re génération', () => {
  const entetes = [
    'nom_projet', 'coll_nom', 'coll_siret', 'coll_type', 'projet_date', 'projet_status', 'theme', 'sous_theme', 'usage_service',
    'cible_service', 'nom_algorithme', 'description', 'status_abandon', 'risque_categorie', 'herbergement', 'partenaires',
  ];
  const lignes = [
    [
      'Tri des biodéchets G1', 'Brest Métropole', '242.900.314', 'Métropole', '02/13/2023', 'POC', 'Transition écologique',
      'Transition écologique et énergétique - Déchets et économie circulaire', 'Reconnaître les déchets.', 'Citoyens, Agents', 'YOLO',
      'Détection d’objets', '', 'Minimal', 'Cloud', 'Acme Vision G1; Université de Bretagne Occidentale G1',
    ],
    [
      'Assistant courrier G1', 'Brest Métropole', '242900314', 'Métropole', '2023', 'En construction', 'Administration', 'Gestion du courrier',
      'Trier le courrier entrant.', 'Usagers', '', '', '', 'Risque faible', 'Serveur du prestataire', '',
    ],
    ['', '', '', 'Commune', '01/2024', 'POC', 'Mobilités', '', 'Une ligne sans nom ni collectivité.', 'Agent', '', '', '', '', '', ''],
    ['Projet d’une commune inconnue G1', 'Commune de Nullepart-sur-Rien', '', 'Commune', '01/2024', 'POC', 'Mobilités', '', 'Texte.', 'Agent', '', '', '', '', '', ''],
  ];
  let rapport: Rapport;
  let execution: Execution;

  beforeAll(async () => {
    ({ rapport, execution } = await importerFichier('generation-1.csv', entetes, lignes));
  });

  it('les anciennes colonnes sont lues (la colonne « description » l’est comme celle de l’algorithme, et c’est dit)', () => {
    expect(execution.erreurs).not.toMatch(/Fichier refusé/);
    expect(rapport.lecturesColonnes).toEqual([expect.stringMatching(/« description » lue comme la description de l’algorithme/)]);
    expect(execution.sortie).toMatch(/Colonnes : colonne « description » lue comme la description de l’algorithme/);
    expect(rapport.bilan).toEqual({ cree: 2, modifie: 0, inchange: 0, rejete: 2 });
    expect(execution.code).toBe(2);
  });

  it('une ligne de 1re génération entre, dans le vocabulaire du CMS, la date américaine lue et dite', async () => {
    const ligne = rapport.lignes[0];
    expect(ligne).toMatchObject({ resultat: 'cree', notes: [], nonPublie: null });
    expect(ligne.normalisations).toEqual(expect.arrayContaining([expect.objectContaining({ colonne: 'Date_de_demarrage', source: '02/13/2023', regle: expect.stringMatching(/usage américain/) })]));
    const projet = await brouillon(ligne.documentId as string);
    expect(projet).toMatchObject({
      nom: 'Tri des biodéchets G1',
      description: 'Reconnaître les déchets.',
      statut: 'experimentation',
      dateDemarrage: '2023-02-01',
      hebergement: 'cloud_tiers',
      algorithme: { nom: 'YOLO', description: 'Détection d’objets' },
      evaluation: { risqueCategorie: 'minimal' },
      thematique: { slug: 'transition-ecologique-et-energetique' },
    });
    expect(slugs(projet.sousThematiques)).toEqual(['dechets-et-economie-circulaire']);
    expect(slugs(projet.publics)).toEqual(['agent', 'grand-public']);
    expect(projet.offreurs.map((o: { nom: string }) => o.nom).sort()).toEqual(['Acme Vision G1', 'Université de Bretagne Occidentale G1']);
    expect(await notesImport(ligne.documentId as string)).toBeNull();
    expect(await etatRevue(ligne.documentId as string)).toBe('en_moderation');
  });

  it('des valeurs inconnues ou ambiguës : projet créé en modération, valeurs gardées mot pour mot dans les notes, jamais servies', async () => {
    const ligne = rapport.lignes[1];
    expect(ligne.resultat).toBe('cree');
    const notes = ['Date_de_demarrage : 2023', 'Statut_du_projet : En construction', 'Sous_Theme : Gestion du courrier', 'Audience : Usagers', 'risque_categorie : Risque faible', 'herbergement : Serveur du prestataire'];
    expect([...ligne.notes].sort()).toEqual([...notes].sort());
    for (const [colonne, valeur] of notes.map((n) => n.split(' : '))) {
      expect(ligne.avertissements).toContainEqual(expect.objectContaining({ colonne, valeur, message: expect.stringMatching(/gardée dans les notes d’import$/) }));
    }
    const documentId = ligne.documentId as string;
    expect((await notesImport(documentId))?.split('\n').sort()).toEqual([...notes].sort());
    const projet = await brouillon(documentId);
    expect(projet).toMatchObject({ statut: null, hebergement: null, dateDemarrage: '2023-01-01', thematique: { slug: 'administration-et-organisation-interne' } });
    expect(projet.evaluation?.risqueCategorie ?? null).toBeNull();
    expect(projet.publics).toEqual([]);
    expect(projet).not.toHaveProperty('notesImport');
    expect(await etatRevue(documentId)).toBe('en_moderation');
  });

  it('une ligne retenue (sans nom ni collectivité, ou collectivité introuvable) garde toutes ses cellules au rapport', () => {
    const [sansNom, inconnue] = rapport.lignes.slice(2);
    expect(sansNom).toMatchObject({ resultat: 'rejete', documentId: null, raisons: [expect.stringMatching(/nom du projet absent/), expect.stringMatching(/ni nom ni SIRET/)] });
    expect(sansNom.cellules).toEqual(Object.fromEntries(entetes.map((e, i) => [e, lignes[2][i]])));
    expect(inconnue).toMatchObject({ resultat: 'rejete', raisons: [expect.stringMatching(/absente du référentiel/)] });
    expect(inconnue.cellules).toEqual(Object.fromEntries(entetes.map((e, i) => [e, lignes[3][i]])));
    expect(execution.sortie).toMatch(/Lignes rejetées \(gardées entières dans le rapport JSON\)/);
  });

  it('second passage : rien ne change', async () => {
    const second = await importerFichier('generation-1.csv', entetes, lignes);
    expect(second.rapport.bilan).toEqual({ cree: 0, modifie: 0, inchange: 2, rejete: 2 });
  });
});

describe('--publier et les règles de publication', () => {
  const entetes = ['Nom_collectivite', 'Nom_du_projet', 'SIRET', 'Type_de_collectivite', 'Date_de_demarrage', 'Statut_du_projet', 'status_abandon', 'Description_service', 'Theme', 'Audience'];
  const lignes = [
    ['Brest Métropole', 'Chatbot abandonné sans motif', '242900314', 'Métropole', '03/2022', 'Abandonné', '', 'Un agent conversationnel.', 'Citoyenneté, santé et solidarité', 'Grand public'],
    ['Brest Métropole', 'Détection des fuites publiable', '242900314', 'Métropole', '03/2022', 'En déploiement', '', 'Repérer les fuites du réseau d’eau.', 'Transition écologique et énergétique', 'Agent'],
  ];

  it('un projet abandonné sans motif est importé en modération avec la raison, l’autre publié ; rien n’est rejeté', async () => {
    const { execution, rapport } = await importerFichier('publier.csv', entetes, lignes, '--publier');
    expect(rapport.bilan).toEqual({ cree: 2, modifie: 0, inchange: 0, rejete: 0 });
    expect(execution.code).toBe(0);
    expect(execution.sortie).toMatch(/en modération faute de pouvoir être publiés : 1/);
    const [abandonne, publiable] = rapport.lignes;
    expect(abandonne.nonPublie).toMatch(/\(motifAbandon\) est obligatoire quand le projet est abandonné/);
    expect(abandonne.avertissements).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/^non publié : .*motifAbandon.* ; en modération$/) }));
    expect(await estPublie(abandonne.documentId as string)).toBe(false);
    expect(await etatRevue(abandonne.documentId as string)).toBe('en_moderation');
    // The draft keeps its statut and waits for its motif: nothing invented, nothing moved to the notes.
    expect(await brouillon(abandonne.documentId as string)).toMatchObject({ nom: 'Chatbot abandonné sans motif', statut: 'abandonne', motifAbandon: null, description: 'Un agent conversationnel.' });
    expect(abandonne.notes).toEqual([]);
    expect(await notesImport(abandonne.documentId as string)).toBeNull();
    expect(publiable.nonPublie).toBeNull();
    expect(await estPublie(publiable.documentId as string)).toBe(true);

    const second = await importerFichier('publier.csv', entetes, lignes, '--publier');
    expect(second.rapport.bilan).toEqual({ cree: 0, modifie: 0, inchange: 2, rejete: 0 });
    expect(second.rapport.lignes[0].nonPublie).toMatch(/motifAbandon/);
    expect(await etatRevue(abandonne.documentId as string)).toBe('en_moderation');
  });

  it('des valeurs gardées dans les notes retiennent la publication : un modérateur les voit d’abord', async () => {
    const { rapport } = await importerFichier('publier-notes.csv', entetes, [
      ['Brest Métropole', 'Statut ambigu à publier', '242900314', 'Métropole', '03/2022', 'Arrêté', '', 'Texte.', 'Mobilités', 'Agent'],
    ], '--publier');
    expect(rapport.lignes[0]).toMatchObject({ resultat: 'cree', nonPublie: 'valeurs à reprendre (notes d’import)', notes: ['Statut_du_projet : Arrêté'] });
    expect(await estPublie(rapport.lignes[0].documentId as string)).toBe(false);
    expect(await etatRevue(rapport.lignes[0].documentId as string)).toBe('en_moderation');
  });
});

describe('Colonnes étendues de l’open data', () => {
  it('identifiant, siren_collectivite, statut et publics de la bibliothèque, résumé, partenaires, évaluation : relus', async () => {
    const entetes = ['identifiant', 'Nom_du_projet', 'Nom_collectivite', 'SIRET', 'siren_collectivite', 'Type_de_collectivite', 'Statut_du_projet', 'Description_service', 'Theme'];
    const premier = await importerFichier('etendu-avant.csv', entetes, [['', 'Projet étendu', 'Brest Métropole', '', '242900314', 'EPCI', 'En expérimentation', 'Avant.', 'Mobilités']]);
    const documentId = premier.rapport.lignes[0].documentId as string;
    expect(premier.rapport.lignes[0].resultat).toBe('cree');

    const { rapport } = await importerFichier(
      'etendu.csv',
      [
        'identifiant', 'url', 'Nom_collectivite', 'SIRET', 'siren_collectivite', 'Nom_du_projet', 'Statut_du_projet', 'statut_bibliotheque', 'Audience',
        'publics_bibliotheque', 'resume', 'collectivites_partenaires', 'niveau_automatisation', 'intervention_humaine', 'evaluations_impact', 'Description_service', 'Theme',
      ],
      [[
        documentId, `http://exemple.fr/api/projets/${documentId}`, 'Brest Métropole', '', '242900314', 'Projet étendu renommé', 'En expérimentation', 'En exploration', 'Agent',
        'Agent, Autre', 'Un résumé court.', '244400404, 999999999', 'Aide à la décision', 'Un agent relit chaque proposition.',
        'https://exemple.fr/aipd.pdf Analyse d’impact', 'Après.', 'Mobilités',
      ]],
    );
    expect(rapport.lecturesColonnes).toEqual([expect.stringMatching(/« url » ignorée/)]);
    const ligne = rapport.lignes[0];
    expect(ligne).toMatchObject({ resultat: 'modifie', documentId, notes: ['collectivites_partenaires : 999999999'] });
    const projet = await brouillon(documentId, { collectivite: true, publics: true, collectivitesPartenaires: true, evaluation: { populate: '*' } });
    expect(projet).toMatchObject({
      nom: 'Projet étendu renommé',
      statut: 'exploration',
      resume: 'Un résumé court.',
      description: 'Après.',
      collectivite: { nom: 'Brest Métropole' },
      evaluation: {
        niveauAutomatisation: 'aide_a_la_decision',
        interventionHumaine: 'Un agent relit chaque proposition.',
        evaluationsImpact: [expect.objectContaining({ url: 'https://exemple.fr/aipd.pdf', titre: 'Analyse d’impact' })],
      },
    });
    expect(slugs(projet.publics)).toEqual(['agent', 'autre']);
    expect(projet.collectivitesPartenaires.map((c: { nom: string }) => c.nom)).toEqual(['Nantes Métropole']);
  });
});
