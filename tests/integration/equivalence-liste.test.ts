/**
 * Equivalence of the collection reads with Strapi's own path (issue 13: « the JSON of every public
 * read is unchanged »). Generated from the schema the running Strapi serves, for every publicly
 * readable collection type: fixtures with ties, nulls, drafts, missing relations and accent or case
 * variants, then every scalar attribute × every operator of its type, every relation filtered on its
 * target's attributes (one level, and two where the schema has a path), $and / $or / $not, sorts,
 * pagination, populate and fields; REST for three callers, GraphQL for a subset. Each case is answered
 * once through the project's path, once through Strapi's (`avecCheminStrapi`: the 'performance'
 * replacements put back), and the two answers compared: status, `data`, `meta.pagination`, or the error.
 *
 * Order: the project's path orders the ties of a non-unique sort by id, Strapi in any order. Items
 * are compared by groups of equal sort keys: a group whole on the page as a set, a group the page may
 * cut (first one after an offset, last one of a full page) by its keys only; the sequence of keys exactly.
 */
import { api, APPELANTS, enteteAdmin, enteteJeton, graphql, type NomAppelant } from '../helpers/http';
import { avecCheminStrapi, groupesRestaures, requetesSql } from '../helpers/pont';
import { ATTRIBUTS_INTERNES, ATTRIBUTS_RESTREINTS, LECTURE_PUBLIQUE } from '../../src/domaine/visibilite';
import { RELATIONS_REQUISES, VALEURS_REQUISES, VALEURS_REQUISES_SI } from '../../src/domaine/regles-metier';
import { sirenValide } from '../../src/domaine/siren';

const APPELANTS_REST: NomAppelant[] = ['anonyme', 'membre', 'jetonLecture'];
/**
 * EQUIVALENCE_COMPLETE=1: every operator on every attribute, every case for the three callers (about
 * 2,000 cases, minutes). By default, the run `npm test` makes: every operator on one attribute of each
 * kind (text, number, date, enumeration, boolean) of each type and the usual ones on the others; the
 * read-only token (same visibility rules as a member, another authentication) on one case in three.
 */
const COMPLET = process.env.EQUIVALENCE_COMPLETE === '1';
/** Kind of an attribute: operators are translated by kind of column, not by attribute. */
const genre = (type: string) => (TEXTES_SIMPLES.includes(type) ? 'texte' : NUMERIQUES.includes(type) ? 'nombre' : DATEES.includes(type) ? 'date' : type);
/** Unique to this run: every case is scoped to the documents whose title starts with it. */
const PREFIXE = `Eqv${Date.now().toString(36)}`;
/** Accent and case variants, with repeats: ties on every sort, matches for $containsi / $eqi. */
const MOTS = ['École', 'école', 'ECOLE', 'Ecole', 'Santé', 'santé', 'Mobilité', 'Zèbre', 'abeille', 'Abeille', 'Santé', 'Énergie'];
const NOMBRES = [3, 1, null, 3, 2.5, 10, 0, 7, 3, null, 12, 1];
const DATES = ['2024-01-15', '2023-06-01', null, '2024-01-15', '2022-12-31', '2025-03-02', null, '2024-01-15', '2023-06-01', '2021-01-01', '2024-07-14', '2020-02-29'];
const TEXTES_SIMPLES = ['string', 'text', 'richtext', 'email', 'uid'];
const NUMERIQUES = ['integer', 'float', 'decimal', 'biginteger'];
const DATEES = ['date', 'datetime'];
const SCALAIRES = [...TEXTES_SIMPLES, ...NUMERIQUES, ...DATEES, 'enumeration', 'boolean'];
/** Strings checked by format (addresses, identifiers): their values come from FORMATS, not from MOTS. */
const FORMAT_CONTROLE = /url|lien|site|siren|siret|logo|code/i;

interface Attribut {
  type: string;
  private?: boolean;
  target?: string;
  relation?: string;
  mappedBy?: string;
  inversedBy?: string;
  required?: boolean;
  enum?: string[];
  min?: number;
  max?: number;
}
interface Type {
  uid: string;
  pluriel: string;
  singulier: string;
  brouillons: boolean;
  attributs: Record<string, Attribut>;
  /** The first required string: names the documents (scope of every case, ties on purpose). */
  titre: string;
}
type Json = Record<string, unknown>;
type Tri = string[];

/** A case: a query on a type, for REST (an object serialised in brackets) or GraphQL. */
interface Cas {
  nom: string;
  type: Type;
  famille: string;
  /** Sort paths (attribute, or relation.attribute), in order: how ties are recognised. */
  tri: Tri;
  rest?: Json;
  graphql?: { requete: string; champ: string; fenetre: { debut: number; taille?: number } };
}
interface Reponse {
  status: number;
  corps: any;
  cache?: string;
}

const modeles = new Map<string, Type>();
/** Documents this file wrote, by type (documentId), for the cleanup and for relations. */
const crees = new Map<string, Array<{ documentId: string; publie: boolean; racine: boolean }>>();
/** What each type holds, published, as the full-access token reads it: the operands of the cases. */
const verite = new Map<string, Json[]>();

const camel = (s: string) => s.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
const publics = () => [...modeles.values()].filter((t) => LECTURE_PUBLIQUE.includes(t.uid));
const estInterne = (t: Type, nom: string) => (ATTRIBUTS_INTERNES[t.uid] ?? []).includes(nom);
const estRestreint = (t: Type, nom: string) => (ATTRIBUTS_RESTREINTS[t.uid] ?? []).includes(nom);
/** Attributes the cases filter, sort and select: the scalars, Restreint ones included (400 for who may not read them). */
const scalaires = (t: Type) => Object.entries(t.attributs).filter(([nom, a]) => SCALAIRES.includes(a.type) && (!a.private || estRestreint(t, nom)) && !estInterne(t, nom));
/** Relations of the content API: towards another public type, not the internal ones. */
const relationsDe = (t: Type) =>
  Object.entries(t.attributs).filter(([nom, a]) => a.type === 'relation' && !!a.target && modeles.has(a.target) && LECTURE_PUBLIQUE.includes(a.target) && (!a.private || estRestreint(t, nom)));

