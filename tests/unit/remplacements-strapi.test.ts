/**
 * The glue that replaces Strapi internals refuses to start when they change shape, rather than serve
 * unfiltered data: fed with the shapes of the Strapi in use it accepts, with a changed one it refuses
 * in French, naming what changed.
 */
import { sanitize, validate } from '@strapi/utils';
import { FONCTIONS_REMPLACEES, verifierFormeContentApi } from '../../src/api-contenu/visibilite';
import { verifierFormeChargements } from '../../src/api-contenu/chargements-groupes';

const fonctions = (noms: readonly string[]) => Object.fromEntries(noms.map((nom) => [nom, async (_donnees: unknown, _schema: unknown, _options = {}) => undefined]));
const contentApi = () => ({ sanitize: fonctions(FONCTIONS_REMPLACEES.sanitize), validate: fonctions(FONCTIONS_REMPLACEES.validate) });
const registres = { sanitizers: { get: () => [] }, validators: { get: () => [] } };

describe('remplacement des fonctions de l’API de contenu (révélation, restriction des requêtes)', () => {
  it('accepte la forme de Strapi en usage, y compris celle que fabrique @strapi/utils', () => {
    expect(() => verifierFormeContentApi(contentApi(), { sanitize, validate }, registres)).not.toThrow();
    const vraie = {
      sanitize: sanitize.createAPISanitizers({ getModel: () => undefined as any }),
      validate: validate.createAPIValidators({ getModel: () => undefined as any }),
    };
    expect(() => verifierFormeContentApi(vraie, { sanitize, validate }, registres)).not.toThrow();
  });

  it.each<[string, (api: ReturnType<typeof contentApi>) => void, RegExp]>([
    ['fonction disparue', (api) => delete (api.sanitize as Record<string, unknown>).query, /strapi\.contentAPI\.sanitize\.query est absent/],
    ['autre nombre de paramètres', (api) => (api.validate.filters = async (_a: unknown) => undefined), /validate\.filters est une fonction à 1 paramètre/],
    ['fonction apparue', (api) => ((api.sanitize as Record<string, unknown>).relations = async () => undefined), /sanitize\.relations est apparue/],
    ['espace disparu', (api) => delete (api as Record<string, unknown>).validate, /strapi\.contentAPI\.validate est absent/],
  ])('refuse le démarrage : %s', (_cas, changer, message) => {
    const api = contentApi();
    changer(api);
    expect(() => verifierFormeContentApi(api, { sanitize, validate }, registres)).toThrow(message);
    expect(() => verifierFormeContentApi(api, { sanitize, validate }, registres)).toThrow(/^Démarrage refusé : l’API de contenu de Strapi a changé/);
  });

  it('refuse le démarrage sans les fabriques de @strapi/utils ni les registres', () => {
    expect(() => verifierFormeContentApi(contentApi(), { sanitize: {}, validate }, registres)).toThrow(/createAPISanitizers est absent/);
    expect(() => verifierFormeContentApi(contentApi(), { sanitize, validate }, { sanitizers: {}, validators: { get: () => [] } })).toThrow(/strapi\.sanitizers\.get est absent/);
  });
});

describe('regroupement des chargements de relations (entityManager.load)', () => {
  const gestionnaire = () => ({ load: async (_uid: unknown, _entite: unknown, _champs: unknown, _populate: unknown) => undefined, findMany: async (_uid: unknown, _params: unknown) => [] });

  it('accepte la forme de Strapi en usage', () => {
    expect(() => verifierFormeChargements(gestionnaire())).not.toThrow();
  });

  it.each<[string, (g: Record<string, unknown>) => void, RegExp]>([
    ['load disparu', (g) => delete g.load, /entityManager\.load est absent/],
    ['load à une autre arité', (g) => (g.load = async (_uid: unknown, _params: unknown) => undefined), /entityManager\.load déclare 2 paramètre\(s\) au lieu de 4/],
    ['findMany remplacé par autre chose', (g) => (g.findMany = 'findMany'), /entityManager\.findMany est string/],
  ])('refuse le démarrage : %s', (_cas, changer, message) => {
    const g = gestionnaire() as Record<string, unknown>;
    changer(g);
    expect(() => verifierFormeChargements(g)).toThrow(message);
    expect(() => verifierFormeChargements(g)).toThrow(/^Démarrage refusé : le gestionnaire d’entités de Strapi a changé/);
  });
});
