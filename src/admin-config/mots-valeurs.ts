/**
 * Which French words to show for the values of an enumeration field of the admin panel (form, list
 * cells, list filters). Pure: imported by the admin bundle.
 *
 * The form and the filters do not say which model a field belongs to (a field inside the
 * `projet.evaluation` component only knows its name and its values), so the words are found from the
 * attribute's name and its values: the model of LIBELLES_VALEURS whose attribute of that name has
 * words for every value. A unit test checks that this finds, for every enumeration of the schemas,
 * the words of its own model.
 */
import { LIBELLES_VALEURS } from './valeurs';
import { ATTRIBUT_ETAT as ATTRIBUT_ETAT_REVUE, LIBELLES_ETATS } from '../plugins/revue-editoriale/public';

/** Attribute the revue-editoriale plugin adds to the reviewed types. */
export { ATTRIBUT_ETAT_REVUE };

/** Words of each value (those without words keep their code); `modele` when the caller knows it. */
export function motsDesValeurs(attribut: string, valeurs: readonly string[], modele?: string): Record<string, string> {
  const table = tableDesMots(attribut, valeurs, modele);
  return Object.fromEntries(valeurs.map((valeur) => [valeur, table?.[valeur] ?? valeur]));
}

function tableDesMots(attribut: string, valeurs: readonly string[], modele?: string): Readonly<Record<string, string>> | undefined {
  if (attribut === ATTRIBUT_ETAT_REVUE) return LIBELLES_ETATS;
  const duModele = modele ? LIBELLES_VALEURS[modele]?.[attribut] : undefined;
  if (duModele) return duModele;
  return Object.values(LIBELLES_VALEURS)
    .map((attributs) => attributs[attribut])
    .find((mots) => mots !== undefined && valeurs.every((valeur) => valeur in mots));
}

/**
 * Admin translations keyed by the bare value, for the values that read the same in every model
 * (« nsp » → « Ne sait pas »): Strapi's filters first label each option with
 * `formatMessage({ id: value })`, which otherwise logs MISSING_TRANSLATION. A value whose words
 * differ between models (« interne ») is left out; the filters hook labels it per attribute anyway.
 */
export function traductionsDesValeurs(): Record<string, string> {
  const mots = new Map<string, Set<string>>();
  const tables = [...Object.values(LIBELLES_VALEURS).flatMap((attributs) => Object.values(attributs)), LIBELLES_ETATS];
  for (const table of tables) {
    for (const [valeur, mot] of Object.entries(table)) mots.set(valeur, (mots.get(valeur) ?? new Set()).add(mot));
  }
  return Object.fromEntries([...mots].filter(([, ensemble]) => ensemble.size === 1).map(([valeur, ensemble]) => [valeur, [...ensemble][0]]));
}

/** A list-view filter as the content-manager builds it (Filters.mjs), as far as we read it. */
export interface FiltreListe {
  name: string;
  type?: string;
  options?: Array<{ label?: unknown; value: string }>;
  [cle: string]: unknown;
}

/** The options of an enumeration filter labelled with their words; any other filter unchanged. */
export function filtreEnFrancais<F extends FiltreListe>(filtre: F): F {
  if (filtre.type !== 'enumeration' || !filtre.options) return filtre;
  const mots = motsDesValeurs(filtre.name, filtre.options.map((o) => o.value));
  return { ...filtre, options: filtre.options.map((option) => ({ ...option, label: mots[option.value] })) };
}
