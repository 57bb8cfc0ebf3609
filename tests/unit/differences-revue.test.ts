import { comparer, instantane, soumissionDeReference, texte, type Attribut, type Schemas } from '../../src/plugins/revue-editoriale/server/differences';
import { REGLES_REVUE } from '../../src/config/revue-editoriale';

const PROJET = 'api::projet.projet';
const LIEN = 'commun.lien';

/** A small schema shaped like the projet's: scalars, an enumeration, relations, media, a repeatable component. */
const ATTRIBUTS: Record<string, Record<string, Attribut>> = {
  [PROJET]: {
    id: { type: 'integer' },
    documentId: { type: 'string' },
    nom: { type: 'string' },
    statut: { type: 'enumeration' },
    budget: { type: 'enumeration' },
    opensource: { type: 'boolean' },
    thematiques: { type: 'relation' },
    illustration: { type: 'media' },
    liens: { type: 'component', component: LIEN, repeatable: true },
    etatRevue: { type: 'enumeration' },
    updatedAt: { type: 'datetime' },
    scoreCompletude: { type: 'integer', writable: false },
  },
  [LIEN]: { id: { type: 'integer' }, titre: { type: 'string' }, url: { type: 'string' } },
};
const LIBELLES: Record<string, string> = { nom: 'Nom du projet', statut: 'Statut', budget: 'Budget', thematiques: 'Thématiques', liens: 'Liens', titre: 'Titre', url: 'Adresse', opensource: 'Code ouvert' };
const schemas: Schemas = { ...REGLES_REVUE, attributs: (m) => ATTRIBUTS[m] ?? {}, libelle: (_m, champ) => LIBELLES[champ] ?? champ };

const ligne = (surcharges: Record<string, unknown> = {}) => ({
  id: 7,
  documentId: 'abc',
  nom: 'Tri des courriers',
  statut: 'experimentation',
  budget: null,
  opensource: false,
  thematiques: [{ id: 2, documentId: 't2', nom: 'Mobilités' }, { id: 1, documentId: 't1', nom: 'Éducation' }],
  illustration: null,
  liens: [{ id: 9, titre: 'Site', url: 'https://exemple.fr' }],
  etatRevue: 'brouillon',
  updatedAt: new Date('2026-01-01'),
  scoreCompletude: 42,
  ...surcharges,
});

describe('instantane', () => {
  it('garde les codes, les titres des relations (triés) et laisse de côté la tenue de Strapi, l’état de revue et les valeurs calculées (writable: false)', () => {
    const i = instantane(schemas, PROJET, ligne());
    expect(i).toEqual({
      nom: 'Tri des courriers',
      statut: 'experimentation',
      budget: null,
      opensource: false,
      thematiques: ['Éducation', 'Mobilités'],
      illustration: [],
      liens: [{ titre: 'Site', url: 'https://exemple.fr' }],
    });
  });

  it('une relation relue dans un autre ordre, un id de composant changé ou "" au lieu de null ne sont pas des changements', () => {
    const avant = instantane(schemas, PROJET, ligne());
    const apres = instantane(schemas, PROJET, ligne({ budget: '', thematiques: [...ligne().thematiques].reverse(), liens: [{ id: 12, titre: 'Site', url: 'https://exemple.fr' }] }));
    expect(comparer(schemas, PROJET, avant, apres)).toEqual([]);
  });
});

describe('comparer', () => {
  it('donne champ par champ le libellé français et les deux valeurs en mots', () => {
    const avant = instantane(schemas, PROJET, ligne());
    const apres = instantane(schemas, PROJET, ligne({ nom: 'Tri des courriers entrants', statut: 'deploiement', budget: 'moins_50k', opensource: true, thematiques: [{ nom: 'Mobilités' }] }));
    expect(comparer(schemas, PROJET, avant, apres)).toEqual([
      { champ: 'nom', libelle: 'Nom du projet', avant: 'Tri des courriers', apres: 'Tri des courriers entrants' },
      { champ: 'statut', libelle: 'Statut', avant: 'En expérimentation', apres: 'En déploiement' },
      { champ: 'budget', libelle: 'Budget', avant: '(vide)', apres: 'Moins de 50 k€' },
      { champ: 'opensource', libelle: 'Code ouvert', avant: 'Non', apres: 'Oui' },
      { champ: 'thematiques', libelle: 'Thématiques', avant: 'Éducation, Mobilités', apres: 'Mobilités' },
    ]);
  });

  it('décrit un composant répétable par ses champs remplis, avec leurs libellés', () => {
    const avant = instantane(schemas, PROJET, ligne());
    const apres = instantane(schemas, PROJET, ligne({ liens: [{ titre: 'Site', url: 'https://exemple.fr' }, { titre: 'Code', url: null }] }));
    expect(comparer(schemas, PROJET, avant, apres)).toEqual([
      { champ: 'liens', libelle: 'Liens', avant: '1. Titre : Site ; Adresse : https://exemple.fr', apres: '1. Titre : Site ; Adresse : https://exemple.fr\n2. Titre : Code' },
    ]);
  });

  it('un champ ajouté au schéma depuis l’instantané, resté vide, n’est pas un changement', () => {
    const { budget: _retire, ...ancien } = instantane(schemas, PROJET, ligne());
    expect(comparer(schemas, PROJET, ancien, instantane(schemas, PROJET, ligne()))).toEqual([]);
  });

  it('abrège les textes très longs', () => {
    expect(texte(schemas, PROJET, 'nom', 'x'.repeat(1000))).toHaveLength(401);
  });
});

describe('soumissionDeReference', () => {
  const soumissions = [
    { date: '2026-01-01T00:00:00.000Z', instantane: { nom: 'v1' } },
    { date: '2026-01-02T00:00:00.000Z', instantane: { nom: 'v2' } },
  ];
  it('en revue, la soumission précédant celle du tour en cours', () => {
    expect(soumissionDeReference('en_validation', soumissions)?.instantane).toEqual({ nom: 'v1' });
    expect(soumissionDeReference('en_moderation', soumissions)?.instantane).toEqual({ nom: 'v1' });
    expect(soumissionDeReference('en_validation', soumissions.slice(0, 1))).toBeNull();
  });
  it('hors revue, la dernière soumission', () => {
    expect(soumissionDeReference('modifications_demandees', soumissions)?.instantane).toEqual({ nom: 'v2' });
    expect(soumissionDeReference('brouillon', [])).toBeNull();
  });
});
