import { readFileSync } from 'node:fs';
import path from 'node:path';
import { correspondreColonnes, erreurColonnes } from '../../src/domaine/interconnectes/colonnes';
import { decoder, detecterSeparateur, FichierIllisible, lireCsv } from '../../src/domaine/interconnectes/lecture-csv';
import { decouperListe, decouperPartenaires, normaliserDate, normaliserNombre, normaliserSiret, normaliserUrl } from '../../src/domaine/interconnectes/valeurs';
import { AUDIENCES, BUDGETS, HEBERGEMENTS, MISES_EN_OEUVRE, SOURCES_DONNEES, SOUS_THEMES, STATUTS, THEMES, TYPES_COLLECTIVITE, libelleExport, resoudre } from '../../src/domaine/interconnectes/vocabulaire';
import { normaliserLigne } from '../../src/domaine/interconnectes/ligne';
import { Annuaire, trouverCollectivite, typeACreer, cleNomCollectivite, type CollectiviteConnue } from '../../src/domaine/interconnectes/collectivite';

const DATA_CSV = path.resolve(__dirname, '../../donnees/interconnectes/data.csv');

describe('colonnes', () => {
  it('reconnaît les noms du Table Schema et ceux du modèle, dans n’importe quel ordre et casse', () => {
    const { colonnes, inconnues, doublons } = correspondreColonnes(['\uFEFFnom_projet', 'COLL_SIRET', 'Theme', 'audience_service', 'herbergement', 'image_url', 'date', 'risque']);
    expect(colonnes).toEqual(['Nom_du_projet', 'SIRET', 'Theme', 'Audience', 'herbergement', 'URL_Logo', 'Date_de_derniere_mise_a_jour', 'risque']);
    expect(inconnues).toEqual([]);
    expect(doublons).toEqual([]);
  });

  it('refuse un fichier sans les colonnes obligatoires ou avec une colonne en double', () => {
    const verifier = (entetes: string[]) => erreurColonnes(entetes, correspondreColonnes(entetes));
    expect(verifier(['nom_projet', 'coll_nom', 'projet_status', 'theme', 'usage_description'])).toBeNull();
    // Description, statut and thème may be absent: the projets are then incomplete drafts.
    expect(verifier(['Nom_du_projet', 'Theme'])).toBe('Colonnes obligatoires absentes : Nom_collectivite ou SIRET.');
    expect(verifier(['coll_nom', 'Theme'])).toBe('Colonnes obligatoires absentes : Nom_du_projet.');
    expect(verifier(['nom_projet', 'siren_collectivite'])).toBeNull();
    expect(verifier(['Nom_du_projet|Theme'])).toMatch(/Une seule colonne lue .* séparateur doit être la virgule ou le point-virgule/);
    expect(verifier(['Nom_du_projet', 'nom_projet'])).toBe('Colonnes en double : Nom_du_projet et nom_projet (Nom_du_projet).');
  });

  it('signale les colonnes inconnues et les doublons', () => {
    const { inconnues, doublons } = correspondreColonnes(['Nom_du_projet', 'nom_projet', 'commentaire']);
    expect(inconnues).toEqual(['commentaire']);
    expect(doublons).toEqual([{ colonne: 'Nom_du_projet', entetes: ['Nom_du_projet', 'nom_projet'] }]);
  });
});

