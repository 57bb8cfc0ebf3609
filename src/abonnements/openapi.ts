/**
 * OpenAPI description of the alerts by theme (docs/abonnements.md), in place of the one the documentation
 * plugin generates from the schema: the form has its own fields (the honeypot), the answer is an
 * acknowledgement, never the stored subscription, and the links' routes answer HTML pages.
 */
import type { DescriptionOpenApi } from '../api-contenu/openapi';
import { CHAMP_PIEGE, FREQUENCES, THEMATIQUES_MAX } from '../domaine/abonnement';
import { REGIONS } from '../domaine/regions';

const erreur = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const html = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });
const jeton = (description: string) => [{ name: 'jeton', in: 'query', required: true, description, schema: { type: 'string' } }];
const TAG = ['Abonnement'];

export function decrireAbonnements(description: DescriptionOpenApi): void {
  for (const nom of ['Abonnement', 'AbonnementRequest', 'AbonnementResponse', 'AbonnementListResponse']) delete description.components?.schemas?.[nom];
  const confirmation = jeton('Jeton du courriel de confirmation.');
  const desabonnement = jeton('Jeton des liens de désabonnement des alertes.');
  description.paths = {
    ...description.paths,
    '/abonnements': {
      post: {
        tags: TAG,
        summary: 'S’abonner aux alertes par thème (sans compte, double confirmation par courriel)',
        description:
          'Un courriel de confirmation part à l’adresse ; rien d’autre ne lui est envoyé avant la confirmation. La réponse est la même que l’adresse soit déjà abonnée ou non. Limité par adresse IP (429 au-delà). Aussi en GraphQL : mutation `sAbonner`.',
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
                    required: ['email', 'thematiques'],
                    properties: {
                      email: { type: 'string', format: 'email' },
                      thematiques: { type: 'array', minItems: 1, maxItems: THEMATIQUES_MAX, items: { type: 'string' }, description: 'Slugs de thématiques ou de sous-thématiques du référentiel.' },
                      region: { type: 'string', enum: Object.keys(REGIONS), description: 'Facultative : code INSEE de la région de la collectivité porteuse.' },
                      typeCollectivite: { type: 'string', description: 'Facultatif : type de la collectivité porteuse (valeurs du champ `type` des collectivités).' },
                      frequence: { type: 'string', enum: [...FREQUENCES], default: 'immediate', description: 'Un courriel par nouveau projet, ou un résumé par semaine.' },
                      [CHAMP_PIEGE]: { type: 'string', description: 'Champ piège : à laisser vide (caché aux personnes).' },
                    },
                  },
                },
              },
            },
          },
        },
        responses: {
          202: {
            description: 'Demande reçue, en attente de confirmation ; rien de ce qui est enregistré n’est renvoyé.',
            content: {
              'application/json': {
                schema: { type: 'object', properties: { data: { type: 'object', properties: { recu: { type: 'boolean' } } }, meta: { type: 'object', properties: { message: { type: 'string' } } } } },
              },
            },
          },
          400: erreur('Champ manquant ou invalide, thématique inconnue (message en français nommant le champ).'),
          429: erreur('Trop de demandes depuis cette adresse.'),
        },
      },
    },
    '/abonnements/confirmer': {
      get: { tags: TAG, summary: 'Page de confirmation (un bouton ; un GET ne change rien)', security: [], parameters: confirmation, responses: { 200: html('Page avec le bouton de confirmation.'), 400: html('Lien incomplet.') } },
      post: { tags: TAG, summary: 'Confirmer l’abonnement', security: [], parameters: confirmation, responses: { 200: html('Abonnement confirmé.'), 404: html('Lien inconnu, déjà utilisé ou expiré.') } },
    },
    '/abonnements/desabonner': {
      get: { tags: TAG, summary: 'Page de désabonnement (un bouton ; un GET ne change rien)', security: [], parameters: desabonnement, responses: { 200: html('Page avec le bouton de désabonnement.'), 404: html('Lien non valable.') } },
      post: {
        tags: TAG,
        summary: 'Se désabonner en un clic (RFC 8058) : l’adresse est effacée',
        description: 'Appelé par le bouton de la page ou par le client de messagerie (`List-Unsubscribe-Post: List-Unsubscribe=One-Click`).',
        security: [],
        parameters: desabonnement,
        requestBody: {
          required: false,
          content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties: { 'List-Unsubscribe': { type: 'string', enum: ['One-Click'] } } } } },
        },
        responses: { 200: html('Adresse effacée (ou déjà effacée).'), 404: html('Lien non valable.') },
      },
    },
  };
}
