/**
 * A content-API read selects only the columns it serves (README, « Performance »).
 *
 * Without `fields`, Strapi reads every column of the page and of each populated relation
 * (`SELECT t0.*`: the Restreint and internal texts included) and drops the private ones on the way
 * out. After the query is sanitized and narrowed for the caller (api-contenu/visibilite.ts), each level
 * that names no `fields` gets the scalar attributes this caller is served (`champsServis`): the members'
 * view for a member or a token, the public one otherwise. Same response, fewer bytes parsed.
 *
 * Below the root, the Document Service refuses a private attribute in `fields` (its populate check),
 * so a member's populated relation whose model has Restreint attributes reads every column, as before.
 * In the `performance` group: the equivalence tests compare every generated read with Strapi's path.
 */
import type { Core } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';
import { appelantDepuisAuth, champsServis, projeterRequete, voitRestreint, vueMembre, type Modele } from '../domaine/visibilite';
import { remplacer } from './remplacements';

type Options = { auth?: unknown; [cle: string]: unknown } | undefined;
type Fonction = (donnees: unknown, schema: { uid?: string } | undefined, options?: Options) => Promise<unknown>;

export function lireLesSeulesColonnesServies(strapi: Core.Strapi): void {
  const obtenirModele = (uid: string) => strapi.getModel(uid as any) as unknown as Modele | undefined;
  const champs = new Map<string, string[]>();
  const champsDe = (uid: string, membre: boolean): string[] => {
    const cle = `${membre}:${uid}`;
    let liste = champs.get(cle);
    if (!liste) {
      const brut = obtenirModele(uid)!;
      const modele = membre ? vueMembre(brut) : brut;
      liste = champsServis(modele, (nom) => contentTypes.isPrivateAttribute(modele as any, nom));
      champs.set(cle, liste);
    }
    return liste;
  };

  remplacer<Fonction>(strapi.contentAPI.sanitize, 'query', 'performance', (origine) => async (donnees, schema, options) => {
    const nettoyee = await origine(donnees, schema, options);
    if (!schema?.uid || nettoyee === null || typeof nettoyee !== 'object' || !obtenirModele(schema.uid)) return nettoyee;
    const membre = voitRestreint(appelantDepuisAuth(options?.auth));
    const champsVus = (uid: string, racine: boolean) => {
      const vus = champsDe(uid, membre);
      return racine || !membre || vus.length === champsDe(uid, false).length ? vus : undefined;
    };
    return projeterRequete(nettoyee as Record<string, unknown>, schema.uid, obtenirModele, champsVus);
  });
}
