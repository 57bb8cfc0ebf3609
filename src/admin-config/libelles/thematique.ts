/** Écran de la thématique (thèmes et sous-thèmes). */
import { libellesTaxonomie, SECTION_TAXONOMIE, type ConfigurationEcran } from './commun';

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
    SECTION_TAXONOMIE,
    {
      titre: 'Hiérarchie',
      lignes: [[{ champ: 'parent', taille: 6 }, { champ: 'enfants', taille: 6 }]],
    },
  ],
};
