/** Écran du signalement (« Signaler une erreur ») : les modérateurs le suivent et y répondent. */
import type { ConfigurationEcran } from './commun';

export const ECRAN_SIGNALEMENT: ConfigurationEcran = {
  liste: ['id', 'projet', 'etat', 'createdAt'],
  triParDefaut: { champ: 'createdAt', ordre: 'DESC' },
  libelles: {
    projet: {
      label: 'Projet',
      description: 'Fiche sur laquelle le visiteur a constaté l’erreur.',
    },
    message: {
      label: 'Message',
      description: 'L’erreur décrite par le visiteur (10 à 2 000 caractères).',
    },
    email: {
      label: 'Adresse du visiteur',
      description: 'Facultative ; jamais publiée. La réponse y est envoyée une fois.',
    },
    etat: {
      label: 'État',
      description: 'Nouveau à l’arrivée, en cours pendant la vérification, traité une fois la fiche corrigée ou l’erreur écartée.',
    },
    reponse: {
      label: 'Réponse',
      description: 'Envoyée par courriel au visiteur à la première sauvegarde, s’il a laissé une adresse.',
    },
    reponduLe: {
      label: 'Répondu le',
      description: 'Date d’envoi de la réponse, remplie automatiquement.',
    },
  },
  sections: [
    {
      titre: 'Informations générales',
      lignes: [
        [{ champ: 'projet', taille: 6 }, { champ: 'email', taille: 6 }],
        [{ champ: 'message', taille: 12 }],
      ],
    },
    {
      titre: 'Traitement',
      lignes: [
        [{ champ: 'etat', taille: 6 }, { champ: 'reponduLe', taille: 6 }],
        [{ champ: 'reponse', taille: 12 }],
      ],
    },
  ],
};
