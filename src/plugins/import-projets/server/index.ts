/**
 * Local plugin « import-projets »: the importer of src/import, behind admin routes reserved to the admin
 * permission ACTION_IMPORTER (held by the Modérateur role, src/bootstrap/roles-editoriaux.ts, and Super
 * Admins; its menu link shows only to them). A file is first analysed (a dry run: the importer's own,
 * every row rolled back), then imported for real on confirmation, in the background, with its progress
 * readable.
 */
import { readFile, rm } from 'fs/promises';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { importerProjets, type OptionsImport, type SourceImport } from '../../../import/importer';
import { auteurPersonne, type Personne } from '../../../domaine/journal';
import { ErreurImport, Sessions } from './sessions';

const PLUGIN = 'import-projets';
export const ACTION_IMPORTER = `plugin::${PLUGIN}.importer`;
const MO = 1024 * 1024;

interface Fichier {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}
type Ctx = {
  params: Record<string, string>;
  state: { user?: { id: number; email?: string } };
  request: { body?: Record<string, unknown>; files?: Record<string, Fichier | Fichier[]> };
  status: number;
  body: unknown;
};
type ContextePolitique = { state?: { userAbility?: { can(action: string): boolean } } };

const sessions = new Sessions();

/** The import writes projets of every collectivité: refused, in French, to whoever lacks the permission. */
function peutImporter(politique: ContextePolitique): boolean {
  if (politique.state?.userAbility?.can(ACTION_IMPORTER)) return true;
  throw new errors.PolicyError('L’import de projets est réservé aux modérateurs.');
}

const politiques = { policies: ['admin::isAuthenticatedAdmin', `plugin::${PLUGIN}.importer`] };

/** Lets other requests (progress, refusals) in between rows: SQLite's driver never yields on its own. */
const ceder = () => new Promise<void>((resolve) => setImmediate(resolve));

const vrai = (valeur: unknown) => valeur === true || valeur === 'true' || valeur === '1' || valeur === 'on';

/**
 * Runs the importer as the CLI does, outside the request's context: the document middlewares then see
 * a script (as for `npm run import`), not the modérateur, so the dry run and the real run are the same code.
 */
function horsRequete<T>(strapi: Core.Strapi, travail: () => Promise<T>): Promise<T> {
  const contexte = strapi.requestContext as unknown as { run<R>(store: undefined, cb: () => Promise<R>): Promise<R> };
  return contexte.run(undefined, travail);
}

async function repondre(ctx: Ctx, operation: () => Promise<unknown>, statut = 200) {
  try {
    const data = await operation();
    ctx.status = statut;
    ctx.body = { data };
  } catch (erreur) {
    if (!(erreur instanceof ErreurImport)) throw erreur;
    const noms = { 400: 'ValidationError', 403: 'ForbiddenError', 404: 'NotFoundError', 409: 'ConflictError', 413: 'PayloadTooLargeError' } as const;
    ctx.status = erreur.statut;
    ctx.body = { data: null, error: { status: erreur.statut, name: noms[erreur.statut], message: erreur.message } };
  }
}

/** The uploaded file (multipart field « fichier »), read into memory; formidable's temporary file is removed. */
async function lireDepot(ctx: Ctx, tailleMax: number): Promise<SourceImport> {
  const depots = Object.values(ctx.request.files ?? {}).flat();
  try {
    if (depots.length !== 1) throw new ErreurImport(400, 'Joignez un et un seul fichier à importer (CSV, XLSX ou ODS).');
    const [depot] = depots;
    if (depot.size > tailleMax) {
      throw new ErreurImport(413, `Le fichier pèse ${(depot.size / MO).toFixed(1).replace('.', ',')} Mo : au plus ${tailleMax / MO} Mo par import. Découpez-le ou retirez-en les feuilles inutiles.`);
    }
    return { nom: depot.originalFilename || 'fichier', octets: new Uint8Array(await readFile(depot.filepath)) };
  } finally {
    await Promise.all(depots.map((d) => rm(d.filepath, { force: true })));
  }
}

export default {
  config: {
    default: { tailleMaxMo: 10 },
    validator(config: { tailleMaxMo: unknown }) {
      if (typeof config.tailleMaxMo !== 'number' || !(config.tailleMaxMo > 0)) throw new Error('import-projets : « tailleMaxMo » doit être un nombre positif.');
    },
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const permissions = strapi.service('admin::permission') as unknown as { actionProvider: { registerMany(actions: unknown[]): Promise<void> } };
    await permissions.actionProvider.registerMany([{ section: 'plugins', displayName: 'Importer des projets (CSV, XLSX, ODS)', uid: 'importer', pluginName: PLUGIN }]);
  },

  policies: {
    importer: (politique: ContextePolitique) => peutImporter(politique),
  },

  controllers: {
    import: ({ strapi }: { strapi: Core.Strapi }) => ({
      /** POST /analyses (multipart: fichier, publier, creerCollectivites): the dry-run report and the token to confirm it. */
      analyser: (ctx: Ctx) =>
        repondre(ctx, async () => {
          const source = await lireDepot(ctx, (strapi.plugin(PLUGIN).config('tailleMaxMo') as number) * MO);
          const corps = ctx.request.body ?? {};
          const options = { publier: vrai(corps.publier), creerCollectivites: vrai(corps.creerCollectivites) };
          const rapport = await sessions.occuper(`simulation de « ${source.nom} »`, () =>
            horsRequete(strapi, () => importerProjets(strapi, source, { ...options, simulation: true, avancement: ceder })),
          );
          if (rapport.erreurFichier) throw new ErreurImport(400, `Fichier refusé : ${rapport.erreurFichier}`);
          const analyse = sessions.retenir(ctx.state.user!.id, source, options, rapport.lignes.length);
          return { jeton: analyse.jeton, expireLe: new Date(analyse.expireLe).toISOString(), options, rapport };
        }),

      /** POST /executions { jeton }: the real import of the analysed file, started in the background. */
      executer: (ctx: Ctx) =>
        repondre(
          ctx,
          async () => {
            // Synchronous from the check to the start: no other import can slip in between.
            sessions.verifierLibre();
            const utilisateur = ctx.state.user!;
            const { source, options, total } = sessions.reprendre(utilisateur.id, ctx.request.body?.jeton);
            const execution = sessions.lancer(source.nom, total, (e) => {
              strapi.log.info(`Import de « ${source.nom} » lancé depuis l’administration par ${utilisateur.email ?? `l’utilisateur ${utilisateur.id}`}.`);
              const reglages: OptionsImport = {
                ...options,
                // Run outside the request (horsRequete): the journal is told who launched it.
                auteur: auteurPersonne(utilisateur as Personne),
                avancement: (faites, sur) => {
                  Object.assign(e, { faites, total: sur });
                  return ceder();
                },
              };
              return horsRequete(strapi, () => importerProjets(strapi, source, reglages));
            });
            return execution;
          },
          202,
        ),

      /** GET /executions/:id: progress, then the report. */
      execution: (ctx: Ctx) => repondre(ctx, async () => sessions.execution(ctx.params.id)),
    }),
  },

  routes: {
    admin: {
      type: 'admin',
      routes: [
        { method: 'POST', path: '/analyses', handler: 'import.analyser', config: politiques },
        { method: 'POST', path: '/executions', handler: 'import.executer', config: politiques },
        { method: 'GET', path: '/executions/:id', handler: 'import.execution', config: politiques },
      ],
    },
  },
};
