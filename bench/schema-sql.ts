/**
 * What the raw-SQL baseline (serveur-brut.ts) must know of the schema to answer the CMS's JSON: for
 * each content type, its table and the public columns an anonymous caller sees; for projet, its
 * public relations, media and components with their link tables. Read from the loaded Strapi's
 * content types and database metadata by the bench's CMS process (`--schema fichier`), so no table
 * or column name is written by hand in the baseline.
 */
import type { Core } from '@strapi/strapi';
import { contentTypes as outils } from '@strapi/utils';

export const UID_PROJET = 'api::projet.projet';
const UID_FICHIER = 'plugin::upload.file';

export interface ModeleSql {
  table: string;
  /** [JSON key, column] of the public scalar attributes, in the order Strapi writes them */
  colonnes: Array<[string, string]>;
  /** draft & publish: only rows with `published_at` are read */
  brouillons: boolean;
}

export interface LienSql {
  attribut: string;
  genre: 'relation' | 'media' | 'composant';
  /** uid of the target (content type, upload file or component) */
  cible: string;
  multiple: boolean;
  table: string;
  /** column of the link table that points at the projet row */
  source: string;
  /** column of the link table that points at the target row */
  colonneCible: string;
  ordre: string | null;
  /** extra equality on the link table (`field` of components and media, `related_type` of media) */
  conditions: Array<[string, string]>;
}

export interface SchemaSql {
  modeles: Record<string, ModeleSql>;
  /** public relations, media and components of projet, in attribute order (what `populate=*` returns) */
  liens: LienSql[];
}

interface AttributMeta {
  type: string;
  columnName?: string;
  relation?: string;
  target?: string;
  morphBy?: string;
  joinTable?: {
    name: string;
    joinColumn: { name: string };
    inverseJoinColumn?: { name: string };
    morphColumn?: { typeColumn: { name: string }; idColumn: { name: string } };
    on?: Record<string, string>;
    orderColumnName?: string;
    orderBy?: Record<string, string>;
  };
}

type Modele = { uid: string; attributes: Record<string, { type: string; private?: boolean; multiple?: boolean; repeatable?: boolean }>; options?: { draftAndPublish?: boolean }; pluginOptions?: { i18n?: { localized?: boolean } } };

const NON_SCALAIRES = new Set(['relation', 'media', 'component', 'dynamiczone']);

function modele(strapi: Core.Strapi, uid: string): Modele {
  const m = (strapi.contentTypes as unknown as Record<string, unknown>)[uid] ?? (strapi.components as unknown as Record<string, unknown>)[uid];
  if (!m) throw new Error(`Modèle inconnu : ${uid}`);
  return m as Modele;
}

function meta(strapi: Core.Strapi, uid: string): { tableName: string; attributes: Record<string, AttributMeta> } {
  return strapi.db.metadata.get(uid as never) as unknown as { tableName: string; attributes: Record<string, AttributMeta> };
}

function modeleSql(strapi: Core.Strapi, uid: string): ModeleSql {
  const m = modele(strapi, uid);
  const { tableName, attributes } = meta(strapi, uid);
  const localise = m.pluginOptions?.i18n?.localized === true;
  const colonnes: Array<[string, string]> = [['id', 'id']];
  const documentId = attributes.documentId?.columnName;
  if (documentId) colonnes.push(['documentId', documentId]);
  for (const [nom, attribut] of Object.entries(m.attributes)) {
    if (NON_SCALAIRES.has(attribut.type) || outils.isPrivateAttribute(m as never, nom)) continue;
    // Every row has a locale column; Strapi answers it for localized types only.
    if (nom === 'locale' && !localise) continue;
    const colonne = attributes[nom]?.columnName;
    if (colonne) colonnes.push([nom, colonne]);
  }
  return { table: tableName, colonnes, brouillons: m.options?.draftAndPublish === true };
}

/** The schema of the projet list and detail as the raw baseline reads it. */
export function decrireSchema(strapi: Core.Strapi): SchemaSql {
  const projet = modele(strapi, UID_PROJET);
  const metaProjet = meta(strapi, UID_PROJET);
  const modeles: Record<string, ModeleSql> = { [UID_PROJET]: modeleSql(strapi, UID_PROJET) };
  const liens: LienSql[] = [];
  for (const [nom, attribut] of Object.entries(projet.attributes)) {
    if (!NON_SCALAIRES.has(attribut.type) || outils.isPrivateAttribute(projet as never, nom)) continue;
    const m = metaProjet.attributes[nom];
    if (attribut.type === 'media') {
      // The link rows live on the file side (`related`, polymorphic): filtered by type and field.
      const jointure = meta(strapi, UID_FICHIER).attributes[m.morphBy ?? 'related']?.joinTable;
      if (!jointure?.morphColumn) throw new Error(`${nom} : table de liens des médias introuvable`);
      liens.push({
        attribut: nom,
        genre: 'media',
        cible: UID_FICHIER,
        multiple: attribut.multiple === true,
        table: jointure.name,
        source: jointure.morphColumn.idColumn.name,
        colonneCible: jointure.joinColumn.name,
        ordre: Object.keys(jointure.orderBy ?? {})[0] ?? null,
        conditions: [
          [jointure.morphColumn.typeColumn.name, UID_PROJET],
          ['field', nom],
        ],
      });
    } else if (m?.joinTable?.inverseJoinColumn && m.target) {
      liens.push({
        attribut: nom,
        genre: attribut.type === 'component' ? 'composant' : 'relation',
        cible: m.target,
        multiple: attribut.type === 'component' ? attribut.repeatable === true : /Many$/.test(m.relation ?? ''),
        table: m.joinTable.name,
        source: m.joinTable.joinColumn.name,
        colonneCible: m.joinTable.inverseJoinColumn.name,
        ordre: m.joinTable.orderColumnName ?? null,
        conditions: Object.entries(m.joinTable.on ?? {}),
      });
    } else {
      throw new Error(`${nom} : forme de relation non prise en charge par la référence SQL`);
    }
    modeles[liens[liens.length - 1].cible] ??= modeleSql(strapi, liens[liens.length - 1].cible);
  }
  return { modeles, liens };
}
