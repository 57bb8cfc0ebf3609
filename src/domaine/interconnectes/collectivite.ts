/**
 * Which collectivité of the reference data a row speaks of: by SIREN (from the SIRET), then by name.
 * A SIRET and a name pointing at two different collectivités are reported, never silently reconciled.
 * Pure: the importer hands in the reference rows.
 */
import { cleTexte } from './texte';
import type { CollectiviteDeclaree } from './ligne';

export interface CollectiviteConnue {
  documentId: string;
  nom: string;
  type: string;
  sousType: string | null;
  siren: string | null;
}

/** Types the reference data holds in full: one absent from it is a mistake, never created on import. */
export const TYPES_DU_REFERENTIEL: ReadonlySet<string> = new Set(['commune', 'epci', 'ept', 'departement', 'region']);

/** Prefixes people put before the reference name: « Ville de Metz », « Département de la Drôme »… */
const PREFIXES = /^(ville|commune|mairie|departement|conseil departemental|region|conseil regional)( de la| de l| des| du| de| d)? /;

/** Comparison key of a collectivité name. */
export function cleNomCollectivite(nom: string): string {
  return cleTexte(nom).replace(PREFIXES, '');
}

export class Annuaire<T extends CollectiviteConnue = CollectiviteConnue> {
  private readonly sirens = new Map<string, T>();
  private readonly noms = new Map<string, T[]>();

  constructor(collectivites: Iterable<T>) {
    for (const c of collectivites) this.ajouter(c);
  }

  /** Adds a collectivité, or indexes again one whose SIREN was just completed. */
  ajouter(c: T): void {
    if (c.siren) this.sirens.set(c.siren, c);
    const cle = cleNomCollectivite(c.nom);
    const memes = this.noms.get(cle) ?? [];
    if (!memes.includes(c)) this.noms.set(cle, [...memes, c]);
  }

  parSiren(siren: string): T | undefined {
    return this.sirens.get(siren);
  }

  /** Same name; among communes, the current one before its former delegated or associated communes. */
  parNom(nom: string): T[] {
    const candidats = this.noms.get(cleNomCollectivite(nom)) ?? [];
    const actuels = candidats.filter((c) => c.type !== 'commune' || c.sousType === 'commune-actuelle');
    return actuels.length > 0 ? actuels : candidats;
  }
}

export type Correspondance<T> =
  | { trouvee: T; par: 'siren' | 'nom'; avertissements: string[]; notes: string[] }
  | { trouvee: null; raison: string; avertissements: string[] };

const decrire = (c: CollectiviteConnue) => `« ${c.nom} » (${c.type}${c.sousType ? ` ${c.sousType}` : ''}${c.siren ? `, SIREN ${c.siren}` : ''})`;

export function trouverCollectivite<T extends CollectiviteConnue>(annuaire: Annuaire<T>, declaree: CollectiviteDeclaree): Correspondance<T> {
  const avertissements: string[] = [];
  const notes: string[] = [];
  // An invalid SIRET is reported by the row's normaliser (ligne.ts), which keeps it in the notes.
  const { siret } = declaree;

  const parSiren = siret.etat === 'valide' ? annuaire.parSiren(siret.siren) : undefined;
  const homonymes = declaree.nom === '' ? [] : annuaire.parNom(declaree.nom);
  const typeDeclare = declaree.type?.valeur;
  const duType = typeDeclare ? homonymes.filter((c) => c.type === typeDeclare) : homonymes;
  const parNom = duType.length > 0 ? duType : homonymes;

  let trouvee: T | undefined;
  let par: 'siren' | 'nom' = 'siren';
  if (parSiren && (homonymes.length === 0 || homonymes.includes(parSiren))) {
    trouvee = parSiren;
    if (homonymes.length === 0 && declaree.nom !== '' && cleTexte(declaree.nom) !== cleTexte(parSiren.nom)) {
      notes.push(`nom « ${declaree.nom} » écrit « ${parSiren.nom} » dans le référentiel`);
    }
  } else if (parSiren && parNom.length === 1) {
    trouvee = parNom[0];
    par = 'nom';
    avertissements.push(
      `le SIRET désigne ${decrire(parSiren)} mais le nom « ${declaree.nom} » désigne ${decrire(trouvee)} : rattaché d’après le nom, à vérifier`,
    );
  } else if (parSiren) {
    trouvee = parSiren;
    avertissements.push(`le nom « ${declaree.nom} » ne désigne pas ${decrire(parSiren)} (trouvée par le SIRET) et reste ambigu : rattaché d’après le SIRET, à vérifier`);
  } else if (parNom.length === 1) {
    trouvee = parNom[0];
    par = 'nom';
    if (siret.etat === 'valide') {
      notes.push(`SIREN ${siret.siren} absent du référentiel : collectivité trouvée par son nom`);
    }
  } else if (parNom.length > 1) {
    return {
      trouvee: null,
      raison: `nom « ${declaree.nom} » ambigu (${parNom.length} collectivités : ${parNom.slice(0, 5).map(decrire).join(', ')}) et pas de SIRET valide pour trancher`,
      avertissements,
    };
  } else {
    const identifiant = siret.etat === 'valide' ? `SIREN ${siret.siren}` : 'pas de SIRET valide';
    return { trouvee: null, raison: `collectivité « ${declaree.nom} » absente du référentiel (${identifiant}, aucun nom correspondant)`, avertissements };
  }

  if (declaree.type && declaree.type.valeur !== trouvee.type) {
    avertissements.push(`type déclaré « ${declaree.type.libelle} », mais ${decrire(trouvee)} est de type ${trouvee.type} dans le référentiel`);
  }
  return { trouvee, par, avertissements, notes };
}

/**
 * Type of a collectivité to create when the reference data lacks it and creation is allowed: only the
 * kinds the reference does not cover (syndicats, opérateurs, others), from the declared type or, for a
 * « Syndicat … » labelled otherwise, from its name. Null: not creatable.
 */
export function typeACreer(declaree: CollectiviteDeclaree): string | null {
  const declare = declaree.type?.valeur;
  if (declare && !TYPES_DU_REFERENTIEL.has(declare)) return declare;
  if (cleTexte(declaree.nom).startsWith('syndicat')) return 'syndicat';
  return null;
}
