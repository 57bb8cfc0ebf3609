/**
 * Alerts by theme (docs/abonnements.md): the double opt-in subscription, the alert at the first
 * publication of a matching projet (immediate) or the weekly digest, and the one-click unsubscribe that
 * deletes the address. Emails go through the review plugin's outbox, with their List-Unsubscribe headers.
 *
 * Subscriptions are written with `strapi.db.query` past their creation: an internal type nobody reads,
 * whose changes touch no public content (no cache to make stale, no invariant beyond the form's checks).
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../domaine/regles-metier';
import { LOCALE_PAR_DEFAUT } from '../domaine/locales';
import {
  CHEMIN_CONFIRMER,
  CHEMIN_DESABONNER,
  correspond,
  courrielAlerte,
  courrielConfirmation,
  courrielResume,
  hacherJeton,
  jetonDesabonnement,
  lireJetonDesabonnement,
  nouveauJeton,
  PERIODE_RESUME_MS,
  UID_ABONNEMENT,
  type Criteres,
  type DemandeAbonnement,
  type ProjetAlerte,
  type Referentiel,
} from '../domaine/abonnement';
import { adressePublique } from '../config/adresse-publique';
import { mettreEnFile } from '../plugins/revue-editoriale/public';

const TABLE_ALERTES = 'alertes_projets';
const JOUR_MS = 24 * 3600 * 1000;

interface AbonnementStocke extends Criteres {
  id: number;
  documentId: string;
  email: string;
  confirmeLe: string | null;
  dernierEnvoi: string | null;
}

const requete = (strapi: Core.Strapi) => strapi.db.query(UID_ABONNEMENT);
const cles = (strapi: Core.Strapi) => strapi.config.get<string[]>('server.app.keys', []);
/** Unconfirmed subscriptions older than this are deleted (and their link refused). */
const joursConfirmation = (strapi: Core.Strapi) => strapi.config.get<number>('api.abonnements.joursConfirmation', 7);

/** The slugs and names of the thématiques, and the types of collectivité, the form is checked against. */
export async function lireReferentiel(strapi: Core.Strapi): Promise<Referentiel & { noms: Record<string, string> }> {
  const lignes = (await strapi.db.query(UID.thematique).findMany({ select: ['slug', 'nom', 'locale'] })) as Array<{ slug: string | null; nom: string; locale: string }>;
  const noms: Record<string, string> = {};
  for (const l of lignes) if (l.slug && (l.locale === LOCALE_PAR_DEFAUT || !(l.slug in noms))) noms[l.slug] = l.nom;
  const type = strapi.contentType(UID.collectivite).attributes.type as { enum?: string[] };
  return { thematiques: new Set(Object.keys(noms)), typesCollectivite: type.enum ?? [], noms };
}

const lien = (strapi: Core.Strapi, chemin: string, jeton: string) => `${adressePublique(strapi)}${chemin}?jeton=${encodeURIComponent(jeton)}`;
const lienDesabonner = (strapi: Core.Strapi, documentId: string) => lien(strapi, CHEMIN_DESABONNER, jetonDesabonnement(documentId, cles(strapi)));

/**
 * A new request: stored unconfirmed with the hash of a fresh token, the confirmation email queued.
 * The address's previous unconfirmed request is replaced (its link dies); a confirmed subscription of the
 * address is left as it is until the new one is confirmed, which then replaces its criteria.
 */
export async function enregistrerAbonnement(strapi: Core.Strapi, demande: DemandeAbonnement, noms: Record<string, string> = {}): Promise<void> {
  await purgerNonConfirmes(strapi, new Date());
  const jeton = nouveauJeton();
  await strapi.db.transaction(async () => {
    await requete(strapi).deleteMany({ where: { email: demande.email, confirmeLe: { $null: true } } });
    await strapi.documents(UID_ABONNEMENT as never).create({ data: { ...demande, jetonHash: hacherJeton(jeton) } } as never);
    await mettreEnFile(strapi, [demande.email], courrielConfirmation(demande, lien(strapi, CHEMIN_CONFIRMER, jeton), noms));
  });
}

/** Confirms the request the token names; false if none (unknown, used or expired token). */
export async function confirmerAbonnement(strapi: Core.Strapi, jeton: unknown): Promise<boolean> {
  if (typeof jeton !== 'string' || jeton === '') return false;
  const maintenant = new Date();
  return strapi.db.transaction(async () => {
    const demande = (await requete(strapi).findOne({
      where: { jetonHash: hacherJeton(jeton), confirmeLe: { $null: true }, createdAt: { $gt: new Date(maintenant.getTime() - joursConfirmation(strapi) * JOUR_MS) } },
    })) as AbonnementStocke | null;
    if (!demande) return false;
    const criteres = { thematiques: demande.thematiques, region: demande.region, typeCollectivite: demande.typeCollectivite, frequence: demande.frequence };
    const existant = (await requete(strapi).findOne({ where: { email: demande.email, confirmeLe: { $notNull: true } } })) as AbonnementStocke | null;
    if (existant) {
      // Same row, same unsubscribe link: the links of the emails already sent keep working.
      await requete(strapi).update({ where: { id: existant.id }, data: criteres });
      await requete(strapi).delete({ where: { id: demande.id } });
    } else {
      await requete(strapi).update({ where: { id: demande.id }, data: { confirmeLe: maintenant, jetonHash: null, dernierEnvoi: maintenant } });
    }
    return true;
  });
}

