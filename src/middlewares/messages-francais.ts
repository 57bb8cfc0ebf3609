import { errors } from '@strapi/utils';
import { messageFrancais } from '../domaine/messages-francais';

interface Erreur {
  message?: unknown;
  path?: unknown;
  details?: { errors?: Erreur[] };
  extensions?: { error?: Erreur };
}
type Corps = { error?: Erreur; errors?: Erreur[] };

/** Translates one error, its `details.errors[]` and, for GraphQL, its `extensions.error`. */
function traduireErreur(erreur: Erreur | undefined): boolean {
  if (!erreur || typeof erreur !== 'object') return false;
  let change = false;
  const chemin = Array.isArray(erreur.path) ? erreur.path : undefined;
  const francais = typeof erreur.message === 'string' ? messageFrancais(erreur.message, chemin) : undefined;
  if (francais) {
    erreur.message = francais;
    change = true;
  }
  for (const detail of Array.isArray(erreur.details?.errors) ? erreur.details.errors : []) change = traduireErreur(detail) || change;
  change = traduireErreur(erreur.extensions?.error) || change;
  return change;
}

function traduire(corps: Corps): boolean {
  let change = false;
  for (const erreur of [corps.error, ...(Array.isArray(corps.errors) ? corps.errors : [])]) change = traduireErreur(erreur) || change;
  return change;
}

/**
 * Errors of the body parser (co-body, raw-body: invalid JSON, too large) become Strapi errors: the
 * usual 400 ValidationError / 413 shape, and no stack in the log (with the raw body) for a client's mistake.
 */
function versErreurStrapi(erreur: unknown): unknown {
  if (!(erreur instanceof Error) || erreur instanceof errors.ApplicationError) return erreur;
  const statut = (erreur as { status?: unknown }).status;
  if (statut === 413) return new errors.PayloadTooLargeError(messageFrancais(erreur.message) ?? 'Corps de la requête trop volumineux.');
  if (statut === 400 && erreur instanceof SyntaxError) {
    return new errors.ValidationError(messageFrancais(erreur.message) ?? 'Corps de la requête illisible : JSON invalide.', { parametre: 'corps' });
  }
  return erreur;
}

/** A thrown error's message and details, translated in place (`strapi::errors` formats it afterwards). */
function traduireLevee(erreur: unknown): void {
  if (!(erreur instanceof Error)) return;
  const details = (erreur as { details?: { errors?: Erreur[] } }).details;
  const premier = Array.isArray(details?.errors) && details.errors.length === 1 ? details.errors[0] : undefined;
  erreur.message = messageFrancais(erreur.message, Array.isArray(premier?.path) ? premier.path : undefined) ?? erreur.message;
  for (const detail of Array.isArray(details?.errors) ? details.errors : []) traduireErreur(detail);
}

/**
 * Global middleware `global::messages-francais`, inside `strapi::errors`: gives the errors answered in
 * English (users-permissions, permissions, query validation, yup, koa, graphql-js) their French message,
 * whether they are thrown (formatted later by `strapi::errors`), already written by `ctx.forbidden()` and
 * the like, or in the `errors` of a GraphQL answer (serialised by Apollo). Status, codes and paths are
 * unchanged.
 */
export default () => async (ctx: { body?: unknown; response: { _explicitStatus?: boolean } }, next: () => Promise<void>) => {
  try {
    await next();
  } catch (levee) {
    const erreur = versErreurStrapi(levee);
    traduireLevee(erreur);
    throw erreur;
  }
  // Nothing answered (no route, or a route that left the response empty): `strapi::errors` would say « Not Found ».
  if (!ctx.response._explicitStatus) throw new errors.NotFoundError('Adresse introuvable : aucune ressource ne répond à ce chemin.');
  if (typeof ctx.body === 'string' && ctx.body.includes('"errors"')) {
    let corps: Corps;
    try {
      corps = JSON.parse(ctx.body);
    } catch {
      return;
    }
    if (corps && typeof corps === 'object' && traduire(corps)) ctx.body = JSON.stringify(corps);
  } else if (ctx.body && typeof ctx.body === 'object' && !Buffer.isBuffer(ctx.body)) {
    traduire(ctx.body as Corps);
  }
};
