/**
 * Content-encoding of the responses: one rule for `strapi::compression` (koa-compress, every response
 * of a compressible type: JSON, CSV streams, GraphQL) and for the response cache, which keeps the
 * compressed variants of what it serves (src/middlewares/cache-reponses.ts). Pure.
 */
import { constants } from 'zlib';

export type Encodage = 'br' | 'gzip' | 'identity';

/** Smaller bodies are sent as they are: the headers and the CPU cost more than the bytes saved. */
export const SEUIL_COMPRESSION_OCTETS = 1024;

/** Brotli quality 4: close to gzip's speed on the fly, smaller output (koa-compress's default too). */
export const OPTIONS_BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };

/** Options of `strapi::compression` (config/middlewares.ts): deflate off, so both paths choose alike. */
export const CONFIGURATION_COMPRESSION = {
  threshold: SEUIL_COMPRESSION_OCTETS,
  br: OPTIONS_BROTLI,
  gzip: {},
  deflate: false,
} as const;

/**
 * The encoding to send for an `Accept-Encoding` header: the highest q-value wins, brotli before gzip
 * before identity at equal weight, `*` stands for gzip (as in koa-compress); none acceptable: identity.
 */
export function choisirEncodage(acceptEncoding: string | undefined): Encodage {
  const poids = new Map<string, number>();
  for (const directive of (acceptEncoding ?? '').split(',')) {
    const correspondance = /^\s*(gzip|br|identity|\*)\s*(?:;\s*q\s*=\s*(\d(?:\.\d+)?))?\s*$/i.exec(directive);
    if (!correspondance) continue;
    const nom = correspondance[1].toLowerCase();
    const q = Math.min(1, Math.max(0, correspondance[2] === undefined ? 1 : Number(correspondance[2])));
    if (nom === '*') {
      if (!poids.has('gzip')) poids.set('gzip', q);
    } else poids.set(nom, q);
  }
  let choisi: Encodage = 'identity';
  let meilleur = 0;
  for (const encodage of ['br', 'gzip', 'identity'] as const) {
    const q = poids.get(encodage) ?? 0;
    if (q > meilleur) [choisi, meilleur] = [encodage, q];
  }
  return choisi;
}
