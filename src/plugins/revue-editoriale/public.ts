/**
 * Public entry of the revue-editoriale plugin: what the application may use of it on the server side and
 * in pure modules shared with the admin panel (constants, types, pure functions, read helpers that take
 * `strapi`). It loads no Node-only nor React module. The admin panel's pieces are in admin/index.ts.
 */
export { ATTRIBUT_ETAT, CODE_SUPER_ADMIN, HORS_COLLECTIVITE, NOM_ROLE_MODERATEUR, UID_TRANSITION } from './server/constantes';
export { ETATS, LIBELLES_ETATS } from './server/machine';
export { emailsModerateurs, lienAdmin, mettreEnFile } from './server/historique';
export { aUneVersionPubliee, populateComplet, typesSuivis } from './server/lecture';
export { champsModifies, modifieLeDocument } from './server/modifications';
export { memeRef, resoudreRelation, type Ref } from './server/relations';
export type { Manquant, ReglesRevue } from './server/regles';
