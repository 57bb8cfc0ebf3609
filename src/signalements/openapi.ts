/**
 * OpenAPI description of POST /signalements (« Signaler une erreur »), in place of the one the
 * documentation plugin generates from the schema: the form has its own fields (the honeypot) and the
 * answer is an acknowledgement, never the stored report (docs/modele.md, Signalement).
 */
import type { DescriptionOpenApi } from '../api-contenu/openapi';
import { CHAMP_PIEGE, MESSAGE_MAX, MESSAGE_MIN } from '../domaine/signalement';

const erreur = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

export function decrireSignalements(description: DescriptionOpenApi): void {
  for (const nom of ['Signalement', 'SignalementRequest', 'SignalementResponse', 'SignalementListResponse']) delete description.components?.schemas?.[nom];
  description.paths = {
    ...description.paths,
    '/signalements': {
      post: {
        tags: ['Signalement'],
        summary: 'Signaler une erreur sur la fiche d’un projet publié (sans compte)',
        description: 'Transmis aux modérateurs et aux référents de la collectivité. Limité par adresse IP (429 au-delà).',
        security: [],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['data'],
                properties: {
                  data: {
                    type: 'object',
                    required: ['projet', 'message'],
                    properties: {
                      projet: { type: 'string', description: 'documentId du projet publié concerné.' },
                      message: { type: 'string', minLength: MESSAGE_MIN, maxLength: MESSAGE_MAX },
                      email: { type: 'string', format: 'email', description: 'Facultative : pour recevoir la réponse.' },
                      [CHAMP_PIEGE]: { type: 'string', description: 'Champ piège : à laisser vide (caché aux personnes).' },
                    },
                  },
                },
              },
            },
          },
        },
        responses: {
          201: {
            description: 'Accusé de réception, sans les données enregistrées.',
            content: {
              'application/json': {
                schema: { type: 'object', properties: { data: { type: 'object', properties: { recu: { type: 'boolean' } } }, meta: { type: 'object', properties: { message: { type: 'string' } } } } },
              },
            },
          },
          400: erreur('Champ manquant ou invalide (message en français nommant le champ).'),
          404: erreur('Projet introuvable ou non publié.'),
          429: erreur('Trop de signalements depuis cette adresse.'),
        },
      },
    },
  };
}
