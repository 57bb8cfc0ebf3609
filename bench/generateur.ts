/**
 * Bench data generator: completes the database up to N published projets drawn from the profile of the
 * real ones (bench/profil.ts), with their offreurs, on top of the reference data. Rows go in by batches
 * through the query engine (one INSERT per batch) and the link tables through knex, in one transaction
 * per batch: the Document Service would take minutes. Strapi 5 keeps a draft & publish document as two
 * rows (draft: published_at NULL, and published), each with its own links; table and column names of
 * the links are read from the metadata, not written here.
 */
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { UID } from '../src/domaine/regles-metier';
import { slugifier } from '../src/domaine/slug';
import { choisir, flux, identifiantDocument } from './aleatoire';
import { profilDepuisCsv, texte, tirerProjet, type Profil } from './profil';

// SQLite takes at most 500 rows in one INSERT (knex writes them as a compound SELECT): 200 documents
// are 400 rows (draft and published).
const TAILLE_LOT = 200;
/** Offreurs created per projet added: the real file names about one partner for five projets. */
const OFFREURS_PAR_PROJET = 0.2;
/** Distinct streams for the offreurs (the projets use their index). */
const DECALAGE_OFFREURS = 1_000_000_000;
const TYPES_OFFREUR = ['entreprise', 'entreprise', 'entreprise', 'startup', 'recherche', 'association', 'acteur_public'];

export interface OptionsGeneration {
  projets: number;
  graine: number;
  journal: (message: string) => void;
}

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
}

type Knex = Core.Strapi['db']['connection'];
type Paire = { brouillon: number; publie: number };

export function lireProfil(): Profil {
  return profilDepuisCsv(fs.readFileSync(path.join(process.cwd(), 'donnees/interconnectes/data.csv')));
}

function tableDeLiens(strapi: Core.Strapi, uid: string, attribut: string): JoinTable {
  const meta = strapi.db.metadata.get(uid) as unknown as { attributes: Record<string, { joinTable?: JoinTable }> };
  const table = meta.attributes[attribut]?.joinTable;
  if (!table) throw new Error(`${uid}.${attribut} : table de liens introuvable dans les métadonnées`);
  return table;
}

/** Link rows for one relation; order columns numbered as Strapi would (per owner, and per target). */
class Liens {
  lignes: Array<Record<string, number>> = [];
  private readonly ordresInverses = new Map<number, number>();
  constructor(readonly table: JoinTable) {}
  ajouter(source: number, cibles: readonly number[]) {
    cibles.forEach((cible, i) => {
      const ligne: Record<string, number> = { [this.table.joinColumn.name]: source, [this.table.inverseJoinColumn.name]: cible };
      if (this.table.orderColumnName) ligne[this.table.orderColumnName] = i + 1;
      if (this.table.inverseOrderColumnName) {
        const ordre = (this.ordresInverses.get(cible) ?? 0) + 1;
        this.ordresInverses.set(cible, ordre);
        ligne[this.table.inverseOrderColumnName] = ordre;
      }
      this.lignes.push(ligne);
    });
  }
}

async function inserer(trx: Knex, table: string, lignes: ReadonlyArray<Record<string, unknown>>) {
  // Under SQLite's 500 terms per compound SELECT, far below PostgreSQL's bind-parameter limit.
  for (let i = 0; i < lignes.length; i += 400) await trx(table).insert(lignes.slice(i, i + 400));
}

/** Creates both rows of published documents; returns their ids in order. */
async function creerPublies(strapi: Core.Strapi, uid: string, documents: ReadonlyArray<Record<string, unknown>>): Promise<Paire[]> {
  const maintenant = new Date();
  const lignes = documents.flatMap((d) => [
    { ...d, createdAt: maintenant, updatedAt: maintenant, publishedAt: null },
    { ...d, createdAt: maintenant, updatedAt: maintenant, publishedAt: maintenant },
  ]);
  const { ids } = (await strapi.db.query(uid as never).createMany({ data: lignes })) as { ids: Array<number | { id: number }> };
  const entiers = ids.map((id) => (typeof id === 'object' ? id.id : id));
  if (entiers.length !== lignes.length) throw new Error(`${uid} : ${entiers.length} identifiants pour ${lignes.length} lignes`);
  return documents.map((_, i) => ({ brouillon: entiers[2 * i], publie: entiers[2 * i + 1] }));
}

async function referentiel(strapi: Core.Strapi) {
  const knex = strapi.db.connection;
  const table = (uid: string) => strapi.db.metadata.get(uid).tableName;
  const collectivites = new Map<string, number[]>();
  for (const { id, type } of (await knex(table(UID.collectivite)).select('id', 'type').orderBy('id')) as Array<{ id: number; type: string }>) {
    const liste = collectivites.get(type) ?? [];
    liste.push(id);
    collectivites.set(type, liste);
  }
  const parSlug = async (uid: string) =>
    new Map(((await knex(table(uid)).select('id', 'slug').where({ locale: 'fr' })) as Array<{ id: number; slug: string }>).map((l) => [l.slug, l.id]));
  return { collectivites, thematiques: await parSlug(UID.thematique), publics: await parSlug(UID.publicCible) };
}

/** Generated offreurs so far (draft and published row ids), oldest first. */
async function offreursExistants(strapi: Core.Strapi): Promise<Paire[]> {
  const lignes = (await strapi.db
    .connection(strapi.db.metadata.get(UID.offreur).tableName)
    .select('id', 'document_id', 'published_at')
    .where('slug', 'like', 'banc-offreur-%')
    .orderBy('id')) as Array<{ id: number; document_id: string; published_at: unknown }>;
  const parDocument = new Map<string, Partial<Paire>>();
  for (const l of lignes) {
    const paire = parDocument.get(l.document_id) ?? {};
    if (l.published_at === null) paire.brouillon = l.id;
    else paire.publie = l.id;
    parDocument.set(l.document_id, paire);
  }
  return [...parDocument.values()].filter((p): p is Paire => p.brouillon !== undefined && p.publie !== undefined);
}