/** Brackets serialisation of a query object (`filters[a][$in][0]=x`), as Strapi's qs reads it. */
function serialiser(objet: Json): string {
  const paires: string[] = [];
  const parcourir = (valeur: unknown, cle: string) => {
    if (valeur === undefined) return;
    if (Array.isArray(valeur)) valeur.forEach((v, i) => parcourir(v, `${cle}[${i}]`));
    else if (valeur !== null && typeof valeur === 'object') for (const [k, v] of Object.entries(valeur)) parcourir(v, cle ? `${cle}[${k}]` : k);
    else paires.push(`${encodeURIComponent(cle)}=${encodeURIComponent(String(valeur))}`);
  };
  parcourir(objet, '');
  return paires.join('&');
}

/** A GraphQL input literal from the REST shape of filters (`$eq` → `eq`), values typed by the schema. */
function litteral(valeur: unknown): string {
  if (Array.isArray(valeur)) return `[${valeur.map(litteral).join(', ')}]`;
  if (valeur !== null && typeof valeur === 'object')
    return `{ ${Object.entries(valeur)
      .map(([k, v]) => `${k.replace(/^\$/, '')}: ${litteral(v)}`)
      .join(', ')} }`;
  return JSON.stringify(valeur);
}

// ---------------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------------

function sirenNumero(n: number): string {
  const base = String(90000000 + n).padStart(8, '0');
  for (let cle = 0; cle < 10; cle += 1) if (sirenValide(`${base}${cle}`)) return `${base}${cle}`;
  throw new Error('SIREN introuvable');
}

/** The value of a scalar attribute for the i-th document of a type (null when the attribute stays empty). */
function valeurScalaire(t: Type, nom: string, a: Attribut, i: number, variante: number): unknown {
  const requis = a.required || (VALEURS_REQUISES[t.uid] ?? []).includes(nom);
  const mot = MOTS[(i + variante) % MOTS.length]!;
  if (nom === t.titre) return `${PREFIXE} ${mot}${variante ? ' bis' : ''}`;
  if (a.type === 'uid') return requis || i % 3 !== 2 ? `${PREFIXE.toLowerCase()}-${t.singulier}-${i}${variante ? '-bis' : ''}` : null;
  if (TEXTES_SIMPLES.includes(a.type) && FORMAT_CONTROLE.test(nom)) {
    if (i % 3 === 2 && !requis && nom !== 'siren') return null;
    // A collectivité without SIREN cannot carry a published projet (ATTRIBUTS_REQUIS_DES_RELATIONS).
    if (nom === 'siren') return sirenNumero(i + (t.uid.includes('collectivite') ? 0 : 50));
    if (/code/i.test(nom)) return ['81', '31', '69'][i % 3];
    if (nom === 'siret') return null;
    return `https://exemple-${i % 3}.fr/${t.singulier}`;
  }
  if (a.type === 'email') return i % 3 === 2 ? null : `contact-${i % 4}@exemple.fr`;
  if (TEXTES_SIMPLES.includes(a.type)) return !requis && i % 4 === 2 ? null : `${mot} ${i % 2 ? 'données ouvertes' : 'Données'} ${nom}`;
  if (NUMERIQUES.includes(a.type)) {
    const n = NOMBRES[(i + variante) % NOMBRES.length] ?? (requis ? 0 : null);
    if (n === null) return null;
    const entier = a.type === 'integer' || a.type === 'biginteger' ? Math.round(n) : n;
    return Math.min(a.max ?? Infinity, Math.max(a.min ?? -Infinity, entier));
  }
  if (DATEES.includes(a.type)) {
    const date = DATES[(i + variante) % DATES.length] ?? (requis ? '2024-02-02' : null);
    return date && a.type === 'datetime' ? `${date}T${i % 2 ? '10:00:00' : '08:30:00'}.000Z` : date;
  }
  if (a.type === 'enumeration') {
    if (!requis && i % 4 === 1) return null;
    // Few values, so that they tie; « abandonne » would require a motif to publish.
    const possibles = a.enum!.filter((v) => !(VALEURS_REQUISES_SI[t.uid] ?? []).some((r) => r.si === nom && r.vaut === v));
    return possibles[(i + variante) % Math.min(3, possibles.length)];
  }
  if (a.type === 'boolean') return i % 3 === 2 ? null : i % 3 === 0;
  return undefined;
}

/** What a rule of the project requires of a relation's targets, learnt from its refusals: roots (no parent), the others, or none. */
type Contrainte = 'racine' | 'feuille' | 'aucune';
const CONTRAINTES: Contrainte[] = ['racine', 'feuille', 'aucune'];

/** The owning relations of the i-th document: towards this run's documents; some left empty unless publication requires them. */
function valeursRelations(t: Type, i: number, publie: boolean, contraintes: Record<string, Contrainte>): Json {
  const donnees: Json = {};
  for (const [nom, a] of relationsDe(t)) {
    if (a.mappedBy) continue;
    const requise = publie && (RELATIONS_REQUISES[t.uid] ?? []).includes(nom);
    const contrainte = contraintes[nom];
    if (contrainte === 'aucune') continue;
    // A self relation (thématique → parent) points to a root: one level, as the rules require.
    const cibles = (crees.get(a.target!) ?? []).filter(
      (d) => (!publie || d.publie || !requise) && (a.target !== t.uid || d.racine) && (contrainte === undefined || d.racine === (contrainte === 'racine')),
    );
    if (cibles.length === 0 || (!requise && i % 4 === 3)) continue;
    const un = cibles[(i * 7 + nom.length) % cibles.length]!.documentId;
    const deux = cibles[(i * 7 + nom.length + 1) % cibles.length]!.documentId;
    donnees[nom] = a.relation?.endsWith('ToOne') ? un : i % 2 && !contrainte ? [un, deux] : [un];
  }
  return donnees;
}

