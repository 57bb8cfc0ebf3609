/**
 * One row of an Interconnectés file → what the CMS will hold, with every normalisation applied and every
 * value it could not map kept verbatim for the projet's import notes. Pure: resolving the collectivité
 * and writing are the importer's job. One normaliser per block of the projet (texts, links, algorithme,
 * taxonomies, données, évaluation…) and one for the collectivité, sharing a Journal (journal.ts).
 */
import { cleTexte } from './texte';
import { PARTENAIRES_INCONNUS, decouperListe, decouperPartenaires, normaliserNombre, normaliserSiret, normaliserUrl, type Siret } from './valeurs';
import {
  ACCES_DONNEES,
  AUDIENCES,
  BUDGETS,
  CATEGORIES_RISQUE,
  ERREURS,
  EXPLICABILITES,
  HEBERGEMENTS,
  MISES_EN_OEUVRE,
  NIVEAUX_AUTOMATISATION,
  SOURCES_DONNEES,
  STATUTS,
  TECHNIQUES,
  THEMES,
  TYPES_COLLECTIVITE,
  resoudre,
  resoudreSousTheme,
  resoudreThemeEnPaire,
  SOUS_THEMES,
} from './vocabulaire';
import { date, Journal, requise, type Anomalie, type Normalisation } from './journal';
import { MAX_SOUS_THEMATIQUES } from '../regles-metier';

export type { Anomalie, Normalisation } from './journal';

/** Projet fields, CMS vocabulary; only the fields whose column the file has (an absent column changes nothing). */
export interface ProjetImporte {
  nom: string;
  resume?: string | null;
  description?: string | null;
  statut?: string | null;
  motifAbandon?: string | null;
  dateDemarrage?: string | null;
  dateFin?: string | null;
  thematique?: string | null;
  sousThematiques?: string[];
  publics?: string[];
  offreurs?: string[];
  /** SIRENs of the partner collectivités (extended column), resolved by the importer */
  collectivitesPartenaires?: string[];
  lienInformation?: string | null;
  roleOffreurs?: string | null;
  baseLegale?: string | null;
  lienDeliberation?: string | null;
  voiesDeRecours?: string | null;
  techniquesIa?: string[];
  algorithme?: { nom: string | null; description: string | null; operations: string | null };
  impactEnvironnemental?: string | null;
  donnees?: { sources: Array<{ source: string }>; modeAcces: string | null };
  hebergement?: string | null;
  miseEnOeuvre?: string | null;
  financement?: string | null;
  budget?: string | null;
  contact?: string | null;
  evaluation?: Record<string, unknown>;
}

export interface CollectiviteDeclaree {
  nom: string;
  siret: Siret;
  type: { valeur: string; sousType: string | null; libelle: string } | null;
  latitude: number | null;
  longitude: number | null;
  logoUrl: string | null;
}

export interface LigneNormalisee {
  numero: number;
  /** documentId given by an extended export (`identifiant`): the projet to update when it exists */
  identifiant: string | null;
  projet: ProjetImporte;
  collectivite: CollectiviteDeclaree;
  /** Date_de_derniere_mise_a_jour, ISO, kept as the projet's last update */
  dateMiseAJour: string | null;
  normalisations: Normalisation[];
  /** why the row cannot become a projet at all (no name, no collectivité): it is held back */
  erreurs: Anomalie[];
  /** values left out or kept aside, reported */
  avertissements: Anomalie[];
  /** « colonne : valeur » of every cell that could not be mapped to a field: the projet's notesImport */
  notes: string[];
  /** some notes stand for a field left empty or wrong (a value of a list): a modérateur must see them first */
  aReprendre: boolean;
  /** projet attribute → the cell it was read from, for a value the CMS refuses (kept in the notes then) */
  sources: Record<string, { colonne: string; valeur: string }>;
}

/** The columns each scalar attribute of the projet is read from, the refining extended column first. */
const COLONNES_DES_ATTRIBUTS: Readonly<Record<string, readonly string[]>> = {
  resume: ['resume'],
  description: ['Description_service'],
  statut: ['statut_bibliotheque', 'Statut_du_projet'],
  motifAbandon: ['status_abandon'],
  dateDemarrage: ['Date_de_demarrage'],
  dateFin: ['date_fin'],
  lienInformation: ['URL_Service'],
  roleOffreurs: ['role_offreurs'],
  baseLegale: ['base_legale'],
  lienDeliberation: ['lien_deliberation'],
  voiesDeRecours: ['voies_de_recours'],
  impactEnvironnemental: ['impact_environnement'],
  hebergement: ['herbergement'],
  miseEnOeuvre: ['mise_en_oeuvre'],
  financement: ['financement'],
  budget: ['budget'],
  contact: ['projet_contact'],
};

