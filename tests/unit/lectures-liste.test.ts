import {
  cleDeCompte,
  cleDeFiltre,
  filtresDeRelationAUnElement,
  lienAUnElement,
  reecrireWhere,
  rejetteNull,
  filtresAUnElement,
  filtresSansJointure,
  lectureSansTransaction,
  ordonnerPeuplement,
  ordrePopulate,
  triDeLaPage, triSimple,
  verifierFormeLectures,
} from '../../src/api-contenu/lectures-liste';
import { cleAppelant, cleDeVerification } from '../../src/api-contenu/requetes-memorisees';

const ATTRIBUTS = {
  nom: { type: 'string' },
  dateDemarrage: { type: 'date' },
  statut: { type: 'enumeration' },
  thematique: { type: 'relation' },
  evaluation: { type: 'component' },
  logo: { type: 'media' },
};

describe('filtresSansJointure : la requête de Strapi, sans jointure, lue telle quelle', () => {
  it('accepte les filtres sur les colonnes propres du modèle, sous $and, $or et $not, et les valeurs des autres opérateurs', () => {
    expect(filtresSansJointure([undefined, null], ATTRIBUTS)).toBe(true);
    expect(filtresSansJointure([{ statut: { $eq: 'deploiement' }, publishedAt: { $notNull: true } }], ATTRIBUTS)).toBe(true);
    expect(filtresSansJointure({ $and: [{ nom: { $containsi: 'a' } }, { $or: [{ id: 3 }, { $not: { dateDemarrage: null } }] }] }, ATTRIBUTS)).toBe(true);
    // The value of $in is not a filter: a subquery there (the rewritten to-one filters) joins nothing.
    expect(filtresSansJointure({ id: { $in: [{ thematique: 1 }] } }, ATTRIBUTS)).toBe(true);
  });

  it('refuse dès qu’un filtre traverse une relation, un composant ou un média, à toute profondeur logique', () => {
    expect(filtresSansJointure({ thematique: { slug: 'x' } }, ATTRIBUTS)).toBe(false);
    expect(filtresSansJointure([{ statut: 'x' }, { $and: [{ $or: [{ evaluation: { note: 1 } }] }] }], ATTRIBUTS)).toBe(false);
    expect(filtresSansJointure({ $not: { logo: { id: 1 } } }, ATTRIBUTS)).toBe(false);
  });
});

