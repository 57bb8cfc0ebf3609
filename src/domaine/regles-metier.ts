/**
 * Cross-field rules of the data model (README, « Règles garanties par le serveur »), beyond what the
 * schema alone says. Pure: the glue resolves relations to thématiques before calling.
 */
import { chiffresSeuls, normaliserSiren, siretValide } from './siren';
import { dateValide, type ErreurChamp } from './validation';

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

/** No value: what a required field or a required relation's attribute may not be. */
export function estVide(valeur: unknown): boolean {
  if (valeur === undefined || valeur === null) return true;
  if (typeof valeur === 'string') return valeur.trim() === '';
  if (Array.isArray(valeur)) return valeur.length === 0;
  return false;
}

/** An identifier kept in one canonical form whatever the content type: its normal form, or null when invalid. */
export interface RegleIdentifiant {
  normaliser(valeur: string): string | null;
  /** Completes « Le champ « … » (…) » when the value is invalid. */
  refus: string;
}

/**
 * INSEE identifiers, by attribute name: a SIRET written any way (spaces, dots) is a valid SIREN input and is
 * reduced to its SIREN; a SIRET is stored as its 14 digits. Checked instead of the length and the form of a text.
 */
export const IDENTIFIANTS: ReadonlyMap<string, RegleIdentifiant> = new Map([
  ['siren', { normaliser: normaliserSiren, refus: 'doit être un numéro SIREN valide (9 chiffres dont la clé de contrôle) ou un SIRET dont il est extrait.' }],
  [
    'siret',
    {
      normaliser: (valeur: string) => {
        const chiffres = chiffresSeuls(valeur);
        return siretValide(chiffres) ? chiffres : null;
      },
      refus: 'doit être un numéro SIRET valide (14 chiffres dont la clé de contrôle).',
    },
  ],
]);

/** Relations a document cannot be published (or, without draft & publish, saved) without. */
export const RELATIONS_REQUISES: Record<string, readonly string[]> = {
  [UID.projet]: ['collectivite', 'thematique', 'publics'],
  [UID.initiative]: ['collectivite'],
};

/** Attributes optional in a draft (the schema does not require them) that publication requires. */
export const VALEURS_REQUISES: Record<string, readonly string[]> = {
  [UID.projet]: ['dateDemarrage'],
};

/**
 * Attributes publication requires when another attribute has a given value. A draft may lack them (an
 * agent, or an import, records « abandonné » before the motif is written); submission and publication may not.
 */
export const VALEURS_REQUISES_SI: Readonly<Record<string, ReadonlyArray<{ champ: string; si: string; vaut: string; quand: string }>>> = {
  [UID.projet]: [{ champ: 'motifAbandon', si: 'statut', vaut: 'abandonne', quand: 'quand le projet est abandonné' }],
};

/**
 * Pairs of dates whose end may not precede the start. Checked on every write, drafts included, against the
 * values after the write: sending only one of the two dates compares it with the stored other one.
 */
export const DATES_ORDONNEES: Readonly<Record<string, ReadonlyArray<{ debut: string; fin: string }>>> = {
  [UID.projet]: [{ debut: 'dateDemarrage', fin: 'dateFin' }],
};

/** Attributes of the document a relation designates that publication requires (the target may lack them otherwise). */
export const ATTRIBUTS_REQUIS_DES_RELATIONS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  [UID.projet]: { collectivite: ['siren', 'type'] },
};

/**
 * Targets that do not count towards a required relation: the national schema has no word for them, so a
 * projet whose only public is « Autre » would be exported with an empty Audience.
 */
export const CIBLES_NON_COMPTEES: Readonly<Record<string, Readonly<Record<string, { attribut: string; valeurs: readonly string[] }>>>> = {
  [UID.projet]: { publics: { attribut: 'slug', valeurs: ['autre'] } },
};

/** Attributes of the targets of `champ` that the rules read. */
export function attributsLusDesCibles(uid: string, champ: string): string[] {
  const exclues = CIBLES_NON_COMPTEES[uid]?.[champ];
  return [...(ATTRIBUTS_REQUIS_DES_RELATIONS[uid]?.[champ] ?? []), ...(exclues ? [exclues.attribut] : [])];
}

/** How the rules name those attributes of the target. */
const NOMS_ATTRIBUTS_CIBLES: Readonly<Record<string, string>> = { siren: 'le SIREN (siren)', type: 'le type (type)' };

/**
 * The columns the national Table Schema (donnees/interconnectes/schema-1.1.0.json) requires among those
 * the open-data export publishes → what of a projet they are written from: an attribute, a relation, or
 * `relation.attribut` of the designated document; null when the CMS writes it itself. Every published
 * projet is thus a valid row (a unit test checks each target is required by the schemas or the rules above).
 */
export const COLONNES_REQUISES_PUBLICATION: Readonly<Record<string, string | null>> = {
  Nom_collectivite: 'collectivite.nom',
  Nom_du_projet: 'nom',
  SIRET: 'collectivite.siren',
  Type_de_collectivite: 'collectivite.type',
  Date_de_demarrage: 'dateDemarrage',
  Statut_du_projet: 'statut',
  Description_service: 'description',
  Theme: 'thematique',
  Audience: 'publics',
  Date_de_derniere_mise_a_jour: null,
};

