/**
 * Every generation of the Interconnectés files: column names, vocabulary variants, value forms, and the
 * README table that documents them (kept equal to the code by the last tests).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleColonne, correspondreColonnes, tableColonnesMarkdown } from '../../src/domaine/interconnectes/colonnes';
import { decouperPartenaires, lireDate, normaliserDate, normaliserSiret } from '../../src/domaine/interconnectes/valeurs';
import {
  ACCES_DONNEES,
  AUDIENCES,
  BUDGETS,
  CATEGORIES_RISQUE,
  ERREURS,
  HEBERGEMENTS,
  MISES_EN_OEUVRE,
  SOURCES_DONNEES,
  STATUTS,
  THEMES,
  TYPES_COLLECTIVITE,
  VERSION_VOCABULAIRE,
  VOCABULAIRES,
  ambiguite,
  cleMontant,
  resoudre,
  resoudreSousTheme,
  tableVocabulaireMarkdown,
  type Vocabulaire,
} from '../../src/domaine/interconnectes/vocabulaire';
import { normaliserLigne } from '../../src/domaine/interconnectes/ligne';
import { cleTexte } from '../../src/domaine/interconnectes/texte';

const valeur = (vocabulaire: Vocabulaire, texte: string) => resoudre(vocabulaire, texte)?.terme.valeur;
const lire = (entetes: string[]) => correspondreColonnes(entetes).colonnes;

describe('colonnes de chaque génération', () => {
  it('1re génération : usage_service, cible_service, description à côté de nom_algorithme, status_abandon, risque_categorie, herbergement', () => {
    const entetes = ['nom_projet', 'coll_nom', 'usage_service', 'cible_service', 'nom_algorithme', 'description', 'status_abandon', 'risque_categorie', 'herbergement', 'proportionnalite'];
    const { colonnes, inconnues, lectures } = correspondreColonnes(entetes);
    expect(colonnes).toEqual([
      'Nom_du_projet',
      'Nom_collectivite',
      'Description_service',
      'Audience',
      'nom_algorithme',
      'algorithme_description',
      'status_abandon',
      'risque_categorie',
      'herbergement',
      'proportionalite',
    ]);
    expect(inconnues).toEqual([]);
    expect(lectures).toEqual([
      expect.stringMatching(/« description » lue comme la description de l’algorithme .*nom_algorithme/),
      'colonnes Statut_du_projet, Theme absentes : les projets créés seront des brouillons incomplets, à compléter avant publication',
    ]);
  });

  it('« description » sans nom_algorithme : celle du service, sauf si le service a déjà la sienne ; la lecture est dite', () => {
    const seule = correspondreColonnes(['nom_projet', 'coll_nom', 'description']);
    expect(seule.colonnes[2]).toBe('Description_service');
    expect(seule.lectures[0]).toMatch(/lue comme la description du service/);
    const avecService = correspondreColonnes(['nom_projet', 'coll_nom', 'usage_service', 'Description']);
    expect(avecService.colonnes[3]).toBe('algorithme_description');
    expect(avecService.lectures[0]).toMatch(/la description du service a sa propre colonne/);
  });

  it('l’orthographe corrigée « hebergement » et la clé souple des intitulés (accents, casse, espaces, tirets)', () => {
    expect(lire(['hebergement', 'Hébergement', 'HERBERGEMENT'])).toEqual(['herbergement', 'herbergement', 'herbergement']);
    expect(lire(['Sous-thème', 'Public cible', 'Date de démarrage', 'NOM DU PROJET', ' Nom  de la collectivité ', 'Statut du projet', 'Thème'])).toEqual([
      'Sous_Theme',
      'Audience',
      'Date_de_demarrage',
      'Nom_du_projet',
      'Nom_collectivite',
      'Statut_du_projet',
      'Theme',
    ]);
    expect(lire(['sous theme', 'SOUS_THEME', 'date-de-derniere-mise-a-jour', 'Type de collectivité'])).toEqual(['Sous_Theme', 'Sous_Theme', 'Date_de_derniere_mise_a_jour', 'Type_de_collectivite']);
    expect(cleColonne('\uFEFFSous-Thème ')).toBe('sous_theme');
  });

  it('deux intitulés qui disent la même colonne restent un doublon', () => {
    expect(correspondreColonnes(['Sous-thème', 'sous_theme']).doublons).toEqual([{ colonne: 'Sous_Theme', entetes: ['Sous-thème', 'sous_theme'] }]);
  });

  it('colonnes étendues de l’open data : lues ; url ignorée et dite', () => {
    const entetes = ['identifiant', 'url', 'siren_collectivite', 'statut_bibliotheque', 'publics_bibliotheque', 'resume', 'collectivites_partenaires', 'niveau_automatisation', 'intervention_humaine', 'evaluations_impact'];
    const { colonnes, inconnues, lectures } = correspondreColonnes(entetes);
    expect(colonnes).toEqual(entetes);
    expect(inconnues).toEqual([]);
    expect(lectures).toEqual([expect.stringMatching(/^colonnes Description_service, Theme absentes/), expect.stringMatching(/« url » ignorée/)]);
  });
});

describe('vocabulaire de chaque génération', () => {
  it('est versionné', () => {
    expect(VERSION_VOCABULAIRE).toMatch(/^\d{4}-\d{2}$/);
  });

  it('aucune variante ne mène à deux valeurs, aucune ambiguïté n’est résolue', () => {
    for (const vocabulaire of VOCABULAIRES) {
      const cle = vocabulaire.cle ?? cleTexte;
      const vues = new Map<string, string>();
      for (const terme of vocabulaire.termes) {
        for (const libelle of terme.libelles) {
          const dejaVue = vues.get(cle(libelle));
          expect({ colonne: vocabulaire.colonne, libelle, valeur: dejaVue ?? terme.valeur }).toEqual({ colonne: vocabulaire.colonne, libelle, valeur: terme.valeur });
          vues.set(cle(libelle), terme.valeur);
          expect({ libelle, valeur: valeur(vocabulaire, libelle) }).toEqual({ libelle, valeur: terme.valeur });
        }
      }
      for (const ambigu of vocabulaire.ambigus ?? []) {
        expect({ libelle: ambigu.libelle, valeur: valeur(vocabulaire, ambigu.libelle) }).toEqual({ libelle: ambigu.libelle, valeur: undefined });
        expect(ambiguite(vocabulaire, ambigu.libelle.toUpperCase())).toBe(ambigu);
      }
    }
  });

  it('statuts de chaque génération, les ambigus jamais devinés', () => {
    expect(valeur(STATUTS, 'En réflexion')).toBe('exploration');
    expect(valeur(STATUTS, 'POC')).toBe('experimentation');
    expect(valeur(STATUTS, 'Expérimentation')).toBe('experimentation');
    expect(valeur(STATUTS, 'En production')).toBe('deploiement');
    expect(valeur(STATUTS, 'déployé')).toBe('deploiement');
    expect(valeur(STATUTS, 'En exploration')).toBe('exploration'); // the library's own word
    for (const ambigu of ['En construction', 'Arrêté', 'arrete', 'Suspendu']) expect(valeur(STATUTS, ambigu)).toBeUndefined();
    expect(ambiguite(STATUTS, 'Arrêté')?.candidats).toEqual(['termine', 'abandonne']);
  });

  it('thèmes : graphies de la prose, du fichier de référence et formes courtes des exports 2025', () => {
    for (const libelle of ['Transformation écologique et énergétique', 'Transition écologique et énergétique', 'Transition écologique', 'transition  ecologique']) {
      expect(valeur(THEMES, libelle)).toBe('transition-ecologique-et-energetique');
    }
    expect(valeur(THEMES, 'Mobilité')).toBe('mobilites');
    expect(valeur(THEMES, 'MOBILITES')).toBe('mobilites');
    expect(valeur(THEMES, 'Citoyenneté, santé, et solidarité')).toBe('citoyennete-sante-et-solidarite');
  });

  it('sous-thèmes en paire « Thème-Sous-thème » ou préfixés du thème ; apostrophes et casse indifférentes', () => {
    const sousTheme = (texte: string) => resoudreSousTheme(texte)?.resolution.terme.valeur;
    expect(sousTheme('Mobilités-Stationnement')).toBe('stationnement');
    expect(sousTheme("Transition écologique et énergétique - Gestion de l'eau")).toBe('gestion-de-l-eau');
    expect(sousTheme('Mobilités : Stationnement')).toBe('stationnement');
    expect(sousTheme('mobilité / flux et trafic')).toBe('flux-et-trafic');
    expect(sousTheme('GESTION DE L’EAU')).toBe('gestion-de-l-eau');
    expect(sousTheme('Qualité de l\u2019air et nuisances  sonores')).toBe('qualite-de-l-air-et-nuisances-sonores');
    expect(resoudreSousTheme('Mobilités-Covoiturage')).toBeUndefined();
  });

  it('publics : pluriels et mots des générations ; « Usagers » ambigu', () => {
    expect(valeur(AUDIENCES, 'Élus')).toBe('elu');
    expect(valeur(AUDIENCES, 'Agents')).toBe('agent');
    expect(valeur(AUDIENCES, 'Citoyens')).toBe('grand-public');
    expect(valeur(AUDIENCES, 'Entreprise')).toBe('entreprises');
    expect(valeur(AUDIENCES, 'Associations')).toBe('association');
    expect(valeur(AUDIENCES, 'Écoles')).toBe('etablissement-scolaire');
    expect(valeur(AUDIENCES, 'Usagers')).toBeUndefined();
  });

  it('types de collectivité, avec le sous-type qu’ils impliquent', () => {
    const type = (texte: string) => {
      const r = resoudre(TYPES_COLLECTIVITE, texte);
      return r && [r.terme.valeur, r.terme.sousTypes?.[r.libelle] ?? null];
    };
    expect(type('Ville')).toEqual(['commune', null]);
    expect(type('Métropole')).toEqual(['epci', 'METRO']);
    expect(type("Communauté d'agglomération")).toEqual(['epci', 'CA']);
    expect(type('CA')).toEqual(['epci', 'CA']);
    expect(type('CC')).toEqual(['epci', 'CC']);
    expect(type('Conseil départemental')).toEqual(['departement', null]);
    expect(type('Conseil régional')).toEqual(['region', null]);
    expect(type('Syndicat')).toEqual(['syndicat', null]);
  });

  it('budgets écrits de toutes les façons', () => {
    expect(valeur(BUDGETS, '< 50 k€')).toBe('moins_50k');
    expect(valeur(BUDGETS, 'Moins de 50 000 €')).toBe('moins_50k');
    expect(valeur(BUDGETS, 'moins de 50 000 euros')).toBe('moins_50k');
    expect(valeur(BUDGETS, '50-100k€')).toBe('de_50k_a_100k');
    expect(valeur(BUDGETS, 'Entre 50 000 et 100 000 €')).toBe('de_50k_a_100k');
    expect(valeur(BUDGETS, '> 100k€')).toBe('plus_100k');
    expect(valeur(BUDGETS, 'Plus de 100 k€')).toBe('plus_100k');
    expect(valeur(BUDGETS, '75 000 €')).toBeUndefined();
    expect(cleMontant('< 50 k€')).toBe(cleMontant('Moins de 50 000 €'));
  });

  it('hébergement, mise en œuvre, sources et accès aux données, risque, niveaux', () => {
    expect(valeur(HEBERGEMENTS, 'Cloud')).toBe('cloud_tiers');
    expect(valeur(HEBERGEMENTS, 'Interne')).toBe('interne');
    expect(valeur(HEBERGEMENTS, 'ne sait pas')).toBe('nsp');
    expect(valeur(MISES_EN_OEUVRE, 'En régie')).toBe('interne');
    expect(valeur(MISES_EN_OEUVRE, 'Prestataire')).toBe('prestataires');
    expect(valeur(SOURCES_DONNEES, 'Données internes')).toBe('jeu_de_donnees_interne');
    expect(valeur(SOURCES_DONNEES, 'Open Data')).toBe('open_data');
    expect(valeur(SOURCES_DONNEES, 'fichiers Excel des services')).toBeUndefined();
    expect(valeur(ACCES_DONNEES, 'API')).toBe('api');
    expect(valeur(ACCES_DONNEES, 'Manuelle')).toBe('recuperation_manuelle');
    expect(valeur(CATEGORIES_RISQUE, 'Minimal')).toBe('minimal');
    expect(valeur(CATEGORIES_RISQUE, 'Haut risque')).toBe('eleve');
    expect(valeur(CATEGORIES_RISQUE, 'Risque faible')).toBeUndefined();
    expect(valeur(ERREURS, 'Moyenne')).toBe('moyen');
    expect(valeur(ERREURS, 'Forte')).toBe('fort');
  });
});

describe('valeurs de chaque génération', () => {
  it('partenaires séparés par tiret, virgule, point-virgule ou retour à la ligne', () => {
    expect(decouperPartenaires('A-B').noms).toEqual(['A', 'B']);
    expect(decouperPartenaires('A, B').noms).toEqual(['A', 'B']);
    expect(decouperPartenaires('Start-up Delibia; EDF ;Enedis').noms).toEqual(['Start-up Delibia', 'EDF', 'Enedis']);
    expect(decouperPartenaires('A\nB\r\nC').noms).toEqual(['A', 'B', 'C']);
  });

  it('un tiret entouré d’espaces sépare, les tirets collés restent dans les noms', () => {
    expect(decouperPartenaires('Atmo Auvergne-Rhône-Alpes - Université Grenoble Alpes').noms).toEqual(['Atmo Auvergne-Rhône-Alpes', 'Université Grenoble Alpes']);
  });

  it('« NSP » comme partenaire : aucun offreur, la réponse gardée dans les notes', () => {
    const n = normaliserLigne(2, { Nom_du_projet: 'P', Nom_collectivite: 'Metz', Partenaires: 'NSP' });
    expect(n.projet.offreurs).toEqual([]);
    expect(n.notes).toEqual(['Partenaires : NSP']);
    expect(n.aReprendre).toBe(false);
  });

  it('SIRET avec espaces ou points ; la notation scientifique d’un tableur est refusée (chiffres perdus)', () => {
    expect(normaliserSiret('243 300 316 00011')).toMatchObject({ etat: 'valide', siret: '24330031600011' });
    expect(normaliserSiret('243.300.316.00011')).toMatchObject({ etat: 'valide', siret: '24330031600011' });
    expect(normaliserSiret('2,43300316E+13')).toEqual({ etat: 'invalide', chiffres: '2,43300316E+13', raison: expect.stringMatching(/notation scientifique.*chiffres sont perdus/) });
    expect(normaliserSiret('2.43300316E13')).toMatchObject({ etat: 'invalide', raison: expect.stringMatching(/notation scientifique/) });
  });

  it('un SIRET inutilisable : la collectivité est cherchée par son nom, le SIRET écrit gardé dans les notes', () => {
    const n = normaliserLigne(2, { Nom_du_projet: 'P', Nom_collectivite: 'Bordeaux Métropole', SIRET: '2,43300316E+13' });
    expect(n.collectivite.siret).toMatchObject({ etat: 'invalide' });
    expect(n.notes).toEqual(['SIRET : 2,43300316E+13']);
    expect(n.erreurs).toEqual([]);
  });

  it('dates : MM/AAAA, MM-AAAA, AAAA, AAAA-MM-JJ, mois en lettres', () => {
    expect(lireDate('03/2023')).toEqual({ iso: '2023-03-01', precision: 'mois', lecture: null });
    expect(lireDate('03-2023')).toEqual({ iso: '2023-03-01', precision: 'mois', lecture: null });
    expect(lireDate('2023')).toEqual({ iso: '2023-01-01', precision: 'annee', lecture: null });
    expect(lireDate('2024-06-15')).toEqual({ iso: '2024-06-15', precision: 'jour', lecture: null });
    expect(lireDate('mars 2023')).toEqual({ iso: '2023-03-01', precision: 'mois', lecture: null });
    expect(lireDate('janv. 2024')).toEqual({ iso: '2024-01-01', precision: 'mois', lecture: null });
    expect(lireDate('Février 2022')?.iso).toBe('2022-02-01');
    expect(lireDate('1er août 2021')).toEqual({ iso: '2021-08-01', precision: 'jour', lecture: null });
    expect(lireDate('printemps 2024')).toBeNull();
  });

  it('J/M ou M/J : le français supposé et dit quand les deux se lisent, la seule lecture possible prise et dite sinon', () => {
    expect(lireDate('03/04/2024')).toEqual({ iso: '2024-04-03', precision: 'jour', lecture: expect.stringMatching(/ambiguë lue JJ\/MM\/AAAA \(usage français\) ; lue MM\/JJ\/AAAA elle serait le 2024-03-04/) });
    expect(lireDate('13/02/2024')).toEqual({ iso: '2024-02-13', precision: 'jour', lecture: null });
    expect(lireDate('02/13/2024')).toEqual({ iso: '2024-02-13', precision: 'jour', lecture: expect.stringMatching(/lue MM\/JJ\/AAAA \(usage américain\) : 13 ne peut pas être un mois/) });
    expect(lireDate('5/5/2024')?.lecture).toBeNull(); // both readings are the same day
    expect(normaliserDate('3/7/2020', true)).toBe('2020-07-01');
  });

  it('dans une ligne : l’hypothèse sur la date est une normalisation du rapport, l’année seule une note d’import', () => {
    const base = { Nom_du_projet: 'P', Nom_collectivite: 'Metz' };
    const ambigue = normaliserLigne(2, { ...base, Date_de_demarrage: '03/04/2024' });
    expect(ambigue.projet.dateDemarrage).toBe('2024-04-01');
    expect(ambigue.normalisations).toEqual(
      expect.arrayContaining([{ colonne: 'Date_de_demarrage', source: '03/04/2024', retenu: '2024-04-03', regle: expect.stringMatching(/usage français/) }]),
    );
    const americaine = normaliserLigne(2, { ...base, Date_de_demarrage: '02/13/2024' });
    expect(americaine.projet.dateDemarrage).toBe('2024-02-01');
    expect(americaine.normalisations.map((n) => n.regle)).toEqual(expect.arrayContaining([expect.stringMatching(/usage américain/)]));
    const annee = normaliserLigne(2, { ...base, Date_de_demarrage: '2023' });
    expect(annee.projet.dateDemarrage).toBe('2023-01-01');
    expect(annee.notes).toEqual(['Date_de_demarrage : 2023']);
    const illisible = normaliserLigne(2, { ...base, Date_de_demarrage: 'bientôt' });
    expect(illisible.projet.dateDemarrage).toBeNull();
    expect(illisible.notes).toEqual(['Date_de_demarrage : bientôt']);
  });
});

describe('ligne d’une autre génération', () => {
  it('une précision entre parenthèses : la valeur reconnue, la précision gardée dans les notes', () => {
    const n = normaliserLigne(2, { Nom_du_projet: 'P', Nom_collectivite: 'Metz', type_algorithme: 'Vision par ordinateur (YOLOv8)', mise_en_oeuvre: 'prestataire (Berger-Levrault)' });
    expect(n.projet).toMatchObject({ techniquesIa: ['vision-par-ordinateur'], miseEnOeuvre: 'prestataires' });
    expect(n.notes).toEqual(['type_algorithme : Vision par ordinateur (YOLOv8)', 'mise_en_oeuvre : prestataire (Berger-Levrault)']);
    expect(n.aReprendre).toBe(false);
  });

  it('une colonne inconnue : ses cellules gardées dans les notes, sans retenir la publication', () => {
    const n = normaliserLigne(2, { Nom_du_projet: 'P', Nom_collectivite: 'Metz' }, undefined, { 'Commentaire interne': ' relancer la DSI ', Vide: '' });
    expect(n.notes).toEqual(['Commentaire interne : relancer la DSI']);
    expect(n.avertissements).toEqual([{ colonne: 'Commentaire interne', valeur: 'relancer la DSI', message: 'colonne inconnue : gardée dans les notes d’import' }]);
    expect(n.aReprendre).toBe(false);
  });

  it('un sous-thème écrit sous un autre thème que celui du projet : gardé, signalé', () => {
    const n = normaliserLigne(2, { Nom_du_projet: 'P', Nom_collectivite: 'Metz', Theme: 'Gouvernance', Sous_Theme: 'Administration-Gestion des assemblées' });
    expect(n.projet).toMatchObject({ thematique: 'gouvernance-et-socles-technologiques', sousThematiques: ['gestion-des-assemblees'] });
    expect(n.avertissements).toEqual([expect.objectContaining({ colonne: 'Sous_Theme', message: expect.stringMatching(/écrit sous le thème « Administration », alors que le thème du projet est gouvernance/) })]);
  });

  it('thème écrit avec son sous-thème, sous-thèmes en paires, une étiquette contenant une virgule', () => {
    const n = normaliserLigne(2, {
      Nom_du_projet: 'P',
      Nom_collectivite: 'Metz',
      Theme: 'Mobilités : Stationnement',
      Sous_Theme: 'Citoyenneté, santé et solidarité - Education, Mobilités-Covoiturage',
    });
    expect(n.projet.thematique).toBe('mobilites');
    expect(n.projet.sousThematiques).toEqual(['stationnement', 'education']);
    expect(n.notes).toEqual(['Sous_Theme : Mobilités-Covoiturage']);
  });

  it('au plus deux sous-thèmes : les suivants gardés dans les notes', () => {
    const n = normaliserLigne(2, { Nom_du_projet: 'P', Nom_collectivite: 'Metz', Sous_Theme: 'Stationnement, Flux et trafic, Logistique urbaine' });
    expect(n.projet.sousThematiques).toEqual(['stationnement', 'flux-et-trafic']);
    expect(n.notes).toEqual(['Sous_Theme : logistique-urbaine']);
  });

  it('colonnes étendues : elles l’emportent sur la colonne stricte qu’elles précisent', () => {
    const n = normaliserLigne(2, {
      identifiant: 'abc123',
      Nom_du_projet: 'P',
      Nom_collectivite: 'Metz',
      SIRET: '20003986500106',
      siren_collectivite: '215704636',
      Statut_du_projet: 'En expérimentation',
      statut_bibliotheque: 'En exploration',
      Audience: 'Agent',
      publics_bibliotheque: 'Agent, Autre',
      resume: 'Court.',
      collectivites_partenaires: '243100518, 12',
      niveau_automatisation: 'Aide à la décision',
      intervention_humaine: 'Un agent valide.',
      evaluations_impact: 'https://exemple.fr/aipd.pdf Analyse d’impact\nhttps://exemple.fr/seul',
    });
    expect(n.identifiant).toBe('abc123');
    expect(n.collectivite.siret).toMatchObject({ etat: 'valide', siren: '215704636' });
    expect(n.projet).toMatchObject({
      statut: 'exploration',
      publics: ['agent', 'autre'],
      resume: 'Court.',
      collectivitesPartenaires: ['243100518'],
      evaluation: {
        niveauAutomatisation: 'aide_a_la_decision',
        interventionHumaine: 'Un agent valide.',
        evaluationsImpact: [
          { url: 'https://exemple.fr/aipd.pdf', titre: 'Analyse d’impact' },
          { url: 'https://exemple.fr/seul', titre: 'https://exemple.fr/seul' },
        ],
      },
    });
    expect(n.notes).toEqual(['collectivites_partenaires : 12']);
  });
});

describe('README « Import de la bibliothèque existante »', () => {
  const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  const bloc = (nom: string) => {
    const trouve = new RegExp(`<!-- ${nom}:debut -->\\n([\\s\\S]*?)\\n<!-- ${nom}:fin -->`).exec(readme);
    return trouve?.[1];
  };

  it('montre la table du vocabulaire telle que le code la lit (régénérer avec tableVocabulaireMarkdown())', () => {
    expect(bloc('vocabulaire')).toBe(tableVocabulaireMarkdown());
  });

  it('montre les noms de colonnes de chaque génération tels que le code les lit (tableColonnesMarkdown())', () => {
    expect(bloc('colonnes')).toBe(tableColonnesMarkdown());
  });
});
