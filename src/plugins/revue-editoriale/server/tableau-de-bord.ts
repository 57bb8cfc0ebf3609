/**
 * What the admin home page and the edit form need to know about the agent: the documents they work
 * on (home widgets « Mes projets », « Modifications demandées »), whether they review (« À relire »),
 * and their collectivités (the form prefills the collectivité of an agent who has only one).
 */
import type { Core, UID } from '@strapi/strapi';
import { documentsEnRevue, type Acteur, type DocumentEnRevue } from './documents';
import { typesSuivis } from './lecture';

/** A document on the agent's home page. */
export type DocumentDeLAgent = DocumentEnRevue;

export interface TableauDeBord {
  /** Drafts of the agent's collectivités, and those they created, most recently modified first. */
  mesDocuments: DocumentDeLAgent[];
  /** Modérateur, or référent of at least one collectivité: the « À relire » widget concerns them. */
  relecteur: boolean;
  collectivites: Array<{ id: number; documentId: string; nom: string }>;
}

const MAX_DOCUMENTS = 50;

export async function tableauDeBord(strapi: Core.Strapi, acteur: Acteur): Promise<TableauDeBord> {
  const collectivites = (await strapi.db.query('api::collectivite.collectivite').findMany({
    select: ['id', 'documentId', 'nom'],
    where: { $or: [{ referents: { id: acteur.id } }, { contributeurs: { id: acteur.id } }] },
    populate: { referents: { select: ['id'] } },
    orderBy: { nom: 'asc' },
  })) as Array<{ id: number; documentId: string; nom: string; referents?: Array<{ id: number }> }>;
  const referent = collectivites.some((c) => (c.referents ?? []).some((r) => r.id === acteur.id));

  const mesDocuments: DocumentDeLAgent[] = [];
  for (const uid of typesSuivis(strapi)) {
    const aUneCollectivite = 'collectivite' in strapi.getModel(uid as UID.Schema).attributes;
    const conditions: Array<Record<string, unknown>> = [{ createdBy: { id: acteur.id } }];
    if (aUneCollectivite && collectivites.length > 0) conditions.push({ collectivite: { id: { $in: collectivites.map((c) => c.id) } } });
    mesDocuments.push(...(await documentsEnRevue(strapi, uid, { $or: conditions }, 'desc', MAX_DOCUMENTS)));
  }
  mesDocuments.sort((a, b) => b.modifieLe.localeCompare(a.modifieLe));
  return {
    mesDocuments: mesDocuments.slice(0, MAX_DOCUMENTS),
    relecteur: acteur.moderateur || referent,
    collectivites: collectivites.map(({ id, documentId, nom }) => ({ id, documentId, nom })),
  };
}
