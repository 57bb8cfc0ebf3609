/**
 * Reference rows of the French local authorities, built from the JSON files of the npm package
 * `@etalab/decoupage-administratif` (v6): communes, EPCI, EPT, départements, régions.
 *
 * Pure: reads the package files, no Strapi import. The seeder upserts these rows keyed by `cle`.
 */
import { readFileSync } from 'node:fs';

import { slugifier } from '../domaine/slug';

export type TypeCollectivite = 'commune' | 'epci' | 'ept' | 'departement' | 'region';

export interface LigneCollectivite {
  /** stable natural key `${type}:${codeInsee}`, unique (see `construireCollectivites` for the one exception) */
  cle: string;
  nom: string;
  /** unique over all rows, ascii kebab-case */
  slug: string;
  type: TypeCollectivite;
  /** communes: commune-actuelle | commune-deleguee | commune-associee | arrondissement-municipal;
   *  epci: CC | CA | CU | METRO | MET69; ept: EPT; departement/region: null */
  sousType: string | null;
  /** communes (most), epci/ept (their code); départements/régions: null (not in the package) */
  siren: string | null;
  /** COG code (commune, EPCI/EPT SIREN, département, région) */
  codeInsee: string;
  codeDepartement: string | null;
  codeRegion: string | null;
  population: number | null;
}

/**
 * Natural key of a reference row, computed the same way from the package and from the database:
 * `${type}:${codeInsee}`, plus the sub-type for communes that are not current (déléguées, associées,
 * arrondissements), which may share the code of their commune nouvelle.
 */
export function cleCollectivite(ligne: { type: string; codeInsee: string; sousType: string | null }): string {
  const base = `${ligne.type}:${ligne.codeInsee}`;
  if (ligne.type !== 'commune' || !ligne.sousType || ligne.sousType === 'commune-actuelle') return base;
  return `${base}:${ligne.sousType.replace(/^commune-/, '')}`;
}

/* Shapes of the package files (only the fields used here). */
interface CommuneBrute {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  siren?: string;
  population?: number;
}
interface MembreBrut {
  code: string;
  populationTotale?: number;
}
interface GroupementBrut {
  code: string;
  nom: string;
  type: string;
  populationTotale?: number;
  membres: MembreBrut[];
}
export interface DepartementBrut {
  code: string;
  nom: string;
  region: string;
}
export interface RegionBrute {
  code: string;
  nom: string;
}

export function lireDonnees<T>(fichier: string): T[] {
  const chemin = require.resolve(`@etalab/decoupage-administratif/data/${fichier}.json`);
  return JSON.parse(readFileSync(chemin, 'utf8')) as T[];
}

const comparerCodes = (a: { code: string }, b: { code: string }): number =>
  a.code < b.code ? -1 : a.code > b.code ? 1 : 0;

/** Order in which communes claim keys, slugs and SIRENs when two rows compete. */
const RANG_SOUS_TYPE_COMMUNE: Record<string, number> = {
  'commune-actuelle': 0,
  'arrondissement-municipal': 1,
  'commune-deleguee': 2,
  'commune-associee': 3,
};

/**
 * Builds every row (≈39,000). Rows are returned by type (régions, départements, EPCI, EPT, communes),
 * each group sorted by code, communes-actuelles before the other kinds of communes.
 *
 * Uniqueness rules, deterministic for a given version of the package:
 * - `cle` (see `cleCollectivite`): 584 communes déléguées share their code with their commune nouvelle
 *   (the chef-lieu keeps the old code), hence the sub-type in the key of non-current communes.
 * - `slug`: communes are `<nom>-<code>` ('bordeaux-33063'), the others `<nom>`; on a clash the row that
 *   comes later (order above) gets a suffix: its sub-type for communes, its code otherwise
 *   (e.g. the département 'guadeloupe-971' next to the région 'guadeloupe'), then a counter.
 * - `siren`: the package (v6.0.0) has no duplicate, but should one appear the first row in the order
 *   above (EPCI/EPT, then commune-actuelle) keeps it and the later row gets null.
 */
