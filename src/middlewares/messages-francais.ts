import { messageFrancais } from '../domaine/messages-francais';

type Corps = { error?: { message?: unknown }; errors?: Array<{ message?: unknown }> };

function traduire(corps: Corps): boolean {
  let change = false;
  for (const erreur of [corps.error, ...(Array.isArray(corps.errors) ? corps.errors : [])]) {
    const francais = typeof erreur?.message === 'string' ? messageFrancais(erreur.message) : undefined;
    if (erreur && francais) {
      erreur.message = francais;
      change = true;
    }
  }
  return change;
}

/**
 * Global middleware `global::messages-francais`, inside `strapi::errors`: gives the errors answered in
 * English (users-permissions, permissions, query validation) their French message, whether they are
 * thrown (formatted later by `strapi::errors`), already written by `ctx.forbidden()` and the like, or
 * in the `errors` of a GraphQL answer (serialised by Apollo). Status, codes and details are unchanged.
 */
export default () => async (ctx: { body?: unknown }, next: () => Promise<void>) => {
  try {
    await next();
  } catch (erreur) {
    if (erreur instanceof Error) erreur.message = messageFrancais(erreur.message) ?? erreur.message;
    throw erreur;
  }
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
