/** Écran de l’initiative de gouvernance. */
import { SLUG, URL_WEB, type ConfigurationEcran } from './commun';

export const ECRAN_INITIATIVE_GOUVERNANCE: ConfigurationEcran = {
  champPrincipal: 'titre',
  liste: ['titre', 'collectivite', 'type', 'statut', 'dateAdoption'],
  triParDefaut: { champ: 'updatedAt', ordre: 'DESC' },
  libelles: {
    titre: {
      label: 'Titre',
      description: '200 caractères au plus.',
      placeholder: 'ex. Charte de l’IA de la ville',
    },
    slug: SLUG,
    type: {
      label: 'Type d’initiative',
      description: 'Charte, comité d’éthique, stratégie IA et données, doctrine d’IA générative, formation…',
    },
    collectivite: {
      label: 'Collectivité porteuse',
      description: 'Collectivité qui a adopté l’initiative.',
    },
    collectivitesAssociees: {
      label: 'Collectivités associées',
      description: 'Autres collectivités parties prenantes.',
    },
    description: {
      label: 'Description',
      description: 'Objectifs, contenu, modalités de suivi. Markdown accepté.',
    },
    dateAdoption: {
      label: 'Date d’adoption',
      description: 'Date de la délibération ou de la décision.',
    },
    statut: {
      label: 'Statut',
      description: 'En préparation, adoptée ou archivée.',
    },
    documents: {
      label: 'Documents',
      description: 'Texte adopté, délibération… de préférence en PDF.',
    },
    lien: {
      label: 'Lien',
      description: `Page officielle de l’initiative. ${URL_WEB}`,
      placeholder: 'https://',
    },
    thematiques: {
      label: 'Thématiques',
      description: 'Thèmes de politique publique concernés.',
    },
    contact: {
      label: 'Contact',
      description: 'Adresse électronique de la personne ou du service référent.',
      placeholder: 'ex. adresse du service référent',
    },
  },
  sections: [
    {
      titre: 'Informations générales',
      lignes: [
        [{ champ: 'titre', taille: 6 }, { champ: 'slug', taille: 6 }],
        [{ champ: 'type', taille: 6 }, { champ: 'statut', taille: 6 }],
        [{ champ: 'collectivite', taille: 6 }, { champ: 'collectivitesAssociees', taille: 6 }],
        [{ champ: 'description', taille: 12 }],
        [{ champ: 'dateAdoption', taille: 4 }, { champ: 'thematiques', taille: 8 }],
      ],
    },
    {
      titre: 'Documents et liens',
      lignes: [[{ champ: 'documents', taille: 6 }, { champ: 'lien', taille: 6 }]],
    },
    {
      titre: 'Contact',
      restreinte: true,
      lignes: [[{ champ: 'contact', taille: 6 }]],
    },
  ],
};
