/**
 * Document Service middleware enforcing the data model's invariants on every path that writes
 * documents: admin panel, REST, GraphQL and scripts all go through strapi.documents.
 * A rejected write throws before anything is written.
 */
import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { validerDonnees, type Attributs, type ErreurChamp } from '../domaine/validation';
import { attributsLusDesCibles, NIVEAUX_THEMATIQUES, reglesMetier, RELATIONS_REQUISES, UID, type RefThematique, type VueDocument } from '../domaine/regles-metier';
import { aUneVersionPubliee, memeRef, populateComplet, resoudreRelation, type Ref } from '../plugins/revue-editoriale/public';
import { slugifier, slugLibre } from '../domaine/slug';
import { libelleChamp } from './libelles';

/** Content types of the library whose writes are checked (not Strapi's own nor plugins'). */
export const TYPES_BIBLIOTHEQUE: ReadonlySet<string> = new Set(Object.values(UID));


interface ParamsEcriture {
  documentId?: string;
  locale?: string;
  status?: 'draft' | 'published';
  data?: Record<string, unknown>;
}

type Ligne = Record<string, unknown> & { id: number; documentId: string };

export function erreurValidation(erreurs: ErreurChamp[]): errors.ValidationError {
  const message =
    erreurs.length === 1
      ? erreurs[0].message
      : `${erreurs.length} erreurs de validation : ${erreurs.map((e) => e.message).join(' ; ')}`;
  return new errors.ValidationError(message, {
    errors: erreurs.map((e) => ({ path: e.chemin, message: e.message, name: 'ValidationError' })),
  });
}

function attributsDe(strapi: Core.Strapi, uid: string): Attributs {
  const modele = strapi.getModel(uid as StrapiUID.Schema);
  return modele.attributes as unknown as Attributs;
}

function avecBrouillons(strapi: Core.Strapi, uid: string): boolean {
  return strapi.getModel(uid as StrapiUID.Schema).options?.draftAndPublish === true;
}

/** The stored draft (or the only version) of a document, with components, relations and media. */
async function versionStockee(strapi: Core.Strapi, uid: string, documentId: string, locale?: string): Promise<Ligne | null> {
  const where: Record<string, unknown> = { documentId };
  if (avecBrouillons(strapi, uid)) where.publishedAt = null;
  if (locale && locale !== '*') where.locale = locale;
  return (await strapi.db.query(uid as StrapiUID.Schema).findOne({
    where,
    populate: populateComplet(strapi, uid),
  })) as Ligne | null;
}

async function autreLocale(strapi: Core.Strapi, uid: string, documentId?: string): Promise<Ligne | null> {
  if (!documentId) return null;
  return (await strapi.db.query(uid as StrapiUID.Schema).findOne({ where: { documentId } })) as Ligne | null;
}

function refsStockees(valeur: unknown): Ref[] {
  if (!valeur) return [];
  const elements = Array.isArray(valeur) ? valeur : [valeur];
  return elements.map((e) => ({ id: (e as Ligne).id, documentId: (e as Ligne).documentId }));
}

/** Resolves refs against the target table: returns the found rows and the refs that match nothing. */
async function trouverCibles(strapi: Core.Strapi, cible: string, refs: Ref[], populate?: Record<string, unknown>, attributs: readonly string[] = []) {
  const documentIds = refs.flatMap((r) => (r.documentId ? [r.documentId] : []));
  // An id that is no integer of the id column (12.5, 1e308) matches nothing: reported below, never sent to the database.
  const ids = refs.flatMap((r) => (r.id !== undefined && !r.documentId && Number.isInteger(r.id) && Math.abs(r.id) <= 2_147_483_647 ? [r.id] : []));
  const lignes = refs.length === 0 ? [] : ((await strapi.db.query(cible as StrapiUID.Schema).findMany({
    select: ['id', 'documentId', ...attributs],
    where: { $or: [{ documentId: { $in: documentIds } }, { id: { $in: ids } }] },
    populate,
  })) as Ligne[]);
  const inconnues = refs.filter((r) => !lignes.some((l) => memeRef(r, { id: l.id, documentId: l.documentId })));
  return { lignes, inconnues };
}

async function construireVue(
  strapi: Core.Strapi,
  uid: string,
  stockee: Ligne | null,
  data: Record<string, unknown>,
  exigerRequis: boolean,
  erreurs: ErreurChamp[],
): Promise<VueDocument> {
  const attributs = attributsDe(strapi, uid);
  const vue: VueDocument = { valeurs: { ...(stockee ?? {}), ...data }, relations: {}, thematiques: {} };
  const champsThematiques = Object.keys(NIVEAUX_THEMATIQUES[uid] ?? {});
  const champsUtiles = new Set([
    ...Object.keys(data).filter((nom) => attributs[nom]?.type === 'relation'),
    ...(exigerRequis ? RELATIONS_REQUISES[uid] ?? [] : []),
    ...(exigerRequis ? champsThematiques : []),
  ]);

  for (const champ of champsUtiles) {
    const attribut = attributs[champ];
    const actuels = refsStockees(stockee?.[champ]);
    const refs = champ in data ? resoudreRelation(data[champ], actuels) : actuels;
    const estThematique = champsThematiques.includes(champ);
    // The attributes of the target that publication reads (collectivité's SIREN…), with its name for the message.
    const lus = exigerRequis ? attributsLusDesCibles(uid, champ) : [];
    const requisCible = lus.length > 0 ? ['nom', ...lus] : [];
    const { lignes, inconnues } = await trouverCibles(
      strapi,
      attribut.target as string,
      refs,
      estThematique ? { parent: { select: ['id'] } } : undefined,
      requisCible,
    );
    if (inconnues.length > 0) {
      const liste = inconnues.map((r) => r.documentId ?? String(r.id)).join(', ');
      erreurs.push({
        chemin: [champ],
        message: `Le champ « ${libelleChamp(strapi, uid, [champ])} » (${champ}) fait référence à un document inexistant : ${liste}.`,
      });
    }
    // Locales of one document count once.
    const uniques = [...new Map(lignes.map((l) => [l.documentId, l])).values()];
    vue.relations[champ] = uniques.map((l) => ({ documentId: l.documentId, ...Object.fromEntries(requisCible.map((a) => [a, l[a]])) }));
    if (estThematique) {
      vue.thematiques[champ] = uniques.map<RefThematique>((l) => ({ documentId: l.documentId, estSousTheme: Boolean(l.parent) }));
    }
  }
  return vue;
}

