/**
 * Visibility of the content API (README, « API de contenu »), table-driven: every Restreint field
 * × every access path × every caller, each cell with its exact expectation.
 */
import { api, APPELANTS, enteteAdmin, enteteJeton, graphql, type NomAppelant } from '../helpers/http';
import { collectiviteParSiren, projetValide } from '../helpers/donnees';
import { ATTRIBUTS_RESTREINTS } from '../../src/domaine/visibilite';

const SIREN_LYON = '200046977';
const APPELANTS_REVELES: Record<NomAppelant, boolean> = { anonyme: false, enAttente: false, membre: true, jetonLecture: true };
const NOMS_APPELANTS = Object.keys(APPELANTS) as NomAppelant[];

const creer = async (pluriel: string, data: Record<string, unknown>, status: 'published' | 'draft' = 'published') => {
  const reponse = await api().post(`/api/${pluriel}`).set(enteteJeton()).query({ status }).send({ data });
  if (reponse.status !== 201) throw new Error(`Création ${pluriel} : ${reponse.status} ${JSON.stringify(reponse.body)}`);
  return reponse.body.data.documentId as string;
};

interface Fixtures {
  collectivite: string;
  projet: string;
  brouillon: string;
  offreur: string;
  initiative: string;
  ressourcePublique: string;
  ressourceMembres: string;
  technique: string;
}
const f = {} as Fixtures;

beforeAll(async () => {
  f.collectivite = await collectiviteParSiren(SIREN_LYON);
  f.technique = (await api().get('/api/techniques-ia').query({ 'filters[slug][$eq]': 'ia-generative' })).body.data[0].documentId;
  f.offreur = await creer('offreurs', { nom: 'Offreur de la visibilité', type: 'startup', contact: 'contact@offreur-visibilite.fr' });
  f.initiative = await creer('initiatives-gouvernance', { titre: 'Charte de la visibilité', type: 'charte', statut: 'adoptee', collectivite: f.collectivite, contact: 'ethique@lyon-test.fr' });
  f.ressourcePublique = await creer('ressources', { titre: 'Code ouvert de la visibilité', type: 'code_source', acces: 'public' });
  f.ressourceMembres = await creer('ressources', { titre: 'Jeu de données réservé', type: 'jeu_de_donnees', acces: 'membres' });
  f.projet = await creer(
    'projets',
    await projetValide({
      nom: 'Projet de la visibilité',
      collectivite: f.collectivite,
      offreurs: [f.offreur],
      ressources: [f.ressourcePublique, f.ressourceMembres],
      techniquesIa: [f.technique],
      algorithme: { nom: 'Modèle de langue affiné', description: 'Classification des courriers', operations: 'Tri' },
      impactEnvironnemental: 'Faible (Green Algorithms)',
      impactEnvironnementalKwhAn: 1200,
      donnees: { modeAcces: 'api', donneesPersonnelles: 'pseudonymisees', sources: [{ source: 'open_data' }] },
      hebergement: 'interne',
      miseEnOeuvre: 'marche_public',
      financement: 'Fonds vert',
      budget: 'plus_100k',
      contact: 'dpo@lyon-test.fr',
    }),
  );
  f.brouillon = await creer('projets', await projetValide({ nom: 'Brouillon de la visibilité', collectivite: f.collectivite, budget: 'moins_50k' }), 'draft');
});

// ---------------------------------------------------------------------------------------------
// The Restreint fields, how to read, filter and sort each, and how to reach it through relations
// ---------------------------------------------------------------------------------------------

type Genre = 'scalaire' | 'relation' | 'composant';
interface Champ {
  type: 'projet' | 'offreur' | 'initiative';
  champ: string;
  genre: Genre;
  /** Value as read back (relations: names; components: one sub-field). */
  attendu: unknown;
  lire: (valeur: any) => unknown;
  /** Sub-field used to filter, sort and select a relation or component. */
  sousChamp?: string;
}
const scalaire = (type: Champ['type'], champ: string, attendu: unknown): Champ => ({
  type,
  champ,
  genre: 'scalaire',
  attendu,
  lire: (v) => (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? Number(v) : v),
});

