import {
  champsModifies,
  difference,
  lireNumero,
  roleAuteur,
  versionsServies,
  versionVisible,
  vueVersion,
  type VersionStockee,
} from '../../src/domaine/versions';

const RESSOURCE = 'api::ressource.ressource';
const PROJET = 'api::projet.projet';

function version(numero: number, contenu: Record<string, unknown>, restreint: Record<string, unknown> = {}, champs: string[] = []): VersionStockee {
  return { numero, publieLe: `2026-01-0${numero}T00:00:00.000Z`, roleAuteur: 'Modérateur', champsModifies: champs, contenu, restreint };
}

describe('difference', () => {
  it('donne chaque champ changé avec ses deux valeurs, vide comme null', () => {
    expect(difference({ nom: 'A', resume: 'x', statut: 'termine' }, { nom: 'B', resume: 'x', dateFin: '2025-01-01' })).toEqual([
      { champ: 'nom', avant: 'A', apres: 'B' },
      { champ: 'dateFin', avant: null, apres: '2025-01-01' },
      { champ: 'statut', avant: 'termine', apres: null },
    ]);
  });

  it('tient null, absent, chaîne vide et liste vide pour égaux', () => {
    expect(champsModifies({ a: null, b: '', c: [] }, { a: undefined, b: null, d: [] })).toEqual([]);
  });

  it('compare les objets sans tenir compte de l’ordre des clés, les listes dans leur ordre', () => {
    expect(champsModifies({ e: { a: 1, b: 2 } }, { e: { b: 2, a: 1 } })).toEqual([]);
    expect(champsModifies({ l: [{ documentId: 'a' }, { documentId: 'b' }] }, { l: [{ documentId: 'b' }, { documentId: 'a' }] })).toEqual(['l']);
  });

  it('la première version liste ses champs renseignés', () => {
    expect(champsModifies({}, { nom: 'A', resume: null, publics: [] })).toEqual(['nom']);
  });
});

describe('visibilité', () => {
  it('les champs restreints pour les membres seulement, la liste complète d’une relation à ressources réservées comprise', () => {
    const v = version(1, { nom: 'A', ressources: [{ documentId: 'p' }] }, { budget: 'moins_50k', ressources: [{ documentId: 'p' }, { documentId: 'm' }] });
    expect(vueVersion(v, false)).toEqual({ nom: 'A', ressources: [{ documentId: 'p' }] });
    expect(vueVersion(v, true)).toEqual({ nom: 'A', budget: 'moins_50k', ressources: [{ documentId: 'p' }, { documentId: 'm' }] });
  });

  it('une version d’une ressource réservée aux membres est cachée aux autres', () => {
    expect(versionVisible(RESSOURCE, version(1, { acces: 'membres' }), false)).toBe(false);
    expect(versionVisible(RESSOURCE, version(1, { acces: 'membres' }), true)).toBe(true);
    expect(versionVisible(RESSOURCE, version(1, { acces: 'public' }), false)).toBe(true);
    expect(versionVisible(PROJET, version(1, {}), false)).toBe(true);
  });

  it('les champs modifiés : enregistrés pour les membres, recalculés sur les champs publics pour les autres', () => {
    const versions = [version(2, { nom: 'A' }, { budget: 'plus_100k' }, ['budget']), version(1, { nom: 'A' }, { budget: 'moins_50k' }, ['nom', 'budget'])];
    expect(versionsServies(PROJET, versions, true).map((v) => [v.numero, v.champsModifies])).toEqual([[1, ['nom', 'budget']], [2, ['budget']]]);
    expect(versionsServies(PROJET, versions, false).map((v) => [v.numero, v.champsModifies, v.contenu])).toEqual([
      [1, ['nom'], { nom: 'A' }],
      [2, [], { nom: 'A' }],
    ]);
  });

  it('pour un non-membre, une ressource passée en public se compare à sa dernière version publique', () => {
    const versions = [version(1, { titre: 'A', acces: 'public' }), version(2, { titre: 'B', acces: 'membres' }), version(3, { titre: 'C', acces: 'public' })];
    expect(versionsServies(RESSOURCE, versions, false).map((v) => [v.numero, v.champsModifies])).toEqual([[1, ['titre', 'acces']], [3, ['titre']]]);
  });
});

describe('roleAuteur', () => {
  const role = (roles: Array<{ code?: string; name?: string }> | null) => roleAuteur(roles, 'strapi-super-admin', 'Modérateur');
  it('le rôle, jamais le nom ; « Système » sans agent', () => {
    expect(role(null)).toBe('Système');
    expect(role([{ code: 'strapi-super-admin', name: 'Super Admin' }])).toBe('Super Admin');
    expect(role([{ code: 'x', name: 'Modérateur' }])).toBe('Modérateur');
    expect(role([{ code: 'y', name: 'Référent' }])).toBe('Référent');
    expect(role([])).toBe('Système');
  });
});

describe('lireNumero', () => {
  it('un entier à partir de 1, sinon un message en français', () => {
    expect(lireNumero('3', 'numero')).toEqual({ ok: true, valeur: 3 });
    expect(lireNumero(2, 'de')).toEqual({ ok: true, valeur: 2 });
    for (const mauvais of ['0', '-1', '1.5', 'abc', '', undefined, '01', '9999999999']) {
      expect(lireNumero(mauvais, 'numero')).toEqual({ ok: false, message: 'Le numéro de version « numero » doit être un entier supérieur ou égal à 1.' });
    }
  });
});
