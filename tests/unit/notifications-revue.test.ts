import { ACTIONS } from '../../src/plugins/revue-editoriale/server/machine';
import { message, type Evenement } from '../../src/plugins/revue-editoriale/server/notifications';

const base: Evenement = {
  titre: 'Tri des courriers',
  typeDocument: 'Projet',
  action: 'soumettre',
  de: 'brouillon',
  vers: 'en_validation',
  auteur: 'Camille Martin',
  role: 'contributeur',
  lien: 'http://localhost:1337/admin/content-manager/collection-types/api::projet.projet/abc',
};

describe('message des courriels de revue', () => {
  it.each([
    ['soumettre', 'Soumis par Camille Martin (Contributeur).'],
    ['valider', 'Validé par Camille Martin (Contributeur).'],
    ['demander_modifications', 'Modifications demandées par Camille Martin (Contributeur).'],
    ['publier', 'Publié par Camille Martin (Contributeur).'],
    ['archiver', 'Archivé par Camille Martin (Contributeur).'],
  ] as const)('%s : « %s »', (action, phrase) => {
    expect(message({ ...base, action }).texte).toContain(phrase);
  });

  it('un script publie : « Publié par Système… », jamais « Publier par »', () => {
    const { texte } = message({ ...base, action: 'publier', de: 'en_moderation', vers: 'publie', auteur: 'Système (script ou jeton d’API)', role: 'systeme' });
    expect(texte).toContain('Publié par Système (script ou jeton d’API).');
  });

  it('les états sont en mots français, aucun code ni infinitif d’action', () => {
    for (const action of ACTIONS) {
      const { sujet, texte } = message({ ...base, action, de: 'en_validation', vers: 'modifications_demandees', commentaire: 'Précisez.' });
      expect(texte).toContain('En validation (référent) → Modifications demandées.');
      expect(sujet).toContain(': Modifications demandées');
      expect(`${sujet}\n${texte}`).not.toMatch(/en_validation|modifications_demandees|Soumettre par|Publier par|Valider par|Archiver par/);
    }
  });
});
