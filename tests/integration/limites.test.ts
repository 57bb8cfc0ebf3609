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

  it('ne limite rien quand les limites sont coupées (réglage des tests)', async () => {
    for (let i = 0; i < 8; i += 1) expect((await api().post('/api/auth/local').send({ identifier: 'x@ville.fr', password: 'y' })).status).toBe(400);
  });
});
