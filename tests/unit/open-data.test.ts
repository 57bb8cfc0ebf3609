import { neutraliserFormule, versLigneOpenData, versObjetJson, ENTETE } from '../../src/api/open-data/table-schema';
import { COLONNES_PUBLIQUES, enumeration, schemaPublic } from '../../src/domaine/interconnectes/schema';

const projet = {
  nom: 'Calque de plantabilité',
  description: 'Bordeaux Métropole a développé…',
  statut: 'termine',
  dateDemarrage: '2024-09-01',
  lienInformation: 'https://exemple.fr/projet',
  updatedAt: '2025-05-22T00:00:00.000Z',
  collectivite: { nom: 'Bordeaux Métropole', siren: '243300316', siret: '24330031600011', type: 'epci', latitude: 44.8380737, longitude: -0.5844559, logoUrl: 'https://exemple.fr/logo.png' },
  offreurs: [{ nom: 'Enedis' }, { nom: 'GRDF' }],
  thematique: { slug: 'transition-ecologique-et-energetique' },
  sousThematiques: [{ slug: 'gestion-de-l-eau' }, { slug: 'eclairage-public' }],
  publics: [{ slug: 'agent' }, { slug: 'elu' }, { slug: 'autre' }],
};

describe('ligne open data (vocabulaire du Table Schema)', () => {
  it('donne exactement les colonnes publiques, dans l’ordre du schéma', () => {
    expect(Object.keys(versLigneOpenData(projet))).toEqual([...COLONNES_PUBLIQUES]);
    expect(ENTETE).toEqual(COLONNES_PUBLIQUES);
    expect(schemaPublic().fields.map((f) => f.name)).toEqual([...COLONNES_PUBLIQUES]);
    expect(schemaPublic().fields.some((f) => f.name === 'projet_contact' || f.name === 'budget')).toBe(false);
  });

  it('traduit chaque valeur du CMS dans le vocabulaire du schéma', () => {
    expect(versLigneOpenData(projet)).toEqual({
      Nom_collectivite: 'Bordeaux Métropole',
      Nom_du_projet: 'Calque de plantabilité',
      SIRET: '24330031600011',
      Latitude: '44.8380737',
      Longitude: '-0.5844559',
      Type_de_collectivite: 'EPCI',
      Date_de_demarrage: '09/2024',
      Statut_du_projet: 'Terminée',
      Partenaires: 'Enedis, GRDF',
      Description_service: 'Bordeaux Métropole a développé…',
      Theme: 'Transition écologique et énergétique',
      Sous_Theme: 'Gestion de l’eau, Eclairage public',
      Audience: 'Agent, Elu',
      URL_Service: 'https://exemple.fr/projet',
      URL_Logo: 'https://exemple.fr/logo.png',
      Date_de_derniere_mise_a_jour: '22/05/2025',
    });
    for (const colonne of ['Type_de_collectivite', 'Statut_du_projet', 'Theme'] as const) {
      expect(enumeration(colonne)).toContain(versLigneOpenData(projet)[colonne]);
    }
  });

  it('à défaut de SIRET, le SIREN ; le logo téléversé l’emporte, en adresse absolue', () => {
    const ligne = versLigneOpenData({ ...projet, collectivite: { ...projet.collectivite, siret: null, logo: { url: '/uploads/logo.png' } } }, 'https://cms.exemple.fr/');
    expect(ligne.SIRET).toBe('243300316');
    expect(ligne.URL_Logo).toBe('https://cms.exemple.fr/uploads/logo.png');
  });

  it('JSON : coordonnées en nombres', () => {
    expect(versObjetJson(versLigneOpenData(projet))).toMatchObject({ Latitude: 44.8380737, Longitude: -0.5844559, SIRET: '24330031600011' });
  });
});

describe('neutralisation des formules (CSV)', () => {
  it('préfixe d’une apostrophe les cellules lues comme des formules', () => {
    expect(neutraliserFormule('=HYPERLINK("http://x","clic")')).toBe('\'=HYPERLINK("http://x","clic")');
    expect(neutraliserFormule('+33 1 23')).toBe("'+33 1 23");
    expect(neutraliserFormule('-2+3')).toBe("'-2+3");
    expect(neutraliserFormule('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('laisse les nombres et le texte ordinaire', () => {
    expect(neutraliserFormule('-0.5844559')).toBe('-0.5844559');
    expect(neutraliserFormule('Stacoptim')).toBe('Stacoptim');
    expect(neutraliserFormule('')).toBe('');
  });
});