/** Deletes the address the unsubscribe token names (every row of it); false for an invalid token. */
export async function desabonner(strapi: Core.Strapi, jeton: unknown): Promise<boolean> {
  const documentId = lireJetonDesabonnement(jeton, cles(strapi));
  if (!documentId) return false;
  const ligne = (await requete(strapi).findOne({ select: ['email'], where: { documentId } })) as { email: string } | null;
  // Already deleted: the same page, so a second click (or the mail client's POST after the button) is no error.
  if (ligne) await requete(strapi).deleteMany({ where: { email: ligne.email } });
  return true;
}

/** Whether the unsubscribe token is well signed (the GET page shows its button only then). */
export const jetonDesabonnementValide = (strapi: Core.Strapi, jeton: unknown): boolean => lireJetonDesabonnement(jeton, cles(strapi)) !== null;

/** Deletes the requests never confirmed in time. */
export async function purgerNonConfirmes(strapi: Core.Strapi, maintenant: Date): Promise<number> {
  const limite = new Date(maintenant.getTime() - joursConfirmation(strapi) * JOUR_MS);
  const { count } = (await requete(strapi).deleteMany({ where: { confirmeLe: { $null: true }, createdAt: { $lte: limite } } })) as { count: number };
  return count;
}

// --- Projets ------------------------------------------------------------------------------------

interface ThematiqueLue {
  slug: string | null;
  parent?: { slug: string | null } | null;
}
interface ProjetLu {
  documentId: string;
  nom: string;
  slug: string | null;
  thematique?: ThematiqueLue | null;
  sousThematiques?: ThematiqueLue[];
  collectivite?: { nom: string; type: string | null; codeRegion: string | null } | null;
}

const thematiqueLue = { select: ['slug'], populate: { parent: { select: ['slug'] } } };

/** The published projets among `documentIds`, with what an alert says and matches on (public fields only). */
export async function lireProjetsAlerte(strapi: Core.Strapi, documentIds: readonly string[]): Promise<ProjetAlerte[]> {
  if (documentIds.length === 0) return [];
  const lignes = (await strapi.db.query(UID.projet).findMany({
    select: ['documentId', 'nom', 'slug'],
    where: { documentId: { $in: [...documentIds] }, publishedAt: { $notNull: true } },
    populate: { thematique: thematiqueLue, sousThematiques: thematiqueLue, collectivite: { select: ['nom', 'type', 'codeRegion'] } },
    orderBy: [{ nom: 'asc' }],
  })) as ProjetLu[];
  return lignes.map((p) => {
    const themes = [p.thematique, ...(p.sousThematiques ?? [])].flatMap((t) => (t ? [t.slug, t.parent?.slug] : []));
    return {
      documentId: p.documentId,
      nom: p.nom,
      slug: p.slug ?? null,
      thematiques: [...new Set(themes.filter((s): s is string => !!s))],
      collectivite: p.collectivite ? { nom: p.collectivite.nom, type: p.collectivite.type ?? null, codeRegion: p.collectivite.codeRegion ?? null } : null,
    };
  });
}

const confirmes = async (strapi: Core.Strapi, where: Record<string, unknown>) =>
  (await requete(strapi).findMany({ where: { confirmeLe: { $notNull: true }, ...where }, orderBy: [{ id: 'asc' }] })) as AbonnementStocke[];

/**
 * Records the first publication of a projet, once ever (primary key; an insert that conflicts inserts
 * nothing), and queues the immediate alerts, in one transaction (the caller's, if any).
 */
async function annoncerPremierePublication(strapi: Core.Strapi, documentId: string): Promise<void> {
  await strapi.db.transaction(async ({ trx }) => {
    const inseres = (await trx(TABLE_ALERTES)
      .insert({ document_id: documentId, premiere_publication: Date.now() })
      .onConflict('document_id')
      .ignore()
      .returning('document_id')) as unknown[];
    if (inseres.length === 0) return;
    const [projet] = await lireProjetsAlerte(strapi, [documentId]);
    if (!projet) return;
    const base = adressePublique(strapi);
    for (const a of await confirmes(strapi, { frequence: 'immediate' })) {
      if (correspond(a, projet)) await mettreEnFile(strapi, [a.email], courrielAlerte(projet, base, lienDesabonner(strapi, a.documentId)));
    }
  });
}

