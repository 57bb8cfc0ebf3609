/**
 * Hostile-input campaign: requests generated from the schemas (every attribute × the bad values of its
 * type) and from the route table (the committed OpenAPI description of the content API, the content
 * manager's routes, users-permissions' auth routes, GraphQL, the computed reads and open data), each
 * with every family of hostile input (bad types, unknown operators, NUL bytes, huge or deep JSON, wrong
 * content types, array bodies, overflowing numbers, long strings, bad ids).
 *
 * For every answer: no 5xx, no stack trace nor SQL text, error messages in French; for every write,
 * a 4xx and the rows of the content tables unchanged (counted in the database itself).
 */
import fs from 'fs';
import path from 'path';
import { Client } from 'pg';
import { api, enteteAdmin, enteteJeton } from '../helpers/http';
import { CHEMIN_OPENAPI } from '../helpers/environnement';
import { projetValide } from '../helpers/donnees';

const RACINE = path.resolve(__dirname, '../..');

// better-sqlite3 (the SQLite driver of the application) ships no types: the two calls used here.
type BaseSqlite = { prepare(sql: string): { all(): unknown[]; get(): unknown }; close(): void };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3') as new (fichier: string, options: Record<string, unknown>) => BaseSqlite;

interface Attribut {
  type: string;
  private?: boolean;
  target?: string;
  component?: string;
  maxLength?: number;
  enum?: string[];
  repeatable?: boolean;
}
interface Schema {
  collectionName: string;
  info: { singularName: string; pluralName: string };
  options?: { draftAndPublish?: boolean };
  attributes: Record<string, Attribut>;
}

/** The content types of the application, read from their schema files. */
const TYPES: Array<{ uid: string; schema: Schema }> = fs
  .readdirSync(path.join(RACINE, 'src/api'))
  .flatMap((api) => {
    const dossier = path.join(RACINE, 'src/api', api, 'content-types');
    if (!fs.existsSync(dossier)) return [];
    return fs.readdirSync(dossier).map((nom) => ({
      uid: `api::${api}.${nom}`,
      schema: JSON.parse(fs.readFileSync(path.join(dossier, nom, 'schema.json'), 'utf8')) as Schema,
    }));
  });

/** Bad values of each attribute type, as query-string values and as JSON values. */
const MAUVAISES_VALEURS: Record<string, { requete: string[]; json: unknown[] }> = {
  integer: { requete: ['abc', '1e400', '99999999999', '1.5', '0x1F'], json: [1e308, 2 ** 40, 'abc', 1.5, { a: 1 }] },
  biginteger: { requete: ['abc', '1e400'], json: [1e308, 'abc'] },
  float: { requete: ['abc', 'NaN', 'Infinity', '1e400'], json: ['abc', { a: 1 }, [1]] },
  decimal: { requete: ['abc', 'NaN', '1e400'], json: [1e308, 'abc', -1e12] },
  date: { requete: ['hier', '2024-13-45', '31/12/2024'], json: ['hier', '2024-02-30', 20240101, { a: 1 }] },
  datetime: { requete: ['hier', '2024-13-45T99:00'], json: ['hier', 123, [1]] },
  boolean: { requete: ['peut-etre', '2'], json: ['peut-etre', 2, { a: 1 }] },
  string: { requete: ['a%00b'], json: [12, { a: 1 }, ['x'], 'a\u0000b'] },
  text: { requete: ['a%00b'], json: [12, { a: 1 }, 'a\u0000b'] },
  richtext: { requete: ['a%00b'], json: [12, 'a\u0000b'] },
  email: { requete: ['a%00b'], json: ['pas-un-courriel', 12] },
  uid: { requete: ['a%00b'], json: ['Pas Un Slug !', 12] },
  enumeration: { requete: ['a%00b'], json: ['valeur-inconnue', 12, ['x']] },
  relation: { requete: ['abc'], json: ['inexistant000000000000000', { connect: 'abc' }, 12.5] },
  component: { requete: [], json: ['texte', 12] },
  media: { requete: ['abc'], json: ['abc', { a: 1 }] },
};

/** Operators on a scalar attribute that Strapi's database layer cannot run with these values. */
const OPERATEURS_HOSTILES = (nom: string): string[] => [
  `filters[${nom}][$between]=a,b`,
  `filters[${nom}][$in]=${Array.from({ length: 150 }, (_, i) => `x${i}`).join(',')}`,
  `filters[${nom}][$inconnu]=1`,
  `filters[${nom}][$null]=peut-etre`,
  `filters[${nom}][$eq][a][b]=c`,
  `filters[${nom}][$jsonSupersetOf]=1`,
];

const RE_PILE = /at .+\(.+:\d+:\d+\)/;
const RE_SQL = /select |insert into|sqlite|postgres|knex/i;
const RE_ANGLAIS =
  /\b(must be|is a required|errors? occurred|Invalid|invalid|Forbidden|Failed|too large|Cannot|Unknown|Expected|Syntax Error|not allowed|Internal Server|Internal server|must be unique|Missing|Bad Request|Not Found|Unauthorized|was not provided|cannot represent|Malicious|payload)\b/;

