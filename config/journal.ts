/**
 * Journal d’audit (docs/journal.md): how long its entries are kept. JOURNAL_CONSERVATION_JOURS days
 * (365 by default), 0 keeps them forever; anything else stops the start with a French message.
 */
import { lireConservation } from '../src/domaine/journal';

export default ({ env }: { env: (cle: string) => string | undefined }) => ({
  conservationJours: lireConservation(env('JOURNAL_CONSERVATION_JOURS')),
});