describe('lecture du fichier', () => {
  it('détecte le séparateur de l’en-tête, hors guillemets', () => {
    expect(detecterSeparateur('a,b,c\n1;2;3')).toBe(',');
    expect(detecterSeparateur('a;b;c\n1,2,3')).toBe(';');
    expect(detecterSeparateur('"a;x";b,c\n')).toBe(',');
  });

  it('lit l’UTF-8 avec ou sans BOM', () => {
    const texte = 'Nom_du_projet;Theme\n"Projet ; é";Mobilités\n';
    const sansBom = lireCsv(Buffer.from(texte, 'utf8'));
    const avecBom = lireCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(texte, 'utf8')]));
    expect(sansBom).toEqual({ ...avecBom, bom: false });
    expect(avecBom.bom).toBe(true);
    expect(avecBom.entetes).toEqual(['Nom_du_projet', 'Theme']);
    expect(avecBom.lignes).toEqual([{ numero: 2, valeurs: ['Projet ; é', 'Mobilités'] }]);
  });

  it('refuse le Latin-1 en le nommant, avec la ligne du premier octet invalide', () => {
    const latin1 = Buffer.from('Nom_du_projet,Theme\nProjet,Mobilités\n', 'latin1');
    expect(() => decoder(latin1)).toThrow(FichierIllisible);
    expect(() => decoder(latin1)).toThrow(/pas en UTF-8 \(encodage probable : ISO-8859-1 \(Latin-1\) ; premier octet invalide ligne 2\)/);
    expect(() => decoder(Buffer.from([0x92, 0x41]))).toThrow(/Windows-1252/);
  });

  it('refuse un fichier vide', () => {
    expect(() => lireCsv(Buffer.from(' \n'))).toThrow(/vide/);
  });

  it('lit le fichier réel des Interconnectés : 33 projets, 16 colonnes', () => {
    const fichier = lireCsv(readFileSync(DATA_CSV));
    expect(fichier.separateur).toBe(',');
    expect(fichier.lignes).toHaveLength(33);
    expect(correspondreColonnes(fichier.entetes).inconnues).toEqual([]);
  });
});

describe('SIRET', () => {
  it('retire les espaces et réduit au SIREN vérifié par la clé de Luhn', () => {
    expect(normaliserSiret('243 300 316 00011')).toEqual({ etat: 'valide', siren: '243300316', siret: '24330031600011', chiffres: '24330031600011' });
    expect(normaliserSiret('243300316')).toEqual({ etat: 'valide', siren: '243300316', siret: null, chiffres: '243300316' });
  });

  it('signale un SIRET dont le SIREN a une clé fausse (Toulouse Métropole dans le fichier réel)', () => {
    expect(normaliserSiret('24410051800170')).toMatchObject({ etat: 'invalide', raison: expect.stringMatching(/clé de contrôle \(Luhn\) du SIREN 244100518/) });
    expect(normaliserSiret('1234')).toMatchObject({ etat: 'invalide' });
    expect(normaliserSiret('  ')).toEqual({ etat: 'absent' });
  });
});

describe('dates', () => {
  it('ramène MM/AAAA et J/M/AAAA au premier jour du mois', () => {
    expect(normaliserDate('01/2024', true)).toBe('2024-01-01');
    expect(normaliserDate('9/2021', true)).toBe('2021-09-01');
    expect(normaliserDate('22/05/2025', true)).toBe('2025-05-01');
    expect(normaliserDate('3/7/2020', true)).toBe('2020-07-01');
    expect(normaliserDate('2024-06-15', true)).toBe('2024-06-01');
  });

  it('garde le jour quand il compte (date de mise à jour)', () => {
    expect(normaliserDate('22/05/2025', false)).toBe('2025-05-22');
    expect(normaliserDate('05/2025', false)).toBe('2025-05-01');
  });

  it('refuse ce qui n’est pas une date réelle', () => {
    expect(normaliserDate('13/2024', true)).toBeNull();
    expect(normaliserDate('31/02/2024', false)).toBeNull();
    expect(normaliserDate('printemps 2024', true)).toBeNull();
  });
});