interface Demande {
  titre: string;
  methode: 'get' | 'post' | 'put' | 'delete';
  chemin: string;
  entete?: Record<string, string>;
  /** a JSON value, or a raw text sent as is with `type` */
  corps?: unknown;
  brut?: string;
  type?: string;
  ecriture: boolean;
}

const demandes: Demande[] = [];
const lire = (titre: string, chemin: string, entete: Record<string, string> = {}) => demandes.push({ titre, methode: 'get', chemin, entete, ecriture: false });
const ecrire = (titre: string, methode: 'post' | 'put' | 'delete', chemin: string, entete: Record<string, string>, corps: Pick<Demande, 'corps' | 'brut' | 'type'>) =>
  demandes.push({ titre, methode, chemin, entete, ecriture: true, ...corps });

const profond = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

/** Hostile bodies any JSON write route must refuse, whatever it does. */
function corpsHostiles(donneesValides: Record<string, unknown>): Array<[string, Pick<Demande, 'corps' | 'brut' | 'type'>]> {
  return [
    ['corps liste', { brut: '[{"a":1},{"a":2}]', type: 'application/json' }],
    ['corps texte brut', { brut: JSON.stringify(donneesValides), type: 'text/plain' }],
    ['corps formulaire', { brut: 'a=1&b=2', type: 'application/x-www-form-urlencoded' }],
    ['corps XML', { brut: '<a>1</a>', type: 'application/xml' }],
    ['JSON illisible', { brut: '{"data": {', type: 'application/json' }],
    ['JSON à 5 000 niveaux', { brut: profond(5000), type: 'application/json' }],
    ['JSON scalaire', { brut: '"texte"', type: 'application/json' }],
    ['octet nul dans une clé', { brut: '{"data":{"a\\u0000b":1}}', type: 'application/json' }],
  ];
}

// ---------------------------------------------------------------- generation: content API (REST)
const PROJET_DOC = { documentId: '' };
const cibles: Record<string, string> = {};

function genererContenuRest(): void {
  for (const { schema } of TYPES) {
    const base = `/api/${schema.info.pluralName}`;
    lire(`${base} fields vide`, `${base}?fields=`);
    lire(`${base} fields[0] vide`, `${base}?fields[0]=`);
    lire(`${base} filters texte`, `${base}?filters=abc`);
    lire(`${base} filters[$or] texte`, `${base}?filters[$or]=abc`);
    lire(`${base} id abc`, `${base}?filters[id][$eq]=abc`);
    lire(`${base} id hors entier`, `${base}?filters[id][$gt]=99999999999`);
    lire(`${base} id $in 2 000 (virgules)`, `${base}?filters[id][$in]=${Array.from({ length: 2000 }, (_, i) => i + 1).join(',')}`);
    lire(`${base} id $in 300 (qs)`, `${base}?${Array.from({ length: 300 }, (_, i) => `filters[id][$in][${i}]=${i + 1}`).join('&')}`);
    lire(`${base} octet nul`, `${base}?filters[documentId][$eq]=a%00b`);
    lire(`${base} octet nul dans une clé`, `${base}?filters[a%00b]=1`);
    lire(`${base} tri inconnu`, `${base}?sort=inexistant:asc`);
    lire(`${base} tri de travers`, `${base}?sort[0][a]=b`);
    lire(`${base} page négative`, `${base}?pagination[page]=-1`);
    lire(`${base} page texte`, `${base}?pagination[pageSize]=abc`);
    lire(`${base} page énorme`, `${base}?pagination[pageSize]=1e400`);
    lire(`${base} statut inconnu`, `${base}?status=peut-etre`);
    lire(`${base} locale nulle`, `${base}?locale=fr%00`);
    lire(`${base} opérateur inconnu`, `${base}?filters[$inconnu]=1`);
    lire(`${base} texte long`, `${base}?filters[documentId][$contains]=${'x'.repeat(5000)}`);
    lire(`${base}/:id nul`, `${base}/abc%00def`);
    lire(`${base}/:id injection`, `${base}/${encodeURIComponent("' OR 1=1 --")}`);
    lire(`${base}/:id long`, `${base}/${'x'.repeat(3000)}`);
    for (const [nom, attribut] of Object.entries(schema.attributes)) {
      const valeurs = MAUVAISES_VALEURS[attribut.type];
      if (!valeurs || attribut.type === 'component') continue;
      const cle = attribut.type === 'relation' || attribut.type === 'media' ? `filters[${nom}][id][$eq]` : `filters[${nom}][$eq]`;
      for (const valeur of valeurs.requete) lire(`${base} ${nom} (${attribut.type}) = ${valeur.slice(0, 12)}`, `${base}?${cle}=${valeur}`);
      if (attribut.type !== 'relation' && attribut.type !== 'media') {
        for (const requete of OPERATEURS_HOSTILES(nom)) lire(`${base} ${requete.slice(0, 40)}`, `${base}?${requete}`);
        lire(`${base} ${nom} $contains sur son type`, `${base}?filters[${nom}][$containsi]=abc`);
        lire(`${base} ${nom} $gt texte`, `${base}?filters[${nom}][$gt]=abc`);
      }
    }
  }
}