/** Normalises one block of the projet from the row's cells into `projet`, reporting to the journal. */
type Bloc = (j: Journal, projet: ProjetImporte) => void;

/** Résumé, description, motif d'abandon, dates de démarrage et de fin. */
const textes: Bloc = (j, projet) => {
  if (j.present('resume')) {
    const resume = j.texte('resume');
    if (resume && resume.length > 400) j.garder('resume', resume, `résumé de ${resume.length} caractères (400 au plus), laissé vide`);
    projet.resume = resume && resume.length <= 400 ? resume : null;
  }
  if (j.present('Description_service')) {
    projet.description = j.texte('Description_service');
    requise(j, 'Description_service', projet.description);
  }
  if (j.present('status_abandon')) projet.motifAbandon = j.texte('status_abandon');
  if (j.present('Date_de_demarrage')) projet.dateDemarrage = date(j, 'Date_de_demarrage', 'mois');
  if (j.present('date_fin')) projet.dateFin = date(j, 'date_fin', 'jour');
};

/** A web address: « www.… » completed with https://, anything else that is not one kept in the notes. */
function lienWeb(j: Journal, colonne: string): string | null {
  const source = j.brut(colonne);
  const { url, complete } = normaliserUrl(source);
  if (complete) j.noter(colonne, source, url as string, 'adresse complétée par https://');
  if (url === null && source.trim() !== '') j.garder(colonne, source.trim(), 'pas une adresse web, lien laissé vide', false);
  return url;
}

/** The information and deliberation links; the ressources' addresses, left to an editor. */
const liens: Bloc = (j, projet) => {
  if (j.present('URL_Service')) projet.lienInformation = lienWeb(j, 'URL_Service');
  if (j.present('lien_deliberation')) projet.lienDeliberation = lienWeb(j, 'lien_deliberation');
  if (j.brut('url_ressources').trim() !== '') {
    // A ressource needs a title, a type and an access level the file does not give: left to an editor.
    j.garder('url_ressources', j.brut('url_ressources').trim(), 'ressource non importée (titre, type et accès inconnus), à créer par un éditeur', false);
  }
};

const algorithme: Bloc = (j, projet) => {
  if (j.present('nom_algorithme') || j.present('algorithme_description') || j.present('algorithme_operations')) {
    projet.algorithme = { nom: j.texte('nom_algorithme'), description: j.texte('algorithme_description'), operations: j.texte('algorithme_operations') };
  }
};

/** The free texts of the members-only part: impact environnemental, financement, contact. */
const textesRestreints: Bloc = (j, projet) => {
  if (j.present('impact_environnement')) projet.impactEnvironnemental = j.texte('impact_environnement');
  if (j.present('financement')) projet.financement = j.texte('financement');
  if (j.present('projet_contact')) projet.contact = j.texte('projet_contact');
};

/** Public texts of the extended export the national schema has no column for: the offreurs' role, legal basis, redress. */
const textesEtendus: Bloc = (j, projet) => {
  if (j.present('role_offreurs')) projet.roleOffreurs = j.texte('role_offreurs');
  if (j.present('base_legale')) projet.baseLegale = j.texte('base_legale');
  if (j.present('voies_de_recours')) projet.voiesDeRecours = j.texte('voies_de_recours');
};

/** The offreurs, from the Partenaires cell. */
const offreurs: Bloc = (j, projet) => {
  if (!j.present('Partenaires')) return;
  const source = j.brut('Partenaires');
  const lus = decouperPartenaires(source, j.composes);
  const inconnus = lus.noms.filter((nom) => PARTENAIRES_INCONNUS.has(cleTexte(nom)));
  for (const nom of inconnus) j.garder('Partenaires', nom, `« ${nom} » : partenaires inconnus, aucun offreur créé`, false);
  lus.noms = lus.noms.filter((nom) => !inconnus.includes(nom));
  projet.offreurs = lus.noms;
  if (lus.regle === 'aucun' && source.trim() !== '') j.noter('Partenaires', source, '', 'valeur signifiant « aucun partenaire »');
  if (lus.regle === 'tirets' || lus.regle === 'virgules' || (lus.noms.length === 1 && lus.noms[0] !== source)) {
    const separateur = lus.regle === 'tirets' ? 'tiret' : lus.regle === 'virgules' ? 'virgule ou point-virgule' : 'aucun';
    j.noter('Partenaires', source, lus.noms.join(' | '), `découpé en ${lus.noms.length} offreur(s) (séparateur : ${separateur})`);
  }
  for (const remarque of lus.remarques) j.avertir('Partenaires', source, remarque);
};

