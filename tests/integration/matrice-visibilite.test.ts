/**
 * Visibility matrix, generated from the schema the running Strapi serves (content-type builder) and
 * from `ATTRIBUTS_RESTREINTS`: every draft-only value and every Restreint value × every read path ×
 * every caller. Each value is a unique marker; a caller must never find one it may not read, neither
 * in a response body nor by a count (a filter on the marker gives 0, or 400 when the field itself is
 * refused). A new content type, attribute or relation is covered without touching this file.
 *
 * For each draft & publish type, the fixtures are: a published document (its texts are public
 * controls, its Restreint values are members-only), an unpublished edit of it (draft row), and a
 * never-published draft; plus a published members-only ressource. Relations of the drafts point to
 * the published documents, so that every relation path reaches draft rows.
 */
import { api, APPELANTS, enteteAdmin, enteteJeton, graphql, type NomAppelant } from '../helpers/http';
import { collectiviteParSiren } from '../helpers/donnees';
import { ATTRIBUTS_RESTREINTS, LECTURE_PUBLIQUE, TYPES_INTERNES } from '../../src/domaine/visibilite';
import { RELATIONS_REQUISES, VALEURS_REQUISES } from '../../src/domaine/regles-metier';

const SIREN_ALBI = '218100048';
const NOMS_APPELANTS = Object.keys(APPELANTS) as NomAppelant[];
const REVELES: Record<NomAppelant, boolean> = { anonyme: false, enAttente: false, membre: true, jetonLecture: true };
/** Strings that are addresses or codes, checked by format: no marker there. */
const FORMAT_CONTROLE = /url|lien|site|siren|siret|logo|code/i;

interface Attribut {
  type: string;
  private?: boolean;
  target?: string;
  component?: string;
  repeatable?: boolean;
  relation?: string;
  mappedBy?: string;
  required?: boolean;
  enum?: string[];
  default?: unknown;
}
interface Type {
  uid: string;
  pluriel: string;
  singulier: string;
  brouillons: boolean;
  attributs: Record<string, Attribut>;
}

/** Who wrote a value: decides who may read it. */
type Genre = 'public' | 'restreint' | 'membres' | 'edition' | 'brouillon';
interface Valeur {
  uid: string;
  chemin: string[];
  valeur: string | number;
  genre: Genre;
  /** A unique text: searched for in bodies too (enumerations and numbers only by count). */
  texte: boolean;
  restreint: boolean;
}

const modeles = new Map<string, Type>();
const composants = new Map<string, Record<string, Attribut>>();
const valeurs: Valeur[] = [];
const publies = new Map<string, string>();
const brouillons = new Map<string, string>();
const fixes = new Map<string, string>();
let compteur = 0;
let ressourceMembres = '';

const lettres = (n: number) => n.toString(26).split('').map((c) => String.fromCharCode(97 + parseInt(c, 26))).join('');
const marque = (genre: Genre) => `zqx${genre[0]}${lettres((compteur += 1))}vw`;
const camel = (s: string) => s.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
const typesPublies = () => [...modeles.values()].filter((t) => t.brouillons && LECTURE_PUBLIQUE.includes(t.uid));
const estRestreint = (uid: string, nom: string) => (ATTRIBUTS_RESTREINTS[uid] ?? []).includes(nom);

/** Who may read a value of this genre. */
const lisible = (v: Valeur, appelant: NomAppelant) => v.genre === 'public' || (REVELES[appelant] && (v.genre === 'restreint' || v.genre === 'membres'));

/** Published values: a Restreint one written with this genre is read by members (draft ones get other values). */
const lisibleParUnMembre = (genre: Genre) => ['public', 'restreint', 'membres'].includes(genre);

