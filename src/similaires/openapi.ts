/**
 * OpenAPI description of GET /projets/{documentId}/similaires, added to the one the documentation
 * plugin generates (it only describes the routes of content types). Kept next to the shape of the
 * answer (`similaires.ts`).
 */
import type { DescriptionOpenApi } from '../api-contenu/openapi';
import { LIMITE_SIMILAIRES } from '../domaine/similarite';

const entier = { type: 'integer' };
const erreur = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

const SCHEMAS = {
  ProjetsSimilairesResponse: {
    type: 'object',
    properties: {
      data: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            documentId: { type: 'string' },
            slug: { type: 'string', nullable: true },
            nom: { type: 'string' },
            resume: { type: 'string', nullable: true },
            collectivite: { type: 'object', nullable: true, properties: { nom: { type: 'string' }, slug: { type: 'string', nullable: true } } },
            score: { type: 'number', minimum: 0, maximum: 1 },
            raisons: { type: 'array', items: { type: 'string' }, description: 'En français ; les techniques d’IA communes seulement pour les membres.' },
          },
        },
      },
      meta: { type: 'object', properties: { limit: entier } },
    },
  },
};

export function decrireSimilaires(description: DescriptionOpenApi): void {
  description.paths = {
    ...description.paths,
    '/projets/{documentId}/similaires': {
      get: {
        tags: ['Projet'],
        summary: 'Projets publiés d’autres collectivités les plus proches, avec les raisons de chaque suggestion.',
        operationId: 'get/projets/{documentId}/similaires',
        parameters: [
          { name: 'documentId', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: LIMITE_SIMILAIRES.max, default: LIMITE_SIMILAIRES.defaut } },
        ],
        responses: {
          200: { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/ProjetsSimilairesResponse' } } } },
          400: erreur('Paramètre invalide ou inconnu'),
          404: erreur('Projet inconnu ou non publié'),
        },
      },
    },
  };
  description.components = { ...description.components, schemas: { ...description.components?.schemas, ...SCHEMAS } };
}