const statut: Bloc = (j, projet) => {
  const colonneStatut = j.premiere('statut_bibliotheque', 'Statut_du_projet');
  if (colonneStatut) {
    projet.statut = j.enumeration(STATUTS, colonneStatut);
    requise(j, colonneStatut, projet.statut);
  }
};

/** Thème and sous-thèmes: a thème written with its sous-thème gives both. */
const thematiques: Bloc = (j, projet) => {
  const enPaire: string[] = [];
  if (j.present('Theme')) {
    const source = j.brut('Theme').trim();
    const paire = source === '' || resoudre(THEMES, source) ? undefined : resoudreThemeEnPaire(source);
    if (paire) {
      projet.thematique = paire.theme.terme.valeur;
      enPaire.push(paire.sousTheme.terme.valeur);
      j.noter('Theme', source, `${paire.theme.terme.valeur} + sous-thématique ${paire.sousTheme.terme.valeur}`, 'thème écrit avec son sous-thème : le sous-thème rejoint les sous-thématiques');
    } else {
      projet.thematique = j.enumeration(THEMES, 'Theme');
    }
    requise(j, 'Theme', projet.thematique);
  }
  if (j.present('Sous_Theme') || enPaire.length > 0) {
    const lus = [...new Set([...enPaire, ...j.liste(SOUS_THEMES, 'Sous_Theme', (v) => sousTheme(j, v, projet.thematique), (v) => resoudreSousTheme(v) !== undefined)])];
    if (lus.length > MAX_SOUS_THEMATIQUES) {
      for (const slug of lus.slice(MAX_SOUS_THEMATIQUES)) j.garder('Sous_Theme', slug, `au plus ${MAX_SOUS_THEMATIQUES} sous-thématiques, « ${slug} » non retenue`);
    }
    projet.sousThematiques = lus.slice(0, MAX_SOUS_THEMATIQUES);
  }
};

function sousTheme(j: Journal, valeur: string, thematique: string | null | undefined): string | null {
  const lu = resoudreSousTheme(valeur);
  if (!lu) {
    if (resoudre(THEMES, valeur)) {
      j.garder('Sous_Theme', valeur, `« ${valeur} » est un thème, pas une sous-thématique`);
      return null;
    }
    j.inconnu(SOUS_THEMES, 'Sous_Theme', valeur);
    return null;
  }
  if (lu.theme) {
    j.noter('Sous_Theme', valeur, lu.resolution.terme.valeur, `écrit avec son thème « ${lu.theme.libelle} » : sous-thème seul retenu`);
    if (thematique && lu.theme.terme.valeur !== thematique) {
      j.avertir('Sous_Theme', valeur, `sous-thème écrit sous le thème « ${lu.theme.libelle} », alors que le thème du projet est ${thematique} : sous-thème gardé, à vérifier`);
    }
  } else {
    j.noterResolution(SOUS_THEMES, 'Sous_Theme', valeur, lu.resolution);
  }
  return lu.resolution.terme.valeur;
}

const publics: Bloc = (j, projet) => {
  const colonnePublics = j.premiere('publics_bibliotheque', 'Audience');
  if (colonnePublics) projet.publics = j.liste(AUDIENCES, colonnePublics);
};

const techniques: Bloc = (j, projet) => {
  if (j.present('type_algorithme')) projet.techniquesIa = j.liste(TECHNIQUES, 'type_algorithme');
};

/** Sources and mode of access of the données, hébergement. */
const donnees: Bloc = (j, projet) => {
  if (j.present('donnees_source') || j.present('donnees_acces')) {
    projet.donnees = {
      sources: j.liste(SOURCES_DONNEES, 'donnees_source').map((source) => ({ source })),
      modeAcces: j.enumeration(ACCES_DONNEES, 'donnees_acces'),
    };
  }
  if (j.present('herbergement')) projet.hebergement = j.enumeration(HEBERGEMENTS, 'herbergement');
};

