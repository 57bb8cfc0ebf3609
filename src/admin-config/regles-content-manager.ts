/**
 * Règles de la vue d’édition et de la vue liste du content-manager de Strapi, recopiées de
 * @strapi/content-manager 5.54.0 (node_modules/@strapi/content-manager/dist/server) pour que la
 * configuration que nous écrivons (configuration.ts) soit celle que Strapi accepterait et garderait.
 *
 * À REVÉRIFIER À CHAQUE MISE À JOUR DE STRAPI : comparer avec les fichiers recopiés ci-dessous ; un
 * écart ici rend la configuration refusée au démarrage, ou réécrite par Strapi en silence.
 * - services/field-sizes.js : tailles par type (12 imposé et non redimensionnable pour component,
 *   dynamiczone, json, richtext, blocks ; 4 par défaut pour boolean, date, time, nombres ; 6 par défaut
 *   pour le reste) ;
 * - services/utils/configuration/layouts.js : `isAllowedFieldSize` (taille imposée si non
 *   redimensionnable, sinon ≤ 12), `appendToEditLayout` (ligne de 12 colonnes au plus) ;
 * - services/utils/configuration/attributes.js : `isListable`, `isSortable`, `isVisible`,
 *   `hasEditableAttribute` ;
 * - controllers/validation/model-configuration.js : `settings.mainField` parmi les champs listables,
 *   `metadatas.*.edit.mainField` parmi les champs listables du type cible (vérifié par configuration.ts).
 * configuration.ts suit aussi services/utils/configuration/{layouts,settings,metadatas}.js (`syncLayouts`,
 * `syncSettings`, `syncMetadatas`) là où elle nettoie ce que Strapi a stocké : à relire avec ces fichiers.
 *
 * Fonctions pures, sans dépendance à Strapi.
 */

export type Attribut = { type: string; [cle: string]: unknown };
export type Attributs = Record<string, Attribut>;

export interface ElementMiseEnPage {
  name: string;
  size: number;
}

/** Largeur de la grille de la vue d’édition (layouts.js : MAX_ROW_SIZE). */
export const TAILLE_LIGNE = 12;

interface TailleChamp {
  defaut: number;
  redimensionnable: boolean;
}

const PLEINE_LARGEUR: TailleChamp = { defaut: 12, redimensionnable: false };
const PETITE: TailleChamp = { defaut: 4, redimensionnable: true };
const MOYENNE: TailleChamp = { defaut: 6, redimensionnable: true };

/** Copie de services/field-sizes.js. */
export const TAILLES_PAR_TYPE: Readonly<Record<string, TailleChamp>> = {
  dynamiczone: PLEINE_LARGEUR,
  component: PLEINE_LARGEUR,
  json: PLEINE_LARGEUR,
  richtext: PLEINE_LARGEUR,
  blocks: PLEINE_LARGEUR,
  checkbox: PETITE,
  boolean: PETITE,
  date: PETITE,
  time: PETITE,
  biginteger: PETITE,
  decimal: PETITE,
  float: PETITE,
  integer: PETITE,
  number: PETITE,
  datetime: MOYENNE,
  email: MOYENNE,
  enumeration: MOYENNE,
  media: MOYENNE,
  password: MOYENNE,
  relation: MOYENNE,
  string: MOYENNE,
  text: MOYENNE,
  timestamp: MOYENNE,
  uid: MOYENNE,
};

/** Largeurs que propose l’écran « Configurer la vue » de l’administration (33 %, 50 %, 66 %, 100 %). */
export const TAILLES_PROPOSEES: readonly number[] = [4, 6, 8, 12];

/** Champs ajoutés par Strapi, jamais modifiables dans la vue d’édition (attributes.js : isVisible). */
const CHAMPS_SYSTEME = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'firstPublishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
]);

const NON_LISTABLES = ['json', 'password', 'richtext', 'dynamiczone', 'blocks'];
const RELATIONS_LISTABLES = ['oneToOne', 'oneToMany', 'manyToOne', 'manyToMany'];
const NON_TRIABLES = ['component', 'json', 'media', 'richtext', 'dynamiczone', 'blocks'];
const RELATIONS_TRIABLES = ['oneToOne', 'manyToOne'];

/** Le modèle du content-manager porte `relationType`, le schéma brut `relation`. */
const typeDeRelation = (attribut: Attribut): string | undefined => {
  const valeur = attribut.relationType ?? attribut.relation;
  return typeof valeur === 'string' ? valeur : undefined;
};

export const cibleDeRelation = (attribut: Attribut): string | undefined => {
  const valeur = attribut.targetModel ?? attribut.target;
  return typeof valeur === 'string' ? valeur : undefined;
};

/** Taille d’un type ; un type inconnu (champ personnalisé) occupe toute la ligne. */
export function tailleDuType(type: string): TailleChamp {
  return TAILLES_PAR_TYPE[type] ?? PLEINE_LARGEUR;
}

/** layouts.js : isAllowedFieldSize. */
export function tailleAutorisee(type: string, taille: number): boolean {
  const regle = tailleDuType(type);
  if (!Number.isInteger(taille) || taille <= 0) return false;
  if (!regle.redimensionnable) return taille === regle.defaut;
  return taille <= TAILLE_LIGNE;
}

/** attributes.js : hasEditableAttribute (un champ visible est modifiable dans la vue d’édition). */
export function estModifiable(nom: string, attribut: Attribut): boolean {
  return !CHAMPS_SYSTEME.has(nom) && attribut.visible !== false;
}

/** attributes.js : isListable. */
export function estListable(attribut: Attribut): boolean {
  if (NON_LISTABLES.includes(attribut.type)) return false;
  if (attribut.type === 'relation') return RELATIONS_LISTABLES.includes(typeDeRelation(attribut) ?? '');
  return true;
}

/** attributes.js : isSortable (et isSearchable, qui lui est identique). */
export function estTriable(attribut: Attribut): boolean {
  if (NON_TRIABLES.includes(attribut.type)) return false;
  if (attribut.type === 'relation') return RELATIONS_TRIABLES.includes(typeDeRelation(attribut) ?? '');
  return true;
}

/** Range des éléments en lignes de 12 colonnes au plus (layouts.js : appendToEditLayout), dans l’ordre, sans jamais couper un élément. */
export function ranger(elements: ElementMiseEnPage[]): ElementMiseEnPage[][] {
  const lignes: ElementMiseEnPage[][] = [];
  let courante: ElementMiseEnPage[] = [];
  let largeur = 0;
  for (const element of elements) {
    if (courante.length > 0 && largeur + element.size > TAILLE_LIGNE) {
      lignes.push(courante);
      courante = [];
      largeur = 0;
    }
    courante.push(element);
    largeur += element.size;
  }
  if (courante.length > 0) lignes.push(courante);
  return lignes;
}
