/**
 * What the application hands the revue-editoriale plugin (config/plugins.ts): the content types that go
 * through review before publication, and the library's rules (labels of the edit view, words of the values,
 * publication requirements beyond the schemas). The admin panel reads the same list (src/admin/app.tsx).
 */
import type { Manquant, ReglesRevue } from '../plugins/revue-editoriale/public';
import { ECRANS_COMPOSANTS, ECRANS_TYPES } from '../admin-config/libelles';
import { libelleValeur } from '../admin-config/valeurs';
import { manquantsPourPublier, relationsDeLigne } from '../domaine/regles-metier';

export const TYPES_REVUS = ['api::projet.projet', 'api::initiative-gouvernance.initiative-gouvernance', 'api::ressource.ressource', 'api::offreur.offreur'] as const;

/** Attributes of a designated document the rules require, as the agent reads them (« Collectivité › SIREN »). */
const LIBELLES_ATTRIBUTS_CIBLES: Readonly<Record<string, string>> = { siren: 'SIREN', type: 'Type' };

export const REGLES_REVUE: ReglesRevue = {
  libelleChamp: (modele, champ) => (ECRANS_TYPES[modele] ?? ECRANS_COMPOSANTS[modele])?.libelles[champ]?.label ?? champ,
  libelleValeur,
  manquantsPourPublier: (modele, ligne) =>
    manquantsPourPublier(modele, ligne, relationsDeLigne(modele, ligne)).map(
      ({ champ, attribut, horsSchema, quand }): Manquant => ({
        champ,
        complement: attribut ? ` › ${LIBELLES_ATTRIBUTS_CIBLES[attribut] ?? attribut}` : horsSchema ? ' (autre que « Autre »)' : quand ? ` (${quand})` : undefined,
      }),
    ),
};
