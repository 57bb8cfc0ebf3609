import { cacheControl, cleDeCache, etagFort, nommeEtag, type RequeteHttp } from '../../src/domaine/cache-reponses';

const COLLECTIONS = { collections: new Set(['projets', 'collectivites', 'recherche']), graphql: '/graphql' };
const requete = (surcharges: Partial<RequeteHttp>): RequeteHttp => ({ methode: 'GET', chemin: '/api/projets', url: '/api/projets?x=1', authentifiee: false, ...surcharges });

describe('cleDeCache : quelles requêtes le cache de réponses sert', () => {
  it('garde une lecture anonyme d’une collection publique, par son URL complète', () => {
    expect(cleDeCache(requete({}), COLLECTIONS)).toBe('GET /api/projets?x=1');
    expect(cleDeCache(requete({ url: '/api/projets?x=2' }), COLLECTIONS)).toBe('GET /api/projets?x=2');
    expect(cleDeCache(requete({ chemin: '/api/projets/abc/similaires', url: '/api/projets/abc/similaires' }), COLLECTIONS)).toBe('GET /api/projets/abc/similaires');
  });

  it('ne garde jamais une requête authentifiée (membre, jeton, admin)', () => {
    expect(cleDeCache(requete({ authentifiee: true }), COLLECTIONS)).toBeNull();
    expect(cleDeCache(requete({ methode: 'POST', chemin: '/graphql', corps: { query: '{ projets { nom } }' }, authentifiee: true }), COLLECTIONS)).toBeNull();
  });

  it.each([
    ['une écriture', { methode: 'POST' }],
    ['une route hors de l’API de contenu', { chemin: '/admin/projets', url: '/admin/projets' }],
    ['une collection non publique', { chemin: '/api/users', url: '/api/users' }],
    ['l’authentification', { chemin: '/api/auth/local', url: '/api/auth/local' }],
    ['l’open data (flux)', { chemin: '/api/open-data/projets.csv', url: '/api/open-data/projets.csv' }],
  ])('laisse passer %s', (_cas, surcharges) => {
    expect(cleDeCache(requete(surcharges), COLLECTIONS)).toBeNull();
  });

  it('garde une requête GraphQL anonyme de lecture, clé = requête, variables et opération', () => {
    const corps = { query: 'query Liste($n: Int) { projets(pagination: { pageSize: $n }) { nom } }', variables: { n: 5 } };
    const cle = cleDeCache(requete({ methode: 'POST', chemin: '/graphql', corps }), COLLECTIONS);
    expect(cle).not.toBeNull();
    expect(cleDeCache(requete({ methode: 'POST', chemin: '/graphql', corps: { ...corps, variables: { n: 6 } } }), COLLECTIONS)).not.toBe(cle);
  });

  it.each([
    ['une mutation', { query: 'mutation { login(input: { identifier: "a", password: "b" }) { jwt } }' }],
    ['un document qui mêle requête et mutation', { query: 'query A { projets { nom } } mutation B { login(input: { identifier: "a", password: "b" }) { jwt } }' }],
    ['une requête illisible', { query: '{ projets { ' }],
    ['un corps sans requête', { variables: {} }],
    ['pas de corps', undefined],
  ])('ne garde pas en GraphQL %s', (_cas, corps) => {
    expect(cleDeCache(requete({ methode: 'POST', chemin: '/graphql', corps }), COLLECTIONS)).toBeNull();
  });
});

describe('validateurs et Cache-Control des lectures gardées', () => {
  it('ETag fort, distinct par génération, requête et encodage', () => {
    const etag = etagFort('i1', 3, 'GET /api/projets', 'br');
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(etagFort('i1', 3, 'GET /api/projets', 'br')).toBe(etag);
    for (const autre of [etagFort('i1', 4, 'GET /api/projets', 'br'), etagFort('i1', 3, 'GET /api/projets?x', 'br'), etagFort('i1', 3, 'GET /api/projets', 'gzip'), etagFort('i2', 3, 'GET /api/projets', 'br')]) {
      expect(autre).not.toBe(etag);
    }
  });

  it('If-None-Match : liste, comparaison faible, jamais « * »', () => {
    const etag = '"a-1-b-br"';
    expect(nommeEtag(etag, etag)).toBe(true);
    expect(nommeEtag(`"x", W/${etag}`, etag)).toBe(true);
    expect(nommeEtag('"a-1-b-gzip"', etag)).toBe(false);
    expect(nommeEtag('*', etag)).toBe(false);
    expect(nommeEtag(undefined, etag)).toBe(false);
  });

  it('no-cache pour une lecture anonyme gardée, private pour la même avec authentification, rien ailleurs', () => {
    expect(cacheControl(requete({}), COLLECTIONS)).toBe('no-cache');
    expect(cacheControl(requete({ authentifiee: true }), COLLECTIONS)).toBe('private, no-cache');
    expect(cacheControl(requete({ chemin: '/api/users', url: '/api/users' }), COLLECTIONS)).toBeNull();
    expect(cacheControl(requete({ methode: 'POST', chemin: '/graphql', corps: { query: '{ projets { nom } }' } }), COLLECTIONS)).toBeNull();
  });
});
