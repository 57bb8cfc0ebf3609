/**
 * The vocabulary shared by the importer and the open-data export: for each CMS enumeration value, the
 * Table Schema label and the other spellings found in source files. One table, both directions:
 * import resolves a label to a value (`resoudre`), export turns a value into the label of the schema
 * enumeration (`libelleExport`).
 */
import { enumeration } from './schema';
import { cleTexte } from './texte';
import { PUBLICS_CIBLES, THEMATIQUES, TECHNIQUES_IA, resoudreEntree, type EntreeTaxonomie } from '../../referentiel/taxonomies';

export interface Terme {
  /** CMS value (enumeration value, or taxonomy slug). */
  valeur: string;
  /** Labels accepted on import; the first one that belongs to the schema enumeration is the export label. */
  libelles: readonly string[];
  /** Export label when none of `libelles` is in the schema (a CMS value the schema has no word for). */
  exporteComme?: string;
  /** Collectivité sub-type implied by a label (types only), e.g. « Métropole » → METRO. */
  sousTypes?: Readonly<Record<string, string>>;
}

export interface Vocabulaire {
  /** Table Schema column. */
  colonne: string;
  termes: readonly Terme[];
  /** The taxonomy entries behind the terms, when the vocabulary is a taxonomy. */
  taxonomie?: readonly EntreeTaxonomie[];
}

export const STATUTS: Vocabulaire = {
  colonne: 'Statut_du_projet',
  termes: [
    // The schema has no word for the exploration stage: exported as the nearest one.
    { valeur: 'exploration', libelles: ['En exploration', 'En réflexion', 'Exploration'], exporteComme: 'En expérimentation' },
    { valeur: 'experimentation', libelles: ['En expérimentation', 'Expérimentation', 'POC'] },
    { valeur: 'deploiement', libelles: ['En déploiement', 'Déploiement', 'Déployé'] },
    { valeur: 'termine', libelles: ['Terminée', 'Terminé'] },
    { valeur: 'abandonne', libelles: ['Abandonné', 'Abandonnée'] },
  ],
};

export const TYPES_COLLECTIVITE: Vocabulaire = {
  colonne: 'Type_de_collectivite',
  termes: [
    { valeur: 'commune', libelles: ['Commune', 'Ville', 'Mairie'] },
    {
      valeur: 'epci',
      libelles: ['EPCI', 'Métropole', 'Communauté d’agglomération', 'Communauté d’agglomérations', 'Communauté de communes', 'Communauté urbaine'],
      sousTypes: {
        Métropole: 'METRO',
        'Communauté d’agglomération': 'CA',
        'Communauté d’agglomérations': 'CA',
        'Communauté de communes': 'CC',
        'Communauté urbaine': 'CU',
      },
    },
    // Établissements publics territoriaux are intercommunal bodies: the schema's nearest word is EPCI.
    { valeur: 'ept', libelles: ['EPT', 'Établissement public territorial'], exporteComme: 'EPCI' },
    { valeur: 'departement', libelles: ['Département'] },
    { valeur: 'region', libelles: ['Région'] },
    { valeur: 'syndicat', libelles: ['Syndicat mixte', 'Syndicat'] },
    { valeur: 'operateur_public', libelles: ['Opérateur', 'Opérateur public'] },
    // Ville de Paris, Collectivité européenne d'Alsace, Corse, Guyane, Martinique: départemental powers.
    { valeur: 'collectivite_statut_particulier', libelles: ['Collectivité à statut particulier'], exporteComme: 'Département' },
    { valeur: 'autre', libelles: ['Autre'] },
  ],
};

export const BUDGETS: Vocabulaire = {
  colonne: 'budget',
  termes: [
    { valeur: 'moins_50k', libelles: ['moins de 50k€', 'moins de 50 k€', '< 50k€'] },
    { valeur: 'de_50k_a_100k', libelles: ['de 50k€ à 100k€', 'de 50 k€ à 100 k€', 'entre 50k€ et 100k€'] },
    { valeur: 'plus_100k', libelles: ['plus de 100k€', 'plus de 100 k€', '> 100k€'] },
  ],
};

export const HEBERGEMENTS: Vocabulaire = {
  colonne: 'herbergement',
  termes: [
    { valeur: 'cloud_tiers', libelles: ['cloud chez un tiers'] },
    { valeur: 'interne', libelles: ["en interne de l'administration", 'en interne'] },
    { valeur: 'nsp', libelles: ['NSP', 'Ne sait pas'] },
  ],
};

export const MISES_EN_OEUVRE: Vocabulaire = {
  colonne: 'mise_en_oeuvre',
  termes: [
    { valeur: 'interne', libelles: ['Projet développé en interne', 'développé en régie'] },
    { valeur: 'externe', libelles: ['projet développé en externe'] },
    { valeur: 'prestataires', libelles: ['mobilisation de prestataire(s)', 'mobilisation de prestataires'] },
    { valeur: 'marche_public', libelles: ['marché public'] },
  ],
};