/**
 * Writes a document with relations; when a rule of the project refuses some of them (a thématique
 * principale must be a root, sous-thématiques must not), tries roots, then the others, then none.
 */
async function ecrireAvecRelations(methode: 'post' | 'put', chemin: string, status: 'published' | 'draft', data: Json, t: Type, i: number): Promise<{ documentId: string; liens: Json }> {
  const contraintes: Record<string, Contrainte> = {};
  for (let essai = 0; ; essai += 1) {
    const liens = valeursRelations(t, i, status === 'published', contraintes);
    const reponse = await api()
      [methode](chemin)
      .set(enteteJeton())
      .query({ status })
      .send({ data: { ...data, ...liens } });
    if (reponse.status === 200 || reponse.status === 201) return { documentId: reponse.body.data.documentId, liens };
    const refusees = ((reponse.body?.error?.details?.errors ?? []) as Array<{ path: string[] }>).map((e) => e.path[0]!).filter((nom) => nom in liens);
    if (refusees.length === 0 || essai > 6) throw new Error(`${methode} ${chemin} : ${reponse.status} ${JSON.stringify(reponse.body)}`);
    for (const nom of refusees) contraintes[nom] = CONTRAINTES[CONTRAINTES.indexOf(contraintes[nom]!) + 1] ?? 'aucune';
  }
}

/** Creation order: a type after the targets of its owning relations (a self relation points to earlier documents). */
function ordreDeCreation(): Type[] {
  const ordre: Type[] = [];
  const visiter = (t: Type, chemin: Set<string>) => {
    if (ordre.includes(t) || chemin.has(t.uid)) return;
    chemin.add(t.uid);
    for (const [, a] of relationsDe(t)) if (!a.mappedBy && a.target !== t.uid) visiter(modeles.get(a.target!)!, chemin);
    ordre.push(t);
  };
  for (const t of publics()) visiter(t, new Set());
  return ordre;
}

const NOMBRE_DOCUMENTS = 12;

async function creerDonnees(): Promise<void> {
  for (const t of ordreDeCreation()) {
    const liste: Array<{ documentId: string; publie: boolean; racine: boolean }> = [];
    crees.set(t.uid, liste);
    for (let i = 0; i < NOMBRE_DOCUMENTS; i += 1) {
      // Draft & publish: one in four never published, one in four published then edited as a draft.
      const publie = !t.brouillons || i % 4 !== 1;
      const data: Json = {};
      for (const [nom, a] of scalaires(t)) {
        const v = valeurScalaire(t, nom, a, i, 0);
        if (v !== undefined && v !== null) data[nom] = v;
      }
      // A ressource in three is for members only.
      if ('acces' in t.attributs) data.acces = i % 3 === 0 ? 'membres' : 'public';
      const { documentId, liens } = await ecrireAvecRelations('post', `/api/${t.pluriel}`, publie ? 'published' : 'draft', data, t, i);
      const racine = relationsDe(t).every(([nom, a]) => a.target !== t.uid || !(nom in liens));
      liste.push({ documentId, publie, racine });
      if (t.brouillons && i % 4 === 2) {
        const edition: Json = {};
        // The slug of a published document is frozen; every other value changes in the draft.
        for (const [nom, a] of scalaires(t)) if (a.type !== 'uid') edition[nom] = valeurScalaire(t, nom, a, i, 1) ?? null;
        await ecrireAvecRelations('put', `/api/${t.pluriel}/${documentId}`, 'draft', edition, t, i + 1);
      }
    }
  }
}

/** Published documents of this run, as a full-access token reads them (populate=*), by type. */
async function lireVerite(): Promise<void> {
  for (const t of publics()) {
    const reponse = await api()
      .get(`/api/${t.pluriel}`)
      .set(enteteJeton())
      .query(serialiser({ filters: { [t.titre]: { $startsWith: PREFIXE } }, populate: '*', pagination: { pageSize: 100 }, status: 'published' }));
    if (reponse.status !== 200) throw new Error(`${t.pluriel} : ${reponse.status} ${reponse.text}`);
    verite.set(t.uid, reponse.body.data);
  }
}

// ---------------------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------------------

const portee = (t: Type): Json => ({ [t.titre]: { $startsWith: PREFIXE } });
const avecPortee = (t: Type, filtre: Json): Json => ({ $and: [portee(t), filtre] });

/** Non-null values of an attribute among the published documents, the most frequent first. */
function valeursDe(uid: string, nom: string): unknown[] {
  const compte = new Map<string, { v: unknown; n: number }>();
  for (const d of verite.get(uid) ?? []) {
    const v = d[nom];
    if (v === null || v === undefined || typeof v === 'object') continue;
    const cle = JSON.stringify(v);
    compte.set(cle, { v, n: (compte.get(cle)?.n ?? 0) + 1 });
  }
  return [...compte.values()].sort((a, b) => b.n - a.n || String(a.v).localeCompare(String(b.v))).map((x) => x.v);
}

const basculerCasse = (s: string) => [...s].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
const milieu = (s: string) => s.slice(Math.floor(s.length / 3), Math.max(Math.floor(s.length / 3) + 3, Math.floor((2 * s.length) / 3)));

