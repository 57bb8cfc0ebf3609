/**
 * Glue between Strapi's content API and the visibility rules of `domaine/visibilite.ts` (docs/visibilite.md,
 * docs/adr/couche-visibilite-autour-des-nettoyeurs.md).
 *
 * Strapi strips `private` attributes in `strapi.contentAPI.sanitize` / `validate`, which every content-API
 * read goes through, REST controllers and GraphQL resolvers alike, with the caller in `auth`. The
 * sanitizer/validator registries only run after that stripping, so they cannot give a field back: the
 * one reveal is here. For a caller who sees Restreint fields, the same Strapi sanitizers and validators
 * run on the members' view of the models (Restreint attributes not private); for everyone, the query
 * is then checked and narrowed (shape limits, published only, relations seen as the caller may read
 * them) by `restreindreRequete`.
 *
 * This replaces functions of Strapi's internals: `verifierFormeContentApi` refuses to start when they
 * no longer have the shape this glue was written against, rather than serve unfiltered data.
 */
import type { Core } from '@strapi/strapi';
import { errors, sanitize, validate } from '@strapi/utils';
import { appelantDepuisAuth, restreindreRequete, voitRestreint, vueMembre, type Modele } from '../domaine/visibilite';
import { RequeteRefusee } from '../domaine/forme-requete';
import { remplacer } from './remplacements';

type Options = { auth?: unknown; [cle: string]: unknown } | undefined;
type Fonction = (donnees: any, schema: any, options?: Options) => Promise<any>;

/**
 * The functions of `strapi.contentAPI` replaced here, with the number of declared parameters they have
 * in the Strapi version this glue was written against (data, schema; the options object, where `auth`
 * is read, has a default and is not counted).
 */
export const FONCTIONS_REMPLACEES = {
  sanitize: ['input', 'output', 'query', 'filters', 'sort', 'fields', 'populate'],
  validate: ['input', 'query', 'filters', 'sort', 'fields', 'populate'],
} as const;
const ARITE_ATTENDUE = 2;

const decrire = (valeur: unknown) => (typeof valeur === 'function' ? `une fonction à ${valeur.length} paramètre(s)` : valeur === undefined ? 'absent' : typeof valeur);

/**
 * Refuses (throws, in French, naming what changed) when Strapi's content API is not the one the reveal
 * and the narrowing were written against: a missing or added function, another number of parameters,
 * missing factories in @strapi/utils or registries of sanitizers and validators.
 */
export function verifierFormeContentApi(
  contentAPI: unknown,
  utilitaires: { sanitize?: { createAPISanitizers?: unknown }; validate?: { createAPIValidators?: unknown } },
  registres: { sanitizers?: { get?: unknown }; validators?: { get?: unknown } },
): void {
  const ecarts: string[] = [];
  if (typeof utilitaires.sanitize?.createAPISanitizers !== 'function') ecarts.push(`@strapi/utils sanitize.createAPISanitizers est ${decrire(utilitaires.sanitize?.createAPISanitizers)}`);
  if (typeof utilitaires.validate?.createAPIValidators !== 'function') ecarts.push(`@strapi/utils validate.createAPIValidators est ${decrire(utilitaires.validate?.createAPIValidators)}`);
  if (typeof registres.sanitizers?.get !== 'function') ecarts.push(`strapi.sanitizers.get est ${decrire(registres.sanitizers?.get)}`);
  if (typeof registres.validators?.get !== 'function') ecarts.push(`strapi.validators.get est ${decrire(registres.validators?.get)}`);
  const api = (contentAPI ?? {}) as Record<string, Record<string, unknown> | undefined>;
  for (const [espace, attendues] of Object.entries(FONCTIONS_REMPLACEES)) {
    const objet = api[espace];
    if (!objet || typeof objet !== 'object') {
      ecarts.push(`strapi.contentAPI.${espace} est ${decrire(objet)}`);
      continue;
    }
    for (const nom of attendues) {
      const fonction = objet[nom];
      if (typeof fonction !== 'function' || fonction.length !== ARITE_ATTENDUE) {
        ecarts.push(`strapi.contentAPI.${espace}.${nom} est ${decrire(fonction)} (attendu : une fonction à ${ARITE_ATTENDUE} paramètres)`);
      }
    }
    for (const nom of Object.keys(objet)) {
      if (!(attendues as readonly string[]).includes(nom)) ecarts.push(`strapi.contentAPI.${espace}.${nom} est apparue et n’est pas prise en charge`);
    }
  }
  if (ecarts.length > 0) {
    throw new Error(
      `Démarrage refusé : l’API de contenu de Strapi a changé sous la révélation des champs restreints et le filtrage des brouillons (src/api-contenu/visibilite.ts) : ${ecarts.join(' ; ')}. ` +
        'Adaptez ce module à la nouvelle version de Strapi avant de servir l’API.',
    );
  }
}

export function installerVisibilite(strapi: Core.Strapi): void {
  verifierFormeContentApi(strapi.contentAPI, { sanitize, validate }, strapi as unknown as Parameters<typeof verifierFormeContentApi>[2]);
  const cache = new Map<string, Modele>();
  const modeleMembre = (uid: string): Modele => {
    let modele = cache.get(uid);
    if (!modele) {
      modele = vueMembre(strapi.getModel(uid as any) as unknown as Modele);
      cache.set(uid, modele);
    }
    return modele;
  };
  const membres = {
    sanitize: sanitize.createAPISanitizers({
      getModel: modeleMembre as any,
      get sanitizers() {
        return { input: strapi.sanitizers.get('content-api.input'), output: strapi.sanitizers.get('content-api.output') };
      },
    }) as unknown as Record<string, Fonction>,
    validate: validate.createAPIValidators({
      getModel: modeleMembre as any,
      get validators() {
        return { input: strapi.validators.get('content-api.input') };
      },
    }) as unknown as Record<string, Fonction>,
  };

  for (const espace of ['sanitize', 'validate'] as const) {
    const cible = strapi.contentAPI[espace] as unknown as Record<string, Fonction>;
    for (const nom of Object.keys(cible)) {
      const revelee = membres[espace][nom];
      if (!revelee) throw new Error(`Démarrage refusé : @strapi/utils ne fournit plus contentAPI.${espace}.${nom} pour la vue des membres (src/api-contenu/visibilite.ts).`);
      remplacer<Fonction>(cible, nom, 'visibilite', (origine) => (donnees, schema, options) =>
        voitRestreint(appelantDepuisAuth(options?.auth)) && schema?.uid
          ? revelee(donnees, modeleMembre(schema.uid), options)
          : origine(donnees, schema, options),
      );
    }
  }

  remplacer<Fonction>(strapi.contentAPI.sanitize, 'query', 'visibilite', (requete) => async (donnees, schema, options) => {
    const nettoyee = await requete(donnees, schema, options);
    if (!schema?.uid) return nettoyee;
    try {
      return restreindreRequete(nettoyee, schema, appelantDepuisAuth(options?.auth), (uid) => strapi.getModel(uid as any) as unknown as Modele);
    } catch (erreur) {
      if (erreur instanceof RequeteRefusee) throw new errors.ValidationError(erreur.message, { source: 'query', param: erreur.parametre });
      throw erreur;
    }
  });
}
