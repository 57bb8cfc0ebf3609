/**
 * Admin permission matrix, generated: every content-manager route naming a content type (read from the
 * plugin's route table) and every route of the revue-editoriale and import-projets plugins × every editorial role × a
 * projet of the agent's collectivité or of another one × every workflow state. The expected answer is
 * derived from the one table of rules (PERMISSIONS_EDITORIALES for RBAC, machine.ts for the workflow);
 * a refused write must leave the document as it was. Then the same for the admin users and roles routes.
 */
import path from 'path';
import type { Test } from 'supertest';
import { api, enteteAdmin } from '../helpers/http';
import { collectiviteParSiren, nombreDeProjets, publicCible, thematique } from '../helpers/donnees';
import { creerAgent, rattacher, type Agent } from '../helpers/comptes';
import { PERMISSIONS_EDITORIALES, ROLES_EDITORIAUX } from '../../src/bootstrap/roles-editoriaux';
import { ACTIONS, ETATS, decider, peutModifier, peutSupprimer, type Etat, type Role } from '../../src/plugins/revue-editoriale/server/machine';
import revueEditoriale from '../../src/plugins/revue-editoriale/server';
import importProjets from '../../src/plugins/import-projets/server';
import { ServeurSmtp } from '../helpers/smtp';

const PROJET = 'api::projet.projet';
const RACINE = path.resolve(__dirname, '../..');

interface DefinitionRoute {
  method: string;
  path: string;
  handler: string;
  config?: { policies?: Array<string | { name: string; config?: { actions?: string[] } }> };
}

// The route tables as Strapi registers them (content-manager: its admin router; plugin: its own definition).
const routesCm = (require(path.join(RACINE, 'node_modules/@strapi/content-manager/dist/server/routes/admin.js')) as { routes: DefinitionRoute[] }).routes;
const routesRevue = revueEditoriale.routes.admin.routes as DefinitionRoute[];
const routesImport = importProjets.routes.admin.routes as DefinitionRoute[];
const routesAdmin = (require(path.join(RACINE, 'node_modules/@strapi/admin/dist/server/server/src/routes/index.js')) as { admin: { routes: DefinitionRoute[] } }).admin.routes;

/** What a route does to the document it names: each nature has one expectation below. */
type Nature = 'liste' | 'creer' | 'lire' | 'cloner' | 'modifier' | 'supprimer' | 'publier' | 'depublier' | 'abandonner' | 'relations' | 'type-unique' | 'transition' | 'etat' | 'a-relire' | 'tableau-de-bord' | 'import';
const NATURES: Record<string, Nature> = {
  'collection-types.find': 'liste',
  'collection-types.create': 'creer',
  'collection-types.findOne': 'lire',
  'collection-types.bulkFindForValidation': 'lire',
  'collection-types.countDraftRelations': 'lire',
  'collection-types.countManyEntriesDraftRelations': 'lire',
  'collection-types.clone': 'cloner',
  'collection-types.autoClone': 'cloner',
  'collection-types.update': 'modifier',
  'collection-types.delete': 'supprimer',
  'collection-types.bulkDelete': 'supprimer',
  'collection-types.publish': 'publier',
  'collection-types.bulkPublish': 'publier',
  'collection-types.unpublish': 'depublier',
  'collection-types.bulkUnpublish': 'depublier',
  'collection-types.discard': 'abandonner',
  'relations.findAvailable': 'relations',
  'relations.findExisting': 'relations',
  'revue.transitionner': 'transition',
  'revue.document': 'etat',
  'revue.aRelire': 'a-relire',
  'revue.tableauDeBord': 'tableau-de-bord',
  'import.analyser': 'import',
  'import.executer': 'import',
  'import.execution': 'import',
};
/** POST /collection-types/:model/actions/publish creates a document and publishes it at once. */
const creePuisPublie = (route: DefinitionRoute) => route.handler === 'collection-types.publish' && !route.path.includes(':id');
const nature = (route: DefinitionRoute): Nature | undefined => (route.handler.startsWith('single-types.') ? 'type-unique' : NATURES[route.handler]);

