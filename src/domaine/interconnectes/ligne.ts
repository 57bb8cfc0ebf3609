/**
 * One row of an Interconnectés file → what the CMS will hold, with every normalisation applied and every
 * value it could not map kept verbatim for the projet's import notes. Pure: resolving the collectivité
 * and writing are the importer's job. One normaliser per block (projet texts, taxonomies, collectivité,
 * données and évaluation), sharing a Journal.
 */
import { cleTexte, texteSurUneLigne } from './texte';
import { PARTENAIRES_INCONNUS, decouperListe, decouperPartenaires, lireDate, normaliserNombre, normaliserSiret, normaliserUrl, type Siret } from './valeurs';
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
  ambiguite,
  libelleExport,
  resoudre,
  resoudreSousTheme,
  resoudreThemeEnPaire,
  SOUS_THEMES,
  type Resolution,
  type Vocabulaire,
} from './vocabulaire';
import { MAX_SOUS_THEMATIQUES } from '../regles-metier';

export interface Normalisation {
  colonne: string;
  source: string;
  retenu: string;
  regle: string;
}
export interface Anomalie {
  colonne: string;
  valeur: string;
  message: string;
}

/** Projet fields, CMS vocabulary; only the fields whose column the file has (an absent column changes nothing). */
export interface ProjetImporte {
  nom: string;
  resume?: string | null;
  description?: string | null;
  statut?: string | null;
  motifAbandon?: string | null;
  dateDemarrage?: string | null;
  thematique?: string | null;
  sousThematiques?: string[];
  publics?: string[];
  offreurs?: string[];
  /** SIRENs of the partner collectivités (extended column), resolved by the importer */
  collectivitesPartenaires?: string[];
  lienInformation?: string | null;
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
  lienInformation: ['URL_Service'],
  impactEnvironnemental: ['impact_environnement'],
  hebergement: ['herbergement'],
  miseEnOeuvre: ['mise_en_oeuvre'],
  financement: ['financement'],
  budget: ['budget'],
  contact: ['projet_contact'],
};

/** What the block normalisers share: the row, and what they report. */
export class Journal {
  readonly normalisations: Normalisation[] = [];
  readonly avertissements: Anomalie[] = [];
  readonly erreurs: Anomalie[] = [];
  readonly notes: string[] = [];
  aReprendre = false;

  constructor(
    private readonly cellules: Readonly<Record<string, string>>,
    /** hyphenated offreur names never split as « A-B » lists */
    readonly composes?: readonly string[],
  ) {}

