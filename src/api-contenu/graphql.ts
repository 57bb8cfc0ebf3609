/**
 * GraphQL side of the members' reveal. The plugin leaves private attributes out of the schema; the
 * Restreint attributes are added back to their types here, each behind the same rule as REST
 * (`voitRestreint`): null for a caller who may not see them, never loaded from the database for them.
 * They are also added to the filters inputs: Strapi's query validation, run on the members' view only
 * for members (`api-contenu/visibilite.ts`), refuses them to everyone else, as in REST.
 * Enumerations are exposed as String, decimals as Float.
 */
import type { Core } from '@strapi/strapi';
import { appelantDepuisAuth, ATTRIBUTS_RESTREINTS, voitRestreint } from '../domaine/visibilite';

type Resolveur = (parent: any, args: any, contexte: any, info: any) => unknown;

const garder =
  (resolveur: Resolveur): Resolveur =>
  (parent, args, contexte, info) =>
    voitRestreint(appelantDepuisAuth(contexte?.state?.auth)) ? resolveur(parent, args, contexte, info) : null;

const SCALAIRES: Record<string, string> = { decimal: 'Float', float: 'Float', integer: 'Int', boolean: 'Boolean' };
const scalaire = (type: string) => SCALAIRES[type] ?? 'String';

export function etendreGraphql(strapi: Core.Strapi): void {
  const graphql = strapi.plugin('graphql');
  graphql.service('extension').use(({ nexus }: { nexus: any }) => {
    const { naming } = graphql.service('utils');
    const builders = graphql.service('builders');
    const { buildAssociationResolver, buildComponentResolver } = builders.get('content-api');
    const { getContentTypeArgs } = builders.utils;

    const types = Object.entries(ATTRIBUTS_RESTREINTS).map(([uid, attributs]) => {
      const modele = strapi.getModel(uid as any) as any;
      return nexus.extendType({
        type: naming.getTypeName(modele),
        definition(t: any) {
          for (const nom of attributs) {
            const attribut = modele.attributes[nom];
            if (attribut.type === 'relation') {
              const cible = strapi.getModel(attribut.target);
              const association = buildAssociationResolver({ contentTypeUID: uid, attributeName: nom });
              t.field(nom, {
                type: nexus.list(naming.getTypeName(cible)),
                args: getContentTypeArgs(cible, { isNested: true }),
                resolve: garder(async (...a) => ((await association(...a)) as { nodes?: unknown[] }).nodes ?? []),
              });
            } else if (attribut.type === 'component') {
              const composant = strapi.getModel(attribut.component);
              t.field(nom, { type: naming.getComponentName(composant), resolve: garder(buildComponentResolver({ contentTypeUID: uid, attributeName: nom })) });
            } else {
              t.field(nom, { type: scalaire(attribut.type), resolve: garder((parent) => parent?.[nom] ?? null) });
            }
          }
        },
      });
    });
    const filtres = Object.entries(ATTRIBUTS_RESTREINTS).map(([uid, attributs]) => {
      const modele = strapi.getModel(uid as any) as any;
      return nexus.extendInputType({
        type: naming.getFiltersInputTypeName(modele),
        definition(t: any) {
          for (const nom of attributs) {
            const attribut = modele.attributes[nom];
            const cible = attribut.type === 'relation' ? attribut.target : attribut.type === 'component' ? attribut.component : undefined;
            t.field(nom, { type: cible ? naming.getFiltersInputTypeName(strapi.getModel(cible)) : `${scalaire(attribut.type)}FilterInput` });
          }
        },
      });
    });
    return { types: [...types, ...filtres] };
  });
}
