import {
  ACTIONS,
  ETATS,
  ROLES,
  actionsPossibles,
  decider,
  etatApresModification,
  peutModifier,
  peutSupprimer,
  type Action,
  type Etat,
  type Role,
} from '../../src/plugins/revue-editoriale/server/machine';

const avecReferent = { collectiviteAvecReferent: true, sansCollectivite: false };
type Attendu = Etat | 403 | 409;

/**
 * Expected outcome of every (state, action, role) triple, written out by hand from the README's review workflow,
 * for a collectivité that has a référent. Order of each triple: contributeur, référent, modérateur.
 */
const TABLE: Record<Action, Record<Etat, [Attendu, Attendu, Attendu]>> = {
  soumettre: {
    brouillon: ['en_validation', 'en_moderation', 'en_moderation'],
    modifications_demandees: ['en_validation', 'en_moderation', 'en_moderation'],
    archive: ['en_validation', 'en_moderation', 'en_moderation'],
    en_validation: [409, 409, 409],
    en_moderation: [409, 409, 409],
    publie: [409, 409, 409],
  },
  valider: {
    en_validation: [403, 'en_moderation', 'en_moderation'],
    brouillon: [403, 409, 409],
    modifications_demandees: [403, 409, 409],
    en_moderation: [403, 409, 409],
    publie: [403, 409, 409],
    archive: [403, 409, 409],
  },
  demander_modifications: {
    en_validation: [403, 'modifications_demandees', 'modifications_demandees'],
    en_moderation: [403, 403, 'modifications_demandees'],
    brouillon: [403, 409, 409],
    modifications_demandees: [403, 409, 409],
    publie: [403, 409, 409],
    archive: [403, 409, 409],
  },
  publier: {
    en_moderation: [403, 403, 'publie'],
    brouillon: [403, 403, 409],
    en_validation: [403, 403, 409],
    modifications_demandees: [403, 403, 409],
    publie: [403, 403, 409],
    archive: [403, 403, 409],
  },
  archiver: {
    publie: [403, 403, 'archive'],
    brouillon: [403, 403, 409],
    en_validation: [403, 403, 409],
    en_moderation: [403, 403, 409],
    modifications_demandees: [403, 403, 409],
    archive: [403, 403, 409],
  },
};

const cas = ACTIONS.flatMap((action) =>
  ETATS.flatMap((etat) => ROLES.map((role, i) => [action, etat, role, TABLE[action][etat][i]] as [Action, Etat, Role, Attendu])),
);

describe('machine à états de la revue éditoriale', () => {
  it('couvre les 90 triplets (état, action, rôle)', () => {
    expect(cas).toHaveLength(ETATS.length * ACTIONS.length * ROLES.length);
    expect(cas).toHaveLength(90);
  });

  it.each(cas)('%s depuis %s par %s → %s', (action, etat, role, attendu) => {
    const decision = decider(etat, action, role, avecReferent, 'Merci de préciser les données utilisées.');
    expect(decision.ok ? decision.vers : decision.statut).toBe(attendu);
  });

  it('envoie directement en modération sans référent dans la collectivité, et pour un offreur', () => {
    expect(decider('brouillon', 'soumettre', 'contributeur', { collectiviteAvecReferent: false, sansCollectivite: false })).toEqual({ ok: true, vers: 'en_moderation' });
    expect(decider('brouillon', 'soumettre', 'contributeur', { collectiviteAvecReferent: true, sansCollectivite: true })).toEqual({ ok: true, vers: 'en_moderation' });
  });

  it('exige un commentaire pour demander des modifications', () => {
    const sans = decider('en_validation', 'demander_modifications', 'referent', avecReferent, '  ');
    expect(sans).toMatchObject({ ok: false, statut: 400 });
    expect(sans.ok ? '' : sans.message).toMatch(/commentaire est obligatoire/);
  });

  it('liste les actions possibles selon l’état et le rôle', () => {
    expect(actionsPossibles('en_validation', 'referent', avecReferent)).toEqual(['valider', 'demander_modifications']);
    expect(actionsPossibles('en_validation', 'contributeur', avecReferent)).toEqual([]);
    expect(actionsPossibles('en_moderation', 'moderateur', avecReferent)).toEqual(['demander_modifications', 'publier']);
    expect(actionsPossibles('publie', 'moderateur', avecReferent)).toEqual(['archiver']);
  });

  it('renvoie en revue un document publié que l’on modifie', () => {
    expect(etatApresModification('publie')).toBe('brouillon');
    expect(etatApresModification('archive')).toBe('brouillon');
    expect(etatApresModification('modifications_demandees')).toBe('modifications_demandees');
  });

  it('ne laisse modifier que hors revue (contributeur) ou jusqu’à la validation (référent)', () => {
    const modifiables = (role: Role) => ETATS.filter((e) => peutModifier(e, role));
    expect(modifiables('contributeur')).toEqual(['brouillon', 'modifications_demandees', 'publie', 'archive']);
    expect(modifiables('referent')).toEqual(['brouillon', 'en_validation', 'modifications_demandees', 'publie', 'archive']);
    expect(modifiables('moderateur')).toEqual([...ETATS]);
  });

  it('ne laisse supprimer un document déjà publié qu’aux modérateurs', () => {
    expect(peutSupprimer(true, 'contributeur')).toBe(false);
    expect(peutSupprimer(true, 'referent')).toBe(false);
    expect(peutSupprimer(true, 'moderateur')).toBe(true);
    expect(peutSupprimer(false, 'contributeur')).toBe(true);
  });
});
