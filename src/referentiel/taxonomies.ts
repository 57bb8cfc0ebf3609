/**
 * Reference taxonomies of the library (Les Interconnectés data model, 2024).
 *
 * Pure data: no Strapi import. The seeders load these lists idempotently (keyed by slug),
 * the importers resolve the labels found in source files through `resoudreEntree`.
 */

export interface EntreeTaxonomie {
  /** ascii kebab-case, stable, unique within its list */
  slug: string;
  /** display order within its level (1-based) */
  ordre: number;
  nom: { fr: string; en: string };
  description?: { fr: string; en: string };
  /** slug of the parent theme (sub-themes only) */
  parent?: string;
  /** other spellings accepted on import (exact strings as found in the data) */
  alias?: string[];
}

/* ------------------------------------------------------------------------------------------------
 * Thématiques: the 6 themes (schema field `Theme`) then the 34 sub-themes (schema field `Sous_Theme`).
 * Names are kept exactly as in the schema enums; a straight-apostrophe alias is added where the
 * schema uses a typographic one (’).
 * ---------------------------------------------------------------------------------------------- */

const THEMES: readonly EntreeTaxonomie[] = [
  {
    slug: 'transition-ecologique-et-energetique',
    ordre: 1,
    nom: { fr: 'Transition écologique et énergétique', en: 'Ecological and energy transition' },
    description: {
      fr: 'Usages de l’IA au service de la sobriété énergétique, de la gestion des ressources et de la préservation de l’environnement.',
      en: 'AI use cases for energy efficiency, resource management and environmental protection.',
    },
    // The schema says "Transition …", the Interconnectés prose says "Transformation …".
    alias: ['Transformation écologique et énergétique'],
  },
  {
    slug: 'attractivite-et-developpement',
    ordre: 2,
    nom: { fr: 'Attractivité et développement', en: 'Attractiveness and development' },
    description: {
      fr: 'Usages de l’IA pour le développement économique, l’aménagement du territoire, la culture et les loisirs.',
      en: 'AI use cases for economic development, spatial planning, culture and leisure.',
    },
  },
  {
    slug: 'citoyennete-sante-et-solidarite',
    ordre: 3,
    nom: { fr: 'Citoyenneté, santé et solidarité', en: 'Citizenship, health and solidarity' },
    description: {
      fr: 'Usages de l’IA pour la relation aux usagers, la participation citoyenne, l’éducation, la santé et l’inclusion.',
      en: 'AI use cases for relations with residents, citizen participation, education, health and inclusion.',
    },
    // Spelling of the Interconnectés prose (serial comma).
    alias: ['Citoyenneté, santé, et solidarité'],
  },
  {
    slug: 'mobilites',
    ordre: 4,
    nom: { fr: 'Mobilités', en: 'Mobility' },
    description: {
      fr: 'Usages de l’IA pour les déplacements, le trafic, le stationnement et la logistique urbaine.',
      en: 'AI use cases for travel, traffic, parking and urban logistics.',
    },
  },
  {
    slug: 'gouvernance-et-socles-technologiques',
    ordre: 5,
    nom: { fr: 'Gouvernance et socles technologiques', en: 'Governance and technology foundations' },
    description: {
      fr: 'Stratégie numérique, données, infrastructures et sécurité sur lesquelles reposent les usages de l’IA.',
      en: 'Digital strategy, data, infrastructure and security on which AI use cases rely.',
    },
  },
  {
    slug: 'administration-et-organisation-interne',
    ordre: 6,
    nom: { fr: 'Administration et organisation interne', en: 'Administration and internal organisation' },
    description: {
      fr: 'Usages de l’IA au service du fonctionnement interne de la collectivité : ressources humaines, achats, assemblées, documents, droit.',
      en: 'AI use cases supporting the internal operations of the local authority: human resources, procurement, council meetings, documents, legal matters.',
    },
  },
];

type SousTheme = Omit<EntreeTaxonomie, 'ordre' | 'parent'>;

