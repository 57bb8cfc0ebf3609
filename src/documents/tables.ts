/**
 * Table and column names of the content types, read from Strapi's database metadata, for the SQL
 * written by hand (statistics, similar projets, performance indexes, the admin panel's relation
 * selectors): no name written by hand but the `id` primary key.
 */
import type { Core, UID } from '@strapi/strapi';

/** A link table: `source` points at the row of the owning type, `cible` at the row of the target. */
export interface Lien {
  table: string;
  source: string;
  cible: string;
}

const attributs = (strapi: Core.Strapi, uid: UID.ContentType) => strapi.db.metadata.get(uid).attributes;

export function table(strapi: Core.Strapi, uid: UID.ContentType): string {
  return strapi.db.metadata.get(uid).tableName;
}

export function colonne(strapi: Core.Strapi, uid: UID.ContentType, attribut: string): string {
  const definition = attributs(strapi, uid)[attribut];
  const nom = definition && 'columnName' in definition ? definition.columnName : undefined;
  if (!nom) throw new Error(`Colonne inconnue : ${uid}.${attribut}`);
  return nom;
}

export function lien(strapi: Core.Strapi, uid: UID.ContentType, attribut: string): Lien {
  const definition = attributs(strapi, uid)[attribut];
  const jointure = definition && 'joinTable' in definition ? definition.joinTable : undefined;
  if (!jointure || !('inverseJoinColumn' in jointure)) throw new Error(`Relation sans table de liens : ${uid}.${attribut}`);
  return { table: jointure.name, source: jointure.joinColumn.name, cible: jointure.inverseJoinColumn.name };
}