/** Values of one component (or document) for a genre, registered as markers under `chemin`. */
function remplir(uid: string, attributs: Record<string, Attribut>, genre: Genre, chemin: string[], restreint: boolean): Record<string, unknown> {
  const donnees: Record<string, unknown> = {};
  for (const [nom, a] of Object.entries(attributs)) {
    // Internal attributes (ATTRIBUTS_INTERNES, e.g. a projet's import notes) exist on no API, for no caller.
    if (a.private && chemin.length === 0 && !estRestreint(uid, nom)) continue;
    const ici = [...chemin, nom];
    const sousRestreint = restreint || (chemin.length === 0 && estRestreint(uid, nom));
    // Outside Restreint fields, a public value of a draft row is what the edit or the draft changes.
    const noter = (valeur: string | number, texte: boolean) => valeurs.push({ uid, chemin: ici, valeur, genre, texte, restreint: sousRestreint });
    if (['string', 'text', 'richtext'].includes(a.type) && !FORMAT_CONTROLE.test(nom) && nom !== 'motifAbandon') {
      const m = marque(genre);
      donnees[nom] = m;
      noter(m, true);
    } else if (a.type === 'email') {
      const m = `${marque(genre)}@matrice-test.fr`;
      donnees[nom] = m;
      noter(m, true);
    } else if (a.type === 'enumeration' && sousRestreint) {
      const valeur = lisibleParUnMembre(genre) ? a.enum![0]! : a.enum![a.enum!.length - 1]!;
      donnees[nom] = valeur;
      noter(valeur, false);
    } else if (a.type === 'enumeration' && a.required) {
      donnees[nom] = (a.default as string) ?? a.enum![0];
    } else if (['decimal', 'integer', 'float'].includes(a.type) && sousRestreint) {
      const valeur = 100000 + (compteur += 1);
      donnees[nom] = valeur;
      noter(valeur, false);
    } else if (['date', 'datetime'].includes(a.type) && (a.required || (VALEURS_REQUISES[uid] ?? []).includes(nom))) {
      donnees[nom] = a.type === 'date' ? '2025-01-15' : '2025-01-15T10:00:00.000Z';
    } else if (a.type === 'component' && sousRestreint && !a.repeatable) {
      donnees[nom] = remplir(uid, composants.get(a.component!)!, genre, ici, true);
    }
  }
  return donnees;
}

/**
 * Owning relations of a document: to the fixed reference documents, and (but for the first published
 * documents, created before the others exist) to the published documents of draft & publish types.
 * A Restreint relation points to a reference document that depends on who may read the value.
 */
function relations(type: Type, genre: Genre, noter: boolean): Record<string, unknown> {
  const donnees: Record<string, unknown> = {};
  for (const [nom, a] of Object.entries(type.attributs)) {
    const restreint = estRestreint(type.uid, nom);
    if (a.type !== 'relation' || a.mappedBy || !a.target || (a.private && !restreint)) continue;
    const cible = modeles.get(a.target);
    if (!cible) continue;
    let id: string | undefined;
    if (restreint) id = fixes.get(`${a.target}#${lisibleParUnMembre(genre) ? 0 : 1}`);
    else if (cible.brouillons) id = genre === 'public' ? undefined : publies.get(a.target);
    // Relations publication requires (regles-metier.ts), to reference documents too.
    else if (a.relation === 'manyToOne' || a.target === 'api::collectivite.collectivite' || (RELATIONS_REQUISES[type.uid] ?? []).includes(nom)) id = fixes.get(`${a.target}#0`);
    if (!id) continue;
    donnees[nom] = a.relation?.endsWith('ToOne') ? id : [id];
    if (restreint && noter) valeurs.push({ uid: type.uid, chemin: [nom, 'documentId'], valeur: id, genre, texte: false, restreint: true });
  }
  return donnees;
}

/** The documents of a type the fixtures wrote or link to: counts are taken among them only. */
function documentsFixes(type: Type): string[] {
  if (type.brouillons) return [publies.get(type.uid), ...(type.uid === 'api::ressource.ressource' ? [ressourceMembres] : [])].filter((id): id is string => !!id);
  return [0, 1].map((i) => fixes.get(`${type.uid}#${i}`)).filter((id): id is string => !!id);
}
const parmiFixes = (type: Type) => Object.fromEntries(documentsFixes(type).map((id, i) => [`filters[documentId][$in][${i}]`, id]));

async function ecrire(methode: 'post' | 'put', chemin: string, status: 'published' | 'draft', data: Record<string, unknown>): Promise<string> {
  const reponse = await api()[methode](chemin).set(enteteJeton()).query({ status }).send({ data });
  if (reponse.status !== 200 && reponse.status !== 201) throw new Error(`${methode} ${chemin} : ${reponse.status} ${JSON.stringify(reponse.body)}`);
  return reponse.body.data.documentId;
}

