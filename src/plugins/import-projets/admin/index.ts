/** The « Importer des projets » page, in the main menu of whoever may import (Modérateur, Super Admin). */
import type { StrapiApp } from '@strapi/strapi/admin';
import { Upload } from '@strapi/icons';

export function installerImport(app: StrapiApp): void {
  app.addMenuLink({
    to: 'import-projets',
    icon: Upload,
    intlLabel: { id: 'import-projets.menu', defaultMessage: 'Importer des projets' },
    permissions: [{ action: 'plugin::import-projets.importer', subject: null }],
    Component: () => import('./PageImport'),
  });
}
