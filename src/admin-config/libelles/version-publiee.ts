/** Écran de la version publiée : type interne, masqué du gestionnaire de contenu (lu par le panneau « Versions publiées »). */
import type { ConfigurationEcran } from './commun';

export const ECRAN_VERSION_PUBLIEE: ConfigurationEcran = {
  liste: ['id', 'document', 'numero', 'publieLe'],
  champPrincipal: 'document',
  triParDefaut: { champ: 'publieLe', ordre: 'DESC' },
  libelles: {
    type: { label: 'Type du document', description: 'Projet, initiative de gouvernance ou ressource.' },
    document: { label: 'Document', description: 'Identifiant (documentId) du document publié.' },
    numero: { label: 'Numéro', description: '1 à la première publication, puis un de plus à chaque publication qui change quelque chose.' },
    publieLe: { label: 'Publiée le' },
    roleAuteur: { label: 'Publiée par', description: 'Le rôle de la personne qui a publié (Modérateur, Super Admin) ou « Système », jamais son nom.' },
    champsModifies: { label: 'Champs modifiés', description: 'Depuis la version précédente.' },
    contenu: { label: 'Champs publics' },
    restreint: { label: 'Champs restreints', description: 'Lus par les seuls membres de l’espace de confiance.' },
  },
  sections: [
    {
      titre: 'Informations générales',
      lignes: [
        [{ champ: 'type', taille: 6 }, { champ: 'document', taille: 6 }],
        [{ champ: 'numero', taille: 4 }, { champ: 'publieLe', taille: 4 }, { champ: 'roleAuteur', taille: 4 }],
        [{ champ: 'champsModifies', taille: 12 }],
      ],
    },
    {
      titre: 'Contenu de la version',
      lignes: [[{ champ: 'contenu', taille: 12 }], [{ champ: 'restreint', taille: 12 }]],
    },
  ],
};
