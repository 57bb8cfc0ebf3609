/**
 * Global middleware `global::json-une-fois`, right inside `strapi::compression`: the JSON of a response
 * is written once. koa writes an object body when it sends it, and the compression middleware first
 * asks the body's length to compare it with its threshold, which koa computes by writing the JSON a
 * first time: every JSON response was serialized twice. The object is turned here into the text koa
 * would have written (`JSON.stringify`, same Content-Type), before both.
 */
type Contexte = { body: unknown };

/** Whether koa would send this body as JSON (not a text, a buffer, a stream or nothing). Pure. */
export function corpsJson(corps: unknown): corps is object {
  if (corps === null || typeof corps !== 'object' || Buffer.isBuffer(corps)) return false;
  return typeof (corps as { pipe?: unknown }).pipe !== 'function';
}

export default () => async (ctx: Contexte, next: () => Promise<void>) => {
  await next();
  if (corpsJson(ctx.body)) ctx.body = JSON.stringify(ctx.body);
};
