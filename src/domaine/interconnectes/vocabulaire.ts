/**
 * The vocabulary shared by the importer and the open-data export: for each CMS enumeration value, the
 * Table Schema label and the other spellings found in the files of every generation. One table, both
 * directions: import resolves a label to a value (`resoudre`), export turns a value into the label of the
 * schema enumeration (`libelleExport`). The README (« Import de la bibliothèque existante ») shows it, a unit test keeps them equal.
 */
import { enumeration } from './schema';
import { cleTexte } from './texte';
import { LIBELLES_VALEURS } from '../../admin-config/valeurs';
import { PUBLICS_CIBLES, THEMATIQUES, TECHNIQUES_IA, resoudreEntree, type EntreeTaxonomie } from '../../referentiel/taxonomies';

/** Raised whenever a variant is added or its meaning changes (the README shows it with the table). */
export const VERSION_VOCABULAIRE = '2026-12';

/** Where a spelling was met: the generations of the Interconnectés files, and the library's own words. */
export const GENERATIONS = {
  premiere: 'fichiers de 1re génération (tests, 2023)',
  schema: 'Table Schema 2024',
  reference: 'fichier de référence data.csv (2024)',
  prose: 'textes des Interconnectés (README, site)',
  beta: 'export bêta (colonnes restreintes)',
  export2025: 'exports 2025',
  bibliotheque: 'mots de la bibliothèque (administration, export étendu)',
  saisie: 'saisie libre',
} as const;
export type Generation = keyof typeof GENERATIONS;

export interface Terme {
  /** CMS value (enumeration value, or taxonomy slug). */
  valeur: string;
  /** Labels accepted on import; the first one that belongs to the schema enumeration is the export label. */
  libelles: readonly string[];
  /** Generation (and, where it is a judgement, the reason) of a label, by label. */
  origines?: Readonly<Record<string, string>>;
  /** Export label when none of `libelles` is in the schema (a CMS value the schema has no word for). */
  exporteComme?: string;
  /** Collectivité sub-type implied by a label (types only), e.g. « Métropole » → METRO. */
  sousTypes?: Readonly<Record<string, string>>;
}

/** A label met in the files that could mean two values: never mapped, kept in the projet's import notes. */
export interface Ambigu {
  libelle: string;
  candidats: readonly string[];
  raison: string;
}

export interface Vocabulaire {
  /** Table Schema column (or extended open-data column). */
  colonne: string;
  termes: readonly Terme[];
  ambigus?: readonly Ambigu[];
  /** The taxonomy entries behind the terms, when the vocabulary is a taxonomy. */
  taxonomie?: readonly EntreeTaxonomie[];
  /** Comparison key of labels, when case and accents are not the only differences (amounts). */
  cle?: (texte: string) => string;
}

/** A term; `origines` as [label, generation or reason] pairs, the labels are added after `libelles`. */
function terme(valeur: string, libelles: readonly string[], variantes: ReadonlyArray<readonly [string, string]> = [], extra: Partial<Terme> = {}): Terme {
  return {
    valeur,
    libelles: [...libelles, ...variantes.map(([l]) => l)],
    ...(variantes.length > 0 ? { origines: Object.fromEntries(variantes) } : {}),
    ...extra,
  };
}
const G = GENERATIONS;

/** Adds the library's own French words of each value (src/admin-config/valeurs.ts), when not already there. */
function avecMotsBibliotheque(vocabulaire: Vocabulaire, modele: string, attribut: string): Vocabulaire {
  const mots = LIBELLES_VALEURS[modele]?.[attribut] ?? {};
  return {
    ...vocabulaire,
    termes: vocabulaire.termes.map((t) => {
      const mot = mots[t.valeur];
      if (!mot || t.libelles.some((l) => cleTexte(l) === cleTexte(mot))) return t;
      return { ...t, libelles: [...t.libelles, mot], origines: { ...t.origines, [mot]: G.bibliotheque } };
    }),
  };
}

