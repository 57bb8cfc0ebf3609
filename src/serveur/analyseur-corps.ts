/**
 * `strapi::body` calls `koaBody(sesOptions)` on every request, with the same options object each
 * time: koa-body validates them (zod) and builds its middleware again before parsing anything. Here
 * the middleware built for one options object is kept and reused (the options are read when it is
 * built, as before; Strapi never changes its object afterwards).
 *
 * Replaces `koaBody` in the koa-body module Strapi's body middleware loads (found from `@strapi/core`,
 * so the very instance it calls): `verifierFormeAnalyseur` refuses to start when it is no longer a
 * function of one argument read at call time.
 */
import path from 'path';
import { remplacer } from '../api-contenu/remplacements';

type Fabrique = (options?: object) => unknown;

/** Builds one middleware per options object, then hands it out again. */
export function memoriserParOptions(fabrique: Fabrique): Fabrique {
  const construits = new WeakMap<object, unknown>();
  return (options) => {
    if (options === undefined || options === null) return fabrique(options);
    let middleware = construits.get(options);
    if (middleware === undefined) {
      middleware = fabrique(options);
      construits.set(options, middleware);
    }
    return middleware;
  };
}

/** The koa-body module of Strapi's body middleware (`@strapi/core` resolves its own dependency). */
export function moduleKoaBody(): Record<string, unknown> {
  const depuisCore = path.dirname(require.resolve('@strapi/core'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(require.resolve('koa-body', { paths: [depuisCore] })) as Record<string, unknown>;
}

export function verifierFormeAnalyseur(module: Record<string, unknown>): void {
  const koaBody = module.koaBody;
  if (typeof koaBody !== 'function' || koaBody.length > 1 || !Object.getOwnPropertyDescriptor(module, 'koaBody')?.writable) {
    throw new Error(
      'Démarrage refusé : koa-body n’expose plus koaBody(options) comme propriété modifiable (src/serveur/analyseur-corps.ts). Adaptez ce module à la nouvelle version de Strapi.',
    );
  }
}

export function memoriserAnalyseurCorps(): void {
  const module = moduleKoaBody();
  verifierFormeAnalyseur(module);
  remplacer<Fabrique>(module, 'koaBody', 'performance', memoriserParOptions);
}
