/**
 * The list path (src/api-contenu/lectures-liste.ts) seen from HTTP: the SQL a filtered list sends,
 * its counts kept until a write, its reads without transaction, a stable order across pages. That
 * it answers the same JSON as Strapi's own path is judged by equivalence-liste.test.ts.
 */
import { api, APPELANTS, graphql } from '../helpers/http';
import { projetValide, thematique } from '../helpers/donnees';
import { executerSql, requetesSql } from '../helpers/pont';
import { enteteJeton } from '../helpers/http';

const NOM = `Liste dédiée ${Date.now()}`;
const SLUG = 'transition-ecologique-et-energetique';
/** Distinct per request: the response cache must not answer in place of the path measured here. */
let numero = 0;
/** Through the thématique's slug (read by its link table), or its first level (a filter NULL satisfies: joined). */
const PAR_SLUG = { 'filters[thematique][slug][$eq]': SLUG };
const PAR_PREMIER_NIVEAU = { 'filters[thematique][parent][id][$null]': 'true' };
const liste = (page: number, appelant: Record<string, string> = {}, pageSize = 3, filtre: Record<string, string> = PAR_SLUG) =>
  api()
    .get('/api/projets')
    .set(appelant)
    .query({
      'filters[nom][$startsWith]': NOM,
      ...filtre,
      sort: 'nom:asc',
      'pagination[page]': page,
      'pagination[pageSize]': pageSize,
      'populate[0]': 'thematique',
      'fields[0]': 'nom',
      [`fields[${++numero}]`]: 'slug', // same answer every time, another address for the response cache
    });
/** An SQL name, quoted by PostgreSQL (") or SQLite (`). */
const n = (nom: string) => `[\`"]?${nom}[\`"]?`;
/** A table, which PostgreSQL prefixes with its schema. */
const t = (nom: string) => `(?:${n('public')}\\.)?${n(nom)}`;

async function creerPublie(nom: string, surcharges: Record<string, unknown> = {}): Promise<number> {
  const reponse = await api().post('/api/projets').set(enteteJeton()).query({ status: 'published' }).send({ data: await projetValide({ nom, ...surcharges }) });
  expect(reponse.status).toBe(201);
  return reponse.body.data.id;
}

const nomsDe = (corps: { data: Array<{ nom: string; id: number }> }) => corps.data.map((p) => `${p.nom}#${p.id}`);

