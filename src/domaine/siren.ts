/**
 * SIREN / SIRET checks (INSEE identifiers of legal units and of their establishments).
 * Pure functions, no dependency.
 */

/** SIREN of La Poste: historically exempt from the Luhn key. */
const SIREN_LA_POSTE = '356000000';

/** Removes the separators people write in identifiers: spaces (incl. non-breaking ones), dots, dashes. */
export function chiffresSeuls(valeur: string): string {
  return valeur.replace(/[\s.\u00a0\u2007\u202f\-\u2010\u2011\u2012\u2013]/g, '');
}

/** Luhn key over a non-empty string of digits (the rightmost digit is the check digit). */
export function cleLuhnValide(chiffres: string): boolean {
  if (!/^\d+$/.test(chiffres)) return false;
  let somme = 0;
  for (let i = 0; i < chiffres.length; i += 1) {
    // Position counted from the right: every second digit is doubled.
    let chiffre = chiffres.charCodeAt(chiffres.length - 1 - i) - 48;
    if (i % 2 === 1) {
      chiffre *= 2;
      if (chiffre > 9) chiffre -= 9;
    }
    somme += chiffre;
  }
  return somme % 10 === 0;
}

/** 9 digits with a valid Luhn key (La Poste's 356000000 is accepted as a known exception). */
export function sirenValide(siren: string): boolean {
  if (!/^\d{9}$/.test(siren)) return false;
  return siren === SIREN_LA_POSTE || cleLuhnValide(siren);
}

/**
 * 14 digits with a valid Luhn key. La Poste's establishments (SIRET starting with 356000000)
 * follow another rule: the sum of their digits is a multiple of 5.
 */
export function siretValide(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (cleLuhnValide(siret)) return true;
  if (siret.startsWith(SIREN_LA_POSTE)) {
    let somme = 0;
    for (const c of siret) somme += c.charCodeAt(0) - 48;
    return somme % 5 === 0;
  }
  return false;
}

/**
 * Returns the 9-digit SIREN from a SIREN or a SIRET written any way ('243 300 316 00011', '243.300.316'…),
 * or null when it is not valid. A SIRET is reduced to its SIREN (first 9 digits) and the SIREN is checked
 * with its own Luhn key: a typo in the establishment number (NIC) does not invalidate the SIREN, while any
 * single-digit typo in the SIREN part is caught by the SIREN key.
 */
export function normaliserSiren(valeur: string): string | null {
  const chiffres = chiffresSeuls(valeur);
  if (chiffres.length !== 9 && chiffres.length !== 14) return null;
  if (!/^\d+$/.test(chiffres)) return null;
  const siren = chiffres.slice(0, 9);
  return sirenValide(siren) ? siren : null;
}
