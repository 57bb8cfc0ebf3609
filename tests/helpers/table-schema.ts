/**
 * A small Table Schema validator for the tests: reads the Interconnectés schema file itself and checks
 * required fields, enumerations and types of an exported row. Multi-valued cells (Sous_Theme, Audience)
 * hold values separated by « , », each of which must belong to the enumeration.
 */
import { readFileSync } from 'fs';
import path from 'path';

interface Champ {
  name: string;
  type: string;
  constraints?: { required?: boolean; enum?: string[] };
}

export const SCHEMA: { fields: Champ[] } = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../donnees/interconnectes/interconnectes_IA-schema.json'), 'utf8'),
);

const LISTES = new Set(['Sous_Theme', 'Audience']);

/** Errors of a row against the given columns of the schema; `requis` false checks enumerations and types only. */
export function validerLigne(ligne: Record<string, string>, colonnes: readonly string[], requis = true): string[] {
  const erreurs: string[] = [];
  for (const nom of colonnes) {
    const champ = SCHEMA.fields.find((f) => f.name === nom);
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