const ROUTES_MATRICE = [
  ...routesCm.filter((r) => r.path.includes(':model')).map((r) => ({ ...r, prefixe: '/content-manager' })),
  ...routesRevue.map((r) => ({ ...r, prefixe: '/revue-editoriale' })),
  ...routesImport.map((r) => ({ ...r, prefixe: '/import-projets' })),
];

// ---- The expectation, from the one table of rules ----

type ActionRbac = 'create' | 'read' | 'update' | 'delete' | 'publish';
/** RBAC of `role` on projets: granted everywhere, only on its collectivités' documents, or not at all. */
function rbac(role: Role, action: ActionRbac, sienne: boolean): boolean {
  const regles = PERMISSIONS_EDITORIALES[role].regles.filter((r) => r.actions.includes(action) && r.sujets.includes(PROJET));
  return regles.some((r) => !r.condition || sienne);
}
const dejaPublie = (etat: Etat) => etat === 'publie' || etat === 'archive';

/** ok: 2xx; 403: refused; impossible: not 403, not 5xx, nothing changed (the action has no object in this state). */
type Attendu = 'ok' | 403 | 'impossible';

function attendu(n: Nature, handler: string, role: Role, sienne: boolean, etat: Etat, action?: (typeof ACTIONS)[number]): Attendu {
  const lit = rbac(role, 'read', sienne);
  const roleDuDocument: Role | null = role === 'moderateur' ? role : sienne ? role : null;
  switch (n) {
    case 'lire':
    case 'relations':
    case 'etat':
      return lit ? 'ok' : 403;
    case 'cloner':
      if (!lit || !rbac(role, 'create', sienne)) return 403;
      return handler === 'collection-types.autoClone' ? 'impossible' : 'ok'; // the slug is unique: no clone without a new one
    case 'modifier':
      return rbac(role, 'update', sienne) && roleDuDocument && peutModifier(etat, roleDuDocument) ? 'ok' : 403;
    case 'supprimer':
      return rbac(role, 'delete', sienne) && roleDuDocument && peutSupprimer(dejaPublie(etat), roleDuDocument) ? 'ok' : 403;
    case 'abandonner':
      if (!rbac(role, 'update', sienne) || !roleDuDocument) return 403;
      return etat !== 'publie' ? 'impossible' : peutModifier(etat, roleDuDocument) ? 'ok' : 403;
    case 'publier': {
      if (!rbac(role, 'publish', sienne) || !roleDuDocument) return 403;
      const decision = decider(etat, 'publier', roleDuDocument, { collectiviteAvecReferent: true, sansCollectivite: false });
      if (decision.ok || etat === 'publie') return 'ok'; // publishing what is published answers the document as it is
      return decision.statut === 403 ? 403 : 'impossible';
    }
    case 'depublier': {
      if (!rbac(role, 'publish', sienne) || !roleDuDocument) return 403;
      if (etat !== 'publie') return 'impossible'; // nothing published to take down
      const decision = decider(etat, 'archiver', roleDuDocument, { collectiviteAvecReferent: true, sansCollectivite: false });
      return decision.ok ? 'ok' : decision.statut === 403 ? 403 : 'impossible';
    }
    case 'transition': {
      if (!roleDuDocument) return 403;
      const decision = decider(etat, action!, roleDuDocument, { collectiviteAvecReferent: true, sansCollectivite: false }, 'Commentaire de la matrice.');
      return decision.ok ? 'ok' : decision.statut === 403 ? 403 : 'impossible';
    }
    case 'import':
      // The matrix sends no file and no known token: a modérateur is answered 400/404, never 403; nobody else gets past the role.
      return role === 'moderateur' ? 'impossible' : 403;
    default:
      return 'ok';
  }
}

/** Routes that only list: is the document in the list? */
function visible(n: Nature, role: Role, sienne: boolean, etat: Etat): boolean {
  if (n === 'a-relire') return (role === 'moderateur' && etat === 'en_moderation') || (role === 'referent' && sienne && etat === 'en_validation');
  // The home page lists the drafts of the agent's collectivités and its own: a modérateur is in none here.
  if (n === 'tableau-de-bord') return role !== 'moderateur' && sienne;
  return rbac(role, 'read', sienne);
}

