/**
 * A small Table Schema validator for the tests: reads the schema files themselves and checks required
 * fields, types, enumerations and patterns of an exported row. With the 2024 reference (enumerations
 * only), the multi-valued cells (Sous_Theme, Audience) hold values separated by « , », each of which must
 * belong to the enumeration; version 1.1.0 says so with a pattern.
 */
import { readFileSync } from 'fs';
import path from 'path';

export interface Champ {
  name: string;
  type: string;
  format?: string;
  constraints?: { required?: boolean; enum?: string[]; pattern?: string };
}
export interface Schema {
  fields: Champ[];
  [cle: string]: unknown;
}

const lire = (fichier: string): Schema => JSON.parse(readFileSync(path.resolve(__dirname, '../../donnees/interconnectes', fichier), 'utf8'));

/** The 2024 reference, kept untouched. */
export const SCHEMA_REFERENCE = lire('interconnectes_IA-schema.json');
/** The version the export follows. */
export const SCHEMA = lire('schema-1.1.0.json');

const LISTES = new Set(['Sous_Theme', 'Audience']);

/** A Table Schema pattern matches the whole value (XML Schema regular expressions are implicitly anchored). */
export const correspond = (motif: string, valeur: string): boolean => new RegExp(`^(?:${motif})$`, 'u').test(valeur);

/** Errors of a row against the given columns of the schema; `requis` false checks enumerations, patterns and types only. */
export function validerLigne(ligne: Record<string, string>, colonnes: readonly string[], requis = true, schema: Schema = SCHEMA): string[] {
  const erreurs: string[] = [];
  for (const nom of colonnes) {
    const champ = schema.fields.find((f) => f.name === nom);
    if (!champ) {
      erreurs.push(`${nom} : colonne absente du schéma`);
      continue;
    }
    const valeur = ligne[nom];
    if (valeur === undefined) {
      erreurs.push(`${nom} : colonne absente de la ligne`);
      continue;
    }
    if (valeur === '') {
      if (requis && champ.constraints?.required) erreurs.push(`${nom} : obligatoire`);
      continue;
    }
    if (champ.type === 'number' && !/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(valeur)) erreurs.push(`${nom} : « ${valeur} » n’est pas un nombre`);
    if (champ.type === 'string' && champ.format === 'uri' && !/^https?:\/\/\S+$/.test(valeur)) erreurs.push(`${nom} : « ${valeur} » n’est pas une adresse`);
    const motif = champ.constraints?.pattern;
    if (motif && !correspond(motif, valeur)) erreurs.push(`${nom} : « ${valeur} » ne suit pas le motif`);
    const permises = champ.constraints?.enum;
    if (permises) {
      const valeurs = LISTES.has(nom) ? valeur.split(', ') : [valeur];
      for (const v of valeurs) if (!permises.includes(v)) erreurs.push(`${nom} : « ${v} » hors énumération`);
    }
  }
  const enTrop = Object.keys(ligne).filter((c) => !colonnes.includes(c));
  if (enTrop.length > 0) erreurs.push(`colonnes en trop : ${enTrop.join(', ')}`);
  return erreurs;
}
