/**
 * The checks of a content-API query remembered (README, « Performance »). Strapi validates and
 * sanitizes the query string of every read (`contentAPI.validate.query`, `sanitize.query`: filters,
 * sort, fields and populate walked against the schema and the caller's permissions, then narrowed by
 * `restreindreRequete`) — the same work for the same list asked again and again. Their outcome depends
 * only on the query, the model, the route and who asks (the role and its permissions, the member's
 * approval, the API token): it is kept per generation of the content, which every permission or role
 * change also bumps (src/documents/generation.ts), so a change of rights is honoured by the next request.
 *
 * The Document Service checks the same parameters again (`validateParams` of its repository: filters,
 * sort, fields and populate walked against the model alone, whoever asks): a success is remembered by
 * model, check and parameters for the life of the process, the models being fixed once Strapi runs.
 */
import type { Core } from '@strapi/strapi';
import { CacheParGeneration } from '../domaine/cache-generation';
import { appelantDepuisAuth } from '../domaine/visibilite';
import { lireGeneration } from '../documents/generation';
import { remplacer } from './remplacements';

type Options = { auth?: unknown; route?: { method?: string; path?: string }; strictParams?: boolean } | undefined;
type Fonction = (donnees: unknown, schema: { uid?: string } | undefined, options?: Options) => Promise<unknown>;

/**
 * Who asks, as far as the checks can tell: the anonymous caller, a user by role and account state, a
 * token by its id (a custom token has its own permissions). Null when it cannot be told. Pure.
 */
export function cleAppelant(auth: unknown): string | null {
  const appelant = appelantDepuisAuth(auth);
  if (appelant.type === 'anonyme') return 'anonyme';
  if (appelant.type === 'utilisateur') {
    return appelant.role === undefined ? null : JSON.stringify(['utilisateur', appelant.role, appelant.confirme, appelant.approuve, appelant.bloque]);
  }
  const id = (auth as { credentials?: { id?: unknown } }).credentials?.id;
  return id === undefined || id === null ? null : JSON.stringify(['jeton', appelant.jeton, id]);
}

/**
 * The JSON of a value made only of plain objects (GraphQL's arguments have no prototype), arrays,
 * strings, finite numbers, booleans and null; null for anything else (a function, a Date, a class
 * instance), which `JSON.stringify` would drop or turn into a string, so that two different queries
 * would share a key. Pure.
 */
export function jsonStrict(valeur: unknown): string | null {
  const simple = (v: unknown): boolean => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
    if (typeof v === 'number') return Number.isFinite(v);
    if (Array.isArray(v)) return v.every(simple);
    if (typeof v !== 'object') return false;
    const prototype = Object.getPrototypeOf(v);
    return (prototype === Object.prototype || prototype === null) && Object.values(v).every(simple);
  };
  return simple(valeur) ? JSON.stringify(valeur) : null;
}

/** Key of one check, or null when it is not to be remembered. Pure. */
export function cleDeVerification(verification: string, requete: unknown, schema: { uid?: string } | undefined, options: Options): string | null {
  const appelant = cleAppelant(options?.auth);
  if (!schema?.uid || appelant === null || requete === null || typeof requete !== 'object') return null;
  return jsonStrict([verification, schema.uid, appelant, options?.route?.method ?? null, options?.route?.path ?? null, options?.strictParams ?? null, requete]);
}

const CAPACITE = 2000;
/** A sanitized query holding what cannot be copied (a function): checked again for every request. */
const NON_MEMORISABLE = Symbol('non mémorisable');

function clonable(valeur: unknown): boolean {
  try {
    structuredClone(valeur);
    return true;
  } catch {
    return false;
  }
}

export function memoriserVerificationsRequetes(strapi: Core.Strapi): void {
  const validations = new CacheParGeneration<true>(CAPACITE);
  remplacer<Fonction>(strapi.contentAPI.validate, 'query', 'performance', (origine) => async (requete, schema, options) => {
    const cle = cleDeVerification('validate', requete, schema, options);
    if (cle === null) return origine(requete, schema, options);
    await validations.obtenir(cle, await lireGeneration(strapi), async () => {
      await origine(requete, schema, options);
      return true;
    });
    return undefined;
  });

  const nettoyages = new CacheParGeneration<unknown>(CAPACITE);
  remplacer<Fonction>(strapi.contentAPI.sanitize, 'query', 'performance', (origine) => async (requete, schema, options) => {
    const cle = cleDeVerification('sanitize', requete, schema, options);
    if (cle === null) return origine(requete, schema, options);
    const nettoyee = await nettoyages.obtenir(cle, await lireGeneration(strapi), async () => {
      const resultat = await origine(requete, schema, options);
      return clonable(resultat) ? resultat : NON_MEMORISABLE;
    });
    // Each caller gets its own copy: Strapi's services add to the query they are given.
    return nettoyee === NON_MEMORISABLE ? origine(requete, schema, options) : structuredClone(nettoyee);
  });
}

/** A check of the Document Service: (model, parameters, checks to run) → throws or resolves. */
type Validateur = (contexte: { schema?: { uid?: string } }, valeur: unknown, verifications: unknown) => Promise<unknown>;
const VALIDATEURS_DOCUMENTS = ['validateFilters', 'validateSort', 'validateFields', 'validatePopulate'] as const;

/**
 * Remembers the successes of the Document Service's parameter checks (`strapiUtils.validate.validators`,
 * read by its repository at each call). A failure is not kept: the next call runs the check again and
 * throws Strapi's own error.
 */
export function memoriserValidationsDocuments(validateurs: Record<string, unknown>): void {
  const absents = VALIDATEURS_DOCUMENTS.filter((nom) => typeof validateurs[nom] !== 'function');
  if (absents.length > 0) {
    throw new Error(`Démarrage refusé : @strapi/utils n’expose plus ${absents.join(', ')} ; les vérifications du Document Service ne peuvent pas être mémorisées.`);
  }
  const reussites = new CacheParGeneration<true>(CAPACITE);
  for (const nom of VALIDATEURS_DOCUMENTS) {
    remplacer<Validateur>(validateurs, nom, 'performance', (origine) => {
      // Strapi's validators are curried: a partial call goes to them unchanged.
      const memorise = (...args: Parameters<Validateur>) => {
        if (args.length < 3) return origine(...args);
        const [contexte, valeur, verifications] = args;
        const cle = contexte?.schema?.uid ? jsonStrict([nom, contexte.schema.uid, verifications, valeur]) : null;
        if (cle === null) return origine(contexte, valeur, verifications);
        // The repository reads nothing of the result but its failure.
        return reussites.obtenir(cle, 0, async () => (await origine(contexte, valeur, verifications), true)).then(() => valeur);
      };
      return memorise as Validateur;
    });
  }
}
