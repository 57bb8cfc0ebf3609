/**
 * Libellés français de l’interface d’administration (content-manager) : étiquette, aide et exemple
 * de chaque champ, colonnes de la vue liste et sections de la vue d’édition.
 *
 * Données pures, sans dépendance à Strapi, un fichier par type de contenu (ses composants avec lui) :
 * `../configuration.ts` les fusionne dans la configuration que le content-manager conserve pour chaque
 * type de contenu et chaque composant.
 *
 * Convention : les champs que le module de visibilité marque « Restreint » sont rangés dans les
 * sections `restreinte`, que la vue d’édition réunit sous le titre « Accès restreint (membres) » :
 * l’agent sait ainsi que ces champs ne sont visibles que des membres de l’espace de confiance.
 */
import { ECRAN_LIEN, type ConfigurationEcran } from './commun';
import { ECRAN_COLLECTIVITE } from './collectivite';
import { ECRAN_EVENEMENT } from './evenement';
import { ECRAN_INITIATIVE_GOUVERNANCE } from './initiative-gouvernance';
import { ECRAN_JOURNAL } from './journal';
import { ECRAN_OFFREUR, ECRAN_SOLUTION } from './offreur';
import { ECRAN_ALGORITHME, ECRAN_DONNEES, ECRAN_EVALUATION, ECRAN_PROJET, ECRAN_SOURCE_DONNEES } from './projet';
import { ECRAN_PUBLIC_CIBLE } from './public-cible';
import { ECRAN_RESSOURCE } from './ressource';
import { ECRAN_SIGNALEMENT } from './signalement';
import { ECRAN_TECHNIQUE_IA } from './technique-ia';
import { ECRAN_THEMATIQUE } from './thematique';
import { ECRAN_UTILISATEUR } from './utilisateur';

export { EXPLICATION_ACCES_RESTREINT, LIBELLES_SYSTEME, TITRE_ACCES_RESTREINT, type ConfigurationEcran, type Libelle, type SectionEcran } from './commun';

export const ECRANS_TYPES: Record<string, ConfigurationEcran> = {
  'api::projet.projet': ECRAN_PROJET,
  'api::collectivite.collectivite': ECRAN_COLLECTIVITE,
  'api::offreur.offreur': ECRAN_OFFREUR,
  'api::initiative-gouvernance.initiative-gouvernance': ECRAN_INITIATIVE_GOUVERNANCE,
  'api::ressource.ressource': ECRAN_RESSOURCE,
  'api::evenement.evenement': ECRAN_EVENEMENT,
  'api::thematique.thematique': ECRAN_THEMATIQUE,
  'api::public-cible.public-cible': ECRAN_PUBLIC_CIBLE,
  'api::technique-ia.technique-ia': ECRAN_TECHNIQUE_IA,
  'api::signalement.signalement': ECRAN_SIGNALEMENT,
  'api::journal.entree-journal': ECRAN_JOURNAL,
};

/** Écrans des types de contenu des plugins : les comptes de l’espace de confiance (users-permissions). */
export const ECRANS_PLUGINS: Record<string, ConfigurationEcran> = {
  'plugin::users-permissions.user': ECRAN_UTILISATEUR,
};

export const ECRANS_COMPOSANTS: Record<string, ConfigurationEcran> = {
  'commun.lien': ECRAN_LIEN,
  'offreur.solution': ECRAN_SOLUTION,
  'projet.algorithme': ECRAN_ALGORITHME,
  'projet.donnees': ECRAN_DONNEES,
  'projet.source-donnees': ECRAN_SOURCE_DONNEES,
  'projet.evaluation': ECRAN_EVALUATION,
};