function genererEcrituresRest(): void {
  const jeton = enteteJeton();
  for (const { schema } of TYPES) {
    const base = `/api/${schema.info.pluralName}`;
    const existant = cibles[schema.info.pluralName];
    for (const [titre, corps] of corpsHostiles({ data: { nom: 'x' } })) {
      ecrire(`POST ${base} ${titre}`, 'post', base, jeton, corps);
      if (existant) ecrire(`PUT ${base}/:id ${titre}`, 'put', `${base}/${existant}`, jeton, corps);
    }
    ecrire(`POST ${base} id dans data`, 'post', base, jeton, { corps: { data: { id: 1 } } });
    ecrire(`POST ${base} data liste`, 'post', base, jeton, { corps: { data: [1, 2] } });
    ecrire(`POST ${base} data texte`, 'post', base, jeton, { corps: { data: 'abc' } });
    ecrire(`POST ${base} octet nul`, 'post', base, jeton, { corps: { data: { nom: 'a\u0000b' } } });
    ecrire(`DELETE ${base}/:id nul`, 'delete', `${base}/abc%00`, jeton, {});
    for (const [nom, attribut] of Object.entries(schema.attributes)) {
      const valeurs = MAUVAISES_VALEURS[attribut.type]?.json ?? [];
      for (const valeur of valeurs) {
        ecrire(`POST ${base} ${nom} (${attribut.type}) = ${JSON.stringify(valeur).slice(0, 16)}`, 'post', base, jeton, { corps: { data: { [nom]: valeur } } });
      }
      if (attribut.maxLength) {
        ecrire(`POST ${base} ${nom} trop long`, 'post', base, jeton, { corps: { data: { [nom]: 'x'.repeat(attribut.maxLength + 1) } } });
      }
      if (existant && valeurs.length > 0) {
        ecrire(`PUT ${base}/:id ${nom} (${attribut.type})`, 'put', `${base}/${existant}`, jeton, { corps: { data: { [nom]: valeurs[0] } } });
      }
    }
  }
}

// ---------------------------------------------------------------- generation: route table (OpenAPI)
function genererTableDesRoutes(): void {
  const description = JSON.parse(fs.readFileSync(path.join(RACINE, CHEMIN_OPENAPI), 'utf8')) as { paths: Record<string, Record<string, unknown>> };
  for (const [modele, methodes] of Object.entries(description.paths)) {
    if (modele.includes('?')) continue;
    const chemin = `/api${modele.replace(/\{[^}]+\}/g, 'abc%00')}`;
    const sansNul = `/api${modele.replace(/\{[^}]+\}/g, '999999999')}`;
    for (const methode of Object.keys(methodes)) {
      if (methode === 'get') {
        lire(`route ${modele} paramètre nul`, `${sansNul}?x=a%00b`);
        lire(`route ${modele} chemin nul`, chemin);
        lire(`route ${modele} filtres texte`, `${sansNul}?filters=abc&fields=`);
      } else if (methode === 'post' || methode === 'put') {
        for (const [titre, corps] of corpsHostiles({ a: 1 }).slice(0, 6)) ecrire(`route ${methode} ${modele} ${titre}`, methode, sansNul, {}, corps);
      } else if (methode === 'delete') {
        ecrire(`route delete ${modele} chemin nul`, 'delete', chemin, {}, {});
      }
    }
  }
}

// ---------------------------------------------------------------- generation: auth routes
function genererAuth(): void {
  const routes: Array<[string, Record<string, unknown>]> = [
    ['/api/auth/local', { identifier: 'personne@exemple.fr', password: 'MotDePasse-1' }],
    ['/api/auth/local/register', { username: 'hostile', email: 'hostile@exemple.fr', password: 'MotDePasse-1', organisation: 'X' }],
    ['/api/auth/forgot-password', { email: 'personne@exemple.fr' }],
    ['/api/auth/reset-password', { code: 'abc', password: 'MotDePasse-1', passwordConfirmation: 'MotDePasse-1' }],
    ['/api/auth/send-email-confirmation', { email: 'personne@exemple.fr' }],
    ['/api/auth/change-password', { currentPassword: 'a', password: 'b', passwordConfirmation: 'b' }],
  ];
  for (const [route, valide] of routes) {
    for (const [titre, corps] of corpsHostiles(valide)) ecrire(`${route} ${titre}`, 'post', route, {}, corps);
    for (const champ of Object.keys(valide)) {
      ecrire(`${route} ${champ} nul`, 'post', route, {}, { corps: { ...valide, [champ]: 'a\u0000b' } });
      ecrire(`${route} ${champ} nombre`, 'post', route, {}, { corps: { ...valide, [champ]: 12 } });
      ecrire(`${route} ${champ} objet`, 'post', route, {}, { corps: { ...valide, [champ]: { $ne: null } } });
      ecrire(`${route} ${champ} liste`, 'post', route, {}, { corps: { ...valide, [champ]: ['a', 'b'] } });
      ecrire(`${route} ${champ} absent`, 'post', route, {}, { corps: Object.fromEntries(Object.entries(valide).filter(([c]) => c !== champ)) });
    }
  }
  lire('confirmation nulle', '/api/auth/email-confirmation?confirmation=a%00b');
  lire('confirmation liste', '/api/auth/email-confirmation?confirmation[0]=a&confirmation[1]=b');
  lire('confirmation objet', '/api/auth/email-confirmation?confirmation[$ne]=x');
  lire('fournisseur nul', '/api/connect/a%00b');
}

