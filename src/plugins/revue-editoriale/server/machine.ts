/**
 * The editorial review state machine (README, « Rôles et circuit de revue éditoriale »), pure: which action a role may take from
 * which state, and where it leads.
 *
 * brouillon ──soumettre──▶ en_validation ──valider──▶ en_moderation ──publier──▶ publie ──archiver──▶ archive
 *     ▲                        │                          │
 *     └── modifications_demandees ◀── demander_modifications (with a comment)
 */
export const ETATS = ['brouillon', 'en_validation', 'en_moderation', 'modifications_demandees', 'publie', 'archive'] as const;
export type Etat = (typeof ETATS)[number];

export const ACTIONS = ['soumettre', 'valider', 'demander_modifications', 'publier', 'archiver'] as const;
export type Action = (typeof ACTIONS)[number];

/** The caller's role for this document (a référent of another collectivité is no référent here). */
export type Role = 'contributeur' | 'referent' | 'moderateur';
export const ROLES: readonly Role[] = ['contributeur', 'referent', 'moderateur'];

export interface ContexteDocument {
  /** The document's collectivité has at least one référent (else submissions skip first-level review). */
  collectiviteAvecReferent: boolean;
  /** Offreurs have no collectivité: their submissions go straight to moderation. */
  sansCollectivite: boolean;
}

export type Decision =
  | { ok: true; vers: Etat }
  | { ok: false; statut: 400 | 403 | 409; message: string };

interface Regle {
  de: readonly Etat[];
  roles: readonly Role[];
  vers: (role: Role, contexte: ContexteDocument) => Etat;
}

const REGLES: Record<Action, readonly Regle[]> = {
  soumettre: [
    {
      de: ['brouillon', 'modifications_demandees', 'archive'],
      roles: ROLES,
      vers: (role, c) => (role === 'contributeur' && c.collectiviteAvecReferent && !c.sansCollectivite ? 'en_validation' : 'en_moderation'),
    },
  ],
  valider: [{ de: ['en_validation'], roles: ['referent', 'moderateur'], vers: () => 'en_moderation' }],
  demander_modifications: [
    { de: ['en_validation'], roles: ['referent', 'moderateur'], vers: () => 'modifications_demandees' },
    { de: ['en_moderation'], roles: ['moderateur'], vers: () => 'modifications_demandees' },
  ],
  publier: [{ de: ['en_moderation'], roles: ['moderateur'], vers: () => 'publie' }],
  archiver: [{ de: ['publie'], roles: ['moderateur'], vers: () => 'archive' }],
};

export const LIBELLES_ETATS: Record<Etat, string> = {
  brouillon: 'Brouillon',
  en_validation: 'En validation (référent)',
  en_moderation: 'En modération',
  modifications_demandees: 'Modifications demandées',
  publie: 'Publié',
  archive: 'Archivé',
};

export const LIBELLES_ACTIONS: Record<Action, string> = {
  soumettre: 'Soumettre',
  valider: 'Valider',
  demander_modifications: 'Demander des modifications',
  publier: 'Publier',
  archiver: 'Archiver',
};

/** « <participe> par <agent> » in the e-mails: what was done, not the button's verb. */
export const PARTICIPES_ACTIONS: Record<Action | 'modifier', string> = {
  soumettre: 'Soumis',
  valider: 'Validé',
  demander_modifications: 'Modifications demandées',
  publier: 'Publié',
  archiver: 'Archivé',
  modifier: 'Modifié après publication',
};

export const LIBELLES_ROLES: Record<Role, string> = {
  contributeur: 'Contributeur',
  referent: 'Référent',
  moderateur: 'Modérateur',
};

export function estAction(valeur: unknown): valeur is Action {
  return typeof valeur === 'string' && (ACTIONS as readonly string[]).includes(valeur);
}

export function estEtat(valeur: unknown): valeur is Etat {
  return typeof valeur === 'string' && (ETATS as readonly string[]).includes(valeur);
}

export function decider(etat: Etat, action: Action, role: Role, contexte: ContexteDocument, commentaire?: string): Decision {
  const regles = REGLES[action];
  if (!regles.some((r) => r.roles.includes(role))) {
    return { ok: false, statut: 403, message: `Action « ${LIBELLES_ACTIONS[action]} » réservée à d’autres rôles que ${LIBELLES_ROLES[role]}.` };
  }
  const depuisEtat = regles.filter((r) => r.de.includes(etat));
  if (depuisEtat.length === 0) {
    return { ok: false, statut: 409, message: `Action « ${LIBELLES_ACTIONS[action]} » impossible depuis l’état « ${LIBELLES_ETATS[etat]} ».` };
  }
  const regle = depuisEtat.find((r) => r.roles.includes(role));
  if (!regle) {
    return { ok: false, statut: 403, message: `À l’état « ${LIBELLES_ETATS[etat]} », l’action « ${LIBELLES_ACTIONS[action]} » est réservée aux modérateurs.` };
  }
  if (action === 'demander_modifications' && !commentaire?.trim()) {
    return { ok: false, statut: 400, message: 'Un commentaire est obligatoire pour demander des modifications : dites ce qui doit changer.' };
  }
  return { ok: true, vers: regle.vers(role, contexte) };
}

/** The actions this role may take now (a comment may still be required). */
export function actionsPossibles(etat: Etat, role: Role, contexte: ContexteDocument): Action[] {
  return ACTIONS.filter((action) => decider(etat, action, role, contexte, 'commentaire').ok);
}

/** Editing a published or archived document edits its draft, which goes back through review. */
export function etatApresModification(etat: Etat): Etat {
  return etat === 'publie' || etat === 'archive' ? 'brouillon' : etat;
}

/** Contributeurs edit outside review, référents also during their own validation; modérateurs always. */
export function peutModifier(etat: Etat, role: Role): boolean {
  if (role === 'moderateur') return true;
  if (etat === 'en_moderation') return false;
  return role === 'referent' || etat !== 'en_validation';
}

/** Only drafts that never went public may be deleted by contributeurs and référents. */
export function peutSupprimer(dejaPublie: boolean, role: Role): boolean {
  return role === 'moderateur' || !dejaPublie;
}