const CHAMPS: Champ[] = [
  { type: 'projet', champ: 'techniquesIa', genre: 'relation', attendu: ['ia-generative'], lire: (v) => v?.map((t: { slug: string }) => t.slug), sousChamp: 'slug' },
  { type: 'projet', champ: 'algorithme', genre: 'composant', attendu: 'Modèle de langue affiné', lire: (v) => v?.nom, sousChamp: 'nom' },
  scalaire('projet', 'impactEnvironnemental', 'Faible (Green Algorithms)'),
  scalaire('projet', 'impactEnvironnementalKwhAn', 1200),
  { type: 'projet', champ: 'donnees', genre: 'composant', attendu: 'pseudonymisees', lire: (v) => v?.donneesPersonnelles, sousChamp: 'donneesPersonnelles' },
  scalaire('projet', 'hebergement', 'interne'),
  scalaire('projet', 'miseEnOeuvre', 'marche_public'),
  scalaire('projet', 'financement', 'Fonds vert'),
  scalaire('projet', 'budget', 'plus_100k'),
  scalaire('projet', 'contact', 'dpo@lyon-test.fr'),
  scalaire('offreur', 'contact', 'contact@offreur-visibilite.fr'),
  scalaire('initiative', 'contact', 'ethique@lyon-test.fr'),
];

const TYPES = {
  projet: { uid: 'api::projet.projet', pluriel: 'projets', gqlUn: 'projet', gqlPluriel: 'projets', id: () => f.projet },
  offreur: { uid: 'api::offreur.offreur', pluriel: 'offreurs', gqlUn: 'offreur', gqlPluriel: 'offreurs', id: () => f.offreur },
  initiative: {
    uid: 'api::initiative-gouvernance.initiative-gouvernance',
    pluriel: 'initiatives-gouvernance',
    gqlUn: 'initiativeGouvernance',
    gqlPluriel: 'initiativesGouvernance',
    id: () => f.initiative,
  },
} as const;

/** Relations that reach each type: the parent collection, its documentId and the attribute. */
const CHEMINS: Record<Champ['type'], Array<{ parent: string; gqlParent: string; id: () => string; relation: string }>> = {
  projet: [
    { parent: 'collectivites', gqlParent: 'collectivites', id: () => f.collectivite, relation: 'projets' },
    { parent: 'offreurs', gqlParent: 'offreurs', id: () => f.offreur, relation: 'projets' },
    { parent: 'ressources', gqlParent: 'ressources', id: () => f.ressourcePublique, relation: 'projets' },
  ],
  offreur: [{ parent: 'projets', gqlParent: 'projets', id: () => f.projet, relation: 'offreurs' }],
  initiative: [{ parent: 'collectivites', gqlParent: 'collectivites', id: () => f.collectivite, relation: 'initiatives' }],
};

it('la table couvre chaque champ restreint du module de visibilité', () => {
  const couverts = CHAMPS.map((c) => `${TYPES[c.type].uid}.${c.champ}`).sort();
  const attendus = Object.entries(ATTRIBUTS_RESTREINTS).flatMap(([uid, champs]) => champs.map((c) => `${uid}.${c}`)).sort();
  expect(couverts).toEqual(attendus);
});

/** Query selecting the field: populate for relations and components. */
const selection = (c: Champ): Record<string, string> => (c.genre === 'scalaire' ? {} : { [`populate[${c.champ}]`]: 'true' });
const selectionGraphql = (c: Champ) => (c.genre === 'scalaire' ? c.champ : `${c.champ} { ${c.sousChamp} }`);

/** An anonymous caller is refused (400) when it names a private attribute; a scalar is silently absent. */
function attendreCache(reponse: { status: number; body: any }, c: Champ, lecture: () => unknown) {
  if (c.genre === 'scalaire') {
    expect(reponse.status).toBe(200);
    expect(lecture()).toBeUndefined();
  } else {
    expect(reponse.status).toBe(400);
    expect(reponse.body.error.name).toBe('ValidationError');
  }
}

const CAS = CHAMPS.flatMap((c) => NOMS_APPELANTS.map((appelant) => [`${c.type}.${c.champ}`, appelant, c] as const));