/** A document designated by a relation, with the attributes of it the rules read. */
export type Cible = { documentId: string } & Record<string, unknown>;

export interface Manquant {
  champ: string;
  /** Attribute of the designated document that is missing (relations of ATTRIBUTS_REQUIS_DES_RELATIONS). */
  attribut?: string;
  /** Name of that document. */
  cible?: string;
  /** The relation holds only targets that do not count (CIBLES_NON_COMPTEES). */
  horsSchema?: boolean;
  /** The condition that makes the attribute required (VALEURS_REQUISES_SI), e.g. « quand le projet est abandonné ». */
  quand?: string;
}

/**
 * What publication requires beyond the schemas' `required` and is missing: the one check behind the
 * API / admin publication (invariants.ts) and the review's completeness check (completude.ts).
 */
export function manquantsPourPublier(uid: string, valeurs: Record<string, unknown>, relations: Record<string, readonly Cible[]>): Manquant[] {
  const manquants: Manquant[] = [];
  for (const champ of VALEURS_REQUISES[uid] ?? []) if (estVide(valeurs[champ])) manquants.push({ champ });
  for (const { champ, si, vaut, quand } of VALEURS_REQUISES_SI[uid] ?? []) {
    if (valeurs[si] === vaut && estVide(valeurs[champ])) manquants.push({ champ, quand });
  }
  for (const champ of RELATIONS_REQUISES[uid] ?? []) {
    const cibles = relations[champ] ?? [];
    const exclues = CIBLES_NON_COMPTEES[uid]?.[champ];
    if (cibles.length === 0) manquants.push({ champ });
    else if (exclues && cibles.every((c) => exclues.valeurs.includes(String(c[exclues.attribut])))) manquants.push({ champ, horsSchema: true });
  }
  for (const [champ, attributs] of Object.entries(ATTRIBUTS_REQUIS_DES_RELATIONS[uid] ?? {})) {
    for (const cible of relations[champ] ?? []) {
      for (const attribut of attributs) {
        if (estVide(cible[attribut])) manquants.push({ champ, attribut, cible: typeof cible.nom === 'string' ? cible.nom : cible.documentId });
      }
    }
  }
  return manquants;
}

/** The relations of a stored row read whole (populate), as the rules read them. */
export function relationsDeLigne(uid: string, ligne: Record<string, unknown>): Record<string, Cible[]> {
  const relations: Record<string, Cible[]> = {};
  for (const champ of new Set([...(RELATIONS_REQUISES[uid] ?? []), ...Object.keys(ATTRIBUTS_REQUIS_DES_RELATIONS[uid] ?? {})])) {
    const valeur = ligne[champ];
    relations[champ] = (Array.isArray(valeur) ? valeur : valeur ? [valeur] : []) as Cible[];
  }
  return relations;
}

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
  relations: Record<string, readonly Cible[]>;
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
    for (const { champ, attribut, cible, horsSchema, quand } of manquantsPourPublier(uid, vue.valeurs, vue.relations)) {
      erreurs.push(
        erreur(
          champ,
          libelle,
          attribut
            ? `désigne « ${cible} », dont ${NOMS_ATTRIBUTS_CIBLES[attribut] ?? attribut} n’est pas renseigné : il est obligatoire pour publier (schéma national des données ouvertes).`
            : horsSchema
              ? 'doit compter au moins une valeur que le schéma national des données ouvertes nomme (« Autre » seul ne suffit pas pour publier).'
              : `est obligatoire${quand ? ` ${quand}` : ''}.`,
        ),
      );
    }
  }

  if (uid === UID.projet) {
    const sousThematiques = vue.thematiques.sousThematiques ?? [];
    if (sousThematiques.length > MAX_SOUS_THEMATIQUES) {
      erreurs.push(erreur('sousThematiques', libelle, `accepte au plus ${MAX_SOUS_THEMATIQUES} sous-thématiques (${sousThematiques.length} reçues).`));
    }
  }

  for (const { debut, fin } of DATES_ORDONNEES[uid] ?? []) {
    const [de, a] = [vue.valeurs[debut], vue.valeurs[fin]];
    // An invalid date is reported by validerDonnees (validation.ts): comparing it would add a second error.
    if (typeof de === 'string' && typeof a === 'string' && dateValide(de) && dateValide(a) && a < de) {
      erreurs.push(erreur(fin, libelle, `ne peut pas précéder le champ « ${libelle([debut])} » (${debut}) : ${a} est avant ${de}.`));
    }
  }

  for (const [champ, niveau] of Object.entries(NIVEAUX_THEMATIQUES[uid] ?? {})) {
    if ((vue.thematiques[champ] ?? []).some((t) => t.estSousTheme !== (niveau === 'sousTheme'))) {
      erreurs.push(erreur(champ, libelle, REFUS_NIVEAU[niveau]));
    }
  }

  return erreurs;
}