const ACTIONS_PUBLIANTES: ReadonlySet<string> = new Set(['create', 'update', 'publish']);

/**
 * Document Service middleware: after a write that leaves a projet published when it had no published
 * version before, its first publication is announced. Only the first: republishing after an edit or a
 * withdrawal is no news for the subscribers, and a correction must not send the same alert again.
 * An alert failure is logged, never turned into a failed publication.
 */
export function enregistrerAlertes(strapi: Core.Strapi): void {
  strapi.documents.use(async (contexte, suivant) => {
    if (contexte.uid !== UID.projet || !ACTIONS_PUBLIANTES.has(contexte.action)) return suivant();
    const avant = (contexte.params as { documentId?: string }).documentId;
    const dejaPublie = avant ? (await strapi.db.query(UID.projet).count({ where: { documentId: avant, publishedAt: { $notNull: true } } })) > 0 : false;
    const resultat = await suivant();
    if (dejaPublie) return resultat;
    const documentId = avant ?? (resultat as { documentId?: string } | null)?.documentId;
    try {
      if (documentId && (await strapi.db.query(UID.projet).count({ where: { documentId, publishedAt: { $notNull: true } } })) > 0) {
        await annoncerPremierePublication(strapi, documentId);
      }
    } catch (erreur) {
      strapi.log.error(`Alertes des abonnés non envoyées pour le projet ${documentId} : ${(erreur as Error).message}`);
    }
    return resultat;
  });
}

/**
 * The weekly digests due at `maintenant`: for each confirmed weekly subscription whose previous digest
 * (or confirmation) is a week old, one email listing the matching projets first published since, and
 * `dernierEnvoi` stamped. The stamp is a conditional update, so several processes send each digest once.
 * Returns the number of emails queued. Run by the periodic task (`demarrerTacheAbonnements`).
 */
export async function envoyerResumesHebdomadaires(strapi: Core.Strapi, maintenant: Date): Promise<number> {
  const dus = await confirmes(strapi, { frequence: 'hebdomadaire', dernierEnvoi: { $lte: new Date(maintenant.getTime() - PERIODE_RESUME_MS) } });
  if (dus.length === 0) return 0;
  const depuis = Math.min(...dus.map((a) => new Date(a.dernierEnvoi!).getTime()));
  const publications = (await strapi.db
    .connection(TABLE_ALERTES)
    .select('document_id', 'premiere_publication')
    .where('premiere_publication', '>', depuis)
    .andWhere('premiere_publication', '<=', maintenant.getTime())) as Array<{ document_id: string; premiere_publication: string | number }>;
  const premiere = new Map(publications.map((p) => [p.document_id, Number(p.premiere_publication)]));
  const projets = await lireProjetsAlerte(strapi, [...premiere.keys()]);
  const base = adressePublique(strapi);
  let envoyes = 0;
  for (const a of dus) {
    const debut = new Date(a.dernierEnvoi!).getTime();
    const siens = projets.filter((p) => premiere.get(p.documentId)! > debut && correspond(a, p));
    await strapi.db.transaction(async () => {
      const { count } = (await requete(strapi).updateMany({ where: { id: a.id, dernierEnvoi: a.dernierEnvoi }, data: { dernierEnvoi: maintenant } })) as { count: number };
      if (count === 0 || siens.length === 0) return;
      await mettreEnFile(strapi, [a.email], courrielResume(siens, base, lienDesabonner(strapi, a.documentId)));
      envoyes += 1;
    });
  }
  return envoyes;
}

let minuterie: NodeJS.Timeout | null = null;

/** Every `api.abonnements.intervalleMs` (an hour by default): the digests due and the purge of unconfirmed requests. */
export function demarrerTacheAbonnements(strapi: Core.Strapi): void {
  const intervalle = strapi.config.get<number>('api.abonnements.intervalleMs', 3600_000);
  minuterie = setInterval(() => {
    const maintenant = new Date();
    Promise.all([envoyerResumesHebdomadaires(strapi, maintenant), purgerNonConfirmes(strapi, maintenant)]).catch((erreur: Error) =>
      strapi.log.error(`Abonnements : résumés ou purge en échec : ${erreur.message}`),
    );
  }, intervalle);
  minuterie.unref();
}

export function arreterTacheAbonnements(): void {
  if (minuterie) clearInterval(minuterie);
  minuterie = null;
}

/** Subscriptions are internal: no GraphQL type, query nor mutation for them (the mutation `sAbonner` is src/abonnements/graphql.ts). */
export function masquerAbonnementsGraphql(strapi: Core.Strapi): void {
  strapi.plugin('graphql')?.service('extension').shadowCRUD(UID_ABONNEMENT).disable();
}