// Assignment of the 34 sub-themes to the 6 themes (no official mapping is published; decided from the
// wording and from the co-occurrences in the 33 projects of data.csv, e.g. risk prevention only appears
// with water management under the ecological transition theme).
const SOUS_THEMES_PAR_THEME: ReadonlyArray<readonly [string, readonly SousTheme[]]> = [
  [
    'transition-ecologique-et-energetique',
    [
      { slug: 'performance-energetique', nom: { fr: 'Performance énergétique', en: 'Energy performance' } },
      // Street lighting is managed mainly as an energy-saving (and light pollution) issue.
      {
        slug: 'eclairage-public',
        nom: { fr: 'Eclairage public', en: 'Street lighting' },
        alias: ['Éclairage public'],
      },
      {
        slug: 'dechets-et-economie-circulaire',
        nom: { fr: 'Déchets et économie circulaire', en: 'Waste and circular economy' },
      },
      {
        slug: 'qualite-de-l-air-et-nuisances-sonores',
        nom: { fr: 'Qualité de l’air et nuisances sonores', en: 'Air quality and noise pollution' },
        alias: ['Qualité de l\'air et nuisances sonores'],
      },
      {
        slug: 'biodiversite-et-preservation-des-espaces-naturels',
        nom: {
          fr: 'Biodiversité et préservation des espaces naturels',
          en: 'Biodiversity and protection of natural areas',
        },
      },
      {
        slug: 'gestion-de-l-eau',
        nom: { fr: 'Gestion de l’eau', en: 'Water management' },
        alias: ['Gestion de l\'eau'],
      },
      { slug: 'agriculture', nom: { fr: 'Agriculture', en: 'Agriculture' } },
      {
        slug: 'modelisation-et-jumeau-numerique',
        nom: { fr: 'Modélisation et jumeau numérique', en: 'Modelling and digital twins' },
      },
      {
        slug: 'prevention-et-gestion-des-risques',
        nom: { fr: 'Prévention et gestion des risques', en: 'Risk prevention and management' },
      },
    ],
  ],
  [
    'attractivite-et-developpement',
    [
      {
        slug: 'commerce-et-developpement-economique',
        nom: { fr: 'Commerce et développement économique', en: 'Commerce and economic development' },
      },
      { slug: 'culture-et-loisirs', nom: { fr: 'Culture et loisirs', en: 'Culture and leisure' } },
      {
        slug: 'construction-et-amenagement',
        nom: { fr: 'Construction et aménagement', en: 'Construction and urban planning' },
      },
    ],
  ],
  [
    'citoyennete-sante-et-solidarite',
    [
      {
        slug: 'sante-et-acces-aux-soins',
        nom: { fr: 'Santé et accès aux soins', en: 'Health and access to care' },
      },
      { slug: 'education', nom: { fr: 'Education', en: 'Education' }, alias: ['Éducation'] },
      { slug: 'inclusion-numerique', nom: { fr: 'Inclusion numérique', en: 'Digital inclusion' } },
      {
        slug: 'accessibilite-et-handicap',
        nom: { fr: 'Accessibilité et handicap', en: 'Accessibility and disability' },
      },
      {
        slug: 'lien-social-et-relation-aux-usagers',
        nom: { fr: 'Lien social et relation aux usagers', en: 'Social ties and relations with residents' },
      },
      { slug: 'participation-citoyenne', nom: { fr: 'Participation citoyenne', en: 'Citizen participation' } },
    ],
  ],
  [
    'mobilites',
    [
      { slug: 'mobilite-decarbonee', nom: { fr: 'Mobilité décarbonée', en: 'Low-carbon mobility' } },
      { slug: 'flux-et-trafic', nom: { fr: 'Flux et trafic', en: 'Flows and traffic' } },
      { slug: 'stationnement', nom: { fr: 'Stationnement', en: 'Parking' } },
      { slug: 'multimodalites', nom: { fr: 'Multimodalités', en: 'Multimodality' } },
      { slug: 'logistique-urbaine', nom: { fr: 'Logistique urbaine', en: 'Urban logistics' } },
    ],
  ],
  [
    'gouvernance-et-socles-technologiques',
    [
      {
        slug: 'outillage-systeme-d-information',
        nom: { fr: 'Outillage système d’information', en: 'Information system tooling' },
        alias: ['Outillage système d\'information'],
      },
      { slug: 'plateforme-de-donnees', nom: { fr: 'Plateforme de données', en: 'Data platform' } },
      { slug: 'cybersecurite', nom: { fr: 'Cybersécurité', en: 'Cybersecurity' } },
      {
        slug: 'infrastructures-numeriques',
        nom: { fr: 'Infrastructures numériques', en: 'Digital infrastructure' },
      },
      {
        slug: 'gouvernance-et-strategie-numerique-responsable',
        nom: {
          fr: 'Gouvernance et stratégie numérique responsable',
          en: 'Governance and responsible digital strategy',
        },
      },
    ],
  ],
  [
    'administration-et-organisation-interne',
    [
      {
        slug: 'gestion-des-ressources-humaines',
        nom: { fr: 'Gestion des ressources humaines', en: 'Human resources management' },
      },
      {
        slug: 'gestion-des-marches-publics',
        nom: { fr: 'Gestion des marchés publics', en: 'Public procurement management' },
      },
      { slug: 'gestion-des-assemblees', nom: { fr: 'Gestion des assemblées', en: 'Council meeting management' } },
      {
        slug: 'aide-a-la-redaction-et-gestion-documentaire',
        nom: {
          fr: 'Aide à la rédaction et gestion documentaire',
          en: 'Writing assistance and document management',
        },
      },
      { slug: 'aide-juridique', nom: { fr: 'Aide juridique', en: 'Legal assistance' } },
      // The authority's own real-estate assets (buildings management).
      { slug: 'immobilier', nom: { fr: 'Immobilier', en: 'Real estate' } },
    ],
  ],
];