/** Conditions on one attribute: each operator of its type, operands drawn from the data. */
function conditions(type: string, valeurs: unknown[], titre: boolean): Array<[string, Json]> {
  const [v1, v2] = valeurs;
  const tries = [...valeurs].sort((a, b) => (a! < b! ? -1 : a! > b! ? 1 : 0));
  const median = tries[Math.floor(tries.length / 2)];
  const liste: Array<[string, Json]> = [
    ['$null', { $null: true }],
    ['$notNull', { $notNull: true }],
  ];
  if (v1 === undefined) return liste;
  liste.push(['$eq', { $eq: v1 }], ['$ne', { $ne: v1 }], ['$in', { $in: v2 === undefined ? [v1] : [v1, v2] }], ['$notIn', { $notIn: [v1] }]);
  if (type === 'boolean' || type === 'enumeration') return liste;
  liste.push(['$lt', { $lt: median }], ['$lte', { $lte: median }], ['$gt', { $gt: median }], ['$gte', { $gte: median }], ['$between', { $between: [tries[0], median] }]);
  if (!TEXTES_SIMPLES.includes(type)) return liste;
  const s = String(v1);
  // The title starts with the prefix on every document: its operands are taken after it.
  const mot = titre ? s.slice(PREFIXE.length + 1) : milieu(s);
  liste.push(
    ['$contains', { $contains: mot }],
    ['$containsi', { $containsi: basculerCasse(mot) }],
    ['$notContains', { $notContains: mot }],
    ['$notContainsi', { $notContainsi: basculerCasse(mot) }],
    ['$startsWith', { $startsWith: s.slice(0, titre ? PREFIXE.length + 3 : 4) }],
    ['$startsWithi', { $startsWithi: basculerCasse(s.slice(0, titre ? PREFIXE.length + 3 : 4)) }],
    ['$endsWith', { $endsWith: s.slice(-4) }],
    ['$endsWithi', { $endsWithi: basculerCasse(s.slice(-4)) }],
    ['$eqi', { $eqi: basculerCasse(s) }],
    ['$nei', { $nei: basculerCasse(s) }],
  );
  return liste;
}

/** The operators tried on every attribute (the others on one attribute of each column type). */
const OPERATEURS_USUELS = COMPLET ? ['$eq', '$ne', '$in', '$null', '$notNull', '$containsi', '$gt'] : ['$eq', '$null', '$containsi', '$gt'];

/** System attributes every type has, filtered and sorted like the others. */
const SYSTEME: Array<[string, Attribut]> = [
  ['documentId', { type: 'string' }],
  ['createdAt', { type: 'datetime' }],
  ['publishedAt', { type: 'datetime' }],
];