describe('chemin de lecture des listes', () => {
  it('garde un tri sur les attributs propres du modèle, quelle que soit sa forme', () => {
    expect(triSimple(undefined, ATTRIBUTS)).toEqual([]);
    expect(triSimple('nom', ATTRIBUTS)).toEqual([{ nom: 'asc' }]);
    expect(triSimple([{ nom: 'DESC' }, { dateDemarrage: 'asc' }], ATTRIBUTS)).toEqual([{ nom: 'desc' }, { dateDemarrage: 'asc' }]);
    expect(triSimple({ nom: 'asc', statut: 'desc' }, ATTRIBUTS)).toEqual([{ nom: 'asc' }, { statut: 'desc' }]);
  });

  it('laisse à Strapi les tris par relation, composant, média, statut calculé ou sens inconnu', () => {
    expect(triSimple({ thematique: { nom: 'asc' } }, ATTRIBUTS)).toBeNull();
    expect(triSimple('thematique', ATTRIBUTS)).toBeNull();
    expect(triSimple({ evaluation: 'asc' }, ATTRIBUTS)).toBeNull();
    expect(triSimple({ logo: 'asc' }, ATTRIBUTS)).toBeNull();
    expect(triSimple('status', ATTRIBUTS)).toBeNull();
    expect(triSimple({ nom: 'de haut en bas' }, ATTRIBUTS)).toBeNull();
    expect(triSimple({ inconnu: 'asc' }, ATTRIBUTS)).toBeNull();
    expect(triSimple([['nom']], ATTRIBUTS)).toBeNull();
  });

  it('ne prend que les types de l’application, sans regroupement ni limite -1', () => {
    expect(triDeLaPage('api::projet.projet', { limit: 25, orderBy: { nom: 'asc' } }, ATTRIBUTS)).toEqual([{ nom: 'asc' }]);
    expect(triDeLaPage('api::projet.projet', {}, ATTRIBUTS)).toEqual([]);
    expect(triDeLaPage('plugin::upload.file', { limit: 25 }, ATTRIBUTS)).toBeNull();
    expect(triDeLaPage('admin::user', { limit: 25 }, ATTRIBUTS)).toBeNull();
    expect(triDeLaPage('api::projet.projet', { limit: -1 }, ATTRIBUTS)).toBeNull();
    expect(triDeLaPage('api::projet.projet', { groupBy: ['statut'] }, ATTRIBUTS)).toBeNull();
    expect(triDeLaPage('api::projet.projet', undefined, ATTRIBUTS)).toBeNull();
  });

  it('compte une fois par filtres : même clé pour les mêmes filtres, le filtre de statut évalué pour le modèle', () => {
    const filtreStatut = ({ meta }: { meta: { uid: string } }) => ({ publishedAt: { $null: meta.uid === 'brouillons' } });
    const a = cleDeCompte('api::projet.projet', { where: { statut: { $eq: 'deploiement' } }, filters: filtreStatut, orderBy: { nom: 'asc' } }, { uid: 'x' });
    const b = cleDeCompte('api::projet.projet', { where: { statut: { $eq: 'deploiement' } }, filters: filtreStatut, limit: 10 }, { uid: 'x' });
    expect(a).not.toBeNull();
    expect(a).toBe(b);
    expect(cleDeCompte('api::projet.projet', { where: { statut: { $eq: 'deploiement' } }, filters: filtreStatut }, { uid: 'brouillons' })).not.toBe(a);
    expect(cleDeCompte('api::projet.projet', { where: { statut: { $eq: 'termine' } }, filters: filtreStatut }, { uid: 'x' })).not.toBe(a);
    expect(cleDeCompte('api::projet.projet', { where: { nom: 'a' }, _q: 'eau' }, {})).not.toBe(cleDeCompte('api::projet.projet', { where: { nom: 'a' } }, {}));
  });

  it('ne garde pas un compte qu’il ne sait pas désigner (expression knex, filtre qui veut le constructeur)', () => {
    class Expression {
      sql = 'EXISTS (…)';
    }
    expect(cleDeCompte('api::projet.projet', { where: { id: { $in: new Expression() } } }, {})).toBeNull();
    const veutLeConstructeur = ({ qb }: { qb: { alias: string } }) => ({ [qb.alias]: 1 });
    expect(cleDeCompte('api::projet.projet', { filters: veutLeConstructeur }, {})).toBeNull();
    const cycle: Record<string, unknown> = {};
    cycle.soi = cycle;
    expect(cleDeCompte('api::projet.projet', { where: cycle }, {})).toBeNull();
  });

  const BASE = {
    nom: { type: 'string' },
    thematique: { type: 'relation', relation: 'manyToOne' },
    collectivite: { type: 'relation', relation: 'manyToOne' },
    evaluation: { type: 'relation', relation: 'oneToOne' },
    blocs: { type: 'relation', relation: 'morphToMany' },
  };
  const SANS_POLYMORPHE = { nom: BASE.nom, thematique: BASE.thematique, collectivite: BASE.collectivite, evaluation: BASE.evaluation };

  it('donne l’ordre des attributs peuplés quand chacun vient d’une seule requête', () => {
    expect(ordrePopulate(undefined, BASE)).toEqual([]);
    expect(ordrePopulate(['collectivite', 'thematique'], BASE)).toEqual(['collectivite', 'thematique']);
    expect(ordrePopulate('thematique,collectivite', BASE)).toEqual(['thematique', 'collectivite']);
    expect(ordrePopulate({ collectivite: { fields: ['nom'] }, thematique: true, nom: true }, BASE)).toEqual(['collectivite', 'thematique']);
    expect(ordrePopulate({ thematique: { count: true } }, BASE)).toEqual(['thematique']);
    expect(ordrePopulate('*', SANS_POLYMORPHE)).toEqual(['thematique', 'collectivite', 'evaluation']);
    expect(ordrePopulate(true, SANS_POLYMORPHE)).toEqual(['thematique', 'collectivite', 'evaluation']);
  });

  it('garde la transaction quand un attribut demande plusieurs requêtes avant d’être posé', () => {
    for (const imbrique of ['*', true, 'thematique.parent', ['thematique.parent'], { thematique: '*' }, { thematique: { populate: '*' } }, { thematique: { populate: ['parent'] } }, { blocs: { on: {} } }, { blocs: true }, 3]) {
      expect(ordrePopulate(imbrique, BASE)).toBeNull();
    }
    expect(lectureSansTransaction('findMany', { populate: { blocs: true } }, BASE)).toBe(false);
    expect(lectureSansTransaction('findMany', { populate: { thematique: true, collectivite: true } }, BASE)).toBe(true);
    // A count never populates, whatever the controller hands it.
    expect(lectureSansTransaction('count', { populate: { blocs: true } }, BASE)).toBe(true);
  });

  it('lit les identifiants d’une page sans DISTINCT seulement à travers des relations à un élément', () => {
    const modeles: Record<string, Record<string, { type: string; relation?: string; target?: string }>> = {
      'api::projet.projet': {
        nom: { type: 'string' },
        thematique: { type: 'relation', relation: 'manyToOne', target: 'api::thematique.thematique' },
        publics: { type: 'relation', relation: 'manyToMany', target: 'api::public.public' },
        blocs: { type: 'component' },
        cible: { type: 'relation', relation: 'morphToOne' },
      },
      'api::thematique.thematique': {
        slug: { type: 'string' },
        parent: { type: 'relation', relation: 'oneToOne', target: 'api::thematique.thematique' },
        projets: { type: 'relation', relation: 'oneToMany', target: 'api::projet.projet' },
      },
    };
    const attributsDe = (uid: string) => modeles[uid];
    const projet = 'api::projet.projet';
    expect(filtresAUnElement({ nom: { $eq: 'A' }, thematique: { slug: { $eq: 's' } } }, projet, attributsDe)).toBe(true);
    expect(filtresAUnElement([{ publishedAt: { $notNull: true } }, { $or: [{ thematique: { parent: { slug: 'x' } } }, { id: { $in: [1, 2] } }] }], projet, attributsDe)).toBe(true);
    expect(filtresAUnElement([undefined, null], projet, attributsDe)).toBe(true);
    expect(filtresAUnElement({ publics: { nom: 'élus' } }, projet, attributsDe)).toBe(false);
    expect(filtresAUnElement({ $and: [{ thematique: { projets: { nom: 'B' } } }] }, projet, attributsDe)).toBe(false);
    expect(filtresAUnElement({ $not: { blocs: { titre: 'x' } } }, projet, attributsDe)).toBe(false);
    expect(filtresAUnElement({ cible: { id: 1 } }, projet, attributsDe)).toBe(false);
    expect(filtresAUnElement({ nom: 'A' }, 'api::inconnu.inconnu', attributsDe)).toBe(false);
  });

  it('remet les attributs peuplés à la fin, dans l’ordre demandé, quel que soit l’ordre d’arrivée', () => {
    const arrivee = [{ id: 1, collectivite: { id: 3 }, nom: 'A', thematique: null }];
    const ordonnee = ordonnerPeuplement(arrivee, ['thematique', 'collectivite']);
    expect(JSON.stringify(ordonnee)).toBe('[{"id":1,"nom":"A","thematique":null,"collectivite":{"id":3}}]');
    expect(Object.keys(arrivee[0])).toEqual(['id', 'collectivite', 'nom', 'thematique']);
    expect(ordonnerPeuplement(null, ['thematique', 'collectivite'])).toBeNull();
    const enOrdre = { id: 2, nom: 'B', thematique: { id: 4 }, collectivite: null };
    expect(ordonnerPeuplement(enOrdre, ['thematique', 'collectivite'])).toBe(enOrdre);
    expect(ordonnerPeuplement({ id: 3, thematique: null }, ['thematique', 'collectivite'])).toEqual({ id: 3, thematique: null });
  });

  it('refuse de démarrer quand la couche base de données de Strapi a changé de forme', () => {
    const constructeur = { init() {}, getKnexQuery() {}, shouldUseDeepSort() {}, execute() {}, state: { joins: [], orderBy: [] }, alias: 't0' };
    const gestionnaire = {
      findMany(_uid: string, _params: unknown) {},
      findOne(_uid: string, _params: unknown) {},
      count(_uid: string) {},
      createQueryBuilder(_uid: string) {
        return constructeur;
      },
    };
    const base = { transaction(_cb: unknown) {} };
    expect(() => verifierFormeLectures(gestionnaire, base)).not.toThrow();
    expect(() => verifierFormeLectures({ ...gestionnaire, count: undefined }, base)).toThrow(/entityManager\.count est absent/);
    expect(() => verifierFormeLectures({ ...gestionnaire, findMany: (_uid: string) => undefined }, base)).toThrow(/findMany déclare 1 paramètre/);
    expect(() => verifierFormeLectures({ ...gestionnaire, findOne: undefined }, base)).toThrow(/entityManager\.findOne est absent/);
    expect(() => verifierFormeLectures(gestionnaire, {})).toThrow(/db\.transaction/);
    expect(() => verifierFormeLectures({ ...gestionnaire, createQueryBuilder: (_uid: string) => ({ ...constructeur, state: {} }) }, base)).toThrow(/state\.joins.*state\.orderBy/);
    expect(() => verifierFormeLectures({ ...gestionnaire, createQueryBuilder: (_uid: string) => ({ ...constructeur, alias: undefined }) }, base)).toThrow(/alias/);
  });
});

