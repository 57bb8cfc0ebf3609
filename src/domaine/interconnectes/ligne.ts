/**
 * One row of an Interconnectés file → what the CMS will hold, with every normalisation applied and every
 * value it could not map. Pure: resolving the collectivité and writing are the importer's job.
 */
import { cleTexte, texteSurUneLigne } from './texte';
import { decouperListe, decouperPartenaires, normaliserDate, normaliserNombre, normaliserSiret, normaliserUrl, type Siret } from './valeurs';
import {
  ACCES_DONNEES,
  AUDIENCES,
  BUDGETS,
  CATEGORIES_RISQUE,
  ERREURS,
  EXPLICABILITES,
  HEBERGEMENTS,
  MISES_EN_OEUVRE,
  SOURCES_DONNEES,
  SOUS_THEMES,
  STATUTS,
  TECHNIQUES,
  THEMES,
  TYPES_COLLECTIVITE,
  libelleExport,
  resoudre,
  type Vocabulaire,
} from './vocabulaire';

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
  description?: string;
  statut?: string;
  motifAbandon?: string | null;
  dateDemarrage?: string | null;
  thematique?: string | null;
  sousThematiques?: string[];
  publics?: string[];
  offreurs?: string[];
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
  evaluation?: Record<string, string | null>;
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
  projet: ProjetImporte;
  collectivite: CollectiviteDeclaree;
  /** Date_de_derniere_mise_a_jour, ISO, kept as the projet's last update */
  dateMiseAJour: string | null;
  normalisations: Normalisation[];
  /** values that could not be mapped: the row is rejected (nothing invented, nothing dropped) */
  erreurs: Anomalie[];
  /** values left out on purpose, reported (e.g. text where a web address is expected) */
  avertissements: Anomalie[];
}

/** Columns without which a row cannot become a projet. */
export const COLONNES_REQUISES = ['Nom_du_projet', 'Description_service', 'Statut_du_projet', 'Theme'] as const;

