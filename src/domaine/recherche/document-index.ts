/**
 * What the search index keeps of a published projet: the columns shown in the results, the texts
 * searched (Public ones, and the Restreint ones only members search), and the values of each
 * filter dimension. The one place that says which field is searched with which weight. Pure.
 * Of the Public texts, what the projet is, and in its context who did what (the offreurs' role) and under
 * which legal basis, which a transparency officer searches for (« L. 2121-29 », « RGPD »); the motif
 * d'abandon, the évaluation and the voies de recours are read on its page, not searched (docs/modele.md).
 */
import { STATUTS, TYPES_COLLECTIVITE, type Vocabulaire } from '../interconnectes/vocabulaire';
import type { Dimension } from './parametres';
import { texteBrut } from './extrait';
import { normaliser } from './texte';

interface Ref {
  nom?: string | null;
  slug?: string | null;
}

/** A published projet read with the relations the index needs. */
export interface ProjetAIndexer {
  documentId: string;
  slug?: string | null;
  nom?: string | null;
  resume?: string | null;
  description?: string | null;
  statut?: string | null;
  financement?: string | null;
  impactEnvironnemental?: string | null;
  roleOffreurs?: string | null;
  baseLegale?: string | null;
  collectivite?: (Ref & { type?: string | null; codeDepartement?: string | null; codeRegion?: string | null }) | null;
  thematique?: Ref | null;
  sousThematiques?: Ref[] | null;
  publics?: Ref[] | null;
  offreurs?: Ref[] | null;
  techniquesIa?: Ref[] | null;
}

/**
 * The searched texts, by weight: A the name, B the summary, C the description, D the context
 * (collectivité, offreurs, thématiques, publics, rôle des offreurs, base légale). `restreint` is searched by members only.
 */
export interface TextesIndex {
  nom: string;
  resume: string;
  description: string;
  contexte: string;
  restreint: string;
}

export interface LigneIndex {
  document_id: string;
  slug: string;
  nom: string;
  /** Name without accents, in lower case: the order of a listing without query. */
  nom_tri: string;
  resume: string | null;
  description: string | null;
  statut: string | null;
  collectivite_nom: string | null;
  collectivite_slug: string | null;
  collectivite_type: string | null;
  thematique_nom: string | null;
  thematique_slug: string | null;
}

export interface ValeurIndex {
  document_id: string;
  dimension: Dimension;
  valeur: string;
  libelle: string;
}

export interface DocumentIndex {
  ligne: LigneIndex;
  textes: TextesIndex;
  valeurs: ValeurIndex[];
}

/** Names of the régions and départements by official code. */
export interface Territoires {
  region(code: string): string | undefined;
  departement(code: string): string | undefined;
}

const libelleVocabulaire = (vocabulaire: Vocabulaire, valeur: string) =>
  vocabulaire.termes.find((t) => t.valeur === valeur)?.libelles[0] ?? valeur;

const noms = (refs: Array<Ref | null | undefined>) => refs.flatMap((r) => (r?.nom ? [r.nom] : [])).join(' ; ');

export function documentIndex(projet: ProjetAIndexer, territoires: Territoires): DocumentIndex {
  const document_id = projet.documentId;
  const c = projet.collectivite ?? null;
  const valeurs: ValeurIndex[] = [];
  const ajouter = (dimension: Dimension, valeur: string | null | undefined, libelle: string | null | undefined) => {
    if (!valeur || valeurs.some((v) => v.dimension === dimension && v.valeur === valeur)) return;
    valeurs.push({ document_id, dimension, valeur, libelle: libelle || valeur });
  };
  const ajouterRefs = (dimension: Dimension, refs: Array<Ref | null | undefined>) => refs.forEach((r) => ajouter(dimension, r?.slug, r?.nom));

  ajouterRefs('thematique', [projet.thematique]);
  ajouterRefs('sousThematique', projet.sousThematiques ?? []);
  if (projet.statut) ajouter('statut', projet.statut, libelleVocabulaire(STATUTS, projet.statut));
  if (c?.type) ajouter('typeCollectivite', c.type, libelleVocabulaire(TYPES_COLLECTIVITE, c.type));
  if (c?.codeRegion) ajouter('region', c.codeRegion, territoires.region(c.codeRegion));
  if (c?.codeDepartement) ajouter('departement', c.codeDepartement, territoires.departement(c.codeDepartement));
  ajouterRefs('public', projet.publics ?? []);
  ajouterRefs('technique', projet.techniquesIa ?? []);
  ajouterRefs('offreur', projet.offreurs ?? []);

  const nom = projet.nom ?? '';
  return {
    ligne: {
      document_id,
      slug: projet.slug ?? '',
      nom,
      nom_tri: normaliser(nom),
      resume: projet.resume ?? null,
      description: projet.description ?? null,
      statut: projet.statut ?? null,
      collectivite_nom: c?.nom ?? null,
      collectivite_slug: c?.slug ?? null,
      collectivite_type: c?.type ?? null,
      thematique_nom: projet.thematique?.nom ?? null,
      thematique_slug: projet.thematique?.slug ?? null,
    },
    textes: {
      nom,
      resume: projet.resume ?? '',
      description: texteBrut(projet.description ?? ''),
      contexte: [noms([c, ...(projet.offreurs ?? []), projet.thematique, ...(projet.sousThematiques ?? []), ...(projet.publics ?? [])]), projet.roleOffreurs ?? '', projet.baseLegale ?? '']
        .filter(Boolean)
        .join(' ; '),
      restreint: [noms(projet.techniquesIa ?? []), projet.financement ?? '', projet.impactEnvironnemental ?? ''].filter(Boolean).join(' ; '),
    },
    valeurs,
  };
}
