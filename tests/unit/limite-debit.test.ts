import { categorieAuthentification, categorieDeRequete, cleCompteur, decider, MagasinMemoire, MESSAGES } from '../../src/domaine/limite-debit';

describe('catégories de requêtes limitées', () => {
  it.each([
    ['POST', '/api/auth/local', 'connexion'],
    ['POST', '/api/auth/local/', 'connexion'],
    ['POST', '/API/Auth/Local', 'connexion'],
    ['POST', '/api/auth/local/register', 'inscription'],
    ['POST', '/api/auth/forgot-password', 'motDePasse'],
    ['POST', '/api/auth/reset-password', 'motDePasse'],
    ['POST', '/api/auth/change-password', 'motDePasse'],
    ['POST', '/api/auth/send-email-confirmation', 'motDePasse'],
    ['GET', '/api/auth/local', 'api'],
    ['GET', '/api/projets', 'api'],
    ['POST', '/graphql', 'api'],
    ['GET', '/transparence/assistant-usagers', 'api'],
    ['GET', '/admin', undefined],
    ['GET', '/_health', undefined],
  ])('%s %s → %s', (methode, chemin, attendu) => {
    expect(categorieDeRequete(methode, chemin)).toBe(attendu);
  });

  it('donne la même catégorie au chemin REST sous lequel users-permissions joue une mutation GraphQL', () => {
    expect(categorieAuthentification('/api/auth/local')).toBe('connexion');
    expect(categorieAuthentification('/graphql')).toBeUndefined();
  });

  it('a un message en français pour chaque catégorie', () => {
    for (const message of Object.values(MESSAGES)) expect(message).toMatch(/^Trop de /);
  });
});

describe('fenêtre fixe par adresse IP', () => {
  const limite = { actif: true, max: 5, fenetreSecondes: 60 };
  let maintenant = 0;
  const magasin = () => new MagasinMemoire(() => maintenant);

  it('refuse la 6e requête de la fenêtre, puis accepte dans la suivante', async () => {
    const compteurs = magasin();
    maintenant = 1_000;
    const decisions = [];
    for (let i = 0; i < 6; i += 1) decisions.push(decider(limite, await compteurs.incrementer(cleCompteur(1, 'connexion', '10.0.0.1'), 60_000)));
    expect(decisions.map((d) => d.autorise)).toEqual([true, true, true, true, true, false]);
    expect(decisions[5]).toEqual({ autorise: false, restantes: 0, reessayerDans: 60 });
    maintenant = 61_000;
    expect(decider(limite, await compteurs.incrementer(cleCompteur(1, 'connexion', '10.0.0.1'), 60_000)).autorise).toBe(true);
  });

  it('compte chaque adresse, chaque catégorie et chaque configuration à part', async () => {
    const compteurs = magasin();
    maintenant = 0;
    for (let i = 0; i < 5; i += 1) await compteurs.incrementer(cleCompteur(1, 'connexion', '10.0.0.1'), 60_000);
    expect((await compteurs.incrementer(cleCompteur(1, 'connexion', '10.0.0.2'), 60_000)).nombre).toBe(1);
    expect((await compteurs.incrementer(cleCompteur(1, 'inscription', '10.0.0.1'), 60_000)).nombre).toBe(1);
    expect((await compteurs.incrementer(cleCompteur(2, 'connexion', '10.0.0.1'), 60_000)).nombre).toBe(1);
    expect((await compteurs.incrementer(cleCompteur(1, 'connexion', '10.0.0.1'), 60_000)).nombre).toBe(6);
  });

  it('oublie les fenêtres terminées quand il en garde trop', async () => {
    const compteurs = new MagasinMemoire(() => maintenant, 2);
    maintenant = 0;
    await compteurs.incrementer('a', 1_000);
    await compteurs.incrementer('b', 1_000);
    maintenant = 2_000;
    await compteurs.incrementer('c', 1_000);
    expect((await compteurs.incrementer('a', 1_000)).nombre).toBe(1);
  });
});
