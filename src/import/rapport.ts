/** What an import reports, row by row and for the whole file (README, « Import de la bibliothèque existante »). */
import type { FichierLu, FormatFichier } from '../domaine/interconnectes/lecture-fichier';
import type { Anomalie, LigneNormalisee, Normalisation } from '../domaine/interconnectes/ligne';
import type { OptionsImport } from './contexte';

export type Resultat = 'cree' | 'modifie' | 'inchange' | 'rejete';

export interface RapportLigne {
  ligne: number;
  projet: string;
  collectivite: string | null;
  resultat: Resultat;
  documentId: string | null;
  /** why the row was held back, or what changed */
  raisons: string[];
  avertissements: Anomalie[];
  normalisations: Normalisation[];
  /** the whole row as read, header → cell: nothing of a held-back row is lost */
  cellules: Record<string, string>;
  /** what the projet's notesImport received (« colonne : valeur » per line) */
  notes: string[];
  /** with --publier, why the projet waits en_moderation instead of being published */
  nonPublie: string | null;
}

export interface RapportImport {
  fichier: string;
  simulation: boolean;
  publication: boolean;
  /** null when the file could not be read at all */
  format: FormatFichier | null;
  /** CSV only */
  separateur: string | null;
  bom: boolean;
  colonnesInconnues: string[];
  /** how headers were read when it took a decision (the `description` column, ignored columns) */
  lecturesColonnes: string[];
  /** a file-level problem: nothing was imported */
  erreurFichier: string | null;
  bilan: Record<Resultat, number>;
  lignes: RapportLigne[];
}

const VIDE: Record<Resultat, number> = { cree: 0, modifie: 0, inchange: 0, rejete: 0 };

const RESULTATS: Record<Resultat, string> = { cree: 'créé', modifie: 'modifié', inchange: 'inchangé', rejete: 'rejeté' };

export function rapportVide(fichier: string, options: OptionsImport, lu?: FichierLu): RapportImport {
  return {
    fichier,
    simulation: Boolean(options.simulation),
    publication: Boolean(options.publier),
    format: lu?.format ?? null,
    separateur: lu?.separateur ?? null,
    bom: lu?.bom ?? false,
    colonnesInconnues: [],
    lecturesColonnes: [],
    erreurFichier: null,
    bilan: { ...VIDE },
    lignes: [],
  };
}

/** The report of a row before it is written: what the normalisation said of it. */
export function rapportDeLigne(n: LigneNormalisee, cellules: Record<string, string>): RapportLigne {
  return {
    ligne: n.numero,
    projet: n.projet.nom,
    collectivite: null,
    resultat: 'rejete',
    documentId: null,
    raisons: [],
    avertissements: [...n.avertissements],
    normalisations: [...n.normalisations],
    cellules,
    notes: [...n.notes],
    nonPublie: null,
  };
}

export function rejet(rapport: RapportLigne, raisons: string[]): RapportLigne {
  return { ...rapport, resultat: 'rejete', documentId: null, raisons };
}

/** The one-line French progress message of a row. */
export function messageProgression(faites: number, total: number, numero: number, ligne: RapportLigne): string {
  return `[${faites}/${total}] ligne ${numero} « ${ligne.projet} » : ${RESULTATS[ligne.resultat]}${ligne.raisons.length > 0 ? ` (${ligne.raisons.join(' ; ')})` : ''}`;
}
