import { UID } from '../../src/domaine/regles-metier';
import { champsObligatoiresVides } from '../../src/plugins/revue-editoriale/server/completude';
import type { Attribut, Schemas } from '../../src/plugins/revue-editoriale/server/differences';
import { REGLES_REVUE } from '../../src/config/revue-editoriale';

const ATTRIBUTS: Record<string, Record<string, Attribut>> = {
  projet: {
    nom: { type: 'string', required: true },
    description: { type: 'richtext', required: true },
    resume: { type: 'text' },
    donnees: { type: 'component', component: 'donnees' },
  },
  donnees: { sources: { type: 'component', component: 'source', repeatable: true }, volume: { type: 'string' } },
  source: { source: { type: 'enumeration', required: true } },
};
const LIBELLES: Record<string, string> = { nom: 'Nom', description: 'Description', donnees: 'Données', sources: 'Sources', source: 'Source' };
const schemas: Schemas = { ...REGLES_REVUE, attributs: (m) => ATTRIBUTS[m] ?? {}, libelle: (_m, champ) => LIBELLES[champ] ?? champ };

describe('champsObligatoiresVides', () => {
  it('ne signale rien pour une fiche complète, ni pour un composant laissé de côté', () => {
    expect(champsObligatoiresVides(schemas, 'projet', { nom: 'Tri', description: 'Texte', resume: null, donnees: null })).toEqual([]);
  });

  it('signale les champs vides, blancs compris, par leur libellé', () => {
    expect(champsObligatoiresVides(schemas, 'projet', { nom: '  ', description: null })).toEqual(['Nom', 'Description']);
  });

  it('signale un champ vide dans une entrée de composant répétable, une fois, avec son chemin', () => {
    const ligne = { nom: 'Tri', description: 'Texte', donnees: { sources: [{ source: 'open_data' }, { source: null }, { source: '' }] } };
    expect(champsObligatoiresVides(schemas, 'projet', ligne)).toEqual(['Données › Sources › Source']);
  });

  it('signale aussi ce que la publication exige au-delà du schéma (règles de l’application), comme le refus de publication', () => {
    const complet = {
      nom: 'Tri',
      description: 'Texte',
      dateDemarrage: '2024-03-01',
      collectivite: { documentId: 'c', nom: 'Metz', siren: '215704636', type: 'commune' },
      thematique: { documentId: 't' },
      publics: [{ documentId: 'p' }],
    };
    expect(champsObligatoiresVides(schemas, UID.projet, complet)).toEqual([]);
    const incomplet = { ...complet, dateDemarrage: null, publics: [], collectivite: { ...complet.collectivite, siren: null } };
    expect(champsObligatoiresVides(schemas, UID.projet, incomplet)).toEqual(['dateDemarrage', 'publics', 'collectivite › SIREN']);
    expect(champsObligatoiresVides(schemas, UID.projet, { ...complet, statut: 'abandonne', motifAbandon: ' ' })).toEqual(['motifAbandon (quand le projet est abandonné)']);
    expect(champsObligatoiresVides(schemas, UID.projet, { ...complet, statut: 'abandonne', motifAbandon: 'Coût' })).toEqual([]);
  });
});
