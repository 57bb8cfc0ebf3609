/** Écran de la ressource. */
import { SLUG, URL_WEB, type ConfigurationEcran } from './commun';

export const ECRAN_RESSOURCE: ConfigurationEcran = {
  champPrincipal: 'titre',
  liste: ['titre', 'type', 'acces', 'collectivite', 'updatedAt'],
  triParDefaut: { champ: 'updatedAt', ordre: 'DESC' },
  libelles: {
    titre: {
      label: 'Titre',
      description: '200 caractères au plus.',
      placeholder: 'ex. Modèle de classification des courriers',
    },
    slug: SLUG,
    type: {
      label: 'Type de ressource',
      description: 'Code source, jeu de données, modèle, documentation, cahier des charges…',
    },
    url: {
      label: 'Adresse de la ressource',
      description: `Dépôt de code, page du jeu de données… ${URL_WEB}`,
      placeholder: 'https://',
    },
    licence: {
      label: 'Licence',
      description: 'Identifiant SPDX (ex. MIT, EUPL-1.2, CC-BY-4.0) ou « Licence Ouverte 2.0 ».',
      placeholder: 'ex. EUPL-1.2',
    },
    description: {
      label: 'Description',
      description: 'Contenu, conditions de réutilisation. Markdown accepté.',
    },
    acces: {
      label: 'Accès',
      description:
        '« public » : visible de tous ; « membres » : réservée aux membres de l’espace de confiance, absente de l’API publique.',
    },
    fichiers: {
      label: 'Fichiers',
      description: 'Fichiers déposés (documents, images), soumis au même accès que la ressource.',
    },
    projets: {
      label: 'Projets liés',
      description: 'Projets qui utilisent ou ont produit cette ressource.',
    },
    collectivite: {
      label: 'Collectivité',
      description: 'Collectivité qui partage la ressource, le cas échéant.',
    },
    offreur: {
      label: 'Offreur',
      description: 'Organisation qui partage la ressource, le cas échéant.',
    },
  },
  sections: [
    {
      titre: 'Informations générales',
      lignes: [
        [{ champ: 'titre', taille: 6 }, { champ: 'slug', taille: 6 }],
        [{ champ: 'type', taille: 6 }, { champ: 'acces', taille: 6 }],
        [{ champ: 'url', taille: 8 }, { champ: 'licence', taille: 4 }],
        [{ champ: 'description', taille: 12 }],
      ],
    },
    {
      titre: 'Fichiers',
      lignes: [[{ champ: 'fichiers', taille: 12 }]],
    },
    {
      titre: 'Rattachements',
      lignes: [
        [{ champ: 'projets', taille: 12 }],
        [{ champ: 'collectivite', taille: 6 }, { champ: 'offreur', taille: 6 }],
      ],
    },
  ],
};