export const SOURCES_DONNEES: Vocabulaire = {
  colonne: 'donnees_source',
  termes: [
    { valeur: 'usager', libelles: ['usager', 'l’usager'] },
    { valeur: 'jeu_de_donnees_interne', libelles: ['jeu de données interne'] },
    { valeur: 'open_data', libelles: ['open data'] },
    { valeur: 'donnees_tiers', libelles: ["données d'un tiers"] },
    { valeur: 'nsp', libelles: ['NSP', 'Ne sait pas'] },
  ],
};

export const ACCES_DONNEES: Vocabulaire = {
  colonne: 'donnees_acces',
  termes: [
    { valeur: 'api', libelles: ['par API', 'API'] },
    { valeur: 'automatisee', libelles: ['automatisée'] },
    { valeur: 'recuperation_manuelle', libelles: ['par récupération manuelle', 'récupération manuelle'] },
    { valeur: 'nsp', libelles: ['NSP', 'Ne sait pas'] },
  ],
};

export const CATEGORIES_RISQUE: Vocabulaire = {
  colonne: 'risque_categorie',
  termes: [
    { valeur: 'minimal', libelles: ['risque minimal', 'minimal'] },
    { valeur: 'limite', libelles: ['risque limité', 'limité'] },
    { valeur: 'eleve', libelles: ['risque élevé', 'élevé'] },
    { valeur: 'inacceptable', libelles: ['inacceptable', 'risque inacceptable'] },
  ],
};

const NIVEAUX: Terme[] = [
  { valeur: 'faible', libelles: ['faible'] },
  { valeur: 'moyen', libelles: ['moyen'] },
  { valeur: 'fort', libelles: ['fort'] },
];
export const ERREURS: Vocabulaire = { colonne: 'erreur', termes: NIVEAUX };
export const EXPLICABILITES: Vocabulaire = { colonne: 'explicabilite', termes: NIVEAUX };

/** Taxonomies as vocabularies: the French name and the aliases of `referentiel/taxonomies.ts`. */
function depuisTaxonomie(colonne: string, entrees: readonly EntreeTaxonomie[]): Vocabulaire {
  return { colonne, taxonomie: entrees, termes: entrees.map((e) => ({ valeur: e.slug, libelles: [e.nom.fr, ...(e.alias ?? [])] })) };
}
export const THEMES: Vocabulaire = depuisTaxonomie('Theme', THEMATIQUES.filter((t) => !t.parent));
export const SOUS_THEMES: Vocabulaire = depuisTaxonomie('Sous_Theme', THEMATIQUES.filter((t) => t.parent));
export const AUDIENCES: Vocabulaire = depuisTaxonomie('Audience', PUBLICS_CIBLES);
export const TECHNIQUES: Vocabulaire = depuisTaxonomie('type_algorithme', TECHNIQUES_IA);

export interface Resolution {
  terme: Terme;
  /** Label of the vocabulary the value was recognised as (differs from the value when spelled otherwise). */
  libelle: string;
}

/**
 * The term a source label stands for: exact label first (`resoudreEntree` for the taxonomies),
 * then ignoring case, accents, apostrophe style and punctuation. Undefined when unknown.
 */
export function resoudre(vocabulaire: Vocabulaire, valeur: string): Resolution | undefined {
  const texte = valeur.trim();
  if (vocabulaire.taxonomie) {
    const entree = resoudreEntree(vocabulaire.taxonomie, texte);
    const terme = entree && vocabulaire.termes.find((t) => t.valeur === entree.slug);
    if (terme) return { terme, libelle: terme.libelles.find((l) => l === texte) ?? texte };
  }
  for (const terme of vocabulaire.termes) {
    const exact = terme.libelles.find((l) => l === texte);
    if (exact) return { terme, libelle: exact };
  }
  const cle = cleTexte(texte);
  if (cle === '') return undefined;
  for (const terme of vocabulaire.termes) {
    const proche = terme.libelles.find((l) => cleTexte(l) === cle);
    if (proche) return { terme, libelle: proche };
  }
  return undefined;
}

/**
 * The schema label of a CMS value: the first label of the term that belongs to the column's enumeration,
 * else `exporteComme`; null when the schema has no word for it (e.g. the « Autre » public).
 */
export function libelleExport(vocabulaire: Vocabulaire, valeur: string): string | null {
  const terme = vocabulaire.termes.find((t) => t.valeur === valeur);
  if (!terme) return null;
  const autorises = enumeration(vocabulaire.colonne);
  if (autorises.length === 0) return terme.libelles[0];
  return terme.libelles.find((l) => autorises.includes(l)) ?? terme.exporteComme ?? null;
}