// Sub-themes are numbered 1..34 over the whole level, grouped by theme in theme order,
// so sorting by `ordre` also gives the display order under each theme.
const SOUS_THEMES: readonly EntreeTaxonomie[] = SOUS_THEMES_PAR_THEME.flatMap(([parent, enfants]) =>
  enfants.map((enfant) => ({ ...enfant, parent })),
).map((entree, index) => ({ ...entree, ordre: index + 1 }));

export const THEMATIQUES: readonly EntreeTaxonomie[] = [...THEMES, ...SOUS_THEMES];

/* ------------------------------------------------------------------------------------------------
 * Publics cibles (schema field `Audience`).
 * ---------------------------------------------------------------------------------------------- */

export const PUBLICS_CIBLES: readonly EntreeTaxonomie[] = [
  { slug: 'grand-public', ordre: 1, nom: { fr: 'Grand public', en: 'General public' } },
  { slug: 'beneficiaire', ordre: 2, nom: { fr: 'Bénéficiaire', en: 'Beneficiary' } },
  { slug: 'agent', ordre: 3, nom: { fr: 'Agent', en: 'Staff member' } },
  { slug: 'association', ordre: 4, nom: { fr: 'Association', en: 'Non-profit organisation' } },
  { slug: 'elu', ordre: 5, nom: { fr: 'Élu', en: 'Elected official' }, alias: ['Elu'] },
  { slug: 'entreprises', ordre: 6, nom: { fr: 'Entreprises', en: 'Businesses' } },
  { slug: 'collectivites', ordre: 7, nom: { fr: 'Collectivités', en: 'Local authorities' } },
  {
    slug: 'etablissement-scolaire',
    ordre: 8,
    nom: { fr: 'Établissement scolaire', en: 'School' },
    alias: ['Etablissement scolaire'],
  },
  {
    slug: 'etablissement-de-sante',
    ordre: 9,
    nom: { fr: 'Établissement de santé', en: 'Healthcare facility' },
    alias: ['Etablissement santé', 'Établissement santé', 'Etablissement de santé'],
  },
  // 'Aménageurs' (urban developers, public or private) is used in data.csv but is not in the schema enum.
  { slug: 'autre', ordre: 10, nom: { fr: 'Autre', en: 'Other' }, alias: ['Aménageurs'] },
];

/* ------------------------------------------------------------------------------------------------
 * Techniques d'IA (schema field `type_algorithme`).
 * ---------------------------------------------------------------------------------------------- */

export const TECHNIQUES_IA: readonly EntreeTaxonomie[] = [
  {
    slug: 'apprentissage-automatique',
    ordre: 1,
    nom: { fr: 'Apprentissage automatique', en: 'Machine learning' },
    alias: ['Machine Learning'],
  },
  {
    slug: 'traitement-automatique-du-langage',
    ordre: 2,
    nom: { fr: 'Traitement automatique du langage', en: 'Natural language processing' },
    alias: ['Traitement Automatique du langage'],
  },
  { slug: 'ia-generative', ordre: 3, nom: { fr: 'IA générative', en: 'Generative AI' } },
  {
    slug: 'vision-par-ordinateur',
    ordre: 4,
    nom: { fr: 'Vision par ordinateur', en: 'Computer vision' },
    alias: ['Computer vision'],
  },
  { slug: 'reseaux-de-neurones', ordre: 5, nom: { fr: 'Réseaux de neurones', en: 'Neural networks' } },
  {
    slug: 'systemes-a-base-de-regles',
    ordre: 6,
    nom: { fr: 'Systèmes à base de règles', en: 'Rule-based systems' },
  },
  {
    slug: 'optimisation-recherche-operationnelle',
    ordre: 7,
    nom: { fr: 'Optimisation / recherche opérationnelle', en: 'Optimisation / operations research' },
  },
  { slug: 'nsp', ordre: 8, nom: { fr: 'Ne sait pas', en: 'Unknown' }, alias: ['NSP'] },
];

/**
 * Finds the entry whose French name or one of whose aliases equals `valeur`
 * (exact match first, then after trimming). Returns undefined when nothing matches.
 */
export function resoudreEntree(
  liste: readonly EntreeTaxonomie[],
  valeur: string,
): EntreeTaxonomie | undefined {
  const correspond = (candidat: string) => (entree: EntreeTaxonomie) =>
    entree.nom.fr === candidat || (entree.alias ?? []).includes(candidat);
  return liste.find(correspond(valeur)) ?? liste.find(correspond(valeur.trim()));
}
