/**
 * Raw baselines: plain Node `http` and `pg`, SQL written by hand in the ideal shape, answering the
 * same JSON as the CMS for three scenarios: the REST list (CHEMIN_LISTE), the REST detail
 * (`/api/projets/:documentId?populate=*`, what an anonymous caller sees) and the GraphQL list
 * (REQUETE_GRAPHQL). What the bench divides the CMS's figures by: the cost of the queries and the
 * wire, without any framework. Table and column names come from the CMS's metadata (`--schema
 * fichier`, written by serveur-strapi.ts), not from this file.
 *
 * The list: the thématique's ids by slug, then the page's ids (semi-join on the link table, `ORDER BY
 * nom, id LIMIT`, which an index on `(statut, nom, id)` serves without reading the other rows), then
 * the page's rows, then each relation in one query, then the count (kept, as the CMS keeps its own).
 */
import fs from 'fs';
import http from 'http';
import { Pool, types, type PoolClient } from 'pg';
import { parametresPostgres } from '../scripts/services-locaux';
import { CHAMPS_GRAPHQL, REQUETE_GRAPHQL, STATUT, TAILLE_PAGE, THEME } from './requetes';
import { UID_PROJET, type LienSql, type ModeleSql, type SchemaSql } from './schema-sql';

// Dates stay 'YYYY-MM-DD' strings and counts numbers, as Strapi returns them.
types.setTypeParser(1082, (v: string) => v);
types.setTypeParser(20, (v: string) => Number(v));

const argument = process.argv.indexOf('--schema');
if (argument < 0) throw new Error('serveur-brut : --schema fichier attendu');
const schema = JSON.parse(fs.readFileSync(process.argv[argument + 1], 'utf8')) as SchemaSql;
const projet = schema.modeles[UID_PROJET];
const lienDe = (attribut: string): LienSql => {
  const lien = schema.liens.find((l) => l.attribut === attribut);
  if (!lien) throw new Error(`projet.${attribut} : relation absente du schéma`);
  return lien;
};

const q = (nom: string) => `"${nom.replace(/"/g, '""')}"`;
/** The public columns of a model, aliased to their JSON keys (rows come out in Strapi's key order). */
const selection = (alias: string, modele: ModeleSql) => modele.colonnes.map(([cle, colonne]) => `${alias}.${q(colonne)} AS ${q(cle)}`).join(', ');

/**
 * Ids of the published projets of `statut` under the thématiques `$2` (their ids, looked up first by
 * slug: joined in the same query, the thématique hides from the planner how skewed its links are, and
 * it joins every link and sorts instead of walking the `(statut, nom, id)` index), one page, by name then id.
 */
const thematique = lienDe('thematique');
const IDS_THEMATIQUE = `SELECT id FROM ${q(schema.modeles[thematique.cible].table)} WHERE slug = $1`;
const FILTRE_LISTE = `p.published_at IS NOT NULL AND p.statut = $1 AND p.id IN (
  SELECT l.${q(thematique.source)} FROM ${q(thematique.table)} l WHERE l.${q(thematique.colonneCible)} = ANY($2))`;
const IDS_LISTE = `SELECT p.id FROM ${q(projet.table)} p WHERE ${FILTRE_LISTE} ORDER BY p.nom, p.id LIMIT $3 OFFSET $4`;
const COMPTE_LISTE = `SELECT count(*) AS total FROM ${q(projet.table)} p WHERE ${FILTRE_LISTE}`;
const LIGNES = `SELECT ${selection('p', projet)} FROM ${q(projet.table)} p WHERE p.id = ANY($1)`;
const DETAIL = `SELECT ${selection('p', projet)} FROM ${q(projet.table)} p WHERE p.document_id = $1 AND p.published_at IS NOT NULL LIMIT 1`;

/** One query per relation: its targets for every source row, published ones of draft & publish types. */
const requetesLiens = new Map(
  schema.liens.map((lien) => {
    const cible = schema.modeles[lien.cible];
    const conditions = lien.conditions.map(([colonne], i) => ` AND l.${q(colonne)} = $${i + 2}`).join('');
    const sql = `SELECT l.${q(lien.source)} AS "__source", ${selection('t', cible)}
      FROM ${q(lien.table)} l JOIN ${q(cible.table)} t ON t.id = l.${q(lien.colonneCible)}
      WHERE l.${q(lien.source)} = ANY($1)${conditions}${cible.brouillons ? ' AND t.published_at IS NOT NULL' : ''}
      ORDER BY l.${q(lien.source)}${lien.ordre ? `, l.${q(lien.ordre)}` : ''}, l.id`;
    return [lien.attribut, { sql, valeurs: lien.conditions.map(([, valeur]) => valeur) }];
  }),
);

type Ligne = Record<string, unknown>;

