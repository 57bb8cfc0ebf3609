/**
 * Columns an import file may use, generation by generation (README, « Import de la bibliothèque existante »), in any order. Headers
 * are compared with a loose key: no accents, any case, spaces, underscores, hyphens and apostrophes
 * equivalent (« Sous-thème » = « sous_theme » = « Sous_Theme »). Each is mapped to its canonical name:
 * the Table Schema's, or one of the extended open-data columns.
 */
import { COLONNES_ETENDUES, SCHEMA_INTERCONNECTES } from './schema';
import { sansAccents } from '../slug';

/** Read but not imported: the permanent address is the CMS's own, recomputed. */
export const COLONNES_IGNOREES: readonly string[] = ['url'];

export interface GenerationColonnes {
  nom: string;
  /** header → canonical column */
  colonnes: Readonly<Record<string, string>>;
}

/** The other names of each generation, grouped (the Table Schema's and the extended ones map to themselves). */
export const GENERATIONS_COLONNES: readonly GenerationColonnes[] = [
  {
    nom: 'Modèle de données (snake_case)',
    colonnes: {
      coll_nom: 'Nom_collectivite',
      nom_projet: 'Nom_du_projet',
      coll_siret: 'SIRET',
      coll_type: 'Type_de_collectivite',
      projet_date: 'Date_de_demarrage',
      projet_status: 'Statut_du_projet',
      partenaires: 'Partenaires',
      usage_description: 'Description_service',
      theme: 'Theme',
      sous_theme: 'Sous_Theme',
      audience_service: 'Audience',
      url_infos: 'URL_Service',
      image_url: 'URL_Logo',
      latitude: 'Latitude',
      longitude: 'Longitude',
      date: 'Date_de_derniere_mise_a_jour',
    },
  },
  {
    // `description` of the algorithm and `status_abandon`, `risque_categorie`, `herbergement` are read
    // by their own names; `description` is resolved by `correspondreColonnes` (see DESCRIPTION).
    nom: '1re génération (2023)',
    colonnes: {
      usage_service: 'Description_service',
      cible_service: 'Audience',
      hebergement: 'herbergement',
      proportionnalite: 'proportionalite',
    },
  },
  {
    nom: 'Intitulés en clair (tableurs, exports 2025)',
    colonnes: {
      'Nom de la collectivité': 'Nom_collectivite',
      Collectivité: 'Nom_collectivite',
      'Collectivité porteuse': 'Nom_collectivite',
      'Nom du projet': 'Nom_du_projet',
      Projet: 'Nom_du_projet',
      'Numéro SIRET': 'SIRET',
      'Type de collectivité': 'Type_de_collectivite',
      'Date de démarrage': 'Date_de_demarrage',
      'Date de début': 'Date_de_demarrage',
      Statut: 'Statut_du_projet',
      'Statut du projet': 'Statut_du_projet',
      "Motif d'abandon": 'status_abandon',
      'Description du service': 'Description_service',
      Thème: 'Theme',
      'Thématique': 'Theme',
      'Sous-thème': 'Sous_Theme',
      'Sous-thèmes': 'Sous_Theme',
      'Sous-thématiques': 'Sous_Theme',
      'Public cible': 'Audience',
      'Publics cibles': 'Audience',
      Publics: 'Audience',
      'Lien du service': 'URL_Service',
      Logo: 'URL_Logo',
      'Date de dernière mise à jour': 'Date_de_derniere_mise_a_jour',
      Contact: 'projet_contact',
      Budget: 'budget',
      'Mise en œuvre': 'mise_en_oeuvre',
      'Nom de l’algorithme': 'nom_algorithme',
      "Type d'algorithme": 'type_algorithme',
      'Impact environnemental': 'impact_environnement',
      'Source des données': 'donnees_source',
      'Sources des données': 'donnees_source',
      'Accès aux données': 'donnees_acces',
      'Catégorie de risque': 'risque_categorie',
      'Résumé': 'resume',
    },
  },
];

/** Columns a projet cannot be published without: absent, the projets created are incomplete drafts. */
const COLONNES_DE_PUBLICATION = ['Description_service', 'Statut_du_projet', 'Theme'] as const;

/** A column literally named so is the algorithm's description next to `nom_algorithme`, else the service's. */
const DESCRIPTION = 'description';