describe('Chemin de lecture des listes', () => {
  const ids: number[] = [];

  beforeAll(async () => {
    // Ties on the sort key: « B » three times, so that pages cut through them.
    for (const suffixe of ['A', 'B', 'B', 'B', 'C', 'D', 'E']) ids.push(await creerPublie(`${NOM} ${suffixe}`));
    // Another thématique: filtered out.
    await creerPublie(`${NOM} Autre`, { thematique: await thematique('mobilites') });
  });

  it('lit une page filtrée par le slug de sa thématique en une requête, la relation par sa table de liens : sans jointure, sans DISTINCT, sans transaction', async () => {
    const { resultat, sql } = await requetesSql(() => liste(1));
    expect(resultat.status).toBe(200);
    expect(resultat.body.meta.pagination.total).toBe(7);
    expect(resultat.body.data.map((p: { nom: string }) => p.nom)).toEqual(['A', 'B', 'B'].map((suffixe) => `${NOM} ${suffixe}`));
    const page = sql.filter((q) => new RegExp(`from ${t('projets')} as ${n('t0')}`, 'i').test(q) && !/count\(/i.test(q));
    expect(page).toHaveLength(1);
    const parLiens = new RegExp(`${n('t0')}\\.${n('id')} in \\(select ${n('projet_id')} from ${t('projets_thematique_lnk')} where ${n('thematique_id')} in \\(`, 'i');
    expect(page[0]).toMatch(parLiens);
    expect(page[0]).not.toMatch(/join|distinct/i);
    expect(sql.filter((q) => /^(begin|commit)/i.test(q.trim()))).toEqual([]);
  });

  it('lit les identifiants d’une page filtrée par une relation à un élément que NULL satisfait sans DISTINCT, dans l’ordre demandé et jusqu’à la fin de la page, sans transaction', async () => {
    const { resultat, sql } = await requetesSql(() => liste(1, {}, 3, PAR_PREMIER_NIVEAU));
    expect(resultat.status).toBe(200);
    expect(resultat.body.meta.pagination.total).toBe(8);
    const projets = sql.filter((q) => new RegExp(`from ${t('projets')} as ${n('t0')}`, 'i').test(q));
    expect(projets.some((q) => /distinct/i.test(q) && !/count\(/i.test(q))).toBe(false);
    const idsDAbord = new RegExp(`^select ${n('t0')}\\.${n('nom')}, ${n('t0')}\\.${n('id')} as ${n('id')} from ${t('projets')} .* order by .* limit`, 'i');
    expect(projets.filter((q) => idsDAbord.test(q))).toHaveLength(1);
    // Then the page's rows by those ids, without join.
    expect(projets.filter((q) => new RegExp(`^select .* where \\(${n('t0')}\\.${n('id')} in \\((\\?|\\$\\d+)`, 'i').test(q) && !/join/i.test(q))).toHaveLength(1);
    expect(sql.filter((q) => /^(begin|commit)/i.test(q.trim()))).toEqual([]);
  });

  it('lit par un DISTINCT sur les seules clés de tri quand le filtre passe par une relation à plusieurs éléments', async () => {
    const { resultat, sql } = await requetesSql(() =>
      api()
        .get('/api/projets')
        .query({ 'filters[nom][$startsWith]': NOM, 'filters[publics][slug][$notNull]': true, sort: 'nom:asc', 'pagination[pageSize]': 3, 'fields[0]': 'nom', 'fields[1]': 'resume' }),
    );
    expect(resultat.status).toBe(200);
    const projets = sql.filter((q) => new RegExp(`from ${t('projets')} as ${n('t0')}`, 'i').test(q));
    expect(projets.some((q) => new RegExp(`^select distinct ${n('t0')}\\.\\*`, 'i').test(q))).toBe(false);
    const idsDAbord = new RegExp(`${n('t0')}\\.${n('id')} in \\(select ${n('id')} from \\(select distinct ${n('t0')}\\.${n('nom')}, ${n('t0')}\\.${n('id')} as ${n('id')} from ${t('projets')}`, 'i');
    expect(projets.filter((q) => idsDAbord.test(q))).toHaveLength(1);
  });

  it('une relation à un élément qui tient deux liens : ni doublon ni trou, par la table de liens comme par le DISTINCT', async () => {
    // Projet « A » linked a second time, to the other thématique the filter accepts (a damaged link table).
    const [projet] = await executerSql('select id from projets where nom = ? and published_at is not null', [`${NOM} A`]);
    const [mobilites] = await executerSql('select id from thematiques where slug = ? and published_at is not null', ['mobilites']);
    expect(projet).toBeDefined();
    expect(mobilites).toBeDefined();
    const PAR_SLUGS = { 'filters[thematique][slug][$in][0]': SLUG, 'filters[thematique][slug][$in][1]': 'mobilites' };
    const page = (numeroPage: number, filtre: Record<string, string>) =>
      api()
        .get('/api/projets')
        .query({
          'filters[nom][$startsWith]': NOM,
          ...filtre,
          sort: 'nom:asc',
          'pagination[page]': numeroPage,
          'pagination[pageSize]': 3,
          'fields[0]': 'nom',
          [`fields[${++numero}]`]: 'slug',
        });
    await executerSql('insert into projets_thematique_lnk (projet_id, thematique_id) values (?, ?)', [projet.id, mobilites.id]);
    try {
      // By the link table (IN does not repeat a row), and joined (the repeated link seen: DISTINCT).
      for (const [filtre, distinct] of [[PAR_SLUGS, false], [PAR_PREMIER_NIVEAU, true]] as const) {
        const noms: string[] = [];
        for (const numeroPage of [1, 2, 3]) {
          const { resultat, sql } = await requetesSql(() => page(numeroPage, filtre));
          noms.push(...resultat.body.data.map((p: { nom: string }) => p.nom));
          expect([filtre, sql.some((q) => /select distinct/i.test(q) && !/count\(/i.test(q))]).toEqual([filtre, distinct]);
        }
        expect(noms).toEqual(['A', 'Autre', 'B', 'B', 'B', 'C', 'D', 'E'].map((suffixe) => `${NOM} ${suffixe}`));
      }
    } finally {
      await executerSql('delete from projets_thematique_lnk where projet_id = ? and thematique_id = ?', [projet.id, mobilites.id]);
    }
  });

  it('ordonne les ex aequo par id, sans doublon ni trou d’une page à l’autre, pour chaque appelant', async () => {
    for (const appelant of Object.values(APPELANTS)) {
      const pages = [];
      for (const page of [1, 2, 3]) pages.push(...nomsDe((await liste(page, appelant())).body));
      const attendu = [...ids].map((id, i) => `${NOM} ${['A', 'B', 'B', 'B', 'C', 'D', 'E'][i]}#${id}`);
      expect(pages).toEqual(attendu);
    }
  });

  it('compte une fois par génération du contenu : la page suivante ne recompte pas, une écriture si', async () => {
    await liste(1, {}, 2);
    const suivante = await requetesSql(() => liste(2, {}, 2));
    expect(suivante.resultat.body.meta.pagination.total).toBe(7);
    expect(suivante.sql.filter((q) => /count\(/i.test(q))).toEqual([]);

    ids.push(await creerPublie(`${NOM} F`));
    const apresEcriture = await requetesSql(() => liste(1, {}, 2));
    expect(apresEcriture.resultat.body.meta.pagination.total).toBe(8);
    expect(apresEcriture.sql.some((q) => /count\(/i.test(q))).toBe(true);
  });

  it('sert la même liste en GraphQL, dans le même ordre', async () => {
    const reponse = await graphql(
      `query ($nom: String!) { projets(filters: { nom: { startsWith: $nom }, thematique: { slug: { eq: "${SLUG}" } } }, sort: "nom:asc", pagination: { page: 1, pageSize: 4 }) { nom thematique { slug } } }`,
      { nom: NOM },
    );
    expect(reponse.body.errors).toBeUndefined();
    expect(reponse.body.data.projets.map((p: { nom: string }) => p.nom)).toEqual(['A', 'B', 'B', 'B'].map((s) => `${NOM} ${s}`));
    expect(reponse.body.data.projets.every((p: { thematique: { slug: string } }) => p.thematique.slug === SLUG)).toBe(true);
  });
});
