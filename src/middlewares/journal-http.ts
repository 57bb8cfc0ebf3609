/**
 * Global middleware `global::journal-http`, in place of `strapi::logger`. Each request gets an id
 * (`X-Request-Id`: the one the reverse proxy sent when it is a plain token, else a new UUID), sent back
 * in the response and written with every log line of the request (exploitation/journal.ts). Strapi's
 * line per request (`GET /api/projets (12 ms) 200`, level http) is built only when a transport takes
 * that level: winston builds each message and pipes it through its streams before its transports drop
 * it, work for nothing on every request at `LOG_LEVEL=info` or above.
 */
import { randomUUID } from 'crypto';

type Contexte = { method: string; url: string; status: number; state: Record<string, unknown>; get(nom: string): string; set(nom: string, valeur: string): void };
type Journal = { isLevelEnabled(niveau: string): boolean; http(message: string): unknown };

/** An id received from the proxy, kept when it cannot inject anything into a log line. Pure. */
export function idRequeteRecu(valeur: string | undefined): string | null {
  return valeur && /^[A-Za-z0-9._:-]{1,128}$/.test(valeur) ? valeur : null;
}

/** The address of a request for the log: the tokens of the subscription links (`jeton=`) never reach it. Pure. */
export const adresseJournal = (url: string): string => url.replace(/([?&]jeton=)[^&]*/g, '$1…');

export default (_config: unknown, { strapi }: { strapi: { log: Journal } }) => {
  // The transports and their levels are fixed once the logger is configured, before the middlewares.
  const ligneHttp = strapi.log.isLevelEnabled('http');
  return async (ctx: Contexte, next: () => Promise<void>) => {
    const id = idRequeteRecu(ctx.get('x-request-id')) ?? randomUUID();
    ctx.state.idRequete = id;
    ctx.set('X-Request-Id', id);
    if (!ligneHttp) return next();
    const debut = Date.now();
    await next();
    strapi.log.http(`${ctx.method} ${adresseJournal(ctx.url)} (${Math.ceil(Date.now() - debut)} ms) ${ctx.status}`);
  };
};
