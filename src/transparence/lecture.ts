/** The fiche de transparence of a published projet, read and built once for both routes (JSON and HTML). */
import type { Core } from '@strapi/strapi';
import { adressesFiche, construireFiche, type Adresses, type Fiche } from './fiche';
import { lireProjetPublic, type CritereProjet } from './projet-public';
import { adressePublique } from '../config/adresse-publique';

export async function lireFiche(strapi: Core.Strapi, critere: CritereProjet): Promise<{ fiche: Fiche; adresses: Adresses } | null> {
  const projet = await lireProjetPublic(strapi, critere);
  return projet ? { fiche: construireFiche(projet), adresses: adressesFiche(adressePublique(strapi), projet) } : null;
}
