/** Écran de la thématique (thèmes et sous-thèmes). */
import { libellesTaxonomie, type ConfigurationEcran } from './commun';

export const ECRAN_THEMATIQUE: ConfigurationEcran = {
  champPrincipal: 'nom',
  liste: ['nom', 'parent', 'ordre', 'slug'],
  triParDefaut: { champ: 'ordre', ordre: 'ASC' },
  libelles: {
    ...libellesTaxonomie('du thème ou du sous-thème'),
    parent: {
      label: 'Thème parent',
      description: 'Vide pour un thème de premier niveau ; le thème de rattachement pour un sous-thème.',
    },
    enfants: {
      label: 'Sous-thèmes',
      description: 'Sous-thèmes rattachés à ce thème (à renseigner depuis chaque sous-thème).',
    },
  },
  sections: [
    {
      titre: 'Informations générales',
      lignes: [
        [{ champ: 'nom', taille: 6 }, { champ: 'slug', taille: 6 }],
        [{ champ: 'description', taille: 12 }],
        [{ champ: 'ordre', taille: 4 }],
      ],
    },
    {
      titre: 'Hiérarchie',
      lignes: [[{ champ: 'parent', taille: 6 }, { champ: 'enfants', taille: 6 }]],
    },
  ],
};
