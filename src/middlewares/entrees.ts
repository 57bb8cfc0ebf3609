import type { Core } from '@strapi/strapi';
import { json } from 'co-body';
import createError from 'http-errors';
import { parse, Kind, visit, type DocumentNode } from 'graphql';
import { errors } from '@strapi/utils';
import {
  cheminOctetNul,
  contientOctetNulEncode,
  LIMITES,
  nomParametre,
  tropProfond,
  verifierRequete,
  type ModeleEntrees,
} from '../domaine/entrees';
import { CODE_REFUS, cycleDeFragments, messageCycle } from '../domaine/graphql-cout';
import { CHEMINS_FORMULAIRES } from '../domaine/abonnement';

interface Configuration {
  /** nesting allowed in a JSON body */
  profondeurJsonMax?: number;
  /** limit of a GraphQL body read here, as for the other bodies */
  tailleCorpsMax?: string;
}

const refus = (message: string, parametre: string) => new errors.ValidationError(message, { parametre });


const METHODES_ECRITURE = new Set(['POST', 'PUT', 'PATCH']);
/** Admin routes creating a document: the id is the database's, never the caller's. */
const RE_CREATION_ADMIN = /^\/content-manager\/(collection-types\/[^/]+|single-types\/[^/]+|collection-types\/[^/]+\/clone\/[^/]+)\/?$/;
const RE_ADMIN_LISTE = /^\/content-manager\/collection-types\/([^/]+)\/?$/;
const RE_API = /^\/api\/([^/]+)/;

/**
 * Global middleware `global::entrees`, right after `strapi::body`: refuses hostile or malformed input
 * before any route sees it (rules in `domaine/entrees.ts`), as a French 4xx naming the parameter:
 * NUL bytes (path, query, body), non-JSON bodies on JSON routes (415), array or too deep JSON bodies,
 * an id in an admin creation, filter values that do not fit the attribute's type (REST and content
 * manager), and GraphQL documents whose fragments cycle (the depth limit would overflow the stack).
 * The GraphQL body is read here (the plugin's parser and the response cache skip a body already read).
 */
