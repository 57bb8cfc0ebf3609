/**
 * Content types whose documents go through editorial review before publication. One list for the
 * plugin's configuration (config/plugins.ts) and the admin panel, which must know it before any
 * request to hide Strapi's own publication buttons for these types.
 */
export const TYPES_REVUS = ['api::projet.projet', 'api::initiative-gouvernance.initiative-gouvernance', 'api::ressource.ressource', 'api::offreur.offreur'] as const;

export function estTypeRevu(uid: string | undefined): boolean {
  return (TYPES_REVUS as readonly string[]).includes(uid ?? '');
}
