import schema from '../../src/api/journal/content-types/entree-journal/schema.json';
import { LIBELLES_VALEURS } from '../../src/admin-config/valeurs';
import {
  ACTIONS_JOURNAL,
  actionCompte,
  AUTEUR_SYSTEME,
  auteurDepuisEtat,
  champsEnvoyes,
  changementsMembres,
  entreeDocument,
  estSuivi,
  lireConservation,
  limitePurge,
} from '../../src/domaine/journal';

const AGENT = { id: 7, firstname: 'Ada', lastname: 'Lovelace', email: 'ada@exemple.fr', roles: [{ name: 'Modérateur' }] };

describe('journal d’audit : auteur', () => {
  it('un agent : nom, adresse, identifiant, rôles', () => {
    expect(auteurDepuisEtat({ auth: { strategy: { name: 'admin' } }, user: AGENT })).toEqual({ auteur: 'Ada Lovelace <ada@exemple.fr>', auteurId: 7, roleAuteur: 'Modérateur' });
  });
  it('un jeton d’API : son nom et son type, jamais sa valeur', () => {
    expect(auteurDepuisEtat({ auth: { strategy: { name: 'api-token' }, credentials: { id: 3, name: 'import', type: 'full-access' } } })).toEqual({
      auteur: 'Jeton d’API « import »',
      auteurId: null,
      roleAuteur: 'Jeton d’API (full-access)',
    });
  });
  it('hors requête : le Système ; une requête sans compte : Anonyme', () => {
    expect(auteurDepuisEtat(undefined)).toEqual(AUTEUR_SYSTEME);
    expect(auteurDepuisEtat({}).auteur).toBe('Anonyme');
  });
});

describe('journal d’audit : écritures de documents', () => {
  const base = { uid: 'api::projet.projet', typeCible: 'Projet', auteur: AUTEUR_SYSTEME };

  it('les noms des champs envoyés, jamais les valeurs ni les champs de Strapi', () => {
    const entree = entreeDocument({ ...base, action: 'update', data: { nom: 'Secret', description: 'x', updatedAt: 'y', documentId: 'z' }, documentId: 'abc', libelle: 'Mon projet' });
    expect(entree).toEqual({
      action: 'modification',
      ...AUTEUR_SYSTEME,
      typeCible: 'Projet',
      uidCible: 'api::projet.projet',
      documentCible: 'abc',
      libelleCible: 'Mon projet',
      details: { champs: ['description', 'nom'] },
    });
    expect(JSON.stringify(entree)).not.toContain('Secret');
  });

  it.each([
    ['create', 'creation'],
    ['clone', 'creation'],
    ['update', 'modification'],
    ['discardDraft', 'modification'],
    ['delete', 'suppression'],
    ['publish', 'publication'],
    ['unpublish', 'depublication'],
  ])('%s → %s ; les lectures ne sont pas journalisées', (action, attendue) => {
    expect(entreeDocument({ ...base, action })?.action).toBe(attendue);
    expect(entreeDocument({ ...base, action: 'findMany' })).toBeNull();
  });

  it('référents ou contributeurs d’une collectivité modifiés : un rattachement, avec les identifiants', () => {
    const data = { referents: { connect: [{ id: 4 }], disconnect: [] }, contributeurs: { connect: [], disconnect: [{ id: 9 }] }, nom: 'Albi' };
    const entree = entreeDocument({ ...base, uid: 'api::collectivite.collectivite', typeCible: 'Collectivité', action: 'update', data });
    expect(entree?.action).toBe('rattachement');
    expect(entree?.details).toEqual({
      champs: ['contributeurs', 'nom', 'referents'],
      membres: { referents: { ajoutes: [4], retires: [] }, contributeurs: { ajoutes: [], retires: [9] } },
    });
  });

  it('relations vides ou absentes : pas de rattachement', () => {
    expect(changementsMembres({ referents: { connect: [], disconnect: [] } })).toBeNull();
    expect(changementsMembres({ nom: 'x' })).toBeNull();
    expect(changementsMembres({ referents: [1, { id: 2 }] })).toEqual({ referents: { ajoutes: [], retires: [], remplaces: [1, 2] } });
    expect(entreeDocument({ ...base, uid: 'api::collectivite.collectivite', typeCible: 'Collectivité', action: 'update', data: { siteWeb: 'x' } })?.action).toBe('modification');
  });

  it('champsEnvoyes ignore ce qui n’est pas un objet', () => {
    expect(champsEnvoyes(undefined)).toEqual([]);
    expect(champsEnvoyes(['a'])).toEqual([]);
  });
});

describe('journal d’audit : comptes, conservation, schéma', () => {
  it('rôles d’un compte changés : role_modifie ; sinon compte_modifie', () => {
    expect(actionCompte([1], [2])).toBe('role_modifie');
    expect(actionCompte([2, 1], [1, 2])).toBe('compte_modifie');
    expect(actionCompte(null, null)).toBe('compte_modifie');
  });

  it('JOURNAL_CONSERVATION_JOURS : 365 par défaut, 0 garde tout, le reste refusé en français', () => {
    expect(lireConservation(undefined)).toBe(365);
    expect(lireConservation(' 30 ')).toBe(30);
    expect(lireConservation('0')).toBe(0);
    expect(() => lireConservation('un an')).toThrow('JOURNAL_CONSERVATION_JOURS doit être un nombre entier');
    expect(() => lireConservation('-1')).toThrow();
  });

  it('limite de purge : N jours avant maintenant, aucune pour 0', () => {
    const maintenant = new Date('2026-12-02T00:00:00Z');
    expect(limitePurge(maintenant, 30)?.toISOString()).toBe('2026-11-02T00:00:00.000Z');
    expect(limitePurge(maintenant, 0)).toBeNull();
  });

  it('le schéma et les mots français connaissent exactement les actions', () => {
    expect(schema.attributes.action.enum).toEqual([...ACTIONS_JOURNAL]);
    expect(Object.keys(LIBELLES_VALEURS['api::journal.entree-journal'].action)).toEqual([...ACTIONS_JOURNAL]);
  });
});

describe('estSuivi', () => {
  it('suit les documents de l’application et les comptes de membres', () => {
    for (const uid of ['api::projet.projet', 'api::signalement.signalement', 'plugin::users-permissions.user']) expect([uid, estSuivi(uid)]).toEqual([uid, true]);
  });
  it('ne suit ni le journal, ni les versions publiées, ni les abonnements, ni les types de Strapi', () => {
    for (const uid of ['api::journal.entree-journal', 'api::version-publiee.version-publiee', 'api::abonnement.abonnement', 'admin::user', 'plugin::upload.file']) {
      expect([uid, estSuivi(uid)]).toEqual([uid, false]);
    }
  });
});
