import { readFileSync } from 'fs';
import path from 'path';
import { parse } from 'csv-parse/sync';
import { celluleCsv, ligneCsv } from '../../src/api/open-data/csv';
import { neutraliserFormule, versLigneEtendue, versLigneOpenData, versObjetJson, ENTETE, ENTETE_ETENDUE } from '../../src/api/open-data/table-schema';
import { COLONNES_ETENDUES, COLONNES_PUBLIQUES, enumeration, schemaEtendu, schemaPublic } from '../../src/domaine/interconnectes/schema';
import { ATTRIBUTS_REQUIS_DES_RELATIONS, COLONNES_REQUISES_PUBLICATION, RELATIONS_REQUISES, UID, VALEURS_REQUISES } from '../../src/domaine/regles-metier';
import { ATTRIBUTS_RESTREINTS } from '../../src/domaine/visibilite';
import { correspond, SCHEMA, SCHEMA_REFERENCE, validerLigne, type Schema } from '../helpers/table-schema';

const projet = {
  documentId: 'k3v9x2m7q1w8e5r4t6y0u2i3',
  nom: 'Calque de plantabilité',
  resume: 'Où planter des arbres.',
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
  collectivitesPartenaires: [{ siren: '213300635' }, { siren: null }],
  evaluation: {
    risqueCategorie: 'limite',
    risque: 'Analyse d’impact ; biais de localisation.',
    proportionnalite: 'Sans IA : relevés à pied.',
    decision: 'Interne',
    niveauAutomatisation: 'aide_a_la_decision',
    interventionHumaine: 'Un agent valide chaque zone.',
    erreur: 'faible',
    explicabilite: 'moyen',
    reversibilite: 'Totale.',
    objection: 'Par courriel.',
    evaluationsImpact: [
      { titre: 'AIPD', url: 'https://exemple.fr/aipd v2.pdf' },
      { titre: 'Sans adresse', url: null },
    ],
  },
};