// ---------------------------------------------------------------- generation: content manager (admin)
function genererAdmin(): void {
  const admin = enteteAdmin();
  for (const { uid, schema } of TYPES) {
    const base = `/content-manager/collection-types/${uid}`;
    lire(`admin ${uid} filtres texte`, `${base}?filters=abc`, admin);
    lire(`admin ${uid} id abc`, `${base}?filters[$and][0][id][$eq]=abc`, admin);
    lire(`admin ${uid} octet nul`, `${base}?_q=a%00b`, admin);
    lire(`admin ${uid} page texte`, `${base}?page=abc&pageSize=1e400`, admin);
    lire(`admin ${uid} document nul`, `${base}/abc%00`, admin);
    lire(`admin ${uid} relations nul`, `/content-manager/relations/${uid}/abc%00/x`, admin);
    for (const [titre, corps] of corpsHostiles({ nom: 'x' })) ecrire(`admin POST ${uid} ${titre}`, 'post', base, admin, corps);
    ecrire(`admin POST ${uid} id`, 'post', base, admin, { corps: { id: 1, nom: 'Hostile' } });
    ecrire(`admin POST ${uid} documentId`, 'post', base, admin, { corps: { documentId: 'a', nom: 'Hostile' } });
    const existant = cibles[schema.info.pluralName];
    if (existant) {
      ecrire(`admin clone ${uid} id`, 'post', `${base}/clone/${existant}`, admin, { corps: { id: 1 } });
      ecrire(`admin clone ${uid} liste`, 'post', `${base}/clone/${existant}`, admin, { brut: '[1]', type: 'application/json' });
    }
    ecrire(`admin bulkDelete ${uid} texte`, 'post', `${base}/actions/bulkDelete`, admin, { corps: { documentIds: 'abc' } });
    ecrire(`admin bulkDelete ${uid} nul`, 'post', `${base}/actions/bulkDelete`, admin, { corps: { documentIds: ['a\u0000b'] } });
    for (const [nom, attribut] of Object.entries(schema.attributes)) {
      if (!['integer', 'biginteger', 'float', 'decimal', 'date', 'boolean'].includes(attribut.type)) continue;
      for (const valeur of MAUVAISES_VALEURS[attribut.type].json) {
        ecrire(`admin POST ${uid} ${nom} = ${JSON.stringify(valeur).slice(0, 16)}`, 'post', base, admin, { corps: { [nom]: valeur } });
        if (existant) ecrire(`admin PUT ${uid} ${nom} = ${JSON.stringify(valeur).slice(0, 16)}`, 'put', `${base}/${existant}`, admin, { corps: { [nom]: valeur } });
      }
    }
  }
}

// ---------------------------------------------------------------- generation: GraphQL
function genererGraphql(): void {
  const requete = (titre: string, query: unknown, variables?: unknown, entete: Record<string, string> = {}) =>
    demandes.push({ titre: `graphql ${titre}`, methode: 'post', chemin: '/graphql', entete, corps: { query, variables }, ecriture: false });
  const alias = Array.from({ length: 1000 }, (_, i) => `a${i}: projets(pagination: { pageSize: 100 }) { nom collectivite { projets { nom } } }`).join(' ');
  requete('1 000 alias × 100', `{ ${alias} }`);
  requete('cycle de fragments', 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }');
  requete('fragment qui se cite', 'query { projets { ...A } } fragment A on Projet { nom ...A }');
  requete('profondeur', `{ projets { ${'collectivite { projets { '.repeat(10)} nom ${'} } '.repeat(10)} } }`);
  requete('octet nul littéral', '{ projets(filters: { nom: { eq: "a\\u0000b" } }) { nom } }');
  requete('octet nul variable', 'query($n: String) { projets(filters: { nom: { eq: $n } }) { nom } }', { n: 'a\u0000b' });
  requete('id abc', '{ projets(filters: { id: { eq: "abc" } }) { nom } }');
  requete('id liste énorme', `{ projets(filters: { id: { in: [${Array.from({ length: 2000 }, (_, i) => `"${i}"`).join(',')}] } }) { nom } }`);
  requete('champ inconnu', '{ projets { inexistant } }');
  requete('syntaxe', '{ projets { nom ');
  requete('requête absente', undefined);
  requete('requête nombre', 12);
  requete('variable de mauvais type', 'query($t: Int!) { projets(pagination: { pageSize: $t }) { nom } }', { t: 'abc' });
  requete('variable absente', 'query($t: Int!) { projets(pagination: { pageSize: $t }) { nom } }');
  requete('page énorme', '{ projets(pagination: { pageSize: 100000 }) { nom } }');
  requete('date invalide', 'mutation { createProjet(data: { nom: "x", dateDemarrage: "hier" }) { documentId } }', undefined, enteteJeton());
  requete('me par jeton', '{ me { id } }', undefined, enteteJeton());
  requete('me anonyme', '{ me { id } }');
  requete('utilisateurs anonymes', '{ usersPermissionsUsers { username } }');
  requete('mutation anonyme', 'mutation { createProjet(data: { nom: "x" }) { documentId } }');
  requete('login octet nul', 'mutation { login(input: { identifier: "a\\u0000", password: "b" }) { jwt } }');
  requete('register nombre', 'mutation($i: UsersPermissionsRegisterInput!) { register(input: $i) { jwt } }', { i: { username: 1, email: 2, password: 3 } });
  requete('recherche trop longue', `{ recherche(q: "${'x'.repeat(300)}") { pagination { total } } }`);
  requete('similaires id nul', '{ projetsSimilaires(documentId: "a\\u0000") { nom } }');
  requete('filtre population texte', '{ collectivites(filters: { population: { gt: "abc" } }) { nom } }');
  for (const [titre, corps] of corpsHostiles({ query: '{ projets { nom } }' })) {
    demandes.push({ titre: `graphql ${titre}`, methode: 'post', chemin: '/graphql', entete: {}, ecriture: false, ...corps });
  }
  lire('graphql GET cycle', `/graphql?query=${encodeURIComponent('query { ...A } fragment A on Query { ...A }')}`);
  lire('graphql GET nul', '/graphql?query=%00');
}

