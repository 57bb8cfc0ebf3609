/**
 * Upkeep of the search index (tables created by database/migrations/…index-recherche.js): one row
 * per published projet, rewritten whenever the projet or a document it shows (collectivité,
 * offreur, thématique, public, technique) changes, whatever the path of the write (admin panel,
 * REST, GraphQL, scripts all go through the Document Service).
 */
import type { Core, UID as StrapiUID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../domaine/regles-metier';
import { documentIndex, type DocumentIndex, type ProjetAIndexer, type Territoires } from '../domaine/recherche/document-index';
import { racines } from '../domaine/recherche/texte';
import { avancerGeneration } from '../documents/generation';
import { lireDonnees, type DepartementBrut, type RegionBrute } from '../referentiel/collectivites';

export const TABLE = 'recherche_projets';
export const TABLE_VALEURS = 'recherche_projets_valeurs';
export const TABLE_FTS = 'recherche_projets_fts';
/** PostgreSQL text search configuration: French Snowball after unaccent (see the migration). */
export const CONFIGURATION_PG = 'recherche_fr';
/** Bumped when what is indexed changes: the next start rebuilds the index. */
const VERSION_INDEX = 2;
const LOT = 250;

export const estPostgres = (strapi: Core.Strapi) => strapi.db.dialect.client === 'postgres';

const REF = { select: ['nom', 'slug'] };
const LECTURE = {
  select: ['documentId', 'slug', 'nom', 'resume', 'description', 'statut', 'financement', 'impactEnvironnemental', 'roleOffreurs', 'baseLegale'],
  populate: {
    collectivite: { select: ['nom', 'slug', 'type', 'codeDepartement', 'codeRegion'] },
    thematique: REF,
    sousThematiques: REF,
    publics: REF,
    offreurs: REF,
    techniquesIa: REF,
  },
};

/** The projet attributes that point at each related type, whose changes show in the index. */
const LIENS: Readonly<Record<string, readonly string[]>> = {
  [UID.collectivite]: ['collectivite'],
  [UID.offreur]: ['offreurs'],
  [UID.thematique]: ['thematique', 'sousThematiques'],
  [UID.publicCible]: ['publics'],
  [UID.techniqueIa]: ['techniquesIa'],
};
const ACTIONS_SUIVIES = new Set(['create', 'update', 'delete', 'publish', 'unpublish']);

let territoires: Territoires | undefined;
function nomsTerritoires(): Territoires {
  if (!territoires) {
    const regions = new Map(lireDonnees<RegionBrute>('regions').map((r) => [r.code, r.nom]));
    const departements = new Map(lireDonnees<DepartementBrut>('departements').map((d) => [d.code, d.nom]));
    territoires = { region: (code) => regions.get(code), departement: (code) => departements.get(code) };
  }
  return territoires;
}

const projets = (strapi: Core.Strapi) => strapi.db.query(UID.projet as StrapiUID.Schema);

async function lirePublies(strapi: Core.Strapi, documentIds: string[]): Promise<DocumentIndex[]> {
  const lignes = (await projets(strapi).findMany({
    ...LECTURE,
    where: { documentId: { $in: documentIds }, publishedAt: { $notNull: true } },
  })) as ProjetAIndexer[];
  return lignes.map((projet) => documentIndex(projet, nomsTerritoires()));
}

const VECTEUR = (poids: string) => `setweight(to_tsvector('${CONFIGURATION_PG}', ?), '${poids}')`;
const VECTEUR_PUBLIC = ['A', 'B', 'C', 'D'].map(VECTEUR).join(' || ');
const VECTEUR_MEMBRE = `${VECTEUR_PUBLIC} || ${VECTEUR('D')}`;

function lignesTexte(trx: Knex, documents: DocumentIndex[], postgres: boolean) {
  if (postgres) {
    return {
      principales: documents.map(({ ligne, textes: t }) => ({
        ...ligne,
        vecteur_public: trx.raw(VECTEUR_PUBLIC, [t.nom, t.resume, t.description, t.contexte]),
        vecteur_membre: trx.raw(VECTEUR_MEMBRE, [t.nom, t.resume, t.description, t.contexte, t.restreint]),
      })),
      fts: [],
    };
  }
  const analyse = (texte: string) => racines(texte).join(' ');
  return {
    principales: documents.map((d) => d.ligne),
    fts: documents.map(({ ligne, textes: t }) => ({
      document_id: ligne.document_id,
      nom: analyse(t.nom),
      resume: analyse(t.resume),
      description: analyse(t.description),
      contexte: analyse(t.contexte),
      restreint: analyse(t.restreint),
    })),
  };
}

function parLots<T>(elements: T[], taille: number): T[][] {
  const lots: T[][] = [];
  for (let i = 0; i < elements.length; i += taille) lots.push(elements.slice(i, i + taille));
  return lots;
}

/** Replaces the rows of `documentIds` by `documents` (those of them still published), in one transaction. */
async function ecrire(strapi: Core.Strapi, documentIds: string[], documents: DocumentIndex[]): Promise<void> {
  if (documentIds.length === 0) return;
  const postgres = estPostgres(strapi);
  await strapi.db.transaction(async ({ trx }) => {
    for (const lot of parLots(documentIds, 500)) {
      for (const table of postgres ? [TABLE_VALEURS, TABLE] : [TABLE_VALEURS, TABLE, TABLE_FTS]) {
        await trx(table).whereIn('document_id', lot).delete();
      }
    }
    const { principales, fts } = lignesTexte(trx, documents, postgres);
    for (const lot of parLots(principales, 100)) await trx(TABLE).insert(lot);
    for (const lot of parLots(fts, 100)) await trx(TABLE_FTS).insert(lot);
    for (const lot of parLots(documents.flatMap((d) => d.valeurs), 500)) await trx(TABLE_VALEURS).insert(lot);
    await avancerGeneration(strapi, trx);
  });
}

/** Rewrites the index rows of these projets from their published version (none: row removed). */
export async function reindexerProjets(strapi: Core.Strapi, documentIds: string[]): Promise<void> {
  const uniques = [...new Set(documentIds)];
  for (const lot of parLots(uniques, LOT)) await ecrire(strapi, lot, await lirePublies(strapi, lot));
}

async function documentIdsPublies(strapi: Core.Strapi): Promise<string[]> {
  const lignes = (await projets(strapi).findMany({ select: ['documentId'], where: { publishedAt: { $notNull: true } } })) as Array<{ documentId: string }>;
  return [...new Set(lignes.map((l) => l.documentId))];
}

const magasin = (strapi: Core.Strapi) => strapi.store({ type: 'core', name: 'recherche' });

/**
 * Full rebuild, by batches: for a fresh or stale index, and for data written without the Document
 * Service (the benchmark's generator inserts in SQL).
 */
export async function reconstruireIndexRecherche(strapi: Core.Strapi): Promise<{ projets: number }> {
  const publies = await documentIdsPublies(strapi);
  const gardes = new Set(publies);
  const presents = (await strapi.db.connection(TABLE).pluck('document_id')) as string[];
  await ecrire(strapi, presents.filter((id) => !gardes.has(id)), []);
  await reindexerProjets(strapi, publies);
  await magasin(strapi).set({ key: 'version', value: VERSION_INDEX });
  return { projets: publies.length };
}

/** At start-up: rebuilds the index when it does not match the published projets or is of an older version. */
export async function synchroniserIndexRecherche(strapi: Core.Strapi): Promise<void> {
  const version = await magasin(strapi).get({ key: 'version' });
  const [{ nombre }] = await strapi.db.connection(TABLE).count({ nombre: '*' });
  const publies = await projets(strapi).count({ where: { publishedAt: { $notNull: true } } });
  if (version === VERSION_INDEX && Number(nombre) === publies) return;
  const debut = Date.now();
  const { projets: n } = await reconstruireIndexRecherche(strapi);
  strapi.log.info(`Index de recherche reconstruit : ${n} projet(s) publié(s) en ${Date.now() - debut} ms`);
}

async function projetsLies(strapi: Core.Strapi, champs: readonly string[], documentId: string): Promise<string[]> {
  const lignes = (await projets(strapi).findMany({
    select: ['documentId'],
    where: { publishedAt: { $notNull: true }, $or: champs.map((champ) => ({ [champ]: { documentId } })) },
  })) as Array<{ documentId: string }>;
  return lignes.map((l) => l.documentId);
}

/**
 * Document Service middleware: a write to a projet reindexes it; a write to a document it shows
 * reindexes the published projets that point at it (read before the write, so a deletion still
 * finds them). An index failure is logged, never turned into a failed write.
 */
export function enregistrerMiseAJourIndex(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (!ACTIONS_SUIVIES.has(context.action)) return next();
    const params = context.params as { documentId?: string };
    const champs = LIENS[context.uid];
    if (context.uid !== UID.projet && (!champs || context.action === 'create' || !params.documentId)) return next();

    const concernes = champs && params.documentId ? await projetsLies(strapi, champs, params.documentId) : [];
    const resultat = await next();
    if (context.uid === UID.projet) {
      const documentId = params.documentId ?? (resultat as { documentId?: string } | null)?.documentId;
      if (documentId) concernes.push(documentId);
    }
    try {
      await reindexerProjets(strapi, concernes);
    } catch (erreur) {
      strapi.log.error(`Index de recherche non mis à jour (${context.uid} ${context.action}) : ${(erreur as Error).message}`);
    }
    return resultat;
  });
}
