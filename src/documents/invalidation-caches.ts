/**
 * Forgets the cached statistics and index of similar projets after any write of the Document Service
 * that may change them: a projet created, updated, published, unpublished or deleted; a collectivité,
 * offreur or taxonomy entry changed (a type, a région, a label). Every path (admin, REST, GraphQL,
 * scripts run in this process) goes through it. Inside a transaction, forgotten again at commit: a
 * read between the write and the commit would otherwise cache the old state.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../domaine/regles-metier';

const TYPES: ReadonlySet<string> = new Set([UID.projet, UID.collectivite, UID.offreur, UID.thematique, UID.publicCible, UID.techniqueIa]);
const ECRITURES: ReadonlySet<string> = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);
const SERVICES = ['api::statistiques.statistiques', 'api::projet.similaires'] as const;

export function enregistrerInvalidationCaches(strapi: Core.Strapi): void {
  const invalider = () => {
    for (const nom of SERVICES) (strapi.service(nom) as unknown as { invalider(): void }).invalider();
  };
  strapi.documents.use(async (contexte, next) => {
    const resultat = await next();
    if (TYPES.has(contexte.uid) && ECRITURES.has(contexte.action)) {
      invalider();
      if (strapi.db.inTransaction()) await strapi.db.transaction(async ({ onCommit }) => onCommit(invalider));
    }
    return resultat;
  });
}