describe('vocabulaire (import et export)', () => {
  it('statuts : les deux accords de « Terminé », l’expérimentation, l’abandon', () => {
    expect(resoudre(STATUTS, 'En expérimentation')?.terme.valeur).toBe('experimentation');
    expect(resoudre(STATUTS, 'Terminée')?.terme.valeur).toBe('termine');
    expect(resoudre(STATUTS, 'Terminé')?.terme.valeur).toBe('termine');
    expect(resoudre(STATUTS, ' en deploiement ')?.terme.valeur).toBe('deploiement');
    expect(resoudre(STATUTS, 'Abandonné')?.terme.valeur).toBe('abandonne');
    expect(resoudre(STATUTS, 'Suspendu')).toBeUndefined();
  });

  it('types de collectivité : métropole et communauté d’agglomérations → epci avec sous-type', () => {
    const metropole = resoudre(TYPES_COLLECTIVITE, 'Métropole');
    expect(metropole?.terme.valeur).toBe('epci');
    expect(metropole?.terme.sousTypes?.[metropole.libelle]).toBe('METRO');
    const agglo = resoudre(TYPES_COLLECTIVITE, "Communauté d'agglomérations");
    expect(agglo?.terme.valeur).toBe('epci');
    expect(agglo?.terme.sousTypes?.[agglo.libelle]).toBe('CA');
    expect(resoudre(TYPES_COLLECTIVITE, 'EPT')?.terme.valeur).toBe('ept');
    expect(resoudre(TYPES_COLLECTIVITE, 'Département')?.terme.valeur).toBe('departement');
  });

  it('publics : « Élu » et « Elu », les établissements avec ou sans accent', () => {
    expect(resoudre(AUDIENCES, 'Élu')?.terme.valeur).toBe('elu');
    expect(resoudre(AUDIENCES, 'Elu')?.terme.valeur).toBe('elu');
    expect(resoudre(AUDIENCES, 'Etablissement santé')?.terme.valeur).toBe('etablissement-de-sante');
    expect(resoudre(AUDIENCES, 'Aménageurs')?.terme.valeur).toBe('autre');
  });

  it('thèmes : les deux graphies du thème 1, apostrophes droites ou typographiques', () => {
    expect(resoudre(THEMES, 'Transition écologique et énergétique')?.terme.valeur).toBe('transition-ecologique-et-energetique');
    expect(resoudre(THEMES, 'Transformation écologique et énergétique')?.terme.valeur).toBe('transition-ecologique-et-energetique');
    expect(resoudre(SOUS_THEMES, "Gestion de l'eau")?.terme.valeur).toBe('gestion-de-l-eau');
    expect(resoudre(SOUS_THEMES, 'Gestion de l’eau')?.terme.valeur).toBe('gestion-de-l-eau');
  });

  it('énumérations du schéma : budget, hébergement, mise en œuvre, données', () => {
    expect(resoudre(BUDGETS, 'de 50k€ à 100k€')?.terme.valeur).toBe('de_50k_a_100k');
    expect(resoudre(HEBERGEMENTS, "en interne de l'administration")?.terme.valeur).toBe('interne');
    expect(resoudre(MISES_EN_OEUVRE, 'mobilisation de prestataire(s)')?.terme.valeur).toBe('prestataires');
    expect(resoudre(SOURCES_DONNEES, "données d'un tiers")?.terme.valeur).toBe('donnees_tiers');
  });

  it('exporte le libellé exact de l’énumération du schéma, même quand le CMS l’écrit autrement', () => {
    expect(libelleExport(AUDIENCES, 'elu')).toBe('Elu');
    expect(libelleExport(AUDIENCES, 'etablissement-de-sante')).toBe('Etablissement santé');
    expect(libelleExport(AUDIENCES, 'autre')).toBeNull();
    expect(libelleExport(STATUTS, 'termine')).toBe('Terminée');
    expect(libelleExport(STATUTS, 'exploration')).toBe('En expérimentation');
    expect(libelleExport(TYPES_COLLECTIVITE, 'epci')).toBe('EPCI');
    expect(libelleExport(TYPES_COLLECTIVITE, 'ept')).toBe('EPCI');
    expect(libelleExport(HEBERGEMENTS, 'interne')).toBe("en interne de l'administration");
  });
});

