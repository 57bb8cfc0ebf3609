/**
 * Transport of the public reads (README, « Cache et transport »): gzip/brotli, strong ETag and 304,
 * the generation of the content known without a database read on the hit path, the Public role's
 * permissions kept per generation. Raw HTTP (no client-side decompression), real server.
 */
import http from 'http';
import zlib from 'zlib';
import knex, { type Knex } from 'knex';
import { api, APPELANTS, enteteAdmin, enteteJeton } from '../helpers/http';
import { CLES, lire } from '../helpers/environnement';
import { projetValide } from '../helpers/donnees';
import { configurer, requetesSql } from '../helpers/pont';

interface Brute {
  status: number;
  headers: http.IncomingHttpHeaders;
  corps: Buffer;
  /** the body decoded according to its Content-Encoding */
  texte: string;
}

/** A request whose body is read as sent (compressed or not). */
function brut(chemin: string, entetes: Record<string, string> = {}, corps?: string): Promise<Brute> {
  const url = new URL(chemin, lire(CLES.url));
  return new Promise((resolve, reject) => {
    const requete = http.request(
      url,
      { method: corps === undefined ? 'GET' : 'POST', headers: { ...(corps === undefined ? {} : { 'Content-Type': 'application/json' }), ...entetes } },
      (reponse) => {
        const morceaux: Buffer[] = [];
        reponse.on('data', (m: Buffer) => morceaux.push(m));
        reponse.on('error', reject);
        reponse.on('end', () => {
          const donnees = Buffer.concat(morceaux);
          const encodage = reponse.headers['content-encoding'];
          const decode = encodage === 'br' ? zlib.brotliDecompressSync(donnees) : encodage === 'gzip' ? zlib.gunzipSync(donnees) : donnees;
          resolve({ status: reponse.statusCode ?? 0, headers: reponse.headers, corps: donnees, texte: decode.toString('utf8') });
        });
      },
    );
    requete.on('error', reject);
    requete.end(corps);
  });
}

const NOM = `Transport ${Date.now()}`;
const LISTE = `/api/projets?filters[nom][$startsWith]=${encodeURIComponent(NOM)}&sort=nom:asc`;
/** A public read large enough to be compressed (the seeded thématiques), with a key of its own. */
const GRANDE = `/api/thematiques?pagination[pageSize]=100&sort=slug:asc&filters[slug][$ne]=transport-${Date.now()}`;
/** A public read whose body stays under the threshold. */
const PETITE = `/api/projets?filters[nom][$eq]=${encodeURIComponent(`${NOM} absent`)}`;

async function creerPublie(nom: string): Promise<string> {
  const reponse = await api().post('/api/projets').set(enteteJeton()).query({ status: 'published' }).send({ data: await projetValide({ nom }) });
  expect(reponse.status).toBe(201);
  return reponse.body.data.documentId;
}

const varie = (r: Brute) => String(r.headers.vary ?? '').toLowerCase();

beforeAll(async () => {
  for (const lettre of ['A', 'B', 'C']) await creerPublie(`${NOM} ${lettre}`);
});

afterEach(() => configurer('generation.fraicheurMs', undefined));

