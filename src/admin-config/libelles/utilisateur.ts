/** Écran des comptes de l’espace de confiance (users-permissions). */
import type { ConfigurationEcran } from './commun';

export const ECRAN_UTILISATEUR: ConfigurationEcran = {
  liste: ['id', 'email', 'organisation', 'confirmed', 'approuve', 'blocked'],
  libelles: {
    username: { label: 'Nom d’utilisateur' },
    email: { label: 'Adresse électronique' },
    organisation: {
      label: 'Organisation',
      description: 'Collectivité ou organisme du membre, déclaré à l’inscription.',
    },
    confirmed: { label: 'Adresse confirmée', description: 'Le membre a suivi le lien du courriel de confirmation.' },
    approuve: {
      label: 'Compte approuvé',
      description:
        'Un modérateur a vérifié ce compte : une fois l’adresse confirmée, il voit les champs réservés aux membres. Coché d’office pour les domaines autorisés (MEMBRES_DOMAINES_AUTORISES).',
    },
    blocked: { label: 'Bloqué', description: 'Un compte bloqué ne peut plus se connecter.' },
    role: { label: 'Rôle' },
  },
};