const MUTATIONS: ReadonlySet<Nature> = new Set(['modifier', 'supprimer', 'publier', 'depublier', 'abandonner', 'transition']);

// ---- Fixtures: agents of two collectivités, one projet per collectivité and state ----

interface Collectivite {
  documentId: string;
  contributeur: Agent;
  referent: Agent;
}
/** The agents' collectivité and another one. */
let lyon: Collectivite;
let strasbourg: Collectivite;
let moderateur: Agent;
let mobilites: string;
let agents: string;
let offreur: string;
const acteurs = {} as Record<Role, Agent>;
const partages = new Map<string, { documentId: string; nom: string }>(); // `${sienne}:${etat}`
const empreintesInitiales = new Map<string, string>(); // of the shared projets, which no case may change
let numero = 0;
// Transitions notify by email: a listening server keeps the outbox from retrying during the matrix, and
// it stops only once the outbox is drained (nothing received for 2 s), not to delay other files' emails.
const smtp = new ServeurSmtp();
afterAll(async () => {
  for (let vus = -1, fin = Date.now() + 60_000; vus !== smtp.recus.length && Date.now() < fin; ) {
    vus = smtp.recus.length;
    await new Promise((r) => setTimeout(r, 2000));
  }
  await smtp.arreter();
}, 70_000);

const cm = `/content-manager/collection-types/${PROJET}`;
const transition = (agent: Agent, documentId: string, action: string) =>
  api().post('/revue-editoriale/transitions').set(agent.entete).send({ uid: PROJET, documentId, action, commentaire: 'Commentaire de la matrice.' });

async function exiger(reponse: Promise<{ status: number; body: unknown }>, statut: number, quoi: string) {
  const r = await reponse;
  if (r.status !== statut) throw new Error(`${quoi} : ${r.status} ${JSON.stringify(r.body)}`);
  return r;
}

/** A projet of `c` brought to `etat` the normal way (creation by its contributeur, then transitions). */
async function projet(c: Collectivite, etat: Etat): Promise<{ documentId: string; nom: string }> {
  numero += 1;
  const nom = `Matrice ${Date.now().toString(36)} ${numero} ${etat}`;
  const cree = await exiger(
    api().post(cm).set(c.contributeur.entete).send({ nom, description: 'Projet de la matrice.', statut: 'experimentation', dateDemarrage: '2024-03-01', financement: 'Restreint de la matrice', thematique: { connect: [{ documentId: mobilites }] }, publics: { connect: [{ documentId: agents }] } }),
    201,
    'Création',
  );
  const documentId = (cree.body as { data: { documentId: string } }).data.documentId;
  const etapes: Record<Etat, Array<[Agent, string]>> = {
    brouillon: [],
    en_validation: [[c.contributeur, 'soumettre']],
    en_moderation: [[c.contributeur, 'soumettre'], [c.referent, 'valider']],
    modifications_demandees: [[c.contributeur, 'soumettre'], [c.referent, 'demander_modifications']],
    publie: [[c.contributeur, 'soumettre'], [c.referent, 'valider'], [moderateur, 'publier']],
    archive: [[c.contributeur, 'soumettre'], [c.referent, 'valider'], [moderateur, 'publier'], [moderateur, 'archiver']],
  };
  for (const [agent, action] of etapes[etat]) await exiger(transition(agent, documentId, action), 200, `${action} (${etat})`);
  return { documentId, nom };
}

/** Everything a write could change: draft, published version, review state and history. */
async function empreinte(documentId: string): Promise<string> {
  const [brouillon, publie, revue] = await Promise.all([
    api().get(`${cm}/${documentId}`).set(enteteAdmin()),
    api().get(`${cm}/${documentId}`).query({ status: 'published' }).set(enteteAdmin()),
    api().get(`/revue-editoriale/documents/${PROJET}/${documentId}`).set(enteteAdmin()),
  ]);
  const { meta: _meta, ...publieSansMeta } = (publie.body ?? {}) as Record<string, unknown>;
  return JSON.stringify([brouillon.status, brouillon.body?.data, publie.status, publieSansMeta, revue.body?.data?.etat, revue.body?.data?.historique?.length]);
}

