/**
 * OpenAPI description of GET /collectivites/{documentId}/synthese and GET /offreurs/{documentId}/synthese,
 * added to the one the documentation plugin generates. Kept next to the shape of the answers (`syntheses.ts`).
 */
import type { DescriptionOpenApi } from '../api-contenu/openapi';

const texte = { type: 'string' };
const texteOuNull = { type: 'string', nullable: true };
const erreur = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const tableau = (items: object) => ({ type: 'array', items });
const reference = { documentId: texte, slug: texteOuNull, nom: texte, type: texte };
const projet = {
  type: 'object',
  properties: {
    documentId: texte,
    slug: texteOuNull,
    nom: texte,
    resume: texteOuNull,
    statut: texteOuNull,
    thematique: { type: 'object', nullable: true, properties: { documentId: texte, slug: texteOuNull, nom: texte } },
  },
};

const SCHEMAS = {
  SyntheseCollectiviteResponse: {
    type: 'object',
    properties: {
      data: {
        type: 'object',
        properties: {
          collectivite: { type: 'object', description: 'Champs publics de la collectivité.' },
          projets: { type: 'object', properties: { porteuse: tableau(projet), partenaire: tableau(projet) } },
          offreurs: tableau({ type: 'object', properties: { ...reference, nombreProjets: { type: 'integer' } } }),
          initiatives: tableau({
            type: 'object',
            properties: {
              documentId: texte, slug: texteOuNull, titre: texte, type: texte, statut: texte,
              dateAdoption: { type: 'string', format: 'date', nullable: true }, lien: texteOuNull,
              role: { type: 'string', enum: ['porteuse', 'associee'] },
            },
          }),
        },
      },
    },
  },
  SyntheseOffreurResponse: {
    type: 'object',
    properties: {
      data: {
        type: 'object',
        properties: {
          offreur: { type: 'object', description: 'Champs publics de l’offreur.' },
          memeEntreprise: { ...tableau(texte), description: 'Offreurs publiés de même SIREN (celui-ci compris).' },
          collectivites: tableau({
            type: 'object',
            properties: {
              ...reference,
              projets: tableau({ ...projet, properties: { ...projet.properties, role: { type: 'string', enum: ['porteuse', 'partenaire'] } } }),
            },
          }),
        },
      },
    },
  },
};

function route(chemin: string, tag: string, summary: string, schema: string, inconnu: string) {
  return {
    get: {
      tags: [tag],
      summary,
      operationId: `get${chemin}`,
      parameters: [{ name: 'documentId', in: 'path', required: true, schema: texte }],
      responses: {
        200: { description: 'OK', content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } },
        400: erreur('Paramètre inconnu (aucun n’est accepté)'),
        404: erreur(inconnu),
      },
    },
  };
}

export function decrireSyntheses(description: DescriptionOpenApi): void {
  const collectivite = '/collectivites/{documentId}/synthese';
  const offreur = '/offreurs/{documentId}/synthese';
  description.paths = {
    ...description.paths,
    [collectivite]: route(collectivite, 'Collectivite', 'Synthèse d’une collectivité : projets publiés, offreurs avec qui elle travaille, initiatives de gouvernance.', 'SyntheseCollectiviteResponse', 'Collectivité inconnue'),
    [offreur]: route(offreur, 'Offreur', 'Synthèse d’un offreur : les collectivités qui l’utilisent (offreurs de même SIREN compris), avec leurs projets publiés.', 'SyntheseOffreurResponse', 'Offreur inconnu ou non publié'),
  };
  description.components = { ...description.components, schemas: { ...description.components?.schemas, ...SCHEMAS } };
}
