/**
 * Similar projets (GET /api/projets/:documentId/similaires, GraphQL `projetsSimilaires`). The
 * taxonomy entries of the published projets (a few integers and documentIds each) are kept in memory
 * as an index for one generation of the content (`documents/generation.ts`), like the statistics:
 * rebuilt at the first request after a write, whichever process wrote. The stems of a projet's text
 * are added to it the first time the projet is a source or a candidate. A request then reads in SQL
 * (`sql.ts`) only the texts not yet seen and the fields of the projets it returns, and ranks with
 * `domaine/similarite.ts`.
 */
import type { Core } from '@strapi/strapi';
import { CacheParGeneration } from '../domaine/cache-generation';
import { candidats, classer, termes, type Entrees, type Termes } from '../domaine/similarite';
import { lireGeneration } from '../documents/generation';
import { construireIndex, lireFiches, lireTextes, type IndexLibelle } from './sql';

const MAX_CANDIDATS = 200;

export interface ProjetSimilaire {
  documentId: string;
  slug: string | null;
  nom: string;
  resume: string | null;
  collectivite: { nom: string; slug: string | null } | null;
  score: number;
  raisons: string[];
}

const cache = new CacheParGeneration<IndexLibelle>(1);

/** Adds to the index the stems of the projets not met yet. */
async function completerTermes(strapi: Core.Strapi, index: IndexLibelle, ids: readonly number[]): Promise<void> {
  const manquants = ids.filter((id) => !index.termes.has(id));
  if (manquants.length === 0) return;
  const lignes = await lireTextes(strapi, manquants);
  for (const id of manquants) index.termes.set(id, null);
  for (const l of lignes) index.termes.set(Number(l.id), termes(`${l.nom} ${l.resume || l.extrait || ''}`));
}

/** The `limite` closest projets; null when the projet is unknown or not published. */
export async function projetsSimilaires(strapi: Core.Strapi, documentId: string, limite: number, membre: boolean): Promise<ProjetSimilaire[] | null> {
  const index = await cache.obtenir('index', await lireGeneration(strapi), () => construireIndex(strapi));
  const idSource = index.parDocumentId.get(documentId);
  const source = idSource === undefined ? undefined : index.projets.get(idSource);
  if (!source) return null;
  const ids = candidats(index, source, membre, MAX_CANDIDATS);
  await completerTermes(strapi, index, [source.id, ...ids]);
  const termesSource = index.termes.get(source.id);
  if (!termesSource) return null;
  const profil = (e: Entrees, t: Termes) => ({ ...e, techniques: membre ? e.techniques : [], termes: t });
  const profils = ids.flatMap((id) => {
    const e = index.projets.get(id);
    const t = index.termes.get(id);
    return e && t ? [profil(e, t)] : [];
  });
  const suggestions = classer(profil(source, termesSource), profils, index.libelles, limite, membre);
  const parId = await lireFiches(strapi, suggestions.map((s) => s.id));
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
}
