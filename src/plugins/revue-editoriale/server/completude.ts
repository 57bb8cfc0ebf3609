/**
 * Fields a document needs before it goes to review. Strapi saves drafts without their required fields
 * and checks them only on publication: without this check a fiche could travel to the modérateur and
 * fail there with an English validation error. The publication rules beyond the schemas (required relations,
 * the collectivité's SIREN…: regles-metier.ts) are checked here too, so that submission, the API and the admin
 * publication agree. Pure: the schemas and labels are given.
 */
import { manquantsPourPublier, relationsDeLigne } from '../../../domaine/regles-metier';
import { estVide } from '../../../domaine/validation';
import type { Schemas } from './differences';

type Ligne = Record<string, unknown>;

/** Attributes of a designated document the rules require, as the agent reads them (« Collectivité › SIREN »). */
const LIBELLES_ATTRIBUTS_CIBLES: Readonly<Record<string, string>> = { siren: 'SIREN', type: 'Type' };

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
    for (const { champ, attribut, horsSchema, quand } of manquantsPourPublier(modele, ligne, relationsDeLigne(modele, ligne))) {
      const libelle = schemas.libelle(modele, champ);
      vides.push(attribut ? `${libelle} › ${LIBELLES_ATTRIBUTS_CIBLES[attribut] ?? attribut}` : horsSchema ? `${libelle} (autre que « Autre »)` : quand ? `${libelle} (${quand})` : libelle);
    }
  }
  return [...new Set(vides)];
}
