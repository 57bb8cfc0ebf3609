import { validerDonnees, type Attributs, type ContexteValidation } from '../../src/domaine/validation';

const composants: Record<string, Attributs> = {
  'commun.lien': { titre: { type: 'string', required: true, maxLength: 200 }, url: { type: 'string' } },
};
const attributs: Attributs = {
  nom: { type: 'string', required: true, maxLength: 10 },
  slug: { type: 'uid', targetField: 'nom' },
  statut: { type: 'enumeration', enum: ['a', 'b'] },
  contact: { type: 'email' },
  population: { type: 'integer', min: 0 },
  dateDemarrage: { type: 'date' },
  enLigne: { type: 'boolean' },
  siteWeb: { type: 'string' },
  lienDeliberation: { type: 'string', maxLength: 2048 },
  siren: { type: 'string', maxLength: 9 },
  siret: { type: 'string', maxLength: 14 },
  liens: { type: 'component', repeatable: true, component: 'commun.lien' },
};
const ctx = (exigerRequis = false): ContexteValidation => ({
  attributsComposant: (uid) => composants[uid],
  libelle: (chemin) => `libellé de ${chemin.join('.')}`,
  exigerRequis,
});
const chemins = (donnees: Record<string, unknown>, exiger = false) =>
  validerDonnees(attributs, donnees, ctx(exiger)).erreurs.map((e) => e.chemin.join('.'));

describe('validerDonnees', () => {
  it('accepte des données valides', () => {
    expect(
      chemins({ nom: 'Projet', slug: 'projet-1', statut: 'a', contact: 'dpo@ville.fr', population: 12, dateDemarrage: '2024-01-01', enLigne: true, siteWeb: 'https://ville.fr' }),
    ).toEqual([]);
  });

  it('nomme le champ et son libellé dans un message en français', () => {
    const { erreurs } = validerDonnees(attributs, { statut: 'c' }, ctx());
    expect(erreurs).toEqual([{ chemin: ['statut'], message: 'Le champ « libellé de statut » (statut) doit valoir l’une des valeurs suivantes : a, b (reçu : « c »).' }]);
  });

  it('signale chaque format invalide', () => {
    expect(
      chemins({ nom: 'Beaucoup trop long', slug: 'Avec Espaces', contact: 'pas-un-courriel', population: -1, dateDemarrage: '2024-02-30', enLigne: 'oui', siteWeb: 'ftp://ville.fr', lienDeliberation: 'javascript:alert(1)' }),
    ).toEqual(['nom', 'slug', 'contact', 'population', 'dateDemarrage', 'enLigne', 'siteWeb', 'lienDeliberation']);
    expect(chemins({ lienDeliberation: 'https://ville.fr/deliberations/2024-12' })).toEqual([]);
    expect(chemins({ population: 1.5 })).toEqual(['population']);
    expect(chemins({ nom: 42 })).toEqual(['nom']);
  });

  it('n’exige les champs obligatoires qu’à la création ou la publication', () => {
    expect(chemins({})).toEqual([]);
    expect(chemins({}, true)).toEqual(['nom']);
    expect(chemins({ nom: '   ' }, true)).toEqual(['nom']);
    // the stored document fills what an update does not send
    expect(validerDonnees(attributs, {}, ctx(true), [], { nom: 'Stocké' }).erreurs).toEqual([]);
  });

  it('valide les composants répétables avec leur chemin', () => {
    expect(chemins({ liens: [{ titre: 'AIPD', url: 'https://cnil.fr' }, { titre: 'FRIA', url: 'mailto:x@y.fr' }] })).toEqual(['liens.1.url']);
    expect(chemins({ nom: 'Projet', liens: [{ url: 'https://cnil.fr' }] }, true)).toEqual(['liens.0.titre']);
    expect(chemins({ liens: 'pas une liste' })).toEqual(['liens']);
  });

  it('réduit un SIRET à son SIREN et normalise le SIRET', () => {
    const { erreurs, donnees } = validerDonnees(attributs, { siren: '243 300 316 00011', siret: '243 300 316 00011' }, ctx());
    expect(erreurs).toEqual([]);
    expect(donnees).toMatchObject({ siren: '243300316', siret: '24330031600011' });
    expect(chemins({ siren: '243300317' })).toEqual(['siren']);
    expect(chemins({ siret: '24330031600012' })).toEqual(['siret']);
  });
});
