/**
 * Uploads: every new or replaced file (admin panel, content API, scripts) goes through the upload
 * service, where active content is refused (`domaine/fichiers.ts`) before anything is stored.
 */
import { open } from 'fs/promises';
import { errors } from '@strapi/utils';
import { annonceSvg, messageFichierRefuse, motifContenuActif, OCTETS_EXAMINES } from '../../domaine/fichiers';

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

export default (plugin: { services: Record<string, (arguments_: unknown) => Service> }) => {
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
