import { adressesFiche, completude, construireFiche, moisAnnee, type Element, type Fiche } from '../../src/transparence/fiche';
import { projetComplet } from '../helpers/projet-public';

const elements = (f: Fiche): Element[] => [...f.essentiel.sections, ...f.detail.sections].flatMap((s) => s.elements);
const el = (f: Fiche, cle: string) => elements(f).find((e) => e.cle === cle) as Element;

describe('fiche de transparence', () => {
  it('projet complet : 100 % à chaque niveau, libellés français des valeurs', () => {
    const f = construireFiche(projetComplet());
    expect(f.completude).toEqual({ renseignes: 28, attendus: 28, pourcentage: 100, manquants: [] });
    expect(f.essentiel.completude.pourcentage).toBe(100);
    expect(f.detail.completude.pourcentage).toBe(100);
    expect(el(f, 'statut').contenus).toEqual([{ texte: 'Terminé' }]);
    expect(el(f, 'risqueCategorie').contenus).toEqual([{ texte: 'Risque limité' }]);
    expect(el(f, 'niveauAutomatisation').contenus).toEqual([{ texte: 'Aide à la décision' }]);
    expect(el(f, 'collectivite').contenus).toEqual([{ texte: 'Ville d’Exemple (Commune)' }]);
    expect(el(f, 'offreurs').contenus).toEqual([{ texte: 'Acme (Start-up)', url: 'https://acme.example' }]);
    expect(el(f, 'dateFin').contenus).toEqual([{ texte: '30 juin 2025' }]);
  });

  it('la date de démarrage ne montre que le mois et l’année', () => {
    expect(moisAnnee('2024-03-17')).toEqual([{ texte: 'mars 2024' }]);
    expect(el(construireFiche(projetComplet()), 'dateDemarrage').contenus).toEqual([{ texte: 'mars 2024' }]);
    expect(JSON.stringify(construireFiche(projetComplet()))).not.toContain('17');
  });

  it('éléments vides : non renseignés, comptés et nommés par niveau', () => {
    const f = construireFiche(projetComplet({ baseLegale: '  ', voiesDeRecours: null, evaluation: null, offreurs: [] }));
    expect(el(f, 'baseLegale').etat).toBe('non_renseigne');
    expect(f.essentiel.completude.manquants).toEqual([
      'Proportionnalité (pourquoi ce traitement est justifié)',
      'Offreurs et partenaires',
      'Voies de recours',
      'Droit d’opposition',
    ]);
    expect(f.essentiel.completude).toMatchObject({ renseignes: 10, attendus: 14, pourcentage: 71 });
    expect(f.detail.completude).toMatchObject({ renseignes: 4, attendus: 14, pourcentage: 28 });
    expect(f.completude).toMatchObject({ renseignes: 14, attendus: 28, pourcentage: 50 });
  });

  it('motif d’abandon et date de fin attendus selon le statut', () => {
    const enCours = construireFiche(projetComplet({ statut: 'deploiement', dateFin: null }));
    expect(enCours.completude).toMatchObject({ attendus: 27, pourcentage: 100 });
    const abandonne = construireFiche(projetComplet({ statut: 'abandonne' }));
    expect(abandonne.completude).toMatchObject({ attendus: 29, renseignes: 28, manquants: ['Motif d’abandon'] });
  });

  it('le pourcentage est arrondi par défaut : 100 % seulement si rien ne manque', () => {
    const e = (etat: 'renseigne' | 'non_renseigne'): Element => ({ cle: 'x', libelle: etat, contenus: [], etat, attendu: true });
    expect(completude([...Array(199)].map(() => e('renseigne')).concat(e('non_renseigne'))).pourcentage).toBe(99);
    expect(completude([]).pourcentage).toBe(100);
  });

  it('mentions du CRPA : 1° tiré de l’évaluation publique, 2° à 4° et L312-1-3 non publiés', () => {
    const f = construireFiche(projetComplet());
    expect(f.mentionsLegales.map((m) => [m.reference, m.etat])).toEqual([
      ['CRPA, art. L311-3-1', 'renseigne'],
      ['CRPA, art. R311-3-1-2, 1°', 'renseigne'],
      ['CRPA, art. R311-3-1-2, 2°', 'non_publie'],
      ['CRPA, art. R311-3-1-2, 3°', 'non_publie'],
      ['CRPA, art. R311-3-1-2, 4°', 'non_publie'],
      ['CRPA, art. L312-1-3', 'non_publie'],
    ]);
    expect(f.mentionsLegales[1].contenus.map((c) => c.texte)).toEqual([
      'Niveau d’automatisation : Aide à la décision',
      'Place dans la décision : L’agent valide chaque réponse.',
      'Intervention humaine : Relecture systématique.',
    ]);
    expect(f.mentionsLegales[2].contenus[0].texte).toMatch(/espace de confiance/);
    const sans = construireFiche(projetComplet({ evaluation: null }));
    expect(sans.mentionsLegales.slice(0, 2).map((m) => m.etat)).toEqual(['non_renseigne', 'non_renseigne']);
  });

  it('le contact est dit non publié, sans adresse', () => {
    const contact = construireFiche(projetComplet()).essentiel.sections.find((s) => s.titre === 'Qui contacter ?');
    expect(contact?.elements.map((e) => e.contenus[0]?.url)).toEqual(['https://ville.example', 'https://ville.example/assistant']);
    expect(contact?.note).toMatch(/Aucune adresse de contact n’est publiée/);
  });

  it('adresses : HTML par le slug (à défaut le documentId), JSON par le documentId', () => {
    expect(adressesFiche('https://cms.example/', { documentId: 'abc', slug: 'mon-projet' })).toEqual({
      html: 'https://cms.example/transparence/mon-projet',
      json: 'https://cms.example/api/projets/abc/transparence',
    });
    expect(adressesFiche('', { documentId: 'abc', slug: null }).html).toBe('/transparence/abc');
  });
});
