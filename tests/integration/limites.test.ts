/** Per-IP abuse limits (global::limite-debit): off in tests, turned on here through the bridge. */
import { api, graphql } from '../helpers/http';
import { configurer } from '../helpers/pont';

const COUPEE = { actif: false, max: 5, fenetreSecondes: 300 };
const limites = (surcharges: Record<string, unknown>) => ({ connexion: COUPEE, inscription: COUPEE, motDePasse: COUPEE, api: COUPEE, ...surcharges });
const ACTIVE = { actif: true, max: 5, fenetreSecondes: 300 };

afterEach(() => configurer('api.limites', limites({})));

describe('Limites par adresse IP', () => {
  it('répond 429 en français à la 6e tentative de connexion de la fenêtre', async () => {
    configurer('api.limites', limites({ connexion: ACTIVE }));
    const statuts: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      statuts.push((await api().post('/api/auth/local').send({ identifier: 'inconnu@ville.fr', password: `essai-${i}` })).status);
    }
    expect(statuts).toEqual([400, 400, 400, 400, 400]);
    const sixieme = await api().post('/api/auth/local').send({ identifier: 'autre@ville.fr', password: 'essai' });
    expect(sixieme.status).toBe(429);
    expect(sixieme.body.error.message).toBe('Trop de tentatives de connexion depuis votre adresse. Réessayez dans quelques minutes.');
    expect(Number(sixieme.headers['retry-after'])).toBeGreaterThan(0);
    // Other routes are not counted in the login window.
    expect((await api().get('/api/thematiques')).status).toBe(200);
  });

  it('limite l’inscription par adresse IP, quelle que soit l’adresse électronique envoyée', async () => {
    configurer('api.limites', limites({ inscription: { ...ACTIVE, max: 2 } }));
    const inscrire = (i: number) => api().post('/api/auth/local/register').send({ username: `x${i}`, email: `x${i}@ville.fr`, password: 'court' });
    expect((await inscrire(1)).status).toBe(400);
    expect((await inscrire(2)).status).toBe(400);
    const troisieme = await inscrire(3);
    expect(troisieme.status).toBe(429);
    expect(troisieme.body.error.message).toMatch(/^Trop de demandes d’inscription/);
  });

  it('limite la réinitialisation du mot de passe', async () => {
    configurer('api.limites', limites({ motDePasse: { ...ACTIVE, max: 1 } }));
    expect((await api().post('/api/auth/forgot-password').send({ email: 'personne@ville.fr' })).status).toBe(200);
    const seconde = await api().post('/api/auth/reset-password').send({ code: 'faux', password: 'a', passwordConfirmation: 'a' });
    expect(seconde.status).toBe(429);
    expect(seconde.body.error.message).toMatch(/^Trop de demandes de réinitialisation/);
  });

  it('limite l’API de contenu, REST et GraphQL ensemble', async () => {
    configurer('api.limites', limites({ api: { actif: true, max: 3, fenetreSecondes: 60 } }));
    expect((await api().get('/api/thematiques')).status).toBe(200);
    expect((await graphql('{ thematiques { nom } }')).status).toBe(200);
    const troisieme = await api().get('/api/projets');
    expect(troisieme.status).toBe(200);
    expect(troisieme.headers['ratelimit-remaining']).toBe('0');
    const quatrieme = await graphql('{ thematiques { nom } }');
    expect(quatrieme.status).toBe(429);
    expect(quatrieme.body.error.message).toBe('Trop de requêtes depuis votre adresse. Ralentissez puis réessayez dans un instant.');
  });

  /** `n` aliases of `login` in one GraphQL request, with the approved member's real password. */
  const connexionsGraphql = (n: number) =>
    graphql(
      `mutation { ${Array.from({ length: n }, (_, i) => `l${i}: login(input: { identifier: "membre@ville-test.fr", password: "MotDePasse-Membre-1" }) { jwt }`).join(' ')} }`,
    );

  it('compte chaque connexion GraphQL, alias compris, dans la même fenêtre que REST', async () => {
    configurer('api.limites', limites({ connexion: ACTIVE }));
    const cinq = await connexionsGraphql(5);
    expect(cinq.body.errors).toBeUndefined();
    expect(Object.values(cinq.body.data).every((l: any) => typeof l.jwt === 'string')).toBe(true);
    const rest = await api().post('/api/auth/local').send({ identifier: 'membre@ville-test.fr', password: 'MotDePasse-Membre-1' });
    expect(rest.status).toBe(429);
  });

  it('refuse en français la connexion GraphQL de trop, dans une même requête', async () => {
    configurer('api.limites', limites({ connexion: ACTIVE }));
    const sept = await connexionsGraphql(7);
    expect(sept.body.errors).toHaveLength(1);
    expect(sept.body.errors[0]).toMatchObject({
      path: ['l5'],
      message: 'Trop de tentatives de connexion depuis votre adresse. Réessayez dans quelques minutes.',
      extensions: { code: 'STRAPI_RATE_LIMIT_ERROR' },
    });
  });

  it.each([
    ['inscription', 'register(input: { username: "g", email: "g@ville.fr", password: "MotDePasse-1" }) { jwt }', '/api/auth/local/register', /^Trop de demandes d’inscription/],
    ['motDePasse', 'forgotPassword(email: "personne@ville.fr") { ok }', '/api/auth/forgot-password', /^Trop de demandes de réinitialisation/],
    ['motDePasse', 'resetPassword(code: "faux", password: "a", passwordConfirmation: "a") { jwt }', '/api/auth/reset-password', /^Trop de demandes de réinitialisation/],
  ])('compte en GraphQL la catégorie %s dans la fenêtre de REST : %s', async (categorie, mutation, chemin, message) => {
    configurer('api.limites', limites({ [categorie]: { ...ACTIVE, max: 1 } }));
    expect((await graphql(`mutation { ${mutation} }`)).status).toBe(200);
    const rest = await api().post(chemin).send({ email: 'personne@ville.fr' });
    expect(rest.status).toBe(429);
    expect(rest.body.error.message).toMatch(message);
  });

  it('ne limite rien quand les limites sont coupées (réglage des tests)', async () => {
    for (let i = 0; i < 8; i += 1) expect((await api().post('/api/auth/local').send({ identifier: 'x@ville.fr', password: 'y' })).status).toBe(400);
  });
});