export const STATUTS: Vocabulaire = avecMotsBibliotheque(
  {
    colonne: 'Statut_du_projet',
    termes: [
      // The schema has no word for the exploration stage: exported as the nearest one.
      terme('exploration', ['En exploration', 'En réflexion', 'Exploration'], [
        ['Réflexion', G.export2025],
        ['En étude', G.saisie],
        ['Étude', G.saisie],
        ['Idée', `${G.saisie} : projet pas encore lancé`],
      ], { exporteComme: 'En expérimentation' }),
      terme('experimentation', ['En expérimentation', 'Expérimentation', 'POC'], [
        ['Preuve de concept', G.saisie],
        ['Pilote', `${G.saisie} : essai limité avant déploiement`],
        ['En test', G.saisie],
        ['Prototype', G.saisie],
      ]),
      terme('deploiement', ['En déploiement', 'Déploiement', 'Déployé'], [
        ['En production', `${G.export2025} : le service est utilisé, le stade « déploiement » du CMS`],
        ['En service', G.saisie],
        ['Déployée', G.saisie],
      ]),
      terme('termine', ['Terminée', 'Terminé'], [['Achevé', G.saisie], ['Achevée', G.saisie]]),
      terme('abandonne', ['Abandonné', 'Abandonnée'], [['Abandon', G.saisie]]),
    ],
    ambigus: [
      { libelle: 'En construction', candidats: ['experimentation', 'deploiement'], raison: 'en cours de réalisation : ni l’essai ni la mise en service ne sont dits' },
      { libelle: 'Arrêté', candidats: ['termine', 'abandonne'], raison: 'un projet arrêté peut être achevé ou abandonné (l’abandon exige un motif)' },
      { libelle: 'Suspendu', candidats: ['abandonne', 'experimentation'], raison: 'une suspension n’est ni un abandon ni une étape du projet' },
      { libelle: 'En cours', candidats: ['experimentation', 'deploiement'], raison: 'ne dit pas si le service est à l’essai ou en service' },
    ],
  },
  'api::projet.projet',
  'statut',
);

export const TYPES_COLLECTIVITE: Vocabulaire = avecMotsBibliotheque(
  {
    colonne: 'Type_de_collectivite',
    termes: [
      terme('commune', ['Commune', 'Ville', 'Mairie']),
      terme(
        'epci',
        ['EPCI', 'Métropole', 'Communauté d’agglomération', 'Communauté d’agglomérations', 'Communauté de communes', 'Communauté urbaine'],
        [
          ['CA', `${G.export2025} : communauté d’agglomération`],
          ['CC', `${G.export2025} : communauté de communes`],
          ['CU', `${G.export2025} : communauté urbaine`],
          ['Agglomération', G.saisie],
          ['Intercommunalité', G.saisie],
        ],
        {
          sousTypes: {
            Métropole: 'METRO',
            'Communauté d’agglomération': 'CA',
            'Communauté d’agglomérations': 'CA',
            'Communauté de communes': 'CC',
            'Communauté urbaine': 'CU',
            CA: 'CA',
            CC: 'CC',
            CU: 'CU',
            Agglomération: 'CA',
          },
        },
      ),
      // Établissements publics territoriaux are intercommunal bodies: the schema's nearest word is EPCI.
      terme('ept', ['EPT', 'Établissement public territorial'], [], { exporteComme: 'EPCI' }),
      terme('departement', ['Département'], [['Conseil départemental', `${G.export2025} : l’assemblée du département`]]),
      terme('region', ['Région'], [['Conseil régional', `${G.export2025} : l’assemblée de la région`]]),
      terme('syndicat', ['Syndicat mixte', 'Syndicat'], [['Syndicat intercommunal', G.saisie]]),
      terme('operateur_public', ['Opérateur', 'Opérateur public']),
      // Ville de Paris, Collectivité européenne d'Alsace, Corse, Guyane, Martinique: départemental powers.
      terme('collectivite_statut_particulier', ['Collectivité à statut particulier'], [], { exporteComme: 'Département' }),
      terme('autre', ['Autre']),
    ],
  },
  'api::collectivite.collectivite',
  'type',
);

/** Amounts: « < 50 k€ », « Moins de 50 000 € », « 50-100k€ » share the key « moins 50k », « 50k 100k »… */
export function cleMontant(texte: string): string {
  const t = cleTexte(texte.replace(/</g, ' moins ').replace(/>/g, ' plus ')).replace(/(\d) (\d{3})\b/g, '$1$2');
  const sens = /\b(moins|inferieur)/.test(t) ? 'moins' : /\b(plus|superieur|au dela)/.test(t) ? 'plus' : '';
  const nombres = [...t.matchAll(/(\d+)\s*(k)?/g)].map((m) => ({ n: Number(m[1]), k: m[2] === 'k' }));
  const enMilliers = nombres.some((n) => n.k);
  const montants = nombres.map(({ n, k }) => (k || (enMilliers && n < 1000) ? n : n / 1000)).map((n) => `${n}k`);
  return [sens, ...montants].filter(Boolean).join(' ') || t;
}