/** Adds projets until `projets` published ones exist. Deterministic: projet n is the same in every run. */
export async function genererProjets(strapi: Core.Strapi, options: OptionsGeneration): Promise<{ existants: number; ajoutes: number; secondes: number }> {
  const debut = process.hrtime.bigint();
  const profil = lireProfil();
  const existants = Number(await strapi.db.query(UID.projet).count({ where: { publishedAt: { $notNull: true } } }));
  const aAjouter = Math.max(0, options.projets - existants);
  if (aAjouter === 0) return { existants, ajoutes: 0, secondes: 0 };
  const ref = await referentiel(strapi);
  const liensProjet = Object.fromEntries(
    ['collectivite', 'thematique', 'sousThematiques', 'publics', 'offreurs'].map((a) => [a, tableDeLiens(strapi, UID.projet, a)]),
  ) as Record<'collectivite' | 'thematique' | 'sousThematiques' | 'publics' | 'offreurs', JoinTable>;
  const idsReferentiel = (carte: Map<string, number>, slugs: readonly string[]) =>
    slugs.map((s) => {
      const id = carte.get(s);
      if (id === undefined) throw new Error(`référentiel incomplet : « ${s} » absent`);
      return id;
    });

  // Offreurs first, so projets of this run can name them.
  const offreurs = await offreursExistants(strapi);
  const nouveaux = Math.max(10, Math.ceil(aAjouter * OFFREURS_PAR_PROJET));
  await strapi.db.transaction(async () => {
    const documents = Array.from({ length: nouveaux }, (_, k) => {
      const n = offreurs.length + k;
      const alea = flux(options.graine, DECALAGE_OFFREURS + n);
      const nom = `${choisir(alea, profil.offreurs.length ? profil.offreurs : ['Offreur'])} ${n + 1}`;
      return { documentId: identifiantDocument(alea), nom, slug: `banc-offreur-${n + 1}`, type: choisir(alea, TYPES_OFFREUR), etatRevue: 'publie', description: texte(alea, profil.mots, 200) };
    });
    for (let i = 0; i < documents.length; i += TAILLE_LOT) offreurs.push(...(await creerPublies(strapi, UID.offreur, documents.slice(i, i + TAILLE_LOT))));
  });

  const communes = ref.collectivites.get('commune') ?? [];
  // Kept across batches: the inverse order columns keep counting per target.
  const liens = Object.fromEntries(Object.entries(liensProjet).map(([a, table]) => [a, new Liens(table)])) as Record<keyof typeof liensProjet, Liens>;
  for (let lot = 0; lot < aAjouter; lot += TAILLE_LOT) {
    const indices = Array.from({ length: Math.min(TAILLE_LOT, aAjouter - lot) }, (_, k) => existants + lot + k);
    const tires = indices.map((index) => {
      const alea = flux(options.graine, index);
      const projet = tirerProjet(alea, profil, index);
      const collectivites = ref.collectivites.get(projet.typeCollectivite) ?? communes;
      return {
        index,
        projet,
        documentId: identifiantDocument(alea),
        collectivite: choisir(alea, collectivites),
        offreurs: Array.from(new Set(Array.from({ length: projet.nombreOffreurs }, () => choisir(alea, offreurs)))),
      };
    });
    await strapi.db.transaction(async ({ trx }) => {
      const paires = await creerPublies(
        strapi,
        UID.projet,
        tires.map(({ index, projet, documentId }) => ({
          documentId,
          nom: projet.nom,
          slug: `${slugifier(projet.nom.replace(/ \d+$/, ''), 60)}-${index + 1}`,
          resume: projet.resume,
          description: projet.description,
          statut: projet.statut,
          motifAbandon: projet.motifAbandon,
          dateDemarrage: projet.dateDemarrage,
          lienInformation: `https://exemple.fr/projets/${index + 1}`,
          etatRevue: 'publie',
        })),
      );
      tires.forEach((t, i) => {
        const thematique = idsReferentiel(ref.thematiques, [t.projet.thematique]);
        const sousThematiques = idsReferentiel(ref.thematiques, t.projet.sousThematiques);
        const publics = idsReferentiel(ref.publics, t.projet.publics);
        // Both rows link to the same reference rows (no draft & publish there), each to its own offreur row.
        for (const [ligne, offreursLigne] of [
          [paires[i].brouillon, t.offreurs.map((o) => o.brouillon)],
          [paires[i].publie, t.offreurs.map((o) => o.publie)],
        ] as const) {
          liens.collectivite.ajouter(ligne, [t.collectivite]);
          liens.thematique.ajouter(ligne, thematique);
          liens.sousThematiques.ajouter(ligne, sousThematiques);
          liens.publics.ajouter(ligne, publics);
          liens.offreurs.ajouter(ligne, offreursLigne);
        }
      });
      for (const l of Object.values(liens)) {
        await inserer(trx as unknown as Knex, l.table.name, l.lignes);
        l.lignes = [];
      }
    });
    const faits = lot + indices.length;
    if (faits % 5000 === 0 || faits === aAjouter) options.journal(`  ${existants + faits} / ${options.projets} projets`);
  }
  // The database as autovacuum leaves it some time after a bulk load: planner statistics, and on
  // PostgreSQL the visibility map without which the covering indexes cannot serve index-only scans.
  await strapi.db.connection.raw(strapi.db.dialect.client === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE');
  return { existants, ajoutes: aAjouter, secondes: Number(process.hrtime.bigint() - debut) / 1e9 };
}