// ---------------------------------------------------------------- generation: computed reads, open data
function genererCalcules(): void {
  const parametresRecherche = ['q', 'thematique', 'sousThematique', 'statut', 'typeCollectivite', 'region', 'departement', 'public', 'technique', 'offreur', 'page', 'pageSize'];
  for (const nom of parametresRecherche) {
    for (const valeur of ['a%00b', 'x'.repeat(300), '-1', '1e400', '']) lire(`recherche ${nom}=${valeur.slice(0, 8)}`, `/api/recherche?${nom}=${valeur}`);
    lire(`recherche ${nom} objet`, `/api/recherche?${nom}[$ne]=1`);
  }
  lire('recherche filtres', '/api/recherche?filters[nom][$eq]=a');
  for (const requete of ['x=1', 'x=%00', 'filters[a]=1', 'fields=', 'populate=*']) {
    lire(`statistiques ${requete}`, `/api/statistiques?${requete}`);
    for (const fichier of ['projets.csv', 'projets-etendu.csv', 'projets.json', 'schema.json', 'schema-etendu.json', 'datapackage.json', 'catalogue.jsonld', 'catalogue.ttl']) lire(`open data ${fichier} ${requete}`, `/api/open-data/${fichier}?${requete}`);
  }
  lire('open data nul', '/api/open-data/projets.csv%00');
  for (const requete of ['limit=abc', 'limit=1e400', 'limit=-1', 'limit[$gt]=1', 'limit=%00', 'x=1']) {
    demandes.push({ titre: `similaires ${requete}`, methode: 'get', chemin: `/api/projets/:projet/similaires?${requete}`, ecriture: false });
  }
  lire('similaires id nul', '/api/projets/a%00b/similaires');
  lire('similaires id long', `/api/projets/${'x'.repeat(3000)}/similaires`);
  for (const requete of ['x=1', 'populate=*', 'fields[0]=contact']) {
    demandes.push({ titre: `transparence ${requete}`, methode: 'get', chemin: `/api/projets/:projet/transparence?${requete}`, ecriture: false });
  }
  lire('transparence id nul', '/api/projets/a%00b/transparence');
  lire('transparence id long', `/api/projets/${'x'.repeat(3000)}/transparence`);
  for (const pluriel of ['collectivites', 'offreurs']) {
    for (const requete of ['x=1', 'populate=*', 'fields[0]=contact']) lire(`synthèse ${pluriel} ${requete}`, `/api/${pluriel}/inexistant/synthese?${requete}`);
    lire(`synthèse ${pluriel} id nul`, `/api/${pluriel}/a%00b/synthese`);
    lire(`synthèse ${pluriel} id long`, `/api/${pluriel}/${'x'.repeat(3000)}/synthese`);
  }
  lire('page de transparence nulle', '/transparence/a%00b');
  lire('page de transparence longue', `/transparence/${'x'.repeat(3000)}`);
  lire('page de transparence encodée', '/transparence/%3Cscript%3E%27');
}

// ---------------------------------------------------------------- database row counts
const TABLES_CONTENU = [...TYPES.map((t) => t.schema.collectionName), 'components_', 'up_users', 'files'];

/** One connection to the test database, kept for the whole file (a count after each write). */
let connexion: { compter(sql: string): Promise<Array<{ t: string; n: number | string }>>; tables(): Promise<string[]>; fermer(): Promise<void> } | undefined;

