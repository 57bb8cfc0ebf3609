/** Écrans du projet et de ses composants (algorithme, données, évaluation). */
import { SLUG, URL_WEB, type ConfigurationEcran } from './commun';
import { CHAMPS_QUALITE } from '../../domaine/qualite/champs';

export const ECRAN_PROJET: ConfigurationEcran = {
  champPrincipal: 'nom',
  liste: ['nom', 'collectivite', 'statut', 'dateDemarrage', 'updatedAt'],
  triParDefaut: { champ: 'updatedAt', ordre: 'DESC' },
  calcules: CHAMPS_QUALITE,
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
    roleOffreurs: {
      label: 'Rôle des offreurs',
      description: 'Ce que fait chaque offreur ou partenaire : développement, fourniture, hébergement, accompagnement… Public.',
      placeholder: 'ex. Développement par la société X, hébergement par la région',
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
    dateFin: {
      label: 'Date de fin',
      description: 'Fin du projet ou de l’usage du service, prévue ou effective ; pas avant la date de démarrage. Public.',
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
    baseLegale: {
      label: 'Base légale',
      description: 'Fondement juridique du traitement : texte de loi, mission de service public, consentement… Public.',
      placeholder: 'ex. Article L. 2212-2 du code général des collectivités territoriales',
    },
    lienDeliberation: {
      label: 'Lien vers la délibération',
      description: `Délibération ou décision qui a lancé le projet. ${URL_WEB} Public.`,
      placeholder: 'https://',
    },
    voiesDeRecours: {
      label: 'Voies de recours',
      description: 'Comment contester une décision prise avec le service : recours gracieux, médiateur, tribunal administratif… Public.',
      placeholder: 'ex. Recours gracieux auprès du maire, puis tribunal administratif',
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
    scoreCompletude: {
      label: 'Complétude (%)',
      description: 'Calculée à chaque enregistrement : part des éléments attendus par la fiche de transparence et le schéma national qui sont renseignés.',
    },
    liensCasses: {
      label: 'Liens cassés',
      description: 'Calculé par la vérification périodique des liens : au moins une adresse du projet ne répond pas.',
    },
    liensCassesDetail: {
      label: 'Détail des liens cassés',
      description: 'Adresses qui ne répondaient pas à la dernière vérification, avec la raison.',
    },
    liensVerifiesLe: {
      label: 'Liens vérifiés le',
      description: 'Date de la dernière vérification des liens du projet.',
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
        [{ champ: 'roleOffreurs', taille: 12 }],
        [{ champ: 'statut', taille: 6 }, { champ: 'motifAbandon', taille: 6 }],
        [{ champ: 'dateDemarrage', taille: 6 }, { champ: 'dateFin', taille: 6 }],
        [{ champ: 'thematique', taille: 6 }, { champ: 'sousThematiques', taille: 6 }],
        [{ champ: 'publics', taille: 6 }, { champ: 'lienInformation', taille: 6 }],
        [{ champ: 'illustration', taille: 6 }],
      ],
    },
    {
      titre: 'Évaluation',
      lignes: [[{ champ: 'evaluation', taille: 12 }]],
    },
    {
      titre: 'Cadre juridique et recours',
      lignes: [[{ champ: 'baseLegale', taille: 12 }], [{ champ: 'lienDeliberation', taille: 12 }], [{ champ: 'voiesDeRecours', taille: 12 }]],
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
};

/** Composant projet.algorithme. */
export const ECRAN_ALGORITHME: ConfigurationEcran = {
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
};

/** Composant projet.donnees. */
export const ECRAN_DONNEES: ConfigurationEcran = {
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
};

/** Composant projet.source-donnees. */
export const ECRAN_SOURCE_DONNEES: ConfigurationEcran = {
  champPrincipal: 'source',
  libelles: {
    source: {
      label: 'Source',
      description: 'Usager, jeu de données interne, open data, données d’un tiers, ou ne sait pas.',
    },
  },
};

/** Composant projet.evaluation. */
export const ECRAN_EVALUATION: ConfigurationEcran = {
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
};