describe('filtres à travers une relation à un élément, lus par sa table de liens', () => {
  const lien = (relation: string, extra: Record<string, unknown> = {}) => ({
    type: 'relation',
    relation,
    target: 'api::thematique.thematique',
    joinTable: { name: 'projets_thematique_lnk', joinColumn: { name: 'projet_id', referencedColumn: 'id' }, inverseJoinColumn: { name: 'thematique_id', referencedColumn: 'id' }, ...extra },
  });
  const MODELES: Record<string, Record<string, any>> = {
    'api::projet.projet': { nom: { type: 'string' }, thematique: lien('manyToOne'), collectivite: { ...lien('oneToOne'), target: 'api::collectivite.collectivite' }, publics: lien('manyToMany') },
  };
  const attributsDe = (uid: string) => MODELES[uid];

  it('reconnaît une relation à un élément par une table de liens simple, et seulement elle', () => {
    expect(lienAUnElement(lien('manyToOne'))).toEqual({ table: 'projets_thematique_lnk', source: 'projet_id', cible: 'thematique_id' });
    expect(lienAUnElement(lien('oneToOne'))).not.toBeNull();
    expect(lienAUnElement(lien('manyToMany'))).toBeNull();
    expect(lienAUnElement(lien('oneToMany'))).toBeNull();
    expect(lienAUnElement(lien('manyToOne', { on: { field: 'x' } }))).toBeNull();
    expect(lienAUnElement({ type: 'relation', relation: 'manyToOne', target: 'api::t.t' })).toBeNull();
    expect(lienAUnElement({ type: 'string' })).toBeNull();
    expect(lienAUnElement(undefined)).toBeNull();
  });

  it('trouve ces filtres dans une conjonction (la racine, $and imbriqués), pas sous $or ni $not, pas les valeurs simples', () => {
    const where = {
      publishedAt: { $notNull: true },
      thematique: { slug: { $eq: 's' } },
      $and: [{ statut: 'x' }, { $and: [{ collectivite: { siren: '1' } }] }, { publics: { nom: 'élus' } }],
      $or: [{ thematique: { slug: 'autre' } }],
      $not: { collectivite: { siren: '2' } },
    };
    const trouves = filtresDeRelationAUnElement(where, 'api::projet.projet', attributsDe);
    expect(trouves.map((f) => [f.chemin, f.attribut, f.cible, f.filtre])).toEqual([
      [[], 'thematique', 'api::thematique.thematique', { slug: { $eq: 's' } }],
      [['$and', 1, '$and', 0], 'collectivite', 'api::collectivite.collectivite', { siren: '1' }],
    ]);
    expect(filtresDeRelationAUnElement({ thematique: 3 }, 'api::projet.projet', attributsDe)).toEqual([]);
    expect(filtresDeRelationAUnElement(undefined, 'api::projet.projet', attributsDe)).toEqual([]);
  });

  it('ne prend que les filtres qu’une ligne sans la relation (cible lue NULL) ne peut pas satisfaire', () => {
    for (const filtre of [{ slug: 's' }, { slug: { $eq: 's' } }, { id: { $in: [1, 2] } }, { nom: { $containsi: 'a' }, ordre: { $gt: 1 } }, { $or: [{ slug: 'a' }, { slug: 'b' }] }, { parent: { slug: 's' } }, { id: { $notNull: true } }]) {
      expect([filtre, rejetteNull(filtre)]).toEqual([filtre, true]);
    }
    for (const filtre of [{ id: { $null: true } }, { parent: { id: { $null: true } } }, { slug: { $ne: 's' } }, { $not: { slug: 's' } }, { slug: { $notIn: ['s'] } }, { id: { $notNull: false } }, { slug: null }, { slug: { $eq: null } }, { $or: [{ slug: 'a' }, { id: { $null: true } }] }, {}, { slug: [] }]) {
      expect([filtre, rejetteNull(filtre)]).toEqual([filtre, false]);
    }
    expect(filtresDeRelationAUnElement({ thematique: { parent: { id: { $null: true } } } }, 'api::projet.projet', attributsDe)).toEqual([]);
  });

  it('remplace chaque filtre trouvé par sa condition sur la ligne, ajoutée au $and de son niveau, le reste gardé', () => {
    const where = { nom: 'A', thematique: { slug: 's' }, $and: [{ statut: 'x' }, { collectivite: { siren: '1' } }] };
    const remplacements = new Map([
      [cleDeFiltre([], 'thematique'), { id: { $in: 'T' } }],
      [cleDeFiltre(['$and', 1], 'collectivite'), { id: { $in: 'C' } }],
    ]);
    expect(reecrireWhere(where, remplacements)).toEqual({
      nom: 'A',
      $and: [{ statut: 'x' }, { $and: [{ id: { $in: 'C' } }] }, { id: { $in: 'T' } }],
    });
    expect(where).toEqual({ nom: 'A', thematique: { slug: 's' }, $and: [{ statut: 'x' }, { collectivite: { siren: '1' } }] });
    expect(reecrireWhere({ thematique: { slug: 's' } }, new Map())).toEqual({ thematique: { slug: 's' } });
  });
});

