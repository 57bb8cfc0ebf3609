/** Letters without their accents, ligatures spelt out: « Cœur d’Évry » → « Coeur d’Evry ». */
export function sansAccents(texte: string): string {
  return texte
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae');
}

/** ASCII kebab-case slug: "Bordeaux Métropole" → "bordeaux-metropole". */
export function slugifier(texte: string, longueurMax = 80): string {
  return sansAccents(texte)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, longueurMax)
    .replace(/-+$/g, '');
}

/** First candidate not taken: base, base-2, base-3… */
export function slugLibre(base: string, pris: ReadonlySet<string>): string {
  if (!pris.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidat = `${base}-${n}`;
    if (!pris.has(candidat)) return candidat;
  }
}