/** Loose comparison key of a header: no BOM, no accents, lower case, any run of separators as one `_`. */
export function cleColonne(entete: string): string {
  return sansAccents(entete.replace(/^\uFEFF/, ''))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

const PAR_CLE: ReadonlyMap<string, string> = new Map([
  ...SCHEMA_INTERCONNECTES.fields.map((f) => [cleColonne(f.name), f.name] as const),
  ...COLONNES_ETENDUES.map((nom) => [cleColonne(nom), nom] as const),
  ...GENERATIONS_COLONNES.flatMap((g) => Object.entries(g.colonnes).map(([nom, colonne]) => [cleColonne(nom), colonne] as const)),
]);

export interface CorrespondanceColonnes {
  /** index in the file → canonical column */
  colonnes: Array<string | null>;
  /** columns of the file that match nothing (reported, not fatal) */
  inconnues: string[];
  /** two columns of the file naming the same field (fatal: which one to believe?) */
  doublons: Array<{ colonne: string; entetes: string[] }>;
  /** how a header was read when it needed a decision (the `description` column), for the report */
  lectures: string[];
}

export function correspondreColonnes(entetes: readonly string[]): CorrespondanceColonnes {
  const colonnes: Array<string | null> = entetes.map((entete) => PAR_CLE.get(cleColonne(entete)) ?? null);
  const lectures: string[] = [];
  const indexDescription = entetes.findIndex((e) => cleColonne(e) === DESCRIPTION);
  if (indexDescription >= 0) {
    const entete = entetes[indexDescription];
    if (colonnes.includes('nom_algorithme')) {
      colonnes[indexDescription] = 'algorithme_description';
      lectures.push(`colonne « ${entete} » lue comme la description de l’algorithme (algorithme_description) : le fichier a une colonne nom_algorithme`);
    } else if (colonnes.includes('Description_service')) {
      colonnes[indexDescription] = 'algorithme_description';
      lectures.push(`colonne « ${entete} » lue comme la description de l’algorithme (algorithme_description) : la description du service a sa propre colonne`);
    } else {
      colonnes[indexDescription] = 'Description_service';
      lectures.push(`colonne « ${entete} » lue comme la description du service (Description_service) : le fichier n’a ni nom_algorithme ni autre description`);
    }
  }
  const inconnues = entetes.filter((entete, i) => colonnes[i] === null && entete.trim() !== '');
  const doublons: CorrespondanceColonnes['doublons'] = [];
  for (const colonne of new Set(colonnes)) {
    if (colonne === null) continue;
    const memes = entetes.filter((_, i) => colonnes[i] === colonne);
    if (memes.length > 1) doublons.push({ colonne, entetes: memes });
  }
  const absentes = COLONNES_DE_PUBLICATION.filter((c) => !colonnes.includes(c) && !(c === 'Statut_du_projet' && colonnes.includes('statut_bibliotheque')));
  if (absentes.length > 0) {
    lectures.push(`colonne${absentes.length > 1 ? 's' : ''} ${absentes.join(', ')} absente${absentes.length > 1 ? 's' : ''} : les projets créés seront des brouillons incomplets, à compléter avant publication`);
  }
  const ignorees = entetes.filter((_, i) => colonnes[i] !== null && COLONNES_IGNOREES.includes(colonnes[i] as string));
  if (ignorees.length > 0) lectures.push(`colonne${ignorees.length > 1 ? 's' : ''} ${ignorees.map((e) => `« ${e} »`).join(', ')} ignorée : adresse permanente, recalculée par le CMS`);
  return { colonnes, inconnues, doublons, lectures };
}

/**
 * Why a file cannot be imported at all, from its columns (null when they will do): only what no
 * projet can exist without, a name and its collectivité. Other absent columns leave the projets
 * incomplete (drafts, reported row by row).
 */
export function erreurColonnes(entetes: readonly string[], correspondance: CorrespondanceColonnes): string | null {
  const { colonnes, doublons } = correspondance;
  if (doublons.length > 0) {
    return `Colonnes en double : ${doublons.map((d) => `${d.entetes.join(' et ')} (${d.colonne})`).join(' ; ')}.`;
  }
  const presentes = new Set(colonnes.filter((c): c is string => c !== null));
  const manquantes: string[] = [];
  if (!presentes.has('Nom_du_projet')) manquantes.push('Nom_du_projet');
  if (!presentes.has('Nom_collectivite') && !presentes.has('SIRET') && !presentes.has('siren_collectivite')) manquantes.push('Nom_collectivite ou SIRET');
  if (manquantes.length === 0) return null;
  const uneSeule = entetes.length === 1 ? ` Une seule colonne lue (« ${entetes[0].slice(0, 60)} ») : le séparateur doit être la virgule ou le point-virgule.` : '';
  return `Colonnes obligatoires absentes : ${manquantes.join(', ')}.${uneSeule}`;
}

/** The README table of the column names (section « Import »), generated from the table above. */
export function tableColonnesMarkdown(): string {
  const lignes = ['| Génération | Colonne du fichier | Lue comme |', '|---|---|---|'];
  lignes.push(`| Table Schema 2024 | ${SCHEMA_INTERCONNECTES.fields.map((f) => `\`${f.name}\``).join(', ')} | elle-même |`);
  for (const g of GENERATIONS_COLONNES) {
    for (const [nom, colonne] of Object.entries(g.colonnes)) lignes.push(`| ${g.nom} | \`${nom}\` | \`${colonne}\` |`);
  }
  lignes.push(
    '| 1re génération (2023) | `description` | `algorithme_description` quand le fichier a `nom_algorithme` ou une autre colonne de description, sinon `Description_service` |',
  );
  lignes.push(`| Open data étendu | ${COLONNES_ETENDUES.map((c) => `\`${c}\``).join(', ')} | elles-mêmes (\`url\` ignorée) |`);
  return lignes.join('\n');
}
