import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { installerRevue } from '../plugins/revue-editoriale/admin';
import { TYPES_REVUS } from '../config/revue-editoriale';
import { installerImport } from '../plugins/import-projets/admin';
import { traductionsStrapiFr } from './traductions';
import { PanneauVersions } from './versions/PanneauVersions';
import { eteindreAnnoncesStrapi, enregistrerWidgetsAccueil, installerFormulaire, TRADUCTIONS_FORMULAIRE } from './formulaire';

// Key read by Strapi's admin when it renders: agents get French unless they chose another language.
const LANGUAGE_STORAGE_KEY = 'strapi-admin-language';

export default {
  config: {
    locales: ['fr'],
    translations: {
      fr: {
        ...traductionsStrapiFr,
        ...TRADUCTIONS_FORMULAIRE,
        'Auth.form.welcome.title': 'Bibliothèque d’IA territoriales',
        'Auth.form.welcome.subtitle': 'Connectez-vous à votre compte',
        'Auth.form.register.subtitle':
          'Créez le premier compte administrateur de la Bibliothèque d’IA territoriales.',
        'app.components.LeftMenu.navbrand.title': 'Bibliothèque d’IA',
        'app.components.LeftMenu.navbrand.workplace': 'Administration',
        'import-projets.menu': 'Importer des projets',
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    enregistrerWidgetsAccueil(app);
    installerImport(app);
    eteindreAnnoncesStrapi();
    if (!window.localStorage.getItem(LANGUAGE_STORAGE_KEY)) {
      window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    }
  },
  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis'];
    installerRevue(contentManager, TYPES_REVUS);
    contentManager.addEditViewSidePanel([PanneauVersions]);
    installerFormulaire(app);
  },
};
