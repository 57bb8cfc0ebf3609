/**
 * Admin roles Contributeur, Référent and Modérateur with exactly the permissions of
 * design/editorial.md, created and kept up to date at every start (idempotent). What RBAC cannot
 * express (stamping the collectivité on create, state-dependent edits, publication) is enforced by the
 * revue-editoriale plugin's document middleware.
 */
import type { Core, UID } from '@strapi/strapi';
import { UID as T } from '../domaine/regles-metier';
import { NOM_ROLE_MODERATEUR } from '../plugins/revue-editoriale/server/documents';

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
    ],
    autres: [...UPLOAD_AGENT, 'admin::users.read', 'admin::users.create', 'admin::users.update', 'admin::roles.read'],
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
      for (const action of regle.actions) {
        resultat.push({
          action: `plugin::content-manager.explorer.${action}`,
          subject: sujet,
          properties: {
            ...(['create', 'read', 'update'].includes(action) ? { fields: champs } : {}),
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
}
