import { buildSchema, type GraphQLSchema } from 'graphql';
import { instrumenterChampsRacine, verifierFormeInstrumentation } from '../../src/api-contenu/graphql-apollo';
import { AutorisationsParRequete, enveloppeDe, verifierFormeEnveloppe } from '../../src/api-contenu/graphql-resolveurs';

describe('résolveurs GraphQL sans enveloppe inutile', () => {
  it('garde l’enveloppe de Strapi pour les champs racine et ceux qui ont des middlewares ou des politiques', () => {
    const config = {
      'Projet.similaires': { auth: false },
      'Projet.collectivite': { auth: { scope: ['api::collectivite.collectivite.find'] } },
      Offreur: { nom: { policies: ['p'] }, slug: { middlewares: [() => null] }, siren: { middlewares: [] }, logo: { auth: { scope: ['x'] }, policies: ['p'] } },
    };
    expect(enveloppeDe('Projet', 'nom', config)).toBe('aucune');
    expect(enveloppeDe('Offreur', 'siren', config)).toBe('aucune');
    expect(enveloppeDe('Projet', 'similaires', config)).toBe('aucune');
    expect(enveloppeDe('Projet', 'collectivite', config)).toBe('autorisation');
    expect(enveloppeDe('Offreur', 'nom', config)).toBe('complete');
    expect(enveloppeDe('Offreur', 'slug', config)).toBe('complete');
    expect(enveloppeDe('Offreur', 'logo', config)).toBe('complete');
    for (const racine of ['Query', 'Mutation', 'Subscription']) expect(enveloppeDe(racine, 'projets', {})).toBe('complete');
  });

  it('vérifie l’appelant une fois par requête et par configuration, refus compris', async () => {
    const appels: unknown[][] = [];
    const autorisations = new AutorisationsParRequete((auth, configuration) => {
      appels.push([auth, configuration]);
      if (configuration === 'interdit') throw new Error('refusé');
    });
    const autoriser = (contexte: unknown, configuration: unknown) => autorisations.verification(contexte, configuration);
    const requete = { state: { auth: 'membre' } };
    await Promise.all([autoriser(requete, 'a'), autoriser(requete, 'a'), autoriser(requete, 'b')]);
    await expect(autoriser(requete, 'interdit')).rejects.toThrow('refusé');
    await expect(autoriser(requete, 'interdit')).rejects.toThrow('refusé');
    await autoriser({ state: { auth: 'anonyme' } }, 'a');
    expect(autorisations.accordee(requete, 'a')).toBe(true);
    expect(autorisations.accordee(requete, 'interdit')).toBe(false);
    expect(autorisations.accordee({ state: { auth: 'membre' } }, 'a')).toBe(false);
    expect(appels).toEqual([
      ['membre', 'a'],
      ['membre', 'b'],
      ['membre', 'interdit'],
      ['anonyme', 'a'],
    ]);
  });

  it('refuse de démarrer quand le greffon n’enveloppe plus ses résolveurs comme attendu', () => {
    expect(() => verifierFormeEnveloppe({ wrapResolvers: (_options: unknown) => undefined })).not.toThrow();
    expect(() => verifierFormeEnveloppe({})).toThrow(/wrapResolvers est undefined/);
    expect(() => verifierFormeEnveloppe({ wrapResolvers: (_schema: unknown, _strapi: unknown) => undefined })).toThrow(/fonction à 2 paramètre/);
  });
});

describe('crochets de champ d’Apollo sur les seuls champs racine', () => {
  it('refuse de démarrer quand Apollo n’instrumente plus son schéma comme attendu', () => {
    expect(() => verifierFormeInstrumentation({ enablePluginsForSchemaResolvers: (_schema: unknown) => undefined })).not.toThrow();
    expect(() => verifierFormeInstrumentation({})).toThrow(/enablePluginsForSchemaResolvers est undefined/);
  });

  it('n’enveloppe que les champs racine, avec la fonction d’Apollo', () => {
    const schema = buildSchema('type Query { projets: [Projet] } type Mutation { noter: Int } type Projet { nom: String collectivite: Collectivite } type Collectivite { nom: String }');
    const enveloppes: string[] = [];
    const module: Record<string, unknown> = {
      enablePluginsForSchemaResolvers: (vue: GraphQLSchema) => {
        for (const type of Object.values(vue.getTypeMap())) enveloppes.push(type.name);
        return vue;
      },
    };
    instrumenterChampsRacine(module);
    const instrumenter = module.enablePluginsForSchemaResolvers as (schema: GraphQLSchema) => GraphQLSchema;
    expect(instrumenter(schema)).toBe(schema);
    instrumenter(schema);
    expect(enveloppes).toEqual(['Query', 'Mutation']);
  });
});
