import { sansEnveloppe, verifierFormeEnveloppe } from '../../src/api-contenu/graphql-resolveurs';

describe('résolveurs GraphQL sans enveloppe inutile', () => {
  it('garde l’enveloppe de Strapi pour les champs racine et les champs configurés', () => {
    const config = { 'Projet.similaires': { auth: false }, Offreur: { nom: { policies: ['p'] }, slug: { middlewares: [() => null] }, siren: { middlewares: [] } } };
    expect(sansEnveloppe('Projet', 'nom', config)).toBe(true);
    expect(sansEnveloppe('Offreur', 'siren', config)).toBe(true);
    expect(sansEnveloppe('Projet', 'similaires', config)).toBe(false);
    expect(sansEnveloppe('Offreur', 'nom', config)).toBe(false);
    expect(sansEnveloppe('Offreur', 'slug', config)).toBe(false);
    for (const racine of ['Query', 'Mutation', 'Subscription']) expect(sansEnveloppe(racine, 'projets', {})).toBe(false);
  });

  it('refuse de démarrer quand le greffon n’enveloppe plus ses résolveurs comme attendu', () => {
    expect(() => verifierFormeEnveloppe({ wrapResolvers: (_options: unknown) => undefined })).not.toThrow();
    expect(() => verifierFormeEnveloppe({})).toThrow(/wrapResolvers est undefined/);
    expect(() => verifierFormeEnveloppe({ wrapResolvers: (_schema: unknown, _strapi: unknown) => undefined })).toThrow(/fonction à 2 paramètre/);
  });
});