describe('partenaires', () => {
  it('découpe « A-B-C » et retire les espaces', () => {
    expect(decouperPartenaires('Datanumia-EDF-Erinadis-Efficacity        ')).toEqual({ noms: ['Datanumia', 'EDF', 'Erinadis', 'Efficacity'], regle: 'tirets', remarques: [] });
  });

  it('garde les noms composés connus et les noms de lieux', () => {
    expect(decouperPartenaires('Exo-Dev').noms).toEqual(['Exo-Dev']);
    expect(decouperPartenaires('Ville de Noisy-le-Grand-EDF').noms).toEqual(['Ville de Noisy-le-Grand', 'EDF']);
    expect(decouperPartenaires('Gridfit-Advizeo').noms).toEqual(['Gridfit', 'Advizeo']);
    expect(decouperPartenaires('Acme-Data-Enedis', ['Acme-Data']).noms).toEqual(['Acme-Data', 'Enedis']);
  });

  it('avec des virgules, le tiret n’est plus un séparateur ; les parenthèses protègent leurs virgules', () => {
    expect(decouperPartenaires('Pôle TES, Start-up Delibia, 4 autres collectivités normandes (Ville du Havre, Octeville sur mer, etc.)').noms).toEqual([
      'Pôle TES',
      'Start-up Delibia',
      '4 autres collectivités normandes (Ville du Havre, Octeville sur mer, etc.)',
    ]);
  });

  it('un retour à la ligne sépare aussi', () => {
    expect(decouperPartenaires('CNRS-INSA Lyon-École Centrale de Lyon\nTelesCoop').noms).toEqual(['CNRS', 'INSA Lyon', 'École Centrale de Lyon', 'TelesCoop']);
  });

  it('signale une parenthèse non fermée', () => {
    const resultat = decouperPartenaires("Civiteo, Membres du Comité territorial de l'IA (expert, Membres de la convention citoyenne");
    expect(resultat.noms).toEqual(['Civiteo', "Membres du Comité territorial de l'IA (expert, Membres de la convention citoyenne"]);
    expect(resultat.remarques).toEqual([expect.stringMatching(/parenthèse non fermée/)]);
  });

  it('« aucun », « / », « développé en régie » : pas d’offreur', () => {
    for (const valeur of ['', '/', 'aucun', 'développé en régie']) expect(decouperPartenaires(valeur)).toEqual({ noms: [], regle: 'aucun', remarques: [] });
  });
});

describe('autres valeurs', () => {
  it('listes, URL et nombres', () => {
    expect(decouperListe('Agent, Élu; Grand public\n')).toEqual(['Agent', 'Élu', 'Grand public']);
    expect(normaliserUrl('https://iarbre.fr/')).toEqual({ url: 'https://iarbre.fr/', complete: false });
    expect(normaliserUrl('www.ladrome.fr')).toEqual({ url: 'https://www.ladrome.fr', complete: true });
    expect(normaliserUrl('accès interne uniquement')).toEqual({ url: null, complete: false });
    expect(normaliserNombre('44,8360737')).toBe(44.8360737);
    expect(normaliserNombre('nord')).toBeNull();
  });
});

