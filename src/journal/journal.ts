/**
 * Journal d’audit (docs/journal.md): one row of `api::journal.entree-journal` per action, written with
 * strapi.db.query (so never through the Document Service, never journaled itself), never failing the
 * action it records. Sources: the Document Service (content writes), the database lifecycles of the
 * admin accounts, API and transfer tokens and review transitions, the event hub (admin logins), the
 * importer. The pure rules (actions, author, what is kept) are in src/domaine/journal.ts.
 */
import { AsyncLocalStorage } from 'async_hooks';
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  actionCompte,
  AUTEUR_SYSTEME,
  auteurDepuisEtat,
  auteurPersonne,
  champsEnvoyes,
  entreeDocument,
  estEcritureDocument,
  estSuivi,
  idsDe,
  limitePurge,
  UID_COMPTE_MEMBRE,
  UID_JOURNAL,
  type Auteur,
  type EntreeJournal,
  type EtatRequete,
  type Personne,
} from '../domaine/journal';
import { UID_TRANSITION } from '../plugins/revue-editoriale/public';

export const REFUS_JOURNAL = 'Le journal d’audit ne se modifie pas : ses entrées ne sont ni créées, ni modifiées, ni supprimées à la main.';

const MODELE_COMPTE = 'admin::user';
const JETONS: Readonly<Record<string, string>> = { 'admin::api-token': 'Jeton d’API', 'admin::transfer-token': 'Jeton de transfert' };

type ContexteRequete = { state?: EtatRequete; request?: { body?: unknown } };

function contexteRequete(strapi: Core.Strapi): ContexteRequete | undefined {
  return strapi.requestContext.get() as ContexteRequete | undefined;
}

/** The author of the current request (the Système outside any request). */
export function auteurCourant(strapi: Core.Strapi): Auteur {
  const ctx = contexteRequete(strapi);
  return ctx ? auteurDepuisEtat(ctx.state ?? {}) : AUTEUR_SYSTEME;
}

/** Writes one entry; a failure is logged, never thrown: the journal never fails the action it records. */
export async function journaliser(strapi: Core.Strapi, entree: EntreeJournal | null): Promise<void> {
  if (!entree) return;
  try {
    await strapi.db.query(UID_JOURNAL as UID.Schema).create({ data: { ...entree, date: new Date() } });
  } catch (erreur) {
    strapi.log.warn(`Journal d’audit : entrée « ${entree.action} » non écrite (${(erreur as Error).message})`);
  }
}

function nomDuType(strapi: Core.Strapi, uid: string): string {
  return (strapi.getModel(uid as UID.Schema)?.info?.displayName as string | undefined) ?? uid;
}

/**
 * The title of a document as a write returns it: the entry itself, or the first of `entries` (delete,
 * publish). An address or a login names a member's account only: the e-mail left with a signalement
 * stays with the signalement, which can be deleted, not in the journal.
 */
function libelleDe(uid: string, resultat: unknown): { documentId: string | null; libelle: string | null } {
  const r = resultat as { documentId?: string; entries?: Array<Record<string, unknown>> } & Record<string, unknown> | null;
  if (!r || typeof r !== 'object') return { documentId: null, libelle: null };
  const entree = (Array.isArray(r.entries) ? r.entries[0] : r) ?? {};
  const candidats = uid === UID_COMPTE_MEMBRE ? [entree.username, entree.email] : [entree.nom, entree.titre];
  const libelle = candidats.find((v) => typeof v === 'string' && v !== '') as string | undefined;
  return { documentId: (r.documentId as string | undefined) ?? (entree.documentId as string | undefined) ?? null, libelle: libelle ?? null };
}

/**
 * Document Service middleware, the outermost: refuses every write of the journal itself (whoever asks,
 * Super Admin included: 403, a PolicyError since Strapi answers a ForbiddenError's own message with its
 * generic one), and records each successful write of a followed type once it is done.
 */