export const BUDGETS: Vocabulaire = avecMotsBibliotheque(
  {
    colonne: 'budget',
    cle: cleMontant,
    termes: [
      terme('moins_50k', ['moins de 50k€', 'moins de 50 k€', '< 50k€'], [['Moins de 50 000 €', G.export2025]]),
      terme('de_50k_a_100k', ['de 50k€ à 100k€', 'de 50 k€ à 100 k€', 'entre 50k€ et 100k€'], [['50-100k€', G.export2025]]),
      terme('plus_100k', ['plus de 100k€', 'plus de 100 k€', '> 100k€'], [['Plus de 100 000 €', G.export2025]]),
    ],
  },
  'api::projet.projet',
  'budget',
);

export const HEBERGEMENTS: Vocabulaire = avecMotsBibliotheque(
  {
    colonne: 'herbergement',
    termes: [
      terme('cloud_tiers', ['cloud chez un tiers'], [
        ['Cloud', G.export2025],
        ['Cloud externe', G.saisie],
        ['Hébergeur externe', G.saisie],
        ['SaaS', `${G.saisie} : logiciel hébergé par son éditeur`],
        ['Chez le prestataire', `${G.beta} : les serveurs d’un tiers, le prestataire`],
      ]),
      terme('interne', ["en interne de l'administration", 'en interne'], [
        ['Interne', G.export2025],
        ['Serveurs de la collectivité', G.saisie],
        ['Serveurs de la DSI', `${G.beta} : la direction des systèmes d’information de la collectivité`],
        ['On premise', G.saisie],
      ]),
      terme('nsp', ['NSP', 'Ne sait pas'], [['Je ne sais pas', G.saisie]]),
    ],
  },
  'api::projet.projet',
  'hebergement',
);

export const MISES_EN_OEUVRE: Vocabulaire = avecMotsBibliotheque(
  {
    colonne: 'mise_en_oeuvre',
    termes: [
      terme('interne', ['Projet développé en interne', 'développé en régie'], [
        ['En interne', G.export2025],
        ['Régie', G.saisie],
        ['En régie', G.saisie],
      ]),
      terme('externe', ['projet développé en externe'], [['En externe', G.export2025], ['Externe', G.saisie]]),
      terme('prestataires', ['mobilisation de prestataire(s)', 'mobilisation de prestataires'], [
        ['Prestataire', G.export2025],
        ['Prestataires', G.saisie],
      ]),
      terme('marche_public', ['marché public'], [['Appel d’offres', `${G.saisie} : procédure de marché public`]]),
    ],
  },
  'api::projet.projet',
  'miseEnOeuvre',
);

export const SOURCES_DONNEES: Vocabulaire = avecMotsBibliotheque(
  {
    colonne: 'donnees_source',
    termes: [
      terme('usager', ['usager', 'l’usager'], [['Usagers', G.export2025], ['Données des usagers', G.saisie]]),
      terme('jeu_de_donnees_interne', ['jeu de données interne'], [
        ['Données internes', G.export2025],
        ['Jeux de données internes', G.saisie],
      ]),
      terme('open_data', ['open data'], [['Opendata', G.saisie], ['Données ouvertes', G.saisie]]),
      terme('donnees_tiers', ["données d'un tiers"], [['Données de tiers', G.saisie], ['Tiers', G.export2025]]),
      terme('nsp', ['NSP', 'Ne sait pas']),
    ],
  },
  'projet.source-donnees',
  'source',
);

export const ACCES_DONNEES: Vocabulaire = avecMotsBibliotheque(
  {
    colonne: 'donnees_acces',
    termes: [
      terme('api', ['par API', 'API']),
      terme('automatisee', ['automatisée'], [['Automatique', G.export2025], ['Flux automatisé', G.saisie]]),
      terme('recuperation_manuelle', ['par récupération manuelle', 'récupération manuelle'], [['Manuelle', G.export2025], ['Manuel', G.saisie]]),
      terme('nsp', ['NSP', 'Ne sait pas']),
    ],
  },
  'projet.donnees',
  'modeAcces',
);

