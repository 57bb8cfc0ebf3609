import { cleDeCache, type RequeteHttp } from '../../src/domaine/cache-reponses';

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
