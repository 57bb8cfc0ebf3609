/** Écran de l’événement. */
import { SLUG, URL_WEB, type ConfigurationEcran } from './commun';

export const ECRAN_EVENEMENT: ConfigurationEcran = {
  champPrincipal: 'titre',
  liste: ['titre', 'date', 'lieu', 'enLigne'],
  triParDefaut: { champ: 'date', ordre: 'DESC' },
  libelles: {
    titre: {
      label: 'Titre',
      description: '200 caractères au plus.',
      placeholder: 'ex. Rencontre trimestrielle – printemps 2025',
    },
    slug: SLUG,
    date: {
      label: 'Date et heure',
      description: 'Début de la rencontre (heure de Paris).',
    },
    lieu: {
      label: 'Lieu',
      description: 'Adresse ou ville ; laissez vide pour une rencontre uniquement en ligne.',
      placeholder: 'ex. Hôtel de ville, Lyon',
    },
    enLigne: {
      label: 'En ligne',
      description: 'Cochez si la rencontre est accessible à distance.',
    },
    description: {
      label: 'Description',
      description: 'Programme, intervenants, modalités d’inscription. Markdown accepté.',
    },
    lien: {
      label: 'Lien',
      description: `Inscription ou visioconférence. ${URL_WEB}`,
      placeholder: 'https://',
    },
    thematiques: {
      label: 'Thématiques',
      description: 'Thèmes abordés pendant la rencontre.',
    },
  },
  sections: [
    {
      titre: 'Informations générales',
      lignes: [
        [{ champ: 'titre', taille: 6 }, { champ: 'slug', taille: 6 }],
        [{ champ: 'date', taille: 6 }, { champ: 'lieu', taille: 6 }],
        [{ champ: 'enLigne', taille: 4 }, { champ: 'lien', taille: 8 }],
        [{ champ: 'description', taille: 12 }],
        [{ champ: 'thematiques', taille: 12 }],
      ],
    },
  ],
};
