/** Écran de la technique d’IA. */
import { libellesTaxonomie, type ConfigurationEcran } from './commun';

export const ECRAN_TECHNIQUE_IA: ConfigurationEcran = {
  champPrincipal: 'nom',
  liste: ['nom', 'slug', 'ordre'],
  triParDefaut: { champ: 'ordre', ordre: 'ASC' },
  libelles: libellesTaxonomie('de la technique'),
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
