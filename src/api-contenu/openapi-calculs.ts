/**
 * OpenAPI description of the two computed reads, which the documentation plugin does not describe
 * (it only knows the routes of the content types): GET /statistiques and
 * GET /projets/{documentId}/similaires. Kept next to their code's shapes (domaine/statistiques.ts,
 * api/projet/services/similaires.ts).
 */
import { LIMITE_SIMILAIRES } from '../domaine/similarite';

const erreur = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const json = (ref: string) => ({ description: 'OK', content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });
const entier = { type: 'integer' };
const comptes = { type: 'array', items: { $ref: '#/components/schemas/StatistiqueCompte' } };

/** `mention`: the note of the Restreint fields (passed in: `openapi.ts` imports this module). */
const schemas = (mention: string) => ({
  StatistiqueCompte: {
    type: 'object',
    required: ['cle', 'libelle', 'total'],
    properties: {
      cle: { type: 'string', nullable: true, description: 'Slug, valeur, code INSEE de région ou année ; null : non renseigné.' },
      libelle: { type: 'string' },
      total: entier,
    },
  },
  StatistiquesResponse: {
    type: 'object',
    properties: {
      data: {
        type: 'object',
        properties: {
          projets: entier,
          collectivites: { ...entier, description: 'Collectivités porteuses ou partenaires d’au moins un projet publié.' },
          collectivitesPorteuses: entier,
          offreurs: { ...entier, description: 'Offreurs publiés d’au moins un projet publié.' },
          parThematique: comptes,
          parSousThematique: comptes,
          parStatut: comptes,
          parTypeCollectivite: comptes,
          parRegion: comptes,
          parAnnee: { ...comptes, description: 'Année de démarrage.' },
          parTechnique: { ...comptes, description: mention },
        },
      },
      meta: { type: 'object' },
    },
  },
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
});

const PATHS = {
  '/statistiques': {
    get: {
      tags: ['Statistiques'],
      summary: 'Comptes des projets publiés (thématique, sous-thématique, statut, type de collectivité, région, année).',
      operationId: 'get/statistiques',
      responses: { 200: json('StatistiquesResponse'), 400: erreur('Paramètre inconnu') },
    },
  },
  '/projets/{documentId}/similaires': {
    get: {
      tags: ['Projet'],
      summary: 'Projets publiés d’autres collectivités les plus proches, avec les raisons de chaque suggestion.',
      operationId: 'get/projets/{documentId}/similaires',
      parameters: [
        { name: 'documentId', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: LIMITE_SIMILAIRES.max, default: LIMITE_SIMILAIRES.defaut } },
      ],
      responses: { 200: json('ProjetsSimilairesResponse'), 400: erreur('Paramètre invalide ou inconnu'), 404: erreur('Projet inconnu ou non publié') },
    },
  },
};

interface Description {
  paths?: Record<string, unknown>;
  components?: { schemas?: Record<string, unknown> };
}

export function decrireLecturesCalculees(description: Description, mentionRestreint: string): void {
  description.paths = { ...description.paths, ...PATHS };
  description.components = { ...description.components, schemas: { ...description.components?.schemas, ...schemas(mentionRestreint) } };
}
