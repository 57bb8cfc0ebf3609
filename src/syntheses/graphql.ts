/**
 * GraphQL queries `syntheseCollectivite(documentId)` and `syntheseOffreur(documentId)`: the same
 * answers and errors as GET /api/collectivites/:documentId/synthese and
 * GET /api/offreurs/:documentId/synthese, under the same permissions.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { COLLECTIVITE_INTROUVABLE, OFFREUR_INTROUVABLE, syntheseCollectivite, syntheseOffreur } from './syntheses';

type Champ = [nom: string, type: 'string' | 'int' | 'float' | 'id', obligatoire?: boolean];

/** Public scalar fields of the two documents described (src/api/{collectivite,offreur}/content-types/). */
const CHAMPS_COLLECTIVITE: Champ[] = [
  ['documentId', 'id', true], ['nom', 'string', true], ['slug', 'string'], ['type', 'string', true], ['sousType', 'string'],
  ['siren', 'string'], ['siret', 'string'], ['codeInsee', 'string'], ['codeDepartement', 'string'], ['codeRegion', 'string'],
  ['population', 'int'], ['latitude', 'float'], ['longitude', 'float'], ['logoUrl', 'string'], ['siteWeb', 'string'], ['description', 'string'],
];
const CHAMPS_OFFREUR: Champ[] = [
  ['documentId', 'id', true], ['nom', 'string', true], ['slug', 'string'], ['type', 'string', true], ['siren', 'string'], ['siteWeb', 'string'], ['description', 'string'],
];
const CHAMPS_REFERENCE: Champ[] = [['documentId', 'id', true], ['slug', 'string'], ['nom', 'string', true], ['type', 'string', true]];
const CHAMPS_PROJET: Champ[] = [['documentId', 'id', true], ['slug', 'string'], ['nom', 'string', true], ['resume', 'string'], ['statut', 'string']];

function objet(nexus: any, name: string, champs: Champ[], plus: (t: any) => void = () => undefined) {
  return nexus.objectType({
    name,
    definition(t: any) {
      for (const [nom, type, obligatoire] of champs) (obligatoire ? t.nonNull : t)[type](nom);
      plus(t);
    },
  });
}

export function etendreGraphqlSyntheses(strapi: Core.Strapi): void {
  strapi.plugin('graphql').service('extension').use(({ nexus }: { nexus: any }) => {
    const listeDe = (t: any, nom: string, type: string) => t.nonNull.list.nonNull.field(nom, { type });
    const thematique = (t: any) => t.field('thematique', { type: 'SyntheseThematique' });
    return {
      types: [
        objet(nexus, 'SyntheseThematique', [['documentId', 'id', true], ['slug', 'string'], ['nom', 'string', true]]),
        objet(nexus, 'SyntheseProjet', CHAMPS_PROJET, thematique),
        objet(nexus, 'SyntheseProjetRole', CHAMPS_PROJET, (t) => {
          thematique(t);
          t.nonNull.string('role');
        }),
        objet(nexus, 'SyntheseProjetsCollectivite', [], (t) => {
          listeDe(t, 'porteuse', 'SyntheseProjet');
          listeDe(t, 'partenaire', 'SyntheseProjet');
        }),
        objet(nexus, 'SyntheseOffreurUtilise', CHAMPS_REFERENCE, (t) => t.nonNull.int('nombreProjets')),
        objet(nexus, 'SyntheseInitiative', [
          ['documentId', 'id', true], ['slug', 'string'], ['titre', 'string', true], ['type', 'string', true],
          ['statut', 'string', true], ['dateAdoption', 'string'], ['lien', 'string'], ['role', 'string', true],
        ]),
        objet(nexus, 'SyntheseCollectiviteFiche', CHAMPS_COLLECTIVITE),
        objet(nexus, 'SyntheseOffreurFiche', CHAMPS_OFFREUR),
        objet(nexus, 'SyntheseCollectiviteUtilisatrice', CHAMPS_REFERENCE, (t) => listeDe(t, 'projets', 'SyntheseProjetRole')),
        objet(nexus, 'SyntheseCollectivite', [], (t) => {
          t.nonNull.field('collectivite', { type: 'SyntheseCollectiviteFiche' });
          t.nonNull.field('projets', { type: 'SyntheseProjetsCollectivite' });
          listeDe(t, 'offreurs', 'SyntheseOffreurUtilise');
          listeDe(t, 'initiatives', 'SyntheseInitiative');
        }),
        objet(nexus, 'SyntheseOffreur', [], (t) => {
          t.nonNull.field('offreur', { type: 'SyntheseOffreurFiche' });
          t.nonNull.list.nonNull.id('memeEntreprise');
          listeDe(t, 'collectivites', 'SyntheseCollectiviteUtilisatrice');
        }),
        nexus.extendType({
          type: 'Query',
          definition(t: any) {
            t.nonNull.field('syntheseCollectivite', {
              type: 'SyntheseCollectivite',
              args: { documentId: nexus.nonNull(nexus.idArg()) },
              async resolve(_parent: unknown, args: { documentId: string }) {
                const synthese = await syntheseCollectivite(strapi, args.documentId);
                if (!synthese) throw new errors.NotFoundError(COLLECTIVITE_INTROUVABLE);
                return synthese;
              },
            });
            t.nonNull.field('syntheseOffreur', {
              type: 'SyntheseOffreur',
              args: { documentId: nexus.nonNull(nexus.idArg()) },
              async resolve(_parent: unknown, args: { documentId: string }) {
                const synthese = await syntheseOffreur(strapi, args.documentId);
                if (!synthese) throw new errors.NotFoundError(OFFREUR_INTROUVABLE);
                return synthese;
              },
            });
          },
        }),
      ],
      resolversConfig: {
        'Query.syntheseCollectivite': { auth: { scope: ['api::collectivite.synthese.find'] } },
        'Query.syntheseOffreur': { auth: { scope: ['api::offreur.synthese.find'] } },
      },
    };
  });
}