/** Runs `taches` with at most `n` at a time (the server has two cores). */
async function parLots<T>(taches: Array<() => Promise<T>>, n = 6): Promise<T[]> {
  const resultats: T[] = new Array(taches.length);
  let suivant = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (suivant < taches.length) {
        const i = suivant++;
        resultats[i] = await taches[i]();
      }
    }),
  );
  return resultats;
}

beforeAll(async () => {
  await smtp.demarrer();
  const s = Date.now().toString(36);
  const [cL, rL, cS, rS, m] = await Promise.all([
    creerAgent(`matrice.contributeur.${s}@lyon.fr`, ROLES_EDITORIAUX.contributeur),
    creerAgent(`matrice.referent.${s}@lyon.fr`, ROLES_EDITORIAUX.referent),
    creerAgent(`matrice.contributeur.${s}@strasbourg.eu`, ROLES_EDITORIAUX.contributeur),
    creerAgent(`matrice.referent.${s}@strasbourg.eu`, ROLES_EDITORIAUX.referent),
    creerAgent(`matrice.moderateur.${s}@interconnectes.fr`, ROLES_EDITORIAUX.moderateur),
  ]);
  moderateur = m;
  // Two collectivités no other test file uses (Lyon, Strasbourg): the agents given to them change nothing elsewhere.
  lyon = { documentId: await collectiviteParSiren('216901231'), contributeur: cL, referent: rL };
  strasbourg = { documentId: await collectiviteParSiren('216704825'), contributeur: cS, referent: rS };
  mobilites = await thematique('mobilites');
  agents = await publicCible('agent');
  await rattacher(lyon.documentId, { referents: [rL], contributeurs: [cL] });
  await rattacher(strasbourg.documentId, { referents: [rS], contributeurs: [cS] });
  Object.assign(acteurs, { contributeur: cL, referent: rL, moderateur: m });
  await parLots(
    [true, false].flatMap((sienne) => ETATS.map((etat) => async () => partages.set(`${sienne}:${etat}`, await projet(sienne ? lyon : strasbourg, etat)))),
    4,
  );
  // An offreur (read by every agent) linked to every shared projet: its « projets » relation lists them.
  const o = await exiger(
    api().post('/content-manager/collection-types/api::offreur.offreur').set(moderateur.entete).send({ nom: `Offreur matrice ${s}`, type: 'startup', projets: { connect: [...partages.values()].map((p) => ({ documentId: p.documentId })) } }),
    201,
    'Offreur',
  );
  offreur = (o.body as { data: { documentId: string } }).data.documentId;
  for (const [cle, p] of partages) empreintesInitiales.set(cle, await empreinte(p.documentId));
}, 240_000);

/** The shared projets a route's refused cases changed (refused writes only ever touch shared projets). */
async function partagesChanges(): Promise<string[]> {
  const changes: string[] = [];
  for (const [cle, p] of partages) if ((await empreinte(p.documentId)) !== empreintesInitiales.get(cle)) changes.push(`projet partagé ${cle.replace('true', 'sien').replace('false', 'autre')} changé`);
  return changes;
}

// ---- The request a route makes for a case ----

interface Cas {
  role: Role;
  sienne: boolean;
  etat: Etat;
  action?: (typeof ACTIONS)[number];
  /** Name of the projet a creation route makes. */
  nomCree?: string;
}