describe('ligne open data (vocabulaire du Table Schema)', () => {
  it('donne exactement les colonnes publiques, dans l’ordre du schéma', () => {
    expect(Object.keys(versLigneOpenData(projet))).toEqual([...COLONNES_PUBLIQUES]);
    expect(ENTETE).toEqual(COLONNES_PUBLIQUES);
    expect(schemaPublic().fields.map((f) => f.name)).toEqual([...COLONNES_PUBLIQUES]);
    const ordre = SCHEMA.fields.map((f) => f.name).filter((n) => (COLONNES_PUBLIQUES as readonly string[]).includes(n));
    expect(ordre).toEqual([...COLONNES_PUBLIQUES]);
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
      status_abandon: '',
      Partenaires: 'Enedis, GRDF',
      Description_service: 'Bordeaux Métropole a développé…',
      Theme: 'Transition écologique et énergétique',
      Sous_Theme: 'Gestion de l’eau, Eclairage public',
      Audience: 'Agent, Elu',
      risque: 'Analyse d’impact ; biais de localisation.',
      risque_categorie: 'risque limité',
      proportionalite: 'Sans IA : relevés à pied.',
      decision: 'Interne',
      erreur: 'faible',
      explicabilite: 'moyen',
      reversibilite: 'Totale.',
      objection: 'Par courriel.',
      URL_Service: 'https://exemple.fr/projet',
      URL_Logo: 'https://exemple.fr/logo.png',
      Date_de_derniere_mise_a_jour: '22/05/2025',
    });
    expect(validerLigne(versLigneOpenData(projet), COLONNES_PUBLIQUES)).toEqual([]);
    for (const colonne of ['Type_de_collectivite', 'Statut_du_projet', 'Theme', 'risque_categorie', 'erreur', 'explicabilite'] as const) {
      expect(enumeration(colonne)).toContain(versLigneOpenData(projet)[colonne]);
    }
  });

  it('à défaut de SIRET, le SIREN ; le logo téléversé l’emporte, en adresse absolue', () => {
    const ligne = versLigneOpenData({ ...projet, collectivite: { ...projet.collectivite, siret: null, logo: { url: '/uploads/logo.png' } } }, 'https://cms.exemple.fr/');
    expect(ligne.SIRET).toBe('243300316');
    expect(ligne.URL_Logo).toBe('https://cms.exemple.fr/uploads/logo.png');
  });

  it('n’exporte aucune colonne issue d’un champ restreint : l’évaluation et le motif d’abandon sont publics', () => {
    for (const attribut of ['evaluation', 'motifAbandon', 'description', 'publics', 'offreurs', 'collectivitesPartenaires', 'resume']) {
      expect(ATTRIBUTS_RESTREINTS[UID.projet]).not.toContain(attribut);
    }
    const restreintes = ['projet_contact', 'financement', 'budget', 'mise_en_oeuvre', 'herbergement', 'nom_algorithme', 'algorithme_description', 'algorithme_operations', 'type_algorithme', 'impact_environnement', 'donnees_source', 'donnees_acces', 'url_ressources'];
    // Every column of the 2024 schema is either published or one of these Restreint ones.
    expect(SCHEMA_REFERENCE.fields.map((f) => f.name).filter((c) => !(COLONNES_PUBLIQUES as readonly string[]).includes(c)).sort()).toEqual([...restreintes].sort());
  });

  it('motif d’abandon : status_abandon', () => {
    expect(versLigneOpenData({ ...projet, statut: 'abandonne', motifAbandon: 'Données insuffisantes.' })).toMatchObject({ Statut_du_projet: 'Abandonné', status_abandon: 'Données insuffisantes.' });
  });

  it('colonnes étendues : identifiants, SIREN, vocabulaire de la bibliothèque, après les colonnes strictes', () => {
    const transparence = {
      dateFin: '2026-06-30',
      roleOffreurs: 'Enedis fournit les données ;\nGRDF héberge "le calque".',
      baseLegale: 'Mission de service public (RGPD, art. 6-1-e).',
      lienDeliberation: 'https://exemple.fr/deliberation-2024-07.pdf',
      voiesDeRecours: 'Recours gracieux, puis tribunal administratif.',
    };
    const ligne = versLigneEtendue({ ...projet, ...transparence, statut: 'exploration' }, 'https://cms.exemple.fr/');
    expect(Object.keys(ligne)).toEqual([...ENTETE_ETENDUE]);
    expect(ENTETE_ETENDUE).toEqual([...COLONNES_PUBLIQUES, ...COLONNES_ETENDUES]);
    expect(schemaEtendu().fields.map((f) => f.name)).toEqual([...ENTETE_ETENDUE]);
    expect(ligne).toMatchObject({
      Statut_du_projet: 'En expérimentation',
      identifiant: 'k3v9x2m7q1w8e5r4t6y0u2i3',
      url: 'https://cms.exemple.fr/api/projets/k3v9x2m7q1w8e5r4t6y0u2i3',
      siren_collectivite: '243300316',
      statut_bibliotheque: 'En exploration',
      publics_bibliotheque: 'Agent, Élu, Autre',
      resume: 'Où planter des arbres.',
      collectivites_partenaires: '213300635',
      niveau_automatisation: 'Aide à la décision',
      intervention_humaine: 'Un agent valide chaque zone.',
      evaluations_impact: 'https://exemple.fr/aipd%20v2.pdf AIPD\nSans adresse',
      date_fin: '2026-06-30',
      role_offreurs: transparence.roleOffreurs,
      base_legale: transparence.baseLegale,
      lien_deliberation: transparence.lienDeliberation,
      voies_de_recours: transparence.voiesDeRecours,
    });
    expect(validerLigne(ligne, ENTETE_ETENDUE, true, schemaEtendu() as Schema)).toEqual([]);
    // The strict row has no column for them: unchanged.
    expect(versLigneOpenData({ ...projet, ...transparence })).toEqual(versLigneOpenData(projet));
  });

  it('JSON : coordonnées en nombres', () => {
    expect(versObjetJson(versLigneOpenData(projet))).toMatchObject({ Latitude: 44.8380737, Longitude: -0.5844559, SIRET: '24330031600011' });
  });
});

