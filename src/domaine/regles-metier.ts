/**
 * Cross-field rules of the data model (model.md, "Invariants the server enforces"), beyond what the
 * schema alone says. Pure: the glue resolves relations to thématiques before calling.
 */
import { estVide, type ErreurChamp } from './validation';

export const UID = {
  projet: 'api::projet.projet',
  collectivite: 'api::collectivite.collectivite',
  offreur: 'api::offreur.offreur',
  initiative: 'api::initiative-gouvernance.initiative-gouvernance',
  ressource: 'api::ressource.ressource',
  thematique: 'api::thematique.thematique',
  publicCible: 'api::public-cible.public-cible',
  techniqueIa: 'api::technique-ia.technique-ia',
  evenement: 'api::evenement.evenement',
} as const;

/** Relations a document cannot be published (or, without draft & publish, saved) without. */
export const RELATIONS_REQUISES: Record<string, readonly string[]> = {
  [UID.projet]: ['collectivite', 'thematique'],
  [UID.initiative]: ['collectivite'],
};

export const MAX_SOUS_THEMATIQUES = 2;

export interface RefThematique {
  documentId: string;
  /** true for one of the 34 sub-themes, false for one of the 6 themes. */
  estSousTheme: boolean;
}

export interface VueDocument {
  /** Scalar values as they will be after the write (stored values overlaid by the data sent). */
  valeurs: Record<string, unknown>;
  /** Relation sets as they will be after the write, for the relations the rules need. */
  relations: Record<string, readonly { documentId: string }[]>;
  /** Relations to thématiques, resolved with their level. */
  thematiques: Record<string, readonly RefThematique[]>;
}

type Libelle = (chemin: string[]) => string;

function erreur(champ: string, libelle: Libelle, message: string): ErreurChamp {
  return { chemin: [champ], message: `Le champ « ${libelle([champ])} » (${champ}) ${message}` };
}

export function reglesMetier(uid: string, vue: VueDocument, exigerRequis: boolean, libelle: Libelle): ErreurChamp[] {
  const erreurs: ErreurChamp[] = [];

  if (exigerRequis) {
    for (const champ of RELATIONS_REQUISES[uid] ?? []) {
      if ((vue.relations[champ] ?? []).length === 0) erreurs.push(erreur(champ, libelle, 'est obligatoire.'));
    }
  }

  if (uid === UID.projet) {
    if (vue.valeurs.statut === 'abandonne' && estVide(vue.valeurs.motifAbandon)) {
      erreurs.push(erreur('motifAbandon', libelle, 'est obligatoire quand le projet est abandonné.'));
    }
    const thematique = vue.thematiques.thematique ?? [];
    if (thematique.some((t) => t.estSousTheme)) {
      erreurs.push(erreur('thematique', libelle, 'doit être l’un des 6 thèmes, pas une sous-thématique.'));
    }
    const sousThematiques = vue.thematiques.sousThematiques ?? [];
    if (sousThematiques.length > MAX_SOUS_THEMATIQUES) {
      erreurs.push(erreur('sousThematiques', libelle, `accepte au plus ${MAX_SOUS_THEMATIQUES} sous-thématiques (${sousThematiques.length} reçues).`));
    }
    if (sousThematiques.some((t) => !t.estSousTheme)) {
      erreurs.push(erreur('sousThematiques', libelle, 'ne doit contenir que des sous-thématiques, pas des thèmes.'));
    }
  }

  if (uid === UID.thematique) {
    // Two levels only: a sub-theme's parent is one of the 6 themes.
    if ((vue.thematiques.parent ?? []).some((t) => t.estSousTheme)) {
      erreurs.push(erreur('parent', libelle, 'doit être un thème de premier niveau.'));
    }
  }

  return erreurs;
}
