/**
 * OpenAPI description of the version routes of the projets, initiatives and ressources
 * (…/{documentId}/versions, …/versions/{numero}, …/versions/{de}/difference/{a}), in place of what the
 * documentation plugin generates from the internal table's schema (docs/versions.md).
 */
import type { DescriptionOpenApi } from '../api-contenu/openapi';
import { TYPES_VERSIONNES } from '../domaine/versions';

const texte = { type: 'string' };
const erreur = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const ok = (schema: string) => ({ description: 'OK', content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } });
const numero = (nom: string, description: string) => ({ name: nom, in: 'path', required: true, description, schema: { type: 'integer', minimum: 1 } });

const RESTREINT = 'Les champs restreints ne sont rendus qu’aux membres approuvés de l’espace de confiance et aux jetons d’API ; une ressource réservée aux membres n’a de versions que pour eux.';

const entete = {
  numero: { type: 'integer', minimum: 1, description: '1 à la première publication, puis un de plus à chaque publication qui change un champ public ou restreint.' },
  publieLe: { type: 'string', format: 'date-time' },
  roleAuteur: { type: 'string', description: 'Rôle de qui a publié (« Modérateur », « Super Admin », « Système »), jamais son nom.' },
  champsModifies: { type: 'array', items: texte, description: 'Champs changés depuis la version précédente que l’appelant peut lire.' },
};

const SCHEMAS = {
  VersionPublieeListResponse: {
    type: 'object',
    properties: {
      data: { type: 'array', items: { type: 'object', properties: entete } },
      meta: { type: 'object', properties: { documentId: texte, total: { type: 'integer' } } },
    },
  },
  VersionPublieeResponse: {
    type: 'object',
    properties: {
      data: {
        type: 'object',
        properties: { ...entete, contenu: { type: 'object', additionalProperties: true, description: `Champs du document à cette version ; relations par leur documentId, slug et nom ou titre. ${RESTREINT}` } },
      },
    },
  },
  DifferenceVersionsResponse: {
    type: 'object',
    properties: {
      data: {
        type: 'object',
        properties: {
          de: { type: 'integer' },
          a: { type: 'integer' },
          changements: {
            type: 'array',
            items: { type: 'object', properties: { champ: texte, avant: { nullable: true, description: 'Valeur à la version « de » (null : vide).' }, apres: { nullable: true, description: 'Valeur à la version « a » (null : vide).' } } },
          },
        },
      },
    },
  },
};

function route(tag: string, operationId: string, summary: string, parametres: object[], schema: string) {
  return {
    get: {
      tags: [tag],
      summary,
      description: `Seulement pour un document publié maintenant (brouillon jamais publié ou dépublié : 404). ${RESTREINT}`,
      operationId,
      parameters: [{ name: 'documentId', in: 'path', required: true, schema: texte }, ...parametres],
      responses: {
        200: ok(schema),
        400: erreur('Numéro de version invalide ou paramètre inconnu (aucun n’est accepté)'),
        404: erreur('Document inconnu, non publié, ou version inconnue'),
      },
    },
  };
}

const TAGS: Readonly<Record<string, string>> = { projets: 'Projet', 'initiatives-gouvernance': 'Initiative-gouvernance', ressources: 'Ressource' };

export function decrireVersions(description: DescriptionOpenApi): void {
  for (const nom of Object.keys(description.components?.schemas ?? {})) {
    if (nom.startsWith('VersionPubliee')) delete description.components!.schemas![nom];
  }
  const paths: Record<string, unknown> = {};
  for (const collection of Object.keys(TYPES_VERSIONNES)) {
    const base = `/${collection}/{documentId}/versions`;
    const tag = TAGS[collection];
    const nom = tag.replace('-', '');
    paths[base] = route(tag, `get${nom}Versions`, 'Versions publiées du document, de la plus ancienne à la plus récente (sans leur contenu).', [], 'VersionPublieeListResponse');
    paths[`${base}/{numero}`] = route(tag, `get${nom}Version`, 'Une version publiée, avec ses champs.', [numero('numero', 'Numéro de la version.')], 'VersionPublieeResponse');
    paths[`${base}/{de}/difference/{a}`] = route(
      tag,
      `get${nom}DifferenceVersions`,
      'Différence entre deux versions publiées, champ par champ.',
      [numero('de', 'Version de départ.'), numero('a', 'Version d’arrivée.')],
      'DifferenceVersionsResponse',
    );
  }
  description.paths = { ...description.paths, ...paths };
  description.components = { ...description.components, schemas: { ...description.components?.schemas, ...SCHEMAS } };
}