async function connecter(): Promise<NonNullable<typeof connexion>> {
  if (process.env.DATABASE_CLIENT === 'postgres') {
    const client = new Client({
      host: process.env.DATABASE_HOST,
      port: Number(process.env.DATABASE_PORT ?? 5432),
      user: process.env.DATABASE_USERNAME,
      password: process.env.DATABASE_PASSWORD,
      database: process.env.DATABASE_NAME,
    });
    await client.connect();
    return {
      compter: async (sql) => (await client.query(sql)).rows,
      tables: async () => (await client.query("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public'")).rows.map((r) => r.t as string),
      fermer: () => client.end(),
    };
  }
  const base = new Database(process.env.DATABASE_FILENAME as string, { readonly: true, fileMustExist: true });
  return {
    compter: async (sql) => base.prepare(sql).all() as Array<{ t: string; n: number }>,
    tables: async () => (base.prepare("SELECT name AS t FROM sqlite_master WHERE type = 'table'").all() as Array<{ t: string }>).map((r) => r.t),
    fermer: async () => base.close(),
  };
}

/** Rows of every content table (content types, their components and links, members, files), in one query. */
async function compterLignes(): Promise<Record<string, number>> {
  connexion ??= await connecter();
  const tables = (await connexion.tables()).filter((table) => TABLES_CONTENU.some((prefixe) => table.startsWith(prefixe))).sort();
  const sql = tables.map((table) => `SELECT '${table}' AS t, count(*) AS n FROM "${table}"`).join(' UNION ALL ');
  return Object.fromEntries((await connexion.compter(sql)).map((r) => [r.t, Number(r.n)]));
}

afterAll(async () => {
  await connexion?.fermer();
});

// ---------------------------------------------------------------- sending and checking
interface Constat {
  titre: string;
  probleme: string;
}

function messagesDErreur(corps: any): string[] {
  if (!corps || typeof corps !== 'object') return [];
  const messages: string[] = [];
  const ajouter = (erreur: any) => {
    if (!erreur || typeof erreur !== 'object') return;
    if (typeof erreur.message === 'string') messages.push(erreur.message);
    for (const detail of Array.isArray(erreur.details?.errors) ? erreur.details.errors : []) ajouter(detail);
    ajouter(erreur.extensions?.error);
  };
  ajouter(corps.error);
  for (const erreur of Array.isArray(corps.errors) ? corps.errors : []) ajouter(erreur);
  return messages;
}

async function envoyer(demande: Demande) {
  const chemin = demande.chemin.replace(':projet', PROJET_DOC.documentId || 'inexistant');
  let requete = api()[demande.methode](chemin).set(demande.entete ?? {});
  if (demande.brut !== undefined) requete = requete.set('Content-Type', demande.type ?? 'application/json').send(demande.brut);
  else if (demande.corps !== undefined) requete = requete.send(demande.corps as object);
  return requete.buffer(true).parse((reponse, rappel) => {
    let texte = '';
    reponse.setEncoding('utf8');
    reponse.on('data', (morceau: string) => (texte += morceau));
    reponse.on('end', () => rappel(null, texte));
  });
}

describe('Campagne d’entrées hostiles générée depuis les schémas et la table des routes', () => {
  beforeAll(async () => {
    // A document of each collection for the updates (PUT, clone), created the normal way.
    const projet = await api().post('/api/projets').set(enteteJeton()).send({ data: await projetValide({ nom: 'Cible de la campagne hostile' }) });
    expect(projet.status).toBe(201);
    PROJET_DOC.documentId = projet.body.data.documentId;
    for (const { schema } of TYPES) {
      const liste = await api().get(`/api/${schema.info.pluralName}`).set(enteteJeton()).query({ status: 'draft', 'pagination[pageSize]': 1 });
      const premier = liste.body?.data?.[0]?.documentId;
      if (premier) cibles[schema.info.pluralName] = premier;
    }
    genererContenuRest();
    genererEcrituresRest();
    genererTableDesRoutes();
    genererAuth();
    genererAdmin();
    genererGraphql();
    genererCalcules();
  });

  it('ne répond jamais 5xx, ni pile ni SQL, toujours en français, et une écriture refusée n’écrit rien', async () => {
    const constats: Constat[] = [];
    let ecritures = 0;
    let avant = await compterLignes();
    for (const demande of demandes) {
      const reponse = await envoyer(demande);
      const texte = typeof reponse.body === 'string' ? reponse.body : reponse.text ?? '';
      let corps: unknown;
      try {
        corps = JSON.parse(texte);
      } catch {
        corps = undefined;
      }
      const signaler = (probleme: string) => constats.push({ titre: `${demande.methode.toUpperCase()} ${demande.titre}`, probleme: `${probleme} — ${reponse.status} ${texte.slice(0, 300)}` });
      if (reponse.status >= 500) signaler('réponse 5xx');
      if (RE_PILE.test(texte)) signaler('pile d’appels dans la réponse');
      const erreurs = messagesDErreur(corps);
      if ((reponse.status >= 400 || erreurs.length > 0) && RE_SQL.test(texte)) signaler('texte SQL dans la réponse');
      for (const message of erreurs) if (RE_ANGLAIS.test(message)) signaler(`message en anglais : « ${message.slice(0, 120)} »`);
      if (demande.ecriture) {
        ecritures += 1;
        if (reponse.status < 400 || reponse.status >= 500) signaler('écriture hostile acceptée');
        const apres = await compterLignes();
        const changees = Object.keys({ ...avant, ...apres }).filter((table) => avant[table] !== apres[table]);
        if (changees.length > 0) signaler(`lignes modifiées : ${changees.map((t) => `${t} ${avant[t]} → ${apres[t]}`).join(', ')}`);
        avant = apres;
      }
    }
    process.stdout.write(`Campagne hostile : ${demandes.length} requêtes envoyées (${ecritures} écritures), ${constats.length} constats.\n`);
    expect(demandes.length).toBeGreaterThanOrEqual(300);
    expect(constats).toEqual([]);
  }, 600_000);
});

