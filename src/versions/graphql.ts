/**
 * GraphQL queries `versionsPubliees(type, documentId)`, `versionPubliee(type, documentId, numero)` and
 * `differenceVersions(type, documentId, de, a)`: the same answers and errors as the REST routes
 * …/versions, …/versions/:numero and …/versions/:de/difference/:a, under the same permissions and
 * visibility (the Restreint fields for members and API tokens only).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../domaine/regles-metier';
import { appelantDepuisAuth, voitRestreint } from '../domaine/visibilite';
import { DOCUMENT_SANS_VERSIONS, lireNumero } from '../domaine/versions';
import { differenceVersions, versionDuDocument, versionsDuDocument } from './versions';

/** The enum's values and the types they name. */
const TYPES: Readonly<Record<string, string>> = { projet: UID.projet, initiative: UID.initiative, ressource: UID.ressource };

function numero(valeur: number, nom: string): number {
  const lu = lireNumero(valeur, nom);
  if (!lu.ok) throw new errors.ValidationError(lu.message);
  return lu.valeur;
}

const membre = (contexte: any) => voitRestreint(appelantDepuisAuth(contexte?.state?.auth));

export function etendreGraphqlVersions(strapi: Core.Strapi): void {
  strapi.plugin('graphql').service('extension').use(({ nexus }: { nexus: any }) => {
    const args = { type: nexus.nonNull(nexus.arg({ type: 'TypeVersionne' })), documentId: nexus.nonNull(nexus.idArg()) };
    return {
      types: [
        nexus.enumType({ name: 'TypeVersionne', members: Object.keys(TYPES), description: 'Type de document dont les publications sont versionnées.' }),
        nexus.objectType({
          name: 'VersionPubliee',
          definition(t: any) {
            t.nonNull.int('numero');
            t.nonNull.string('publieLe');
            t.nonNull.string('roleAuteur');
            t.nonNull.list.nonNull.string('champsModifies');
            t.field('contenu', { type: 'JSON' });
          },
        }),
        nexus.objectType({
          name: 'ChangementVersion',
          definition(t: any) {
            t.nonNull.string('champ');
            t.field('avant', { type: 'JSON' });
            t.field('apres', { type: 'JSON' });
          },
        }),
        nexus.objectType({
          name: 'DifferenceVersions',
          definition(t: any) {
            t.nonNull.int('de');
            t.nonNull.int('a');
            t.nonNull.list.nonNull.field('changements', { type: 'ChangementVersion' });
          },
        }),
        nexus.extendType({
          type: 'Query',
          definition(t: any) {
            t.nonNull.list.nonNull.field('versionsPubliees', {
              type: 'VersionPubliee',
              args,
              async resolve(_parent: unknown, a: { type: string; documentId: string }, contexte: any) {
                const versions = await versionsDuDocument(strapi, TYPES[a.type], a.documentId, membre(contexte));
                if (!versions) throw new errors.NotFoundError(DOCUMENT_SANS_VERSIONS);
                return versions;
              },
            });
            t.nonNull.field('versionPubliee', {
              type: 'VersionPubliee',
              args: { ...args, numero: nexus.nonNull(nexus.intArg()) },
              resolve: (_parent: unknown, a: { type: string; documentId: string; numero: number }, contexte: any) =>
                versionDuDocument(strapi, TYPES[a.type], a.documentId, numero(a.numero, 'numero'), membre(contexte)),
            });
            t.nonNull.field('differenceVersions', {
              type: 'DifferenceVersions',
              args: { ...args, de: nexus.nonNull(nexus.intArg()), a: nexus.nonNull(nexus.intArg()) },
              resolve: (_parent: unknown, a: { type: string; documentId: string; de: number; a: number }, contexte: any) =>
                differenceVersions(strapi, TYPES[a.type], a.documentId, numero(a.de, 'de'), numero(a.a, 'a'), membre(contexte)),
            });
          },
        }),
      ],
      resolversConfig: {
        'Query.versionsPubliees': { auth: { scope: ['api::version-publiee.versions.find'] } },
        'Query.versionPubliee': { auth: { scope: ['api::version-publiee.versions.findOne'] } },
        'Query.differenceVersions': { auth: { scope: ['api::version-publiee.difference.find'] } },
      },
    };
  });
}