function requete(route: (typeof ROUTES_MATRICE)[number], agent: Agent, doc: { documentId: string; nom: string }, c: Cas) {
  const chemin = route.prefixe + route.path
    .replace(':model', PROJET)
    .replace(':sourceId', doc.documentId)
    .replace(':id', doc.documentId)
    .replace(':targetField', 'thematique')
    .replace(':uid', PROJET)
    .replace(':documentId', doc.documentId);
  const methode = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
  let r = api()[methode](chemin).set(agent.entete);
  const collectivite = c.sienne ? lyon.documentId : strasbourg.documentId;
  switch (route.handler) {
    case 'collection-types.find':
      return r.query({ _q: doc.nom, pageSize: 100 });
    case 'collection-types.create':
      return r.send({ nom: c.nomCree, description: 'Création.', statut: 'exploration', collectivite: { connect: [{ documentId: collectivite }] } });
    case 'collection-types.countManyEntriesDraftRelations':
      return r.query({ 'documentIds[0]': doc.documentId });
    case 'collection-types.clone':
      return r.send({ nom: `Clone matrice ${++numero}`, slug: `clone-matrice-${Date.now().toString(36)}-${numero}` });
    case 'collection-types.update':
      return r.send({ resume: `Modifié par la matrice ${++numero}` });
    case 'collection-types.publish':
      if (!route.path.includes(':id')) {
        return r.send({ nom: c.nomCree, description: 'Créé et publié.', statut: 'exploration', dateDemarrage: '2024-03-01', collectivite: { connect: [{ documentId: collectivite }] }, thematique: { connect: [{ documentId: mobilites }] }, publics: { connect: [{ documentId: agents }] } });
      }
      return r.send({});
    case 'relations.findAvailable':
      return r.query({ id: doc.documentId });
    case 'revue.transitionner':
      return r.send({ uid: PROJET, documentId: doc.documentId, action: c.action, commentaire: 'Commentaire de la matrice.' });
    default:
      if (/^collection-types\.bulk/.test(route.handler)) r = r.send({ documentIds: [doc.documentId] });
      else if (route.method !== 'GET') r = r.send({});
      return r;
  }
}

/** The same document's name, seen from the other side of a relation: the available and existing lists. */
async function nomVuParRelation(agent: Agent, doc: { documentId: string; nom: string }, existantes: boolean): Promise<boolean> {
  const reponse = existantes
    ? await api().get(`/content-manager/relations/api::offreur.offreur/${offreur}/projets`).query({ pageSize: 100 }).set(agent.entete)
    : await api().get('/content-manager/relations/api::ressource.ressource/projets').query({ _q: doc.nom, pageSize: 100 }).set(agent.entete);
  const texte = JSON.stringify(reponse.body);
  return texte.includes(doc.documentId) || texte.includes(doc.nom);
}

function dansLaListe(n: Nature, corps: any, doc: { documentId: string }): boolean {
  const elements: Array<{ documentId?: string }> = n === 'a-relire' ? corps?.data ?? [] : n === 'tableau-de-bord' ? corps?.data?.mesDocuments ?? [] : corps?.results ?? [];
  return elements.some((e) => e.documentId === doc.documentId);
}