export function construireCollectivites(): LigneCollectivite[] {
  const regions = lireDonnees<RegionBrute>('regions').sort(comparerCodes);
  const departements = lireDonnees<DepartementBrut>('departements').sort(comparerCodes);
  const epcis = lireDonnees<GroupementBrut>('epci').sort(comparerCodes);
  const epts = lireDonnees<GroupementBrut>('ept').sort(comparerCodes);
  const communes = lireDonnees<CommuneBrute>('communes').sort(
    (a, b) =>
      (RANG_SOUS_TYPE_COMMUNE[a.type] ?? 9) - (RANG_SOUS_TYPE_COMMUNE[b.type] ?? 9) || comparerCodes(a, b),
  );

  const regionParDepartement = new Map(departements.map((d) => [d.code, d.region]));
  const communesActuelles = new Map<string, CommuneBrute>();
  const populationParDepartement = new Map<string, number>();
  const populationParRegion = new Map<string, number>();
  for (const commune of communes) {
    if (commune.type !== 'commune-actuelle') continue;
    communesActuelles.set(commune.code, commune);
    if (typeof commune.population !== 'number') continue;
    if (commune.departement) {
      populationParDepartement.set(
        commune.departement,
        (populationParDepartement.get(commune.departement) ?? 0) + commune.population,
      );
    }
    if (commune.region) {
      populationParRegion.set(commune.region, (populationParRegion.get(commune.region) ?? 0) + commune.population);
    }
  }

  const cles = new Set<string>();
  const slugs = new Set<string>();
  const sirens = new Set<string>();

  const reserverCle = (type: TypeCollectivite, code: string, sousType: string | null): string => {
    const cle = cleCollectivite({ type, codeInsee: code, sousType });
    if (cles.has(cle)) throw new Error(`Référentiel des collectivités : clé en double ${cle}`);
    cles.add(cle);
    return cle;
  };
  const reserverSlug = (base: string, suffixe: string): string => {
    const racine = base || suffixe;
    let slug = racine;
    if (slugs.has(slug)) slug = `${racine}-${suffixe}`;
    for (let n = 2; slugs.has(slug); n += 1) slug = `${racine}-${suffixe}-${n}`;
    slugs.add(slug);
    return slug;
  };
  const reserverSiren = (siren: string | undefined): string | null => {
    if (!siren || sirens.has(siren)) return null;
    sirens.add(siren);
    return siren;
  };

  const lignes: LigneCollectivite[] = [];

  for (const region of regions) {
    lignes.push({
      cle: reserverCle('region', region.code, null),
      nom: region.nom,
      slug: reserverSlug(slugifier(region.nom), region.code.toLowerCase()),
      type: 'region',
      sousType: null,
      siren: null,
      codeInsee: region.code,
      codeDepartement: null,
      codeRegion: region.code,
      population: populationParRegion.get(region.code) ?? null,
    });
  }

  for (const departement of departements) {
    lignes.push({
      cle: reserverCle('departement', departement.code, null),
      nom: departement.nom,
      slug: reserverSlug(slugifier(departement.nom), departement.code.toLowerCase()),
      type: 'departement',
      sousType: null,
      siren: null,
      codeInsee: departement.code,
      codeDepartement: departement.code,
      codeRegion: departement.region,
      population: populationParDepartement.get(departement.code) ?? null,
    });
  }

  // EPCI and EPT: the SIREN is their code; their département is the one where most of their members'
  // population lives (91 groupings span several départements), their région that département's.
  const ajouterGroupements = (groupements: GroupementBrut[], type: 'epci' | 'ept'): void => {
    for (const groupement of groupements) {
      const parDepartement = new Map<string, number>();
      let sommeMembres = 0;
      for (const membre of groupement.membres) {
        const commune = communesActuelles.get(membre.code);
        const population = membre.populationTotale ?? commune?.population ?? 0;
        sommeMembres += population;
        if (commune?.departement) {
          parDepartement.set(commune.departement, (parDepartement.get(commune.departement) ?? 0) + population);
        }
      }
      let codeDepartement: string | null = null;
      let meilleure = -1;
      for (const [code, population] of [...parDepartement].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        if (population > meilleure) {
          codeDepartement = code;
          meilleure = population;
        }
      }
      const population =
        groupement.populationTotale ?? (groupement.membres.length > 0 ? sommeMembres : null);
      lignes.push({
        cle: reserverCle(type, groupement.code, type),
        nom: groupement.nom,
        slug: reserverSlug(slugifier(groupement.nom), groupement.code),
        type,
        sousType: groupement.type,
        siren: reserverSiren(groupement.code),
        codeInsee: groupement.code,
        codeDepartement,
        codeRegion: codeDepartement === null ? null : regionParDepartement.get(codeDepartement) ?? null,
        population,
      });
    }
  };
  ajouterGroupements(epcis, 'epci');
  ajouterGroupements(epts, 'ept');

  for (const commune of communes) {
    const sousTypeCourt = commune.type.replace(/^commune-/, '');
    const code = commune.code.toLowerCase();
    lignes.push({
      cle: reserverCle('commune', commune.code, commune.type),
      nom: commune.nom,
      slug: reserverSlug(`${slugifier(commune.nom) || 'commune'}-${code}`, sousTypeCourt),
      type: 'commune',
      sousType: commune.type,
      siren: reserverSiren(commune.siren),
      codeInsee: commune.code,
      codeDepartement: commune.departement ?? null,
      codeRegion: commune.region ?? null,
      population: typeof commune.population === 'number' ? commune.population : null,
    });
  }

  return lignes;
}