export const CATEGORIES_RISQUE: Vocabulaire = avecMotsBibliotheque(
  {
    colonne: 'risque_categorie',
    termes: [
      terme('minimal', ['risque minimal', 'minimal']),
      terme('limite', ['risque limité', 'limité']),
      terme('eleve', ['risque élevé', 'élevé'], [['Haut risque', `${G.saisie} : « système à haut risque » du règlement européen`], ['Risque haut', G.saisie]]),
      terme('inacceptable', ['inacceptable', 'risque inacceptable'], [['Interdit', `${G.saisie} : pratique interdite du règlement européen`]]),
    ],
    ambigus: [{ libelle: 'Risque faible', candidats: ['minimal', 'limite'], raison: 'le règlement européen distingue risque minimal et risque limité, « faible » ne dit pas lequel' }],
  },
  'projet.evaluation',
  'risqueCategorie',
);

const niveaux = (colonne: string, attribut: string): Vocabulaire =>
  avecMotsBibliotheque(
    {
      colonne,
      termes: [
        terme('faible', ['faible'], [['Faibles', G.saisie], ['Bas', G.saisie]]),
        terme('moyen', ['moyen'], [['Moyenne', G.saisie], ['Modéré', G.saisie]]),
        terme('fort', ['fort'], [['Forte', G.saisie], ['Élevé', G.saisie], ['Élevée', G.saisie]]),
      ],
    },
    'projet.evaluation',
    attribut,
  );
export const ERREURS: Vocabulaire = niveaux('erreur', 'erreur');
export const EXPLICABILITES: Vocabulaire = niveaux('explicabilite', 'explicabilite');

/** Extended open-data column: the schema has no such column, the library's words are the labels. */
export const NIVEAUX_AUTOMATISATION: Vocabulaire = avecMotsBibliotheque(
  {
    colonne: 'niveau_automatisation',
    termes: ['sans_decision_individuelle', 'aide_a_la_decision', 'decision_assistee', 'decision_automatisee'].map((valeur) => terme(valeur, [])),
  },
  'projet.evaluation',
  'niveauAutomatisation',
);

/** Where an alias of `referentiel/taxonomies.ts` comes from. */
function origineAlias(colonne: string, alias: string): string {
  if (enumeration(colonne).includes(alias)) return G.schema;
  if (/^Transformation|santé, et/.test(alias)) return G.prose;
  if (alias === 'Aménageurs') return `${G.reference} : pas de mot du schéma, public « Autre »`;
  return alias.includes("'") ? `${G.reference} (apostrophe droite)` : G.saisie;
}

/** Taxonomies as vocabularies: the French name and the aliases of `referentiel/taxonomies.ts`, plus the file variants. */
function depuisTaxonomie(colonne: string, entrees: readonly EntreeTaxonomie[], variantes: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>> = {}, ambigus: readonly Ambigu[] = []): Vocabulaire {
  return {
    colonne,
    taxonomie: entrees,
    ambigus,
    termes: entrees.map((e) => {
      const aliases = (e.alias ?? []).map((a) => [a, origineAlias(colonne, a)] as const);
      return terme(e.slug, [e.nom.fr], [...aliases, ...(variantes[e.slug] ?? [])]);
    }),
  };
}