export default (config: Configuration, { strapi }: { strapi: Core.Strapi }) => {
  const profondeurMax = config.profondeurJsonMax ?? LIMITES.profondeurJsonMax;
  let parCollection: Map<string, string> | undefined;
  const uidDeCollection = (collection: string): string | undefined => {
    parCollection ??= new Map(
      Object.entries(strapi.contentTypes as unknown as Record<string, { info: { pluralName: string; singularName: string }; kind: string }>).flatMap(([uid, ct]) =>
        uid.startsWith('api::') ? [[ct.kind === 'singleType' ? ct.info.singularName : ct.info.pluralName, uid] as [string, string]] : [],
      ),
    );
    if (collection === 'users') return 'plugin::users-permissions.user';
    return parCollection.get(collection);
  };
  const obtenirModele = (uid: string) => {
    try {
      return strapi.getModel(uid as any) as unknown as ModeleEntrees | undefined;
    } catch {
      return undefined;
    }
  };
  const graphqlChemin = () => strapi.plugin('graphql')?.config('endpoint') as string | undefined;

  return async (ctx: any, next: () => Promise<void>) => {
    if (contientOctetNulEncode(ctx.path)) throw refus('Le chemin de la requête contient un octet nul (%00) : adresse refusée.', 'chemin');
    if (contientOctetNulEncode(ctx.querystring)) {
      const chemin = cheminOctetNul(ctx.query);
      const nom = chemin ? nomParametre(chemin) : 'requête';
      throw refus(`Le paramètre « ${nom} » contient un octet nul (%00) : valeur refusée.`, nom);
    }

    const estGraphql = ctx.path === graphqlChemin();
    // The subscription links' routes read only their query: their pages post forms, mail clients the RFC 8058 one-click unsubscribe.
    if (METHODES_ECRITURE.has(ctx.method) && !CHEMINS_FORMULAIRES.has(ctx.path) && ctx.request.is('json', 'multipart') === false) {
      const type = ctx.get('content-type') || 'absent';
      // An HttpError: `strapi::errors` answers it in the usual shape, with its 415 status.
      throw createError(415, `Type de contenu « ${type} » refusé : envoyez du JSON (en-tête Content-Type: application/json).`, { details: { parametre: 'Content-Type' } });
    }
    if (estGraphql && ctx.method === 'POST' && ctx.request.body === undefined && ctx.request.is('json')) {
      try {
        ctx.request.body = await json(ctx, { limit: config.tailleCorpsMax ?? '1mb' });
      } catch (erreur) {
        if ((erreur as { status?: number }).status === 413) throw new errors.PayloadTooLargeError('Corps de la requête trop volumineux.');
        throw refus('Corps de la requête GraphQL illisible : JSON attendu.', 'corps');
      }
    }

    const corps = ctx.request.body;
    if (METHODES_ECRITURE.has(ctx.method) && corps !== undefined && ctx.request.is('json')) {
      if (Array.isArray(corps) || corps === null || typeof corps !== 'object') {
        throw refus('Le corps de la requête doit être un objet JSON ({ … }), pas une liste ni une valeur seule.', 'corps');
      }
      if (tropProfond(corps, profondeurMax)) {
        throw refus(`Le corps de la requête est imbriqué trop profondément (${profondeurMax} niveaux au plus).`, 'corps');
      }
      const chemin = cheminOctetNul(corps);
      if (chemin) {
        const nom = chemin.join('.') || 'corps';
        throw refus(`Le champ « ${nom} » du corps de la requête contient un octet nul (\\u0000) : valeur refusée.`, nom);
      }
      if (ctx.method === 'POST' && RE_CREATION_ADMIN.test(ctx.path)) {
        const interdit = ['id', 'documentId'].find((cle) => Object.prototype.hasOwnProperty.call(corps, cle));
        if (interdit) throw refus(`Le champ « ${interdit} » est attribué par le serveur : retirez-le du corps de la création.`, interdit);
      }
    }

    if (estGraphql) {
      const source = ctx.method === 'GET' ? ctx.query?.query : corps?.query;
      const refusGraphql = typeof source === 'string' ? verdictGraphql(source) : null;
      if (refusGraphql) {
        ctx.status = 400;
        ctx.body = { errors: [{ message: refusGraphql, extensions: { code: CODE_REFUS } }] };
        return;
      }
      return next();
    }

    const uid = RE_ADMIN_LISTE.exec(ctx.path)?.[1] ?? uidDeCollection(RE_API.exec(ctx.path)?.[1] ?? '');
    if (uid && ctx.query && typeof ctx.query === 'object') {
      const probleme = verifierRequete(ctx.query, uid, obtenirModele);
      if (probleme) throw refus(probleme.message, probleme.parametre);
    }
    return next();
  };
};

/** Verdicts remembered by document text (a front-end sends the same few documents again and again), small ones only. */
const VERDICTS_MAX = 500;
const TEXTE_MEMORISE_MAX = 10_000;
const verdicts = new Map<string, string | null>();

function verdictGraphql(source: string): string | null {
  const connu = verdicts.get(source);
  if (connu !== undefined) return connu;
  const verdict = verifierDocumentGraphql(source);
  if (source.length <= TEXTE_MEMORISE_MAX) {
    verdicts.set(source, verdict);
    if (verdicts.size > VERDICTS_MAX) verdicts.delete(verdicts.keys().next().value as string);
  }
  return verdict;
}

/** The French refusal of a GraphQL document that must not reach Apollo, or null (syntax errors are Apollo's). */
function verifierDocumentGraphql(source: string): string | null {
  let document: DocumentNode;
  try {
    document = parse(source, { maxTokens: 50_000 });
  } catch {
    return null;
  }
  const cycle = cycleDeFragments(document);
  if (cycle) return messageCycle(cycle);
  let nul: string | null = null;
  visit(document, {
    [Kind.STRING](noeud) {
      if (noeud.value.includes('\u0000')) nul = 'Requête GraphQL refusée : une chaîne contient un octet nul (\\u0000).';
    },
  });
  return nul;
}
