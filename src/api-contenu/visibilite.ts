/**
 * Glue between Strapi's content API and the visibility rules of `domaine/visibilite.ts`.
 *
 * Strapi strips `private` attributes in `strapi.contentAPI.sanitize` / `validate`, which every content-API
 * read goes through, REST controllers and GraphQL resolvers alike, with the caller in `auth`. The
 * sanitizer/validator registries only run after that stripping, so they cannot give a field back: the
 * one reveal is here. For a caller who sees Restreint fields, the same Strapi sanitizers and validators
 * run on the members' view of the models (Restreint attributes not private); for everyone, the query
 * is then narrowed (published only, members-only ressources out) by `restreindreRequete`.
 */
import type { Core } from '@strapi/strapi';
import { sanitize, validate } from '@strapi/utils';
import { appelantDepuisAuth, restreindreRequete, voitRestreint, vueMembre, type Modele } from '../domaine/visibilite';

type Options = { auth?: unknown; [cle: string]: unknown } | undefined;
type Fonction = (donnees: any, schema: any, options?: Options) => Promise<any>;

export function installerVisibilite(strapi: Core.Strapi): void {
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
    for (const [nom, origine] of Object.entries({ ...cible })) {
      const revelee = membres[espace][nom];
      if (!revelee) throw new Error(`contentAPI.${espace}.${nom} sans équivalent pour les membres`);
      cible[nom] = (donnees, schema, options) =>
        voitRestreint(appelantDepuisAuth(options?.auth)) && schema?.uid
          ? revelee(donnees, modeleMembre(schema.uid), options)
          : origine(donnees, schema, options);
    }
  }

  const requete = (strapi.contentAPI.sanitize as unknown as Record<string, Fonction>).query;
  (strapi.contentAPI.sanitize as unknown as Record<string, Fonction>).query = async (donnees, schema, options) => {
    const nettoyee = await requete(donnees, schema, options);
    if (!schema?.uid) return nettoyee;
    return restreindreRequete(nettoyee, schema, appelantDepuisAuth(options?.auth), (uid) => strapi.getModel(uid as any) as unknown as Modele);
  };
}
