/** Écrans de l’offreur et de son composant solution. */
import { SLUG, URL_WEB, type ConfigurationEcran } from './commun';

export const ECRAN_OFFREUR: ConfigurationEcran = {
  champPrincipal: 'nom',
  liste: ['nom', 'type', 'siteWeb', 'updatedAt'],
  triParDefaut: { champ: 'nom', ordre: 'ASC' },
  libelles: {
    nom: {
      label: 'Nom',
      description: 'Raison sociale ou nom d’usage de l’organisation, 200 caractères au plus.',
    },
    slug: SLUG,
    type: {
      label: 'Type d’organisation',
      description: 'Entreprise, start-up, laboratoire de recherche, association, acteur public, communauté open source…',
    },
    siren: {
      label: 'SIREN',
      description: '9 chiffres sans espace, facultatif ; la clé de contrôle est vérifiée.',
      placeholder: '9 chiffres',
    },
    siteWeb: {
      label: 'Site web',
      description: URL_WEB,
      placeholder: 'https://',
    },
    description: {
      label: 'Présentation',
      description: 'Activité de l’organisation et son offre pour les collectivités.',
    },
    logo: {
      label: 'Logo',
      description: 'Image au format PNG, JPEG ou SVG.',
    },
    solutions: {
      label: 'Solutions proposées',
      description: 'Une entrée par solution : nom, courte description et lien.',
    },
    contact: {
      label: 'Contact',
      description: 'Adresse électronique d’un interlocuteur.',
      placeholder: 'ex. adresse d’un interlocuteur',
    },
    projets: {
      label: 'Projets',
      description: 'Projets auxquels l’organisation contribue (à renseigner depuis chaque projet).',
    },
  },
  sections: [
    {
      titre: 'Informations générales',
      lignes: [
        [{ champ: 'nom', taille: 6 }, { champ: 'slug', taille: 6 }],
        [{ champ: 'type', taille: 6 }, { champ: 'siren', taille: 6 }],
        [{ champ: 'siteWeb', taille: 6 }, { champ: 'logo', taille: 6 }],
        [{ champ: 'description', taille: 12 }],
      ],
    },
    {
      titre: 'Solutions',
      lignes: [[{ champ: 'solutions', taille: 12 }]],
    },
    {
      titre: 'Projets',
      lignes: [[{ champ: 'projets', taille: 12 }]],
    },
    {
      titre: 'Contact',
      restreinte: true,
      lignes: [[{ champ: 'contact', taille: 6 }]],
    },
  ],
};

/** Composant offreur.solution. */
export const ECRAN_SOLUTION: ConfigurationEcran = {
  champPrincipal: 'nom',
  libelles: {
    nom: {
      label: 'Nom de la solution',
      description: '150 caractères au plus.',
    },
    description: {
      label: 'Description',
      description: 'Ce que fait la solution, en quelques phrases.',
    },
    url: {
      label: 'Adresse web',
      description: URL_WEB,
      placeholder: 'https://',
    },
  },
};