export const THEMES: Vocabulaire = depuisTaxonomie(
  'Theme',
  THEMATIQUES.filter((t) => !t.parent),
  {
    'transition-ecologique-et-energetique': [
      ['Transition écologique', G.export2025],
      ['Transition énergétique', G.export2025],
      ['Transformation écologique', G.prose],
    ],
    'attractivite-et-developpement': [['Attractivité', G.export2025], ['Attractivité du territoire', G.saisie]],
    'citoyennete-sante-et-solidarite': [['Citoyenneté', G.export2025], ['Citoyenneté et solidarité', G.saisie], ['Santé et solidarité', G.saisie]],
    mobilites: [['Mobilité', G.export2025], ['Transports', G.saisie]],
    'gouvernance-et-socles-technologiques': [['Gouvernance', G.export2025], ['Socles technologiques', G.saisie]],
    'administration-et-organisation-interne': [['Administration', G.export2025], ['Organisation interne', G.saisie], ['Administration interne', G.saisie]],
  },
);
export const SOUS_THEMES: Vocabulaire = depuisTaxonomie('Sous_Theme', THEMATIQUES.filter((t) => t.parent), {
  'mobilite-decarbonee': [['Mobilités décarbonées', G.saisie]],
  'qualite-de-l-air-et-nuisances-sonores': [['Qualité de l’air', G.export2025]],
  'biodiversite-et-preservation-des-espaces-naturels': [['Biodiversité', G.export2025]],
  'dechets-et-economie-circulaire': [['Déchets', G.export2025]],
  'sante-et-acces-aux-soins': [['Santé', G.export2025]],
  'gestion-des-ressources-humaines': [['Ressources humaines', G.export2025], ['RH', G.saisie]],
});
export const AUDIENCES: Vocabulaire = depuisTaxonomie(
  'Audience',
  PUBLICS_CIBLES,
  {
    'grand-public': [
      ['Citoyens', `${G.premiere} : la population en général, le « grand public » du schéma`],
      ['Habitants', G.saisie],
      ['Tout public', G.saisie],
    ],
    beneficiaire: [['Bénéficiaires', G.saisie]],
    agent: [['Agents', G.export2025], ['Agents de la collectivité', G.premiere], ['Agents publics', G.saisie]],
    association: [['Associations', G.export2025]],
    elu: [['Élus', G.export2025]],
    entreprises: [['Entreprise', G.export2025]],
    collectivites: [['Collectivité', G.saisie]],
    'etablissement-scolaire': [['Écoles', `${G.export2025} : établissements scolaires`], ['Établissements scolaires', G.saisie], ['Collèges', G.saisie], ['Lycées', G.saisie]],
    'etablissement-de-sante': [['Établissements de santé', G.saisie], ['Hôpitaux', G.saisie]],
  },
  [{ libelle: 'Usagers', candidats: ['grand-public', 'beneficiaire'], raison: 'les usagers d’un service peuvent être tout le public ou les seuls bénéficiaires d’une aide' }],
);
export const TECHNIQUES: Vocabulaire = depuisTaxonomie('type_algorithme', TECHNIQUES_IA, {
  'apprentissage-automatique': [['ML', G.saisie], ['Apprentissage machine', G.saisie]],
  'traitement-automatique-du-langage': [['TAL', G.saisie], ['NLP', G.saisie]],
  'ia-generative': [['IA Gen', G.saisie], ['GenAI', G.saisie], ['LLM', `${G.beta} : grand modèle de langage, une IA générative`], ['Grand modèle de langage', G.saisie]],
  'reseaux-de-neurones': [['Deep learning', G.saisie], ['Apprentissage profond', G.saisie]],
});

/** Every vocabulary, in the order of the README table. */
export const VOCABULAIRES: readonly Vocabulaire[] = [
  STATUTS,
  TYPES_COLLECTIVITE,
  THEMES,
  SOUS_THEMES,
  AUDIENCES,
  TECHNIQUES,
  BUDGETS,
  HEBERGEMENTS,
  MISES_EN_OEUVRE,
  SOURCES_DONNEES,
  ACCES_DONNEES,
  CATEGORIES_RISQUE,
  ERREURS,
  EXPLICABILITES,
  NIVEAUX_AUTOMATISATION,
];

export interface Resolution {
  terme: Terme;
  /** Label of the vocabulary the value was recognised as (differs from the value when spelled otherwise). */
  libelle: string;
}

/** Key ignoring case, accents, apostrophes, punctuation and the plural of each word (« Élus » = « élu »). */
function cleSinguliere(texte: string): string {
  return cleTexte(texte)
    .split(' ')
    .map((mot) => (mot.length > 3 ? mot.replace(/[sx]$/, '') : mot))
    .join(' ');
}

/**
 * The term a source label stands for: exact label first (`resoudreEntree` for the taxonomies), then
 * ignoring case, accents, apostrophe style and punctuation, then the plural. Undefined when unknown or
 * ambiguous (`ambiguite` says why).
 */
export function resoudre(vocabulaire: Vocabulaire, valeur: string): Resolution | undefined {
  const texte = valeur.trim();
  if (texte === '') return undefined;
  if (vocabulaire.taxonomie) {
    const entree = resoudreEntree(vocabulaire.taxonomie, texte);
    const trouve = entree && vocabulaire.termes.find((t) => t.valeur === entree.slug);
    if (trouve) return { terme: trouve, libelle: trouve.libelles.find((l) => l === texte) ?? texte };
  }
  for (const t of vocabulaire.termes) {
    const exact = t.libelles.find((l) => l === texte);
    if (exact) return { terme: t, libelle: exact };
  }
  for (const cle of [vocabulaire.cle ?? cleTexte, cleSinguliere]) {
    const cherchee = cle(texte);
    if (cherchee === '' || vocabulaire.ambigus?.some((a) => cle(a.libelle) === cherchee)) return undefined;
    const trouves = vocabulaire.termes.flatMap((t) => t.libelles.filter((l) => cle(l) === cherchee).map((libelle) => ({ terme: t, libelle })));
    if (new Set(trouves.map((r) => r.terme.valeur)).size === 1) return trouves[0];
  }
  return undefined;
}

