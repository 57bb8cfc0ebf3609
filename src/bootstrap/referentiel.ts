/**
 * Idempotent seed of the reference data at start-up: taxonomies (fr + en) and the ≈39,000
 * collectivités of @etalab/decoupage-administratif. A second start writes nothing.
 */
import { createHash } from 'crypto';
import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { createId } from '@paralleldrive/cuid2';
import { UID } from '../domaine/regles-metier';
import { THEMATIQUES, PUBLICS_CIBLES, TECHNIQUES_IA, type EntreeTaxonomie } from '../referentiel/taxonomies';
import { cleCollectivite, construireCollectivites, type LigneCollectivite } from '../referentiel/collectivites';

const TAILLE_LOT = 1000;
/** Reference fields owned by the seed; the others (logo, site, description…) belong to editors. */
const CHAMPS_REFERENCE = ['nom', 'type', 'sousType', 'siren', 'codeInsee', 'codeDepartement', 'codeRegion', 'population'] as const;

async function seedTaxonomie(strapi: Core.Strapi, uid: string, entrees: readonly EntreeTaxonomie[]): Promise<number> {
  const documents = strapi.documents(uid as StrapiUID.CollectionType);
  const lignes = (await strapi.db.query(uid as StrapiUID.Schema).findMany({ select: ['documentId', 'slug', 'locale'] })) as Array<{
    documentId: string;
    slug: string;
    locale: string;
  }>;
  const documentIds = new Map(lignes.map((l) => [l.slug, l.documentId]));
  const locales = new Set(lignes.map((l) => `${l.slug}:${l.locale}`));
  let ecritures = 0;

  // Themes come before their sub-themes in the lists, so a parent always exists when its children are created.
  for (const entree of entrees) {
    const parent = entree.parent ? documentIds.get(entree.parent) : undefined;
    for (const locale of ['fr', 'en'] as const) {
      if (locales.has(`${entree.slug}:${locale}`)) continue;
      const data = {
        nom: entree.nom[locale],
        description: entree.description?.[locale] ?? null,
        slug: entree.slug,
        ordre: entree.ordre,
        ...(parent ? { parent } : {}),
      };
      const documentId = documentIds.get(entree.slug);
      const cree = documentId
        ? await documents.update({ documentId, locale, data } as never)
        : await documents.create({ locale, data } as never);
      documentIds.set(entree.slug, (cree as { documentId: string }).documentId);
      ecritures += 1;
    }
  }
  return ecritures;
}

function empreinte(lignes: LigneCollectivite[]): string {
  return createHash('sha256').update(JSON.stringify(lignes)).digest('hex');
}

async function seedCollectivites(strapi: Core.Strapi): Promise<{ crees: number; modifiees: number } | null> {
  const lignes = construireCollectivites();
  const store = strapi.store({ type: 'app', name: 'referentiel' });
  const version = empreinte(lignes);
  const requete = strapi.db.query(UID.collectivite);
  const dejaFait = (await store.get({ key: 'collectivites' })) as { empreinte?: string } | null;
  if (dejaFait?.empreinte === version && (await requete.count({ where: { codeInsee: { $notNull: true } } })) >= lignes.length) {
    return null;
  }

  const existantes = (await requete.findMany({ select: ['id', ...CHAMPS_REFERENCE] })) as Array<Record<string, unknown> & { id: number }>;
  const parCle = new Map(
    existantes.map((e) => [cleCollectivite({ type: String(e.type), codeInsee: String(e.codeInsee), sousType: (e.sousType as string | null) ?? null }), e]),
  );
  const maintenant = new Date();
  const aCreer: Record<string, unknown>[] = [];
  let modifiees = 0;

  for (const ligne of lignes) {
    const existante = parCle.get(ligne.cle);
    if (!existante) {
      const { cle: _cle, ...valeurs } = ligne;
      aCreer.push({ ...valeurs, documentId: createId(), publishedAt: maintenant, createdAt: maintenant, updatedAt: maintenant });
      continue;
    }
    const changements = CHAMPS_REFERENCE.filter((champ) => (existante[champ] ?? null) !== (ligne[champ] ?? null));
    if (changements.length > 0) {
      await requete.update({ where: { id: existante.id }, data: Object.fromEntries(changements.map((c) => [c, ligne[c]])) });
      modifiees += 1;
    }
  }

  for (let debut = 0; debut < aCreer.length; debut += TAILLE_LOT) {
    await requete.createMany({ data: aCreer.slice(debut, debut + TAILLE_LOT) });
    strapi.log.info(`Collectivités : ${Math.min(debut + TAILLE_LOT, aCreer.length)} / ${aCreer.length} créées`);
  }
  await store.set({ key: 'collectivites', value: { empreinte: version, date: maintenant.toISOString() } });
  return { crees: aCreer.length, modifiees };
}

export interface BilanReferentiel {
  taxonomies: number;
  collectivitesCreees: number;
  collectivitesModifiees: number;
  dureeMs: number;
}

export async function seedReferentiel(strapi: Core.Strapi): Promise<BilanReferentiel> {
  const debut = Date.now();
  const taxonomies =
    (await seedTaxonomie(strapi, UID.thematique, THEMATIQUES)) +
    (await seedTaxonomie(strapi, UID.publicCible, PUBLICS_CIBLES)) +
    (await seedTaxonomie(strapi, UID.techniqueIa, TECHNIQUES_IA));
  const collectivites = await seedCollectivites(strapi);
  const bilan = {
    taxonomies,
    collectivitesCreees: collectivites?.crees ?? 0,
    collectivitesModifiees: collectivites?.modifiees ?? 0,
    dureeMs: Date.now() - debut,
  };
  const duree = (bilan.dureeMs / 1000).toFixed(1);
  if (taxonomies === 0 && collectivites === null) {
    strapi.log.info(`Référentiel à jour (vérifié en ${duree} s)`);
  } else {
    strapi.log.info(
      `Référentiel chargé en ${duree} s : ${taxonomies} entrée(s) de taxonomie, ` +
        `${bilan.collectivitesCreees} collectivité(s) créée(s), ${bilan.collectivitesModifiees} mise(s) à jour`,
    );
  }
  return bilan;
}
