/**
 * Similar projets: candidates chosen in SQL (published projets of other collectivités sharing at
 * least a sous-thématique, a public, the thématique or — members only — a technique, the
 * `MAX_CANDIDATS` with the largest weighted overlap), then ranked in JS by `domaine/similarite.ts`.
 * A bounded number of queries, whatever the number of projets.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { classer, type Libelles, type Profil } from '../../../domaine/similarite';
import { UID } from '../../../domaine/regles-metier';
import { LOCALE_PAR_DEFAUT } from '../../../bootstrap/locales';
import { colonne, lien, table } from '../../../api-contenu/tables';

export const MAX_CANDIDATS = 300;
/** Characters of the description read when a projet has no summary. */
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

interface Ligne {
  id: number;
  documentId: string;
  slug: string | null;
  nom: string;
  resume: string | null;
  extrait: string | null;
  collectiviteId: number | null;
  collectiviteNom: string | null;
  collectiviteSlug: string | null;
}

/** The taxonomy relations that make projets close; techniques are Restreint. */
const RELATIONS = [
  { attribut: 'sousThematiques', cible: UID.thematique, poids: 3, restreinte: false },
  { attribut: 'techniquesIa', cible: UID.techniqueIa, poids: 2, restreinte: true },
  { attribut: 'publics', cible: UID.publicCible, poids: 1, restreinte: false },
  { attribut: 'thematique', cible: UID.thematique, poids: 1, restreinte: false },
] as const;
type Attribut = (typeof RELATIONS)[number]['attribut'];