/** The known ambiguity a label falls in, if any. */
export function ambiguite(vocabulaire: Vocabulaire, valeur: string): Ambigu | undefined {
  return vocabulaire.ambigus?.find((a) => cleSinguliere(a.libelle) === cleSinguliere(valeur));
}

/**
 * The schema label of a CMS value: the first label of the term that belongs to the column's enumeration,
 * else `exporteComme`; null when the schema has no word for it (e.g. the « Autre » public).
 */
export function libelleExport(vocabulaire: Vocabulaire, valeur: string): string | null {
  const t = vocabulaire.termes.find((x) => x.valeur === valeur);
  if (!t) return null;
  const autorises = vocabulaire.colonne === 'niveau_automatisation' ? [] : enumeration(vocabulaire.colonne);
  if (autorises.length === 0) return t.libelles[0] ?? null;
  return t.libelles.find((l) => autorises.includes(l)) ?? t.exporteComme ?? null;
}

/** Separators of a « Thème-Sous-thème » pair, loosest last (a bare hyphen may sit inside a name). */
const SEPARATEURS_PAIRE = [' : ', ' - ', ' – ', ' / ', ' > ', ':', '-', '/', '>'];

export interface SousThemeLu {
  resolution: Resolution;
  /** the theme the value was prefixed with, when it was written as a pair */
  theme?: Resolution;
}

/**
 * A sub-theme written alone, or as a pair with its theme: « Mobilités-Stationnement »,
 * « Transition écologique et énergétique - Gestion de l'eau », « Mobilités : Stationnement ».
 */
export function resoudreSousTheme(valeur: string): SousThemeLu | undefined {
  const seule = resoudre(SOUS_THEMES, valeur);
  if (seule) return { resolution: seule };
  for (const separateur of SEPARATEURS_PAIRE) {
    let position = valeur.indexOf(separateur);
    while (position > 0) {
      const theme = resoudre(THEMES, valeur.slice(0, position));
      const sousTheme = theme && resoudre(SOUS_THEMES, valeur.slice(position + separateur.length));
      if (theme && sousTheme) return { resolution: sousTheme, theme };
      position = valeur.indexOf(separateur, position + 1);
    }
  }
  return undefined;
}

/** The theme a « Thème : Sous-thème » pair starts with (the Theme column written with its sub-theme). */
export function resoudreThemeEnPaire(valeur: string): { theme: Resolution; sousTheme: Resolution } | undefined {
  const lu = resoudreSousTheme(valeur);
  return lu?.theme ? { theme: lu.theme, sousTheme: lu.resolution } : undefined;
}

const echapper = (texte: string) => texte.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The README table of the vocabulary (section « Import »), generated from the table above. */
export function tableVocabulaireMarkdown(): string {
  const lignes = [
    `Version du vocabulaire : \`${VERSION_VOCABULAIRE}\`.`,
    '',
    '| Colonne | Valeur du CMS | Libellés reconnus (origine) | Exporté |',
    '|---|---|---|---|',
  ];
  for (const vocabulaire of VOCABULAIRES) {
    for (const t of vocabulaire.termes) {
      const libelles = t.libelles.map((l) => (t.origines?.[l] ? `${l} (${t.origines[l]})` : l)).join(' ; ');
      lignes.push(`| \`${vocabulaire.colonne}\` | \`${t.valeur}\` | ${echapper(libelles)} | ${echapper(libelleExport(vocabulaire, t.valeur) ?? '—')} |`);
    }
    for (const a of vocabulaire.ambigus ?? []) {
      lignes.push(`| \`${vocabulaire.colonne}\` | *aucune* | ${echapper(a.libelle)} : ambigu (${a.candidats.join(' ou ')}), ${echapper(a.raison)} | — |`);
    }
  }
  return lignes.join('\n');
}