describe('Matrice des routes d’administration des documents', () => {
  it('classe chaque route du gestionnaire de contenu et du plugin (une route nouvelle doit être classée ici)', () => {
    expect(ROUTES_MATRICE.filter((r) => !nature(r)).map((r) => `${r.method} ${r.prefixe}${r.path} (${r.handler})`)).toEqual([]);
    expect(ROUTES_MATRICE.length).toBeGreaterThan(25);
  });

  const roles = Object.keys(PERMISSIONS_EDITORIALES) as Role[];
  describe.each(ROUTES_MATRICE.filter((r) => nature(r)).map((r) => [`${r.method} ${r.prefixe}${r.path}`, r] as const))('%s', (_nom, route) => {
    const n = nature(route)!;
    const cas: Cas[] = roles.flatMap((role) =>
      [true, false].flatMap((sienne) =>
        ETATS.flatMap((etat) => {
          // Routes that name no document depend on no state: one case per role and collectivité.
          if ((n === 'creer' || n === 'type-unique' || n === 'import' || creePuisPublie(route)) && etat !== 'brouillon') return [];
          if ((n === 'type-unique' || n === 'import') && !sienne) return [];
          return n === 'transition' ? ACTIONS.map((action) => ({ role, sienne, etat, action })) : [{ role, sienne, etat }];
        }),
      ),
    );

    it(`répond selon les règles pour ${cas.length} cas (rôle × collectivité × état)`, async () => {
      const ecarts = await parLots(
        cas.map((c) => async (): Promise<string | null> => {
          const agent = acteurs[c.role];
          const libelle = `${c.role} ${c.sienne ? 'sienne' : 'autre'} ${c.etat}${c.action ? ` ${c.action}` : ''}`;
          const partage = partages.get(`${c.sienne}:${c.etat}`)!;

          if (n === 'type-unique') {
            const r = await requete(route, agent, partage, c);
            return r.status >= 400 && r.status < 500 ? null : `${libelle} : ${r.status} (aucun type unique : 4xx attendu)`;
          }
          if (n === 'creer' || creePuisPublie(route)) {
            // Creating is the contributeur's right for its collectivités; publishing at once is refused by the
            // workflow (a new document is a brouillon) or by RBAC.
            const rbacPermis = rbac(c.role, 'create', c.sienne) && (c.sienne || c.role === 'moderateur') && (n === 'creer' || rbac(c.role, 'publish', c.sienne));
            const prevu: Attendu = !rbacPermis ? 403 : n === 'creer' || decider('brouillon', 'publier', c.role, { collectiviteAvecReferent: true, sansCollectivite: false }).ok ? 'ok' : 'impossible';
            const nomCree = `Création matrice ${Date.now().toString(36)} ${++numero}`;
            const r = await requete(route, agent, partage, { ...c, nomCree });
            const crees = await nombreDeProjets(nomCree);
            if (prevu === 'ok') return r.status >= 200 && r.status < 300 && crees === 1 ? null : `${libelle} : ${r.status}, ${crees} créé(s) (attendu 2xx)`;
            const statutOk = prevu === 403 ? r.status === 403 : r.status !== 403 && r.status < 500 && r.status >= 400;
            return statutOk && crees === 0 ? null : `${libelle} : ${r.status}, ${crees} créé(s) (attendu ${prevu}, rien de créé)`;
          }
          if (n === 'liste' || n === 'a-relire') {
            const r = await requete(route, agent, partage, c);
            const attenduVisible = visible(n, c.role, c.sienne, c.etat);
            return r.status === 200 && dansLaListe(n, r.body, partage) === attenduVisible ? null : `${libelle} : ${r.status}, listé ${!attenduVisible} (attendu ${attenduVisible})`;
          }
          if (n === 'tableau-de-bord') {
            // Its 50 most recent drafts: the shared projet may have left it, but nothing unreadable ever enters.
            const r = await requete(route, agent, partage, c);
            const liste = dansLaListe(n, r.body, partage);
            return r.status === 200 && (!liste || visible(n, c.role, c.sienne, c.etat)) ? null : `${libelle} : ${r.status}, listé alors qu’il n’est pas à lui`;
          }

          const prevu = attendu(n, route.handler, c.role, c.sienne, c.etat, c.action);
          // A write that should succeed acts on a fresh projet in the same state; the shared one stays as is.
          const doc = prevu === 'ok' && MUTATIONS.has(n) ? await projet(c.sienne ? lyon : strasbourg, c.etat) : partage;
          const r = await requete(route, agent, doc, c);
          const erreurs: string[] = [];
          if (prevu === 'ok' && (r.status < 200 || r.status >= 300)) erreurs.push(`${r.status} au lieu de 2xx ${JSON.stringify(r.body?.error?.message)}`);
          if (prevu === 403 && r.status !== 403) erreurs.push(`${r.status} au lieu de 403`);
          if (prevu === 'impossible' && (r.status === 403 || r.status >= 500)) erreurs.push(`${r.status} alors que l’action est permise mais sans objet`);
          if (prevu === 'ok' && n === 'cloner') {
            const clone = r.body?.data?.documentId as string;
            const etatClone = (await api().get(`/revue-editoriale/documents/${PROJET}/${clone}`).set(enteteAdmin())).body?.data?.etat;
            const lu = await api().get(`/content-manager/relations/${PROJET}/${clone}/collectivite`).set(enteteAdmin());
            if (etatClone !== 'brouillon') erreurs.push(`clone à l’état ${etatClone}`);
            if (lu.body?.results?.[0]?.documentId !== (c.sienne ? lyon : strasbourg).documentId) erreurs.push('clone hors de la collectivité de la source');
          }
          if (n === 'relations') {
            const vu = await nomVuParRelation(agent, doc, route.handler === 'relations.findExisting');
            if (vu !== rbac(c.role, 'read', c.sienne)) erreurs.push(`nom ${vu ? 'visible' : 'caché'} par la relation inverse`);
          }
          return erreurs.length === 0 ? null : `${libelle} : ${erreurs.join(' ; ')}`;
        }),
      );
      expect([...ecarts.filter(Boolean), ...(await partagesChanges())]).toEqual([]);
    }, 240_000);
  });
});