  present(colonne: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.cellules, colonne);
  }
  brut(colonne: string): string {
    return this.cellules[colonne] ?? '';
  }
  /** The first of the columns that has a value (an extended column refines the strict one). */
  premiere(...colonnes: string[]): string | undefined {
    return colonnes.find((c) => this.brut(c).trim() !== '') ?? colonnes.find((c) => this.present(c));
  }
  noter(colonne: string, source: string, retenu: string, regle: string): void {
    this.normalisations.push({ colonne, source, retenu, regle });
  }
  avertir(colonne: string, valeur: string, message: string): void {
    this.avertissements.push({ colonne, valeur, message });
  }
  /**
   * A value no field can hold: kept verbatim in the import notes, and said. `aReprendre`: the field it was
   * meant for is left empty or incomplete (a value outside a list), so the projet waits for a modérateur
   * even with --publier; otherwise the note only informs (text instead of a link, a ressource to create).
   */
  garder(colonne: string, valeur: string, message: string, aReprendre = true): void {
    this.avertir(colonne, valeur, `${message} : gardée dans les notes d’import`);
    this.notes.push(`${colonne} : ${valeur}`);
    if (aReprendre) this.aReprendre = true;
  }

  /** Free text: line breaks and runs of spaces kept as they are except at both ends. */
  texte(colonne: string): string | null {
    const source = this.brut(colonne);
    const valeur = source.trim();
    if (valeur !== '' && valeur !== source) this.noter(colonne, source, valeur, 'espaces de début et de fin retirés');
    return valeur === '' ? null : valeur;
  }
  /** A one-line value (names): inner line breaks and double spaces are typing accidents. */
  ligneSimple(colonne: string): string {
    const source = this.brut(colonne);
    const valeur = texteSurUneLigne(source);
    if (valeur !== source.trim()) this.noter(colonne, source, valeur, 'retours à la ligne et espaces multiples remplacés par une espace');
    return valeur;
  }

  /** A label of a vocabulary → CMS value; unknown or ambiguous: null, the value kept in the notes. */
  terme(vocabulaire: Vocabulaire, colonne: string, valeur: string): string | null {
    const resolu = resoudre(vocabulaire, valeur);
    if (!resolu) {
      // « Vision par ordinateur (YOLOv8) »: the value, and a detail no field holds.
      const sansPrecision = valeur.replace(/\s*\([^()]*\)\s*$/, '').trim();
      const principal = sansPrecision !== valeur.trim() && sansPrecision !== '' ? resoudre(vocabulaire, sansPrecision) : undefined;
      if (principal) {
        this.noter(colonne, valeur, principal.terme.valeur, 'précision entre parenthèses gardée dans les notes d’import');
        this.garder(colonne, valeur, `« ${sansPrecision} » retenu, la précision n’a pas de champ`, false);
        return principal.terme.valeur;
      }
      this.inconnu(vocabulaire, colonne, valeur);
      return null;
    }
    this.noterResolution(vocabulaire, colonne, valeur, resolu);
    return resolu.terme.valeur;
  }
  inconnu(vocabulaire: Vocabulaire, colonne: string, valeur: string, aReprendre = true): void {
    const ambigu = ambiguite(vocabulaire, valeur);
    if (ambigu) {
      this.garder(colonne, valeur, `valeur ambiguë « ${valeur} » (${ambigu.candidats.join(' ou ')} : ${ambigu.raison}), champ laissé vide`, aReprendre);
    } else {
      const reconnues = vocabulaire.termes.map((t) => t.libelles[0]).filter(Boolean);
      this.garder(colonne, valeur, `valeur inconnue « ${valeur} », champ laissé vide (valeurs reconnues : ${reconnues.join(', ')})`, aReprendre);
    }
  }
  /** Listed whenever the value will not come back out as it went in (open-data export, schema vocabulary). */
  noterResolution(vocabulaire: Vocabulaire, colonne: string, valeur: string, resolu: Resolution): void {
    const exporte = libelleExport(vocabulaire, resolu.terme.valeur);
    if (valeur.trim() !== exporte) {
      this.noter(colonne, valeur, resolu.terme.valeur, exporte === null ? 'sans équivalent dans le vocabulaire du schéma : non exporté' : `exporté « ${exporte} »`);
    }
  }
  enumeration(vocabulaire: Vocabulaire, colonne: string): string | null {
    const valeur = this.brut(colonne).trim();
    return valeur === '' ? null : this.terme(vocabulaire, colonne, valeur);
  }
  /** A multi-valued cell; a label holding a comma (« Citoyenneté, santé et solidarité ») is not split. */
  liste(
    vocabulaire: Vocabulaire,
    colonne: string,
    lire: (valeur: string) => string | null = (v) => this.terme(vocabulaire, colonne, v),
    connu: (valeur: string) => boolean = (v) => resoudre(vocabulaire, v) !== undefined,
  ): string[] {
    const source = this.brut(colonne);
    const resolus = decouperEnLibelles(source, connu)
      .map(lire)
      .filter((v): v is string => v !== null);
    const uniques = [...new Set(resolus)];
    if (uniques.length < resolus.length) this.noter(colonne, source, uniques.join(', '), 'valeurs en double retirées');
    return uniques;
  }
}

/** Splits a list cell, joining back neighbours that together form a known label. */
function decouperEnLibelles(valeur: string, connu: (libelle: string) => boolean): string[] {
  const morceaux = decouperListe(valeur);
  const resultat: string[] = [];
  for (let i = 0; i < morceaux.length; ) {
    let pris = 1;
    for (let j = morceaux.length; j > i + 1; j -= 1) {
      if (connu(morceaux.slice(i, j).join(', '))) {
        pris = j - i;
        break;
      }
    }
    resultat.push(morceaux.slice(i, i + pris).join(', '));
    i += pris;
  }
  return resultat;
}

function requise(j: Journal, colonne: string, valeur: unknown): void {
  if (j.present(colonne) && (valeur === null || valeur === undefined) && j.brut(colonne).trim() === '') {
    j.avertir(colonne, '', 'valeur obligatoire pour publier absente : le projet reste un brouillon incomplet, à compléter');
  }
}