// ---------------------------------------------------------------- the defects found by hand, one by one
const COLLECTIVITES_ADMIN = '/content-manager/collection-types/api::collectivite.collectivite';

/** A French 4xx in Strapi's error shape whose message names `parametre`. */
function attendreRefus(reponse: { status: number; body: any }, statut: number, parametre: string | RegExp) {
  expect(reponse.status).toBe(statut);
  expect(reponse.body.data).toBeNull();
  expect(reponse.body.error.status).toBe(statut);
  if (typeof parametre === 'string') expect(reponse.body.error.message).toContain(`« ${parametre} »`);
  else expect(reponse.body.error.message).toMatch(parametre);
  expect(reponse.body.error.message).not.toMatch(RE_ANGLAIS);
}

describe('Entrées invalides : un 4xx en français qui nomme le paramètre, jamais un 5xx', () => {
  it.each([
    ['fields', '/api/projets?fields='],
    ['filters', '/api/projets?filters=abc'],
    ['filters[population][$gt]', '/api/collectivites?filters[population][$gt]=abc'],
    ['filters[latitude][$between]', '/api/collectivites?filters[latitude][$between]=a,b'],
    ['filters[id][$eq]', '/api/projets?filters[id][$eq]=abc'],
    ['filters[id][$in]', `/api/projets?filters[id][$in]=${Array.from({ length: 2000 }, (_, i) => i + 1).join(',')}`],
    ['filters[nom][$eq]', '/api/projets?filters[nom][$eq]=a%00b'],
    ['filters[population][$lt]', `${COLLECTIVITES_ADMIN}?filters[population][$lt]=beaucoup`],
  ])('GET refusé, nommant %s', async (parametre, chemin) => {
    attendreRefus(await api().get(chemin).set(chemin.startsWith('/content-manager') ? enteteAdmin() : {}), 400, parametre);
  });

  it('refuse un octet nul dans le chemin, la connexion, l’inscription et la confirmation', async () => {
    attendreRefus(await api().get('/api/projets/abc%00def'), 400, /chemin de la requête contient un octet nul/);
    attendreRefus(await api().post('/api/auth/local').send({ identifier: 'a\u0000b', password: 'x' }), 400, 'identifier');
    attendreRefus(await api().post('/api/auth/local/register').send({ username: 'nul', email: 'a\u0000b@x.fr', password: 'MotDePasse-1', organisation: 'X' }), 400, 'email');
    attendreRefus(await api().get('/api/auth/email-confirmation?confirmation=a%00b'), 400, 'confirmation');
  });

  it('refuse les corps liste, trop profonds ou non JSON', async () => {
    const admin = enteteAdmin();
    attendreRefus(await api().post(COLLECTIVITES_ADMIN).set(admin).set('Content-Type', 'application/json').send('[1,2]'), 400, /doit être un objet JSON/);
    attendreRefus(await api().post('/api/auth/local').set('Content-Type', 'application/json').send('['.repeat(5000) + ']'.repeat(5000)), 400, /doit être un objet JSON/);
    attendreRefus(await api().post('/api/auth/local').set('Content-Type', 'application/json').send(profond(5000)), 400, /imbriqué trop profondément \(64 niveaux au plus\)/);
    const texte = await api().post('/api/auth/local').set('Content-Type', 'text/plain').send('bonjour');
    attendreRefus(texte, 415, /Type de contenu « text\/plain » refusé/);
    const illisible = await api().post('/api/auth/local').set('Content-Type', 'application/json').send('{nope');
    attendreRefus(illisible, 400, /JSON invalide/);
    expect(illisible.body.error.name).toBe('ValidationError');
  });

  it('refuse un id dans le corps d’une création, en REST comme dans l’administration, sans rien écrire', async () => {
    const avant = await compterLignes();
    attendreRefus(await api().post(COLLECTIVITES_ADMIN).set(enteteAdmin()).send({ id: 1, nom: 'Identifiant imposé', type: 'commune' }), 400, 'id');
    attendreRefus(await api().post('/api/collectivites').set(enteteJeton()).send({ data: { id: 1, nom: 'Identifiant imposé', type: 'commune' } }), 400, 'id');
    expect(await compterLignes()).toEqual(avant);
  });

  it('refuse un nombre qui dépasse sa colonne (1e308) dans l’administration', async () => {
    const avant = await compterLignes();
    attendreRefus(await api().post(COLLECTIVITES_ADMIN).set(enteteAdmin()).send({ nom: 'Trop peuplée', type: 'commune', population: 1e308 }), 400, /\(population\) doit être compris entre/);
    const projet = await api().post('/api/projets').set(enteteJeton()).send({ data: await projetValide({ nom: 'Impact démesuré' }) });
    const modification = await api()
      .put(`/content-manager/collection-types/api::projet.projet/${projet.body.data.documentId}`)
      .set(enteteAdmin())
      .send({ impactEnvironnementalKwhAn: 1e308 });
    attendreRefus(modification, 400, /\(impactEnvironnementalKwhAn\) doit être compris entre/);
    expect((await compterLignes())['collectivites']).toBe(avant['collectivites']);
  });
});

