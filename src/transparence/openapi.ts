/**
 * OpenAPI description of GET /projets/{documentId}/transparence, added to the one the documentation
 * plugin generates (it only describes the routes of content types). Kept next to the shape of the
 * answer (`fiche.ts`).
 */
import type { DescriptionOpenApi } from '../api-contenu/openapi';
import { CHEMIN_FICHE_HTML } from './fiche';

const chaine = { type: 'string' };
const entier = { type: 'integer' };
const erreur = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const etats = (avecNonPublie: boolean) => ({ type: 'string', enum: ['renseigne', 'non_renseigne', ...(avecNonPublie ? ['non_publie'] : [])] });
const contenus = { type: 'array', items: { type: 'object', properties: { texte: chaine, url: chaine } } };
const ref = (nom: string) => ({ $ref: `#/components/schemas/${nom}` });

const SCHEMAS = {
  FicheTransparenceCompletude: {
    type: 'object',
    properties: { renseignes: entier, attendus: entier, pourcentage: { type: 'integer', minimum: 0, maximum: 100 }, manquants: { type: 'array', items: chaine } },
  },
  FicheTransparenceNiveau: {
    type: 'object',
    properties: {
      titre: chaine,
      sections: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            titre: chaine,
            note: chaine,
            elements: {
              type: 'array',
              items: { type: 'object', properties: { cle: chaine, libelle: chaine, contenus, etat: etats(false), attendu: { type: 'boolean' } } },
            },
          },
        },
      },
      completude: ref('FicheTransparenceCompletude'),
    },
  },
  FicheTransparenceResponse: {
    type: 'object',
    properties: {
      data: {
        type: 'object',
        properties: {
          documentId: chaine,
          slug: { type: 'string', nullable: true },
          nom: chaine,
          publieLe: { type: 'string', format: 'date-time' },
          misAJourLe: { type: 'string', format: 'date-time' },
          essentiel: ref('FicheTransparenceNiveau'),
          detail: ref('FicheTransparenceNiveau'),
          mentionsLegales: {
            type: 'array',
            description: 'CRPA, art. L311-3-1, R311-3-1-2 et L312-1-3 ; les éléments tenus dans les champs restreints sont « non_publie », qu’ils soient remplis ou non.',
            items: { type: 'object', properties: { reference: chaine, exigence: chaine, etat: etats(true), contenus } },
          },
          completude: ref('FicheTransparenceCompletude'),
          adresses: {
            type: 'object',
            properties: { html: { type: 'string', description: `Page imprimable (${CHEMIN_FICHE_HTML}/{slug}).` }, json: chaine },
          },
        },
      },
    },
  },
};

export function decrireTransparence(description: DescriptionOpenApi): void {
  description.paths = {
    ...description.paths,
    '/projets/{documentId}/transparence': {
      get: {
        tags: ['Projet'],
        summary: 'Fiche de transparence d’un projet publié (champs publics seulement, la même pour tous, sans authentification).',
        operationId: 'get/projets/{documentId}/transparence',
        security: [],
        parameters: [{ name: 'documentId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: { description: 'OK', content: { 'application/json': { schema: ref('FicheTransparenceResponse') } } },
          400: erreur('Paramètre inconnu'),
          404: erreur('Projet inconnu ou non publié'),
        },
      },
    },
  };
  description.components = { ...description.components, schemas: { ...description.components?.schemas, ...SCHEMAS } };
}
