/** The fiche de transparence of a published projet, read and built once for both routes (JSON and HTML). */
import type { Core } from '@strapi/strapi';
import { adressesFiche, construireFiche, type Adresses, type Fiche } from './fiche';
import { lireProjetPublic, type CritereProjet } from './projet-public';

/** The public address of the CMS (`server.absoluteUrl`), without a trailing slash. */
const adresseCms = (strapi: Core.Strapi): string => String(strapi.config.get('server.absoluteUrl', '') ?? '').replace(/\/$/, '');

export async function lireFiche(strapi: Core.Strapi, critere: CritereProjet): Promise<{ fiche: Fiche; adresses: Adresses } | null> {
  const projet = await lireProjetPublic(strapi, critere);
  return projet ? { fiche: construireFiche(projet), adresses: adressesFiche(adresseCms(strapi), projet) } : null;
}
