/** The default locale, French (made so at start-up, bootstrap/locales.ts): the taxonomies' labels are read in it. */
export const LOCALE_PAR_DEFAUT = 'fr';