export function journaliserDocuments(strapi: Core.Strapi): void {
  strapi.documents.use(async (contexte, suivant) => {
    if (!estEcritureDocument(contexte.action)) return suivant();
    if (contexte.uid === UID_JOURNAL) throw new errors.PolicyError(REFUS_JOURNAL);
    if (!estSuivi(contexte.uid)) return suivant();
    const resultat = await suivant();
    const params = contexte.params as { data?: unknown; documentId?: string } | undefined;
    const { documentId, libelle } = libelleDe(contexte.uid, resultat);
    await journaliser(
      strapi,
      entreeDocument({
        action: contexte.action,
        uid: contexte.uid,
        typeCible: nomDuType(strapi, contexte.uid),
        data: params?.data,
        documentId: documentId ?? params?.documentId ?? null,
        libelle,
        auteur: auteurCourant(strapi),
      }),
    );
    return resultat;
  });
}

/** Journal entries are written, then only read; the purge alone deletes, inside this context. */
const purgeEnCours = new AsyncLocalStorage<true>();

type Evenement = { params: { data?: Record<string, unknown>; where?: Record<string, unknown> }; result?: Record<string, unknown> | null; state: Record<string, unknown> };

function refuserEcritureDirecte(): void {
  throw new errors.PolicyError(REFUS_JOURNAL);
}

function entreeCible(strapi: Core.Strapi, uid: string, action: EntreeJournal['action'], cible: { libelle?: unknown; details?: Record<string, unknown> | null; auteur?: Auteur }): EntreeJournal {
  return {
    action,
    ...(cible.auteur ?? auteurCourant(strapi)),
    typeCible: JETONS[uid] ?? (uid === MODELE_COMPTE ? 'Compte d’agent' : nomDuType(strapi, uid)),
    uidCible: uid,
    documentCible: null,
    libelleCible: typeof cible.libelle === 'string' && cible.libelle !== '' ? cible.libelle.slice(0, 255) : null,
    details: cible.details ?? null,
  };
}

/** An admin account as a row gives it: « email » (never its password or tokens). */
const libelleCompte = (ligne: Record<string, unknown> | null | undefined) => (ligne?.email as string | undefined) ?? null;

