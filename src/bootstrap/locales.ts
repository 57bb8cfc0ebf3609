import type { Core } from '@strapi/strapi';
import { LOCALE_PAR_DEFAUT } from '../domaine/locales';

const LOCALES = [
  { code: 'fr', name: 'Français (fr)' },
  { code: 'en', name: 'English (en)' },
];

/** French is the default and required locale; English serves taxonomy labels to European partners. */
export async function configurerLocales(strapi: Core.Strapi): Promise<void> {
  const service = strapi.plugin('i18n').service('locales');
  for (const locale of LOCALES) {
    if (!(await service.findByCode(locale.code))) {
      await service.create(locale);
      strapi.log.info(`Langue ajoutée : ${locale.name}`);
    }
  }
  if ((await service.getDefaultLocale()) !== LOCALE_PAR_DEFAUT) {
    await service.setDefaultLocale({ code: LOCALE_PAR_DEFAUT });
  }
}
