/**
 * OpenAPI description of GET /statistiques, added to the one the documentation plugin generates (it
 * only describes the routes of content types). Kept next to the shape of the counts
 * (`domaine/statistiques.ts`).
 */
import { MENTION_RESTREINT, type DescriptionOpenApi } from '../api-contenu/openapi';

const entier = { type: 'integer' };
const comptes = { type: 'array', items: { $ref: '#/components/schemas/StatistiqueCompte' } };
const json = (ref: string) => ({ description: 'OK', content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });
const erreur = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

const SCHEMAS = {
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
          parTechnique: { ...comptes, description: MENTION_RESTREINT },
        },
      },
      meta: { type: 'object' },
    },
  },
};

export function decrireStatistiques(description: DescriptionOpenApi): void {
  description.paths = {
    ...description.paths,
    '/statistiques': {
      get: {
        tags: ['Statistiques'],
        summary: 'Comptes des projets publiés (thématique, sous-thématique, statut, type de collectivité, région, année).',
        operationId: 'get/statistiques',
        responses: { 200: json('StatistiquesResponse'), 400: erreur('Paramètre inconnu') },
      },
    },
  };
  description.components = { ...description.components, schemas: { ...description.components?.schemas, ...SCHEMAS } };
}
