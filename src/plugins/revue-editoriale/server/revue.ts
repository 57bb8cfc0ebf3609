/** The review operations behind the plugin's admin routes. */
import type { Core, UID } from '@strapi/strapi';
import { actionsPossibles, decider, estAction, LIBELLES_ACTIONS, LIBELLES_ETATS, peutModifier, type Action, type Etat } from './machine';
import { ATTRIBUT_ETAT, HORS_COLLECTIVITE } from './constantes';
import {
  changerEtat,
  chargerDocument,
  contexteTransition,
  documentsEnRevue,
  roleDe,
  type Acteur,
  type DocumentEnRevue,
  type DocumentRevu,
} from './documents';
import { enregistrerTransition, lireHistorique, lireSoumissions } from './historique';
import { differences, lireBrouillon, lireInstantane } from './instantanes';
import { ErreurRevue } from './middleware';
import { typesSuivis } from './lecture';

export interface DemandeTransition {
  uid?: unknown;
  documentId?: unknown;
  locale?: unknown;
  action?: unknown;
  commentaire?: unknown;
}

function contexte(document: DocumentRevu) {
  return {
    collectiviteAvecReferent: (document.collectivite?.referents ?? []).length > 0,
    sansCollectivite: !document.aUneCollectivite,
  };
}

async function documentPourActeur(strapi: Core.Strapi, uid: unknown, documentId: unknown, acteur: Acteur) {
  if (typeof uid !== 'string' || !typesSuivis(strapi).has(uid)) {
    throw new ErreurRevue(400, `Type de contenu sans revue éditoriale : « ${String(uid)} ».`);
  }
  if (typeof documentId !== 'string' || documentId === '') throw new ErreurRevue(400, 'documentId est obligatoire.');
  const document = await chargerDocument(strapi, uid, documentId);
  if (!document) throw new ErreurRevue(404, 'Document introuvable.');
  const role = roleDe(acteur, document);
  if (!role) throw new ErreurRevue(403, HORS_COLLECTIVITE);
  return { document, role };
}

/** Actions that move a document towards the public: it must then hold every required field. */
const ACTIONS_VERS_PUBLICATION: ReadonlySet<Action> = new Set(['soumettre', 'valider', 'publier']);

export async function transitionner(strapi: Core.Strapi, demande: DemandeTransition, acteur: Acteur): Promise<{ etat: Etat; libelle: string }> {
  const { document, role } = await documentPourActeur(strapi, demande.uid, demande.documentId, acteur);
  if (!estAction(demande.action)) {
    throw new ErreurRevue(400, `Action inconnue : « ${String(demande.action)} » (attendu : ${Object.keys(LIBELLES_ACTIONS).join(', ')}).`);
  }
  const commentaire = typeof demande.commentaire === 'string' && demande.commentaire.trim() !== '' ? demande.commentaire.trim() : undefined;
  const decision = decider(document.etat, demande.action, role, contexte(document), commentaire);
  if (!decision.ok) throw new ErreurRevue(decision.statut, decision.message);
  const brouillon = ACTIONS_VERS_PUBLICATION.has(demande.action) ? await lireBrouillon(strapi, document.uid, document.documentId) : null;
  const manquants = brouillon?.manquants ?? [];
  if (manquants.length > 0) {
    throw new ErreurRevue(400, `« ${LIBELLES_ACTIONS[demande.action]} » impossible : ${manquants.length > 1 ? 'ces champs obligatoires sont vides' : 'ce champ obligatoire est vide'} : ${manquants.join(', ')}. Complétez la fiche, puis recommencez.`);
  }

  // Any reviewed type has draft & publish; one of them gives the typings of publish/unpublish.
  const documents = strapi.documents(document.uid as 'api::projet.projet');
  if (demande.action === 'publier') {
    await contexteTransition.run({ commentaire }, () => documents.publish({ documentId: document.documentId }));
  } else if (demande.action === 'archiver') {
    await contexteTransition.run({ commentaire }, () => documents.unpublish({ documentId: document.documentId }));
  } else {
    const instantane = demande.action === 'soumettre' ? brouillon?.instantane : undefined;
    await strapi.db.transaction(async () => {
      if (!(await changerEtat(strapi, document, document.etat, decision.vers))) {
        throw new ErreurRevue(409, 'Le document vient de changer d’état : rechargez la page.');
      }
      await enregistrerTransition(strapi, { document, action: demande.action as Exclude<typeof demande.action, 'publier' | 'archiver'>, de: document.etat, vers: decision.vers, acteur, role, commentaire, instantane });
    });
  }
  return { etat: decision.vers, libelle: LIBELLES_ETATS[decision.vers] };
}

export async function lireDocument(strapi: Core.Strapi, uid: string, documentId: string, acteur: Acteur) {
  const { document, role } = await documentPourActeur(strapi, uid, documentId, acteur);
  return {
    etat: document.etat,
    libelle: LIBELLES_ETATS[document.etat],
    role,
    /** peutModifier for this caller: the admin form is read-only when false. */
    modifiable: peutModifier(document.etat, role),
    actions: actionsPossibles(document.etat, role, contexte(document)).map((action) => ({
      action,
      libelle: LIBELLES_ACTIONS[action],
      commentaireObligatoire: action === 'demander_modifications',
    })),
    historique: await lireHistorique(strapi, uid, documentId),
    differences: await differences(strapi, uid, documentId, document.etat, await lireSoumissions(strapi, uid, documentId)),
  };
}

/** What waits for this caller: référents validate their collectivités' documents, modérateurs moderate. */
export async function aRelire(strapi: Core.Strapi, acteur: Acteur): Promise<DocumentEnRevue[]> {
  const resultats: DocumentEnRevue[] = [];
  for (const uid of typesSuivis(strapi)) {
    const aUneCollectivite = 'collectivite' in strapi.getModel(uid as UID.Schema).attributes;
    const conditions = [
      ...(acteur.moderateur ? [{ [ATTRIBUT_ETAT]: 'en_moderation' }] : []),
      ...(aUneCollectivite ? [{ [ATTRIBUT_ETAT]: 'en_validation', collectivite: { referents: { id: acteur.id } } }] : []),
    ];
    if (conditions.length > 0) resultats.push(...(await documentsEnRevue(strapi, uid, { $or: conditions }, 'asc')));
  }
  return resultats;
}

/** Scripts (the importer) hand their documents to the modérateurs: state en_moderation, transition recorded. */
export async function placerEnModeration(strapi: Core.Strapi, uid: string, documentId: string): Promise<boolean> {
  const document = await chargerDocument(strapi, uid, documentId);
  if (!document || document.etat === 'en_moderation' || document.etat === 'publie') return false;
  const instantane = (await lireInstantane(strapi, uid, documentId, 'brouillon')) ?? undefined;
  return strapi.db.transaction(async () => {
    if (!(await changerEtat(strapi, document, document.etat, 'en_moderation'))) return false;
    await enregistrerTransition(strapi, { document, action: 'soumettre', de: document.etat, vers: 'en_moderation', acteur: null, role: 'systeme', instantane });
    return true;
  });
}
