/**
 * OpenAPI description of the exports to peer registers (per projet and open data), added to the one the
 * documentation plugin generates. The peer documents are described by their definitions in
 * donnees/registres/ (JSON Schema draft-07, which OpenAPI 3.0 cannot embed as is).
 */
import type { DescriptionOpenApi } from '../../api-contenu/openapi';
import { REGISTRES, type Registre } from './registres';

const erreur = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

const SCHEMAS = {
  ExportRegistre: {
    type: 'object',
    properties: {
      data: { type: 'object', description: 'Le projet au format du registre pair, conforme à sa définition (donnees/registres/<registre>/schema.json du dépôt).' },
      meta: {
        type: 'object',
        properties: {
          standard: { type: 'string' },
          version: { type: 'string' },
          projet: { type: 'object', properties: { documentId: { type: 'string' }, url: { type: 'string' } } },
          champsNonRenseignes: {
            type: 'array',
            items: { type: 'string' },
            description: 'Chemins (notation pointée) des champs du registre pair que la bibliothèque ne peut pas remplir : champ absent ou Restreint.',
          },
        },
      },
    },
  },
};

const reponse = (description: string, schema: object) => ({ description, content: { 'application/json': { schema } } });
const exportUnique = { $ref: '#/components/schemas/ExportRegistre' };

function operationProjet(registre: Registre) {
  return {
    get: {
      tags: ['Projet'],
      summary: `Projet publié au format ${registre.standard} ${registre.version}.`,
      operationId: `get/projets/{documentId}/export/${registre.format}.json`,
      parameters: [{ name: 'documentId', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { 200: reponse('OK', exportUnique), 404: erreur('Projet inconnu ou non publié') },
    },
  };
}

function operationOpenData(registre: Registre) {
  return {
    get: {
      tags: ['Open data'],
      summary: `Tous les projets publiés au format ${registre.standard} ${registre.version} (ETag, 304 si inchangé).`,
      operationId: `get/open-data/${registre.format}.json`,
      responses: { 200: reponse('OK', { type: 'array', items: exportUnique }), 304: { description: 'Non modifié depuis la version ETag donnée' } },
    },
  };
}

export function decrireExportsRegistres(description: DescriptionOpenApi): void {
  const registres: Registre[] = Object.values(REGISTRES);
  description.paths = {
    ...description.paths,
    ...Object.fromEntries(registres.map((r) => [`/projets/{documentId}/export/${r.format}.json`, operationProjet(r)])),
    ...Object.fromEntries(registres.filter((r) => r.enMasse).map((r) => [`/open-data/${r.format}.json`, operationOpenData(r)])),
  };
  description.components = { ...description.components, schemas: { ...description.components?.schemas, ...SCHEMAS } };
}