export default ({ strapi }: { strapi: Core.Strapi }): ServiceSimilaires => {
  const knex = (): Knex => strapi.db.connection;
  const P = () => table(strapi, UID.projet);
  const publie = () => `p.${colonne(strapi, UID.projet, 'publishedAt')}`;

  /** Published projets with their collectivité and the text compared. */
  const projets = () => {
    const lc = lien(strapi, UID.projet, 'collectivite');
    const col = (uid: string, attribut: string) => colonne(strapi, uid, attribut);
    return knex()({ p: P() })
      .leftJoin({ lc: lc.table }, `lc.${lc.source}`, 'p.id')
      .leftJoin({ c: table(strapi, UID.collectivite) }, 'c.id', `lc.${lc.cible}`)
      .whereNotNull(publie())
      .select({
        id: 'p.id',
        documentId: `p.${col(UID.projet, 'documentId')}`,
        slug: `p.${col(UID.projet, 'slug')}`,
        nom: `p.${col(UID.projet, 'nom')}`,
        resume: `p.${col(UID.projet, 'resume')}`,
        collectiviteId: 'c.id',
        collectiviteNom: `c.${col(UID.collectivite, 'nom')}`,
        collectiviteSlug: `c.${col(UID.collectivite, 'slug')}`,
      })
      .select(knex().raw('substr(??, 1, ?) as ??', [`p.${col(UID.projet, 'description')}`, EXTRAIT_DESCRIPTION, 'extrait']));
  };

  /** documentIds of the related entries of each projet, for one relation. */
  async function relations(ids: readonly number[], attribut: Attribut, cible: string): Promise<Map<number, string[]>> {
    const l = lien(strapi, UID.projet, attribut);
    const lignes: Array<{ projet: number; documentId: string }> = await knex()({ l: l.table })
      .join({ t: table(strapi, cible) }, 't.id', `l.${l.cible}`)
      .whereIn(`l.${l.source}`, ids)
      .select({ projet: `l.${l.source}`, documentId: `t.${colonne(strapi, cible, 'documentId')}` });
    const resultat = new Map<number, string[]>();
    for (const { projet, documentId } of lignes) {
      const liste = resultat.get(Number(projet)) ?? [];
      if (!liste.includes(documentId)) liste.push(documentId);
      resultat.set(Number(projet), liste);
    }
    return resultat;
  }

  /** Row ids of the entries of a taxonomy (every locale) with these documentIds. */
  const lignesDe = (cible: string, documentIds: readonly string[]) =>
    knex()(table(strapi, cible)).whereIn(colonne(strapi, cible, 'documentId'), documentIds).select('id');

  /** Ids of the closest published projets of other collectivités, by weighted overlap. */
  async function candidats(source: Ligne, valeurs: Map<Attribut, string[]>, membre: boolean): Promise<number[]> {
    const parties = RELATIONS.filter((r) => (membre || !r.restreinte) && (valeurs.get(r.attribut) ?? []).length > 0).map((r) => {
      const l = lien(strapi, UID.projet, r.attribut);
      return knex()({ l: l.table })
        .whereIn(`l.${l.cible}`, lignesDe(r.cible, valeurs.get(r.attribut) ?? []))
        .select({ projet: `l.${l.source}` }, knex().raw(`${Number(r.poids)} as poids`));
    });
    if (parties.length === 0) return [];
    const [premiere, ...autres] = parties;
    const lc = lien(strapi, UID.projet, 'collectivite');
    const requete = knex()
      .from((autres.length > 0 ? premiere.unionAll(autres) : premiere).as('x'))
      .join({ p: P() }, 'p.id', 'x.projet')
      .join({ lc: lc.table }, `lc.${lc.source}`, 'p.id')
      .whereNotNull(publie())
      .groupBy('x.projet')
      .select({ projet: 'x.projet' })
      .sum({ recouvrement: 'x.poids' })
      .orderBy([{ column: 'recouvrement', order: 'desc' }, { column: 'x.projet', order: 'desc' }])
      .limit(MAX_CANDIDATS);
    if (source.collectiviteId !== null) requete.whereNot(`lc.${lc.cible}`, source.collectiviteId);
    return ((await requete) as Array<{ projet: number }>).map((l) => Number(l.projet));
  }

  async function libelles(documentIds: readonly string[]): Promise<Libelles> {
    const resultat = new Map<string, string>();
    for (const cible of [UID.thematique, UID.publicCible, UID.techniqueIa]) {
      const lignes: Array<{ documentId: string; nom: string }> = await knex()(table(strapi, cible))
        .whereIn(colonne(strapi, cible, 'documentId'), documentIds)
        .where(colonne(strapi, cible, 'locale'), LOCALE_PAR_DEFAUT)
        .select({ documentId: colonne(strapi, cible, 'documentId'), nom: colonne(strapi, cible, 'nom') });
      for (const { documentId, nom } of lignes) resultat.set(documentId, nom);
    }
    return resultat;
  }

  async function profils(lignes: readonly Ligne[], membre: boolean): Promise<Profil<number>[]> {
    const ids = lignes.map((l) => l.id);
    const parRelation = new Map<Attribut, Map<number, string[]>>();
    for (const r of RELATIONS) {
      parRelation.set(r.attribut, membre || !r.restreinte ? await relations(ids, r.attribut, r.cible) : new Map());
    }
    const de = (attribut: Attribut, id: number) => parRelation.get(attribut)?.get(id) ?? [];
    return lignes.map((l) => ({
      id: l.id,
      sousThematiques: de('sousThematiques', l.id),
      publics: de('publics', l.id),
      thematique: de('thematique', l.id)[0] ?? null,
      techniques: de('techniquesIa', l.id),
      texte: `${l.nom} ${l.resume || l.extrait || ''}`,
    }));
  }

  return {
    async similaires(documentId, limite, membre) {
      const source = (await projets().where(`p.${colonne(strapi, UID.projet, 'documentId')}`, documentId).first()) as Ligne | undefined;
      if (!source) return null;
      const [profilSource] = await profils([source], membre);
      const valeurs = new Map<Attribut, string[]>([
        ['sousThematiques', [...profilSource.sousThematiques]],
        ['publics', [...profilSource.publics]],
        ['thematique', profilSource.thematique ? [profilSource.thematique] : []],
        ['techniquesIa', [...profilSource.techniques]],
      ]);
      const ids = await candidats(source, valeurs, membre);
      if (ids.length === 0) return [];
      const lignes = (await projets().whereIn('p.id', ids)) as Ligne[];
      const rang = new Map(ids.map((id, i) => [id, i]));
      lignes.sort((a, b) => (rang.get(Number(a.id)) ?? 0) - (rang.get(Number(b.id)) ?? 0));
      const suggestions = classer(profilSource, await profils(lignes, membre), await libelles([...valeurs.values()].flat()), limite, membre);
      const parId = new Map(lignes.map((l) => [Number(l.id), l]));
      return suggestions.map(({ id, score, raisons }) => {
        const l = parId.get(id) as Ligne;
        return {
          documentId: l.documentId,
          slug: l.slug,
          nom: l.nom,
          resume: l.resume,
          collectivite: l.collectiviteNom === null ? null : { nom: l.collectiviteNom, slug: l.collectiviteSlug },
          score,
          raisons,
        };
      });
    },
  };
};
