/** Écran du public cible. */
import { libellesTaxonomie, type ConfigurationEcran } from './commun';

export const ECRAN_PUBLIC_CIBLE: ConfigurationEcran = {
  champPrincipal: 'nom',
  liste: ['nom', 'slug', 'ordre'],
  triParDefaut: { champ: 'ordre', ordre: 'ASC' },
  libelles: libellesTaxonomie('du public'),
  sections: [
    {
      titre: 'Informations générales',
      lignes: [
        [{ champ: 'nom', taille: 6 }, { champ: 'slug', taille: 6 }],
        [{ champ: 'description', taille: 12 }],
        [{ champ: 'ordre', taille: 4 }],
      ],
    },
  ],
};
