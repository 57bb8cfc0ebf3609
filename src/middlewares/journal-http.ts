/**
 * Global middleware `global::journal-http`, in place of `strapi::logger`: the same line per request
 * (`GET /api/projets (12 ms) 200`, level http), written only when a transport takes that level. winston
 * builds each message and pipes it through its streams before its transports drop it: at
 * `LOG_LEVEL=info` or above, that was work for nothing on every request.
 */
type Contexte = { method: string; url: string; status: number };
type Journal = { isLevelEnabled(niveau: string): boolean; http(message: string): unknown };

export default (_config: unknown, { strapi }: { strapi: { log: Journal } }) => {
  // The transports and their levels are fixed once the logger is configured, before the middlewares.
  if (!strapi.log.isLevelEnabled('http')) return (_ctx: Contexte, next: () => Promise<void>) => next();
  return async (ctx: Contexte, next: () => Promise<void>) => {
    const debut = Date.now();
    await next();
    strapi.log.http(`${ctx.method} ${ctx.url} (${Math.ceil(Date.now() - debut)} ms) ${ctx.status}`);
  };
};