beforeAll(async () => {
  const types = (await api().get('/content-type-builder/content-types').set(enteteAdmin())).body.data as Array<{ uid: string; schema: any }>;
  for (const { uid, schema } of types) {
    if (!uid.startsWith('api::')) continue;
    modeles.set(uid, { uid, pluriel: schema.pluralName, singulier: schema.singularName, brouillons: schema.draftAndPublish === true, attributs: schema.attributes });
  }
  for (const { uid, schema } of (await api().get('/content-type-builder/components').set(enteteAdmin())).body.data as Array<{ uid: string; schema: any }>) {
    composants.set(uid, schema.attributes);
  }
  // Reference documents (types without drafts): two of each, the first a first-level thématique.
  fixes.set('api::collectivite.collectivite#0', await collectiviteParSiren(SIREN_ALBI));
  for (const type of modeles.values()) {
    if (type.brouillons || type.uid === 'api::collectivite.collectivite' || TYPES_INTERNES.includes(type.uid)) continue;
    const query = 'parent' in type.attributs ? { 'filters[parent][id][$null]': 'true', sort: 'ordre:asc' } : { sort: 'id:asc' };
    const liste = (await api().get(`/api/${type.pluriel}`).query({ ...query, 'pagination[pageSize]': 2 })).body.data as Array<{ documentId: string }>;
    liste.forEach((d, i) => fixes.set(`${type.uid}#${i}`, d.documentId));
  }
  // 1. Published documents (public texts, Restreint values), then their relations to one another.
  for (const type of typesPublies()) {
    const data = { ...remplir(type.uid, type.attributs, 'public', [], false), ...relations(type, 'public', true) };
    // Restreint values of the published document are members-only: re-registered as such.
    for (const v of valeurs.filter((x) => x.uid === type.uid && x.genre === 'public' && x.restreint)) v.genre = 'restreint';
    publies.set(type.uid, await ecrire('post', `/api/${type.pluriel}`, 'published', data));
  }
  for (const type of typesPublies()) {
    const liens = Object.fromEntries(Object.entries(relations(type, 'restreint', false)).filter(([nom]) => !estRestreint(type.uid, nom)));
    if (Object.keys(liens).length > 0) await ecrire('put', `/api/${type.pluriel}/${publies.get(type.uid)}`, 'published', liens);
  }
  // A members-only ressource, published.
  const ressource = modeles.get('api::ressource.ressource')!;
  const membres = { ...remplir(ressource.uid, ressource.attributs, 'membres', [], false), acces: 'membres', ...relations(ressource, 'membres', false) };
  ressourceMembres = await ecrire('post', `/api/${ressource.pluriel}`, 'published', membres);
  // 2. Unpublished edits of the published documents, and never-published drafts.
  for (const type of typesPublies()) {
    await ecrire('put', `/api/${type.pluriel}/${publies.get(type.uid)}`, 'draft', { ...remplir(type.uid, type.attributs, 'edition', [], false), ...relations(type, 'edition', true) });
    brouillons.set(type.uid, await ecrire('post', `/api/${type.pluriel}`, 'draft', { ...remplir(type.uid, type.attributs, 'brouillon', [], false), ...relations(type, 'brouillon', true) }));
  }
}, 120000);

/** Relation paths, from the schema, of depth 1 and 2, from any readable type to a draft & publish type. */
function chemins(): Array<{ source: Type; relations: string[]; cible: Type }> {
  const resultat: Array<{ source: Type; relations: string[]; cible: Type }> = [];
  const suivre = (source: Type, type: Type, parcours: string[]) => {
    for (const [nom, a] of Object.entries(type.attributs)) {
      if (a.type !== 'relation' || a.private || !a.target) continue;
      const cible = modeles.get(a.target);
      if (!cible) continue;
      const ici = [...parcours, nom];
      if (cible.brouillons) resultat.push({ source, relations: ici, cible });
      if (ici.length < 2) suivre(source, cible, ici);
    }
  };
  for (const source of modeles.values()) if (LECTURE_PUBLIQUE.includes(source.uid)) suivre(source, source, []);
  return resultat;
}

const crochets = (chemin: string[]) => chemin.map((c) => `[${c}]`).join('');
const contient = (texte: string, v: Valeur) => texte.toLowerCase().includes(String(v.valeur).toLowerCase());

/** The markers a caller must not find, as text. */
const interdits = (appelant: NomAppelant) => valeurs.filter((v) => v.texte && !lisible(v, appelant));

