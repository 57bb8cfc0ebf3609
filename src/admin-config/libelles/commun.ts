/** Ce que partagent les écrans : leur forme, les champs ajoutés par Strapi, les libellés communs. */

export interface Libelle {
  label: string;
  description?: string;
  placeholder?: string;
}

export interface SectionEcran {
  titre: string;
  /** Champs réservés aux membres : la section est rangée dans la partie « Accès restreint (membres) ». */
  restreinte?: boolean;
  lignes: Array<Array<{ champ: string; taille: 4 | 6 | 8 | 12 }>>;
}

export interface ConfigurationEcran {
  /** Chaque attribut du type ou du composant, en français. */
  libelles: Record<string, Libelle>;
  /** Colonnes de la vue liste (types de contenu seulement) : 3 à 6, la première est `id` ou le champ principal. */
  liste?: string[];
  /**
   * Vue d’édition (types de contenu seulement) : stockée aplatie dans l’ordre, découpée en panneaux
   * titrés dans l’administration (sections.ts) ; les sections `restreinte` y forment une seule partie.
   */
  sections?: SectionEcran[];
  /** Champ affiché dans les sélecteurs de relation et comme titre d’une entrée (settings.mainField). */
  champPrincipal?: string;
  /** Attributs calculés par le CMS : colonnes et filtres de la vue liste, jamais dans la vue d’édition. */
  calcules?: readonly string[];
  triParDefaut?: { champ: string; ordre: 'ASC' | 'DESC' };
}

/** Titre de la partie de la vue d’édition qui rassemble les champs réservés aux membres. */
export const TITRE_ACCES_RESTREINT = 'Accès restreint (membres)';
export const EXPLICATION_ACCES_RESTREINT =
  'Les champs de cette partie ne sont visibles que des membres de l’espace de confiance, jamais du public.';

/**
 * Champs ajoutés par Strapi (identifiants, horodatages, auteurs, langue) : ils apparaissent dans la vue
 * liste et les filtres, jamais dans la vue d’édition.
 */
export const LIBELLES_SYSTEME: Record<string, Libelle> = {
  id: { label: 'ID' },
  documentId: { label: 'Identifiant du document' },
  createdAt: { label: 'Créé le' },
  updatedAt: { label: 'Modifié le' },
  publishedAt: { label: 'Publié le' },
  createdBy: { label: 'Créé par' },
  updatedBy: { label: 'Modifié par' },
  locale: { label: 'Langue' },
  localizations: { label: 'Traductions' },
};

export const SLUG: Libelle = {
  label: 'Identifiant d’URL',
  description:
    'Minuscules, chiffres et tirets. Proposé à partir du titre ; ne le modifiez plus une fois la fiche publiée (les liens en dépendent).',
  placeholder: 'ex. assistant-reponse-usagers',
};

export const URL_WEB = 'Adresse complète commençant par https:// (ou http://).';

/** Nom, identifiant, description et ordre communs aux trois taxonomies traduites (fr/en). */
export const libellesTaxonomie = (quoi: string): Record<string, Libelle> => ({
  nom: {
    label: 'Nom',
    description: `Nom ${quoi}, à saisir dans chaque langue (français, anglais) avec le sélecteur de langue.`,
  },
  slug: {
    label: 'Identifiant d’URL',
    description: 'Commun à toutes les langues ; sert aux imports et aux filtres de l’API, ne le modifiez pas.',
  },
  description: {
    label: 'Description',
    description: 'Définition courte, à traduire dans chaque langue.',
  },
  ordre: {
    label: 'Ordre d’affichage',
    description: 'Nombre entier : les valeurs les plus petites s’affichent en premier.',
    placeholder: '0',
  },
});

/** Section « Informations générales » des trois taxonomies : nom, identifiant, description, ordre. */
export const SECTION_TAXONOMIE: SectionEcran = {
  titre: 'Informations générales',
  lignes: [
    [{ champ: 'nom', taille: 6 }, { champ: 'slug', taille: 6 }],
    [{ champ: 'description', taille: 12 }],
    [{ champ: 'ordre', taille: 4 }],
  ],
};

/** Écran d’une taxonomie sans hiérarchie (publics cibles, techniques d’IA). */
export const ecranTaxonomie = (quoi: string): ConfigurationEcran => ({
  champPrincipal: 'nom',
  liste: ['nom', 'slug', 'ordre'],
  triParDefaut: { champ: 'ordre', ordre: 'ASC' },
  libelles: libellesTaxonomie(quoi),
  sections: [SECTION_TAXONOMIE],
});

/** Composant commun.lien. */
export const ECRAN_LIEN: ConfigurationEcran = {
  champPrincipal: 'titre',
  libelles: {
    titre: {
      label: 'Titre',
      description: 'Ce que désigne le lien, par exemple « AIPD » ou « Analyse d’impact sur les droits fondamentaux (FRIA) ».',
    },
    url: {
      label: 'Adresse web',
      description: URL_WEB,
      placeholder: 'https://',
    },
  },
};
