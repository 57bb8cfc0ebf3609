import type { Core } from '@strapi/strapi';
import { LECTURE_PUBLIQUE, LECTURES_CALCULEES, ROLE_MEMBRE } from '../domaine/visibilite';

/** What a member may call beyond the public reads: their own account. */
const ACTIONS_MEMBRE = ['plugin::users-permissions.user.me'];

/** Files of the ressources (the controller decides, for members-only ressources, who reads them). */
const FICHIERS_RESSOURCES = 'api::ressource.fichiers.findOne';

async function accorder(strapi: Core.Strapi, roleId: number, voulues: string[]): Promise<number> {
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const existantes = await permissions.findMany({ where: { role: roleId, action: { $in: voulues } } });
  const manquantes = voulues.filter((action) => !existantes.some((p: { action: string }) => p.action === action));
  for (const action of manquantes) {
    await permissions.create({ data: { action, role: roleId } });
  }
  return manquantes.length;
}

/**
 * Grants the Public role and the Membre role `find` and `findOne` on the published content of the
 * library, the computed reads and the files of the ressources (what each caller then sees is decided by `domaine/visibilite.ts`);
 * adds what is missing, removes nothing.
 */
export async function configurerPermissionsPubliques(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.db.query('plugin::users-permissions.role');
  const lectures = [
    ...LECTURE_PUBLIQUE.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]),
    ...LECTURES_CALCULEES.map((l) => l.action),
    FICHIERS_RESSOURCES,
  ];
  for (const [type, voulues] of [['public', lectures], [ROLE_MEMBRE, [...lectures, ...ACTIONS_MEMBRE]]] as const) {
    const role = await roles.findOne({ where: { type } });
    if (!role) throw new Error(`Rôle ${type} de users-permissions introuvable`);
    const ajoutees = await accorder(strapi, role.id, [...voulues]);
    if (ajoutees > 0) strapi.log.info(`Rôle ${role.name} : ${ajoutees} permission(s) ajoutée(s)`);
  }
}
