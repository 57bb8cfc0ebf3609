import { messageFrancais } from '../domaine/messages-francais';

/**
 * Global middleware `global::messages-francais`, inside `strapi::errors`: gives the errors answered in
 * English (users-permissions, permissions, query validation) their French message, whether they are
 * thrown (formatted later by `strapi::errors`) or already written by `ctx.forbidden()` and the like.
 * Status and details are unchanged.
 */
export default () => async (ctx: { body?: unknown }, next: () => Promise<void>) => {
  try {
    await next();
  } catch (erreur) {
    if (erreur instanceof Error) erreur.message = messageFrancais(erreur.message) ?? erreur.message;
    throw erreur;
  }
  const corps = ctx.body as { error?: { message?: unknown } } | undefined;
  if (corps && typeof corps === 'object' && typeof corps.error?.message === 'string') {
    corps.error.message = messageFrancais(corps.error.message) ?? corps.error.message;
  }
};