describe.each(NOMS_APPELANTS)('Matrice de visibilité, appelant %s', (appelant) => {
  const entete = () => APPELANTS[appelant]();
  const fuites: string[] = [];
  /** Reads a path and records every forbidden marker found in the body. */
  const lire = async (description: string, requete: () => Promise<{ status: number; text: string; body: any }>) => {
    const reponse = await requete();
    if (reponse.status >= 500) fuites.push(`${description} : ${reponse.status}`);
    for (const v of interdits(appelant)) if (contient(reponse.text, v)) fuites.push(`${description} : ${v.genre} ${v.uid}.${v.chemin.join('.')} = ${v.valeur}`);
    return reponse;
  };
  afterEach(() => {
    expect(fuites.splice(0)).toEqual([]);
  });

  it('le schéma a produit des valeurs de chaque genre et des chemins de relation', () => {
    for (const genre of ['public', 'restreint', 'membres', 'edition', 'brouillon'] as Genre[]) expect([genre, valeurs.some((v) => v.genre === genre)]).toEqual([genre, true]);
    expect(chemins().length).toBeGreaterThan(10);
  });

  it('chaque type de contenu est lisible par tous ou interne, jamais les deux', () => {
    for (const uid of modeles.keys()) expect([uid, LECTURE_PUBLIQUE.includes(uid) !== TYPES_INTERNES.includes(uid)]).toEqual([uid, true]);
  });

  it('REST et GraphQL : les types internes ne répondent à personne', async () => {
    for (const uid of TYPES_INTERNES) {
      const type = modeles.get(uid)!;
      for (const chemin of [`/api/${type.pluriel}`, `/api/${type.pluriel}/x`]) {
        const reponse = await api().get(chemin).set(entete());
        expect([chemin, [403, 404].includes(reponse.status), reponse.body.data ?? null]).toEqual([chemin, true, null]);
      }
      const schema = await graphql('{ __schema { types { name } queryType { fields { name } } } }', {}, entete());
      expect(JSON.stringify(schema.body.data ?? schema.body).toLowerCase()).not.toContain(type.singulier);
    }
  });

  it('REST : listes, détails, populate=* et status=draft', async () => {
    for (const type of modeles.values()) {
      if (!LECTURE_PUBLIQUE.includes(type.uid)) continue;
      const parmi = type.brouillons ? {} : parmiFixes(type);
      await lire(`liste ${type.pluriel}`, () => api().get(`/api/${type.pluriel}`).set(entete()).query({ ...parmi, populate: '*', status: 'draft', 'pagination[pageSize]': 100, sort: 'updatedAt:desc' }));
    }
    for (const type of typesPublies()) {
      await lire(`détail ${type.pluriel}`, () => api().get(`/api/${type.pluriel}/${publies.get(type.uid)}`).set(entete()).query({ populate: '*', status: 'draft' }));
      const brouillon = await lire(`détail du brouillon ${type.pluriel}`, () => api().get(`/api/${type.pluriel}/${brouillons.get(type.uid)}`).set(entete()).query({ status: 'draft' }));
      expect([type.pluriel, brouillon.status]).toEqual([type.pluriel, 404]);
    }
  });

  it('REST : fields[] sur chaque attribut simple', async () => {
    for (const type of typesPublies()) {
      for (const [nom, a] of Object.entries(type.attributs)) {
        if (['relation', 'component', 'media', 'dynamiczone'].includes(a.type)) continue;
        await lire(`fields ${type.pluriel}.${nom}`, () => api().get(`/api/${type.pluriel}`).set(entete()).query({ 'fields[0]': nom, status: 'draft', 'pagination[pageSize]': 100 }));
      }
    }
  });

  it('REST : populate par chaque relation qui atteint un type à brouillons (profondeur 1 et 2), avec * au bout', async () => {
    for (const { source, relations } of chemins()) {
      const cle = `populate${relations.map((r) => `[${r}][populate]`).join('')}`;
      await lire(`populate ${source.pluriel}.${relations.join('.')}`, () => api().get(`/api/${source.pluriel}`).set(entete()).query({ ...parmiFixes(source), [cle]: '*' }));
    }
  });

  /**
   * Filters on the values of one field the caller may not read (one `$in` for all of them), directly
   * or through a relation path: total 0, or 400 when the field itself is refused to the caller.
   */
  const compter = async (description: string, source: Type, prefixe: string[], champ: Valeur[]) => {
    const caches = champ.filter((v) => !lisible(v, appelant));
    if (caches.length === 0) return;
    const cle = `filters${crochets([...prefixe, ...caches[0]!.chemin])}[$in]`;
    const query = Object.fromEntries(caches.map((v, i) => [`${cle}[${i}]`, String(v.valeur)]));
    const reponse = await lire(description, () => api().get(`/api/${source.pluriel}`).set(entete()).query({ ...parmiFixes(source), ...query, status: 'draft', 'pagination[pageSize]': 1 }));
    if (reponse.status === 400) {
      if (!caches[0]!.restreint || REVELES[appelant]) fuites.push(`${description} : 400 inattendu ${reponse.text}`);
      return;
    }
    const total = reponse.body.meta?.pagination?.total;
    if (total !== 0) fuites.push(`${description} : ${caches.map((v) => `${v.genre} ${v.valeur}`).join(', ')} comptés ${total}`);
  };
  /** The values of a type, grouped by field. */
  const parChamp = (uid: string) => {
    const groupes = new Map<string, Valeur[]>();
    for (const v of valeurs.filter((x) => x.uid === uid)) groupes.set(v.chemin.join('.'), [...(groupes.get(v.chemin.join('.')) ?? []), v]);
    return [...groupes.entries()];
  };

  it('REST : filtres directs sur chaque valeur (status=draft demandé)', async () => {
    for (const type of typesPublies()) {
      for (const [champ, liste] of parChamp(type.uid)) await compter(`filtre ${type.pluriel}.${champ}`, type, [], liste);
    }
  });

  it('REST : filtres par chaque chemin de relation vers chaque valeur, et $null sur publishedAt', async () => {
    for (const { source, relations, cible } of chemins()) {
      for (const [champ, liste] of parChamp(cible.uid)) await compter(`filtre ${source.pluriel}.${relations.join('.')}.${champ}`, source, relations, liste);
      const nul = await api().get(`/api/${source.pluriel}`).set(entete()).query({ ...parmiFixes(source), [`filters${crochets(relations)}[publishedAt][$null]`]: 'true', 'pagination[pageSize]': 1 });
      if (nul.status !== 200 || nul.body.meta?.pagination?.total !== 0) fuites.push(`$null ${source.pluriel}.${relations.join('.')}.publishedAt : ${nul.status} ${nul.body.meta?.pagination?.total}`);
    }
  });

  it('REST : témoins — les valeurs lisibles se trouvent, directement et par une relation', async () => {
    for (const v of valeurs.filter((x) => lisible(x, appelant) && x.texte)) {
      const type = modeles.get(v.uid)!;
      const reponse = await api().get(`/api/${type.pluriel}`).set(entete()).query({ [`filters${crochets(v.chemin)}[$eq]`]: String(v.valeur) });
      expect([type.pluriel, v.chemin, reponse.body.meta?.pagination?.total]).toEqual([type.pluriel, v.chemin, 1]);
    }
    const collectivite = modeles.get('api::collectivite.collectivite')!;
    for (const v of valeurs.filter((x) => x.uid === 'api::projet.projet' && x.genre === 'public' && x.texte)) {
      const reponse = await api().get(`/api/${collectivite.pluriel}`).set(entete()).query({ [`filters[projets]${crochets(v.chemin)}[$eq]`]: String(v.valeur) });
      expect([v.chemin, reponse.body.meta?.pagination?.total]).toEqual([v.chemin, 1]);
    }
  });

  it('REST : tri par chaque relation vers un type à brouillons refusé (400 qui nomme sort)', async () => {
    for (const { source, relations } of chemins()) {
      const reponse = await lire(`tri ${source.pluriel}`, () => api().get(`/api/${source.pluriel}`).set(entete()).query({ sort: `${relations.join('.')}.id:asc` }));
      expect([source.pluriel, relations, reponse.status, reponse.body.error?.details?.param]).toEqual([source.pluriel, relations, 400, 'sort']);
    }
  });

  it('GraphQL : listes et détails (status: DRAFT demandé), filtres par chaque relation de profondeur 1', async () => {
    for (const type of typesPublies()) {
      const champs = Object.entries(type.attributs)
        .filter(([nom, a]) => !['relation', 'component', 'media', 'dynamiczone', 'password'].includes(a.type) && (!a.private || estRestreint(type.uid, nom)))
        .map(([nom]) => nom)
        .join(' ');
      const pluriel = camel(type.pluriel);
      const un = camel(type.singulier);
      await lire(`GraphQL ${pluriel}`, () => graphql(`{ ${pluriel}(status: DRAFT, pagination: { pageSize: 100 }) { documentId ${champs} } }`, {}, entete()));
      const detail = await lire(`GraphQL ${un}`, () => graphql(`query($id: ID!) { ${un}(documentId: $id, status: DRAFT) { ${champs} } }`, { id: brouillons.get(type.uid) }, entete()));
      expect([un, detail.body.data?.[un]]).toEqual([un, null]);
    }
    for (const { source, relations, cible } of chemins().filter((c) => c.relations.length === 1)) {
      const pluriel = camel(source.pluriel);
      for (const v of valeurs.filter((x) => x.uid === cible.uid && x.texte && !x.restreint && !lisible(x, appelant))) {
        const condition = [...relations, ...v.chemin].reduceRight<string>((dedans, cle) => `{ ${cle}: ${dedans} }`, `{ eq: ${JSON.stringify(v.valeur)} }`);
        const reponse = await lire(`GraphQL filtre ${pluriel}.${relations[0]}`, () => graphql(`{ ${pluriel}(filters: ${condition}) { documentId } }`, {}, entete()));
        expect([pluriel, relations, v.valeur, reponse.body.errors, reponse.body.data?.[pluriel]]).toEqual([pluriel, relations, v.valeur, undefined, []]);
      }
    }
  });

  it('recherche, statistiques, projets similaires et open data', async () => {
    for (const v of interdits(appelant).filter((x) => x.uid === 'api::projet.projet')) {
      const reponse = await lire(`recherche ${v.valeur}`, () => api().get('/api/recherche').set(entete()).query({ q: String(v.valeur).split('@')[0] }));
      expect([v.valeur, reponse.body.meta?.pagination?.total]).toEqual([v.valeur, 0]);
    }
    await lire('recherche GraphQL', () => graphql('{ recherche(q: "zqx") { data { documentId nom resume extrait } } }', {}, entete()));
    await lire('statistiques', () => api().get('/api/statistiques').set(entete()));
    await lire('similaires', () => api().get(`/api/projets/${publies.get('api::projet.projet')}/similaires`).set(entete()).query({ limit: 50 }));
    const similairesBrouillon = await lire('similaires du brouillon', () => api().get(`/api/projets/${brouillons.get('api::projet.projet')}/similaires`).set(entete()));
    expect(similairesBrouillon.status).toBe(404);
    for (const fichier of OPEN_DATA) await lire(`open data ${fichier}`, () => api().get(`/api/open-data/${fichier}`).set(entete()));
  });
});

