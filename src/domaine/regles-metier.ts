/**
 * Cross-field rules of the data model (README, « Règles garanties par le serveur »), beyond what the
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

/** Level of the nomenclature a thématique is at: one of the 6 themes or one of the 34 sub-themes. */
export type NiveauThematique = 'theme' | 'sousTheme';

/**
 * Which level each relation to thématiques accepts (a field absent here accepts both). The one
 * declaration read by the save-time rule below and by the admin relation pickers, which offer only
 * what it accepts (src/extensions/content-manager/selecteurs.ts).
 */
export const NIVEAUX_THEMATIQUES: Readonly<Record<string, Readonly<Record<string, NiveauThematique>>>> = {
  [UID.projet]: { thematique: 'theme', sousThematiques: 'sousTheme' },
  // Two levels only: a sub-theme's parent is one of the 6 themes.
  [UID.thematique]: { parent: 'theme' },
};

const REFUS_NIVEAU: Record<NiveauThematique, string> = {
  theme: 'doit être l’un des 6 thèmes, pas une sous-thématique.',
  sousTheme: 'ne doit contenir que des sous-thématiques, pas des thèmes.',
};

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
    const sousThematiques = vue.thematiques.sousThematiques ?? [];
    if (sousThematiques.length > MAX_SOUS_THEMATIQUES) {
      erreurs.push(erreur('sousThematiques', libelle, `accepte au plus ${MAX_SOUS_THEMATIQUES} sous-thématiques (${sousThematiques.length} reçues).`));
    }
  }

  for (const [champ, niveau] of Object.entries(NIVEAUX_THEMATIQUES[uid] ?? {})) {
    if ((vue.thematiques[champ] ?? []).some((t) => t.estSousTheme !== (niveau === 'sousTheme'))) {
      erreurs.push(erreur(champ, libelle, REFUS_NIVEAU[niveau]));
    }
  }

  return erreurs;
}
