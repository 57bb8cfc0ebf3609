import { domaineAutorise, domaineDeCourriel, lireDomainesAutorises } from '../../src/domaine/domaines-membres';

describe('domaines autorisés des membres', () => {
  const motifs = lireDomainesAutorises(' *.gouv.fr, Lyon.FR ,,banquedesterritoires.fr ');

  it('lit la liste séparée par des virgules, sans blancs ni casse', () => {
    expect(motifs).toEqual(['*.gouv.fr', 'lyon.fr', 'banquedesterritoires.fr']);
    expect(lireDomainesAutorises(undefined)).toEqual([]);
    expect(lireDomainesAutorises('')).toEqual([]);
  });

  it.each([
    ['agent@interieur.gouv.fr', true],
    ['agent@a.b.gouv.fr', true],
    ['agent@INTERIEUR.GOUV.FR', true],
    ['agent@gouv.fr', false],
    ['agent@faux-gouv.fr', false],
    ['agent@gouv.fr.pirate.com', false],
    ['dsi@lyon.fr', true],
    ['dsi@grandlyon.fr', false],
    ['dsi@mairie.lyon.fr', false],
    ['x@banquedesterritoires.fr', true],
    ['sans-arobase', false],
    ['@lyon.fr', false],
  ])('%s → %s', (courriel, attendu) => {
    expect(domaineAutorise(courriel, motifs)).toBe(attendu);
  });

  it('prend le domaine après le dernier arobase', () => {
    expect(domaineDeCourriel('"a@b"@Ville.fr')).toBe('ville.fr');
    expect(domaineDeCourriel('a@')).toBeUndefined();
  });

  it('n’autorise rien quand la liste est vide', () => {
    expect(domaineAutorise('agent@interieur.gouv.fr', [])).toBe(false);
  });
});
