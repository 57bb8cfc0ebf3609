/**
 * What a read-only API token may call on the content API: what an approved member may read, never more.
 * Strapi's own rule lets such a token call every action whose name ends in `find` or `findOne`, the
 * member directory included (`plugin::users-permissions.user.find`, `…role.find`, `plugin::upload…find`).
 * Here the token's actions are the read actions of the Membre role, as the role's permissions stand. Pure.
 */

/** A read action, as Strapi understands it for read-only tokens. */
export function estLecture(action: string): boolean {
  return action.endsWith('.find') || action.endsWith('.findOne');
}

/** Whether a read-only token may run a route or resolver whose auth scope is `scope`. */
export function jetonLecturePermet(scope: unknown, actionsMembre: ReadonlySet<string>): boolean {
  const actions = scope === undefined || scope === null ? [] : Array.isArray(scope) ? scope : [scope];
  return actions.length > 0 && actions.every((action) => typeof action === 'string' && estLecture(action) && actionsMembre.has(action));
}
