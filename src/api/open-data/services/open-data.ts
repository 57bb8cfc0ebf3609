/**
 * Reads the published projets page by page (memory does not grow with their number) and tells the
 * version of the export (for ETag / Last-Modified) without reading them.
 */
import { createHash } from 'crypto';
import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { UID } from '../../../domaine/regles-metier';
import type { ProjetPublie } from '../table-schema';

const TAILLE_PAGE = 500;

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

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async *projetsPublies(): AsyncGenerator<ProjetPublie> {
    const projets = strapi.documents(UID.projet);
    for (let start = 0; ; start += TAILLE_PAGE) {
      const page = (await projets.findMany({
        status: 'published',
        fields: [
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
        ],
        populate: POPULATE,
        sort: ['id:asc'],
        start,
        limit: TAILLE_PAGE,
      } as never)) as unknown as ProjetPublie[];
      yield* page;
      if (page.length < TAILLE_PAGE) return;
    }
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
