import { parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { lecturePubliee, relationsAUnElement, relationsSelectionnees } from '../../src/api-contenu/graphql-prechargement';

const racine = (document: string): FieldNode[] => {
  const operation = parse(document).definitions[0] as OperationDefinitionNode;
  return operation.selectionSet.selections as FieldNode[];
};

describe('relations chargées avec la page GraphQL', () => {
  const candidats = new Set(['collectivite', 'thematique']);

  it('retient les relations à un élément choisies sous le champ racine, une fois chacune', () => {
    expect(relationsSelectionnees(racine('{ projets { nom collectivite { nom } thematique { slug } autre: collectivite { slug } publics { nom } } }'), candidats)).toEqual([
      'collectivite',
      'thematique',
    ]);
    expect(relationsSelectionnees(racine('{ projets { nom slug } }'), candidats)).toEqual([]);
  });

  it('laisse à Strapi les sélections qui passent par un fragment', () => {
    expect(relationsSelectionnees(racine('{ projets { nom ... on Projet { collectivite { nom } } } }'), candidats)).toBeNull();
    expect(relationsSelectionnees(racine('{ projets { ...champs } } fragment champs on Projet { collectivite { nom } }'), candidats)).toBeNull();
  });

  it('ne charge avec la page que ce qui se lit publié, sans filtre de publication ni langue', () => {
    expect(lecturePubliee({})).toBe(true);
    expect(lecturePubliee({ status: 'published', filters: { nom: { eq: 'A' } }, pagination: { page: 2 } })).toBe(true);
    expect(lecturePubliee({ status: 'draft' })).toBe(false);
    expect(lecturePubliee({ publicationFilter: 'never-published-document' })).toBe(false);
    expect(lecturePubliee({ hasPublishedVersion: true })).toBe(false);
    expect(lecturePubliee({ locale: 'en' })).toBe(false);
  });

  it('propose les relations à un élément, ni polymorphes, ni privées, ni réservées aux membres', () => {
    const projet = {
      uid: 'api::projet.projet',
      attributes: {
        nom: { type: 'string' },
        collectivite: { type: 'relation', relation: 'manyToOne', target: 'api::collectivite.collectivite' },
        thematique: { type: 'relation', relation: 'manyToOne', target: 'api::thematique.thematique' },
        publics: { type: 'relation', relation: 'manyToMany', target: 'api::public.public' },
        contact: { type: 'relation', relation: 'manyToOne', target: 'api::personne.personne' },
        cible: { type: 'relation', relation: 'morphToOne' },
        auteur: { type: 'relation', relation: 'oneToOne', target: 'admin::user', private: true },
      },
    };
    // `contact` is members-only on projets (src/domaine/visibilite.ts).
    expect([...relationsAUnElement(projet)]).toEqual(['collectivite', 'thematique']);
  });
});
