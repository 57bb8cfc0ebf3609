/**
 * Allow-list of email domains whose confirmed accounts are members without a moderator's approval
 * (MEMBRES_DOMAINES_AUTORISES, comma-separated). `ville.fr` matches that domain only; `*.gouv.fr`
 * matches its sub-domains (`interieur.gouv.fr`, `a.b.gouv.fr`), not `gouv.fr` itself. Case-insensitive.
 */
export function lireDomainesAutorises(valeur: string | undefined): string[] {
  return (valeur ?? '')
    .split(',')
    .map((motif) => motif.trim().toLowerCase())
    .filter((motif) => motif.length > 0);
}

export function domaineDeCourriel(courriel: string): string | undefined {
  const arobase = courriel.lastIndexOf('@');
  if (arobase <= 0 || arobase === courriel.length - 1) return undefined;
  return courriel.slice(arobase + 1).trim().toLowerCase().replace(/\.$/, '');
}

export function domaineAutorise(courriel: string, motifs: readonly string[]): boolean {
  const domaine = domaineDeCourriel(courriel);
  if (!domaine) return false;
  return motifs.some((motif) => {
    if (motif.startsWith('*.')) {
      const suffixe = motif.slice(1); // ".gouv.fr"
      return domaine.endsWith(suffixe) && domaine.length > suffixe.length;
    }
    return domaine === motif;
  });
}