/** The database lifecycles: the journal's own rows guarded, admin accounts, tokens, review transitions. */
function ecouterBase(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: [UID_JOURNAL],
    beforeUpdate: refuserEcritureDirecte,
    beforeUpdateMany: refuserEcritureDirecte,
    beforeDelete: () => {
      if (!purgeEnCours.getStore()) refuserEcritureDirecte();
    },
    beforeDeleteMany: () => {
      if (!purgeEnCours.getStore()) refuserEcritureDirecte();
    },
  });

  strapi.db.lifecycles.subscribe({
    models: [MODELE_COMPTE],
    async beforeUpdate(evenement: Evenement) {
      // Roles are compared only when the write sends them: one small read of the account's role ids.
      if (!evenement.params.data || !('roles' in evenement.params.data)) return;
      const avant = (await strapi.db.query(MODELE_COMPTE).findOne({ select: ['id'], where: evenement.params.where, populate: { roles: { select: ['id'] } } })) as {
        roles?: Array<{ id: number }>;
      } | null;
      evenement.state.rolesAvant = avant ? (avant.roles ?? []).map((r) => r.id) : null;
    },
    async afterCreate(evenement: Evenement) {
      const details = { champs: champsEnvoyes(evenement.params.data), roles: idsDe(evenement.params.data?.roles) };
      await journaliser(strapi, entreeCible(strapi, MODELE_COMPTE, 'compte_cree', { libelle: libelleCompte(evenement.result), details }));
    },
    async afterUpdate(evenement: Evenement) {
      const data = evenement.params.data ?? {};
      const rolesApres = 'roles' in data ? idsDe(data.roles) : null;
      const action = actionCompte((evenement.state.rolesAvant as number[] | null | undefined) ?? null, rolesApres);
      const details: Record<string, unknown> = { champs: champsEnvoyes(data) };
      if (action === 'role_modifie') Object.assign(details, { rolesAvant: evenement.state.rolesAvant, rolesApres });
      await journaliser(strapi, entreeCible(strapi, MODELE_COMPTE, action, { libelle: libelleCompte(evenement.result), details }));
    },
    async afterDelete(evenement: Evenement) {
      await journaliser(strapi, entreeCible(strapi, MODELE_COMPTE, 'compte_supprime', { libelle: libelleCompte(evenement.result), details: { id: evenement.result?.id ?? null } }));
    },
  });

  const jetons = Object.keys(JETONS).filter((uid) => strapi.getModel(uid as UID.Schema));
  strapi.db.lifecycles.subscribe({
    models: jetons,
    async afterCreate(evenement: Evenement & { model: { uid: string } }) {
      // Name, kind and lifespan only: never the token nor its hash.
      const r = evenement.result ?? {};
      const details = { id: r.id ?? null, type: r.type ?? null, dureeJours: typeof r.lifespan === 'number' ? Math.round(r.lifespan / 86_400_000) : null };
      await journaliser(strapi, entreeCible(strapi, evenement.model.uid, 'jeton_cree', { libelle: r.name, details }));
    },
    async afterDelete(evenement: Evenement & { model: { uid: string } }) {
      const r = evenement.result ?? {};
      await journaliser(strapi, entreeCible(strapi, evenement.model.uid, 'jeton_supprime', { libelle: r.name, details: { id: r.id ?? null } }));
    },
  });

  if (strapi.getModel(UID_TRANSITION as UID.Schema)) {
    strapi.db.lifecycles.subscribe({
      models: [UID_TRANSITION],
      async afterCreate(evenement: Evenement) {
        const t = evenement.params.data ?? {};
        const uid = String(t.cible);
        const requete = contexteRequete(strapi);
        // The agent of the request (with email and roles); otherwise what the review recorded (Système).
        const auteur: Auteur = requete?.state?.auth?.strategy?.name === 'admin'
          ? auteurDepuisEtat(requete.state)
          : { auteur: String(t.auteurNom ?? AUTEUR_SYSTEME.auteur).slice(0, 255), auteurId: typeof t.auteurId === 'number' ? t.auteurId : null, roleAuteur: String(t.role ?? '') || null };
        await journaliser(strapi, {
          action: 'transition',
          ...auteur,
          typeCible: nomDuType(strapi, uid),
          uidCible: uid,
          documentCible: String(t.documentCible),
          libelleCible: await titreDocument(strapi, uid, String(t.documentCible)),
          details: { action: t.action, de: t.de, vers: t.vers, roleRevue: t.role },
        });
      },
    });
  }
}

/** One column of one row: the title of a reviewed document (the transition row does not carry it). */
async function titreDocument(strapi: Core.Strapi, uid: string, documentId: string): Promise<string | null> {
  try {
    const champ = 'nom' in (strapi.getModel(uid as UID.Schema)?.attributes ?? {}) ? 'nom' : 'titre';
    const ligne = (await strapi.db.query(uid as UID.Schema).findOne({ select: [champ], where: { documentId } })) as Record<string, unknown> | null;
    return typeof ligne?.[champ] === 'string' ? (ligne[champ] as string).slice(0, 255) : null;
  } catch {
    return null;
  }
}

/** The account with its role names: the login event gives it without them (one small read). */
async function avecRoles(strapi: Core.Strapi, user: Personne): Promise<Personne> {
  if (user.roles || user.id === undefined) return user;
  try {
    const compte = (await strapi.db.query(MODELE_COMPTE).findOne({ select: ['id'], where: { id: user.id }, populate: { roles: { select: ['name'] } } })) as Personne | null;
    return { ...user, roles: compte?.roles ?? null };
  } catch {
    return user;
  }
}

