import { cheminOctetNul, contientOctetNulEncode, LIMITES, tropProfond, verifierChamps, verifierFiltres, verifierRequete, type ModeleEntrees } from '../../src/domaine/entrees';

const MODELES: Record<string, ModeleEntrees> = {
  'api::collectivite.collectivite': {
    attributes: {
      nom: { type: 'string' },
      population: { type: 'integer' },
      latitude: { type: 'float' },
      creeLe: { type: 'datetime' },
      dateDemarrage: { type: 'date' },
      actif: { type: 'boolean' },
      projets: { type: 'relation', target: 'api::projet.projet' },
    },
  },
  'api::projet.projet': { attributes: { nom: { type: 'string' }, budget: { type: 'decimal' } } },
};
const modele = (uid: string) => MODELES[uid];
const verifier = (filtres: unknown) => verifierFiltres(filtres, 'api::collectivite.collectivite', modele);

describe('valeurs des filtres selon le type de l’attribut', () => {
  it.each([
    [{ population: { $gt: 'abc' } }, 'filters[population][$gt]', /un nombre entier/],
    [{ population: { $gt: '99999999999' } }, 'filters[population][$gt]', /entre -2147483647 et 2147483647/],
    [{ latitude: { $between: 'a,b' } }, 'filters[latitude][$between]', /deux bornes/],
    [{ latitude: { $between: ['a', 'b'] } }, 'filters[latitude][$between]', /un nombre/],
    [{ id: { $eq: 'abc' } }, 'filters[id][$eq]', /un nombre entier/],
    [{ id: { $in: Array.from({ length: 2000 }, (_, i) => String(i)) } }, 'filters[id][$in]', /au plus 100 valeurs \(2000 reçues\)/],
    [{ id: { $in: Object.fromEntries(Array.from({ length: 150 }, (_, i) => [String(i), String(i)])) } }, 'filters[id][$in]', /150 reçues/],
    [{ dateDemarrage: { $lt: 'hier' } }, 'filters[dateDemarrage][$lt]', /AAAA-MM-JJ/],
    [{ dateDemarrage: { $eq: '2024-02-30' } }, 'filters[dateDemarrage][$eq]', /AAAA-MM-JJ/],
    [{ creeLe: { $gte: '2024-13-01T00:00' } }, 'filters[creeLe][$gte]', /ISO 8601/],
    [{ actif: { $eq: 'peut-etre' } }, 'filters[actif][$eq]', /true ou false/],
    [{ population: { $containsi: '12' } }, 'filters[population][$containsi]', /ne s’applique qu’à un texte/],
    [{ population: { $eq: { a: 'b' } } }, 'filters[population][$eq]', /valeur simple/],
    [{ population: { $null: 'peut-etre' } }, 'filters[population][$null]', /true ou false/],
    [{ projets: { budget: { $gt: 'beaucoup' } } }, 'filters[projets][budget][$gt]', /un nombre/],
    [{ projets: { $eq: 'abc' } }, 'filters[projets][$eq]', /un nombre entier/],
    [{ $or: [{ nom: 'a' }, { population: 'x' }] }, 'filters[$or][1][population]', /un nombre entier/],
    [{ population: { $not: { $eq: 'x' } } }, 'filters[population][$not][$eq]', /un nombre entier/],
    [{ population: { sous: '1' } }, 'filters[population][sous]', /n’a pas de sous-champ « sous »/],
    ['abc', 'filters', /doit être un objet de conditions/],
    [{ nom: { $jsonSupersetOf: '1' } }, 'filters[nom][$jsonSupersetOf]', /n’est pas un opérateur de filtre/],
    [{ $inconnu: '1' }, 'filters[$inconnu]', /n’est pas un opérateur de filtre/],
  ])('%j est refusé en nommant %s', (filtres, parametre, message) => {
    const refus = verifier(filtres);
    expect(refus?.parametre).toBe(parametre);
    expect(refus?.message).toMatch(message);
    expect(refus?.message).toContain(`« ${parametre} »`);
  });

  it.each([
    [{ population: { $gt: '1000' }, latitude: { $between: ['40.5', '50'] } }],
    [{ id: { $in: ['1', '2', 3] } }],
    [{ dateDemarrage: { $gte: '2024-01-01' }, creeLe: { $lt: '2024-01-01T10:00:00.000Z' } }],
    [{ actif: { $eq: 'true' }, nom: { $containsi: 'metz' } }],
    [{ projets: { nom: { $startsWith: 'A' } }, population: { $null: 'true' } }],
    [{ inconnu: { $eq: 'laissé à Strapi' } }],
    [{ population: '12' }],
  ])('%j est accepté', (filtres) => {
    expect(verifier(filtres)).toBeNull();
  });

  it('borne les listes de $in à la limite annoncée', () => {
    expect(verifier({ id: { $in: Array.from({ length: LIMITES.valeursListeMax }, (_, i) => String(i + 1)) } })).toBeNull();
  });
});

describe('paramètre fields', () => {
  it('refuse un nom vide', () => {
    expect(verifierChamps('')?.parametre).toBe('fields');
    expect(verifierChamps([''])?.message).toMatch(/doit nommer un ou plusieurs champs/);
    expect(verifierChamps(['nom', 'slug'])).toBeNull();
    expect(verifierChamps(undefined)).toBeNull();
  });
  it('verifierRequete regarde fields puis filters', () => {
    expect(verifierRequete({ fields: '', filters: 'abc' }, 'api::collectivite.collectivite', modele)?.parametre).toBe('fields');
    expect(verifierRequete({ filters: 'abc' }, 'api::collectivite.collectivite', modele)?.parametre).toBe('filters');
  });
});

describe('octets nuls et profondeur', () => {
  it('trouve le chemin du premier octet nul', () => {
    expect(cheminOctetNul({ data: { nom: 'ok', liste: ['a', 'b\u0000'] } })).toEqual(['data', 'liste', '1']);
    expect(cheminOctetNul({ ['a\u0000']: 1 })).toEqual(['a\u0000']);
    expect(cheminOctetNul({ data: { nom: 'propre' } })).toBeNull();
  });
  it('repère %00 encodé ou brut', () => {
    expect(contientOctetNulEncode('/api/projets/a%00b')).toBe(true);
    expect(contientOctetNulEncode('a=%00')).toBe(true);
    expect(contientOctetNulEncode('a=%2000')).toBe(false);
  });
  it('mesure la profondeur sans récursion', () => {
    let profond: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) profond = { a: profond };
    expect(tropProfond(profond, 64)).toBe(true);
    expect(tropProfond({ a: { b: [1, { c: 2 }] } }, 4)).toBe(false);
    expect(tropProfond({ a: { b: [1, { c: { d: 1 } }] } }, 4)).toBe(true);
  });
});
