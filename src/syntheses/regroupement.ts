/**
 * Pure grouping of the syntheses (GET /api/collectivites/:documentId/synthese and
 * GET /api/offreurs/:documentId/synthese): which offreurs are the same company, how many projets a
 * collectivité shares with each offreur, which collectivités use an offreur. No Strapi import: the
 * reads are in `syntheses.ts`.
 */
import { chiffresSeuls } from '../domaine/siren';

/** A projet as the syntheses show it. */
export interface ProjetCourt {
  documentId: string;
  slug: string | null;
  nom: string;
  resume: string | null;
  statut: string | null;
  thematique: { documentId: string; slug: string | null; nom: string } | null;
}

export interface Reference {
  documentId: string;
  slug: string | null;
  nom: string;
}

export interface OffreurReference extends Reference {
  type: string;
}

export interface OffreurUtilise extends OffreurReference {
  /** Published projets of the collectivité (porteuse or partenaire) this offreur works on. */
  nombreProjets: number;
}

export interface CollectiviteReference extends Reference {
  type: string;
}

export interface CollectiviteUtilisatrice extends CollectiviteReference {
  projets: Array<ProjetCourt & { role: 'porteuse' | 'partenaire' }>;
}

/** The SIREN as compared: digits only; null when absent or blank (such an offreur matches only itself). */
export function cleSiren(siren: string | null | undefined): string | null {
  const chiffres = chiffresSeuls(siren ?? '');
  return chiffres === '' ? null : chiffres;
}

/** documentIds of the offreurs that are the same company as `offreur`: same SIREN, else itself only. */
export function memeEntreprise(offreur: { documentId: string; siren: string | null }, offreurs: ReadonlyArray<{ documentId: string; siren: string | null }>): string[] {
  const cle = cleSiren(offreur.siren);
  if (cle === null) return [offreur.documentId];
  const ids = offreurs.filter((o) => cleSiren(o.siren) === cle).map((o) => o.documentId);
  return [...new Set([offreur.documentId, ...ids])].sort();
}

const parNom = <T extends { nom: string; documentId: string }>(a: T, b: T) => a.nom.localeCompare(b.nom, 'fr') || a.documentId.localeCompare(b.documentId);

/** Distinct offreurs of the projets, each with its number of projets; most projets first, then by name. */
export function compterOffreurs(projets: ReadonlyArray<{ documentId: string; offreurs: readonly OffreurReference[] }>): OffreurUtilise[] {
  const parOffreur = new Map<string, { offreur: OffreurReference; projets: Set<string> }>();
  for (const p of projets) {
    for (const o of p.offreurs) {
      const entree = parOffreur.get(o.documentId) ?? { offreur: o, projets: new Set<string>() };
      entree.projets.add(p.documentId);
      parOffreur.set(o.documentId, entree);
    }
  }
  return [...parOffreur.values()]
    .map(({ offreur, projets: ids }) => ({ ...offreur, nombreProjets: ids.size }))
    .sort((a, b) => b.nombreProjets - a.nombreProjets || parNom(a, b));
}

/** The collectivités (porteuse and partenaires) of the projets, each with its projets; by name. */
export function grouperParCollectivite(
  projets: ReadonlyArray<ProjetCourt & { collectivite: CollectiviteReference | null; collectivitesPartenaires: readonly CollectiviteReference[] }>,
): CollectiviteUtilisatrice[] {
  const parCollectivite = new Map<string, CollectiviteUtilisatrice>();
  const ajouter = (c: CollectiviteReference, projet: ProjetCourt, role: 'porteuse' | 'partenaire') => {
    const entree = parCollectivite.get(c.documentId) ?? { ...c, projets: [] };
    if (!entree.projets.some((p) => p.documentId === projet.documentId)) entree.projets.push({ ...projet, role });
    parCollectivite.set(c.documentId, entree);
  };
  for (const { collectivite, collectivitesPartenaires, ...projet } of projets) {
    if (collectivite) ajouter(collectivite, projet, 'porteuse');
    for (const c of collectivitesPartenaires) ajouter(c, projet, 'partenaire');
  }
  const resultat = [...parCollectivite.values()].sort(parNom);
  for (const c of resultat) c.projets.sort(parNom);
  return resultat;
}
