import { memoriserAnalyseurCorps, memoriserParOptions, moduleKoaBody, verifierFormeAnalyseur } from '../../src/serveur/analyseur-corps';
import { restaurerStrapi } from '../../src/api-contenu/remplacements';

describe('memoriserParOptions : un middleware par objet d’options', () => {
  it('construit une fois par objet, de nouveau pour un autre objet', () => {
    let construits = 0;
    const fabrique = memoriserParOptions(() => ({ numero: ++construits }));
    const options = { jsonLimit: '1mb' };
    const premier = fabrique(options);
    expect(fabrique(options)).toBe(premier);
    expect(fabrique({ jsonLimit: '1mb' })).not.toBe(premier);
    expect(construits).toBe(2);
  });

  it('ne garde rien sans objet d’options', () => {
    let construits = 0;
    const fabrique = memoriserParOptions(() => ++construits);
    fabrique(undefined);
    fabrique(undefined);
    expect(construits).toBe(2);
  });
});

describe('memoriserAnalyseurCorps : le koa-body que charge Strapi', () => {
  afterAll(() => void restaurerStrapi(['performance']));

  it('remplace koaBody dans l’instance de Strapi : mêmes options, même middleware (l’analyse des corps est éprouvée par toutes les écritures des tests d’intégration)', async () => {
    const module = moduleKoaBody();
    const origine = module.koaBody;
    memoriserAnalyseurCorps();
    expect(module.koaBody).not.toBe(origine);
    const options = { jsonLimit: '1kb' };
    const koaBody = module.koaBody as (options: object) => unknown;
    const middleware = koaBody(options);
    expect(koaBody(options)).toBe(middleware);
  });

  it('refuse de démarrer quand koa-body a changé de forme', () => {
    expect(() => verifierFormeAnalyseur({})).toThrow(/Démarrage refusé/);
    expect(() => verifierFormeAnalyseur({ koaBody: (_a: unknown, _b: unknown) => undefined })).toThrow(/koaBody/);
    const figee = Object.freeze({ koaBody: () => undefined });
    expect(() => verifierFormeAnalyseur(figee)).toThrow(/modifiable/);
    expect(() => verifierFormeAnalyseur(moduleKoaBody())).not.toThrow();
  });
});