function date(j: Journal, colonne: string, precision: 'mois' | 'jour'): string | null {
  const source = j.brut(colonne).trim();
  if (source === '') return null;
  const lue = lireDate(source);
  if (!lue) {
    j.garder(colonne, source, 'date illisible (formats reconnus : MM/AAAA, JJ/MM/AAAA, AAAA-MM-JJ, AAAA, « mars 2023 »), laissée vide', precision === 'mois');
    return null;
  }
  if (lue.lecture) j.noter(colonne, source, lue.iso, lue.lecture);
  if (lue.precision === 'annee') {
    // The month is unknown: kept in the notes for the editor to decide it.
    if (precision === 'mois') j.garder(colonne, source, `année seule, mois inconnu : ramenée à janvier ${source}`);
    j.noter(colonne, source, lue.iso, 'année seule : ramenée au 1er janvier');
    return lue.iso;
  }
  if (precision === 'mois' && lue.precision === 'jour') {
    const mois = `${lue.iso.slice(0, 8)}01`;
    if (mois !== lue.iso) j.noter(colonne, source, mois, 'date ramenée au premier jour du mois');
    return mois;
  }
  if (/[a-z]/i.test(source) && !/^\d{4}-\d{2}-\d{2}T/.test(source)) j.noter(colonne, source, lue.iso, 'mois écrit en toutes lettres');
  return lue.iso;
}

/** Name, texts, dates, links of the projet. */
function textesProjet(j: Journal, projet: ProjetImporte): void {
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
  if (j.present('URL_Service')) {
    const source = j.brut('URL_Service');
    const { url, complete } = normaliserUrl(source);
    projet.lienInformation = url;
    if (complete) j.noter('URL_Service', source, url as string, 'adresse complétée par https://');
    if (url === null && source.trim() !== '') j.garder('URL_Service', source.trim(), 'pas une adresse web, lien laissé vide', false);
  }
  if (j.brut('url_ressources').trim() !== '') {
    // A ressource needs a title, a type and an access level the file does not give: left to an editor.
    j.garder('url_ressources', j.brut('url_ressources').trim(), 'ressource non importée (titre, type et accès inconnus), à créer par un éditeur', false);
  }
  if (j.present('nom_algorithme') || j.present('algorithme_description') || j.present('algorithme_operations')) {
    projet.algorithme = { nom: j.texte('nom_algorithme'), description: j.texte('algorithme_description'), operations: j.texte('algorithme_operations') };
  }
  if (j.present('impact_environnement')) projet.impactEnvironnemental = j.texte('impact_environnement');
  if (j.present('financement')) projet.financement = j.texte('financement');
  if (j.present('projet_contact')) projet.contact = j.texte('projet_contact');
  if (j.present('Partenaires')) partenaires(j, projet);
}

function partenaires(j: Journal, projet: ProjetImporte): void {
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
}

/** Statut, thème and sous-thèmes, publics, techniques: CMS vocabulary. */
function taxonomiesProjet(j: Journal, projet: ProjetImporte): void {
  const colonneStatut = j.premiere('statut_bibliotheque', 'Statut_du_projet');
  if (colonneStatut) {
    projet.statut = j.enumeration(STATUTS, colonneStatut);
    requise(j, colonneStatut, projet.statut);
  }
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
  const colonnePublics = j.premiere('publics_bibliotheque', 'Audience');
  if (colonnePublics) projet.publics = j.liste(AUDIENCES, colonnePublics);
  if (j.present('type_algorithme')) projet.techniquesIa = j.liste(TECHNIQUES, 'type_algorithme');
}

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

/** Partner collectivités of an extended export: SIRENs. */
function collectivitesPartenaires(j: Journal, projet: ProjetImporte): void {
  if (!j.present('collectivites_partenaires')) return;
  projet.collectivitesPartenaires = [];
  for (const valeur of decouperListe(j.brut('collectivites_partenaires'))) {
    const siren = normaliserSiret(valeur);
    if (siren.etat === 'valide') projet.collectivitesPartenaires.push(siren.siren);
    else j.garder('collectivites_partenaires', valeur, 'SIREN invalide, collectivité partenaire non reliée');
  }
}

