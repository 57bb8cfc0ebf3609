/**
 * Every published document of a type, page by page (memory holds two pages, whatever their number):
 * each page read after the last id of the one before (an offset would reread every row before the
 * page), and read while the previous one is consumed, so the database works while Node formats.
 */
import type { Core, UID as StrapiUID } from '@strapi/strapi';

export async function* publiesParPages<T extends { id: number }>(
  strapi: Core.Strapi,
  uid: StrapiUID.ContentType,
  requete: { fields: string[]; populate: object },
  taillePage: number,
): AsyncGenerator<T> {
  const lire = (apresId: number) =>
    strapi.documents(uid).findMany({
      status: 'published',
      ...requete,
      filters: { id: { $gt: apresId } },
      sort: ['id:asc'],
      limit: taillePage,
    } as never) as unknown as Promise<T[]>;
  let suivante = lire(0);
  for (;;) {
    const page = await suivante;
    if (page.length < taillePage) {
      yield* page;
      return;
    }
    suivante = lire(page[page.length - 1].id);
    // Handled now, thrown at its await: a download abandoned meanwhile leaves no unhandled rejection.
    suivante.catch(() => undefined);
    yield* page;
  }
}
