/**
 * « Signaler une erreur »: storing a visitor's report, telling the modérateurs and the projet's
 * référents, and emailing the visitor the modérateur's answer, once (docs/modele.md, Signalement).
 * Emails go through the review plugin's outbox, the application's one way of sending mail.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../domaine/regles-metier';
import { errors } from '@strapi/utils';
import { courrielReponse, courrielSignalement, doitRepondre, lireSignalement, PROJET_SIGNALE_INTROUVABLE, UID_SIGNALEMENT, type Signalement } from '../domaine/signalement';
import { emailsModerateurs, lienAdmin, mettreEnFile } from '../plugins/revue-editoriale/public';

interface ProjetSignale {
  id: number;
  documentId: string;
  nom: string;
  collectivite?: { referents?: Array<{ email: string; isActive: boolean; blocked: boolean }> } | null;
}

/** The published projet a visitor may report on, with its collectivité's référents; null if none. */
async function projetPublie(strapi: Core.Strapi, documentId: string): Promise<ProjetSignale | null> {
  return (await strapi.db.query(UID.projet).findOne({
    select: ['id', 'documentId', 'nom'],
    where: { documentId, publishedAt: { $notNull: true } },
    populate: { collectivite: { select: ['id'], populate: { referents: { select: ['email', 'isActive', 'blocked'] } } } },
  })) as ProjetSignale | null;
}

/** Stores the report and queues its email; false when the projet is not a published one. */
export async function enregistrerSignalement(strapi: Core.Strapi, s: Signalement): Promise<boolean> {
  const projet = await projetPublie(strapi, s.projet);
  if (!projet) return false;
  const cree = await strapi.documents(UID_SIGNALEMENT).create({
    data: { projet: { connect: [{ documentId: projet.documentId, status: 'published' }] }, message: s.message, email: s.email },
  } as never);
  const referents = (projet.collectivite?.referents ?? []).filter((r) => r.isActive && !r.blocked).map((r) => r.email);
  const destinataires = [...new Set([...(await emailsModerateurs(strapi)), ...referents].map((e) => e.trim().toLowerCase()))];
  const courriel = courrielSignalement({
    titreProjet: projet.nom,
    message: s.message,
    avecEmail: s.email !== null,
    lien: lienAdmin(strapi, { uid: UID_SIGNALEMENT, documentId: (cree as { documentId: string }).documentId }),
  });
  await mettreEnFile(strapi, destinataires, courriel);
  return true;
}

/**
 * A visitor's form (`{ data: { projet, message, email?, siteWeb? } }`), REST or GraphQL: French 400 or 404,
 * else stored and notified. A filled honeypot (a robot) returns as a stored report does, nothing stored nor sent.
 */
export async function signaler(strapi: Core.Strapi, corps: unknown): Promise<void> {
  const lecture = lireSignalement(corps);
  if (lecture.type === 'invalide') throw new errors.ValidationError(lecture.message, { champ: lecture.champ });
  if (lecture.type === 'valide' && !(await enregistrerSignalement(strapi, lecture.signalement))) throw new errors.NotFoundError(PROJET_SIGNALE_INTROUVABLE);
}

interface SignalementStocke {
  id: number;
  message: string;
  email: string | null;
  reponse: string | null;
  reponduLe: string | null;
  projet?: { nom: string } | null;
}

/**
 * Emails the answer to the visitor the first time a saved signalement has an address and a `reponse`,
 * and stamps `reponduLe`. The stamp is a conditional update, so two concurrent saves send one email.
 */
async function repondreSiBesoin(strapi: Core.Strapi, documentId: string): Promise<void> {
  const s = (await strapi.db.query(UID_SIGNALEMENT).findOne({
    select: ['id', 'message', 'email', 'reponse', 'reponduLe'],
    where: { documentId },
    populate: { projet: { select: ['nom'] } },
  })) as SignalementStocke | null;
  if (!s || !doitRepondre(s)) return;
  const marque = (await strapi.db.query(UID_SIGNALEMENT).updateMany({ where: { id: s.id, reponduLe: { $null: true } }, data: { reponduLe: new Date() } })) as { count: number };
  if (marque.count === 0) return;
  await mettreEnFile(strapi, [s.email!], courrielReponse({ titreProjet: s.projet?.nom ?? 'projet supprimé', message: s.message, reponse: s.reponse! }));
}

/** Document Service middleware: after each save of a signalement (admin panel or script), the answer email. */
export function enregistrerReponsesSignalements(strapi: Core.Strapi): void {
  strapi.documents.use(async (contexte, suivant) => {
    const resultat = await suivant();
    if (contexte.uid === UID_SIGNALEMENT && contexte.action === 'update') {
      const documentId = (resultat as { documentId?: string } | null)?.documentId;
      if (documentId) await repondreSiBesoin(strapi, documentId);
    }
    return resultat;
  });
}

/** Reports are internal: no GraphQL type, query nor mutation of Strapi's for them (only `signalerErreur`, src/signalements/graphql.ts). */
export function masquerSignalementsGraphql(strapi: Core.Strapi): void {
  strapi.plugin('graphql')?.service('extension').shadowCRUD(UID_SIGNALEMENT).disable();
}