describe('schéma 1.1.0', () => {
  const champ = (nom: string) => SCHEMA.fields.find((f) => f.name === nom)!;

  it('garde les colonnes, l’ordre et les énumérations de la référence de 2024, sans doublon ni quasi-doublon', () => {
    expect(SCHEMA.fields.map((f) => f.name)).toEqual(SCHEMA_REFERENCE.fields.map((f) => f.name));
    const cle = (v: string) => v.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’'\s-]/g, '').toLowerCase();
    for (const f of SCHEMA.fields) {
      const valeurs = f.constraints?.enum ?? [];
      expect([f.name, new Set(valeurs.map(cle)).size]).toEqual([f.name, valeurs.length]);
      const reference = SCHEMA_REFERENCE.fields.find((r) => r.name === f.name)!;
      if (f.constraints?.enum) expect(f.constraints.enum).toEqual(reference.constraints?.enum);
    }
  });

  it('porte les métadonnées attendues par schema.data.gouv.fr', () => {
    expect(SCHEMA).toMatchObject({ name: 'interconnectes-ia-territoriales', version: '1.1.0', countryCode: 'FR', licenses: [{ name: 'etalab-2.0' }] });
    for (const cle of ['$schema', 'title', 'description', 'lastModified', 'contributors']) expect(SCHEMA[cle]).toBeTruthy();
    expect(schemaPublic()).toMatchObject({ version: '1.1.0' });
  });

  it('SIRET : 9 ou 14 chiffres ; Sous_Theme : un ou deux sous-thèmes ; Audience : un ou plusieurs publics ; URL_Logo facultatif', () => {
    const siret = champ('SIRET').constraints!.pattern!;
    expect(['243300316', '24330031600011'].every((v) => correspond(siret, v))).toBe(true);
    expect(['243 300 316 00011', '2433003160001', '24330031600011x', ''].some((v) => correspond(siret, v))).toBe(false);
    const sousTheme = champ('Sous_Theme').constraints!.pattern!;
    const [a, b, c] = SCHEMA_REFERENCE.fields.find((f) => f.name === 'Sous_Theme')!.constraints!.enum!;
    expect(correspond(sousTheme, a)).toBe(true);
    expect(correspond(sousTheme, `${a}, ${b}`)).toBe(true);
    expect(correspond(sousTheme, `${a}, ${b}, ${c}`)).toBe(false);
    expect(correspond(sousTheme, 'Cuisine')).toBe(false);
    expect(correspond(sousTheme, 'Outillage système d’information')).toBe(true);
    const audience = champ('Audience').constraints!.pattern!;
    expect(correspond(audience, 'Agent, Elu, Collectivités, Grand public')).toBe(true);
    expect(correspond(audience, 'Agent, Aménageurs')).toBe(false);
    expect(champ('URL_Logo').constraints?.required).toBe(false);
    expect(correspond(champ('Date_de_demarrage').constraints!.pattern!, '09/2024')).toBe(true);
    expect(correspond(champ('Date_de_demarrage').constraints!.pattern!, '2024-09')).toBe(false);
  });

  it('chaque colonne publique que le schéma exige a sa règle de publication (regles-metier.ts)', () => {
    const requises = SCHEMA.fields.filter((f) => f.constraints?.required && (COLONNES_PUBLIQUES as readonly string[]).includes(f.name)).map((f) => f.name);
    expect(Object.keys(COLONNES_REQUISES_PUBLICATION).sort()).toEqual([...requises].sort());
    const attributs = (api: string): Record<string, { required?: boolean; type: string; target?: string }> =>
      JSON.parse(readFileSync(path.resolve(__dirname, `../../src/api/${api}/content-types/${api}/schema.json`), 'utf8')).attributes;
    const projetSchema = attributs('projet');
    const exige = (chemin: string): boolean => {
      const [nom, sous] = chemin.split('.');
      const attribut = projetSchema[nom];
      if (!attribut) return false;
      if (!sous) return attribut.required === true || (RELATIONS_REQUISES[UID.projet] ?? []).includes(nom) || (VALEURS_REQUISES[UID.projet] ?? []).includes(nom);
      const cible = attributs(String(attribut.target).split('.')[1]);
      return (RELATIONS_REQUISES[UID.projet] ?? []).includes(nom) && (cible[sous]?.required === true || (ATTRIBUTS_REQUIS_DES_RELATIONS[UID.projet]?.[nom] ?? []).includes(sous));
    };
    expect(Object.entries(COLONNES_REQUISES_PUBLICATION).filter(([, chemin]) => chemin !== null && !exige(chemin))).toEqual([]);
    // Written by the CMS itself, never empty.
    expect(Object.entries(COLONNES_REQUISES_PUBLICATION).filter(([, chemin]) => chemin === null)).toEqual([['Date_de_derniere_mise_a_jour', null]]);
  });
});