/** Generates the slug when absent, checks it is free, and keeps it once published. */
async function verifierSlug(
  strapi: Core.Strapi,
  uid: string,
  params: ParamsEcriture,
  stockee: Ligne | null,
  data: Record<string, unknown>,
  erreurs: ErreurChamp[],
): Promise<void> {
  const [champ, attribut] = Object.entries(attributsDe(strapi, uid)).find(([, a]) => a.type === 'uid') ?? [];
  if (!champ || !attribut) return;
  const requete = strapi.db.query(uid as StrapiUID.Schema);
  const autres = { documentId: { $ne: params.documentId ?? '' } };
  const demande = typeof data[champ] === 'string' ? (data[champ] as string).trim() : '';

  if (stockee) {
    if (!(champ in data) || demande === stockee[champ]) return;
    const dejaPublie = !avecBrouillons(strapi, uid) || (await aUneVersionPubliee(strapi, uid, stockee.documentId));
    if (dejaPublie && stockee[champ]) {
      erreurs.push({ chemin: [champ], message: `Le champ « ${libelleChamp(strapi, uid, [champ])} » (${champ}) ne peut plus changer une fois le document publié.` });
      return;
    }
  }

  if (demande === '' && !stockee && params.documentId) {
    // A new locale of an existing document shares its (non-localised) slug.
    const existante = await autreLocale(strapi, uid, params.documentId);
    if (existante?.[champ]) {
      data[champ] = existante[champ];
      return;
    }
  }
  if (demande === '') {
    const source = data[attribut.targetField as string] ?? stockee?.[attribut.targetField as string];
    const base = typeof source === 'string' ? slugifier(source) : '';
    if (!base) return; // the missing source field is reported by the required check
    const pris = (await requete.findMany({ select: [champ], where: { [champ]: { $startsWith: base }, ...autres } })) as Ligne[];
    data[champ] = slugLibre(base, new Set(pris.map((l) => l[champ] as string)));
    return;
  }
  if ((await requete.count({ where: { [champ]: demande, ...autres } })) > 0) {
    erreurs.push({ chemin: [champ], message: `Le champ « ${libelleChamp(strapi, uid, [champ])} » (${champ}) vaut « ${demande} », déjà utilisé par un autre document.` });
  }
}

async function verifierEcriture(strapi: Core.Strapi, uid: string, action: 'create' | 'update', params: ParamsEcriture): Promise<void> {
  const data = { ...(params.data ?? {}) };
  const stockee = action === 'update' && params.documentId ? await versionStockee(strapi, uid, params.documentId, params.locale) : null;
  if (action === 'update' && !stockee && (await autreLocale(strapi, uid, params.documentId)) === null) return; // unknown document: Strapi answers 404
  const exigerRequis = !avecBrouillons(strapi, uid) || params.status === 'published';

  const erreurs: ErreurChamp[] = [];
  await verifierSlug(strapi, uid, params, stockee, data, erreurs);
  const vue = await construireVue(strapi, uid, stockee, data, exigerRequis, erreurs);
  const resultat = validerDonnees(attributsDe(strapi, uid), data, { ...contexte(strapi, uid), exigerRequis }, [], vue.valeurs);
  erreurs.push(...resultat.erreurs, ...reglesMetier(uid, vue, exigerRequis, (chemin) => libelleChamp(strapi, uid, chemin)));
  if (erreurs.length > 0) throw erreurValidation(erreurs);
  params.data = resultat.donnees;
}

export async function verifierPublication(strapi: Core.Strapi, uid: string, params: ParamsEcriture): Promise<void> {
  if (!params.documentId) return;
  const brouillon = await versionStockee(strapi, uid, params.documentId, params.locale);
  if (!brouillon) return; // Strapi reports the missing document
  const erreurs: ErreurChamp[] = [];
  const vue = await construireVue(strapi, uid, brouillon, {}, true, erreurs);
  const resultat = validerDonnees(attributsDe(strapi, uid), brouillon, { ...contexte(strapi, uid), exigerRequis: true });
  erreurs.push(...resultat.erreurs, ...reglesMetier(uid, vue, true, (chemin) => libelleChamp(strapi, uid, chemin)));
  if (erreurs.length > 0) throw erreurValidation(erreurs);
}

function contexte(strapi: Core.Strapi, uid: string) {
  return {
    attributsComposant: (composant: string) => attributsDe(strapi, composant),
    libelle: (chemin: string[]) => libelleChamp(strapi, uid, chemin),
  };
}

export function enregistrerInvariants(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (TYPES_BIBLIOTHEQUE.has(context.uid)) {
      const params = context.params as ParamsEcriture;
      if (context.action === 'create' || context.action === 'update') {
        await verifierEcriture(strapi, context.uid, context.action, params);
      } else if (context.action === 'publish') {
        await verifierPublication(strapi, context.uid, params);
      }
    }
    return next();
  });
}
