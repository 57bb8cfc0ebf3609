import { buildSchema, graphql } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { validate } from '@strapi/utils';
import { createLogger, winston } from '@strapi/logger';
import { Writable } from 'stream';
import { dateTimeCanonique, ecrireDatesTelles } from '../../src/api-contenu/graphql-dates';
import { jsonStrict, memoriserValidationsDocuments } from '../../src/api-contenu/requetes-memorisees';
import journalHttp, { idRequeteRecu } from '../../src/middlewares/journal-http';
import { formatJournal } from '../../src/exploitation/journal';

const PROJET = {
  uid: 'api::projet.projet',
  modelType: 'contentType',
  kind: 'collectionType',
  attributes: { nom: { type: 'string' }, statut: { type: 'enumeration', enum: ['en_cours'] }, motDePasse: { type: 'password' } },
};

describe('vérifications du Document Service mémorisées', () => {
  it('écrit en JSON les seules valeurs qui n’y perdent rien', () => {
    expect(jsonStrict({ a: [1, 'b', true, null], c: { d: 2 } })).toBe('{"a":[1,"b",true,null],"c":{"d":2}}');
    expect(jsonStrict(Object.assign(Object.create(null), { nom: 'x' }))).toBe('{"nom":"x"}');
    for (const perte of [{ f: () => 1 }, { d: new Date(0) }, [undefined], { n: Number.NaN }, { i: Infinity }, new Map(), { s: Symbol('s') }, 10n]) {
      expect(jsonStrict(perte)).toBeNull();
    }
  });

  it('ne refait pas une vérification réussie et refait celle qui échoue, avec l’erreur de Strapi', async () => {
    const appels: string[] = [];
    const validateurs: Record<string, unknown> = Object.fromEntries(
      Object.entries(validate.validators).map(([nom, f]) => [nom, (...args: unknown[]) => (appels.push(nom), (f as (...a: unknown[]) => unknown)(...args))]),
    );
    memoriserValidationsDocuments(validateurs);
    const contexte = { schema: PROJET, getModel: () => PROJET };
    const filtrer = validateurs.validateFilters as (c: unknown, v: unknown, i: unknown) => Promise<unknown>;
    const inclus = ['nonAttributesOperators', 'dynamicZones', 'morphRelations'];

    const filtres = { statut: { $eq: 'en_cours' } };
    await expect(filtrer(contexte, filtres, inclus)).resolves.toBe(filtres);
    await filtrer(contexte, { statut: { $eq: 'en_cours' } }, inclus);
    expect(appels).toEqual(['validateFilters']);
    // Another value, other checks, another model: checked again.
    await filtrer(contexte, { nom: { $eq: 'x' } }, inclus);
    await filtrer(contexte, filtres, ['dynamicZones']);
    await filtrer({ ...contexte, schema: { ...PROJET, uid: 'api::offreur.offreur' } }, filtres, inclus);
    expect(appels).toHaveLength(4);

    const inconnu = { inconnu: { $eq: 1 } };
    for (let i = 0; i < 2; i += 1) await expect(filtrer(contexte, inconnu, inclus)).rejects.toThrow('Invalid key inconnu');
    expect(appels).toHaveLength(6);
    // A value JSON cannot hold is never remembered; a partial call stays curried.
    const date = { nom: { $eq: new Date(0) } };
    await filtrer(contexte, date, inclus);
    await filtrer(contexte, date, inclus);
    expect(appels).toHaveLength(8);
    await expect((filtrer as unknown as (c: unknown) => (v: unknown, i: unknown) => Promise<unknown>)(contexte)(filtres, inclus)).resolves.toBeDefined();
  });

  it('refuse de démarrer si Strapi n’expose plus ses vérifications', () => {
    expect(() => memoriserValidationsDocuments({ validateFilters: () => null })).toThrow('validateSort, validateFields, validatePopulate');
  });
});