// ---- Admin accounts and roles (item 4) ----

/** The admin actions an editorial role holds (the table's `autres`, plus its content-manager actions). */
function actionsAdmin(role: Role): Set<string> {
  const { regles, autres } = PERMISSIONS_EDITORIALES[role];
  return new Set([...autres, ...regles.flatMap((r) => r.actions.map((a) => `plugin::content-manager.explorer.${a}`))]);
}
const actionsDeRoute = (route: DefinitionRoute) =>
  (route.config?.policies ?? []).flatMap((p) => (typeof p === 'object' && p.name === 'admin::hasPermissions' ? p.config?.actions ?? [] : []));

describe('Matrice des comptes et rôles d’administration', () => {
  let superAdmin: { id: number };
  let idsRoles: Record<string, number>;
  let cible: Agent;

  beforeAll(async () => {
    superAdmin = (await api().get('/admin/users/me').set(enteteAdmin())).body.data;
    const roles = (await api().get('/admin/roles').set(enteteAdmin())).body.data as Array<{ id: number; name: string; code: string }>;
    idsRoles = Object.fromEntries(roles.map((r) => [r.code === 'strapi-super-admin' ? 'Super Admin' : r.name, r.id]));
    cible = await creerAgent(`matrice.cible.${Date.now().toString(36)}@lyon.fr`, ROLES_EDITORIAUX.contributeur);
  });

  const compter = async () => {
    const [u, r, t, w] = await Promise.all(['/admin/users?pageSize=100', '/admin/roles', '/admin/api-tokens', '/admin/webhooks'].map((p) => api().get(p).set(enteteAdmin())));
    return JSON.stringify([u.body.data.pagination.total, r.body.data.length, t.body.data.length, w.body.data.length, JSON.stringify(u.body.data.results.map((x: { id: number; roles: Array<{ id: number }> }) => [x.id, x.roles.map((y) => y.id)]))]);
  };

  it('refuse, sans rien changer, toute route d’administration dont le rôle n’a pas la permission (jetons, webhooks, réglages, rôles…)', async () => {
    const gardees = routesAdmin.filter((r) => actionsDeRoute(r).length > 0);
    expect(gardees.length).toBeGreaterThan(30);
    const avant = await compter();
    const ecarts: string[] = [];
    for (const role of Object.keys(PERMISSIONS_EDITORIALES) as Role[]) {
      const permis = actionsAdmin(role);
      const refusees = gardees.filter((r) => !actionsDeRoute(r).some((a) => permis.has(a)));
      const reponses = await parLots(
        refusees.map((r) => () =>
          api()[r.method.toLowerCase() as 'get'](`/admin${r.path.replace(':id', String(superAdmin.id))}`).set(acteurs[role].entete).send(r.method === 'GET' ? undefined : { name: 'Intrus', roles: [idsRoles['Super Admin']] }),
        ),
      );
      reponses.forEach((rep, i) => rep.status !== 403 && ecarts.push(`${role} ${refusees[i].method} /admin${refusees[i].path} : ${rep.status}`));
    }
    expect(ecarts).toEqual([]);
    expect(await compter()).toBe(avant);
  });

  /** permis: what the role may do; the refusals of a route RBAC grants come from our guard, with its French message. */
  type CasCompte = { quoi: string; appel: (agent: Agent) => Test; permis: (role: Role) => boolean | 'toujours-400'; action?: string };
  const gere = (role: Role) => role === 'moderateur';
  const casComptes = (): CasCompte[] => [
    ...Object.values(ROLES_EDITORIAUX).map((nom) => ({
      quoi: `inviter un agent ${nom}`,
      appel: (a: Agent) => api().post('/admin/users').set(a.entete).send({ email: `invite.${Date.now().toString(36)}.${++numero}@lyon.fr`, firstname: 'Invité', roles: [idsRoles[nom]] }),
      permis: gere,
      action: 'admin::users.create',
    })),
    { quoi: 'inviter un Super Admin', appel: (a) => api().post('/admin/users').set(a.entete).send({ email: `sa.${++numero}@lyon.fr`, firstname: 'SA', roles: [idsRoles['Super Admin']] }), permis: () => false, action: 'admin::users.create' },
    { quoi: 'renommer un agent', appel: (a) => api().put(`/admin/users/${cible.id}`).set(a.entete).send({ firstname: `Renommé ${++numero}` }), permis: gere, action: 'admin::users.update' },
    { quoi: 'changer le rôle d’un agent (éditorial)', appel: (a) => api().put(`/admin/users/${cible.id}`).set(a.entete).send({ roles: [idsRoles[ROLES_EDITORIAUX.referent]] }), permis: gere, action: 'admin::users.update' },
    { quoi: 'faire d’un agent un Super Admin', appel: (a) => api().put(`/admin/users/${cible.id}`).set(a.entete).send({ roles: [idsRoles['Super Admin']] }), permis: () => false, action: 'admin::users.update' },
    { quoi: 'se faire Super Admin', appel: (a) => api().put(`/admin/users/${a.id}`).set(a.entete).send({ roles: [idsRoles['Super Admin']] }), permis: () => false, action: 'admin::users.update' },
    { quoi: 'se faire Super Admin par /users/me', appel: (a) => api().put('/admin/users/me').set(a.entete).send({ roles: [idsRoles['Super Admin']] }), permis: () => 'toujours-400' },
    { quoi: 'modifier le compte du Super Admin', appel: (a) => api().put(`/admin/users/${superAdmin.id}`).set(a.entete).send({ firstname: 'Pirate' }), permis: () => false, action: 'admin::users.update' },
    { quoi: 'désactiver le Super Admin', appel: (a) => api().put(`/admin/users/${superAdmin.id}`).set(a.entete).send({ isActive: false }), permis: () => false, action: 'admin::users.update' },
    { quoi: 'supprimer le Super Admin', appel: (a) => api().delete(`/admin/users/${superAdmin.id}`).set(a.entete), permis: () => false },
    { quoi: 'supprimer des comptes par lot', appel: (a) => api().post('/admin/users/batch-delete').set(a.entete).send({ ids: [superAdmin.id, cible.id] }), permis: () => false },
    { quoi: 'créer un rôle', appel: (a) => api().post('/admin/roles').set(a.entete).send({ name: `Rôle ${++numero}` }), permis: () => false },
    { quoi: 'modifier les permissions d’un rôle éditorial', appel: (a) => api().put(`/admin/roles/${idsRoles[ROLES_EDITORIAUX.contributeur]}/permissions`).set(a.entete).send({ permissions: [] }), permis: () => false },
  ];

  it.each((Object.keys(PERMISSIONS_EDITORIALES) as Role[]).flatMap((role) => casComptes().map((c, i) => [role, c.quoi, i] as const)))(
    '%s : %s',
    async (role, _quoi, i) => {
      const c = casComptes()[i];
      const permis = c.permis(role);
      const avant = permis === true ? '' : await compter();
      const r = await c.appel(acteurs[role]);
      if (permis === true) {
        expect([200, 201]).toContain(r.status);
      } else {
        expect(r.status).toBe(permis === 'toujours-400' ? 400 : 403);
        expect(await compter()).toBe(avant);
        if (c.action && actionsAdmin(role).has(c.action)) expect(r.body.error.message).toMatch(/Super Admin|modérateur/);
      }
    },
  );
});
