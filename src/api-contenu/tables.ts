/**
 * Table and column names of the content types, read from Strapi's database metadata, for the SQL of
 * the computed routes (statistiques, similaires): no name written by hand but the `id` primary key.
 */
import type { Core, UID as StrapiUID } from '@strapi/strapi';

interface Metadonnees {
  tableName: string;
  attributes: Record<string, { columnName?: string; joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } } }>;
}

/** A link table: `source` points at the row of the owning type, `cible` at the row of the target. */
export interface Lien {
  table: string;
  source: string;
  cible: string;
}

function metadonnees(strapi: Core.Strapi, uid: string): Metadonnees {
  return strapi.db.metadata.get(uid as StrapiUID.Schema) as unknown as Metadonnees;
}

export function table(strapi: Core.Strapi, uid: string): string {
  return metadonnees(strapi, uid).tableName;
}

export function colonne(strapi: Core.Strapi, uid: string, attribut: string): string {
  const nom = metadonnees(strapi, uid).attributes[attribut]?.columnName;
  if (!nom) throw new Error(`Colonne inconnue : ${uid}.${attribut}`);
  return nom;
}

export function lien(strapi: Core.Strapi, uid: string, attribut: string): Lien {
  const jointure = metadonnees(strapi, uid).attributes[attribut]?.joinTable;
  if (!jointure) throw new Error(`Relation sans table de liens : ${uid}.${attribut}`);
  return { table: jointure.name, source: jointure.joinColumn.name, cible: jointure.inverseJoinColumn.name };
}