/** Données, hébergement, mise en œuvre, budget, évaluation. */
function donneesEtEvaluation(j: Journal, projet: ProjetImporte): void {
  if (j.present('donnees_source') || j.present('donnees_acces')) {
    projet.donnees = {
      sources: j.liste(SOURCES_DONNEES, 'donnees_source').map((source) => ({ source })),
      modeAcces: j.enumeration(ACCES_DONNEES, 'donnees_acces'),
    };
  }
  if (j.present('herbergement')) projet.hebergement = j.enumeration(HEBERGEMENTS, 'herbergement');
  if (j.present('mise_en_oeuvre')) projet.miseEnOeuvre = j.enumeration(MISES_EN_OEUVRE, 'mise_en_oeuvre');
  if (j.present('budget')) projet.budget = j.enumeration(BUDGETS, 'budget');

  const evaluation: Record<string, unknown> = {};
  const textes = { risque: 'risque', proportionalite: 'proportionnalite', decision: 'decision', reversibilite: 'reversibilite', objection: 'objection', intervention_humaine: 'interventionHumaine' } as const;
  for (const [colonne, attribut] of Object.entries(textes)) if (j.present(colonne)) evaluation[attribut] = j.texte(colonne);
  if (j.present('risque_categorie')) evaluation.risqueCategorie = j.enumeration(CATEGORIES_RISQUE, 'risque_categorie');
  if (j.present('erreur')) evaluation.erreur = j.enumeration(ERREURS, 'erreur');
  if (j.present('explicabilite')) evaluation.explicabilite = j.enumeration(EXPLICABILITES, 'explicabilite');
  if (j.present('niveau_automatisation')) evaluation.niveauAutomatisation = j.enumeration(NIVEAUX_AUTOMATISATION, 'niveau_automatisation');
  if (j.present('evaluations_impact')) evaluation.evaluationsImpact = evaluationsImpact(j);
  if (Object.keys(evaluation).length > 0) projet.evaluation = evaluation;
}

/** One per line, « <url> <titre> » (extended export); a line without a title keeps its address as title. */
function evaluationsImpact(j: Journal): Array<{ titre: string; url: string | null }> {
  const liens: Array<{ titre: string; url: string | null }> = [];
  for (const ligne of j.brut('evaluations_impact').split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const [premier, ...reste] = ligne.split(/\s+/);
    const { url } = normaliserUrl(premier);
    const titre = (url ? reste.join(' ') : ligne).trim();
    if (url && titre === '') j.noter('evaluations_impact', ligne, url, 'lien sans titre : l’adresse sert de titre');
    liens.push({ titre: (titre || url || ligne).slice(0, 200), url });
  }
  return liens;
}

/**
 * `cellules`: canonical column → cell; `horsColonnes`: header → cell of the columns that match none,
 * kept in the notes (a comment column of a spreadsheet is still something someone wrote).
 */
export function normaliserLigne(
  numero: number,
  cellules: Readonly<Record<string, string>>,
  composes?: readonly string[],
  horsColonnes: Readonly<Record<string, string>> = {},
): LigneNormalisee {
  const j = new Journal(cellules, composes);
  const projet: ProjetImporte = { nom: j.ligneSimple('Nom_du_projet') };
  if (projet.nom === '') j.erreurs.push({ colonne: 'Nom_du_projet', valeur: '', message: 'nom du projet absent : la ligne ne peut pas devenir un projet' });
  textesProjet(j, projet);
  taxonomiesProjet(j, projet);
  donneesEtEvaluation(j, projet);
  collectivitesPartenaires(j, projet);
  const collectivite = collectiviteDeclaree(j);
  if (collectivite.nom === '' && collectivite.siret.etat === 'absent') {
    j.erreurs.push({ colonne: 'Nom_collectivite', valeur: '', message: 'collectivité porteuse absente (ni nom ni SIRET) : la ligne ne peut pas devenir un projet' });
  }
  const dateMiseAJour = date(j, 'Date_de_derniere_mise_a_jour', 'jour');
  for (const [entete, valeur] of Object.entries(horsColonnes)) {
    if (valeur.trim() !== '') j.garder(entete, valeur.trim(), 'colonne inconnue', false);
  }
  const identifiant = j.brut('identifiant').trim() || null;
  const sources: LigneNormalisee['sources'] = {};
  for (const [attribut, colonnes] of Object.entries(COLONNES_DES_ATTRIBUTS)) {
    const colonne = j.premiere(...colonnes);
    if (colonne && j.brut(colonne).trim() !== '') sources[attribut] = { colonne, valeur: j.brut(colonne).trim() };
  }
  return {
    numero,
    identifiant,
    projet,
    collectivite,
    dateMiseAJour,
    normalisations: j.normalisations,
    erreurs: j.erreurs,
    avertissements: j.avertissements,
    notes: j.notes,
    aReprendre: j.aReprendre,
    sources,
  };
}

/** Natural key of a projet within a file and in the CMS: its collectivité and its name, compared loosely. */
export function cleProjet(cleCollectivite: string, nomProjet: string): string {
  return `${cleCollectivite}|${cleTexte(nomProjet)}`;
}
