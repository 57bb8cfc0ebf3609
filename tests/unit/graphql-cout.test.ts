import { buildSchema, parse, validate, specifiedRules } from 'graphql';
import { coutDocument, cycleDeFragments, regleCout } from '../../src/domaine/graphql-cout';

const SCHEMA = buildSchema(`
  input Pagination { pageSize: Int, limit: Int }
  type Collectivite { nom: String, projets(pagination: Pagination): [Projet] }
  type Projet { nom: String, resume: String, collectivite: Collectivite, offreurs(pagination: Pagination): [Offreur] }
  type Offreur { nom: String }
  type Query { projets(pagination: Pagination): [Projet], projet: Projet }
`);
const LIMITES = { coutMax: 25000, aliasMax: 50, pageDefaut: 25, pageMax: 100 };
const cout = (source: string) => coutDocument(parse(source), SCHEMA, LIMITES);
const erreurs = (source: string) => validate(SCHEMA, parse(source), [...specifiedRules, regleCout(LIMITES)]).map((e) => e.message);

describe('coût d’une opération GraphQL', () => {
  it('compte chaque champ par élément des listes qui le contiennent', () => {
    expect(cout('{ projet { nom } }').cout).toBe(2);
    expect(cout('{ projets(pagination: { pageSize: 10 }) { nom resume } }').cout).toBe(1 + 10 * 2);
    expect(cout('{ projets { nom } }').cout).toBe(1 + 25);
    expect(cout('{ projets(pagination: { pageSize: 10 }) { offreurs { nom } } }').cout).toBe(1 + 10 * (1 + 25));
    expect(cout('{ projets(pagination: { pageSize: 100000 }) { nom } }').cout).toBe(1 + 100);
    expect(cout('query($t: Int) { projets(pagination: { pageSize: $t }) { nom } }').cout).toBe(1 + 100);
  });

  it('développe les fragments', () => {
    expect(cout('{ projets(pagination: { limit: 4 }) { ...F } } fragment F on Projet { nom collectivite { nom } }').cout).toBe(1 + 4 * 3);
  });

  it('refuse 1 000 alias × 100 projets avec relations, en français', () => {
    const alias = Array.from({ length: 1000 }, (_, i) => `a${i}: projets(pagination: { pageSize: 100 }) { nom }`).join(' ');
    expect(erreurs(`{ ${alias} }`)).toEqual([expect.stringMatching(/^Requête GraphQL refusée : 1000 alias, 50 au plus/)]);
    const imbriquee = '{ projets(pagination: { pageSize: 100 }) { collectivite { projets(pagination: { pageSize: 100 }) { nom offreurs { nom } } } } }';
    expect(erreurs(imbriquee)).toEqual([expect.stringMatching(/^Requête GraphQL refusée : coût estimé \d+, 25000 au plus/)]);
  });

  it('accepte une liste ordinaire', () => {
    expect(erreurs('{ projets(pagination: { pageSize: 100 }) { nom collectivite { nom } offreurs { nom } } }')).toEqual([]);
  });
});

describe('cycles de fragments', () => {
  it('trouve le cycle et le nomme', () => {
    expect(cycleDeFragments(parse('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'))).toEqual(['A', 'B', 'A']);
    expect(cycleDeFragments(parse('query { projet { ...A } } fragment A on Projet { nom ...A }'))).toEqual(['A', 'A']);
    expect(cycleDeFragments(parse('query { ...A ...B } fragment A on Query { ...B } fragment B on Query { projet { nom } }'))).toBeNull();
  });
});
