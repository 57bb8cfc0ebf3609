import { Readable } from 'stream';

/**
 * Groups the strings of a streamed export into chunks of at least `taille` characters (the last one
 * shorter). One chunk a line cost the compression stream (gzip, brotli) a thread-pool round trip a
 * line: 10,000 for 10,000 projets, a second and more of the CSV export. Pure.
 */
export const TAILLE_PAQUET = 64 * 1024;

export async function* parPaquets(source: AsyncIterable<string>, taille = TAILLE_PAQUET): AsyncGenerator<string> {
  let paquet = '';
  for await (const morceau of source) {
    paquet += morceau;
    if (paquet.length >= taille) {
      yield paquet;
      paquet = '';
    }
  }
  if (paquet !== '') yield paquet;
}

/** The body of a streamed export: its strings sent in chunks (Koa pipes it into the compression stream). */
export const fluxExport = (source: AsyncIterable<string>): Readable => Readable.from(parPaquets(source));
