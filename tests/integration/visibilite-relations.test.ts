/**
 * What a query may cross (issue « sécurité », items 1 and 2): the relation depth of populate in every
 * form, and filters and sorts through a relation, which must only see what the caller could read at
 * the end of it (never a draft, nor the unpublished text of a published projet, nor a members-only
 * ressource for a non-member).
 */
import { api, APPELANTS, enteteJeton, graphql, type NomAppelant } from '../helpers/http';
import { collectiviteParSiren, projetValide } from '../helpers/donnees';

const SIREN_CARCASSONNE = '211100698';
const NOMS_APPELANTS = Object.keys(APPELANTS) as NomAppelant[];
const REVELES: Record<NomAppelant, boolean> = { anonyme: false, enAttente: false, membre: true, jetonLecture: true };

/** Markers found only in rows a caller must not read, and one in a published row (the control). */
const M = {
  brouillon: 'RELBROUILLONJAMAISPUBLIE',
  edition: 'RELEDITIONNONPUBLIEE',
  contactBrouillon: 'relation-brouillon@secret-carcassonne.fr',
  publie: 'RELPROJETPUBLIE',
  contactPublie: 'relation-publie@carcassonne-test.fr',
};
const f = { collectivite: '', publie: '', ressource: '' };

const creer = async (pluriel: string, data: Record<string, unknown>, status: 'published' | 'draft') => {
  const reponse = await api().post(`/api/${pluriel}`).set(enteteJeton()).query({ status }).send({ data });
  if (reponse.status !== 201) throw new Error(`Création ${pluriel} : ${reponse.status} ${JSON.stringify(reponse.body)}`);
  return reponse.body.data.documentId as string;
};

beforeAll(async () => {
  f.collectivite = await collectiviteParSiren(SIREN_CARCASSONNE);
  f.publie = await creer('projets', await projetValide({ nom: `${M.publie} de Carcassonne`, collectivite: f.collectivite, contact: M.contactPublie }), 'published');
  // Its draft row carries an unpublished edit.
  const edition = await api()
    .put(`/api/projets/${f.publie}`)
    .set(enteteJeton())
    .query({ status: 'draft' })
    .send({ data: { nom: `${M.edition} de Carcassonne`, contact: M.contactBrouillon } });
  if (edition.status !== 200) throw new Error(`Édition du brouillon : ${edition.status}`);
  await creer('projets', await projetValide({ nom: `${M.brouillon} de Carcassonne`, collectivite: f.collectivite, contact: M.contactBrouillon }), 'draft');
  f.ressource = await creer('ressources', { titre: 'Ressource publique de Carcassonne', type: 'code_source', acces: 'public', collectivite: f.collectivite }, 'published');
});

