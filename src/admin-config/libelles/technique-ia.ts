/** Écran de la technique d’IA. */
import { ecranTaxonomie, type ConfigurationEcran } from './commun';

export const ECRAN_TECHNIQUE_IA: ConfigurationEcran = ecranTaxonomie('de la technique');
