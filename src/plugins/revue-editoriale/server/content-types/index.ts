const masque = { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } };

/** History of every transition, kept forever, never exposed on the content API. */
const transition = {
  schema: {
    kind: 'collectionType',
    collectionName: 'revue_transitions',
    info: { singularName: 'transition', pluralName: 'transitions', displayName: 'Transition de revue' },
    options: { draftAndPublish: false },
    pluginOptions: masque,
    attributes: {
      cible: { type: 'string', required: true },
      documentCible: { type: 'string', required: true },
      action: { type: 'string', required: true },
      de: { type: 'string', required: true },
      vers: { type: 'string', required: true },
      auteurId: { type: 'integer' },
      auteurNom: { type: 'string' },
      role: { type: 'string', required: true },
      commentaire: { type: 'text' },
      /** At each « soumettre », the draft as submitted (differences.ts), so the next reader sees what changed. */
      instantane: { type: 'json' },
    },
  },
};

/** Durable outbox: emails survive an SMTP failure and a restart, and are retried. */
const courriel = {
  schema: {
    kind: 'collectionType',
    collectionName: 'revue_courriels',
    info: { singularName: 'courriel', pluralName: 'courriels', displayName: 'Courriel de revue' },
    options: { draftAndPublish: false },
    pluginOptions: masque,
    attributes: {
      destinataire: { type: 'string', required: true },
      sujet: { type: 'string', required: true },
      texte: { type: 'text', required: true },
      tentatives: { type: 'integer', default: 0 },
      prochaineTentative: { type: 'datetime', required: true },
      envoyeLe: { type: 'datetime' },
      derniereErreur: { type: 'text' },
      /** Extra headers of the message (e.g. List-Unsubscribe of the alerts), null for most. */
      entetes: { type: 'json' },
    },
  },
};

export default { transition, courriel };