describe('vérifications de requêtes mémorisées', () => {
  const anonyme = { strategy: { name: 'users-permissions' }, credentials: null };
  const membre = { strategy: { name: 'users-permissions' }, credentials: { role: { type: 'membre' }, confirmed: true, approuve: true, blocked: false } };
  const enAttente = { strategy: { name: 'users-permissions' }, credentials: { role: { type: 'membre' }, confirmed: true, approuve: false, blocked: false } };

  it('distingue les appelants dont les droits diffèrent', () => {
    const cles = [anonyme, membre, enAttente, { strategy: { name: 'content-api-token' }, credentials: { id: 3, type: 'custom' } }, { strategy: { name: 'content-api-token' }, credentials: { id: 4, type: 'custom' } }].map(cleAppelant);
    expect(new Set(cles).size).toBe(5);
    expect(cleAppelant(undefined)).toBe('anonyme');
    expect(cleAppelant({ strategy: { name: 'users-permissions' }, credentials: { confirmed: true } })).toBeNull();
    expect(cleAppelant({ strategy: { name: 'content-api-token' }, credentials: { type: 'read-only' } })).toBeNull();
  });

  it('désigne une vérification par requête, modèle, route et appelant', () => {
    const schema = { uid: 'api::projet.projet' };
    const route = { method: 'GET', path: '/projets' };
    const cle = cleDeVerification('sanitize', { sort: 'nom' }, schema, { auth: anonyme, route });
    expect(cle).toBe(cleDeVerification('sanitize', { sort: 'nom' }, schema, { auth: anonyme, route }));
    expect(cle).not.toBe(cleDeVerification('validate', { sort: 'nom' }, schema, { auth: anonyme, route }));
    expect(cle).not.toBe(cleDeVerification('sanitize', { sort: 'nom' }, schema, { auth: membre, route }));
    expect(cle).not.toBe(cleDeVerification('sanitize', { sort: 'nom' }, { uid: 'api::offreur.offreur' }, { auth: anonyme, route }));
    expect(cle).not.toBe(cleDeVerification('sanitize', { sort: 'nom' }, schema, { auth: anonyme, route: { method: 'GET', path: '/projets/:id' } }));
    expect(cle).not.toBe(cleDeVerification('sanitize', { sort: 'nom:desc' }, schema, { auth: anonyme, route }));
    expect(cleDeVerification('sanitize', { sort: 'nom' }, undefined, { auth: anonyme, route })).toBeNull();
    expect(cleDeVerification('sanitize', 'texte', schema, { auth: anonyme, route })).toBeNull();
  });
});
