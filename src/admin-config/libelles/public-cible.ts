/** Écran du public cible. */
import { ecranTaxonomie, type ConfigurationEcran } from './commun';

export const ECRAN_PUBLIC_CIBLE: ConfigurationEcran = ecranTaxonomie('du public');
