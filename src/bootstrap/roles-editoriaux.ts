/**
 * Admin roles Contributeur, Référent and Modérateur with exactly the permissions of
 * docs/circuit-de-revue.md, created and kept up to date at every start (idempotent). What RBAC cannot
 * express (stamping the collectivité on create, state-dependent edits, publication) is enforced by the
 * revue-editoriale plugin's document middleware; what RBAC cannot limit on admin accounts (which roles a
 * modérateur gives) by protegerComptesAdministration.
 */
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { estChampQualite } from '../domaine/qualite/champs';
import { UID as T } from '../domaine/regles-metier';
import { UID_SIGNALEMENT } from '../domaine/signalement';
import { UID_JOURNAL } from '../domaine/journal';
import { CODE_SUPER_ADMIN, NOM_ROLE_MODERATEUR } from '../plugins/revue-editoriale/public';

export const ROLES_EDITORIAUX = {
  contributeur: 'Contributeur',
  referent: 'Référent',
  moderateur: NOM_ROLE_MODERATEUR,
} as const;

const COND_MEMBRE = 'api::membre-de-la-collectivite';
const COND_REFERENT = 'api::referent-de-la-collectivite';
const COND_CREATEUR = 'admin::is-creator';

const CONDITIONS = [
  {
    name: 'membre-de-la-collectivite',
    displayName: 'Document d’une de mes collectivités',
    handler: (user: { id: number }) => ({
      $or: [{ 'collectivite.contributeurs.id': { $eq: user.id } }, { 'collectivite.referents.id': { $eq: user.id } }],
    }),
  },
  {
    name: 'referent-de-la-collectivite',
    displayName: 'Collectivité dont je suis référent',
    handler: (user: { id: number }) => ({ 'referents.id': { $eq: user.id } }),
  },
];

type Action = 'create' | 'read' | 'update' | 'delete' | 'publish';
interface Regle {
  actions: Action[];
  sujets: string[];
  condition?: string;
  /** Only these fields (default: all but `sauf`). */
  champs?: string[];
  sauf?: string[];
}

const DOCUMENTS_DE_COLLECTIVITE = [T.projet, T.initiative, T.ressource];
const REFERENTIEL = [T.thematique, T.publicCible, T.techniqueIa, T.evenement];
const MEMBRES = ['referents', 'contributeurs'];
const PROFIL_COLLECTIVITE = ['logo', 'logoUrl', 'siteWeb', 'description', 'latitude', 'longitude'];
const UPLOAD_AGENT = ['plugin::upload.read', 'plugin::upload.assets.create', 'plugin::upload.assets.update', 'plugin::upload.assets.download', 'plugin::upload.assets.copy-link'];

const REGLES_CONTRIBUTEUR: Regle[] = [
  { actions: ['read', 'update', 'delete'], sujets: DOCUMENTS_DE_COLLECTIVITE, condition: COND_MEMBRE },
  { actions: ['create'], sujets: DOCUMENTS_DE_COLLECTIVITE },
  { actions: ['read', 'create'], sujets: [T.offreur] },
  { actions: ['update', 'delete'], sujets: [T.offreur], condition: COND_CREATEUR },
  { actions: ['read'], sujets: [T.collectivite], sauf: MEMBRES },
  { actions: ['read'], sujets: REFERENTIEL },
];

export const PERMISSIONS_EDITORIALES: Record<keyof typeof ROLES_EDITORIAUX, { description: string; regles: Regle[]; autres: string[] }> = {
  contributeur: {
    description: 'Agent d’une collectivité : documente ses projets, initiatives et ressources et les soumet à la revue ; ne publie jamais.',
    regles: REGLES_CONTRIBUTEUR,
    autres: UPLOAD_AGENT,
  },
  referent: {
    description: 'Agent désigné d’une collectivité : comme un contributeur, plus la première relecture et le profil de sa collectivité.',
    regles: [
      ...REGLES_CONTRIBUTEUR,
      { actions: ['update'], sujets: [T.collectivite], condition: COND_REFERENT, champs: PROFIL_COLLECTIVITE },
    ],
    autres: UPLOAD_AGENT,
  },
  moderateur: {
    description: 'Équipe éditoriale nationale : seconde relecture, publication, taxonomies, offreurs, membres et comptes.',
    regles: [
      { actions: ['create', 'read', 'update', 'delete', 'publish'], sujets: [...DOCUMENTS_DE_COLLECTIVITE, T.offreur, T.evenement] },
      { actions: ['create', 'read', 'update', 'delete'], sujets: [T.collectivite, T.thematique, T.publicCible, T.techniqueIa, 'plugin::users-permissions.user'] },
      // Reports come from the public form only (POST /api/signalements): modérateurs follow and answer them.
      { actions: ['read'], sujets: [UID_SIGNALEMENT] },
      { actions: ['update'], sujets: [UID_SIGNALEMENT], champs: ['etat', 'reponse'] },
      // The audit journal: read only (nobody writes it by hand, src/journal/journal.ts refuses it even to Super Admins).
      { actions: ['read'], sujets: [UID_JOURNAL] },
    ],
    autres: [...UPLOAD_AGENT, 'admin::users.read', 'admin::users.create', 'admin::users.update', 'admin::roles.read', 'plugin::import-projets.importer'],
  },
};

