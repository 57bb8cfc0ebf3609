/** Écran du journal d’audit : lu par les modérateurs et les Super Admins, jamais modifiable. */
import type { ConfigurationEcran } from './commun';

export const ECRAN_JOURNAL: ConfigurationEcran = {
  liste: ['id', 'date', 'action', 'auteur', 'typeCible', 'libelleCible'],
  champPrincipal: 'libelleCible',
  triParDefaut: { champ: 'date', ordre: 'DESC' },
  libelles: {
    date: { label: 'Date', description: 'Moment de l’action (heure du serveur, UTC).' },
    action: { label: 'Action', description: 'Ce qui a été fait.' },
    auteur: { label: 'Auteur', description: 'Nom et adresse de l’agent, jeton d’API, « Anonyme » ou « Système » (scripts, démarrage, purge).' },
    auteurId: { label: 'Identifiant de l’auteur', description: 'Identifiant du compte d’agent, s’il y en a un.' },
    roleAuteur: { label: 'Rôle de l’auteur', description: 'Rôle(s) d’administration de l’agent au moment de l’action.' },
    typeCible: { label: 'Type', description: 'Type de ce sur quoi porte l’action (projet, collectivité, compte d’agent, jeton…).' },
    uidCible: { label: 'Identifiant du type', description: 'Identifiant technique du type (ex. api::projet.projet).' },
    documentCible: { label: 'Identifiant du document', description: 'Identifiant (documentId) du document visé, s’il y en a un.' },
    libelleCible: { label: 'Cible', description: 'Titre du document, adresse du compte, nom du jeton ou du fichier importé.' },
    details: {
      label: 'Détails',
      description: 'Noms des champs envoyés, référents et contributeurs ajoutés ou retirés, états d’une transition, bilan d’un import. Jamais une valeur ni un secret.',
    },
  },
  sections: [
    {
      titre: 'Informations générales',
      lignes: [
        [{ champ: 'date', taille: 6 }, { champ: 'action', taille: 6 }],
        [{ champ: 'auteur', taille: 6 }, { champ: 'roleAuteur', taille: 6 }],
        [{ champ: 'auteurId', taille: 6 }],
      ],
    },
    {
      titre: 'Cible',
      lignes: [
        [{ champ: 'typeCible', taille: 6 }, { champ: 'libelleCible', taille: 6 }],
        [{ champ: 'uidCible', taille: 6 }, { champ: 'documentCible', taille: 6 }],
        [{ champ: 'details', taille: 12 }],
      ],
    },
  ],
};
