/**
 * Validation of an export against the copy of its peer's definition (donnees/registres/, JSON Schema
 * draft-07) with a real validator. A required peer field the library cannot fill is allowed to be
 * missing only when the export lists it in its unmapped fields (docs/exports-registres.md).
 */
import { readFileSync } from 'fs';
import path from 'path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

const RACINE = path.resolve(__dirname, '../..');
const ajv = new Ajv({ allErrors: true });
const validateurs = new Map<string, ValidateFunction>();

function validateur(definition: string): ValidateFunction {
  let v = validateurs.get(definition);
  if (!v) {
    v = ajv.compile(JSON.parse(readFileSync(path.join(RACINE, definition), 'utf8')));
    validateurs.set(definition, v);
  }
  return v;
}

/** Dotted path of the field an error is about (`/tier_2/tool_specification` + `phase` → `tier_2.tool_specification.phase`). */
function chemin(erreur: ErrorObject): string {
  const parent = erreur.instancePath.split('/').filter(Boolean);
  const manquant = erreur.keyword === 'required' ? [String(erreur.params.missingProperty)] : [];
  return [...parent, ...manquant].join('.');
}

/** The errors of `document` against `definition`, except missing required fields listed in `champsNonRenseignes`. */
export function ecartsDefinition(definition: string, document: unknown, champsNonRenseignes: readonly string[]): string[] {
  const valider = validateur(definition);
  if (valider(document)) return [];
  const declares = new Set(champsNonRenseignes);
  return (valider.errors ?? [])
    // `if`/`then` report the failed branch once more; the underlying error is listed on its own.
    .filter((e) => e.keyword !== 'if')
    .filter((e) => !(e.keyword === 'required' && declares.has(chemin(e))))
    .map((e) => `${chemin(e) || '(racine)'} : ${e.message}`);
}