type ServiceRole = {
  findOne(where: Record<string, unknown>): Promise<{ id: number } | null>;
  create(data: Record<string, unknown>): Promise<{ id: number }>;
  update(where: Record<string, unknown>, data: Record<string, unknown>): Promise<unknown>;
  assignPermissions(roleId: number, permissions: unknown[]): Promise<unknown[]>;
};
type ServiceTypes = { getNestedFields(type: unknown, options: { components: unknown }): string[] };

function permissions(strapi: Core.Strapi, regles: Regle[], autres: string[]) {
  const types = strapi.service('admin::content-type') as unknown as ServiceTypes;
  const resultat: Array<Record<string, unknown>> = [];
  for (const regle of regles) {
    for (const sujet of regle.sujets) {
      const modele = strapi.getModel(sujet as UID.Schema);
      const localise = (modele.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized === true;
      const tous = types.getNestedFields(modele, { components: strapi.components });
      const champs = tous.filter((c) => (regle.champs ? regle.champs.includes(c.split('.')[0]) : !regle.sauf?.includes(c.split('.')[0])));
      // The quality indicators are read (list filters), never written by an agent (src/qualite/qualite.ts writes them).
      for (const action of regle.actions) {
        resultat.push({
          action: `plugin::content-manager.explorer.${action}`,
          subject: sujet,
          properties: {
            ...(['create', 'read', 'update'].includes(action) ? { fields: action === 'read' ? champs : champs.filter((c) => !estChampQualite(c)) } : {}),
            ...(localise ? { locales: ['fr', 'en'] } : {}),
          },
          conditions: regle.condition ? [regle.condition] : [],
        });
      }
    }
  }
  for (const action of autres) resultat.push({ action, subject: null, properties: {}, conditions: [] });
  return resultat;
}

type RoleAdmin = { id: number; code: string; name: string };
type ContexteAdmin = { state?: { auth?: { strategy?: { name?: string } }; user?: { id: number; roles?: RoleAdmin[] } } };

export const REFUS_COMPTES = {
  roleNonEditorial: 'Un modérateur n’attribue que les rôles Contributeur, Référent et Modérateur.',
  compteProtege: 'Ce compte a un rôle réservé au Super Admin : seul un Super Admin peut le modifier ou le supprimer.',
  roles: 'Seul un Super Admin peut créer, modifier ou supprimer des rôles d’administration.',
} as const;

const NOMS_EDITORIAUX: ReadonlySet<string> = new Set(Object.values(ROLES_EDITORIAUX));

/** The admin user of the current request when it is not a Super Admin; null for Super Admins and scripts. */
function agentNonSuperAdmin(strapi: Core.Strapi): { id: number } | null {
  const ctx = strapi.requestContext.get() as ContexteAdmin | undefined;
  const user = ctx?.state?.user;
  if (ctx?.state?.auth?.strategy?.name !== 'admin' || !user) return null;
  return (user.roles ?? []).some((r) => r.code === CODE_SUPER_ADMIN) ? null : user;
}

function idsDeRoles(roles: unknown): number[] {
  return (Array.isArray(roles) ? roles : [roles]).map((r) => Number(typeof r === 'object' && r !== null ? (r as { id?: unknown }).id : r));
}

async function tousEditoriaux(strapi: Core.Strapi, ids: number[]): Promise<boolean> {
  if (ids.length === 0) return true;
  if (ids.some((id) => !Number.isInteger(id))) return false;
  const roles = (await strapi.db.query('admin::role').findMany({ select: ['id', 'name'], where: { id: { $in: ids } } })) as RoleAdmin[];
  return roles.length === new Set(ids).size && roles.every((r) => NOMS_EDITORIAUX.has(r.name));
}

/** An account a modérateur may touch: only editorial roles (an account without role is a pending invitation). */
async function verifierCompteGerable(strapi: Core.Strapi, id: unknown): Promise<void> {
  const cible = (await strapi.db.query('admin::user').findOne({ select: ['id'], where: { id: Number(id) }, populate: { roles: { select: ['id', 'name'] } } })) as
    | { roles?: RoleAdmin[] }
    | null;
  if (cible && !(await tousEditoriaux(strapi, (cible.roles ?? []).map((r) => r.id)))) throw new errors.PolicyError(REFUS_COMPTES.compteProtege);
}

/**
 * RBAC gives modérateurs `admin::users.*` on every account and any role id in the body. Whatever the
 * route (users, users/me, batch delete), the admin services refuse a non-Super-Admin caller who would
 * give or touch a non-editorial role, or write roles at all. Scripts and Super Admins are not limited.
 */
const servicesProteges = new WeakSet<object>();

export function protegerComptesAdministration(strapi: Core.Strapi): void {
  if (servicesProteges.has(strapi.service('admin::user'))) return; // a second bootstrap wraps nothing twice
  servicesProteges.add(strapi.service('admin::user'));
  const utilisateurs = strapi.service('admin::user') as unknown as Record<string, (...args: any[]) => Promise<unknown>>;
  const garder = (service: Record<string, (...args: any[]) => Promise<unknown>>, methode: string, verifier: (...args: any[]) => Promise<void>) => {
    const origine = service[methode];
    if (typeof origine !== 'function') throw new Error(`Démarrage refusé : le service d’administration n’a plus de méthode « ${methode} » à protéger.`);
    service[methode] = async function (this: unknown, ...args: unknown[]) {
      if (agentNonSuperAdmin(strapi)) await verifier(...args);
      return origine.apply(this, args);
    };
  };
  const verifierRoles = async (attributs?: { roles?: unknown }) => {
    if (attributs && 'roles' in attributs && !(await tousEditoriaux(strapi, idsDeRoles(attributs.roles)))) {
      throw new errors.PolicyError(REFUS_COMPTES.roleNonEditorial);
    }
  };
  garder(utilisateurs, 'create', verifierRoles);
  garder(utilisateurs, 'updateById', async (id: unknown, attributs?: { roles?: unknown }) => {
    await verifierCompteGerable(strapi, id);
    await verifierRoles(attributs);
  });
  garder(utilisateurs, 'deleteById', (id: unknown) => verifierCompteGerable(strapi, id));
  garder(utilisateurs, 'deleteByIds', async (ids: unknown[]) => {
    for (const id of ids ?? []) await verifierCompteGerable(strapi, id);
  });
  const roles = strapi.service('admin::role') as unknown as Record<string, (...args: any[]) => Promise<unknown>>;
  for (const methode of ['create', 'update', 'updateById', 'deleteById', 'deleteByIds', 'assignPermissions']) {
    if (typeof roles[methode] !== 'function') continue;
    garder(roles, methode, async () => {
      throw new errors.PolicyError(REFUS_COMPTES.roles);
    });
  }
}

export async function configurerRolesEditoriaux(strapi: Core.Strapi): Promise<void> {
  const conditions = strapi.service('admin::permission').conditionProvider as { has(id: string): boolean; registerMany(c: unknown[]): Promise<unknown> };
  await conditions.registerMany(CONDITIONS.filter((c) => !conditions.has(`api::${c.name}`)));

  const roles = strapi.service('admin::role') as unknown as ServiceRole;
  for (const [cle, nom] of Object.entries(ROLES_EDITORIAUX) as Array<[keyof typeof ROLES_EDITORIAUX, string]>) {
    const { description, regles, autres } = PERMISSIONS_EDITORIALES[cle];
    const role = (await roles.findOne({ name: nom })) ?? (await roles.create({ name: nom, description }));
    await roles.update({ id: role.id }, { description });
    await roles.assignPermissions(role.id, permissions(strapi, regles, autres));
  }
  protegerComptesAdministration(strapi);
}