export function normaliserLigne(numero: number, cellules: Readonly<Record<string, string>>, composes?: readonly string[]): LigneNormalisee {
  const normalisations: Normalisation[] = [];
  const erreurs: Anomalie[] = [];
  const avertissements: Anomalie[] = [];
  const present = (colonne: string) => Object.prototype.hasOwnProperty.call(cellules, colonne);
  const brut = (colonne: string) => cellules[colonne] ?? '';
  const noter = (colonne: string, source: string, retenu: string, regle: string) => normalisations.push({ colonne, source, retenu, regle });

  /** Free text: line breaks and runs of spaces kept as they are except at both ends. */
  const texte = (colonne: string): string | null => {
    const valeur = brut(colonne).trim();
    if (valeur !== '' && valeur !== brut(colonne)) noter(colonne, brut(colonne), valeur, 'espaces de début et de fin retirés');
    return valeur === '' ? null : valeur;
  };
  /** A one-line value (names): inner line breaks and double spaces are typing accidents. */
  const ligneSimple = (colonne: string): string => {
    const source = brut(colonne);
    const valeur = texteSurUneLigne(source);
    if (valeur !== source.trim()) noter(colonne, source, valeur, 'retours à la ligne et espaces multiples remplacés par une espace');
    return valeur;
  };
  const terme = (vocabulaire: Vocabulaire, colonne: string, valeur: string): string | null => {
    const resolu = resoudre(vocabulaire, valeur);
    if (!resolu) {
      erreurs.push({
        colonne,
        valeur,
        message: `valeur inconnue « ${valeur} » (valeurs reconnues : ${vocabulaire.termes.map((t) => t.libelles[0]).join(', ')})`,
      });
      return null;
    }
    // Listed whenever the value will not come back out as it went in (open-data export, schema vocabulary).
    const exporte = libelleExport(vocabulaire, resolu.terme.valeur);
    if (valeur.trim() !== exporte) {
      noter(colonne, valeur, resolu.terme.valeur, exporte === null ? 'sans équivalent dans le vocabulaire du schéma : non exporté' : `exporté « ${exporte} »`);
    }
    return resolu.terme.valeur;
  };
  const enumeration = (vocabulaire: Vocabulaire, colonne: string): string | null => {
    const valeur = brut(colonne).trim();
    return valeur === '' ? null : terme(vocabulaire, colonne, valeur);
  };
  const liste = (vocabulaire: Vocabulaire, colonne: string): string[] => {
    const valeurs = decouperListe(brut(colonne));
    const resolus = valeurs.map((v) => terme(vocabulaire, colonne, v)).filter((v): v is string => v !== null);
    const uniques = [...new Set(resolus)];
    if (uniques.length < resolus.length) noter(colonne, brut(colonne), uniques.join(', '), 'valeurs en double retirées');
    return uniques;
  };

  for (const colonne of COLONNES_REQUISES) {
    if (brut(colonne).trim() === '') erreurs.push({ colonne, valeur: '', message: 'valeur obligatoire absente' });
  }
  if (brut('Nom_collectivite').trim() === '' && brut('SIRET').trim() === '') {
    erreurs.push({ colonne: 'Nom_collectivite', valeur: '', message: 'collectivité porteuse absente (ni nom ni SIRET)' });
  }

  const projet: ProjetImporte = { nom: ligneSimple('Nom_du_projet') };
  if (present('Description_service')) projet.description = texte('Description_service') ?? undefined;
  if (present('Statut_du_projet')) projet.statut = enumeration(STATUTS, 'Statut_du_projet') ?? undefined;
  if (present('status_abandon')) projet.motifAbandon = texte('status_abandon');
  if (present('Date_de_demarrage')) {
    const source = brut('Date_de_demarrage').trim();
    projet.dateDemarrage = source === '' ? null : normaliserDate(source, true);
    if (source !== '' && projet.dateDemarrage === null) {
      erreurs.push({ colonne: 'Date_de_demarrage', valeur: source, message: 'date illisible (formats reconnus : MM/AAAA, JJ/MM/AAAA, AAAA-MM-JJ)' });
    } else if (projet.dateDemarrage && !/^\d{1,2}\/\d{4}$/.test(source)) {
      noter('Date_de_demarrage', source, projet.dateDemarrage, 'date ramenée au premier jour du mois');
    }
  }
  if (present('Theme')) projet.thematique = enumeration(THEMES, 'Theme');
  if (present('Sous_Theme')) projet.sousThematiques = liste(SOUS_THEMES, 'Sous_Theme');
  if (present('Audience')) projet.publics = liste(AUDIENCES, 'Audience');
  if (present('type_algorithme')) projet.techniquesIa = liste(TECHNIQUES, 'type_algorithme');
  if (present('Partenaires')) {
    const source = brut('Partenaires');
    const partenaires = decouperPartenaires(source, composes);
    projet.offreurs = partenaires.noms;
    if (partenaires.regle === 'aucun' && source.trim() !== '') noter('Partenaires', source, '', 'valeur signifiant « aucun partenaire »');
    if (partenaires.regle === 'tirets' || partenaires.regle === 'virgules' || (partenaires.noms.length === 1 && partenaires.noms[0] !== source)) {
      noter('Partenaires', source, partenaires.noms.join(' | '), `découpé en ${partenaires.noms.length} offreur(s) (séparateur : ${partenaires.regle === 'tirets' ? 'tiret' : partenaires.regle === 'virgules' ? 'virgule' : 'aucun'})`);
    }
    for (const remarque of partenaires.remarques) avertissements.push({ colonne: 'Partenaires', valeur: source, message: remarque });
  }
  if (present('URL_Service')) {
    const source = brut('URL_Service');
    const { url, complete } = normaliserUrl(source);
    projet.lienInformation = url;
    if (complete) noter('URL_Service', source, url as string, 'adresse complétée par https://');
    if (url === null && source.trim() !== '') {
      avertissements.push({ colonne: 'URL_Service', valeur: source, message: 'pas une adresse web : lien laissé vide' });
    }
  }
  if (brut('url_ressources').trim() !== '') {
    // A ressource needs a title, a type and an access level the file does not give: left to an editor.
    avertissements.push({ colonne: 'url_ressources', valeur: brut('url_ressources'), message: 'ressource non importée : à créer par un éditeur (titre, type et accès inconnus)' });
  }
  if (present('nom_algorithme') || present('algorithme_description') || present('algorithme_operations')) {
    projet.algorithme = { nom: texte('nom_algorithme'), description: texte('algorithme_description'), operations: texte('algorithme_operations') };
  }
  if (present('impact_environnement')) projet.impactEnvironnemental = texte('impact_environnement');
  if (present('donnees_source') || present('donnees_acces')) {
    projet.donnees = {
      sources: liste(SOURCES_DONNEES, 'donnees_source').map((source) => ({ source })),
      modeAcces: enumeration(ACCES_DONNEES, 'donnees_acces'),
    };
  }
  if (present('herbergement')) projet.hebergement = enumeration(HEBERGEMENTS, 'herbergement');
  if (present('mise_en_oeuvre')) projet.miseEnOeuvre = enumeration(MISES_EN_OEUVRE, 'mise_en_oeuvre');
  if (present('financement')) projet.financement = texte('financement');
  if (present('budget')) projet.budget = enumeration(BUDGETS, 'budget');
  if (present('projet_contact')) projet.contact = texte('projet_contact');
  const evaluation: Record<string, string | null> = {};
  const textesEvaluation = { risque: 'risque', proportionalite: 'proportionnalite', decision: 'decision', reversibilite: 'reversibilite', objection: 'objection' } as const;
  for (const [colonne, attribut] of Object.entries(textesEvaluation)) if (present(colonne)) evaluation[attribut] = texte(colonne);
  if (present('risque_categorie')) evaluation.risqueCategorie = enumeration(CATEGORIES_RISQUE, 'risque_categorie');
  if (present('erreur')) evaluation.erreur = enumeration(ERREURS, 'erreur');
  if (present('explicabilite')) evaluation.explicabilite = enumeration(EXPLICABILITES, 'explicabilite');
  if (Object.keys(evaluation).length > 0) projet.evaluation = evaluation;

  // The collectivité as the row declares it; the importer matches it against the reference data.
  const siretSource = brut('SIRET');
  const siret = normaliserSiret(siretSource);
  if (siret.etat === 'valide' && siret.chiffres !== siretSource.trim()) noter('SIRET', siretSource, siret.chiffres, 'espaces retirés');
  const typeSource = brut('Type_de_collectivite').trim();
  const typeResolu = typeSource === '' ? undefined : resoudre(TYPES_COLLECTIVITE, typeSource);
  if (typeSource !== '' && !typeResolu) {
    erreurs.push({ colonne: 'Type_de_collectivite', valeur: typeSource, message: `type de collectivité inconnu « ${typeSource} »` });
  }
  const coordonnee = (colonne: 'Latitude' | 'Longitude', limite: number): number | null => {
    const source = brut(colonne).trim();
    if (source === '') return null;
    const nombre = normaliserNombre(source);
    if (nombre === null || Math.abs(nombre) > limite) {
      avertissements.push({ colonne, valeur: source, message: 'coordonnée illisible : ignorée' });
      return null;
    }
    return nombre;
  };
  const logo = normaliserUrl(brut('URL_Logo'));
  if (brut('URL_Logo').trim() !== '' && logo.url === null) {
    avertissements.push({ colonne: 'URL_Logo', valeur: brut('URL_Logo'), message: 'pas une adresse web : logo ignoré' });
  }
  const collectivite: CollectiviteDeclaree = {
    nom: ligneSimple('Nom_collectivite'),
    siret,
    type: typeResolu
      ? { valeur: typeResolu.terme.valeur, sousType: typeResolu.terme.sousTypes?.[typeResolu.libelle] ?? null, libelle: typeSource }
      : null,
    latitude: coordonnee('Latitude', 90),
    longitude: coordonnee('Longitude', 180),
    logoUrl: logo.url,
  };

  let dateMiseAJour: string | null = null;
  const sourceMiseAJour = brut('Date_de_derniere_mise_a_jour').trim();
  if (sourceMiseAJour !== '') {
    dateMiseAJour = normaliserDate(sourceMiseAJour, false);
    if (dateMiseAJour === null) {
      avertissements.push({ colonne: 'Date_de_derniere_mise_a_jour', valeur: sourceMiseAJour, message: 'date illisible : ignorée' });
    }
  }

  return { numero, projet, collectivite, dateMiseAJour, normalisations, erreurs, avertissements };
}

/** Natural key of a projet within a file and in the CMS: its collectivité and its name, compared loosely. */
export function cleProjet(cleCollectivite: string, nomProjet: string): string {
  return `${cleCollectivite}|${cleTexte(nomProjet)}`;
}
