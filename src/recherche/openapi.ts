/**
 * OpenAPI description of GET /api/recherche, added to the one the documentation plugin generates
 * (it only describes the routes of content types). Derived from the parameters module, so the two
 * cannot drift apart.
 */
import { DIMENSIONS, DIMENSIONS_RESTREINTES, LONGUEUR_MAX_Q, TAILLE_PAGE_DEFAUT, TAILLE_PAGE_MAX } from '../domaine/recherche/parametres';

const texte = { type: 'string' };
const texteNul = { type: 'string', nullable: true };
const valeurFacette = { $ref: '#/components/schemas/RechercheValeurFacette' };

const SCHEMAS = {
  RechercheValeurFacette: {
    type: 'object',
    properties: { valeur: texte, libelle: texte, nombre: { type: 'integer' } },
  },
  RechercheProjet: {
    type: 'object',
    properties: {
      documentId: texte,
      slug: texte,
      nom: texte,
      resume: texteNul,
      statut: texteNul,
      collectivite: { type: 'object', nullable: true, properties: { nom: texte, slug: texteNul, type: texteNul } },
      thematique: { type: 'object', nullable: true, properties: { nom: texte, slug: texteNul } },
      score: { type: 'number', nullable: true, description: 'Pertinence (null sans q).' },
      extrait: { type: 'string', nullable: true, description: 'Passage trouvé, HTML échappé, mots trouvés entre <mark> et </mark> (null sans q).' },
    },
  },
  RechercheResultat: {
    type: 'object',
    properties: {
      data: { type: 'array', items: { $ref: '#/components/schemas/RechercheProjet' } },
      meta: {
        type: 'object',
        properties: {
          pagination: {
            type: 'object',
            properties: Object.fromEntries(['page', 'pageSize', 'pageCount', 'total'].map((nom) => [nom, { type: 'integer' }])),
          },
          facettes: {
            type: 'object',
            description:
              'Pour chaque dimension, le total qu’aurait la liste avec cette valeur ajoutée au filtre de sa dimension, les autres filtres gardés.',
            properties: Object.fromEntries(DIMENSIONS.map((d) => [d, { type: 'array', items: valeurFacette }])),
          },
        },
      },
    },
  },
};

const PARAMETRES = [
  {
    name: 'q',
    in: 'query',
    required: false,
    description: `Mots cherchés (1 à ${LONGUEUR_MAX_Q} caractères), tous exigés ; sans q, la liste filtrée triée par nom.`,
    schema: { type: 'string', maxLength: LONGUEUR_MAX_Q },
  },
  ...DIMENSIONS.map((dimension) => ({
    name: dimension,
    in: 'query',
    required: false,
    description: `Filtre ; plusieurs valeurs séparées par des virgules ou répétées.${DIMENSIONS_RESTREINTES.has(dimension) ? ' Réservé aux membres.' : ''}`,
    schema: { type: 'string' },
  })),
  { name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, default: 1 } },
  { name: 'pageSize', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: TAILLE_PAGE_MAX, default: TAILLE_PAGE_DEFAUT } },
];

const json = (schema: unknown) => ({ 'application/json': { schema } });

interface Description {
  paths?: Record<string, unknown>;
  components?: { schemas?: Record<string, unknown> };
}

export function decrireRecherche(description: Description): void {
  description.paths = {
    ...description.paths,
    '/recherche': {
      get: {
        tags: ['Recherche'],
        summary: 'Recherche plein texte dans les projets publiés, avec filtres et facettes',
        parameters: PARAMETRES,
        responses: {
          200: { description: 'OK', content: json({ $ref: '#/components/schemas/RechercheResultat' }) },
          400: { description: 'Paramètre refusé (le message le nomme)', content: json({ $ref: '#/components/schemas/Error' }) },
        },
      },
    },
  };
  description.components = { ...description.components, schemas: { ...description.components?.schemas, ...SCHEMAS } };
}
