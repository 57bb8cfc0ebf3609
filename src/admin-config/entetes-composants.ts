/**
 * Words for the header of a repeatable component's entry. Strapi titles each entry with the raw value
 * of the component's main field (Repeatable.tsx, no hook): for an enumeration that is a code such as
 * `jeu_de_donnees_interne`. Pure: the admin module (src/admin/formulaire/entetes.tsx) swaps the texts.
 */
import { ECRANS_COMPOSANTS } from './libelles';
import { LIBELLES_VALEURS } from './valeurs';

/** Code → French words, for every component whose main field is an enumeration. */
export function motsDesEntetes(): ReadonlyMap<string, string> {
  const mots = new Map<string, string>();
  for (const [uid, ecran] of Object.entries(ECRANS_COMPOSANTS)) {
    const valeurs = ecran.champPrincipal ? LIBELLES_VALEURS[uid]?.[ecran.champPrincipal] : undefined;
    for (const [code, libelle] of Object.entries(valeurs ?? {})) {
      // Two components giving one code different words would make the header ambiguous.
      if (mots.has(code) && mots.get(code) !== libelle) throw new Error(`Code « ${code} » aux mots ambigus dans les en-têtes de composants`);
      mots.set(code, libelle);
    }
  }
  return mots;
}
