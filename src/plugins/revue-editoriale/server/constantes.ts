/** Names the plugin and the application share (pure: loaded by the server, the admin panel and unit tests alike). */
export const PLUGIN = 'revue-editoriale';
export const UID_TRANSITION = 'plugin::revue-editoriale.transition';
export const UID_COURRIEL = 'plugin::revue-editoriale.courriel';
/** Attribute the plugin adds to every reviewed content type (shown and filterable in the list view). */
export const ATTRIBUT_ETAT = 'etatRevue';
/** Admin role whose members moderate every document (the application creates it: src/bootstrap/roles-editoriaux.ts). */
export const NOM_ROLE_MODERATEUR = 'Modérateur';
export const CODE_SUPER_ADMIN = 'strapi-super-admin';

export const HORS_COLLECTIVITE = 'Ce document appartient à une collectivité dont vous n’êtes ni contributeur ni référent.';