describe('écriture CSV (RFC 4180)', () => {
  const lireStrict = (texte: string) => parse(texte, { relax_quotes: false, relax_column_count: false, record_delimiter: '\r\n' }) as string[][];

  it('cite toute cellule qui contient le séparateur, un guillemet, CR ou LF, et double les guillemets', () => {
    expect(celluleCsv('simple')).toBe('simple');
    expect(celluleCsv('')).toBe('');
    expect(celluleCsv('a,b')).toBe('"a,b"');
    expect(celluleCsv('a;b')).toBe('"a;b"');
    expect(celluleCsv('dit "oui"')).toBe('"dit ""oui"""');
    expect(celluleCsv('ligne\nsuite')).toBe('"ligne\nsuite"');
    expect(celluleCsv('retour\rchariot')).toBe('"retour\rchariot"');
    expect(celluleCsv('crlf\r\nsuite')).toBe('"crlf\r\nsuite"');
  });

  it('termine chaque enregistrement par CRLF ; un lecteur strict relit exactement les cellules', () => {
    const cellules = ['a,b', 'x;y', '"', 'l1\nl2', 'c1\rc2', 'd1\r\nd2', ' =1+1', '', 'fin'];
    const texte = ligneCsv(['un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf']) + ligneCsv(cellules) + ligneCsv(cellules);
    expect(texte.endsWith('fin\r\n')).toBe(true);
    const lues = lireStrict(texte);
    expect(lues).toHaveLength(3);
    expect(lues[1]).toEqual(cellules);
    expect(lues[2]).toEqual(cellules);
  });
});

describe('neutralisation des formules (CSV)', () => {
  it('préfixe d’une apostrophe les cellules lues comme des formules', () => {
    expect(neutraliserFormule('=HYPERLINK("http://x","clic")')).toBe('\'=HYPERLINK("http://x","clic")');
    expect(neutraliserFormule('+33 1 23')).toBe("'+33 1 23");
    expect(neutraliserFormule('-2+3')).toBe("'-2+3");
    expect(neutraliserFormule('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('voit la formule derrière des espaces ou des blancs en tête, et une cellule qui commence par CR ou LF', () => {
    for (const cellule of [' =1+1', '\t=1+1', '  +33', '\u00a0-2+3', ' @SUM(A1)', '\r=1', '\n=1', '\tTexte', '\rTexte', '\nTexte']) {
      expect(neutraliserFormule(cellule)).toBe(`'${cellule}`);
    }
  });

  it('laisse les nombres et le texte ordinaire', () => {
    expect(neutraliserFormule('-0.5844559')).toBe('-0.5844559');
    expect(neutraliserFormule('-12')).toBe('-12');
    expect(neutraliserFormule('+3.5')).toBe('+3.5');
    expect(neutraliserFormule(' texte = valeur')).toBe(' texte = valeur');
    expect(neutraliserFormule('Stacoptim')).toBe('Stacoptim');
    expect(neutraliserFormule('')).toBe('');
  });
});