describe('dates GraphQL écrites telles que la base les donne', () => {
  it('reconnaît le seul texte de Date#toISOString d’un instant réel', () => {
    expect(dateTimeCanonique('2026-03-01T08:30:00.000Z')).toBe(true);
    expect(dateTimeCanonique('2024-02-29T23:59:59.999Z')).toBe(true);
    for (const autre of ['2026-02-30T00:00:00.000Z', '2023-02-29T00:00:00.000Z', '2026-03-01T23:59:60.000Z', '2026-03-01T08:30:00Z', '2026-03-01T10:30:00.000+02:00', '2026-03-01', new Date(0), 0, null]) {
      expect(dateTimeCanonique(autre)).toBe(false);
    }
  });

  it('DateTime : même verdict que « construire la Date et la réécrire » sur 50 000 textes de la grammaire, jours et heures hors limites compris', () => {
    const parDate = (texte: string) => {
      const instant = new Date(texte);
      return !Number.isNaN(instant.getTime()) && instant.toISOString() === texte;
    };
    let etat = 11;
    const tirer = (max: number) => {
      etat = (etat * 1103515245 + 12345) % 2147483648;
      return etat % max;
    };
    const deux = (n: number) => String(n).padStart(2, '0');
    const annees = [0, 1, 4, 100, 400, 1900, 1999, 2000, 2023, 2024, 2100, 9999];
    // Every day of every month (and out of range) of leap, century and ordinary years.
    for (const annee of annees) {
      for (let mois = 0; mois <= 13; mois += 1) {
        for (let jour = 0; jour <= 32; jour += 1) {
          const texte = `${String(annee).padStart(4, '0')}-${deux(mois)}-${deux(jour)}T12:00:00.000Z`;
          expect([texte, dateTimeCanonique(texte)]).toEqual([texte, parDate(texte)]);
        }
      }
    }
    let refuses = 0;
    for (let i = 0; i < 50_000; i += 1) {
      const annee = i % 2 === 0 ? annees[tirer(annees.length)] : tirer(10_000);
      const texte = `${String(annee).padStart(4, '0')}-${deux(tirer(14))}-${deux(tirer(33))}T${deux(tirer(26))}:${deux(tirer(61))}:${deux(tirer(62))}.${String(tirer(1000)).padStart(3, '0')}Z`;
      expect([texte, dateTimeCanonique(texte)]).toEqual([texte, parDate(texte)]);
      if (!parDate(texte)) refuses += 1;
    }
    expect(refuses).toBeGreaterThan(5_000); // the invalid cases were exercised, not only valid ones
  });

  it('répond comme graphql-scalars, refus compris', async () => {
    const schema = buildSchema('scalar DateTime type Query { date(v: String): DateTime }');
    const reponse = (v: string) => graphql({ schema, source: `{ date(v: ${JSON.stringify(v)}) }`, rootValue: { date: ({ v: valeur }: { v: string }) => valeur } });
    const valeurs = ['2026-03-01T08:30:00.000Z', '2026-03-01T10:30:00+02:00', '2026-02-30T00:00:00.000Z', '2026-03-01T23:59:60.000Z', 'demain'];
    Object.assign(schema.getType('DateTime') as object, { serialize: GraphQLDateTime.serialize, parseValue: GraphQLDateTime.parseValue });
    const avant = await Promise.all(valeurs.map(reponse));
    ecrireDatesTelles(schema);
    ecrireDatesTelles(schema);
    const apres = await Promise.all(valeurs.map(reponse));
    expect(JSON.stringify(apres)).toBe(JSON.stringify(avant));
    expect(apres[0].data?.date).toBe('2026-03-01T08:30:00.000Z');
    expect(apres[2].errors?.[0].message).toContain('invalid date-time-string');
  });
});

describe('journal des requêtes', () => {
  const journal = (niveau: string) => {
    const lignes: string[] = [];
    const flux = new Writable({ write: (morceau, _enc, fin) => (lignes.push(String(morceau)), fin()) });
    const log = winston.createLogger({ level: 'silly', transports: [new winston.transports.Stream({ stream: flux, level: niveau, format: winston.format.printf((i) => `${i.level} ${i.message}`) })] });
    return { lignes, log };
  };

  const contexte = (entete?: string) => {
    const envoyes: Record<string, string> = {};
    return { method: 'GET', url: '/api/projets', status: 200, state: {} as Record<string, unknown>, envoyes, get: () => entete ?? '', set: (nom: string, valeur: string) => (envoyes[nom] = valeur) };
  };

  it('écrit la ligne de Strapi quand un transport prend le niveau http, rien sinon', async () => {
    for (const [niveau, attendu] of [['http', 1], ['info', 0]] as const) {
      const { lignes, log } = journal(niveau);
      await journalHttp(null, { strapi: { log } })(contexte(), async () => undefined);
      await new Promise((fin) => setImmediate(fin));
      expect(lignes).toHaveLength(attendu);
      if (attendu) expect(lignes[0]).toMatch(/^http GET \/api\/projets \(\d+ ms\) 200/);
    }
  });

  it('donne à chaque requête un identifiant, celui du proxy s’il ne peut rien injecter', async () => {
    const { log } = journal('info');
    const milieu = journalHttp(null, { strapi: { log } });
    const neuf = contexte();
    await milieu(neuf, async () => undefined);
    expect(neuf.envoyes['X-Request-Id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(neuf.state.idRequete).toBe(neuf.envoyes['X-Request-Id']);
    const relaye = contexte('proxy-42.a:b');
    await milieu(relaye, async () => undefined);
    expect(relaye.envoyes['X-Request-Id']).toBe('proxy-42.a:b');
    for (const hostile of ['a b', 'x\ny', '"}', 'é', 'a'.repeat(129)]) {
      expect(idRequeteRecu(hostile)).toBeNull();
    }
  });

  it('écrit une ligne JSON par message en production, avec l’identifiant de la requête en cours', () => {
    const lignes: string[] = [];
    const flux = new Writable({ write: (morceau, _enc, fin) => (lignes.push(String(morceau)), fin()) });
    // As config/logger.ts configures Strapi's logger: the format at the logger's level, over Strapi's default.
    const log = createLogger({ format: formatJournal({ NODE_ENV: 'production' }), transports: [new winston.transports.Stream({ stream: flux })] });
    const global = globalThis as { strapi?: unknown };
    const avant = global.strapi;
    global.strapi = { requestContext: { get: () => ({ state: { idRequete: 'req-1' } }) } };
    try {
      log.info('Projet publié');
    } finally {
      global.strapi = avant;
    }
    expect(JSON.parse(lignes[0])).toMatchObject({ level: 'info', message: 'Projet publié', idRequete: 'req-1', timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    expect(() => formatJournal({ LOG_FORMAT: 'xml' })).toThrow('LOG_FORMAT attend json ou texte (reçu : xml)');
    expect(formatJournal({ NODE_ENV: 'development' })).toBeDefined();
  });
});
