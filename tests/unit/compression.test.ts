/** Content-encoding rule (src/domaine/compression.ts) and the streaming of `strapi::compression` with it. */
import http from 'http';
import type { AddressInfo } from 'net';
import { randomBytes } from 'crypto';
import { Readable } from 'stream';
import jsonUneFois, { corpsJson } from '../../src/middlewares/json-une-fois';
import Koa from 'koa';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- what strapi::compression wraps (no types shipped)
const compress = require('koa-compress') as (options: object) => Koa.Middleware;
import { choisirEncodage, CONFIGURATION_COMPRESSION } from '../../src/domaine/compression';

describe('choisirEncodage', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['deflate', 'identity'],
    ['*', 'gzip'],
    ['identity;q=1, gzip;q=0.5', 'identity'],
    ['BR', 'br'],
  ])('%s → %s', (entete, attendu) => {
    expect(choisirEncodage(entete)).toBe(attendu);
  });
});

describe('strapi::compression (koa-compress, configuration du projet) sur un flux', () => {
  it('compresse à la volée, et ne lit le flux qu’au rythme du client (mémoire plate)', async () => {
    const LIGNES = 500_000;
    // Lines that gzip cannot shrink much (a pool larger than its 32 KB window): what is sent is what is read.
    const reserve = Array.from({ length: 2000 }, () => `${randomBytes(36).toString('hex')}\r\n`);
    let produits = 0;
    let termine = false;
    const app = new Koa();
    app.silent = true; // the client hangs up on purpose
    app.use(compress(CONFIGURATION_COMPRESSION));
    app.use((ctx) => {
      ctx.type = 'text/csv';
      ctx.body = Readable.from(
        (function* lignes() {
          for (let i = 0; i < LIGNES; i += 1) {
            produits += reserve[i % reserve.length].length;
            yield reserve[i % reserve.length];
          }
          termine = true;
        })(),
      );
    });
    const serveur = app.listen(0, '127.0.0.1');
    await new Promise((r) => serveur.once('listening', r));
    const total = LIGNES * reserve[0].length;
    try {
      const { reponse, termineAuPremierOctet } = await new Promise<{ reponse: http.IncomingMessage; termineAuPremierOctet: boolean }>((resolve) => {
        http.get({ port: (serveur.address() as AddressInfo).port, host: '127.0.0.1', headers: { 'Accept-Encoding': 'gzip' } }, (r) => {
          r.once('data', () => {
            r.pause();
            resolve({ reponse: r, termineAuPremierOctet: termine });
          });
        });
      });
      expect(reponse.headers['content-encoding']).toBe('gzip');
      expect(termineAuPremierOctet).toBe(false);
      // The client stops reading: the server stops producing once the buffers on the way are full.
      let avant = -1;
      while (avant !== produits) {
        avant = produits;
        await new Promise((r) => setTimeout(r, 150));
      }
      expect(termine).toBe(false);
      expect(produits).toBeLessThan(total / 3);
      reponse.destroy();
    } finally {
      serveur.close();
    }
  });
});

describe('JSON écrit une fois', () => {
  it('écrit en JSON ce que koa écrirait en JSON, et rien d’autre', async () => {
    for (const autre of [null, undefined, 'texte', Buffer.from('x'), Readable.from(['x'])]) expect(corpsJson(autre)).toBe(false);
    const ctx: { body: unknown } = { body: undefined };
    const donnees = { data: [{ id: 1, nom: 'Été « IA »' }], meta: { pagination: { total: 1 } } };
    await jsonUneFois()(ctx, async () => {
      ctx.body = donnees;
    });
    expect(ctx.body).toBe(JSON.stringify(donnees));
  });
});
