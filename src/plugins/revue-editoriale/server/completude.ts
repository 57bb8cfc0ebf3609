/**
 * Fields a document needs before it goes to review. Strapi saves drafts without their required fields
 * and checks them only on publication: without this check a fiche could travel to the modérateur and
 * fail there with an English validation error. The publication requirements beyond the schemas, which the
 * application gives (rule `manquantsPourPublier`, regles.ts), are checked here too, so that submission, the API
 * and the admin publication agree. Pure: the schemas, labels and rules are given.
 */
import type { Schemas } from './differences';

type Ligne = Record<string, unknown>;

function estVide(valeur: unknown): boolean {
  if (valeur === undefined || valeur === null) return true;
  if (typeof valeur === 'string') return valeur.trim() === '';
  return Array.isArray(valeur) && valeur.length === 0;
}

/** French labels (« Données › Sources des données › Source ») of the required fields left empty in a stored draft. */
export function champsObligatoiresVides(schemas: Schemas, modele: string, ligne: Ligne, prefixe = ''): string[] {
  const vides: string[] = [];
  for (const [champ, attribut] of Object.entries(schemas.attributs(modele))) {
    const libelle = `${prefixe}${schemas.libelle(modele, champ)}`;
    const valeur = ligne[champ];
    if (attribut.required && estVide(valeur)) {
      vides.push(libelle);
    } else if (attribut.type === 'component' && attribut.component && valeur && typeof valeur === 'object') {
      // A component the agent left out has nothing to check; one they added must be complete.
      const entrees = Array.isArray(valeur) ? valeur : [valeur];
      for (const entree of entrees as Ligne[]) vides.push(...champsObligatoiresVides(schemas, attribut.component, entree, `${libelle} › `));
    }
  }
  if (prefixe === '') {
    for (const { champ, complement } of schemas.manquantsPourPublier(modele, ligne)) vides.push(`${schemas.libelle(modele, champ)}${complement ?? ''}`);
  }
  return [...new Set(vides)];
}
