/**
 * The SQL of the similar projets: the index of the published projets' taxonomy entries, the texts of
 * the projets compared, and the fields of the projets returned. Only published rows are read; table
 * and column names come from Strapi's metadata.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { indexer, type Entrees, type Index, type Termes } from '../domaine/similarite';
import { UID } from '../domaine/regles-metier';
import { LOCALE_PAR_DEFAUT } from '../domaine/locales';
import { colonne, lien, table } from '../documents/tables';

/** Characters of the description compared when a projet has no summary. */
const EXTRAIT_DESCRIPTION = 600;

/** What a projet's text adds to the comparison: name, summary, else the start of the description. */
export interface Texte {
  id: number;
  nom: string;
  resume: string | null;
  extrait: string | null;
}

/** What the answer shows of a projet. */
export interface Fiche {
  id: number;
  slug: string | null;
  nom: string;
  resume: string | null;
  collectiviteNom: string | null;
  collectiviteSlug: string | null;
}

export interface IndexLibelle extends Index {
  /** Label of every taxonomy entry by documentId, in the default locale. */
  libelles: ReadonlyMap<string, string>;
  /** Stems of name + summary by projet, filled as projets are met; null: no longer published. */
  termes: Map<number, Termes | null>;
}

const RELATIONS = [
  { attribut: 'sousThematiques', cible: UID.thematique },
  { attribut: 'publics', cible: UID.publicCible },
  { attribut: 'thematique', cible: UID.thematique },
  { attribut: 'techniquesIa', cible: UID.techniqueIa },
] as const;

/** The taxonomy entries of every published projet and the labels of the entries; no text yet. */
export async function construireIndex(strapi: Core.Strapi): Promise<IndexLibelle> {
  const knex: Knex = strapi.db.connection;
  const publie = `p.${colonne(strapi, UID.projet, 'publishedAt')}`;
  const lc = lien(strapi, UID.projet, 'collectivite');
  const projets = knex({ p: table(strapi, UID.projet) })
    .leftJoin({ lc: lc.table }, `lc.${lc.source}`, 'p.id')
    .whereNotNull(publie)
    .select({ id: 'p.id', documentId: `p.${colonne(strapi, UID.projet, 'documentId')}`, collectivite: `lc.${lc.cible}` });
  const relations = RELATIONS.map(({ attribut, cible }) => {
    const l = lien(strapi, UID.projet, attribut);
    return knex({ l: l.table })
      .join({ p: table(strapi, UID.projet) }, 'p.id', `l.${l.source}`)
      .join({ t: table(strapi, cible) }, 't.id', `l.${l.cible}`)
      .whereNotNull(publie)
      .select({ projet: `l.${l.source}`, documentId: `t.${colonne(strapi, cible, 'documentId')}` });
  });
  const libelles = [UID.thematique, UID.publicCible, UID.techniqueIa].map((uid) =>
    knex(table(strapi, uid))
      .where(colonne(strapi, uid, 'locale'), LOCALE_PAR_DEFAUT)
      .select({ documentId: colonne(strapi, uid, 'documentId'), nom: colonne(strapi, uid, 'nom') }),
  );
  const [lignes, ...autres] = await Promise.all([projets, ...relations, ...libelles]);
  const parRelation = autres.slice(0, RELATIONS.length) as Array<Array<{ projet: number; documentId: string }>>;
  const entrees = new Map<number, Entrees & Record<'sousThematiques' | 'publics' | 'techniques', string[]>>();
  for (const l of lignes as Array<{ id: number; documentId: string; collectivite: number | null }>) {
    const id = Number(l.id);
    entrees.set(id, { id, documentId: l.documentId, collectivite: l.collectivite === null ? null : Number(l.collectivite), sousThematiques: [], publics: [], thematique: null, techniques: [] });
  }
  RELATIONS.forEach(({ attribut }, i) => {
    for (const { projet, documentId } of parRelation[i]) {
      const e = entrees.get(Number(projet));
      if (!e) continue;
      if (attribut === 'thematique') e.thematique = documentId;
      else {
        const liste = attribut === 'techniquesIa' ? e.techniques : e[attribut];
        if (!liste.includes(documentId)) liste.push(documentId);
      }
    }
  });
  const noms = autres.slice(RELATIONS.length).flat() as Array<{ documentId: string; nom: string }>;
  return { ...indexer([...entrees.values()]), libelles: new Map(noms.map((n) => [n.documentId, n.nom])), termes: new Map() };
}

// A projet unpublished between the read of the generation and these queries is left out.
const publies = (strapi: Core.Strapi, ids: readonly number[]) =>
  strapi.db
    .connection({ p: table(strapi, UID.projet) })
    .whereIn('p.id', ids)
    .whereNotNull(`p.${colonne(strapi, UID.projet, 'publishedAt')}`);

/** Name, summary and start of the description of these published projets. */
export async function lireTextes(strapi: Core.Strapi, ids: readonly number[]): Promise<Texte[]> {
  const p = (attribut: string) => `p.${colonne(strapi, UID.projet, attribut)}`;
  const lignes: Texte[] = await publies(strapi, ids).select(
    { id: 'p.id', nom: p('nom'), resume: p('resume') },
    strapi.db.connection.raw('substr(??, 1, ?) as ??', [p('description'), EXTRAIT_DESCRIPTION, 'extrait']),
  );
  return lignes;
}

/** What the answer shows of these published projets, with their collectivité. */
export async function lireFiches(strapi: Core.Strapi, ids: readonly number[]): Promise<Map<number, Fiche>> {
  const p = (attribut: string) => `p.${colonne(strapi, UID.projet, attribut)}`;
  const c = (attribut: string) => `c.${colonne(strapi, UID.collectivite, attribut)}`;
  const lc = lien(strapi, UID.projet, 'collectivite');
  const lignes: Fiche[] = await publies(strapi, ids)
    .leftJoin({ lc: lc.table }, `lc.${lc.source}`, 'p.id')
    .leftJoin({ c: table(strapi, UID.collectivite) }, 'c.id', `lc.${lc.cible}`)
    .select({ id: 'p.id', slug: p('slug'), nom: p('nom'), resume: p('resume'), collectiviteNom: c('nom'), collectiviteSlug: c('slug') });
  return new Map(lignes.map((l) => [Number(l.id), l]));
}