/** Adds `lien.attribut` to each row: an object or null, or an array for the multiple ones. */
async function peupler(client: PoolClient, lignes: Ligne[], attribut: string): Promise<void> {
  const lien = lienDe(attribut);
  const requete = requetesLiens.get(attribut)!;
  const { rows } = await client.query(requete.sql, [lignes.map((l) => l.id), ...requete.valeurs]);
  const parSource = new Map<unknown, Ligne[]>();
  for (const { __source: source, ...cible } of rows as Ligne[]) {
    const liste = parSource.get(source) ?? [];
    liste.push(cible);
    parSource.set(source, liste);
  }
  for (const ligne of lignes) {
    const cibles = parSource.get(ligne.id) ?? [];
    ligne[attribut] = lien.multiple ? cibles : (cibles[0] ?? null);
  }
}

const idsThematique = async (client: PoolClient): Promise<number[]> => (await client.query(IDS_THEMATIQUE, [THEME])).rows.map((l: { id: number }) => l.id);

async function pageDeListe(client: PoolClient, thematiques: number[], page: number, taille: number, attributs: readonly string[]): Promise<Ligne[]> {
  const ids = (await client.query(IDS_LISTE, [STATUT, thematiques, taille, (page - 1) * taille])).rows.map((l: { id: number }) => l.id);
  if (ids.length === 0) return [];
  const parId = new Map((await client.query(LIGNES, [ids])).rows.map((l: Ligne) => [l.id, l]));
  const lignes = ids.map((id) => parId.get(id)!);
  for (const attribut of attributs) await peupler(client, lignes, attribut);
  return lignes;
}

/**
 * Counts kept per filter, as the CMS keeps them per generation of the content: nothing writes during
 * the bench, so both count once and the ratio compares the same work.
 */
const comptes = new Map<string, Promise<number>>();
function compter(client: PoolClient, thematiques: number[]): Promise<number> {
  const cle = JSON.stringify([STATUT, thematiques]);
  let total = comptes.get(cle);
  if (!total) {
    total = client.query(COMPTE_LISTE, [STATUT, thematiques]).then(({ rows }) => rows[0].total as number);
    comptes.set(cle, total);
    total.catch(() => comptes.delete(cle));
  }
  return total;
}

async function liste(client: PoolClient, recherche: URLSearchParams): Promise<unknown> {
  if (recherche.get('filters[statut][$eq]') !== STATUT || recherche.get('filters[thematique][slug][$eq]') !== THEME) return null;
  const page = Number(recherche.get('pagination[page]') ?? 1);
  const taille = Number(recherche.get('pagination[pageSize]') ?? TAILLE_PAGE);
  const thematiques = await idsThematique(client);
  const data = await pageDeListe(client, thematiques, page, taille, ['collectivite', 'thematique']);
  const total = await compter(client, thematiques);
  return { data, meta: { pagination: { page, pageSize: taille, pageCount: Math.ceil(total / taille), total } } };
}

async function detail(client: PoolClient, documentId: string): Promise<unknown> {
  const { rows } = await client.query(DETAIL, [documentId]);
  if (rows.length === 0) return null;
  for (const lien of schema.liens) await peupler(client, rows, lien.attribut);
  return { data: rows[0], meta: {} };
}

const choisir = (objet: Ligne | null, champs: readonly string[]) => (objet ? Object.fromEntries(champs.map((c) => [c, objet[c]])) : null);

async function graphql(client: PoolClient): Promise<unknown> {
  const lignes = await pageDeListe(client, await idsThematique(client), 1, TAILLE_PAGE, ['collectivite', 'thematique']);
  const projets = lignes.map((l) => ({
    ...choisir(l, CHAMPS_GRAPHQL.projet),
    collectivite: choisir(l.collectivite as Ligne | null, CHAMPS_GRAPHQL.collectivite),
    thematique: choisir(l.thematique as Ligne | null, CHAMPS_GRAPHQL.thematique),
  }));
  return { data: { projets } };
}

async function corps(requete: http.IncomingMessage): Promise<string> {
  let texte = '';
  for await (const morceau of requete) texte += morceau;
  return texte;
}

const pool = new Pool({ ...parametresPostgres(process.env.DATABASE_NAME), max: 10 });
const DETAIL_CHEMIN = /^\/api\/projets\/([^/]+)$/;

async function repondre(requete: http.IncomingMessage): Promise<unknown> {
  const url = new URL(requete.url ?? '/', 'http://local');
  const client = await pool.connect();
  try {
    if (requete.method === 'GET' && url.pathname === '/api/projets') return await liste(client, url.searchParams);
    const document = url.pathname.match(DETAIL_CHEMIN);
    if (requete.method === 'GET' && document && url.searchParams.get('populate') === '*') return await detail(client, document[1]);
    if (requete.method === 'POST' && url.pathname === '/graphql' && (await corps(requete)) === REQUETE_GRAPHQL) return await graphql(client);
    return null;
  } finally {
    client.release();
  }
}

const serveur = http.createServer((requete, reponse) => {
  if (requete.url === '/_health') {
    reponse.writeHead(204).end();
    return;
  }
  repondre(requete)
    .then((resultat) => {
      if (resultat === null) reponse.writeHead(404).end();
      else reponse.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(resultat));
    })
    .catch((erreur: Error) => reponse.writeHead(500).end(erreur.message));
});

serveur.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.once('SIGTERM', () => serveur.close(() => void pool.end().then(() => process.exit(0))));