describe('ligne complète', () => {
  const ligne = (cellules: Record<string, string>) =>
    normaliserLigne(2, {
      Nom_collectivite: 'Ville de Metz',
      Nom_du_projet: 'Expérimentation\nassistance rédactionnelle ',
      SIRET: '200 039 865 00106',
      Type_de_collectivite: 'Commune',
      Date_de_demarrage: '01/2024',
      Statut_du_projet: 'Terminé',
      Description_service: 'Une description.',
      Theme: 'Transformation écologique et énergétique',
      Sous_Theme: 'Gestion de l’eau, Performance énergétique',
      Audience: 'Agent, Élu',
      URL_Service: 'accès interne uniquement',
      ...cellules,
    });

  it('normalise et liste chaque normalisation appliquée', () => {
    const resultat = ligne({});
    expect(resultat.erreurs).toEqual([]);
    expect(resultat.projet).toMatchObject({
      nom: 'Expérimentation assistance rédactionnelle',
      statut: 'termine',
      dateDemarrage: '2024-01-01',
      thematique: 'transition-ecologique-et-energetique',
      sousThematiques: ['gestion-de-l-eau', 'performance-energetique'],
      publics: ['agent', 'elu'],
      lienInformation: null,
    });
    expect(resultat.normalisations.map((n) => n.colonne).sort()).toEqual(['Audience', 'Nom_du_projet', 'SIRET', 'Statut_du_projet', 'Theme']);
    expect(resultat.avertissements).toEqual([
      { colonne: 'URL_Service', valeur: 'accès interne uniquement', message: 'pas une adresse web, lien laissé vide : gardée dans les notes d’import' },
    ]);
    // Kept, but it says the projet has no public link: no modérateur needed for it.
    expect(resultat.notes).toEqual(['URL_Service : accès interne uniquement']);
    expect(resultat.aReprendre).toBe(false);
    expect(resultat.collectivite.siret).toMatchObject({ etat: 'valide', siren: '200039865' });
  });

  it('une valeur inconnue ou ambiguë : champ vide, valeur gardée mot pour mot dans les notes, avertissement qui nomme colonne et valeur', () => {
    const resultat = ligne({ Audience: 'Agent, Martiens', Statut_du_projet: 'Suspendu', donnees_source: 'fichiers Excel des services' });
    expect(resultat.erreurs).toEqual([]);
    expect(resultat.projet).toMatchObject({ statut: null, publics: ['agent'], donnees: { sources: [], modeAcces: null } });
    expect(resultat.notes).toEqual(['URL_Service : accès interne uniquement', 'Statut_du_projet : Suspendu', 'Audience : Martiens', 'donnees_source : fichiers Excel des services']);
    expect(resultat.aReprendre).toBe(true);
    expect(resultat.avertissements).toEqual(
      expect.arrayContaining([
        { colonne: 'Statut_du_projet', valeur: 'Suspendu', message: expect.stringMatching(/^valeur ambiguë « Suspendu » \(abandonne ou experimentation : .*\), champ laissé vide : gardée dans les notes d’import$/) },
        { colonne: 'Audience', valeur: 'Martiens', message: expect.stringMatching(/^valeur inconnue « Martiens », champ laissé vide \(valeurs reconnues : Grand public, .*\) : gardée dans les notes d’import$/) },
        { colonne: 'donnees_source', valeur: 'fichiers Excel des services', message: expect.stringMatching(/^valeur inconnue « fichiers Excel des services »/) },
      ]),
    );
  });

  it('un hébergement inconnu ne devient pas « NSP » : ne pas savoir n’est pas dire autre chose', () => {
    const resultat = ligne({ herbergement: 'OVH (SecNumCloud en cours)' });
    expect(resultat.projet.hebergement).toBeNull();
    expect(resultat.notes).toContain('herbergement : OVH (SecNumCloud en cours)');
  });

  it('colonnes restreintes : vocabulaire du CMS ; une ressource est signalée, pas perdue en silence', () => {
    const resultat = ligne({
      budget: 'de 50k€ à 100k€',
      herbergement: 'NSP',
      mise_en_oeuvre: 'marché public',
      donnees_source: "open data, données d'un tiers",
      donnees_acces: 'par API',
      type_algorithme: 'Machine Learning, Computer vision',
      risque_categorie: 'risque limité',
      explicabilite: 'faible',
      url_ressources: 'https://github.com/exemple/depot',
    });
    expect(resultat.erreurs).toEqual([]);
    expect(resultat.projet).toMatchObject({
      budget: 'de_50k_a_100k',
      hebergement: 'nsp',
      miseEnOeuvre: 'marche_public',
      donnees: { sources: [{ source: 'open_data' }, { source: 'donnees_tiers' }], modeAcces: 'api' },
      techniquesIa: ['apprentissage-automatique', 'vision-par-ordinateur'],
      evaluation: { risqueCategorie: 'limite', explicabilite: 'faible' },
    });
    expect(resultat.avertissements).toContainEqual(expect.objectContaining({ colonne: 'url_ressources', message: expect.stringMatching(/ressource non importée/) }));
  });

  it('colonnes étendues de transparence : date de fin au jour près, textes gardés, lien de délibération vérifié', () => {
    const resultat = ligne({
      date_fin: '30/06/2026',
      role_offreurs: ' Développement : "Inria".\nHébergement : la région. ',
      base_legale: 'Mission de service public.',
      voies_de_recours: 'Recours gracieux auprès du maire.',
      lien_deliberation: 'www.metz.fr/deliberations/2024-12',
    });
    expect(resultat.projet).toMatchObject({
      dateFin: '2026-06-30',
      roleOffreurs: 'Développement : "Inria".\nHébergement : la région.',
      baseLegale: 'Mission de service public.',
      voiesDeRecours: 'Recours gracieux auprès du maire.',
      lienDeliberation: 'https://www.metz.fr/deliberations/2024-12',
    });
    expect(resultat.sources.dateFin).toEqual({ colonne: 'date_fin', valeur: '30/06/2026' });
    const douteux = ligne({ lien_deliberation: 'délibération du 12 juillet' });
    expect(douteux.projet.lienDeliberation).toBeNull();
    expect(douteux.notes).toContain('lien_deliberation : délibération du 12 juillet');
    // A strict file says nothing of them: nothing changes.
    for (const attribut of ['dateFin', 'roleOffreurs', 'baseLegale', 'lienDeliberation', 'voiesDeRecours']) expect(ligne({}).projet).not.toHaveProperty(attribut);
  });

  it('description, statut ou thème absents : brouillon incomplet avec avertissement, la ligne n’est pas retenue', () => {
    const resultat = ligne({ Description_service: ' ', Statut_du_projet: '', Theme: '' });
    expect(resultat.erreurs).toEqual([]);
    expect(resultat.projet).toMatchObject({ description: null, statut: null, thematique: null });
    expect(resultat.avertissements.filter((a) => /brouillon incomplet/.test(a.message)).map((a) => a.colonne)).toEqual(['Description_service', 'Statut_du_projet', 'Theme']);
  });

  it('seuls le nom du projet et la collectivité retiennent une ligne', () => {
    expect(ligne({ Nom_du_projet: ' ' }).erreurs).toEqual([{ colonne: 'Nom_du_projet', valeur: '', message: expect.stringMatching(/nom du projet absent/) }]);
    expect(ligne({ Nom_collectivite: '', SIRET: '' }).erreurs).toEqual([{ colonne: 'Nom_collectivite', valeur: '', message: expect.stringMatching(/ni nom ni SIRET/) }]);
  });
});

