/**
 * The output sanitization of the content API remembered by shape (README, « Performance »).
 *
 * Strapi cleans every entity it returns (`contentAPI.sanitize.output`) with three asynchronous walks
 * over all its keys and relations (private and password attributes, relations the caller may not read,
 * the users-permissions sanitizer), members' view included (api-contenu/visibilite.ts): the largest
 * part of a list request's CPU. What these walks remove depends on the model, on who asks and on the
 * entity's shape (its keys, which relations are populated, null or not, how many elements, the
 * `__type` / `__component` of polymorphic values), never on the other values. So the first entity of a
 * shape is cleaned by Strapi, and what was kept is recorded as a plan (keys kept at each level, in
 * order); the next entities of the same shape, for the same model and caller, are copied through the
 * plan. Plans are kept per generation of the content, which every permission or role change bumps
 * (src/documents/generation.ts).
 *
 * Only when the output sanitizers are those known here (Strapi's, the visibility layer's and
 * users-permissions', which decide by schema and caller): another sanitizer registered in
 * `content-api.output` could read values, and every entity then goes through Strapi again.
 */
import type { Core } from '@strapi/strapi';
import { CacheParGeneration } from '../domaine/cache-generation';
import { lireGeneration } from '../documents/generation';
import { cleAppelant } from './requetes-memorisees';
import { remplacer } from './remplacements';

type Options = { auth?: unknown; [cle: string]: unknown } | undefined;
type Fonction = (donnees: unknown, schema: { uid?: string } | undefined, options?: Options) => Promise<unknown>;

/** What the cleaning keeps of a value: the value itself, or some keys of an object, or each element of a list. */
export type Plan = { type: 'valeur' } | { type: 'objet'; cles: Array<[string, Plan]> } | { type: 'liste'; elements: Plan[] };

/** Keys whose value the sanitizers read (polymorphic relations and dynamic zones). */
const CLES_LUES: ReadonlySet<string> = new Set(['__type', '__component']);
const VALEUR: Plan = { type: 'valeur' };

/** A date, whichever realm made it (`structuredClone` may not be the caller's). */
const estDate = (valeur: unknown): valeur is Date => Object.prototype.toString.call(valeur) === '[object Date]';

const objetSimple = (valeur: unknown): valeur is Record<string, unknown> => {
  if (valeur === null || typeof valeur !== 'object' || Array.isArray(valeur)) return false;
  // A plain object's prototype is the root of its realm's chain (`structuredClone` may use another realm).
  const prototype = Object.getPrototypeOf(valeur);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
};

/**
 * The shape of a value, as the sanitizers can tell it apart, or null when it holds something a plan
 * cannot copy (a function, a class instance other than a date). Pure.
 */
export function forme(valeur: unknown): string | null {
  if (valeur === null) return 'n';
  if (Array.isArray(valeur)) {
    let resultat = '[';
    for (const element of valeur) {
      const f = forme(element);
      if (f === null) return null;
      resultat += `${f},`;
    }
    return `${resultat}]`;
  }
  if (typeof valeur === 'object') {
    if (estDate(valeur)) return 'd';
    if (!objetSimple(valeur)) return null;
    let resultat = '{';
    for (const cle of Object.keys(valeur)) {
      const v = valeur[cle];
      // Scalars inline (most keys of an entity): no call per key.
      const f = CLES_LUES.has(cle) ? valeurLue(v) : v === null || typeof v !== 'object' ? formeScalaire(v) : forme(v);
      if (f === null || f === undefined) return null;
      // The key prefixed by its length: one shape per sequence of keys, whatever characters they hold.
      resultat += `${cle.length}:${cle}${f}`;
    }
    return `${resultat}}`;
  }
  return formeScalaire(valeur);
}

/** A value the sanitizers read, as JSON closed by `;` (a number is not self-delimiting). */
function valeurLue(valeur: unknown): string | undefined {
  const json = JSON.stringify(valeur) as string | undefined;
  return json === undefined ? undefined : `${json};`;
}

const formeScalaire = (valeur: unknown): string | null =>
  valeur === null ? 'n' : typeof valeur === 'function' || typeof valeur === 'symbol' || typeof valeur === 'bigint' ? null : 's';