/** Admin logins, failed logins and logouts, as Strapi's event hub announces them (not awaited by Strapi). */
function ecouterConnexions(strapi: Core.Strapi): void {
  const typeCible = 'Compte d’agent';
  const surCompte = async (action: EntreeJournal['action'], user: Personne | undefined, details: Record<string, unknown> | null) =>
    journaliser(strapi, {
      action,
      ...(user ? auteurPersonne(await avecRoles(strapi, user)) : AUTEUR_SYSTEME),
      typeCible,
      uidCible: MODELE_COMPTE,
      documentCible: null,
      libelleCible: user?.email ?? null,
      details,
    });
  strapi.eventHub.on('admin.auth.success', (charge: { user?: Personne; provider?: string }) => surCompte('connexion', charge?.user, { fournisseur: charge?.provider ?? null }));
  strapi.eventHub.on('admin.logout', (charge: { user?: Personne }) => surCompte('deconnexion', charge?.user, null));
  strapi.eventHub.on('admin.auth.error', (charge: { error?: Error; provider?: string }) => {
    // The address typed, never the password: who was tried. Typed by anyone, hence cut to the column's size.
    const corps = contexteRequete(strapi)?.request?.body as { email?: unknown } | undefined;
    const email = typeof corps?.email === 'string' ? corps.email.slice(0, 255) : null;
    return journaliser(strapi, {
      action: 'echec_connexion',
      auteur: email ?? 'Anonyme',
      auteurId: null,
      roleAuteur: null,
      typeCible,
      uidCible: MODELE_COMPTE,
      documentCible: null,
      libelleCible: email,
      details: { fournisseur: charge?.provider ?? null, motif: charge?.error?.message?.slice(0, 255) ?? null },
    });
  });
}

/**
 * Bootstrap: the database and event-hub sources. An import journals itself (src/import/importer.ts), the
 * Document Service writes are followed from `register` (journaliserDocuments).
 */
export function ecouterJournal(strapi: Core.Strapi): void {
  ecouterBase(strapi);
  ecouterConnexions(strapi);
}

/** Deletes the entries older than the configured retention (journal.conservationJours); logs the purge once. */
export async function purgerJournal(strapi: Core.Strapi, maintenant = new Date()): Promise<number> {
  const jours = strapi.config.get<number>('journal.conservationJours', 365);
  const limite = limitePurge(maintenant, jours);
  if (!limite) return 0;
  const { count } = (await purgeEnCours.run(true, () => strapi.db.query(UID_JOURNAL as UID.Schema).deleteMany({ where: { date: { $lt: limite } } }))) as { count: number };
  if (count > 0) {
    await journaliser(strapi, {
      action: 'purge',
      ...AUTEUR_SYSTEME,
      typeCible: 'Journal d’audit',
      uidCible: UID_JOURNAL,
      documentCible: null,
      libelleCible: null,
      details: { supprimees: count, avant: limite.toISOString(), conservationJours: jours },
    });
  }
  return count;
}

const INTERVALLE_PURGE_MS = 6 * 60 * 60 * 1000;

/** The periodic purge: once at start, then every six hours; stopped at shutdown after its pass in flight. */
export class PurgeJournal {
  private minuterie: NodeJS.Timeout | null = null;
  private enCours: Promise<unknown> | null = null;

  constructor(private readonly strapi: Core.Strapi) {}

  demarrer(): void {
    this.passer();
    this.minuterie = setInterval(() => this.passer(), INTERVALLE_PURGE_MS);
    this.minuterie.unref();
  }

  private passer(): void {
    this.enCours ??= purgerJournal(this.strapi)
      .catch((erreur: Error) => this.strapi.log.warn(`Journal d’audit : purge impossible (${erreur.message})`))
      .finally(() => {
        this.enCours = null;
      });
  }

  async arreter(): Promise<void> {
    if (this.minuterie) clearInterval(this.minuterie);
    this.minuterie = null;
    await this.enCours;
  }
}

/** The journal is internal: no GraphQL type, query nor mutation (and no REST route: src/api/journal/ has none). */
export function masquerJournalGraphql(strapi: Core.Strapi): void {
  strapi.plugin('graphql')?.service('extension').shadowCRUD(UID_JOURNAL).disable();
}