const miseEnOeuvreEtBudget: Bloc = (j, projet) => {
  if (j.present('mise_en_oeuvre')) projet.miseEnOeuvre = j.enumeration(MISES_EN_OEUVRE, 'mise_en_oeuvre');
  if (j.present('budget')) projet.budget = j.enumeration(BUDGETS, 'budget');
};

/** The évaluation component: only the columns the file has. */
const evaluation: Bloc = (j, projet) => {
  const lue: Record<string, unknown> = {};
  const colonnesTexte = { risque: 'risque', proportionalite: 'proportionnalite', decision: 'decision', reversibilite: 'reversibilite', objection: 'objection', intervention_humaine: 'interventionHumaine' } as const;
  for (const [colonne, attribut] of Object.entries(colonnesTexte)) if (j.present(colonne)) lue[attribut] = j.texte(colonne);
  if (j.present('risque_categorie')) lue.risqueCategorie = j.enumeration(CATEGORIES_RISQUE, 'risque_categorie');
  if (j.present('erreur')) lue.erreur = j.enumeration(ERREURS, 'erreur');
  if (j.present('explicabilite')) lue.explicabilite = j.enumeration(EXPLICABILITES, 'explicabilite');
  if (j.present('niveau_automatisation')) lue.niveauAutomatisation = j.enumeration(NIVEAUX_AUTOMATISATION, 'niveau_automatisation');
  if (j.present('evaluations_impact')) lue.evaluationsImpact = evaluationsImpact(j);
  if (Object.keys(lue).length > 0) projet.evaluation = lue;
};

/** One per line, « <url> <titre> » (extended export); a line without a title keeps its address as title. */
function evaluationsImpact(j: Journal): Array<{ titre: string; url: string | null }> {
  const impacts: Array<{ titre: string; url: string | null }> = [];
  for (const ligne of j.brut('evaluations_impact').split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const [premier, ...reste] = ligne.split(/\s+/);
    const { url } = normaliserUrl(premier);
    const titre = (url ? reste.join(' ') : ligne).trim();
    if (url && titre === '') j.noter('evaluations_impact', ligne, url, 'lien sans titre : l’adresse sert de titre');
    impacts.push({ titre: (titre || url || ligne).slice(0, 200), url });
  }
  return impacts;
}

/** Partner collectivités of an extended export: SIRENs. */
const collectivitesPartenaires: Bloc = (j, projet) => {
  if (!j.present('collectivites_partenaires')) return;
  projet.collectivitesPartenaires = [];
  for (const valeur of decouperListe(j.brut('collectivites_partenaires'))) {
    const siren = normaliserSiret(valeur);
    if (siren.etat === 'valide') projet.collectivitesPartenaires.push(siren.siren);
    else j.garder('collectivites_partenaires', valeur, 'SIREN invalide, collectivité partenaire non reliée');
  }
};

/** The projet's blocks, in the order they report: the order of the import notes and of the normalisations. */
const BLOCS_DU_PROJET: readonly Bloc[] = [
  textes,
  liens,
  algorithme,
  textesRestreints,
  textesEtendus,
  offreurs,
  statut,
  thematiques,
  publics,
  techniques,
  donnees,
  miseEnOeuvreEtBudget,
  evaluation,
  collectivitesPartenaires,
];

/** The collectivité as the row declares it; the importer matches it against the reference data. */
function collectiviteDeclaree(j: Journal): CollectiviteDeclaree {
  const siret = siretDeclare(j);
  const typeSource = j.brut('Type_de_collectivite').trim();
  const typeResolu = typeSource === '' ? undefined : resoudre(TYPES_COLLECTIVITE, typeSource);
  // The collectivité is the référentiel's: an unknown declared type changes nothing in the projet.
  if (typeSource !== '' && !typeResolu) j.inconnu(TYPES_COLLECTIVITE, 'Type_de_collectivite', typeSource, false);
  const coordonnee = (colonne: 'Latitude' | 'Longitude', limite: number): number | null => {
    const source = j.brut(colonne).trim();
    if (source === '') return null;
    const nombre = normaliserNombre(source);
    if (nombre === null || Math.abs(nombre) > limite) {
      j.garder(colonne, source, 'coordonnée illisible, ignorée', false);
      return null;
    }
    return nombre;
  };
  const logo = normaliserUrl(j.brut('URL_Logo'));
  if (j.brut('URL_Logo').trim() !== '' && logo.url === null) j.garder('URL_Logo', j.brut('URL_Logo').trim(), 'pas une adresse web, logo ignoré', false);
  return {
    nom: j.ligneSimple('Nom_collectivite'),
    siret,
    type: typeResolu ? { valeur: typeResolu.terme.valeur, sousType: typeResolu.terme.sousTypes?.[typeResolu.libelle] ?? null, libelle: typeSource } : null,
    latitude: coordonnee('Latitude', 90),
    longitude: coordonnee('Longitude', 180),
    logoUrl: logo.url,
  };
}

