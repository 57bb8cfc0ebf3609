/**
 * Final touch to the OpenAPI description the documentation plugin generates (its
 * `mutateDocumentation` hook): no generation date, so that the committed file only changes with the
 * content types; the Restreint fields say who receives them; internal attributes are not described;
 * the routes that are no content type's (search, statistics, similar projets, files of the
 * ressources) are described by their own modules, handed in by config/plugins.ts.
 */
import { ATTRIBUTS_INTERNES, ATTRIBUTS_RESTREINTS } from '../domaine/visibilite';
import { ATTRIBUT_ETAT } from '../plugins/revue-editoriale/public';

/** Never on the content API: the review state and the members of a collectivité. */
const JAMAIS_EXPOSES = new Set([ATTRIBUT_ETAT, ...Object.values(ATTRIBUTS_INTERNES).flat()]);

/** Removes those attributes from every schema, however deeply the generator nested them. */
function retirerInternes(noeud: unknown): void {
  if (Array.isArray(noeud)) return noeud.forEach(retirerInternes);
  if (!noeud || typeof noeud !== 'object') return;
  const objet = noeud as Record<string, unknown>;
  const proprietes = objet.properties as Record<string, unknown> | undefined;
  if (proprietes && typeof proprietes === 'object') for (const nom of JAMAIS_EXPOSES) delete proprietes[nom];
  Object.values(objet).forEach(retirerInternes);
}

export const MENTION_RESTREINT =
  'Réservé aux membres approuvés de l’espace de confiance et aux jetons d’API en lecture seule ; absent des réponses anonymes.';

const pascal = (nom: string) => nom.replace(/(^|-)([a-z])/g, (_, _tiret: string, lettre: string) => lettre.toUpperCase());

/** What a module describing its own routes receives and completes. */
export interface DescriptionOpenApi {
  paths?: Record<string, unknown>;
  components?: { schemas?: Record<string, unknown> };
}
export type AjoutDescription = (description: DescriptionOpenApi) => void;

interface Description {
  info: Record<string, unknown>;
  paths?: Record<string, unknown>;
  components?: { schemas?: Record<string, { properties?: Record<string, Record<string, unknown>> }> };
}

/** The hook; `ajouts` describe the other routes, in this order (that of the committed file). */
export function finaliserDescription(ajouts: readonly AjoutDescription[]): (description: Description) => void {
  return (description) => {
    delete description.info['x-generation-date'];
    retirerInternes(description);
    for (const ajouter of ajouts) ajouter(description);
    for (const [uid, champs] of Object.entries(ATTRIBUTS_RESTREINTS)) {
      const proprietes = description.components?.schemas?.[pascal(uid.split('.')[1])]?.properties;
      if (!proprietes) continue;
      for (const champ of champs) {
        const propriete = proprietes[champ];
        if (!propriete) continue;
        // OpenAPI 3.0 ignores the siblings of a $ref: wrap it.
        proprietes[champ] = '$ref' in propriete ? { allOf: [propriete], description: MENTION_RESTREINT } : { ...propriete, description: MENTION_RESTREINT };
      }
    }
  };
}