function casRest(t: Type): Cas[] {
  const cas: Cas[] = [];
  const ajouter = (famille: string, nom: string, rest: Json, tri: Tri = []) => cas.push({ nom: `${t.pluriel} ${famille} ${nom}`, type: t, famille, tri, rest });
  // Scalars × operators.
  // Every operator on the first attribute of each column type (string, text, number, date…), the
  // usual ones on the others: the operators are translated by column type, not by attribute.
  const representes = new Set<string>();
  for (const [nom, a] of [...scalaires(t), ...SYSTEME]) {
    const valeurs = valeursDe(t.uid, nom);
    const complet = COMPLET || (!representes.has(genre(a.type)) && nom !== 'documentId');
    representes.add(genre(a.type));
    const ops = conditions(a.type, valeurs, nom === t.titre).filter(([op]) => complet || OPERATEURS_USUELS.includes(op));
    for (const [op, condition] of ops) ajouter('filtre', `${nom} ${op}`, { filters: avecPortee(t, { [nom]: condition }) });
  }
  // Relations: on the target's attributes, and their absence; then one more level.
  for (const [rel, a] of relationsDe(t)) {
    const cible = modeles.get(a.target!)!;
    ajouter('relation', `${rel}.id $null`, { filters: avecPortee(t, { [rel]: { id: { $null: true } } }) });
    if (COMPLET) ajouter('relation', `${rel}.id $notNull`, { filters: avecPortee(t, { [rel]: { id: { $notNull: true } } }) });
    // The target's title, and one attribute of another column type.
    const autre = scalaires(cible).find(([nom, b]) => nom !== cible.titre && ['enumeration', 'integer', 'date', 'datetime', 'boolean'].includes(b.type));
    for (const [nom, b] of [[cible.titre, cible.attributs[cible.titre]!] as const, ...(autre ? [autre] : [])]) {
      const valeurs = valeursDe(cible.uid, nom);
      for (const [op, condition] of conditions(b.type, valeurs, nom === cible.titre).filter(([op]) =>
        (nom === cible.titre ? ['$eq', '$containsi', ...(COMPLET ? ['$notIn'] : [])] : COMPLET ? ['$in'] : []).includes(op),
      )) {
        ajouter('relation', `${rel}.${nom} ${op}`, { filters: avecPortee(t, { [rel]: { [nom]: condition } }) });
      }
    }
    relationsDe(cible).forEach(([rel2, b], k) => {
      if (!COMPLET && k > 1) return;
      const cible2 = modeles.get(b.target!)!;
      const [v] = valeursDe(cible2.uid, cible2.titre);
      ajouter('relation2', `${rel}.${rel2}.${cible2.titre} $containsi`, {
        filters: avecPortee(t, { [rel]: { [rel2]: { [cible2.titre]: { $containsi: String(v ?? PREFIXE).slice(PREFIXE.length + 1) } } } }),
      });
      if (k === 0) ajouter('relation2', `${rel}.${rel2}.id $null`, { filters: avecPortee(t, { [rel]: { [rel2]: { id: { $null: true } } } }) });
    });
  }
  // Logical combinations.
  const [nomA, a] = scalaires(t).find(([nom]) => nom !== t.titre && valeursDe(t.uid, nom).length > 0) ?? [t.titre, t.attributs[t.titre]!];
  const [va] = valeursDe(t.uid, nomA);
  const [vt] = valeursDe(t.uid, t.titre);
  const relation = relationsDe(t)[0];
  ajouter('logique', '$or', { filters: avecPortee(t, { $or: [{ [nomA]: { $eq: va } }, { [t.titre]: { $eq: vt } }] }) });
  ajouter('logique', '$or avec $null', { filters: avecPortee(t, { $or: [{ [nomA]: { $null: true } }, { [t.titre]: { $containsi: 'É' } }] }) });
  ajouter('logique', '$not', { filters: avecPortee(t, { $not: { [nomA]: { $eq: va } } }) });
  ajouter('logique', '$and imbriqué dans $or', { filters: { $or: [{ $and: [portee(t), { [nomA]: { $ne: va } }] }, { $and: [portee(t), { [t.titre]: { $eqi: basculerCasse(String(vt)) } }] }] } });
  if (a.type !== 'boolean') ajouter('logique', '$not $or', { filters: avecPortee(t, { $not: { $or: [{ [nomA]: { $null: true } }, { [t.titre]: { $endsWith: 'e' } }] } }) });
  if (relation) {
    const [rel, r] = relation;
    const cible = modeles.get(r.target!)!;
    const [vc] = valeursDe(cible.uid, cible.titre);
    ajouter('logique', `$or relation ${rel}`, { filters: avecPortee(t, { $or: [{ [rel]: { [cible.titre]: { $eq: vc } } }, { [nomA]: { $eq: va } }] }) });
    ajouter('logique', `$not relation ${rel}`, { filters: avecPortee(t, { $not: { [rel]: { [cible.titre]: { $eq: vc } } } }) });
  }
  // Sorts: every sortable scalar, both ways; several keys; the first relation to one whose target has no drafts.
  const triesDesc = new Set<string>();
  for (const [nom, a] of [...scalaires(t), ['createdAt', SYSTEME[1]![1]] as const]) {
    ajouter('tri', `${nom}:asc`, { filters: portee(t), sort: `${nom}:asc` }, [nom]);
    if (COMPLET || !triesDesc.has(genre(a.type))) ajouter('tri', `${nom}:desc`, { filters: portee(t), sort: `${nom}:desc` }, [nom]);
    triesDesc.add(genre(a.type));
  }
  const enumeration = scalaires(t).find(([, b]) => b.type === 'enumeration' || b.type === 'boolean')?.[0] ?? nomA;
  ajouter('tri', `${enumeration},${t.titre}:desc`, { filters: portee(t), sort: [`${enumeration}:asc`, `${t.titre}:desc`] }, [enumeration, t.titre]);
  ajouter('tri', `${t.titre},id:desc`, { filters: portee(t), sort: `${t.titre}:asc,id:desc` }, [t.titre, 'id']);
  for (const [rel, r] of relationsDe(t).filter(([, r]) => r.relation?.endsWith('ToOne'))) {
    const cible = modeles.get(r.target!)!;
    ajouter('tri', `${rel}.${cible.titre}`, { filters: portee(t), sort: `${rel}.${cible.titre}:asc`, populate: { [rel]: { fields: [cible.titre] } } }, [`${rel}.${cible.titre}`]);
  }
  // Pagination, on a unique order and on a tied one.
  const total = (verite.get(t.uid) ?? []).length;
  const dernierePage = Math.max(1, Math.ceil(total / 5));
  for (const [tri, cles] of [
    [`id:asc`, ['id']],
    [`${t.titre}:asc`, [t.titre]],
  ] as const) {
    const p = (nom: string, pagination: Json) => ajouter('pagination', `${nom} (${tri})`, { filters: portee(t), sort: tri, pagination }, [...cles]);
    p('page 2', { page: 2, pageSize: 5 });
    p('start/limit', { start: 3, limit: 4 });
    if (tri !== 'id:asc') continue;
    p('page 1', { page: 1, pageSize: 5 });
    p('dernière page', { page: dernierePage, pageSize: 5 });
    p('au-delà', { page: dernierePage + 2, pageSize: 5 });
    p('pageSize 1', { page: 3, pageSize: 1 });
    p('start au-delà', { start: total + 3, limit: 4 });
    p('withCount=false', { page: 2, pageSize: 4, withCount: false });
    p('start withCount=false', { start: 2, limit: 3, withCount: false });
  }
  ajouter('pagination', 'sans tri ni pagination', { filters: portee(t) });
  // Populate and fields.
  ajouter('populate', '*', { filters: portee(t), populate: '*' });
  relationsDe(t).forEach(([rel, r], k) => {
    const cible = modeles.get(r.target!)!;
    ajouter('populate', `${rel} fields+sort`, { filters: portee(t), populate: { [rel]: { fields: [cible.titre], sort: `${cible.titre}:desc` } } });
    if (k > 1) return;
    ajouter('populate', rel, { filters: portee(t), populate: [rel] });
    ajouter('populate', `${rel} filters`, { filters: portee(t), populate: { [rel]: { filters: { [cible.titre]: { $containsi: 'é' } } } } });
    const suivante = relationsDe(cible)[0];
    if (suivante) ajouter('populate', `${rel}.${suivante[0]}`, { filters: portee(t), populate: { [rel]: { populate: [suivante[0]] } } });
  });
  ajouter('fields', t.titre, { filters: portee(t), fields: [t.titre] });
  ajouter('fields', 'tous les scalaires', { filters: portee(t), fields: scalaires(t).map(([nom]) => nom) });
  ajouter('fields', `${t.titre}+populate *`, { filters: portee(t), fields: [t.titre, nomA], populate: '*', sort: `${nomA}:desc` }, [nomA]);
  // Refused shapes: unknown attribute, unknown operator, too deep.
  ajouter('refus', 'attribut inconnu', { filters: avecPortee(t, { attributInconnu: { $eq: 'x' } }) });
  ajouter('refus', 'opérateur inconnu', { filters: avecPortee(t, { [t.titre]: { $egal: 'x' } }) });
  ajouter('refus', 'tri inconnu', { filters: portee(t), sort: 'attributInconnu:asc' });
  return cas;
}