describe.each(CAS)('%s, appelant %s', (_nom, appelant, c) => {
  const revele = APPELANTS_REVELES[appelant];
  const type = TYPES[c.type];
  const entete = () => APPELANTS[appelant]();

  it(`REST find : ${revele ? 'lu' : 'caché'}`, async () => {
    const reponse = await api().get(`/api/${type.pluriel}`).set(entete()).query({ 'filters[documentId][$eq]': type.id(), ...selection(c) });
    if (revele) {
      expect(reponse.status).toBe(200);
      expect(c.lire(reponse.body.data[0][c.champ])).toEqual(c.attendu);
    } else attendreCache(reponse, c, () => reponse.body.data[0][c.champ]);
  });

  it(`REST findOne : ${revele ? 'lu' : 'caché'}`, async () => {
    const reponse = await api().get(`/api/${type.pluriel}/${type.id()}`).set(entete()).query(selection(c));
    if (revele) {
      expect(reponse.status).toBe(200);
      expect(c.lire(reponse.body.data[c.champ])).toEqual(c.attendu);
    } else attendreCache(reponse, c, () => reponse.body.data[c.champ]);
  });

  it(`REST populate=* : ${revele ? 'lu' : 'caché'}`, async () => {
    const reponse = await api().get(`/api/${type.pluriel}/${type.id()}`).set(entete()).query({ populate: '*' });
    expect(reponse.status).toBe(200);
    if (revele) expect(c.lire(reponse.body.data[c.champ])).toEqual(c.attendu);
    else expect(reponse.body.data[c.champ]).toBeUndefined();
  });

  it.each(CHEMINS[c.type])(`REST populate par $parent.$relation : ${revele ? 'lu' : 'caché'}`, async (chemin) => {
    const populate = c.genre === 'scalaire' ? { [`populate[${chemin.relation}]`]: 'true' } : { [`populate[${chemin.relation}][populate][${c.champ}]`]: 'true' };
    const reponse = await api().get(`/api/${chemin.parent}/${chemin.id()}`).set(entete()).query(populate);
    const lu = () => reponse.body.data[chemin.relation].find((d: { documentId: string }) => d.documentId === type.id());
    if (revele) {
      expect(reponse.status).toBe(200);
      expect(c.lire(lu()[c.champ])).toEqual(c.attendu);
    } else if (c.genre === 'scalaire') {
      expect(reponse.status).toBe(200);
      expect(lu()).toBeDefined();
      expect(lu()[c.champ]).toBeUndefined();
    } else {
      expect(reponse.status).toBe(400);
    }
  });

  it(`REST fields[] : ${c.genre !== 'scalaire' ? 'refusé à tous (pas un champ simple)' : revele ? 'lu' : 'refusé'}`, async () => {
    const reponse = await api().get(`/api/${type.pluriel}/${type.id()}`).set(entete()).query({ 'fields[0]': c.champ });
    if (revele && c.genre === 'scalaire') {
      expect(reponse.status).toBe(200);
      expect(c.lire(reponse.body.data[c.champ])).toEqual(c.attendu);
      expect(reponse.body.data.nom ?? reponse.body.data.titre).toBeUndefined();
    } else {
      expect(reponse.status).toBe(400);
    }
  });

  it(`REST filters : ${revele ? 'filtre' : 'refusé'}`, async () => {
    const cle = c.genre === 'scalaire' ? `filters[${c.champ}][$eq]` : `filters[${c.champ}][${c.sousChamp}][$eq]`;
    const valeur = c.genre === 'relation' ? (c.attendu as string[])[0] : String(c.attendu);
    const reponse = await api().get(`/api/${type.pluriel}`).set(entete()).query({ 'filters[documentId][$eq]': type.id(), [cle]: valeur });
    if (revele) {
      expect(reponse.status).toBe(200);
      expect(reponse.body.meta.pagination.total).toBe(1);
    } else {
      expect(reponse.status).toBe(400);
      expect(reponse.body.data).toBeNull();
      expect(reponse.body.error.message).toBe(`Paramètre refusé : « ${c.champ} » n’existe pas ou ne vous est pas accessible.`);
    }
  });

  it(`REST sort : ${revele ? 'trie' : 'refusé'}`, async () => {
    const tri = c.genre === 'scalaire' ? `${c.champ}:asc` : `${c.champ}.${c.sousChamp}:asc`;
    const reponse = await api().get(`/api/${type.pluriel}`).set(entete()).query({ sort: tri });
    expect(reponse.status).toBe(revele ? 200 : 400);
  });

  it(`GraphQL requête : ${revele ? 'lu' : 'null'}`, async () => {
    const reponse = await graphql(`query($id: ID!) { ${type.gqlUn}(documentId: $id) { documentId ${selectionGraphql(c)} } }`, { id: type.id() }, entete());
    expect(reponse.body.errors).toBeUndefined();
    const lu = reponse.body.data[type.gqlUn][c.champ];
    if (revele) expect(c.lire(lu)).toEqual(c.attendu);
    else expect(lu).toBeNull();
  });

  it.each(CHEMINS[c.type])(`GraphQL imbriqué par $gqlParent.$relation : ${revele ? 'lu' : 'null'}`, async (chemin) => {
    const requete = `query($parent: ID!, $id: ID!) { ${chemin.gqlParent}(filters: { documentId: { eq: $parent } }) {
      ${chemin.relation}(filters: { documentId: { eq: $id } }) { documentId ${selectionGraphql(c)} } } }`;
    const reponse = await graphql(requete, { parent: chemin.id(), id: type.id() }, entete());
    expect(reponse.body.errors).toBeUndefined();
    const lu = reponse.body.data[chemin.gqlParent][0][chemin.relation][0][c.champ];
    if (revele) expect(c.lire(lu)).toEqual(c.attendu);
    else expect(lu).toBeNull();
  });

  it(`GraphQL filtre : ${revele ? 'filtre' : 'refusé'}`, async () => {
    const condition =
      c.genre === 'scalaire'
        ? `${c.champ}: { eq: ${JSON.stringify(c.attendu)} }`
        : `${c.champ}: { ${c.sousChamp}: { eq: ${JSON.stringify(c.genre === 'relation' ? (c.attendu as string[])[0] : c.attendu)} } }`;
    const reponse = await graphql(`query($id: ID!) { ${type.gqlPluriel}(filters: { documentId: { eq: $id }, ${condition} }) { documentId } }`, { id: type.id() }, entete());
    if (revele) {
      expect(reponse.body.errors).toBeUndefined();
      expect(reponse.body.data[type.gqlPluriel]).toEqual([{ documentId: type.id() }]);
    } else {
      expect(reponse.body.data).toBeNull();
      expect(reponse.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(reponse.body.errors[0].message).toBe(`Paramètre refusé : « ${c.champ} » n’existe pas ou ne vous est pas accessible.`);
    }
  });

  it(`GraphQL tri : ${revele ? 'trie' : 'refusé'}`, async () => {
    const tri = c.genre === 'scalaire' ? `${c.champ}:asc` : `${c.champ}.${c.sousChamp}:asc`;
    const reponse = await graphql(`query($id: ID!) { ${type.gqlPluriel}(filters: { documentId: { eq: $id } }, sort: "${tri}") { documentId } }`, { id: type.id() }, entete());
    if (revele) {
      expect(reponse.body.errors).toBeUndefined();
      expect(reponse.body.data[type.gqlPluriel]).toEqual([{ documentId: type.id() }]);
    } else {
      expect(reponse.body.data).toBeNull();
      expect(reponse.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe.each(NOMS_APPELANTS)('Ressources réservées aux membres, appelant %s', (appelant) => {
  const revele = APPELANTS_REVELES[appelant];
  const entete = () => APPELANTS[appelant]();
  const attendues = () => (revele ? [f.ressourcePublique, f.ressourceMembres].sort() : [f.ressourcePublique]);
  const ids = (liste: Array<{ documentId: string }>) => liste.map((r) => r.documentId).filter((id) => [f.ressourcePublique, f.ressourceMembres].includes(id)).sort();

  it(`REST find et findOne : ${revele ? 'visibles' : 'invisibles'}`, async () => {
    const liste = await api().get('/api/ressources').set(entete()).query({ 'pagination[pageSize]': 100 });
    expect(ids(liste.body.data)).toEqual(attendues());
    const une = await api().get(`/api/ressources/${f.ressourceMembres}`).set(entete());
    expect(une.status).toBe(revele ? 200 : 404);
  });

  it('REST par projet → ressources, collectivité → projets → ressources et populate=*', async () => {
    const projet = await api().get(`/api/projets/${f.projet}`).set(entete()).query({ 'populate[ressources]': 'true' });
    expect(ids(projet.body.data.ressources)).toEqual(attendues());
    const etoile = await api().get(`/api/projets/${f.projet}`).set(entete()).query({ populate: '*' });
    expect(ids(etoile.body.data.ressources)).toEqual(attendues());
    const collectivite = await api().get(`/api/collectivites/${f.collectivite}`).set(entete()).query({ 'populate[projets][populate][ressources]': 'true' });
    const projets = collectivite.body.data.projets.filter((p: { documentId: string }) => p.documentId === f.projet);
    expect(ids(projets[0].ressources)).toEqual(attendues());
  });

  it(`REST filtre sur le titre d’une ressource réservée : ${revele ? 'trouve le projet' : 'ne trouve rien'}`, async () => {
    const reponse = await api().get('/api/projets').set(entete()).query({ 'filters[ressources][titre][$eq]': 'Jeu de données réservé' });
    expect(reponse.status).toBe(200);
    expect(reponse.body.meta.pagination.total).toBe(revele ? 1 : 0);
  });

  it('GraphQL liste, projet → ressources et collectivité → projets → ressources', async () => {
    const reponse = await graphql(
      `query($projet: ID!, $collectivite: ID!) {
        ressources(pagination: { pageSize: 100 }) { documentId }
        projet(documentId: $projet) { ressources { documentId } }
        collectivite(documentId: $collectivite) { projets(filters: { documentId: { eq: $projet } }) { ressources { documentId } } }
      }`,
      { projet: f.projet, collectivite: f.collectivite },
      entete(),
    );
    expect(reponse.body.errors).toBeUndefined();
    expect(ids(reponse.body.data.ressources)).toEqual(attendues());
    expect(ids(reponse.body.data.projet.ressources)).toEqual(attendues());
    expect(ids(reponse.body.data.collectivite.projets[0].ressources)).toEqual(attendues());
  });
});

describe.each(NOMS_APPELANTS)('Brouillons jamais servis, appelant %s', (appelant) => {
  const entete = () => APPELANTS[appelant]();

  it('REST : ni status=draft, ni findOne, ni par une relation', async () => {
    const liste = await api().get('/api/projets').set(entete()).query({ status: 'draft', 'filters[nom][$eq]': 'Brouillon de la visibilité' });
    expect(liste.status).toBe(200);
    expect(liste.body.meta.pagination.total).toBe(0);
    expect((await api().get(`/api/projets/${f.brouillon}`).set(entete()).query({ status: 'draft' })).status).toBe(404);
    const collectivite = await api().get(`/api/collectivites/${f.collectivite}`).set(entete()).query({ status: 'draft', 'populate[projets]': 'true' });
    expect(collectivite.body.data.projets.map((p: { documentId: string }) => p.documentId)).not.toContain(f.brouillon);
  });

  it('GraphQL : ni status: DRAFT, ni par une relation qui hérite du statut de la requête', async () => {
    const reponse = await graphql(
      `query($brouillon: ID!, $projet: ID!) {
        brouillons: projets(status: DRAFT, filters: { documentId: { eq: $brouillon } }) { documentId }
        projet(documentId: $brouillon, status: DRAFT) { documentId }
        publies: projets(status: DRAFT, filters: { documentId: { eq: $projet } }) { documentId collectivite { projets { documentId } } }
      }`,
      { brouillon: f.brouillon, projet: f.projet },
      entete(),
    );
    expect(reponse.body.errors).toBeUndefined();
    expect(reponse.body.data.brouillons).toEqual([]);
    expect(reponse.body.data.projet).toBeNull();
    // The root answers published documents; relations below, which inherit DRAFT, load none.
    expect(reponse.body.data.publies.map((p: { documentId: string }) => p.documentId)).toEqual([f.projet]);
    expect(reponse.body.data.publies[0].collectivite.projets).toEqual([]);
  });
});

describe('Jeton en accès complet (scripts de la plateforme)', () => {
  it('lit les brouillons avec status=draft', async () => {
    const reponse = await api().get(`/api/projets/${f.brouillon}`).set(enteteJeton()).query({ status: 'draft' });
    expect(reponse.status).toBe(200);
    expect(reponse.body.data.budget).toBe('moins_50k');
  });
});

describe.each(NOMS_APPELANTS)('Utilisateurs de l’administration inaccessibles, appelant %s', (appelant) => {
  const entete = () => APPELANTS[appelant]();

  it('REST : populate, filtre et tri sur createdBy et updatedBy refusés', async () => {
    for (const query of [{ 'populate[createdBy]': 'true' }, { 'populate[updatedBy]': 'true' }, { 'filters[createdBy][email][$contains]': '@' }, { sort: 'createdBy.email:asc' }]) {
      const reponse = await api().get('/api/projets').set(entete()).query(query);
      expect([reponse.status, query]).toEqual([400, query]);
    }
    const etoile = await api().get(`/api/projets/${f.projet}`).set(entete()).query({ populate: '*' });
    expect(etoile.body.data.createdBy).toBeUndefined();
  });

  it('GraphQL : createdBy n’existe pas dans le schéma', async () => {
    const reponse = await graphql('{ projets { createdBy { email } } }', {}, entete());
    expect(reponse.status).toBe(400);
    expect(reponse.body.errors[0].message).toMatch(/« createdBy » n’existe pas sur le type « Projet »/);
  });
});

describe('Rôle Public', () => {
  it.each(['projets', 'collectivites', 'offreurs', 'initiatives-gouvernance', 'ressources', 'thematiques', 'publics-cibles', 'techniques-ia', 'evenements'])(
    'lit /api/%s mais ne peut pas y écrire',
    async (pluriel) => {
      expect((await api().get(`/api/${pluriel}`)).status).toBe(200);
      const ecriture = await api().post(`/api/${pluriel}`).send({ data: { nom: 'Intrus', titre: 'Intrus' } });
      expect(ecriture.status).toBe(403);
      expect(ecriture.body.error.message).toBe('Accès refusé : vous n’avez pas le droit de faire cette action.');
    },
  );

  it('ne lit pas la liste des utilisateurs', async () => {
    expect((await api().get('/api/users')).status).toBe(403);
  });
});

describe('Permissions des rôles, posées au démarrage', () => {
  async function actionsPermises(type: string): Promise<string[]> {
    const { roles } = (await api().get('/users-permissions/roles').set(enteteAdmin())).body;
    const role = roles.find((r: { type: string }) => r.type === type);
    const { permissions } = (await api().get(`/users-permissions/roles/${role.id}`).set(enteteAdmin())).body.role;
    const actions: string[] = [];
    for (const [espace, { controllers }] of Object.entries<any>(permissions)) {
      for (const [controleur, methodes] of Object.entries<any>(controllers)) {
        for (const [methode, { enabled }] of Object.entries<any>(methodes)) if (enabled) actions.push(`${espace}.${controleur}.${methode}`);
      }
    }
    return actions.sort();
  }
  const LECTURES = ['projet', 'collectivite', 'offreur', 'initiative-gouvernance', 'ressource', 'thematique', 'public-cible', 'technique-ia', 'evenement'].flatMap(
    (t) => [`api::${t}.${t}.find`, `api::${t}.${t}.findOne`],
  ).concat(['api::recherche.recherche.find', 'api::statistiques.statistiques.find', 'api::projet.similaires.find', 'api::collectivite.synthese.find', 'api::offreur.synthese.find', 'api::ressource.fichiers.findOne', 'api::version-publiee.versions.find', 'api::version-publiee.versions.findOne', 'api::version-publiee.difference.find']);

  it('Public : find et findOne sur les contenus, et l’authentification ; rien d’autre', async () => {
    const actions = await actionsPermises('public');
    expect(actions.filter((a) => a.startsWith('api::'))).toEqual([...LECTURES].sort());
    expect(actions.filter((a) => !a.startsWith('api::')).every((a) => a.startsWith('plugin::users-permissions.auth.'))).toBe(true);
  });

  it('Membre : les mêmes lectures et son propre compte ; rien d’autre', async () => {
    expect(await actionsPermises('membre')).toEqual([...LECTURES, 'plugin::users-permissions.user.me'].sort());
  });
});
