/**
 * No N+1 in GraphQL. The plugin resolves each relation of each parent with its own
 * `db.entityManager.load(uid, parent, field, populate)`, i.e. one `findOne` with populate per parent:
 * a list of 25 projets with collectivité, thématique and offreurs costs 6 queries per projet. The
 * loads issued in the same turn of the event loop for the same relation and the same populate are
 * answered here by one `findMany` over all their parents (same populate, hence the same filters on
 * drafts and members-only ressources); `limit`/`offset` are applied per parent afterwards, as the
 * single load would. Any other shape of load goes to Strapi unchanged.
 *
 * This replaces `entityManager.load` of Strapi's internals and stands in for it with `findMany`:
 * `verifierFormeChargements` refuses to start when either no longer has the shape relied on here,
 * rather than answer loads without the filters their populate carries.
 */
import type { Core } from '@strapi/strapi';
import { remplacer } from './remplacements';

type Chargement = (uid: string, entite: { id?: unknown }, champ: unknown, populate?: unknown) => Promise<unknown>;
interface Demande {
  id: unknown;
  resoudre: (valeur: unknown) => void;
  rejeter: (erreur: unknown) => void;
}
interface Lot {
  uid: string;
  champ: string;
  populate: Record<string, unknown> | true;
  limite?: number;
  decalage?: number;
  demandes: Demande[];
}

/** Splits a load's populate into what one query for all parents can take and the per-parent window. */
export function decouperPopulate(populate: unknown): { populate: Record<string, unknown> | true; limite?: number; decalage?: number } | undefined {
  if (populate === undefined || populate === null || populate === true) return { populate: true };
  if (typeof populate !== 'object' || Array.isArray(populate)) return undefined;
  const { limit, offset, ...reste } = populate as Record<string, unknown>;
  if ('count' in reste) return undefined;
  const entier = (v: unknown) => (v === undefined || v === null ? undefined : Number.isInteger(Number(v)) ? Number(v) : NaN);
  const limite = entier(limit);
  const decalage = entier(offset);
  if (Number.isNaN(limite) || Number.isNaN(decalage)) return undefined;
  return { populate: Object.keys(reste).length === 0 ? true : reste, limite, decalage };
}

/** The window a single load would have returned, from the whole relation of one parent. */
export function fenetre(valeur: unknown, limite?: number, decalage?: number): unknown {
  if (!Array.isArray(valeur) || (limite === undefined && decalage === undefined)) return valeur;
  const debut = decalage ?? 0;
  return valeur.slice(debut, limite === undefined ? undefined : debut + limite);
}

/** Parameters declared by the functions relied on, in the Strapi version this module was written against. */
export const ARITES_GESTIONNAIRE = { load: 4, findMany: 2 } as const; // load(uid, entity, fields, populate), findMany(uid, params)

/** Refuses (throws, in French, naming what changed) when the entity manager is not the one this batching replaces. */
export function verifierFormeChargements(gestionnaire: unknown): void {
  const ecarts: string[] = [];
  for (const [nom, arite] of Object.entries(ARITES_GESTIONNAIRE)) {
    const fonction = (gestionnaire as Record<string, unknown> | undefined)?.[nom];
    if (typeof fonction !== 'function') ecarts.push(`entityManager.${nom} est ${fonction === undefined ? 'absent' : typeof fonction}`);
    else if (fonction.length !== arite) ecarts.push(`entityManager.${nom} déclare ${fonction.length} paramètre(s) au lieu de ${arite}`);
  }
  if (ecarts.length > 0) {
    throw new Error(
      `Démarrage refusé : le gestionnaire d’entités de Strapi a changé sous le regroupement des chargements de relations (src/api-contenu/chargements-groupes.ts) : ${ecarts.join(' ; ')}. ` +
        'Adaptez ce module à la nouvelle version de Strapi avant de servir l’API.',
    );
  }
}

export function grouperChargements(strapi: Core.Strapi): void {
  verifierFormeChargements(strapi.db.entityManager);
  const gestionnaire = strapi.db.entityManager as unknown as { load: Chargement; findMany: (uid: string, params: unknown) => Promise<Array<Record<string, unknown>>> };
  const lots = new Map<string, Lot>();

  const executer = async (cle: string) => {
    const lot = lots.get(cle)!;
    lots.delete(cle);
    try {
      const ids = [...new Set(lot.demandes.map((d) => d.id))];
      const lignes = await gestionnaire.findMany(lot.uid, { select: ['id'], where: { id: { $in: ids } }, populate: { [lot.champ]: lot.populate } });
      const parId = new Map(lignes.map((ligne) => [ligne.id, ligne]));
      for (const demande of lot.demandes) {
        const ligne = parId.get(demande.id);
        demande.resoudre(ligne ? fenetre(ligne[lot.champ], lot.limite, lot.decalage) : null);
      }
    } catch (erreur) {
      for (const demande of lot.demandes) demande.rejeter(erreur);
    }
  };

  remplacer<Chargement>(gestionnaire, 'load', 'performance', (origine) => (uid, entite, champ, populate) => {
    const decoupe = typeof champ === 'string' && entite?.id !== undefined ? decouperPopulate(populate) : undefined;
    if (!decoupe) return origine.call(gestionnaire, uid, entite, champ, populate);
    const cle = JSON.stringify([uid, champ, decoupe]);
    let lot = lots.get(cle);
    if (!lot) {
      lot = { uid, champ: champ as string, ...decoupe, demandes: [] };
      lots.set(cle, lot);
      setImmediate(() => void executer(cle));
    }
    const courant = lot;
    return new Promise((resoudre, rejeter) => courant.demandes.push({ id: entite.id, resoudre, rejeter }));
  });
}