/** GraphQL: a subset (filters, a relation, sort and pagination), each selecting relations (the batched loads). */
function casGraphql(t: Type): Cas[] {
  const cas: Cas[] = [];
  const champ = camel(t.pluriel);
  const simples = scalaires(t)
    .filter(([nom]) => !estRestreint(t, nom))
    .map(([nom]) => nom);
  const selection = [
    'documentId',
    ...simples,
    ...relationsDe(t)
      .filter(([nom]) => !estRestreint(t, nom))
      .map(([nom, r]) => `${nom} { documentId ${modeles.get(r.target!)!.titre} }`),
  ].join(' ');
  const ajouter = (nom: string, filtres: Json, tri: Tri, pagination: { page?: number; pageSize?: number; start?: number; limit?: number } = {}) => {
    const args = [
      `filters: ${litteral(filtres)}`,
      tri.length ? `sort: ${litteral(tri.map((c, i) => `${c}:${i % 2 ? 'desc' : 'asc'}`))}` : '',
      Object.keys(pagination).length ? `pagination: ${litteral(pagination)}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    const taille = pagination.pageSize ?? pagination.limit;
    const debut = pagination.start ?? (pagination.page && taille ? (pagination.page - 1) * taille : 0);
    cas.push({ nom: `GraphQL ${champ} ${nom}`, type: t, famille: 'graphql', tri, graphql: { requete: `{ ${champ}(${args}) { ${selection} } }`, champ, fenetre: { debut, taille: taille ?? 10 } } });
  };
  ajouter('portée', portee(t), [t.titre]);
  ajouter('page 2', portee(t), ['id'], { page: 2, pageSize: 4 });
  ajouter('start/limit', portee(t), [t.titre], { start: 2, limit: 5 });
  for (const [nom, a] of scalaires(t)
    .filter(([nom]) => !estRestreint(t, nom))
    .slice(0, 3)) {
    for (const [op, condition] of conditions(a.type, valeursDe(t.uid, nom), nom === t.titre).filter(([op]) => ['$eq', '$containsi', '$null'].includes(op))) {
      ajouter(`${nom} ${op}`, avecPortee(t, { [nom]: condition }), [nom]);
    }
  }
  for (const [rel, r] of relationsDe(t)
    .filter(([nom]) => !estRestreint(t, nom))
    .slice(0, 3)) {
    const cible = modeles.get(r.target!)!;
    const [v] = valeursDe(cible.uid, cible.titre);
    if (v !== undefined) ajouter(`${rel}.${cible.titre} $eq`, avecPortee(t, { [rel]: { [cible.titre]: { $eq: v } } }), ['id']);
    ajouter(`$or ${rel} $null`, avecPortee(t, { $or: [{ [rel]: { id: { $null: true } } }, { [t.titre]: { $containsi: 'é' } }] }), [t.titre, 'id']);
  }
  return cas;
}

// ---------------------------------------------------------------------------------------------------
// Running and comparing
// ---------------------------------------------------------------------------------------------------

/** Runs the promises made by `taches` with at most `parallele` at a time, results in order. */
async function enParallele<T>(taches: Array<() => Promise<T>>, parallele: number): Promise<T[]> {
  const resultats: T[] = new Array(taches.length);
  let suivante = 0;
  await Promise.all(
    Array.from({ length: parallele }, async () => {
      while (suivante < taches.length) {
        const i = suivante++;
        resultats[i] = await taches[i]!();
      }
    }),
  );
  return resultats;
}

async function executer(c: Cas, appelant: NomAppelant): Promise<Reponse> {
  const entete = APPELANTS[appelant]();
  const r = c.rest
    ? await api()
        .get(`/api/${c.type.pluriel}?${serialiser(c.rest)}`)
        .set(entete)
    : await graphql(c.graphql!.requete, {}, entete);
  return { status: r.status, corps: r.body, cache: r.headers['x-cache'] };
}

/** The callers a case is read by (see COMPLET). */
const appelantsDu = (i: number): NomAppelant[] => (COMPLET || i % 3 === 0 ? APPELANTS_REST : APPELANTS_REST.filter((a) => a !== 'jetonLecture'));
/** The requests of a pass: each case for each of its callers. */
const requetes = (cas: Cas[]) => cas.flatMap((c, i) => appelantsDu(i).map((appelant) => ({ c, appelant })));
/** Every request in one pass (the bridge switches the whole Strapi: one switch per pass). */
const passe = (cas: Cas[]) =>
  enParallele(
    requetes(cas).map(
      ({ c, appelant }) =>
        () =>
          executer(c, appelant),
    ),
    4,
  );

const valeurDeChemin = (item: any, chemin: string) => chemin.split('.').reduce((v, cle) => (v === null || v === undefined ? v : v[cle]), item);

/** What must be equal, and the items, of one answer. */
function essentiel(c: Cas, r: Reponse): { entete: unknown; items: any[] | null; debut: number; complete: boolean } {
  if (c.graphql) {
    const items = r.corps?.data?.[c.graphql.champ] ?? null;
    const { debut, taille } = c.graphql.fenetre;
    return { entete: { status: r.status, errors: r.corps?.errors?.map((e: any) => e.message) }, items, debut, complete: !items || taille === undefined || items.length < taille };
  }
  if (r.status !== 200) return { entete: { status: r.status, error: r.corps?.error }, items: null, debut: 0, complete: true };
  const pagination = r.corps?.meta?.pagination ?? {};
  const debut = pagination.start ?? (pagination.page ? (pagination.page - 1) * pagination.pageSize : 0);
  const taille = pagination.limit ?? pagination.pageSize;
  const items: any[] = r.corps.data;
  const complete = pagination.total !== undefined ? debut + items.length >= pagination.total : items.length < taille;
  return { entete: { status: r.status, pagination }, items, debut, complete };
}

/**
 * Differences between the project's answer and Strapi's: exact on the status, the error, the
 * pagination; items by groups of equal sort keys (see the header).
 */
function comparer(c: Cas, projet: Reponse, strapi: Reponse): string | null {
  const a = essentiel(c, projet);
  const b = essentiel(c, strapi);
  if (JSON.stringify(a.entete) !== JSON.stringify(b.entete)) return `entête ${JSON.stringify(a.entete)} ≠ Strapi ${JSON.stringify(b.entete)}`;
  if (a.items === null || b.items === null) return a.items === b.items ? null : 'données présentes d’un côté seulement';
  if (a.items.length !== b.items.length) return `${a.items.length} éléments ≠ Strapi ${b.items.length}`;
  const cle = (item: any) => JSON.stringify(c.tri.map((chemin) => valeurDeChemin(item, chemin)));
  const clesA = a.items.map(cle);
  const clesB = b.items.map(cle);
  if (JSON.stringify(clesA) !== JSON.stringify(clesB)) return `ordre des clés ${clesA.join(' ')} ≠ Strapi ${clesB.join(' ')}`;
  for (let debut = 0; debut < clesA.length; ) {
    let fin = debut;
    while (fin + 1 < clesA.length && clesA[fin + 1] === clesA[debut]) fin += 1;
    const coupe = (debut === 0 && a.debut > 0) || (fin === clesA.length - 1 && !a.complete);
    if (!coupe) {
      const groupe = (items: any[]) =>
        items
          .slice(debut, fin + 1)
          .map((i) => JSON.stringify(i))
          .sort();
      const ga = groupe(a.items);
      const gb = groupe(b.items);
      if (JSON.stringify(ga) !== JSON.stringify(gb)) return `ex aequo ${clesA[debut]} : ${ga.join(' ')} ≠ Strapi ${gb.join(' ')}`;
    }
    debut = fin + 1;
  }
  return null;
}

/** A write outside the scope of every case: the anonymous response cache keeps nothing from one pass for the other. */
async function avancerGeneration(): Promise<void> {
  const t = publics().find((x) => x.brouillons)!;
  const data: Json = {};
  for (const [nom, a] of scalaires(t)) if (a.required) data[nom] = valeurScalaire(t, nom, a, 0, 0);
  data[t.titre] = `Hors portée ${PREFIXE}`;
  const { documentId } = await ecrireAvecRelations('post', `/api/${t.pluriel}`, 'draft', data, t, 3);
  await api().delete(`/api/${t.pluriel}/${documentId}`).set(enteteJeton());
}

// ---------------------------------------------------------------------------------------------------

/**
 * Cases generated by family on today's schema (nine types), less a margin: a schema or generator change
 * that drops cases fails here. Today 1,296 cases by default (2,998 requests a pass), 1,943 with EQUIVALENCE_COMPLETE=1.
 */
const PLANCHERS: Record<string, number> = { filtre: 600, relation: 60, relation2: 52, logique: 56, tri: 126, pagination: 98, populate: 62, fields: 25, refus: 25, graphql: 128 };
const PLANCHERS_COMPLETS: Record<string, number> = { filtre: 1100, relation: 120, relation2: 80, logique: 55, tri: 150, pagination: 100, populate: 60, fields: 25, refus: 25, graphql: 130 };

let tousLesCas: Cas[] = [];

beforeAll(async () => {
  const types = (await api().get('/content-type-builder/content-types').set(enteteAdmin())).body.data as Array<{ uid: string; schema: any }>;
  for (const { uid, schema } of types) {
    if (!uid.startsWith('api::') || schema.kind !== 'collectionType') continue;
    const titre = Object.entries(schema.attributes as Record<string, Attribut>).find(([, a]) => a.type === 'string' && a.required)?.[0];
    if (!titre) continue;
    modeles.set(uid, { uid, pluriel: schema.pluralName, singulier: schema.singularName, brouillons: schema.draftAndPublish === true, attributs: schema.attributes, titre });
  }
  await creerDonnees();
  await lireVerite();
  tousLesCas = publics().flatMap((t) => [...casRest(t), ...casGraphql(t)]);
  // One answer per URL and caller: a repeated anonymous read would be served by the response cache.
  const vus = new Set<string>();
  tousLesCas = tousLesCas.filter((c) => {
    const cle = `${c.type.pluriel} ${c.rest ? serialiser(c.rest) : c.graphql!.requete}`;
    if (vus.has(cle)) return false;
    vus.add(cle);
    return true;
  });
}, 180000);

afterAll(async () => {
  expect(groupesRestaures()).toBeNull();
  for (const t of [...ordreDeCreation()].reverse()) {
    for (const { documentId } of crees.get(t.uid) ?? []) await api().delete(`/api/${t.pluriel}/${documentId}`).set(enteteJeton());
  }
}, 120000);

describe('Équivalence des lectures de collections avec le chemin de Strapi', () => {
  it('le pont remet les fonctions de Strapi, et toujours les replace, même après un échec', async () => {
    expect(groupesRestaures()).toBeNull();
    const projets = modeles.get('api::projet.projet')!;
    const requete = `{ projets(filters: { nom: { startsWith: "${PREFIXE}" } }) { nom collectivite { nom } publics { nom } } }`;
    const projet = await requetesSql(() => graphql(requete, {}, APPELANTS.membre()));
    const strapi = await avecCheminStrapi(async (changees) => {
      expect(groupesRestaures()).toEqual(['performance']);
      // The batched relation loads of GraphQL are in the group on main: the switch changed them at least.
      expect(changees).toContain('db.entityManager.load');
      return requetesSql(() =>
        graphql(
          `
            ${requete}
            # chemin de Strapi
          `,
          {},
          APPELANTS.membre(),
        ),
      );
    });
    expect(groupesRestaures()).toBeNull();
    expect(strapi.resultat.body.data).toEqual(projet.resultat.body.data);
    expect(projet.resultat.body.data.projets.length).toBeGreaterThan(3);
    // Strapi loads each relation of each projet by itself: more statements than the batched path.
    expect(strapi.sql.length).toBeGreaterThan(projet.sql.length);
    // Strapi's page query of a filter through a relation is a SELECT DISTINCT over the joined rows.
    const distinct = await avecCheminStrapi(() =>
      requetesSql(() =>
        api()
          .get(`/api/${projets.pluriel}?${serialiser({ filters: avecPortee(projets, { collectivite: { nom: { $startsWith: PREFIXE } } }) })}`)
          .set(APPELANTS.membre()),
      ),
    );
    expect(distinct.resultat.status).toBe(200);
    expect(distinct.sql.some((s) => /select distinct/i.test(s))).toBe(true);
    await expect(
      avecCheminStrapi(async () => {
        throw new Error('échec dans le chemin de Strapi');
      }),
    ).rejects.toThrow('échec dans le chemin de Strapi');
    expect(groupesRestaures()).toBeNull();
    await expect(avecCheminStrapi(() => avecCheminStrapi(async () => 0))).rejects.toThrow(/déjà actif/);
    expect(groupesRestaures()).toBeNull();
  });

  it('le comparateur tolère l’ordre des ex aequo seulement', () => {
    const type = modeles.get('api::projet.projet')!;
    const cas: Cas = { nom: 'témoin', type, famille: 'témoin', tri: ['nom'], rest: {} };
    const page = (data: Json[], total = data.length): Reponse => ({ status: 200, corps: { data, meta: { pagination: { page: 1, pageSize: 25, pageCount: 1, total } } } });
    const [a, b, c] = [{ id: 1, nom: 'A' }, { id: 2, nom: 'A' }, { id: 3, nom: 'B' }];
    expect(comparer(cas, page([a, b, c]), page([b, a, c]))).toBeNull();
    expect(comparer(cas, page([a, b, c]), page([a, c, b]))).toMatch(/ordre des clés/);
    expect(comparer(cas, page([a, b, c]), page([a, { ...b, nom: 'A', id: 4 }, c]))).toMatch(/ex aequo/);
    expect(comparer(cas, page([a, b, c]), page([a, b, c], 4))).toMatch(/entête/);
    expect(comparer(cas, page([a, b, c]), page([a, b]))).toMatch(/entête|éléments/);
    expect(comparer(cas, page([a, b, c]), { status: 400, corps: { error: { message: 'refusé' } } })).toMatch(/entête/);
    expect(comparer({ ...cas, tri: [] }, page([a, b, c]), page([c, b, a]))).toBeNull();
  });

  it('chaque lecture générée (plus de 1 200 cas) répond comme le chemin de Strapi (REST : anonyme, membre, jeton en lecture ; GraphQL)', async () => {
    const nombreDeTypes = publics().length;
    expect(nombreDeTypes).toBe(LECTURE_PUBLIQUE.length);
    const projet = await passe(tousLesCas);
    await avancerGeneration();
    const strapi = await avecCheminStrapi(() => passe(tousLesCas));

    const ecarts: string[] = [];
    const parFamille = new Map<string, number>();
    let nonVides = 0;
    let filtrants = 0;
    let refus = 0;
    for (const c of tousLesCas) parFamille.set(c.famille, (parFamille.get(c.famille) ?? 0) + 1);
    requetes(tousLesCas).forEach(({ c, appelant }, i) => {
      const a = projet[i]!;
      const b = strapi[i]!;
      // Answered by Strapi each time, never by the anonymous response cache.
      if (a.cache === 'HIT' || b.cache === 'HIT') ecarts.push(`${c.nom} [${appelant}] : servi par le cache de réponses`);
      if (a.status >= 500) ecarts.push(`${c.nom} [${appelant}] : ${a.status}`);
      const ecart = comparer(c, a, b);
      if (ecart) ecarts.push(`${c.nom} [${appelant}] : ${ecart}\n    ${c.rest ? serialiser(c.rest) : c.graphql!.requete}`);
      const items = essentiel(c, a).items;
      if (a.status >= 400 || a.corps?.errors) refus += 1;
      else if (items && items.length > 0) {
        nonVides += 1;
        if (items.length < (verite.get(c.type.uid)?.length ?? 0)) filtrants += 1;
      }
    });
    const reponses = projet.length;
    // A visible shrinkage: the number of cases by family, and that most answers hold documents.
    expect(Object.fromEntries(parFamille)).toEqual(expect.objectContaining({ filtre: expect.any(Number), relation: expect.any(Number), graphql: expect.any(Number) }));
    expect(reponses).toBe(requetes(tousLesCas).length);
    for (const [famille, plancher] of Object.entries(COMPLET ? PLANCHERS_COMPLETS : PLANCHERS)) {
      const n = parFamille.get(famille) ?? 0;
      expect({ [famille]: n }).toEqual({ [famille]: n >= plancher ? n : `au moins ${plancher}` });
    }
    expect(nonVides / reponses).toBeGreaterThan(0.5);
    expect(filtrants / reponses).toBeGreaterThan(0.25);
    expect(refus).toBeGreaterThan(50);
    expect(ecarts.slice(0, 40)).toEqual([]);
  }, 600000);
});
