/**
 * Libellés français de l’interface d’administration (content-manager) : étiquette, aide et exemple
 * de chaque champ, colonnes de la vue liste et sections de la vue d’édition.
 *
 * Données pures, sans dépendance à Strapi : `configuration.ts` les fusionne dans la configuration
 * que le content-manager conserve pour chaque type de contenu et chaque composant.
 *
 * Convention : les champs que le module de visibilité marque « Restreint » sont rangés dans les
 * sections `restreinte`, que la vue d’édition réunit sous le titre « Accès restreint (membres) » :
 * l’agent sait ainsi que ces champs ne sont visibles que des membres de l’espace de confiance.
 */

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

const SLUG: Libelle = {
  label: 'Identifiant d’URL',
  description:
    'Minuscules, chiffres et tirets. Proposé à partir du titre ; ne le modifiez plus une fois la fiche publiée (les liens en dépendent).',
  placeholder: 'ex. assistant-reponse-usagers',
};

const URL_WEB = 'Adresse complète commençant par https:// (ou http://).';

/** Nom, identifiant, description et ordre communs aux trois taxonomies traduites (fr/en). */
const libellesTaxonomie = (quoi: string): Record<string, Libelle> => ({
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

export const ECRANS_TYPES: Record<string, ConfigurationEcran> = {
  'api::projet.projet': {
    champPrincipal: 'nom',
    liste: ['nom', 'collectivite', 'statut', 'dateDemarrage', 'updatedAt'],
    triParDefaut: { champ: 'updatedAt', ordre: 'DESC' },
    libelles: {
      nom: {
        label: 'Nom du projet',
        description: 'Nom du projet ou du service déployé, 150 caractères au plus. Public.',
        placeholder: 'ex. Assistant de réponse aux usagers',
      },
      slug: SLUG,
      resume: {
        label: 'Résumé',
        description: 'En langage clair, 400 caractères au plus : affiché sur les cartes de la bibliothèque. Public.',
      },
      description: {
        label: 'Description du service',
        description: 'À quoi sert ce service ? Quels bénéfices sont attendus ? Markdown accepté. Public.',
      },
      collectivite: {
        label: 'Collectivité porteuse',
        description: 'Collectivité qui porte le projet ; celle de l’agent quand il n’en a qu’une.',
      },
      collectivitesPartenaires: {
        label: 'Collectivités partenaires',
        description: 'Autres collectivités qui portent le projet conjointement.',
      },
      offreurs: {
        label: 'Offreurs et partenaires',
        description: 'Entreprises, laboratoires, associations, financeurs… associés au projet.',
      },
      statut: {
        label: 'Statut du projet',
        description: 'Exploration, expérimentation, déploiement, terminé ou abandonné.',
      },
      motifAbandon: {
        label: 'Motif d’abandon',
        description: 'Expliquez les obstacles rencontrés et ce qui a conduit à l’abandon.',
      },
      dateDemarrage: {
        label: 'Date de démarrage',
        description: 'Choisissez le premier jour du mois de démarrage (seuls le mois et l’année sont publiés).',
      },
      thematique: {
        label: 'Thématique principale',
        description: 'Un des 6 thèmes de premier niveau de la nomenclature des Interconnectés.',
      },
      sousThematiques: {
        label: 'Sous-thématiques',
        description: 'Deux sous-thèmes au plus, pris dans toute la nomenclature des Interconnectés (pas forcément sous la thématique principale).',
      },
      publics: {
        label: 'Publics cibles',
        description: 'À qui s’adresse le service : grand public, agents, élus, entreprises…',
      },
      lienInformation: {
        label: 'Lien d’information',
        description: `Page présentant le projet ou donnant accès au service. ${URL_WEB}`,
        placeholder: 'https://',
      },
      illustration: {
        label: 'Illustration',
        description: 'Image affichée avec le projet ; à défaut, le logo de la collectivité porteuse est utilisé.',
      },
      techniquesIa: {
        label: 'Techniques d’IA',
        description: 'Familles de techniques mobilisées (apprentissage automatique, IA générative…).',
      },
      algorithme: {
        label: 'Algorithme',
        description: 'Nom, description et opérations de l’algorithme.',
      },
      impactEnvironnemental: {
        label: 'Impact environnemental',
        description: 'Score ou évaluation de l’impact environnemental (ex. Green Algorithms).',
      },
      impactEnvironnementalKwhAn: {
        label: 'Consommation estimée (kWh/an)',
        description: 'Consommation électrique estimée, en kilowattheures par an ; facultatif.',
        placeholder: 'ex. 1200',
      },
      donnees: {
        label: 'Données',
        description: 'Sources, mode de collecte et données personnelles traitées.',
      },
      hebergement: {
        label: 'Hébergement',
        description: 'Où sont hébergées les données : cloud chez un tiers, en interne, ou ne sait pas.',
      },
      miseEnOeuvre: {
        label: 'Mise en œuvre',
        description: 'Développement interne ou externe, prestataires, marché public.',
      },
      financement: {
        label: 'Financement',
        description: 'Guichets de financement mobilisés (budget propre, Fonds vert, CRTE, France 2030, FEDER…).',
      },
      budget: {
        label: 'Budget annuel',
        description: 'Ordre de grandeur par an : moins de 50 k€, de 50 à 100 k€, plus de 100 k€.',
      },
      contact: {
        label: 'Contact',
        description: 'Adresse électronique du service ou de la personne en charge (DPO…).',
        placeholder: 'ex. adresse du service ou du DPO',
      },
      ressources: {
        label: 'Ressources partagées',
        description:
          'Code source, jeux de données, modèles… Chacune est publique ou réservée aux membres selon son propre champ « Accès ».',
      },
      evaluation: {
        label: 'Évaluation et transparence',
        description: 'Catégorie de risque (règlement européen sur l’IA), proportionnalité, intervention humaine, recours… Public.',
      },
      notesImport: {
        label: 'Notes d’import (à reprendre)',
        description:
          'Valeurs du fichier importé qu’aucun champ n’a pu recevoir, telles quelles (« colonne : valeur »). Reportez-les dans les champs, puis effacez-les. Jamais publié.',
      },
    },
    sections: [
      {
        titre: 'Informations générales',
        lignes: [
          [{ champ: 'nom', taille: 6 }, { champ: 'slug', taille: 6 }],
          [{ champ: 'resume', taille: 12 }],
          [{ champ: 'description', taille: 12 }],
          [{ champ: 'collectivite', taille: 6 }, { champ: 'collectivitesPartenaires', taille: 6 }],
          [{ champ: 'offreurs', taille: 12 }],
          [{ champ: 'statut', taille: 6 }, { champ: 'motifAbandon', taille: 6 }],
          [{ champ: 'dateDemarrage', taille: 4 }, { champ: 'thematique', taille: 4 }, { champ: 'sousThematiques', taille: 4 }],
          [{ champ: 'publics', taille: 6 }, { champ: 'lienInformation', taille: 6 }],
          [{ champ: 'illustration', taille: 6 }],
        ],
      },
      {
        titre: 'Évaluation',
        lignes: [[{ champ: 'evaluation', taille: 12 }]],
      },
      {
        titre: 'Ressources',
        lignes: [[{ champ: 'ressources', taille: 12 }]],
      },
      {
        titre: 'Algorithme',
        restreinte: true,
        lignes: [[{ champ: 'techniquesIa', taille: 12 }], [{ champ: 'algorithme', taille: 12 }]],
      },
      {
        titre: 'Données',
        restreinte: true,
        lignes: [[{ champ: 'donnees', taille: 12 }], [{ champ: 'hebergement', taille: 6 }]],
      },
      {
        titre: 'Impact environnemental',
        restreinte: true,
        lignes: [[{ champ: 'impactEnvironnemental', taille: 6 }, { champ: 'impactEnvironnementalKwhAn', taille: 6 }]],
      },
      {
        titre: 'Mise en œuvre et contact',
        restreinte: true,
        lignes: [
          [{ champ: 'miseEnOeuvre', taille: 6 }, { champ: 'financement', taille: 6 }],
          [{ champ: 'budget', taille: 6 }, { champ: 'contact', taille: 6 }],
        ],
      },
      {
        // Internal (never served, not even to members): after the members-only part.
        titre: 'Reprise de l’import',
        lignes: [[{ champ: 'notesImport', taille: 12 }]],
      },
    ],
  },

  'api::collectivite.collectivite': {
    champPrincipal: 'nom',
    liste: ['nom', 'type', 'codeDepartement', 'siren', 'population'],
    triParDefaut: { champ: 'nom', ordre: 'ASC' },
    libelles: {
      nom: {
        label: 'Nom',
        description: 'Nom officiel de la collectivité ou de l’organisme.',
        placeholder: 'ex. Communauté d’agglomération du Grand Angoulême',
      },
      slug: SLUG,
      type: {
        label: 'Type de collectivité',
        description: 'Commune, EPCI, EPT, département, région, syndicat, opérateur public…',
      },
      sousType: {
        label: 'Sous-type',
        description: 'Nature juridique précise, par exemple CC, CA, CU ou METRO pour un EPCI.',
        placeholder: 'ex. CA',
      },
      siren: {
        label: 'SIREN',
        description: '9 chiffres sans espace ; la clé de contrôle est vérifiée. Unique.',
        placeholder: '9 chiffres',
      },
      siret: {
        label: 'SIRET du siège',
        description: '14 chiffres (SIREN + NIC), facultatif ; renseigné par les imports.',
        placeholder: '14 chiffres',
      },
      codeInsee: {
        label: 'Code INSEE (COG)',
        description: 'Code officiel géographique, par exemple 31555 pour Toulouse.',
      },
      codeDepartement: {
        label: 'Code du département',
        description: 'Par exemple 31, 2A ou 974.',
      },
      codeRegion: {
        label: 'Code de la région',
        description: 'Code INSEE à 2 chiffres, par exemple 76.',
      },
      population: {
        label: 'Population',
        description: 'Nombre d’habitants selon le dernier recensement, sans espace.',
      },
      latitude: {
        label: 'Latitude',
        description: 'En degrés décimaux (WGS 84), entre -90 et 90.',
        placeholder: 'ex. 45.6484',
      },
      longitude: {
        label: 'Longitude',
        description: 'En degrés décimaux (WGS 84), entre -180 et 180.',
        placeholder: 'ex. 0.1562',
      },
      logo: {
        label: 'Logo',
        description: 'Image importée ; elle prime sur l’adresse du logo.',
      },
      logoUrl: {
        label: 'Adresse du logo',
        description: `Logo hébergé ailleurs, utilisé si aucun logo n’est importé. ${URL_WEB}`,
        placeholder: 'https://',
      },
      siteWeb: {
        label: 'Site web',
        description: URL_WEB,
        placeholder: 'https://',
      },
      description: {
        label: 'Présentation',
        description: 'Quelques phrases sur la collectivité et sa démarche numérique.',
      },
      projets: {
        label: 'Projets portés',
        description: 'Projets dont la collectivité est porteuse (à renseigner depuis chaque projet).',
      },
      projetsPartenaires: {
        label: 'Projets en partenariat',
        description: 'Projets auxquels la collectivité participe comme partenaire (à renseigner depuis chaque projet).',
      },
      initiatives: {
        label: 'Initiatives de gouvernance',
        description: 'Chartes, comités d’éthique, stratégies… adoptés par la collectivité.',
      },
      referents: {
        label: 'Référents',
        description: 'Agents qui relisent et valident les documents de la collectivité avant modération. Modifiable par les modérateurs seulement ; jamais publié.',
      },
      contributeurs: {
        label: 'Contributeurs',
        description: 'Agents qui documentent les projets de la collectivité. Modifiable par les modérateurs seulement ; jamais publié.',
      },
    },
    sections: [
      {
        titre: 'Informations générales',
        lignes: [
          [{ champ: 'nom', taille: 8 }, { champ: 'slug', taille: 4 }],
          [{ champ: 'type', taille: 6 }, { champ: 'sousType', taille: 6 }],
          [{ champ: 'description', taille: 12 }],
          [{ champ: 'siteWeb', taille: 6 }, { champ: 'logoUrl', taille: 6 }],
          [{ champ: 'logo', taille: 6 }],
        ],
      },
      {
        titre: 'Identifiants et territoire',
        lignes: [
          [{ champ: 'siren', taille: 4 }, { champ: 'siret', taille: 4 }, { champ: 'codeInsee', taille: 4 }],
          [{ champ: 'codeDepartement', taille: 4 }, { champ: 'codeRegion', taille: 4 }, { champ: 'population', taille: 4 }],
          [{ champ: 'latitude', taille: 4 }, { champ: 'longitude', taille: 4 }],
        ],
      },
      {
        titre: 'Projets et initiatives',
        lignes: [
          [{ champ: 'projets', taille: 6 }, { champ: 'projetsPartenaires', taille: 6 }],
          [{ champ: 'initiatives', taille: 12 }],
        ],
      },
      {
        titre: 'Membres',
        lignes: [[{ champ: 'referents', taille: 6 }, { champ: 'contributeurs', taille: 6 }]],
      },
    ],
  },

  'api::offreur.offreur': {
    champPrincipal: 'nom',
    liste: ['nom', 'type', 'siteWeb', 'updatedAt'],
    triParDefaut: { champ: 'nom', ordre: 'ASC' },
    libelles: {
      nom: {
        label: 'Nom',
        description: 'Raison sociale ou nom d’usage de l’organisation, 200 caractères au plus.',
      },
      slug: SLUG,
      type: {
        label: 'Type d’organisation',
        description: 'Entreprise, start-up, laboratoire de recherche, association, acteur public, communauté open source…',
      },
      siren: {
        label: 'SIREN',
        description: '9 chiffres sans espace, facultatif ; la clé de contrôle est vérifiée.',
        placeholder: '9 chiffres',
      },
      siteWeb: {
        label: 'Site web',
        description: URL_WEB,
        placeholder: 'https://',
      },
      description: {
        label: 'Présentation',
        description: 'Activité de l’organisation et son offre pour les collectivités.',
      },
      logo: {
        label: 'Logo',
        description: 'Image au format PNG, JPEG ou SVG.',
      },
      solutions: {
        label: 'Solutions proposées',
        description: 'Une entrée par solution : nom, courte description et lien.',
      },
      contact: {
        label: 'Contact',
        description: 'Adresse électronique d’un interlocuteur.',
        placeholder: 'ex. adresse d’un interlocuteur',
      },
      projets: {
        label: 'Projets',
        description: 'Projets auxquels l’organisation contribue (à renseigner depuis chaque projet).',
      },
    },
    sections: [
      {
        titre: 'Informations générales',
        lignes: [
          [{ champ: 'nom', taille: 6 }, { champ: 'slug', taille: 6 }],
          [{ champ: 'type', taille: 6 }, { champ: 'siren', taille: 6 }],
          [{ champ: 'siteWeb', taille: 6 }, { champ: 'logo', taille: 6 }],
          [{ champ: 'description', taille: 12 }],
        ],
      },
      {
        titre: 'Solutions',
        lignes: [[{ champ: 'solutions', taille: 12 }]],
      },
      {
        titre: 'Projets',
        lignes: [[{ champ: 'projets', taille: 12 }]],
      },
      {
        titre: 'Contact',
        restreinte: true,
        lignes: [[{ champ: 'contact', taille: 6 }]],
      },
    ],
  },

  'api::initiative-gouvernance.initiative-gouvernance': {
    champPrincipal: 'titre',
    liste: ['titre', 'collectivite', 'type', 'statut', 'dateAdoption'],
    triParDefaut: { champ: 'updatedAt', ordre: 'DESC' },
    libelles: {
      titre: {
        label: 'Titre',
        description: '200 caractères au plus.',
        placeholder: 'ex. Charte de l’IA de la ville',
      },
      slug: SLUG,
      type: {
        label: 'Type d’initiative',
        description: 'Charte, comité d’éthique, stratégie IA et données, doctrine d’IA générative, formation…',
      },
      collectivite: {
        label: 'Collectivité porteuse',
        description: 'Collectivité qui a adopté l’initiative.',
      },
      collectivitesAssociees: {
        label: 'Collectivités associées',
        description: 'Autres collectivités parties prenantes.',
      },
      description: {
        label: 'Description',
        description: 'Objectifs, contenu, modalités de suivi. Markdown accepté.',
      },
      dateAdoption: {
        label: 'Date d’adoption',
        description: 'Date de la délibération ou de la décision.',
      },
      statut: {
        label: 'Statut',
        description: 'En préparation, adoptée ou archivée.',
      },
      documents: {
        label: 'Documents',
        description: 'Texte adopté, délibération… de préférence en PDF.',
      },
      lien: {
        label: 'Lien',
        description: `Page officielle de l’initiative. ${URL_WEB}`,
        placeholder: 'https://',
      },
      thematiques: {
        label: 'Thématiques',
        description: 'Thèmes de politique publique concernés.',
      },
      contact: {
        label: 'Contact',
        description: 'Adresse électronique de la personne ou du service référent.',
        placeholder: 'ex. adresse du service référent',
      },
    },
    sections: [
      {
        titre: 'Informations générales',
        lignes: [
          [{ champ: 'titre', taille: 6 }, { champ: 'slug', taille: 6 }],
          [{ champ: 'type', taille: 6 }, { champ: 'statut', taille: 6 }],
          [{ champ: 'collectivite', taille: 6 }, { champ: 'collectivitesAssociees', taille: 6 }],
          [{ champ: 'description', taille: 12 }],
          [{ champ: 'dateAdoption', taille: 4 }, { champ: 'thematiques', taille: 8 }],
        ],
      },
      {
        titre: 'Documents et liens',
        lignes: [[{ champ: 'documents', taille: 6 }, { champ: 'lien', taille: 6 }]],
      },
      {
        titre: 'Contact',
        restreinte: true,
        lignes: [[{ champ: 'contact', taille: 6 }]],
      },
    ],
  },

  'api::ressource.ressource': {
    champPrincipal: 'titre',
    liste: ['titre', 'type', 'acces', 'collectivite', 'updatedAt'],
    triParDefaut: { champ: 'updatedAt', ordre: 'DESC' },
    libelles: {
      titre: {
        label: 'Titre',
        description: '200 caractères au plus.',
        placeholder: 'ex. Modèle de classification des courriers',
      },
      slug: SLUG,
      type: {
        label: 'Type de ressource',
        description: 'Code source, jeu de données, modèle, documentation, cahier des charges…',
      },
      url: {
        label: 'Adresse de la ressource',
        description: `Dépôt de code, page du jeu de données… ${URL_WEB}`,
        placeholder: 'https://',
      },
      licence: {
        label: 'Licence',
        description: 'Identifiant SPDX (ex. MIT, EUPL-1.2, CC-BY-4.0) ou « Licence Ouverte 2.0 ».',
        placeholder: 'ex. EUPL-1.2',
      },
      description: {
        label: 'Description',
        description: 'Contenu, conditions de réutilisation. Markdown accepté.',
      },
      acces: {
        label: 'Accès',
        description:
          '« public » : visible de tous ; « membres » : réservée aux membres de l’espace de confiance, absente de l’API publique.',
      },
      fichiers: {
        label: 'Fichiers',
        description: 'Fichiers déposés (documents, images), soumis au même accès que la ressource.',
      },
      projets: {
        label: 'Projets liés',
        description: 'Projets qui utilisent ou ont produit cette ressource.',
      },
      collectivite: {
        label: 'Collectivité',
        description: 'Collectivité qui partage la ressource, le cas échéant.',
      },
      offreur: {
        label: 'Offreur',
        description: 'Organisation qui partage la ressource, le cas échéant.',
      },
    },
    sections: [
      {
        titre: 'Informations générales',
        lignes: [
          [{ champ: 'titre', taille: 6 }, { champ: 'slug', taille: 6 }],
          [{ champ: 'type', taille: 6 }, { champ: 'acces', taille: 6 }],
          [{ champ: 'url', taille: 8 }, { champ: 'licence', taille: 4 }],
          [{ champ: 'description', taille: 12 }],
        ],
      },
      {
        titre: 'Fichiers',
        lignes: [[{ champ: 'fichiers', taille: 12 }]],
      },
      {
        titre: 'Rattachements',
        lignes: [
          [{ champ: 'projets', taille: 12 }],
          [{ champ: 'collectivite', taille: 6 }, { champ: 'offreur', taille: 6 }],
        ],
      },
    ],
  },

  'api::evenement.evenement': {
    champPrincipal: 'titre',
    liste: ['titre', 'date', 'lieu', 'enLigne'],
    triParDefaut: { champ: 'date', ordre: 'DESC' },
    libelles: {
      titre: {
        label: 'Titre',
        description: '200 caractères au plus.',
        placeholder: 'ex. Rencontre trimestrielle – printemps 2025',
      },
      slug: SLUG,
      date: {
        label: 'Date et heure',
        description: 'Début de la rencontre (heure de Paris).',
      },
      lieu: {
        label: 'Lieu',
        description: 'Adresse ou ville ; laissez vide pour une rencontre uniquement en ligne.',
        placeholder: 'ex. Hôtel de ville, Lyon',
      },
      enLigne: {
        label: 'En ligne',
        description: 'Cochez si la rencontre est accessible à distance.',
      },
      description: {
        label: 'Description',
        description: 'Programme, intervenants, modalités d’inscription. Markdown accepté.',
      },
      lien: {
        label: 'Lien',
        description: `Inscription ou visioconférence. ${URL_WEB}`,
        placeholder: 'https://',
      },
      thematiques: {
        label: 'Thématiques',
        description: 'Thèmes abordés pendant la rencontre.',
      },
    },
    sections: [
      {
        titre: 'Informations générales',
        lignes: [
          [{ champ: 'titre', taille: 6 }, { champ: 'slug', taille: 6 }],
          [{ champ: 'date', taille: 6 }, { champ: 'lieu', taille: 6 }],
          [{ champ: 'enLigne', taille: 4 }, { champ: 'lien', taille: 8 }],
          [{ champ: 'description', taille: 12 }],
          [{ champ: 'thematiques', taille: 12 }],
        ],
      },
    ],
  },

  'api::thematique.thematique': {
    champPrincipal: 'nom',
    liste: ['nom', 'parent', 'ordre', 'slug'],
    triParDefaut: { champ: 'ordre', ordre: 'ASC' },
    libelles: {
      ...libellesTaxonomie('du thème ou du sous-thème'),
      parent: {
        label: 'Thème parent',
        description: 'Vide pour un thème de premier niveau ; le thème de rattachement pour un sous-thème.',
      },
      enfants: {
        label: 'Sous-thèmes',
        description: 'Sous-thèmes rattachés à ce thème (à renseigner depuis chaque sous-thème).',
      },
    },
    sections: [
      {
        titre: 'Informations générales',
        lignes: [
          [{ champ: 'nom', taille: 6 }, { champ: 'slug', taille: 6 }],
          [{ champ: 'description', taille: 12 }],
          [{ champ: 'ordre', taille: 4 }],
        ],
      },
      {
        titre: 'Hiérarchie',
        lignes: [[{ champ: 'parent', taille: 6 }, { champ: 'enfants', taille: 6 }]],
      },
    ],
  },

  'api::public-cible.public-cible': {
    champPrincipal: 'nom',
    liste: ['nom', 'slug', 'ordre'],
    triParDefaut: { champ: 'ordre', ordre: 'ASC' },
    libelles: libellesTaxonomie('du public'),
    sections: [
      {
        titre: 'Informations générales',
        lignes: [
          [{ champ: 'nom', taille: 6 }, { champ: 'slug', taille: 6 }],
          [{ champ: 'description', taille: 12 }],
          [{ champ: 'ordre', taille: 4 }],
        ],
      },
    ],
  },

  'api::technique-ia.technique-ia': {
    champPrincipal: 'nom',
    liste: ['nom', 'slug', 'ordre'],
    triParDefaut: { champ: 'ordre', ordre: 'ASC' },
    libelles: libellesTaxonomie('de la technique'),
    sections: [
      {
        titre: 'Informations générales',
        lignes: [
          [{ champ: 'nom', taille: 6 }, { champ: 'slug', taille: 6 }],
          [{ champ: 'description', taille: 12 }],
          [{ champ: 'ordre', taille: 4 }],
        ],
      },
    ],
  },
};

/** Écrans des types de contenu des plugins : les comptes de l’espace de confiance (users-permissions). */
export const ECRANS_PLUGINS: Record<string, ConfigurationEcran> = {
  'plugin::users-permissions.user': {
    liste: ['id', 'email', 'organisation', 'confirmed', 'approuve', 'blocked'],
    libelles: {
      username: { label: 'Nom d’utilisateur' },
      email: { label: 'Adresse électronique' },
      organisation: {
        label: 'Organisation',
        description: 'Collectivité ou organisme du membre, déclaré à l’inscription.',
      },
      confirmed: { label: 'Adresse confirmée', description: 'Le membre a suivi le lien du courriel de confirmation.' },
      approuve: {
        label: 'Compte approuvé',
        description:
          'Un modérateur a vérifié ce compte : une fois l’adresse confirmée, il voit les champs réservés aux membres. Coché d’office pour les domaines autorisés (MEMBRES_DOMAINES_AUTORISES).',
      },
      blocked: { label: 'Bloqué', description: 'Un compte bloqué ne peut plus se connecter.' },
      role: { label: 'Rôle' },
    },
  },
};

export const ECRANS_COMPOSANTS: Record<string, ConfigurationEcran> = {
  'commun.lien': {
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
  },

  'offreur.solution': {
    champPrincipal: 'nom',
    libelles: {
      nom: {
        label: 'Nom de la solution',
        description: '150 caractères au plus.',
      },
      description: {
        label: 'Description',
        description: 'Ce que fait la solution, en quelques phrases.',
      },
      url: {
        label: 'Adresse web',
        description: URL_WEB,
        placeholder: 'https://',
      },
    },
  },

  'projet.algorithme': {
    champPrincipal: 'nom',
    libelles: {
      nom: {
        label: 'Nom de l’algorithme',
        description: 'S’il n’en a pas, indiquez la décision mise en œuvre, par exemple « réservation et accès crèche ».',
      },
      description: {
        label: 'Description de l’algorithme',
        description: 'À quoi sert cet algorithme ? Quelles tâches accomplit-il ?',
      },
      operations: {
        label: 'Opérations effectuées',
        description: 'Détail des opérations techniques réalisées par l’algorithme, simples ou complexes.',
      },
    },
  },

  'projet.donnees': {
    libelles: {
      sources: {
        label: 'Sources des données',
        description: 'Qui fournit les données d’entraînement et d’utilisation : usager, jeu interne, open data, tiers, ne sait pas.',
      },
      modeAcces: {
        label: 'Mode de collecte',
        description: 'Comment les données sont collectées et mises à jour : API, automatisée, récupération manuelle, ne sait pas.',
      },
      donneesPersonnelles: {
        label: 'Données personnelles',
        description: 'Aucune, pseudonymisées ou identifiantes.',
      },
    },
  },

  'projet.source-donnees': {
    champPrincipal: 'source',
    libelles: {
      source: {
        label: 'Source',
        description: 'Usager, jeu de données interne, open data, données d’un tiers, ou ne sait pas.',
      },
    },
  },

  'projet.evaluation': {
    champPrincipal: 'risqueCategorie',
    libelles: {
      risqueCategorie: {
        label: 'Catégorie de risque (AI Act)',
        description: 'Classe du règlement européen sur l’IA : minimal, limité, élevé ou inacceptable.',
      },
      risque: {
        label: 'Évaluation des risques',
        description: 'Méthode d’évaluation utilisée, principaux risques et mesures d’atténuation.',
      },
      proportionnalite: {
        label: 'Proportionnalité',
        description: 'Pourquoi l’IA est nécessaire : bénéfice par rapport à une solution sans IA.',
      },
      decision: {
        label: 'Portée de la décision',
        description: 'Décision à portée externe (usagers) ou procédure interne (agents) ; nombre de décisions concernées.',
      },
      niveauAutomatisation: {
        label: 'Niveau d’automatisation',
        description: 'De « sans décision individuelle » à « décision automatisée ».',
      },
      interventionHumaine: {
        label: 'Intervention humaine',
        description: 'Qui contrôle, valide ou corrige les résultats, et à quel moment.',
      },
      erreur: {
        label: 'Écart aux objectifs',
        description:
          'Faible : le système répond bien aux objectifs ; moyen : partiellement ; fort : il n’y répond pas.',
      },
      explicabilite: {
        label: 'Niveau d’explicabilité',
        description: 'Faible : facilement explicable au public ; moyen : explicable mais complexe ; fort : non explicable.',
      },
      reversibilite: {
        label: 'Réversibilité',
        description: 'Peut-on annuler complètement les effets de l’algorithme ? Que faut-il pour cela ?',
      },
      objection: {
        label: 'Procédure d’objection',
        description: 'Comment une personne peut s’opposer à l’usage ou au résultat de l’algorithme.',
      },
      evaluationsImpact: {
        label: 'Analyses d’impact',
        description: 'Liens vers les analyses publiées : AIPD (DPIA), FRIA…',
      },
    },
  },
};
