import { reglesMetier, UID, type VueDocument } from '../../src/domaine/regles-metier';

const libelle = (chemin: string[]) => chemin.join('.');
const theme = { documentId: 't', estSousTheme: false };
const sous = (n: number) => ({ documentId: `s${n}`, estSousTheme: true });
const vue = (v: Partial<VueDocument> = {}): VueDocument => ({
  valeurs: { statut: 'deploiement', dateDemarrage: '2024-03-01' },
  relations: { collectivite: [{ documentId: 'c', nom: 'Metz', siren: '215704636', type: 'commune' }], thematique: [theme], publics: [{ documentId: 'p' }] },
  thematiques: { thematique: [theme], sousThematiques: [] },
  ...v,
});
const champs = (uid: string, v: VueDocument, exiger = false) => reglesMetier(uid, v, exiger, libelle).map((e) => e.chemin[0]);

describe('reglesMetier', () => {
  it('accepte un projet cohérent', () => {
    expect(champs(UID.projet, vue({ thematiques: { thematique: [theme], sousThematiques: [sous(1), sous(2)] } }), true)).toEqual([]);
  });

  it('exige un motif pour publier un projet abandonné, pas pour l’enregistrer en brouillon', () => {
    const sansMotif = vue({ valeurs: { statut: 'abandonne', motifAbandon: ' ', dateDemarrage: '2024-01-01' } });
    expect(champs(UID.projet, sansMotif)).toEqual([]);
    expect(champs(UID.projet, sansMotif, true)).toContain('motifAbandon');
    expect(reglesMetier(UID.projet, sansMotif, true, libelle).map((e) => e.message)).toContainEqual(expect.stringMatching(/\(motifAbandon\) est obligatoire quand le projet est abandonné\.$/));
    expect(champs(UID.projet, vue({ valeurs: { statut: 'abandonne', motifAbandon: 'Coût', dateDemarrage: '2024-01-01' } }), true)).not.toContain('motifAbandon');
  });

  it('limite à deux sous-thématiques, qui doivent en être', () => {
    expect(champs(UID.projet, vue({ thematiques: { thematique: [theme], sousThematiques: [sous(1), sous(2), sous(3)] } }))).toEqual(['sousThematiques']);
    expect(champs(UID.projet, vue({ thematiques: { thematique: [theme], sousThematiques: [theme] } }))).toEqual(['sousThematiques']);
    expect(champs(UID.projet, vue({ thematiques: { thematique: [sous(1)], sousThematiques: [] } }))).toEqual(['thematique']);
  });

  it('exige les relations obligatoires seulement à la publication', () => {
    const sansRelations = vue({ relations: {} });
    expect(champs(UID.projet, sansRelations)).toEqual([]);
    expect(champs(UID.projet, sansRelations, true)).toEqual(['collectivite', 'thematique', 'publics']);
    expect(champs(UID.initiative, sansRelations, true)).toEqual(['collectivite']);
    expect(champs(UID.offreur, sansRelations, true)).toEqual([]);
  });

  it('exige à la publication ce que le schéma national exige : date de démarrage, public, collectivité avec SIREN et type', () => {
    const sansDate = vue({ valeurs: { statut: 'deploiement', dateDemarrage: null } });
    expect(champs(UID.projet, sansDate)).toEqual([]);
    expect(champs(UID.projet, sansDate, true)).toEqual(['dateDemarrage']);
    const sansSiren = vue({ relations: { ...vue().relations, collectivite: [{ documentId: 'c', nom: 'Metz', siren: ' ', type: null }] } });
    const erreurs = reglesMetier(UID.projet, sansSiren, true, libelle);
    expect(erreurs.map((e) => e.chemin[0])).toEqual(['collectivite', 'collectivite']);
    expect(erreurs[0].message).toBe(
      'Le champ « collectivite » (collectivite) désigne « Metz », dont le SIREN (siren) n’est pas renseigné : il est obligatoire pour publier (schéma national des données ouvertes).',
    );
    expect(erreurs[1].message).toMatch(/dont le type \(type\) n’est pas renseigné/);
    expect(champs(UID.projet, vue({ relations: { ...vue().relations, publics: [] } }), true)).toEqual(['publics']);
    // « Autre » has no word in the schema: alone, it would leave Audience empty.
    const autre = reglesMetier(UID.projet, vue({ relations: { ...vue().relations, publics: [{ documentId: 'a', slug: 'autre' }] } }), true, libelle);
    expect(autre.map((e) => e.message)).toEqual([expect.stringMatching(/\(publics\) doit compter au moins une valeur que le schéma national .* nomme \(« Autre » seul ne suffit pas/)]);
    expect(champs(UID.projet, vue({ relations: { ...vue().relations, publics: [{ documentId: 'a', slug: 'autre' }, { documentId: 'g', slug: 'agent' }] } }), true)).toEqual([]);
  });

  it('refuse une date de fin avant la date de démarrage, brouillon compris', () => {
    const avant = vue({ valeurs: { statut: 'termine', dateDemarrage: '2024-03-01', dateFin: '2024-02-29' } });
    expect(reglesMetier(UID.projet, avant, false, libelle)).toEqual([
      { chemin: ['dateFin'], message: 'Le champ « dateFin » (dateFin) ne peut pas précéder le champ « dateDemarrage » (dateDemarrage) : 2024-02-29 est avant 2024-03-01.' },
    ]);
    expect(champs(UID.projet, avant, true)).toEqual(['dateFin']);
    for (const valeurs of [
      { dateDemarrage: '2024-03-01', dateFin: '2024-03-01' },
      { dateDemarrage: '2024-03-01', dateFin: '2025-01-31' },
      { dateDemarrage: null, dateFin: '2020-01-01' },
      { dateDemarrage: '2024-03-01', dateFin: null },
      // Invalid dates are refused by validerDonnees, once.
      { dateDemarrage: '2024-03-01', dateFin: '2024-02-30' },
    ]) {
      expect(champs(UID.projet, vue({ valeurs: { statut: 'termine', ...valeurs } }))).toEqual([]);
    }
  });

  it('garde la nomenclature sur deux niveaux', () => {
    expect(champs(UID.thematique, vue({ thematiques: { parent: [sous(1)] } }))).toEqual(['parent']);
    expect(champs(UID.thematique, vue({ thematiques: { parent: [theme] } }))).toEqual([]);
  });
});
