import type { Core } from '@strapi/strapi';
import { UID } from '../domaine/regles-metier';

/** Reference data readable by anonymous visitors (REST and GraphQL). */
export const LECTURE_PUBLIQUE: readonly string[] = [UID.thematique, UID.publicCible, UID.techniqueIa, UID.collectivite];

/** Grants the Public role `find` and `findOne` on reference data; adds what is missing, removes nothing. */
export async function configurerPermissionsPubliques(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.db.query('plugin::users-permissions.role');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const publicRole = await roles.findOne({ where: { type: 'public' } });
  if (!publicRole) throw new Error('Rôle Public de users-permissions introuvable');

  const voulues = LECTURE_PUBLIQUE.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]);
  const existantes = await permissions.findMany({ where: { role: publicRole.id, action: { $in: voulues } } });
  const manquantes = voulues.filter((action) => !existantes.some((p: { action: string }) => p.action === action));
  for (const action of manquantes) {
    await permissions.create({ data: { action, role: publicRole.id } });
  }
  if (manquantes.length > 0) strapi.log.info(`Rôle Public : ${manquantes.length} permission(s) de lecture ajoutée(s)`);
}