/**
 * The plan that turns `entree` into `sortie`, or null when the cleaning did more than keep keys and
 * elements (added a key, changed a value, dropped an element). Pure.
 */
export function planDepuis(entree: unknown, sortie: unknown): Plan | null {
  if (Array.isArray(sortie)) {
    if (!Array.isArray(entree) || entree.length !== sortie.length) return null;
    const elements: Plan[] = [];
    for (let i = 0; i < sortie.length; i += 1) {
      const plan = planDepuis(entree[i], sortie[i]);
      if (plan === null) return null;
      elements.push(plan);
    }
    return { type: 'liste', elements };
  }
  if (objetSimple(sortie)) {
    if (!objetSimple(entree)) return null;
    const cles: Array<[string, Plan]> = [];
    for (const cle of Object.keys(sortie)) {
      if (!Object.prototype.hasOwnProperty.call(entree, cle)) return null;
      const plan = planDepuis(entree[cle], sortie[cle]);
      if (plan === null) return null;
      cles.push([cle, plan]);
    }
    return { type: 'objet', cles };
  }
  if (estDate(entree) && estDate(sortie)) return entree.getTime() === sortie.getTime() ? VALEUR : null;
  return Object.is(entree, sortie) ? VALEUR : null;
}

/** `valeur` copied through `plan` (new objects and lists, values shared). Pure. */
export function appliquer(plan: Plan, valeur: unknown): unknown {
  if (plan.type === 'valeur') return valeur;
  if (plan.type === 'liste') {
    const liste = valeur as unknown[];
    return plan.elements.map((element, i) => appliquer(element, liste[i]));
  }
  const objet = valeur as Record<string, unknown>;
  const copie: Record<string, unknown> = {};
  for (const [cle, sous] of plan.cles) copie[cle] = appliquer(sous, objet[cle]);
  return copie;
}

const CAPACITE = 2000;
const SANS_PLAN = Symbol('sans plan');

export function memoriserNettoyageSorties(strapi: Core.Strapi): void {
  const registre = strapi.sanitizers as unknown as { get(cle: string): unknown[] };
  const connus = [...registre.get('content-api.output')];
  const sanitizersConnus = () => {
    const actuels = registre.get('content-api.output');
    return actuels.length === connus.length && actuels.every((s, i) => s === connus[i]);
  };
  const plans = new CacheParGeneration<Plan | typeof SANS_PLAN>(CAPACITE);

  remplacer<Fonction>(strapi.contentAPI.sanitize, 'output', 'performance', (origine) => {
    const nettoyer = async (donnees: unknown, schema: { uid?: string }, options: Options, appelant: string, generation: number): Promise<unknown> => {
      const f = objetSimple(donnees) ? forme(donnees) : null;
      if (f === null) return origine(donnees, schema, options);
      let premiere: { resultat: unknown } | undefined;
      const plan = await plans.obtenir(`${schema.uid}\u0000${appelant}\u0000${f}`, generation, async () => {
        // A copy taken before: nothing says Strapi's walk leaves its input untouched.
        const entree = structuredClone(donnees);
        const resultat = await origine(donnees, schema, options);
        premiere = { resultat };
        return planDepuis(entree, resultat) ?? SANS_PLAN;
      });
      if (premiere) return premiere.resultat;
      return plan === SANS_PLAN ? origine(donnees, schema, options) : appliquer(plan, donnees);
    };

    return async (donnees, schema, options) => {
      // Without `auth` Strapi keeps the relations the caller may not read: never the plan of a caller.
      const appelant = options?.auth ? cleAppelant(options.auth) : 'sans auth';
      if (!schema?.uid || appelant === null || !sanitizersConnus()) return origine(donnees, schema, options);
      const generation = await lireGeneration(strapi);
      if (!Array.isArray(donnees)) return nettoyer(donnees, schema, options, appelant, generation);
      const resultats: unknown[] = [];
      for (const element of donnees) resultats.push(await nettoyer(element, schema, options, appelant, generation));
      return resultats;
    };
  });
}
