/**
 * The slug of a new document follows its title while the agent types it, as long as the agent has
 * not written a slug of their own (the server still generates a free one on save when it is empty,
 * and refuses one already taken). Pure: used by the admin's edit view.
 */
import { slugifier } from '../domaine/slug';

/**
 * The slug to put in the form, or null to leave it: `dernierPropose` is the last value we put there
 * (a slug that differs from it was typed by the agent and is theirs).
 */
export function slugAProposer(titre: unknown, slugActuel: unknown, dernierPropose: string | null): string | null {
  const actuel = typeof slugActuel === 'string' ? slugActuel : '';
  if (actuel !== '' && actuel !== dernierPropose) return null;
  const propose = typeof titre === 'string' ? slugifier(titre) : '';
  return propose === actuel ? null : propose;
}
