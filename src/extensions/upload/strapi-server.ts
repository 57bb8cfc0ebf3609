/**
 * Uploads: every new or replaced file (admin panel, content API, scripts) goes through the upload
 * service, where active content is refused (`domaine/fichiers.ts`) before anything is stored. On the
 * content API (REST /api/upload/files, GraphQL uploadFiles), a caller who does not see members-only
 * ressources never finds their files, even if a role is one day granted the upload reads.
 */
import { open } from 'fs/promises';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { annonceSvg, messageFichierRefuse, motifContenuActif, OCTETS_EXAMINES } from '../../domaine/fichiers';
import { appelantDepuisAuth, voitRestreint } from '../../domaine/visibilite';
import { enCalculDesReserves, type ServiceFichiers } from '../../api/ressource/services/fichiers';

interface FichierRecu {
  filepath?: string;
  originalFilename?: string | null;
  mimetype?: string | null;
}

async function lire(chemin: string, tout: boolean): Promise<Uint8Array> {
  const fichier = await open(chemin, 'r');
  try {
    if (tout) return await fichier.readFile();
    const tampon = Buffer.alloc(OCTETS_EXAMINES);
    const { bytesRead } = await fichier.read(tampon, 0, OCTETS_EXAMINES, 0);
    return tampon.subarray(0, bytesRead);
  } finally {
    await fichier.close();
  }
}

async function verifierFichiers(fichiers: FichierRecu | FichierRecu[] | undefined): Promise<void> {
  for (const fichier of Array.isArray(fichiers) ? fichiers : fichiers ? [fichiers] : []) {
    if (!fichier.filepath) continue;
    const nom = fichier.originalFilename ?? '';
    const type = fichier.mimetype ?? '';
    const motif = motifContenuActif(nom, type, await lire(fichier.filepath, annonceSvg(nom, type)));
    if (motif) {
      const message = messageFichierRefuse(nom, motif);
      throw new errors.ValidationError(message, { errors: [{ path: ['files'], message }] });
    }
  }
}

type Service = Record<string, (...arguments_: any[]) => any>;

/** Reads of files by the content API (not the admin panel, not scripts) leave out the reserved ones. */
function masquerFichiersReserves(strapi: Core.Strapi): void {
  const restreindre = async (event: { params: { where?: unknown } }) => {
    const ctx = strapi.requestContext.get() as { state?: { route?: { info?: { type?: string } }; auth?: unknown } } | undefined;
    if (enCalculDesReserves() || ctx?.state?.route?.info?.type !== 'content-api' || voitRestreint(appelantDepuisAuth(ctx.state.auth))) return;
    const { ids } = await (strapi.service('api::ressource.fichiers') as unknown as ServiceFichiers).reserves();
    if (ids.length > 0) event.params.where = { $and: [event.params.where ?? {}, { id: { $notIn: ids } }] };
  };
  strapi.db.lifecycles.subscribe({ models: ['plugin::upload.file'], beforeFindMany: restreindre, beforeFindOne: restreindre, beforeCount: restreindre });
}

export default (plugin: {
  services: Record<string, (arguments_: unknown) => Service>;
  bootstrap?: (arguments_: { strapi: Core.Strapi }) => unknown;
}) => {
  const bootstrap = plugin.bootstrap;
  plugin.bootstrap = async ({ strapi }) => {
    await bootstrap?.({ strapi });
    masquerFichiersReserves(strapi);
  };
  const fabrique = plugin.services.upload;
  if (typeof fabrique !== 'function') throw new Error('Démarrage refusé : le service « upload » du plugin upload a changé.');
  plugin.services.upload = (arguments_) => {
    const service = fabrique(arguments_);
    if (typeof service.upload !== 'function' || typeof service.replace !== 'function') {
      throw new Error('Démarrage refusé : le service « upload » n’a plus ses méthodes upload et replace.');
    }
    return {
      ...service,
      async upload(donnees: { files?: FichierRecu | FichierRecu[] }, options?: unknown) {
        await verifierFichiers(donnees?.files);
        return service.upload(donnees, options);
      },
      async replace(id: unknown, donnees: { file?: FichierRecu }, options?: unknown) {
        await verifierFichiers(donnees?.file);
        return service.replace(id, donnees, options);
      },
    };
  };
  return plugin;
};
