/**
 * Reads the published projets page by page (memory does not grow with their number) and tells the
 * version of the export (for ETag / Last-Modified) without reading them.
 */
import { createHash } from 'crypto';
import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { UID } from '../../../domaine/regles-metier';
import type { ProjetPublie } from '../table-schema';
import { publiesParPages } from '../../../documents/pages';

/** What the export reads of each projet (the columns of the extended table schema). */
const CHAMPS = [
  'nom',
  'resume',
  'description',
  'statut',
  'motifAbandon',
  'dateDemarrage',
  'dateFin',
  'lienInformation',
  'roleOffreurs',
  'baseLegale',
  'lienDeliberation',
  'voiesDeRecours',
  'updatedAt',
];

const POPULATE = {
  collectivite: {
    fields: ['nom', 'siren', 'siret', 'type', 'latitude', 'longitude', 'logoUrl'],
    populate: { logo: { fields: ['url'] } },
  },
  collectivitesPartenaires: { fields: ['siren'] },
  offreurs: { fields: ['nom'] },
  thematique: { fields: ['slug'] },
  sousThematiques: { fields: ['slug'] },
  publics: { fields: ['slug', 'nom'] },
  illustration: { fields: ['url'] },
  evaluation: { populate: { evaluationsImpact: true } },
};

export interface VersionExport {
  etag: string;
  derniereModification: Date | null;
}

/**
 * `open-data.taillePage`, checked when an export starts, before any byte is sent: a page of 0 (or
 * a text) would read without a limit or never end.
 */
export function taillePageExport(valeur: unknown): number {
  if (typeof valeur === 'number' && Number.isInteger(valeur) && valeur >= 1) return valeur;
  throw new Error(`open-data.taillePage (config/open-data.ts) doit être un entier positif, reçu : ${JSON.stringify(valeur) ?? 'rien'}`);
}

/** The page size of every bulk export (CSV, JSON, registers), from the configuration. */
export const taillePageConfiguree = (strapi: Core.Strapi): number => taillePageExport(strapi.config.get('open-data.taillePage'));

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Every published projet, read page by page. */
  projetsPublies(): AsyncGenerator<ProjetPublie> {
    return publiesParPages<ProjetPublie & { id: number }>(strapi, UID.projet, { fields: CHAMPS, populate: POPULATE }, taillePageConfiguree(strapi));
  },

  /**
   * Changes whenever the export may change: a projet published, unpublished or edited (publishing
   * writes a new row, hence a new highest id), or a collectivité / offreur / thématique edited.
   */
  async version(): Promise<VersionExport> {
    const publies = { publishedAt: { $notNull: true } };
    const dernier = async (uid: string, champ: 'id' | 'updatedAt' | 'publishedAt', where: Record<string, unknown> = {}) =>
      (await strapi.db.query(uid as StrapiUID.Schema).findOne({ select: ['id', champ], where, orderBy: { [champ]: 'desc' } })) as Record<string, unknown> | null;
    const nombre = await strapi.db.query(UID.projet).count({ where: publies });
    const reperes = [
      await dernier(UID.projet, 'id', publies),
      await dernier(UID.projet, 'publishedAt', publies),
      await dernier(UID.projet, 'updatedAt', publies),
      await dernier(UID.collectivite, 'updatedAt'),
      await dernier(UID.offreur, 'updatedAt', publies),
      await dernier(UID.thematique, 'updatedAt'),
      await dernier(UID.publicCible, 'updatedAt'),
    ];
    const empreinte = createHash('sha1').update(JSON.stringify([nombre, reperes])).digest('hex').slice(0, 20);
    const dates = reperes
      .flatMap((r) => [r?.publishedAt, r?.updatedAt])
      .filter((d): d is string | Date => Boolean(d))
      .map((d) => new Date(d));
    const derniereModification = dates.length > 0 ? new Date(Math.max(...dates.map((d) => d.getTime()))) : null;
    return { etag: `W/"${empreinte}"`, derniereModification };
  },
});
