/** The `timestamp` reader against pg's own parser (postgres-date): the same `Date` for every text, or a fallback. */
import { types } from 'pg';
import { installerLecteurHorodatage, lecteurHorodatage, lireHorodatageIso } from '../../src/domaine/horodatage-postgres';

const TIMESTAMP = 1114;
const parseDate = types.getTypeParser(TIMESTAMP, 'text') as (texte: string) => unknown;
const lire = lecteurHorodatage(parseDate);
const temps = (valeur: unknown) => (valeur instanceof Date ? valeur.getTime() : valeur);

/** A deterministic pseudo-random generator: the same texts on every run. */
function alea(graine: number) {
  let etat = graine;
  return (max: number) => {
    etat = (etat * 1103515245 + 12345) % 2147483648;
    return etat % max;
  };
}
const deux = (n: number) => String(n).padStart(2, '0');

describe('lecture des horodatages PostgreSQL (timestamp sans fuseau)', () => {
  it('même instant que postgres-date sur 20 000 textes de la forme ISO, fractions de 0 à 6 chiffres comprises', () => {
    const tirer = alea(7);
    for (let i = 0; i < 20_000; i += 1) {
      const fraction = tirer(7);
      const texte =
        `${1000 + tirer(9000)}-${deux(1 + tirer(12))}-${deux(1 + tirer(31))} ${deux(tirer(24))}:${deux(tirer(60))}:${deux(tirer(60))}` +
        (fraction === 0 ? '' : `.${String(tirer(10 ** fraction)).padStart(fraction, '0')}`);
      expect(lireHorodatageIso(texte)).not.toBeNull();
      expect([texte, temps(lire(texte))]).toEqual([texte, temps(parseDate(texte))]);
    }
  });

  it('les fractions où la multiplication flottante tombe juste sous l’entier (0,488 × 1000…) : la même milliseconde', () => {
    for (const fraction of ['488', '4881', '29', '57', '58', '1', '999999', '000001', '5']) {
      const texte = `2026-12-02 22:14:07.${fraction}`;
      expect(temps(lire(texte))).toBe(temps(parseDate(texte)));
    }
  });

  it('toute autre forme va à postgres-date : années avant 1000, av. J.-C., infinity, fuseau, jour invalide repris par Date comme avant', () => {
    const autres = ['0099-01-01 00:00:00', '0999-12-31 23:59:59', '2020-01-01 00:00:00 BC', 'infinity', '-infinity', '2020-01-01 10:00:00+02', '2020-01-01T10:00:00', '2020-01-01', '2020-01-01 10:00:00.', '2020-01-01 10:00:00.1234567', '2020-1-01 10:00:00'];
    for (const texte of autres) {
      expect(lireHorodatageIso(texte)).toBeNull();
      expect(temps(lire(texte))).toEqual(temps(parseDate(texte)));
    }
    // A day past the month's end is normalised the same way by both (Date does it).
    expect(temps(lire('2021-02-30 12:00:00'))).toBe(temps(parseDate('2021-02-30 12:00:00')));
  });
});

describe('installation dans le registre de pg', () => {
  it('une fois : un second démarrage dans le même processus ne l’enveloppe pas de nouveau', () => {
    const registre = new Map<number, (texte: string) => unknown>([[TIMESTAMP, parseDate]]);
    const fauxTypes = { getTypeParser: (oid: number) => registre.get(oid)!, setTypeParser: (oid: number, _f: 'text', l: (t: string) => unknown) => void registre.set(oid, l) };
    installerLecteurHorodatage(fauxTypes);
    const installe = registre.get(TIMESTAMP);
    installerLecteurHorodatage(fauxTypes);
    expect(registre.get(TIMESTAMP)).toBe(installe);
    expect(installe).not.toBe(parseDate);
    expect(temps(installe!('2026-12-02 22:14:07.488'))).toBe(temps(parseDate('2026-12-02 22:14:07.488')));
  });
});
