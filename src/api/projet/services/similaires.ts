/**
 * Similar projets. The taxonomy entries of the published projets (a few integers and documentIds
 * each) are kept in memory as an index, rebuilt after a write that may change them (same
 * invalidation and safety delay as the statistics); the stems of their text are added to it the first
 * time a projet is a source or a candidate. A request then reads in SQL only the texts not yet seen
 * and the fields of the projets it returns, and ranks with `domaine/similarite.ts`.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { CacheParGeneration } from '../../../domaine/cache-generation';
import { lireGeneration } from '../../../documents/generation';
import { candidats, classer, indexer, termes, type Entrees, type Index, type Termes } from '../../../domaine/similarite';
import { UID } from '../../../domaine/regles-metier';
import { LOCALE_PAR_DEFAUT } from '../../../bootstrap/locales';
import { colonne, lien, table } from '../../../api-contenu/tables';

export const MAX_CANDIDATS = 200;
/** Characters of the description compared when a projet has no summary. */
const EXTRAIT_DESCRIPTION = 600;

export interface ProjetSimilaire {
  documentId: string;
  slug: string | null;
  nom: string;
  resume: string | null;
  collectivite: { nom: string; slug: string | null } | null;
  score: number;
  raisons: string[];
}

export interface ServiceSimilaires {
  /** null when the projet is unknown or not published. */
  similaires(documentId: string, limite: number, membre: boolean): Promise<ProjetSimilaire[] | null>;
}

interface Fiche {
  id: number;
  slug: string | null;
  nom: string;
  resume: string | null;
  collectiviteNom: string | null;
  collectiviteSlug: string | null;
}

interface IndexLibelle extends Index {
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

async function construireIndex(strapi: Core.Strapi): Promise<IndexLibelle> {
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

export default ({ strapi }: { strapi: Core.Strapi }): ServiceSimilaires => {
  // Rebuilt at the first call after a write, whichever process wrote (generation of the content).
  const cache = new CacheParGeneration<IndexLibelle>(1);

  const knex = (): Knex => strapi.db.connection;
  const col = (uid: string, attribut: string) => colonne(strapi, uid, attribut);
  // A projet unpublished between the read of the generation and this query is left out.
  const publies = (ids: readonly number[]) =>
    knex()({ p: table(strapi, UID.projet) })
      .whereIn('p.id', ids)
      .whereNotNull(`p.${col(UID.projet, 'publishedAt')}`);

  /** Adds to the index the stems of the projets not met yet. */
  async function completerTermes(index: IndexLibelle, ids: readonly number[]): Promise<void> {
    const manquants = ids.filter((id) => !index.termes.has(id));
    if (manquants.length === 0) return;
    const lignes: Array<{ id: number; nom: string; resume: string | null; extrait: string | null }> = await publies(manquants).select(
      { id: 'p.id', nom: `p.${col(UID.projet, 'nom')}`, resume: `p.${col(UID.projet, 'resume')}` },
      knex().raw('substr(??, 1, ?) as ??', [`p.${col(UID.projet, 'description')}`, EXTRAIT_DESCRIPTION, 'extrait']),
    );
    for (const id of manquants) index.termes.set(id, null);
    for (const l of lignes) index.termes.set(Number(l.id), termes(`${l.nom} ${l.resume || l.extrait || ''}`));
  }

  /** What the answer shows of these published projets, with their collectivité. */
  async function fiches(ids: readonly number[]): Promise<Map<number, Fiche>> {
    const lc = lien(strapi, UID.projet, 'collectivite');
    const lignes: Fiche[] = await publies(ids)
      .leftJoin({ lc: lc.table }, `lc.${lc.source}`, 'p.id')
      .leftJoin({ c: table(strapi, UID.collectivite) }, 'c.id', `lc.${lc.cible}`)
      .select({
        id: 'p.id',
        slug: `p.${col(UID.projet, 'slug')}`,
        nom: `p.${col(UID.projet, 'nom')}`,
        resume: `p.${col(UID.projet, 'resume')}`,
        collectiviteNom: `c.${col(UID.collectivite, 'nom')}`,
        collectiviteSlug: `c.${col(UID.collectivite, 'slug')}`,
      });
    return new Map(lignes.map((l) => [Number(l.id), l]));
  }

  return {
    async similaires(documentId, limite, membre) {
      const index = await cache.obtenir('index', await lireGeneration(strapi), () => construireIndex(strapi));
      const idSource = index.parDocumentId.get(documentId);
      const source = idSource === undefined ? undefined : index.projets.get(idSource);
      if (!source) return null;
      const ids = candidats(index, source, membre, MAX_CANDIDATS);
      await completerTermes(index, [source.id, ...ids]);
      const termesSource = index.termes.get(source.id);
      if (!termesSource) return null;
      const profil = (e: Entrees, t: Termes) => ({ ...e, techniques: membre ? e.techniques : [], termes: t });
      const profils = ids.flatMap((id) => {
        const e = index.projets.get(id);
        const t = index.termes.get(id);
        return e && t ? [profil(e, t)] : [];
      });
      const suggestions = classer(profil(source, termesSource), profils, index.libelles, limite, membre);
      const parId = await fiches(suggestions.map((s) => s.id));
      return suggestions.flatMap(({ id, score, raisons }) => {
        const f = parId.get(id);
        if (!f) return [];
        return [
          {
            documentId: (index.projets.get(id) as Entrees).documentId,
            slug: f.slug,
            nom: f.nom,
            resume: f.resume,
            collectivite: f.collectiviteNom === null ? null : { nom: f.collectiviteNom, slug: f.collectiviteSlug },
            score,
            raisons,
          },
        ];
      });
    },
  };
};
