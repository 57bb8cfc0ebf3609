/** OpenAPI description of GET /ressources/{documentId}/fichiers/{id} (no content type's route). */
const erreur = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

export function decrireFichiersRessources(description: { paths?: Record<string, unknown> }): void {
  description.paths = {
    ...description.paths,
    '/ressources/{documentId}/fichiers/{id}': {
      get: {
        tags: ['Ressource'],
        summary:
          'Un fichier d’une ressource publiée. Les fichiers des ressources réservées aux membres ne sont servis que par cette route, ' +
          'aux membres approuvés et aux jetons d’API ; leur adresse /uploads répond 404.',
        operationId: 'get/ressources/{documentId}/fichiers/{id}',
        parameters: [
          { name: 'documentId', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'id', in: 'path', required: true, schema: { type: 'integer' }, description: 'Identifiant du fichier (fichiers[].id).' },
        ],
        responses: {
          200: { description: 'Le fichier, avec son type, X-Content-Type-Options: nosniff et une CSP « sandbox ».', content: { '*/*': { schema: { type: 'string', format: 'binary' } } } },
          404: erreur('Ressource inconnue, non publiée ou non visible par l’appelant, ou fichier qui n’est pas le sien'),
        },
      },
    },
  };
}
