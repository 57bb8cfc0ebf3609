/**
 * Raw baseline: the public list of projets (two filters, collectivité and thématique populated, one
 * page) answered by plain Node `http` and `pg` with one hand-written query, same JSON as Strapi. What
 * the bench compares our list with: the cost of the query and the wire, without any framework.
 */
import http from 'http';
import { Pool, types } from 'pg';
import { parametresPostgres } from '../scripts/services-locaux';

// Dates stay 'YYYY-MM-DD' strings, as Strapi returns them.
types.setTypeParser(1082, (v: string) => v);

const PROJET = [
  ['id', 'id'], ['documentId', 'document_id'], ['nom', 'nom'], ['slug', 'slug'], ['resume', 'resume'], ['description', 'description'],
  ['statut', 'statut'], ['motifAbandon', 'motif_abandon'], ['dateDemarrage', 'date_demarrage'], ['lienInformation', 'lien_information'],
  ['createdAt', 'created_at'], ['updatedAt', 'updated_at'], ['publishedAt', 'published_at'],
] as const;
const COLLECTIVITE = [
  ['id', 'id'], ['documentId', 'document_id'], ['nom', 'nom'], ['slug', 'slug'], ['type', 'type'], ['sousType', 'sous_type'], ['siren', 'siren'],
  ['siret', 'siret'], ['codeInsee', 'code_insee'], ['codeDepartement', 'code_departement'], ['codeRegion', 'code_region'],
  ['population', 'population'], ['latitude', 'latitude'], ['longitude', 'longitude'], ['logoUrl', 'logo_url'], ['siteWeb', 'site_web'],
  ['description', 'description'], ['createdAt', 'created_at'], ['updatedAt', 'updated_at'], ['publishedAt', 'published_at'],
] as const;
const THEMATIQUE = [
  ['id', 'id'], ['documentId', 'document_id'], ['nom', 'nom'], ['slug', 'slug'], ['description', 'description'], ['ordre', 'ordre'],
  ['createdAt', 'created_at'], ['updatedAt', 'updated_at'], ['publishedAt', 'published_at'], ['locale', 'locale'],
] as const;

type Colonnes = ReadonlyArray<readonly [string, string]>;
const selection = (alias: string, colonnes: Colonnes) => colonnes.map(([, c]) => `${alias}.${c} AS ${alias}_${c}`).join(', ');
const objet = (ligne: Record<string, unknown>, alias: string, colonnes: Colonnes) =>
  ligne[`${alias}_id`] === null ? null : Object.fromEntries(colonnes.map(([cle, c]) => [cle, ligne[`${alias}_${c}`]]));

const REQUETE = `
SELECT ${selection('p', PROJET)}, ${selection('c', COLLECTIVITE)}, ${selection('t', THEMATIQUE)}, count(*) OVER () AS total
FROM projets p
JOIN projets_thematique_lnk pt ON pt.projet_id = p.id
JOIN thematiques t ON t.id = pt.thematique_id
LEFT JOIN projets_collectivite_lnk pc ON pc.projet_id = p.id
LEFT JOIN collectivites c ON c.id = pc.collectivite_id
WHERE p.published_at IS NOT NULL AND p.statut = $1 AND t.slug = $2
ORDER BY p.nom ASC
LIMIT $3 OFFSET $4`;

const pool = new Pool({ ...parametresPostgres(process.env.DATABASE_NAME), max: 10 });

const serveur = http.createServer((requete, reponse) => {
  const url = new URL(requete.url ?? '/', 'http://local');
  if (url.pathname === '/_health') {
    reponse.writeHead(204).end();
    return;
  }
  if (url.pathname !== '/api/projets') {
    reponse.writeHead(404).end();
    return;
  }
  const q = url.searchParams;
  const page = Number(q.get('pagination[page]') ?? 1);
  const taille = Number(q.get('pagination[pageSize]') ?? 25);
  pool
    .query(REQUETE, [q.get('filters[statut][$eq]'), q.get('filters[thematique][slug][$eq]'), taille, (page - 1) * taille])
    .then(({ rows }) => {
      const total = rows.length ? Number(rows[0].total) : 0;
      const data = rows.map((l) => ({ ...objet(l, 'p', PROJET), collectivite: objet(l, 'c', COLLECTIVITE), thematique: objet(l, 't', THEMATIQUE) }));
      reponse.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      reponse.end(JSON.stringify({ data, meta: { pagination: { page, pageSize: taille, pageCount: Math.ceil(total / taille), total } } }));
    })
    .catch((erreur: Error) => {
      reponse.writeHead(500).end(erreur.message);
    });
});

serveur.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.once('SIGTERM', () => serveur.close(() => void pool.end().then(() => process.exit(0))));
