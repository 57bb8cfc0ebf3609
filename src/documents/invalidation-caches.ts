/**
 * After any write of the Document Service (admin, REST, GraphQL, scripts all go through it): advances
 * the generation of the content (caches of responses and search, every process), and forgets this
 * process's statistics and index of similar projets when the write may change them: a projet created,
 * updated, published, unpublished or deleted; a collectivité, offreur or taxonomy entry changed (a
 * type, a région, a label).
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../domaine/regles-metier';
import { signalerEcriture } from './generation';

const TYPES: ReadonlySet<string> = new Set([UID.projet, UID.collectivite, UID.offreur, UID.thematique, UID.publicCible, UID.techniqueIa]);
const ECRITURES: ReadonlySet<string> = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);
const SERVICES = ['api::statistiques.statistiques', 'api::projet.similaires'] as const;

export function enregistrerInvalidationCaches(strapi: Core.Strapi): void {
  const invalider = () => {
    for (const nom of SERVICES) (strapi.service(nom) as unknown as { invalider(): void }).invalider();
  };
  strapi.documents.use(async (contexte, next) => {
    const resultat = await next();
    if (ECRITURES.has(contexte.action)) await signalerEcriture(strapi, TYPES.has(contexte.uid) ? invalider : undefined);
    return resultat;
  });
}
