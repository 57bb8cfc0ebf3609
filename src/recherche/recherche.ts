/**
 * The search itself: matching projets, page, and facet counts, in SQL on the index tables, the same
 * statements on both databases except the text match (PostgreSQL tsvector and ts_rank_cd, SQLite
 * FTS5 and bm25). Facets are disjunctive: the count of a value is the total the list would have with
 * that value added to the filters of its dimension, the filters of the other dimensions kept.
 * Every value typed by the caller is a bound parameter.
 */
import type { Core } from '@strapi/strapi';
import { DIMENSIONS, DIMENSIONS_RESTREINTES, type Dimension, type ParametresRecherche } from '../domaine/recherche/parametres';
import { extrait } from '../domaine/recherche/extrait';
import { CacheParGeneration } from '../domaine/cache-generation';
import { lireGeneration } from '../documents/generation';
import { CONFIGURATION_PG, TABLE, TABLE_FTS, TABLE_VALEURS, estPostgres } from './index-recherche';

export interface ValeurFacette {
  valeur: string;
  libelle: string;
  nombre: number;
}

export interface ProjetTrouve {
  documentId: string;
  slug: string;
  nom: string;
  resume: string | null;
  statut: string | null;
  collectivite: { nom: string; slug: string | null; type: string | null } | null;
  thematique: { nom: string; slug: string | null } | null;
  score: number | null;
  extrait: string | null;
}

export interface ResultatRecherche {
  data: ProjetTrouve[];
  meta: {
    pagination: { page: number; pageSize: number; pageCount: number; total: number };
    facettes: Partial<Record<Dimension, ValeurFacette[]>>;
  };
}

interface Fragment {
  sql: string;
  valeurs: unknown[];
}

const marques = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Columns searched by anonymous callers in the FTS5 table (the `restreint` column is left out). */
const COLONNES_PUBLIQUES_FTS = '{nom resume description contexte}';
/** bm25 weights of the FTS5 columns (document_id, nom, resume, description, contexte, restreint). */
const POIDS_FTS = '0, 10.0, 4.0, 2.0, 1.0, 1.0';

class Requeteur {
  private readonly postgres: boolean;

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly p: ParametresRecherche,
    private readonly membre: boolean,
  ) {
    this.postgres = estPostgres(strapi);
  }

  /** The query as PostgreSQL reads it (it stems it itself) or as FTS5 matches it (stems quoted, all required). */
  private requeteTexte(): string {
    if (this.postgres) return this.p.termes.join(' ');
    const expression = this.p.racines.map((r) => `"${r}"`).join(' AND ');
    return this.membre ? expression : `${COLONNES_PUBLIQUES_FTS} : (${expression})`;
  }

  private get vecteur(): string {
    return this.membre ? 'r.vecteur_membre' : 'r.vecteur_public';
  }

  private conditionTexte(): Fragment | null {
    if (this.p.q === null) return null;
    if (this.postgres) return { sql: `${this.vecteur} @@ plainto_tsquery('${CONFIGURATION_PG}', ?)`, valeurs: [this.requeteTexte()] };
    return { sql: `r.document_id IN (SELECT document_id FROM ${TABLE_FTS} WHERE ${TABLE_FTS} MATCH ?)`, valeurs: [this.requeteTexte()] };
  }

  /** Text match and filters, the filter of `sauf` left out (facet of that dimension). */
  condition(sauf?: Dimension): Fragment {
    const parties: Fragment[] = [];
    const texte = this.conditionTexte();
    if (texte) parties.push(texte);
    for (const [dimension, valeurs] of Object.entries(this.p.filtres) as Array<[Dimension, string[]]>) {
      if (dimension === sauf) continue;
      parties.push({
        sql: `r.document_id IN (SELECT document_id FROM ${TABLE_VALEURS} WHERE dimension = ? AND valeur IN (${marques(valeurs.length)}))`,
        valeurs: [dimension, ...valeurs],
      });
    }
    if (parties.length === 0) return { sql: '1 = 1', valeurs: [] };
    return { sql: parties.map((f) => `(${f.sql})`).join(' AND '), valeurs: parties.flatMap((f) => f.valeurs) };
  }

  async lignes(sql: string, valeurs: unknown[]): Promise<Array<Record<string, any>>> {
    const resultat = await this.strapi.db.connection.raw(sql, valeurs as any[]);
    return this.postgres ? resultat.rows : resultat;
  }

  async total(): Promise<number> {
    const c = this.condition();
    const [ligne] = await this.lignes(`SELECT COUNT(*) AS total FROM ${TABLE} r WHERE ${c.sql}`, c.valeurs);
    return Number(ligne.total);
  }

  // The total is counted apart: a window function over the page's query would rank and sort every match in full.
  async page(): Promise<Array<Record<string, any>>> {
    const c = this.condition();
    const limite = [this.p.pageSize, (this.p.page - 1) * this.p.pageSize];
    const colonnes =
      'r.document_id, r.slug, r.nom, r.resume, r.description, r.statut, r.collectivite_nom, r.collectivite_slug, r.collectivite_type, r.thematique_nom, r.thematique_slug';
    if (this.p.q === null) {
      return this.lignes(`SELECT ${colonnes}, NULL AS score FROM ${TABLE} r WHERE ${c.sql} ORDER BY r.nom_tri, r.document_id LIMIT ? OFFSET ?`, [...c.valeurs, ...limite]);
    }
    if (this.postgres) {
      return this.lignes(
        `SELECT ${colonnes}, ts_rank_cd(${this.vecteur}, plainto_tsquery('${CONFIGURATION_PG}', ?)) AS score
         FROM ${TABLE} r WHERE ${c.sql} ORDER BY score DESC, r.nom_tri, r.document_id LIMIT ? OFFSET ?`,
        [this.requeteTexte(), ...c.valeurs, ...limite],
      );
    }
    // bm25 needs the FTS5 table in the FROM clause; the condition's own FTS5 sub-query keeps one shape for both databases.
    return this.lignes(
      `SELECT ${colonnes}, -bm25(${TABLE_FTS}, ${POIDS_FTS}) AS score
       FROM ${TABLE_FTS} JOIN ${TABLE} r ON r.document_id = ${TABLE_FTS}.document_id
       WHERE ${TABLE_FTS} MATCH ? AND ${c.sql} ORDER BY score DESC, r.nom_tri, r.document_id LIMIT ? OFFSET ?`,
      [this.requeteTexte(), ...c.valeurs, ...limite],
    );
  }

  async facettes(): Promise<Partial<Record<Dimension, ValeurFacette[]>>> {
    const visibles = DIMENSIONS.filter((d) => this.membre || !DIMENSIONS_RESTREINTES.has(d));
    const filtrees = visibles.filter((d) => this.p.filtres[d]);
    const libres = visibles.filter((d) => !this.p.filtres[d]);
    const selection = `SELECT v.dimension, v.valeur, MIN(v.libelle) AS libelle, COUNT(*) AS nombre
      FROM ${TABLE_VALEURS} v JOIN ${TABLE} r ON r.document_id = v.document_id`;
    const parties: Fragment[] = [];
    if (libres.length > 0) {
      const c = this.condition();
      parties.push({ sql: `${selection} WHERE v.dimension IN (${marques(libres.length)}) AND ${c.sql} GROUP BY v.dimension, v.valeur`, valeurs: [...libres, ...c.valeurs] });
    }
    for (const dimension of filtrees) {
      const c = this.condition(dimension);
      parties.push({ sql: `${selection} WHERE v.dimension = ? AND ${c.sql} GROUP BY v.dimension, v.valeur`, valeurs: [dimension, ...c.valeurs] });
    }
    const lignes = await this.lignes(parties.map((f) => f.sql).join(' UNION ALL '), parties.flatMap((f) => f.valeurs));
    const facettes: Partial<Record<Dimension, ValeurFacette[]>> = Object.fromEntries(visibles.map((d) => [d, []]));
    for (const l of lignes) facettes[l.dimension as Dimension]?.push({ valeur: l.valeur, libelle: l.libelle, nombre: Number(l.nombre) });
    for (const valeurs of Object.values(facettes)) {
      valeurs.sort((a, b) => b.nombre - a.nombre || a.libelle.localeCompare(b.libelle, 'fr'));
    }
    return facettes;
  }
}