/** SIRET of the strict column, unless the extended `siren_collectivite` names another collectivité. */
function siretDeclare(j: Journal): Siret {
  const source = j.brut('SIRET');
  const siret = normaliserSiret(source);
  if (siret.etat === 'valide' && siret.chiffres !== source.trim()) j.noter('SIRET', source, siret.chiffres, 'espaces et points retirés');
  if (siret.etat === 'invalide') j.garder('SIRET', source.trim(), `SIRET « ${siret.chiffres} » invalide (${siret.raison}) : recherche par le nom`, false);
  const sourceSiren = j.brut('siren_collectivite');
  if (sourceSiren.trim() === '') return siret;
  const siren = normaliserSiret(sourceSiren);
  if (siren.etat !== 'valide') {
    j.garder('siren_collectivite', sourceSiren.trim(), `SIREN invalide${siren.etat === 'invalide' ? ` (${siren.raison})` : ''}, colonne SIRET utilisée`, false);
    return siret;
  }
  return siret.etat === 'valide' && siret.siren === siren.siren ? siret : siren;
}

/** Cells of the columns that match none: kept in the notes (a comment column is still something someone wrote). */
function horsColonnes(j: Journal, cellules: Readonly<Record<string, string>>): void {
  for (const [entete, valeur] of Object.entries(cellules)) {
    if (valeur.trim() !== '') j.garder(entete, valeur.trim(), 'colonne inconnue', false);
  }
}

/** The cell each scalar attribute was read from. */
function sourcesDesAttributs(j: Journal): LigneNormalisee['sources'] {
  const sources: LigneNormalisee['sources'] = {};
  for (const [attribut, colonnes] of Object.entries(COLONNES_DES_ATTRIBUTS)) {
    const colonne = j.premiere(...colonnes);
    if (colonne && j.brut(colonne).trim() !== '') sources[attribut] = { colonne, valeur: j.brut(colonne).trim() };
  }
  return sources;
}

/**
 * `cellules`: canonical column → cell; `horsColonnes`: header → cell of the columns that match none,
 * kept in the notes (a comment column of a spreadsheet is still something someone wrote).
 */
export function normaliserLigne(
  numero: number,
  cellules: Readonly<Record<string, string>>,
  composes?: readonly string[],
  cellulesHorsColonnes: Readonly<Record<string, string>> = {},
): LigneNormalisee {
  const j = new Journal(cellules, composes);
  const projet: ProjetImporte = { nom: j.ligneSimple('Nom_du_projet') };
  if (projet.nom === '') j.erreurs.push({ colonne: 'Nom_du_projet', valeur: '', message: 'nom du projet absent : la ligne ne peut pas devenir un projet' });
  for (const bloc of BLOCS_DU_PROJET) bloc(j, projet);
  const collectivite = collectiviteDeclaree(j);
  if (collectivite.nom === '' && collectivite.siret.etat === 'absent') {
    j.erreurs.push({ colonne: 'Nom_collectivite', valeur: '', message: 'collectivité porteuse absente (ni nom ni SIRET) : la ligne ne peut pas devenir un projet' });
  }
  const dateMiseAJour = date(j, 'Date_de_derniere_mise_a_jour', 'jour');
  horsColonnes(j, cellulesHorsColonnes);
  return {
    numero,
    identifiant: j.brut('identifiant').trim() || null,
    projet,
    collectivite,
    dateMiseAJour,
    normalisations: j.normalisations,
    erreurs: j.erreurs,
    avertissements: j.avertissements,
    notes: j.notes,
    aReprendre: j.aReprendre,
    sources: sourcesDesAttributs(j),
  };
}

/** Natural key of a projet within a file and in the CMS: its collectivité and its name, compared loosely. */
export function cleProjet(cleCollectivite: string, nomProjet: string): string {
  return `${cleCollectivite}|${cleTexte(nomProjet)}`;
}
