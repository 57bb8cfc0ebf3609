/**
 * Document Service middleware of the review: native create, update, delete, publish and unpublish
 * (edit view, bulk actions, admin API, content API, scripts) obey the same rules as the transitions.
 */
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import { decider, etatApresModification, peutModifier, peutSupprimer, type Etat } from './machine';
import { ATTRIBUT_ETAT, HORS_COLLECTIVITE } from './constantes';
import {
  acteurCourant,
  changerEtat,
  chargerDocument,
  collectivitesDe,
  contexteTransition,
  roleDe,
  type Acteur,
  type DocumentRevu,
} from './documents';
import { dejaPublie, enregistrerTransition } from './historique';
import { lireVersion, typesSuivis } from './lecture';
import { modifieLeDocument } from './modifications';
import { memeRef, resoudreRelation } from './relations';

interface Params {
  documentId?: string;
  locale?: string;
  status?: string;
  data?: Record<string, unknown>;
}

export class ErreurRevue extends Error {
  constructor(
    readonly statut: 400 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

/** Maps a refusal to the error Strapi turns into the right HTTP status. */
export function versErreurStrapi(erreur: ErreurRevue): Error {
  if (erreur.statut === 403) return new errors.ForbiddenError(erreur.message);
  if (erreur.statut === 404) return new errors.NotFoundError(erreur.message);
  if (erreur.statut === 400) return new errors.ValidationError(erreur.message);
  return createHttpError(409, erreur.message); // Strapi's error middleware keeps the status of HTTP errors
}

async function documentExistant(strapi: Core.Strapi, uid: string, documentId?: string): Promise<DocumentRevu> {
  const document = documentId ? await chargerDocument(strapi, uid, documentId) : null;
  if (!document) throw new errors.NotFoundError('Document introuvable.');
  return document;
}

function roleRequis(acteur: Acteur, document: DocumentRevu) {
  const role = roleDe(acteur, document);
  if (!role) throw new errors.ForbiddenError(HORS_COLLECTIVITE);
  return role;
}

export const COLLECTIVITE_OBLIGATOIRE =
  'Le champ « Collectivité » (collectivite) ne peut pas être vidé : seul un modérateur peut détacher un document de sa collectivité.';

/**
 * A contributeur or référent writes only for the collectivités they belong to; a lone one is stamped;
 * a document they edit never loses its collectivité (`actuelle`: what it holds before the write).
 */
async function verifierCollectivite(strapi: Core.Strapi, acteur: Acteur, data: Record<string, unknown>, creation: boolean, actuelle: DocumentRevu['collectivite'] = null) {
  if (acteur.moderateur || (!creation && !('collectivite' in data))) return;
  const miennes = await collectivitesDe(strapi, acteur.id);
  const demandees = resoudreRelation(data.collectivite, actuelle ? [{ id: actuelle.id, documentId: actuelle.documentId }] : []);
  if (demandees.length === 0 && !creation) {
    throw new errors.ValidationError(COLLECTIVITE_OBLIGATOIRE, { errors: [{ path: ['collectivite'], message: COLLECTIVITE_OBLIGATOIRE, name: 'ValidationError' }] });
  }
  if (demandees.length === 0 && creation) {
    if (miennes.length === 0) throw new errors.ForbiddenError('Vous n’êtes rattaché à aucune collectivité : demandez à un modérateur de vous y ajouter.');
    if (miennes.length > 1) throw new errors.ValidationError('Choisissez la collectivité porteuse (vous êtes rattaché à plusieurs collectivités).');
    data.collectivite = miennes[0].documentId;
    return;
  }
  if (!demandees.every((ref) => miennes.some((m) => memeRef(ref, m)))) {
    throw new errors.ForbiddenError('Vous ne pouvez rattacher un document qu’à une collectivité dont vous êtes contributeur ou référent.');
  }
}

/** Publishing in the same call as a write (`status: 'published'`) is the modérateurs' and scripts' right. */
function verifierPublicationDirecte(params: Params, acteur: Acteur | null) {
  if (params.status === 'published' && acteur && !acteur.moderateur) {
    throw new errors.ForbiddenError('Seul un modérateur peut publier : soumettez le document à la revue.');
  }
}

async function surCreation(strapi: Core.Strapi, uid: string, params: Params, acteur: Acteur | null, suite: () => Promise<unknown>) {
  verifierPublicationDirecte(params, acteur);
  const data = { ...(params.data ?? {}) };
  const publie = params.status === 'published';
  data[ATTRIBUT_ETAT] = publie ? 'publie' : 'brouillon';
  if (acteur && 'collectivite' in strapi.getModel(uid as UID.Schema).attributes) await verifierCollectivite(strapi, acteur, data, true);
  params.data = data;
  const resultat = (await suite()) as { documentId?: string } | null;
  const document = publie && resultat?.documentId ? await chargerDocument(strapi, uid, resultat.documentId) : null;
  if (document) {
    await enregistrerTransition(strapi, { document, action: 'publier', de: 'brouillon', vers: 'publie', acteur, role: acteur ? 'moderateur' : 'systeme' });
  }
  return resultat;
}

async function surModification(strapi: Core.Strapi, uid: string, params: Params, acteur: Acteur | null, suite: () => Promise<unknown>) {
  verifierPublicationDirecte(params, acteur);
  const data = { ...(params.data ?? {}) };
  delete data[ATTRIBUT_ETAT];
  const document = params.documentId ? await chargerDocument(strapi, uid, params.documentId) : null;
  if (!document) {
    params.data = data;
    return suite(); // Strapi answers 404
  }
  const role = acteur ? roleRequis(acteur, document) : 'systeme';
  if (role !== 'systeme' && !peutModifier(document.etat, role)) {
    throw new errors.ForbiddenError('Ce document est en cours de revue : il ne peut être modifié qu’après une demande de modifications.');
  }
  if (acteur && document.aUneCollectivite) await verifierCollectivite(strapi, acteur, data, false, document.collectivite);
  // Saving without changing anything (or a second « Publier » click) does not send a document back to review.
  const modifie = modifieLeDocument(strapi.getModel(uid as UID.Schema).attributes as Record<string, { type: string }>, data, (await lireVersion(strapi, uid, document.documentId, 'brouillon')) ?? {});
  const vers = params.status === 'published' ? 'publie' : modifie ? etatApresModification(document.etat) : document.etat;
  if (vers !== document.etat) data[ATTRIBUT_ETAT] = vers;
  params.data = data;
  const resultat = await suite();
  if (vers !== document.etat) {
    await enregistrerTransition(strapi, { document, action: vers === 'publie' ? 'publier' : 'modifier', de: document.etat, vers, acteur, role });
  }
  return resultat;
}

/**
 * A clone is a new document: it starts as a fresh `brouillon` whatever the source's state, and only
 * from a source of the caller's collectivités (any for a modérateur; offreurs are read by all); a collectivité
 * given in the clone's data obeys the creation rule.
 */
async function surClonage(strapi: Core.Strapi, uid: string, params: Params, acteur: Acteur | null) {
  const data = { ...(params.data ?? {}), [ATTRIBUT_ETAT]: 'brouillon' };
  if (acteur && !acteur.moderateur) {
    const source = await documentExistant(strapi, uid, params.documentId);
    if (source.aUneCollectivite) {
      roleRequis(acteur, source);
      if ('collectivite' in data) await verifierCollectivite(strapi, acteur, data, false, source.collectivite);
    }
  }
  params.data = data;
}

/** Discarding the draft of a published document rewrites the draft: an edit, under the edit rules. */
async function surAbandonBrouillon(strapi: Core.Strapi, uid: string, params: Params, acteur: Acteur | null, suite: () => Promise<unknown>) {
  if (!acteur) return suite();
  const document = await documentExistant(strapi, uid, params.documentId);
  const role = roleRequis(acteur, document);
  if (!peutModifier(document.etat, role)) {
    throw new errors.ForbiddenError('Ce document est en cours de revue : ses modifications ne peuvent être abandonnées qu’après une demande de modifications.');
  }
  const resultat = await suite();
  const apres = await chargerDocument(strapi, uid, document.documentId);
  if (apres && apres.etat !== document.etat) {
    await enregistrerTransition(strapi, { document, action: 'modifier', de: document.etat, vers: apres.etat, acteur, role });
  }
  return resultat;
}

async function surSuppression(strapi: Core.Strapi, uid: string, params: Params, acteur: Acteur | null) {
  if (!acteur || acteur.moderateur) return;
  const document = await documentExistant(strapi, uid, params.documentId);
  const role = roleRequis(acteur, document);
  if (!peutSupprimer(await dejaPublie(strapi, document), role)) {
    throw new errors.ForbiddenError('Un document déjà publié ne peut être supprimé que par un modérateur (archivez-le plutôt).');
  }
}

/**
 * publish / unpublish: a modérateur moves the state (publier, archiver) and the transition is recorded
 * once, even when two modérateurs act at the same moment; scripts may publish from any state.
 */
async function surPublication(strapi: Core.Strapi, uid: string, params: Params, acteur: Acteur | null, action: 'publier' | 'archiver', suite: () => Promise<unknown>) {
  return strapi.db.transaction(async () => {
    const document = await documentExistant(strapi, uid, params.documentId);
    const role = acteur ? roleRequis(acteur, document) : 'systeme';
    let vers: Etat;
    if (role === 'systeme') {
      vers = action === 'publier' ? 'publie' : 'archive';
    } else {
      const decision = decider(document.etat, action, role, { collectiviteAvecReferent: true, sansCollectivite: !document.aUneCollectivite });
      if (!decision.ok) {
        if (decision.statut === 409 && document.etat === (action === 'publier' ? 'publie' : 'archive')) {
          return dejaFait(strapi, uid, params, action); // another modérateur did it a moment ago
        }
        throw versErreurStrapi(new ErreurRevue(decision.statut, decision.message));
      }
      vers = decision.vers;
    }
    if (vers !== document.etat && !(await changerEtat(strapi, document, document.etat, vers))) {
      return dejaFait(strapi, uid, params, action);
    }
    const resultat = await suite();
    if (vers !== document.etat || role === 'systeme') {
      const commentaire = contexteTransition.getStore()?.commentaire;
      await enregistrerTransition(strapi, { document, action, de: document.etat, vers, acteur, role, commentaire });
    }
    return resultat;
  });
}

/** Same answer as the request that won the race: the document as it is now, nothing written twice. */
async function dejaFait(strapi: Core.Strapi, uid: string, params: Params, action: 'publier' | 'archiver') {
  const statut = action === 'publier' ? 'published' : 'draft';
  const entree = await strapi.documents(uid as UID.CollectionType).findOne({ documentId: params.documentId as string, status: statut } as never);
  return { documentId: params.documentId, entries: entree ? [entree] : [] };
}

export function enregistrerMiddlewareRevue(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (!typesSuivis(strapi).has(context.uid)) return next();
    const params = context.params as Params;
    const acteur = acteurCourant(strapi);
    switch (context.action) {
      case 'create':
        return surCreation(strapi, context.uid, params, acteur, next) as ReturnType<typeof next>;
      case 'update':
        return surModification(strapi, context.uid, params, acteur, next) as ReturnType<typeof next>;
      case 'delete':
        await surSuppression(strapi, context.uid, params, acteur);
        return next();
      case 'clone':
        await surClonage(strapi, context.uid, params, acteur);
        return next();
      case 'discardDraft':
        return surAbandonBrouillon(strapi, context.uid, params, acteur, next) as ReturnType<typeof next>;
      case 'publish':
        return surPublication(strapi, context.uid, params, acteur, 'publier', next) as ReturnType<typeof next>;
      case 'unpublish':
        return surPublication(strapi, context.uid, params, acteur, 'archiver', next) as ReturnType<typeof next>;
      default:
        return next();
    }
  });
}