function vide(p: ParametresRecherche, membre: boolean): ResultatRecherche {
  const facettes = Object.fromEntries(DIMENSIONS.filter((d) => membre || !DIMENSIONS_RESTREINTES.has(d)).map((d) => [d, []]));
  return { data: [], meta: { pagination: { page: p.page, pageSize: p.pageSize, pageCount: 0, total: 0 }, facettes } };
}

async function calculer(strapi: Core.Strapi, p: ParametresRecherche, membre: boolean): Promise<ResultatRecherche> {
  // A query made only of stop words or operators matches nothing.
  if (p.q !== null && p.termes.length === 0) return vide(p, membre);
  const requeteur = new Requeteur(strapi, p, membre);
  const [total, lignes, facettes] = await Promise.all([requeteur.total(), requeteur.page(), requeteur.facettes()]);
  return {
    data: lignes.map((l) => ({
      documentId: l.document_id,
      slug: l.slug,
      nom: l.nom,
      resume: l.resume ?? null,
      statut: l.statut ?? null,
      collectivite: l.collectivite_nom ? { nom: l.collectivite_nom, slug: l.collectivite_slug ?? null, type: l.collectivite_type ?? null } : null,
      thematique: l.thematique_nom ? { nom: l.thematique_nom, slug: l.thematique_slug ?? null } : null,
      score: l.score === null || l.score === undefined ? null : Math.round(Number(l.score) * 10_000) / 10_000,
      extrait: p.q === null ? null : extrait([l.resume, l.description, l.nom], p.racines),
    })),
    meta: {
      pagination: { page: p.page, pageSize: p.pageSize, pageCount: Math.ceil(total / p.pageSize), total },
      facettes,
    },
  };
}

const cache = new CacheParGeneration<ResultatRecherche>(500);

/**
 * Runs a search read by `lireParametres`; `membre` searches and counts Restreint data too. Served
 * from memory while the content has not changed (see `CacheParGeneration`): a site's most frequent
 * searches and listings cost one read of the generation.
 */
export async function rechercher(strapi: Core.Strapi, p: ParametresRecherche, membre: boolean): Promise<ResultatRecherche> {
  const cle = JSON.stringify([membre, p.termes, p.q === null, p.filtres, p.page, p.pageSize]);
  return cache.obtenir(cle, await lireGeneration(strapi), () => calculer(strapi, p, membre));
}
