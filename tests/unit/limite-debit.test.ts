import { categorieDeRequete, Compteurs, MESSAGES } from '../../src/domaine/limite-debit';

describe('catégories de requêtes limitées', () => {
  it.each([
    ['POST', '/api/auth/local', 'connexion'],
    ['POST', '/api/auth/local/', 'connexion'],
    ['POST', '/API/Auth/Local', 'connexion'],
    ['POST', '/api/auth/local/register', 'inscription'],
    ['POST', '/api/auth/forgot-password', 'motDePasse'],
    ['POST', '/api/auth/reset-password', 'motDePasse'],
    ['GET', '/api/projets', 'api'],
    ['POST', '/graphql', 'api'],
    ['GET', '/admin', undefined],
    ['GET', '/_health', undefined],
  ])('%s %s → %s', (methode, chemin, attendu) => {
    expect(categorieDeRequete(methode, chemin)).toBe(attendu);
  });

  it('a un message en français pour chaque catégorie', () => {
    for (const message of Object.values(MESSAGES)) expect(message).toMatch(/^Trop de /);
  });
});

describe('fenêtre fixe par adresse IP', () => {
  const limite = { actif: true, max: 5, fenetreSecondes: 60 };

  it('refuse la 6e requête de la fenêtre, puis accepte dans la suivante', () => {
    const compteurs = new Compteurs();
    const decisions = Array.from({ length: 6 }, (_, i) => compteurs.enregistrer('connexion', '10.0.0.1', limite, 1_000 + i));
    expect(decisions.map((d) => d.autorise)).toEqual([true, true, true, true, true, false]);
    expect(decisions[5].reessayerDans).toBe(60);
    expect(compteurs.enregistrer('connexion', '10.0.0.1', limite, 61_000).autorise).toBe(true);
  });

  it('compte chaque adresse et chaque catégorie à part', () => {
    const compteurs = new Compteurs();
    for (let i = 0; i < 5; i += 1) compteurs.enregistrer('connexion', '10.0.0.1', limite, 0);
    expect(compteurs.enregistrer('connexion', '10.0.0.2', limite, 0).autorise).toBe(true);
    expect(compteurs.enregistrer('inscription', '10.0.0.1', limite, 0).autorise).toBe(true);
    expect(compteurs.enregistrer('connexion', '10.0.0.1', limite, 0).autorise).toBe(false);
  });
});