describe('GraphQL : cycles de fragments et coût borné, en français', () => {
  it('refuse un cycle de fragments sans erreur interne', async () => {
    const reponse = await api().post('/graphql').send({ query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }' });
    expect(reponse.status).toBe(400);
    expect(reponse.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(reponse.body.errors[0].message).toBe('Requête GraphQL refusée : les fragments se citent en boucle (A → B → A).');
  });

  it('refuse 1 000 alias × 100 projets avec relations, accepte une page de 100', async () => {
    const alias = Array.from({ length: 1000 }, (_, i) => `a${i}: projets(pagination: { pageSize: 100 }) { nom collectivite { projets { nom } } }`).join(' ');
    const refusee = await api().post('/graphql').send({ query: `{ ${alias} }` });
    expect(refusee.status).toBe(400);
    expect(refusee.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(refusee.body.errors[0].message).toMatch(/^Requête GraphQL refusée : 1000 alias, 50 au plus/);
    const couteuse = await api().post('/graphql').send({ query: '{ projets(pagination: { pageSize: 100 }) { collectivite { projets(pagination: { pageSize: 100 }) { nom offreurs { nom } } } } }' });
    expect(couteuse.body.errors[0].message).toMatch(/^Requête GraphQL refusée : coût estimé \d+, 25000 au plus/);
    const ordinaire = await api().post('/graphql').send({ query: '{ projets(pagination: { pageSize: 100 }) { nom collectivite { nom } offreurs { nom } } }' });
    expect(ordinaire.status).toBe(200);
    expect(ordinaire.body.errors).toBeUndefined();
  });
});

describe('Messages en français sur tous les chemins', () => {
  it('validation de users-permissions (yup), y compris dans details.errors', async () => {
    const reponse = await api().post('/api/auth/local').send({ identifier: 1, password: 2 });
    expect(reponse.status).toBe(400);
    expect(reponse.body.error.message).toBe('2 erreurs de validation.');
    expect(reponse.body.error.details.errors.map((e: { message: string }) => e.message)).toEqual([
      'Le champ « identifier » doit être un texte.',
      'Le champ « password » doit être un texte.',
    ]);
    const reinitialisation = await api().post('/api/auth/reset-password').send({});
    for (const message of messagesDErreur(reinitialisation.body)) expect(message).not.toMatch(RE_ANGLAIS);
    expect(reinitialisation.body.error.details.errors.map((e: { message: string }) => e.message)).toContain('Le champ « code » est obligatoire.');
  });

  it('valeur unique, corps trop volumineux', async () => {
    const unique = await api().post('/api/collectivites').set(enteteJeton()).send({ data: { nom: 'Doublon', type: 'commune', siren: '243300316' } });
    expect(unique.status).toBe(400);
    expect(unique.body.error.message).toBe('Le champ « siren » doit être unique : cette valeur est déjà utilisée.');
    const volumineux = await api().post('/api/auth/local').send({ identifier: 'x'.repeat(2 * 1024 * 1024) });
    expect(volumineux.status).toBe(413);
    expect(volumineux.body.error.message).toBe('Corps de la requête trop volumineux.');
  });

  it('GraphQL : accès refusé et `me` sans compte (code FORBIDDEN, pas INTERNAL_SERVER_ERROR)', async () => {
    const refus = await api().post('/graphql').send({ query: '{ usersPermissionsUsers { username } }' });
    expect(refus.body.errors[0].message).toBe('Accès refusé : vous n’avez pas le droit de faire cette action.');
    const me = await api().post('/graphql').set(enteteJeton()).send({ query: '{ me { id } }' });
    expect(me.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(me.body.errors[0].message).toMatch(/^La requête « me » répond pour un membre connecté/);
    const inconnu = await api().post('/graphql').send({ query: '{ projets { inexistant } }' });
    expect(inconnu.body.errors[0].message).toBe('Le champ « inexistant » n’existe pas sur le type « Projet ».');
  });
});

describe('Relations : un identifiant qui n’est pas un entier', () => {
  it('répond « document inexistant » (400), jamais 500', async () => {
    const reponse = await api().post('/api/collectivites').set(enteteJeton()).send({ data: { nom: 'Relation décimale', type: 'commune', projets: 12.5 } });
    attendreRefus(reponse, 400, /\(projets\) fait référence à un document inexistant : 12\.5/);
  });
});
