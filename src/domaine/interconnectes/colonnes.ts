/**
 * Columns an import file may use: the Table Schema's names, or the snake_case names of the data model
 * (README, « Import »), in any order and any case. Each is mapped to its Table Schema name.
 */
import { SCHEMA_INTERCONNECTES } from './schema';
import { COLONNES_REQUISES } from './ligne';

/** snake_case name of the data model → Table Schema name (the names the schema shares are not repeated). */
const NOMS_MODELE: Readonly<Record<string, string>> = {
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
};

const PAR_NOM: ReadonlyMap<string, string> = new Map([
  ...SCHEMA_INTERCONNECTES.fields.map((f) => [f.name.toLowerCase(), f.name] as const),
  ...Object.entries(NOMS_MODELE).map(([nom, colonne]) => [nom.toLowerCase(), colonne] as const),
]);

export interface CorrespondanceColonnes {
  /** index in the file → Table Schema name */
  colonnes: Array<string | null>;
  /** columns of the file that match nothing (reported, not fatal) */
  inconnues: string[];
  /** two columns of the file naming the same field (fatal: which one to believe?) */
  doublons: Array<{ colonne: string; entetes: string[] }>;
}

export function correspondreColonnes(entetes: readonly string[]): CorrespondanceColonnes {
  const colonnes = entetes.map((entete) => PAR_NOM.get(entete.replace(/^\uFEFF/, '').trim().toLowerCase()) ?? null);
  const inconnues = entetes.filter((entete, i) => colonnes[i] === null && entete.trim() !== '');
  const doublons: CorrespondanceColonnes['doublons'] = [];
  for (const colonne of new Set(colonnes)) {
    if (colonne === null) continue;
    const memes = entetes.filter((_, i) => colonnes[i] === colonne);
    if (memes.length > 1) doublons.push({ colonne, entetes: memes });
  }
  return { colonnes, inconnues, doublons };
}

/** Why a file cannot be imported at all, from its columns (null when they will do). */
export function erreurColonnes(entetes: readonly string[], correspondance: CorrespondanceColonnes): string | null {
  const { colonnes, doublons } = correspondance;
  if (doublons.length > 0) {
    return `Colonnes en double : ${doublons.map((d) => `${d.entetes.join(' et ')} (${d.colonne})`).join(' ; ')}.`;
  }
  const presentes = new Set(colonnes.filter((c): c is string => c !== null));
  const manquantes: string[] = COLONNES_REQUISES.filter((c) => !presentes.has(c));
  if (!presentes.has('Nom_collectivite') && !presentes.has('SIRET')) manquantes.push('Nom_collectivite ou SIRET');
  if (manquantes.length === 0) return null;
  const uneSeule = entetes.length === 1 ? ` Une seule colonne lue (« ${entetes[0].slice(0, 60)} ») : le séparateur doit être la virgule ou le point-virgule.` : '';
  return `Colonnes obligatoires absentes : ${manquantes.join(', ')}.${uneSeule}`;
}