describe('collectivité', () => {
  const connues: CollectiviteConnue[] = [
    { documentId: 'metz', nom: 'Metz', type: 'commune', sousType: 'commune-actuelle', siren: '215704636' },
    { documentId: 'metz-metropole', nom: 'Metz Métropole', type: 'epci', sousType: 'METRO', siren: '200039865' },
    { documentId: 'paris', nom: 'Paris', type: 'commune', sousType: 'commune-actuelle', siren: '217500016' },
    { documentId: 'paris-75', nom: 'Paris', type: 'departement', sousType: null, siren: null },
    { documentId: 'vendee', nom: 'Vendée', type: 'departement', sousType: null, siren: null },
    { documentId: 'toulouse', nom: 'Toulouse Métropole', type: 'epci', sousType: 'METRO', siren: '243100518' },
    { documentId: 'saint-denis-93', nom: 'Saint-Denis', type: 'commune', sousType: 'commune-actuelle', siren: '219300662' },
    { documentId: 'saint-denis-974', nom: 'Saint-Denis', type: 'commune', sousType: 'commune-actuelle', siren: '219740115' },
  ];
  const annuaire = new Annuaire(connues);
  const declaree = (nom: string, siret: string, type: string) => normaliserLigne(2, { Nom_collectivite: nom, SIRET: siret, Type_de_collectivite: type }).collectivite;

  it('enlève les préfixes usuels du nom', () => {
    expect(cleNomCollectivite('Département de la Vendée')).toBe('vendee');
    expect(cleNomCollectivite("Département d'Ille et Vilaine")).toBe(cleNomCollectivite('Ille-et-Vilaine'));
  });

  it('trouve par SIREN quand le nom concorde', () => {
    expect(trouverCollectivite(annuaire, declaree('Toulouse Métropole', '24310051800170', 'Métropole'))).toMatchObject({ trouvee: { documentId: 'toulouse' }, par: 'siren', avertissements: [] });
  });

  it('signale « Ville de Metz » avec le SIRET de Metz Métropole et rattache d’après le nom', () => {
    const resultat = trouverCollectivite(annuaire, declaree('Ville de Metz', '20003986500106', 'Commune'));
    expect(resultat).toMatchObject({ trouvee: { documentId: 'metz' }, par: 'nom' });
    expect(resultat.avertissements).toEqual([expect.stringMatching(/le SIRET désigne « Metz Métropole ».*mais le nom « Ville de Metz » désigne « Metz »/)]);
  });

  it('SIRET invalide : signalé, puis recherche par le nom', () => {
    const resultat = trouverCollectivite(annuaire, declaree('Toulouse Métropole', '24410051800170', 'Métropole'));
    expect(resultat).toMatchObject({ trouvee: { documentId: 'toulouse' }, par: 'nom', avertissements: [] });
    const ligne = normaliserLigne(2, { Nom_collectivite: 'Toulouse Métropole', SIRET: '24410051800170' });
    expect(ligne.avertissements).toEqual([
      { colonne: 'SIRET', valeur: '24410051800170', message: expect.stringMatching(/^SIRET « 24410051800170 » invalide \(clé de contrôle.*\) : recherche par le nom : gardée dans les notes d’import$/) },
    ]);
    expect(ligne.notes).toEqual(['SIRET : 24410051800170']);
  });

  it('Ville de Paris déclarée département : le SIREN de la commune l’emporte, le type est signalé', () => {
    const resultat = trouverCollectivite(annuaire, declaree('Ville de Paris', '21750001600019', 'Département'));
    expect(resultat).toMatchObject({ trouvee: { documentId: 'paris' }, par: 'siren' });
    expect(resultat.avertissements).toEqual([expect.stringMatching(/type déclaré « Département »/)]);
  });

  it('département absent du SIREN du référentiel : trouvé par le nom', () => {
    expect(trouverCollectivite(annuaire, declaree('Département de la Vendée', '22850001300658', 'Département'))).toMatchObject({ trouvee: { documentId: 'vendee' }, par: 'nom' });
  });

  it('refuse un nom ambigu sans SIRET et une collectivité inconnue', () => {
    expect(trouverCollectivite(annuaire, declaree('Saint-Denis', '', 'Commune'))).toMatchObject({ trouvee: null, raison: expect.stringMatching(/ambigu \(2 collectivités/) });
    expect(trouverCollectivite(annuaire, declaree('Syndicat de gestion des eaux du brivadois', '25430088200019', 'EPT'))).toMatchObject({
      trouvee: null,
      raison: expect.stringMatching(/absente du référentiel \(SIREN 254300882/),
    });
  });

  it('un SIREN complété rend la collectivité trouvable par son SIREN, sans la dédoubler', () => {
    const local = new Annuaire(connues.map((c) => ({ ...c })));
    const vendee = local.parNom('Vendée')[0];
    vendee.siren = '228500013';
    local.ajouter(vendee);
    expect(local.parSiren('228500013')).toBe(vendee);
    expect(local.parNom('Département de la Vendée')).toEqual([vendee]);
  });

  it('ne crée que les types absents du référentiel', () => {
    expect(typeACreer(declaree('Syndicat de gestion des eaux du brivadois', '25430088200019', 'EPT'))).toBe('syndicat');
    expect(typeACreer(declaree('SDIS 33', '', 'Opérateur'))).toBe('operateur_public');
    expect(typeACreer(declaree('Commune imaginaire', '', 'Commune'))).toBeNull();
  });
});

describe('séparateur non pris en charge', () => {
  it('nomme la tabulation au lieu d’une erreur de lecture CSV', () => {
    expect(() => lireCsv(Buffer.from('Nom_du_projet\tTheme\n"Projet"\tMobilités\n'))).toThrow(/Séparateur non pris en charge \(la tabulation\)/);
  });
});