/** Every open-data route (src/api/open-data/routes): the data files and their schemas. */
const OPEN_DATA = ['projets.csv', 'projets-etendu.csv', 'projets.json', 'schema.json', 'schema-etendu.json', 'datapackage.json'];

describe('Open data : public, jamais de champ restreint', () => {
  it('aucune valeur restreinte, réservée aux membres ou non publiée dans les fichiers', async () => {
    for (const fichier of OPEN_DATA) {
      const texte = (await api().get(`/api/open-data/${fichier}`).set(APPELANTS.jetonLecture())).text;
      const trouvees = valeurs.filter((v) => v.texte && v.genre !== 'public' && contient(texte, v)).map((v) => `${fichier} : ${v.genre} ${v.chemin.join('.')}`);
      expect(trouvees).toEqual([]);
    }
  });
});

describe('Fiche de transparence : publique, jamais de champ restreint', () => {
  it('aucune valeur restreinte, réservée aux membres ou non publiée dans la fiche JSON ni dans la page, même lue par un membre', async () => {
    const projet = publies.get('api::projet.projet');
    for (const chemin of [`/api/projets/${projet}/transparence`, `/transparence/${projet}`]) {
      const reponse = await api().get(chemin).set(APPELANTS.membre());
      expect([chemin, reponse.status]).toEqual([chemin, 200]);
      const trouvees = valeurs.filter((v) => v.texte && v.genre !== 'public' && contient(reponse.text, v)).map((v) => `${chemin} : ${v.genre} ${v.uid} ${v.chemin.join('.')}`);
      expect(trouvees).toEqual([]);
    }
    expect((await api().get(`/api/projets/${brouillons.get('api::projet.projet')}/transparence`)).status).toBe(404);
    expect((await api().get(`/transparence/${brouillons.get('api::projet.projet')}`)).status).toBe(404);
  });
});
