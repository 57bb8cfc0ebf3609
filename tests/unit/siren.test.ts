import {
  chiffresSeuls,
  cleLuhnValide,
  normaliserSiren,
  sirenValide,
  siretValide,
} from '../../src/domaine/siren';

describe('chiffresSeuls', () => {
  it('retire espaces, espaces insécables, points et tirets', () => {
    expect(chiffresSeuls('243 300 316 00011')).toBe('24330031600011');
    expect(chiffresSeuls('243\u00a0300\u202f316')).toBe('243300316');
    expect(chiffresSeuls('243.300.316-00011')).toBe('24330031600011');
    expect(chiffresSeuls(' 243\t300 316 ')).toBe('243300316');
  });

  it('garde les autres caractères pour que la validation échoue', () => {
    expect(chiffresSeuls('24330031A')).toBe('24330031A');
  });
});

describe('cleLuhnValide', () => {
  it('accepte une clé correcte et refuse une clé fausse', () => {
    expect(cleLuhnValide('243300316')).toBe(true);
    expect(cleLuhnValide('243300317')).toBe(false);
    expect(cleLuhnValide('24330031600011')).toBe(true);
    expect(cleLuhnValide('79927398713')).toBe(true); // classic Luhn example
    expect(cleLuhnValide('79927398710')).toBe(false);
  });

  it('refuse une chaîne vide ou non numérique', () => {
    expect(cleLuhnValide('')).toBe(false);
    expect(cleLuhnValide('24330031a')).toBe(false);
    expect(cleLuhnValide('243 300 316')).toBe(false);
  });
});

describe('sirenValide', () => {
  it('exige 9 chiffres et une clé de Luhn correcte', () => {
    expect(sirenValide('243300316')).toBe(true); // Bordeaux Métropole
    expect(sirenValide('200039865')).toBe(true); // Metz Métropole
    expect(sirenValide('243300317')).toBe(false);
    expect(sirenValide('24330031')).toBe(false);
    expect(sirenValide('2433003160')).toBe(false);
    expect(sirenValide('243 300 316')).toBe(false);
  });

  it('accepte le SIREN de La Poste', () => {
    expect(sirenValide('356000000')).toBe(true);
  });
});

describe('siretValide', () => {
  it('exige 14 chiffres et une clé de Luhn correcte', () => {
    expect(siretValide('24330031600011')).toBe(true);
    expect(siretValide('24330031600012')).toBe(false);
    expect(siretValide('243300316')).toBe(false);
    // A typo found in the Interconnectés data (Toulouse Métropole is 24310051800170).
    expect(siretValide('24410051800170')).toBe(false);
  });

  it('applique la règle de La Poste (somme des chiffres multiple de 5)', () => {
    expect(siretValide('35600000000048')).toBe(true); // head office, also Luhn-valid
    expect(cleLuhnValide('35600000049837')).toBe(false);
    expect(siretValide('35600000049837')).toBe(true); // digit sum 50
    expect(siretValide('35600000000002')).toBe(false); // digit sum 16, Luhn invalid
  });
});

describe('normaliserSiren', () => {
  it('réduit un SIRET, écrit de n’importe quelle façon, à son SIREN', () => {
    expect(normaliserSiren('24330031600011')).toBe('243300316');
    expect(normaliserSiren('243 300 316 00011')).toBe('243300316');
    expect(normaliserSiren('200 039 865 00106')).toBe('200039865');
    expect(normaliserSiren('243.300.316-00011')).toBe('243300316');
  });

  it('renvoie un SIREN valide tel quel', () => {
    expect(normaliserSiren('243300316')).toBe('243300316');
    expect(normaliserSiren('243\u00a0300\u00a0316')).toBe('243300316');
    expect(normaliserSiren('356000000')).toBe('356000000');
  });

  it('renvoie null pour une clé fausse, une longueur inattendue ou des lettres', () => {
    expect(normaliserSiren('243300317')).toBeNull();
    expect(normaliserSiren('24410051800170')).toBeNull();
    expect(normaliserSiren('2433003160001')).toBeNull();
    expect(normaliserSiren('12345')).toBeNull();
    expect(normaliserSiren('')).toBeNull();
    expect(normaliserSiren('24330031A00011')).toBeNull();
  });

  it('garde le SIREN quand seule la partie établissement (NIC) est fausse', () => {
    // The SIREN part carries its own key: a single typo in it is always caught.
    expect(siretValide('24330031600012')).toBe(false);
    expect(normaliserSiren('24330031600012')).toBe('243300316');
  });
});