describe('Compression', () => {
  it('JSON public : brotli ou gzip selon Accept-Encoding, même contenu, Vary: Accept-Encoding', async () => {
    const identite = await brut(GRANDE);
    expect(identite.status).toBe(200);
    expect(identite.headers['content-encoding']).toBeUndefined();
    expect(identite.corps.length).toBeGreaterThan(1024);
    for (const [accepte, attendu] of [['br, gzip', 'br'], ['gzip, deflate', 'gzip'], ['gzip;q=1, br;q=0.5', 'gzip'], ['deflate', undefined]] as const) {
      for (let i = 0; i < 2; i += 1) {
        const r = await brut(GRANDE, { 'Accept-Encoding': accepte });
        expect(r.headers['x-cache']).toBe('HIT');
        expect(r.headers['content-encoding']).toBe(attendu);
        expect(varie(r)).toContain('accept-encoding');
        expect(JSON.parse(r.texte)).toEqual(JSON.parse(identite.texte));
        if (attendu) expect(r.corps.length).toBeLessThan(identite.corps.length / 2);
      }
    }
  });

  it('pas de compression sous le seuil', async () => {
    const r = await brut(PETITE, { 'Accept-Encoding': 'br, gzip' });
    expect(r.status).toBe(200);
    expect(r.corps.length).toBeLessThan(1024);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(r.texte).data).toEqual([]);
  });

  it('lecture authentifiée (hors cache) compressée aussi, GraphQL anonyme et authentifié', async () => {
    const membre = await brut(GRANDE, { 'Accept-Encoding': 'gzip', ...APPELANTS.membre() });
    expect(membre.status).toBe(200);
    expect(membre.headers['x-cache']).toBeUndefined();
    expect(membre.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(membre.texte).data.length).toBeGreaterThan(0);

    const requete = JSON.stringify({ query: '{ thematiques(pagination: { pageSize: 100 }) { slug nom description } }' });
    for (const entetes of [{}, APPELANTS.membre()]) {
      const r = await brut('/graphql', { 'Accept-Encoding': 'br', ...entetes }, requete);
      expect(r.status).toBe(200);
      expect(r.headers['content-encoding']).toBe('br');
      expect(JSON.parse(r.texte).data.thematiques.length).toBeGreaterThan(0);
    }
    // An answer with errors is left to global::messages-francais (translated), and never kept.
    const refus = JSON.stringify({ query: `{ usersPermissionsUsers(filters: { username: { eq: "${'x'.repeat(1200)}" } }) { username } }` });
    for (let i = 0; i < 2; i += 1) {
      const r = await brut('/graphql', { 'Accept-Encoding': 'gzip' }, refus);
      expect(r.headers['x-cache']).toBeUndefined();
      expect(JSON.parse(r.texte).errors[0].message).toBe('Accès refusé : vous n’avez pas le droit de faire cette action.');
    }
  });

  it('CSV open data : compressé à la volée en flux (pas de Content-Length), identique une fois décompressé', async () => {
    const identite = await brut('/api/open-data/projets.csv');
    const gzip = await brut('/api/open-data/projets.csv', { 'Accept-Encoding': 'gzip' });
    expect(gzip.status).toBe(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['content-length']).toBeUndefined();
    expect(gzip.headers['transfer-encoding']).toBe('chunked');
    expect(varie(gzip)).toContain('accept-encoding');
    expect(gzip.texte).toBe(identite.texte);
    expect(gzip.texte).toContain(`${NOM} A`);
  });

  it('jamais pour un fichier téléversé déjà compressé (PDF)', async () => {
    const pdf = Buffer.from(`%PDF-1.4\n%${'x'.repeat(8000)}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);
    const televerse = await api().post('/api/upload').set(enteteJeton()).attach('files', pdf, { filename: `transport-${Date.now()}.pdf`, contentType: 'application/pdf' });
    expect(televerse.status).toBe(201);
    const r = await brut(televerse.body[0].url, { 'Accept-Encoding': 'br, gzip' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.corps.equals(pdf)).toBe(true);
  });
});

describe('ETag et 304', () => {
  it('ETag fort par encodage ; If-None-Match : 304 sans calcul ni lecture en base', async () => {
    configurer('generation.fraicheurMs', 60_000);
    const etags = new Map<string, string>();
    for (const accepte of ['br', 'gzip', '']) {
      const r = await brut(LISTE, accepte ? { 'Accept-Encoding': accepte } : {});
      expect(r.status).toBe(200);
      expect(r.headers.etag).toMatch(/^"[^"]+"$/); // strong: no W/
      expect(r.headers['cache-control']).toBe('no-cache');
      etags.set(accepte, r.headers.etag as string);
    }
    expect(new Set(etags.values()).size).toBe(3);

    const { resultat, sql } = await requetesSql(() => brut(LISTE, { 'Accept-Encoding': 'br', 'If-None-Match': `"autre", ${etags.get('br')}` }));
    expect(resultat.status).toBe(304);
    expect(resultat.corps.length).toBe(0);
    expect(resultat.headers.etag).toBe(etags.get('br'));
    expect(resultat.headers['cache-control']).toBe('no-cache');
    expect(resultat.headers['x-cache']).toBeUndefined(); // answered before the cache
    expect(sql).toEqual([]);

    // The ETag of another encoding does not validate this one.
    expect((await brut(LISTE, { 'Accept-Encoding': 'br', 'If-None-Match': etags.get('gzip') as string })).status).toBe(200);
  });

  it('une écriture change l’ETag : l’ancien ne vaut plus 304', async () => {
    const avant = await brut(LISTE);
    await creerPublie(`${NOM} D`);
    const apres = await brut(LISTE, { 'If-None-Match': avant.headers.etag as string });
    expect(apres.status).toBe(200);
    expect(apres.headers.etag).not.toBe(avant.headers.etag);
    expect(JSON.parse(apres.texte).data.map((p: { nom: string }) => p.nom)).toContain(`${NOM} D`);
  });

  it('appelant authentifié : pas d’ETag partagé, Cache-Control private, jamais de 304 sur l’ETag public', async () => {
    const publique = await brut(LISTE);
    for (const entete of [APPELANTS.membre(), APPELANTS.jetonLecture()]) {
      const r = await brut(LISTE, { ...entete, 'If-None-Match': publique.headers.etag as string });
      expect(r.status).toBe(200);
      expect(r.headers.etag).toBeUndefined();
      expect(r.headers['cache-control']).toBe('private, no-cache');
    }
  });
});

describe('Génération du contenu sans lecture en base', () => {
  it('un HIT n’émet aucun SQL ; une écriture HTTP est vue par la lecture suivante', async () => {
    configurer('generation.fraicheurMs', 60_000);
    await brut(LISTE);
    const { resultat, sql } = await requetesSql(() => brut(LISTE));
    expect(resultat.headers['x-cache']).toBe('HIT');
    expect(sql).toEqual([]);

    // The kept generation is valid for a minute: only the write's own signal can make this a MISS.
    await creerPublie(`${NOM} E`);
    const apres = await brut(LISTE);
    expect(apres.headers['x-cache']).toBe('MISS');
    expect(JSON.parse(apres.texte).data.map((p: { nom: string }) => p.nom)).toContain(`${NOM} E`);
  });

  it('une écriture d’un autre processus (table avancée par une autre connexion) est vue dans la borne', async () => {
    const FRAICHEUR = 400;
    configurer('generation.fraicheurMs', FRAICHEUR);
    const autre: Knex =
      process.env.DATABASE_CLIENT === 'postgres'
        ? knex({
            client: 'pg',
            connection: {
              host: process.env.DATABASE_HOST ?? '127.0.0.1',
              port: Number(process.env.DATABASE_PORT ?? 5432),
              user: process.env.DATABASE_USERNAME ?? 'postgres',
              password: process.env.DATABASE_PASSWORD ?? '',
              database: process.env.DATABASE_NAME,
            },
          })
        : knex({ client: 'better-sqlite3', connection: { filename: process.env.DATABASE_FILENAME as string }, useNullAsDefault: true });
    try {
      await brut(LISTE);
      expect((await brut(LISTE)).headers['x-cache']).toBe('HIT');
      // As the import command does from its own process.
      await autre('generation_contenu').increment('generation', 1);
      await new Promise((r) => setTimeout(r, FRAICHEUR + 20));
      expect((await brut(LISTE)).headers['x-cache']).toBe('MISS');
    } finally {
      await autre.destroy();
    }
  });
});

describe('Permissions du rôle public gardées par génération', () => {
  const evenements = (page: number) => brut(`/api/evenements?pagination[page]=${page}&pagination[pageSize]=7`);

  it('ne relit pas les permissions à chaque requête anonyme, et voit un changement de rôle à la requête suivante', async () => {
    configurer('generation.fraicheurMs', 60_000);
    expect((await evenements(1)).status).toBe(200);
    const { resultat, sql } = await requetesSql(() => evenements(2));
    expect([resultat.status, resultat.headers['x-cache']]).toEqual([200, 'MISS']);
    expect(sql.filter((s) => /up_permissions/.test(s))).toEqual([]);

    const roles = await api().get('/api/users-permissions/roles').set(enteteJeton());
    const publicId = roles.body.roles.find((r: { type: string }) => r.type === 'public').id;
    const role = (await api().get(`/api/users-permissions/roles/${publicId}`).set(enteteJeton())).body.role;
    const basculer = async (permis: boolean) => {
      role.permissions['api::evenement'].controllers.evenement.find.enabled = permis;
      const maj = await api()
        .put(`/api/users-permissions/roles/${publicId}`)
        .set(enteteJeton())
        .send({ name: role.name, description: role.description, permissions: role.permissions });
      expect(maj.status).toBe(200);
    };
    try {
      await basculer(false);
      expect((await evenements(3)).status).toBe(403);
    } finally {
      await basculer(true);
    }
    expect((await evenements(4)).status).toBe(200);
  });
});

describe('Langue par défaut gardée par génération', () => {
  const thematiques = (page: number) => brut(`/api/thematiques?pagination[page]=${page}&pagination[pageSize]=3`);
  const locales = async () => (await api().get('/i18n/locales').set(enteteAdmin())).body as Array<{ id: number; code: string; isDefault: boolean }>;
  const definirParDefaut = async (code: string) => {
    const locale = (await locales()).find((l) => l.code === code)!;
    const reponse = await api().put(`/i18n/locales/${locale.id}`).set(enteteAdmin()).send({ isDefault: true });
    expect(reponse.status).toBe(200);
  };

  it('ne relit pas le magasin de Strapi à chaque lecture d’un type traduit, et voit un changement de langue par défaut à la lecture suivante', async () => {
    configurer('generation.fraicheurMs', 60_000);
    expect((await thematiques(1)).status).toBe(200);
    const { resultat, sql } = await requetesSql(() => thematiques(2));
    expect([resultat.status, resultat.headers['x-cache']]).toEqual([200, 'MISS']);
    expect(sql.filter((s) => /core_store/.test(s))).toEqual([]);
    expect(JSON.parse(resultat.texte).data.map((t: { locale: string }) => t.locale)).toEqual(['fr', 'fr', 'fr']);

    try {
      await definirParDefaut('en');
      const apres = JSON.parse((await thematiques(3)).texte).data as Array<{ locale: string }>;
      expect(apres.map((t) => t.locale)).toEqual(['en', 'en', 'en']);
    } finally {
      await definirParDefaut('fr');
    }
    expect(JSON.parse((await thematiques(4)).texte).data.map((t: { locale: string }) => t.locale)).toEqual(['fr', 'fr', 'fr']);
  });

  it('une écriture liée à un type traduit la lit dans sa transaction, sans attendre la génération (SQLite : une seule connexion)', async () => {
    // Generation read from the database at every call: outside the transaction, it would wait for the
    // connection the write holds until Knex gives up (a 500 after a minute).
    configurer('generation.fraicheurMs', 0);
    const reponse = await api().post('/api/projets').set(enteteJeton()).query({ status: 'published' }).send({ data: await projetValide({ nom: `${NOM} écriture` }) });
    expect(reponse.status).toBe(201);
  });
});