describe('Profondeur de populate : une seule règle, toutes les formes, 400 en français', () => {
  const HUIT_NIVEAUX = 'collectivite.projets.collectivite.projets.collectivite.projets.collectivite.projets';
  const FORMES: Array<[string, Record<string, string>]> = [
    ['chemin à points (8 niveaux)', { populate: HUIT_NIVEAUX }],
    ['liste à virgules', { populate: `thematique,${HUIT_NIVEAUX}` }],
    ['tableau', { 'populate[0]': 'thematique', 'populate[1]': 'collectivite.projets.collectivite.projets' }],
    ['objet', { 'populate[collectivite][populate][projets][populate][collectivite][populate][projets]': 'true' }],
    ['* imbriqué', { 'populate[collectivite][populate][projets][populate][collectivite][populate]': '*' }],
  ];

  it.each(FORMES)('%s : 400 ValidationError qui nomme populate', async (_forme, query) => {
    const reponse = await api().get('/api/projets').query(query);
    expect(reponse.status).toBe(400);
    expect(reponse.body.error.name).toBe('ValidationError');
    expect(reponse.body.error.details.param).toBe('populate');
    expect(reponse.body.error.message).toMatch(/^Paramètre « populate » refusé : il traverse plus de 3 relations imbriquées/);
  });

  it('la requête réelle à 8 niveaux est refusée sans retenir /_health, lancé en même temps', async () => {
    const [profonde, sante] = await Promise.all([api().get('/api/projets').query({ populate: HUIT_NIVEAUX }), api().get('/_health')]);
    expect(profonde.status).toBe(400);
    expect(sante.status).toBe(204);
  });

  it('trois relations restent permises (collectivité → projets → ressources)', async () => {
    const reponse = await api().get(`/api/projets/${f.publie}`).query({ populate: 'collectivite.projets.ressources' });
    expect(reponse.status).toBe(200);
    expect(reponse.body.data.collectivite.projets.map((p: { documentId: string }) => p.documentId)).toContain(f.publie);
  });

  it('GraphQL : filtres au-delà de 3 relations refusés de même (BAD_USER_INPUT)', async () => {
    const reponse = await graphql('{ projets(filters: { collectivite: { projets: { collectivite: { projets: { nom: { eq: "x" } } } } } }) { documentId } }');
    expect(reponse.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(reponse.body.errors[0].message).toMatch(/^Paramètre « filters » refusé/);
  });
});

/** Filters, through a relation, that name a marker: [collection, query] pairs. */
const FILTRES_PAR_RELATION = (valeur: string, champ = 'nom'): Array<[string, string, Record<string, string>]> => [
  ['collectivités → projets', 'collectivites', { [`filters[projets][${champ}][$startsWith]`]: valeur }],
  ['projets → collectivité → projets', 'projets', { [`filters[collectivite][projets][${champ}][$startsWith]`]: valeur }],
  ['ressources → collectivité → projets', 'ressources', { [`filters[collectivite][projets][${champ}][$startsWith]`]: valeur }],
  ['collectivités → projets, dans un $or', 'collectivites', { [`filters[$or][0][projets][${champ}][$startsWith]`]: valeur, 'filters[$or][1][nom][$eq]': 'aucune' }],
];

describe.each(NOMS_APPELANTS)('Filtres à travers une relation, appelant %s', (appelant) => {
  const entete = () => APPELANTS[appelant]();
  const total = async (collection: string, query: Record<string, string>) => {
    const reponse = await api().get(`/api/${collection}`).set(entete()).query(query);
    expect([collection, query, reponse.status]).toEqual([collection, query, 200]);
    return reponse.body.meta.pagination.total as number;
  };

  it.each(FILTRES_PAR_RELATION(M.brouillon))('%s : un brouillon jamais publié ne compte pas', async (_chemin, collection, query) => {
    expect(await total(collection, query)).toBe(0);
  });

  it.each(FILTRES_PAR_RELATION(M.edition))('%s : le texte non publié d’un projet publié ne compte pas', async (_chemin, collection, query) => {
    expect(await total(collection, query)).toBe(0);
  });

  it.each(FILTRES_PAR_RELATION(M.publie))('%s : le projet publié compte (témoin)', async (_chemin, collection, query) => {
    expect(await total(collection, query)).toBeGreaterThan(0);
  });

  it('$null sur publishedAt à travers une relation ne trouve aucune ligne non publiée', async () => {
    const query = { 'filters[documentId][$eq]': f.collectivite, 'filters[projets][publishedAt][$null]': 'true' };
    expect(await total('collectivites', query)).toBe(0);
    expect(await total('ressources', { 'filters[documentId][$eq]': f.ressource, 'filters[collectivite][projets][publishedAt][$null]': 'true' })).toBe(0);
  });

  it(`champ restreint d’un brouillon à travers une relation : ${REVELES[appelant] ? 'jamais deviné' : 'refusé'}`, async () => {
    const brouillon = await api().get('/api/collectivites').set(entete()).query({ 'filters[projets][contact][$eq]': M.contactBrouillon });
    const publie = await api().get('/api/collectivites').set(entete()).query({ 'filters[projets][contact][$eq]': M.contactPublie });
    if (REVELES[appelant]) {
      expect(brouillon.body.meta.pagination.total).toBe(0);
      expect(publie.body.meta.pagination.total).toBe(1);
    } else {
      expect([brouillon.status, publie.status]).toEqual([400, 400]);
    }
  });

  it('GraphQL collectivites(filters: { projets }) : ni brouillon ni édition non publiée, le publié oui', async () => {
    const requete = 'query($v: String!) { collectivites(filters: { projets: { nom: { startsWith: $v } } }) { documentId } }';
    for (const [valeur, attendu] of [
      [M.brouillon, []],
      [M.edition, []],
      [M.publie, [{ documentId: f.collectivite }]],
    ] as const) {
      const reponse = await graphql(requete, { v: valeur }, entete());
      expect(reponse.body.errors).toBeUndefined();
      expect([valeur, reponse.body.data.collectivites]).toEqual([valeur, attendu]);
    }
  });

  it('tri à travers une relation vers des documents soumis à publication : 400 qui nomme sort, en REST et en GraphQL', async () => {
    const reponse = await api().get('/api/collectivites').set(entete()).query({ sort: 'projets.nom:asc' });
    expect(reponse.status).toBe(400);
    expect(reponse.body.error.details.param).toBe('sort');
    expect(reponse.body.error.message).toMatch(/^Paramètre « sort » refusé : trier par « projets\.nom »/);
    const gql = await graphql('{ collectivites(sort: "projets.nom:asc") { documentId } }', {}, entete());
    expect(gql.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    // Through a relation whose rows are all readable, sorting stays possible.
    expect((await api().get('/api/projets').set(entete()).query({ sort: 'collectivite.nom:asc' })).status).toBe(200);
  });

  it('$not sur une relation vers des documents soumis à publication : 400 qui nomme filters', async () => {
    const reponse = await api().get('/api/collectivites').set(entete()).query({ 'filters[$not][projets][nom][$eq]': M.publie });
    expect(reponse.status).toBe(400);
    expect(reponse.body.error.details.param).toBe('filters');
  });
});
