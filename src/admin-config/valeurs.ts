/**
 * French words for every enumeration value an agent meets: in the form, the list, the filters, the
 * review panel and the e-mails. Keyed by model uid (content type or component), then attribute.
 *
 * Pure data with no import, so the admin bundle and the server read the same table. A unit test
 * checks it against every enumeration of the schemas: a new value without words fails the suite.
 */

export type LibellesValeurs = Readonly<Record<string, Readonly<Record<string, string>>>>;

const NIVEAUX = { faible: 'Faible', moyen: 'Moyen', fort: 'Fort' } as const;

export const LIBELLES_VALEURS: Readonly<Record<string, LibellesValeurs>> = {
  'api::projet.projet': {
    statut: {
      exploration: 'En exploration',
      experimentation: 'En expérimentation',
      deploiement: 'En déploiement',
      termine: 'Terminé',
      abandonne: 'Abandonné',
    },
    hebergement: { cloud_tiers: 'Cloud chez un tiers', interne: 'En interne de l’administration', nsp: 'Ne sait pas' },
    miseEnOeuvre: {
      interne: 'Développé en interne',
      externe: 'Développé en externe',
      prestataires: 'Avec des prestataires',
      marche_public: 'Par un marché public',
    },
    budget: { moins_50k: 'Moins de 50 k€', de_50k_a_100k: 'De 50 k€ à 100 k€', plus_100k: 'Plus de 100 k€' },
  },
  'api::collectivite.collectivite': {
    type: {
      commune: 'Commune',
      epci: 'EPCI',
      ept: 'Établissement public territorial',
      departement: 'Département',
      region: 'Région',
      syndicat: 'Syndicat',
      collectivite_statut_particulier: 'Collectivité à statut particulier',
      operateur_public: 'Opérateur public',
      autre: 'Autre',
    },
  },
  'api::initiative-gouvernance.initiative-gouvernance': {
    type: {
      charte: 'Charte',
      comite_ethique: 'Comité d’éthique',
      strategie_ia_data: 'Stratégie IA et données',
      doctrine_ia_generative: 'Doctrine sur l’IA générative',
      formation: 'Formation',
      concertation_citoyenne: 'Concertation citoyenne',
      registre_algorithmes: 'Registre des algorithmes',
      autre: 'Autre',
    },
    statut: { en_preparation: 'En préparation', adoptee: 'Adoptée', archivee: 'Archivée' },
  },
  'api::signalement.signalement': {
    etat: { nouveau: 'Nouveau', en_cours: 'En cours', traite: 'Traité' },
  },
  'api::journal.entree-journal': {
    action: {
      creation: 'Création',
      modification: 'Modification',
      suppression: 'Suppression',
      publication: 'Publication',
      depublication: 'Dépublication',
      transition: 'Transition de revue',
      rattachement: 'Référents ou contributeurs modifiés',
      connexion: 'Connexion',
      echec_connexion: 'Échec de connexion',
      deconnexion: 'Déconnexion',
      compte_cree: 'Compte d’agent créé',
      compte_modifie: 'Compte d’agent modifié',
      compte_supprime: 'Compte d’agent supprimé',
      role_modifie: 'Rôle d’un agent modifié',
      import: 'Import de projets',
      jeton_cree: 'Jeton créé',
      jeton_supprime: 'Jeton supprimé',
      purge: 'Purge du journal',
    },
  },
  'api::offreur.offreur': {
    type: {
      entreprise: 'Entreprise',
      startup: 'Start-up',
      recherche: 'Recherche',
      association: 'Association',
      acteur_public: 'Acteur public',
      communaute_open_source: 'Communauté open source',
      autre: 'Autre',
    },
  },
  'api::ressource.ressource': {
    type: {
      code_source: 'Code source',
      jeu_de_donnees: 'Jeu de données',
      modele: 'Modèle entraîné',
      documentation: 'Documentation',
      cahier_des_charges: 'Cahier des charges',
      autre: 'Autre',
    },
    acces: { public: 'Public', membres: 'Membres seulement' },
  },
  'projet.donnees': {
    modeAcces: { api: 'Par API', automatisee: 'Automatisée', recuperation_manuelle: 'Récupération manuelle', nsp: 'Ne sait pas' },
    donneesPersonnelles: { aucune: 'Aucune', pseudonymisees: 'Pseudonymisées', identifiantes: 'Identifiantes' },
  },
  'projet.evaluation': {
    risqueCategorie: { minimal: 'Risque minimal', limite: 'Risque limité', eleve: 'Risque élevé', inacceptable: 'Risque inacceptable' },
    niveauAutomatisation: {
      sans_decision_individuelle: 'Sans décision individuelle',
      aide_a_la_decision: 'Aide à la décision',
      decision_assistee: 'Décision assistée',
      decision_automatisee: 'Décision automatisée',
    },
    erreur: NIVEAUX,
    explicabilite: NIVEAUX,
  },
  'projet.source-donnees': {
    source: {
      usager: 'L’usager',
      jeu_de_donnees_interne: 'Jeu de données interne',
      open_data: 'Open data',
      donnees_tiers: 'Données d’un tiers',
      nsp: 'Ne sait pas',
    },
  },
};

/** The French words of a value; the value itself when the table has none (never happens for schema values). */
export function libelleValeur(modele: string, attribut: string, valeur: string): string {
  return LIBELLES_VALEURS[modele]?.[attribut]?.[valeur] ?? valeur;
}
