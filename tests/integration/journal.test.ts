/**
 * Journal d’audit (docs/journal.md), through the real HTTP server: who did what is recorded for each
 * kind of action, read by modérateurs and Super Admins in the content manager, never written by hand,
 * never served on the content API; the purge removes only the entries older than the retention.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { parse } from 'csv-parse/sync';
import * as XLSX from '@e965/xlsx';
import { api, enteteAdmin, enteteJeton, graphql } from '../helpers/http';
import { collectiviteParSiren, projetValide, publicCible, thematique } from '../helpers/donnees';
import { creerAgent, MOT_DE_PASSE_AGENT, rattacher, type Agent } from '../helpers/comptes';
import { configurer, executerSql, purgerJournalDansStrapi } from '../helpers/pont';
import { ServeurSmtp } from '../helpers/smtp';
import type { EntreeJournal } from '../../src/domaine/journal';

const JOURNAL = 'api::journal.entree-journal';
const PROJET = 'api::projet.projet';
const cm = (uid = PROJET) => `/content-manager/collection-types/${uid}`;
const suffixe = Date.now().toString(36);
const smtp = new ServeurSmtp();

/** An entry as the content manager returns it; `details` loosened to read into it. */
type Entree = Omit<EntreeJournal, 'details'> & { id: number; documentId: string; date: string; details: Record<string, any> | null };

/** The entries matching `filtres` (content-manager filters), read by the Super Admin, most recent first. */
async function entrees(filtres: Record<string, string | number>): Promise<Entree[]> {
  const query: Record<string, string | number> = { pageSize: 100, sort: 'id:DESC' };
  for (const [champ, valeur] of Object.entries(filtres)) query[`filters[$and][0][${champ}][$eq]`] = valeur;
  const reponse = await api().get(cm(JOURNAL)).set(enteteAdmin()).query(query);
  expect(reponse.status).toBe(200);
  return reponse.body.results as Entree[];
}

/** Some entries are written after the response (the event hub is not awaited by Strapi's login). */
async function attendreEntrees(filtres: Record<string, string | number>, combien = 1): Promise<Entree[]> {
  for (const limite = Date.now() + 30_000; ; ) {
    const trouvees = await entrees(filtres);
    if (trouvees.length >= combien || Date.now() > limite) return trouvees;
    await new Promise((r) => setTimeout(r, 100));
  }
}

let contributeur: Agent;
let referent: Agent;
let moderateur: Agent;
let collectivite: string;

beforeAll(async () => {
  await smtp.demarrer();
  [contributeur, referent, moderateur] = await Promise.all([
    creerAgent(`journal.contributeur.${suffixe}@albi.fr`, 'Contributeur'),
    creerAgent(`journal.referent.${suffixe}@albi.fr`, 'Référent'),
    creerAgent(`journal.moderateur.${suffixe}@interconnectes.fr`, 'Modérateur'),
  ]);
  collectivite = await collectiviteParSiren('218100048');
  await rattacher(collectivite, { referents: [referent], contributeurs: [contributeur] });
});
afterAll(() => smtp.arreter());

describe('Ce que le journal enregistre', () => {
  it('création, modification, transitions et publication d’un projet : auteur, rôle, noms des champs sans valeurs', async () => {
    const nom = `Projet journal ${suffixe}`;
    const creation = await api()
      .post(cm())
      .set(contributeur.entete)
      .send({ nom, description: 'Description confidentielle du journal.', statut: 'experimentation', dateDemarrage: '2024-03-01', thematique: { connect: [{ documentId: await thematique('mobilites') }] }, publics: { connect: [{ documentId: await publicCible('agent') }] } });
    expect(creation.status).toBe(201);
    const documentId = creation.body.data.documentId as string;
    expect((await api().put(`${cm()}/${documentId}`).set(contributeur.entete).send({ description: 'Nouvelle description secrète.' })).status).toBe(200);
    for (const [agent, action] of [[contributeur, 'soumettre'], [referent, 'valider'], [moderateur, 'publier']] as const) {
      const r = await api().post('/revue-editoriale/transitions').set(agent.entete).send({ uid: PROJET, documentId, action });
      expect([action, r.status]).toEqual([action, 200]);
    }

    const lignes = await entrees({ documentCible: documentId });
    const resume = lignes.reverse().map((e) => [e.action, e.auteurId, e.details?.vers ?? null]);
    expect(resume.slice(0, 4)).toEqual([
      ['creation', contributeur.id, null],
      ['modification', contributeur.id, null],
      ['transition', contributeur.id, 'en_validation'],
      ['transition', referent.id, 'en_moderation'],
    ]);
    // The publication and its transition are recorded by the same write, in an order that is not the point.
    expect(resume.slice(4).map(String).sort()).toEqual([['publication', moderateur.id, null], ['transition', moderateur.id, 'publie']].map(String).sort());
    const [creee, modifiee] = lignes;
    expect(creee).toMatchObject({ auteur: expect.stringContaining(contributeur.email), roleAuteur: 'Contributeur', typeCible: 'Projet', uidCible: PROJET, libelleCible: nom });
    expect(creee.details?.champs).toEqual(expect.arrayContaining(['nom', 'description', 'statut']));
    expect(modifiee.details).toEqual({ champs: ['description'] });
    expect(lignes.find((e) => e.action === 'publication')).toMatchObject({ roleAuteur: 'Modérateur', auteur: expect.stringContaining(moderateur.email) });
    expect(JSON.stringify(lignes)).not.toMatch(/confidentielle|secrète/);
  });

  it('connexion d’un agent (POST /admin/login) et échec de connexion, sans mot de passe', async () => {
    expect((await api().post('/admin/login').send({ email: moderateur.email, password: MOT_DE_PASSE_AGENT })).status).toBe(200);
    const [connexion] = await attendreEntrees({ action: 'connexion', auteurId: moderateur.id });
    expect(connexion).toMatchObject({ libelleCible: moderateur.email, auteur: expect.stringContaining(moderateur.email), roleAuteur: 'Modérateur' });

    const inconnu = `inconnu.${suffixe}@exemple.fr`;
    expect((await api().post('/admin/login').send({ email: inconnu, password: 'Mauvais-Mot-De-Passe-1' })).status).toBe(400);
    const [echec] = await attendreEntrees({ action: 'echec_connexion', libelleCible: inconnu });
    expect(echec.auteur).toBe(inconnu);
    expect(JSON.stringify(echec)).not.toContain('Mauvais-Mot-De-Passe-1');
  });

  it('rôle d’un agent changé, référents d’une collectivité changés', async () => {
    const roles = (await api().get('/admin/roles').set(enteteAdmin())).body.data as Array<{ id: number; name: string }>;
    const agent = await creerAgent(`journal.promu.${suffixe}@albi.fr`, 'Contributeur');
    const [cree] = await entrees({ action: 'compte_cree', libelleCible: agent.email });
    expect(cree.details?.roles).toEqual([roles.find((r) => r.name === 'Contributeur')!.id]);

    const referentRole = roles.find((r) => r.name === 'Référent')!.id;
    expect((await api().put(`/admin/users/${agent.id}`).set(enteteAdmin()).send({ roles: [referentRole] })).status).toBe(200);
    const [promotion] = await entrees({ action: 'role_modifie', libelleCible: agent.email });
    expect(promotion.details).toMatchObject({ rolesAvant: [roles.find((r) => r.name === 'Contributeur')!.id], rolesApres: [referentRole] });
    expect(promotion.roleAuteur).toBe('Super Admin');

    await rattacher(collectivite, { referents: [agent] });
    const [rattachement] = await entrees({ action: 'rattachement', documentCible: collectivite });
    expect(rattachement.details?.membres).toEqual({ referents: { ajoutes: [agent.id], retires: [] } });
    expect(rattachement.typeCible).toBe('Collectivité');
  });

  it('création d’un jeton d’API : son nom, jamais sa valeur', async () => {
    const nom = `Jeton journal ${suffixe}`;
    const cree = await api().post('/admin/api-tokens').set(enteteAdmin()).send({ name: nom, type: 'read-only', lifespan: null });
    expect(cree.status).toBe(201);
    const [entree] = await entrees({ action: 'jeton_cree', libelleCible: nom });
    expect(entree).toMatchObject({ typeCible: 'Jeton d’API', details: { type: 'read-only', dureeJours: null } });
    expect(JSON.stringify(entree)).not.toContain(cree.body.data.accessKey);
  });

  it('un import : une entrée, avec son bilan et celui qui l’a lancé', async () => {
    const source: Array<Record<string, string>> = parse(readFileSync(path.resolve(__dirname, '../../donnees/interconnectes/data.csv'), 'utf8'), { columns: true });
    const entetes = Object.keys(source[0]);
    const ligne: Record<string, string> = { ...source[0], Nom_du_projet: `Import journal ${suffixe}` };
    const feuille = XLSX.utils.aoa_to_sheet([entetes, entetes.map((e) => ligne[e])]);
    const classeur = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(classeur, feuille, 'Projets');
    const fichier = `journal-${suffixe}.xlsx`;
    const analyse = await api().post('/import-projets/analyses').set(moderateur.entete).attach('fichier', XLSX.write(classeur, { type: 'buffer', bookType: 'xlsx' }) as Buffer, fichier).field('creerCollectivites', 'true');
    expect(analyse.status).toBe(200);
    expect(await entrees({ action: 'import', libelleCible: fichier })).toEqual([]);
    const lancement = await api().post('/import-projets/executions').set(moderateur.entete).send({ jeton: analyse.body.data.jeton });
    expect(lancement.status).toBe(202);
    for (const limite = Date.now() + 120_000; Date.now() < limite; await new Promise((r) => setTimeout(r, 100))) {
      const execution = await api().get(`/import-projets/executions/${lancement.body.data.id}`).set(moderateur.entete);
      if (execution.body.data.etat !== 'en_cours') break;
    }
    const [entree, ...autres] = await entrees({ action: 'import', libelleCible: fichier });
    expect(autres).toEqual([]);
    expect(entree).toMatchObject({ auteurId: moderateur.id, roleAuteur: 'Modérateur', details: { lignes: 1, bilan: { cree: 1, modifie: 0, inchange: 0, rejete: 0 }, publication: false } });
  });
});

describe('Ce que le journal ne garde pas', () => {
  it('ni l’adresse d’un abonné aux alertes, ni celle laissée avec un signalement (inscrit sans elle), ni les versions publiées', async () => {
    const cree = await api()
      .post('/api/projets')
      .query({ status: 'published' })
      .set(enteteJeton())
      .send({ data: await projetValide({ nom: `Projet journal signalé ${suffixe}` }) });
    expect(cree.status).toBe(201);
    const abonne = `abonne.journal.${suffixe}@exemple.fr`;
    const signaleur = `signaleur.journal.${suffixe}@exemple.fr`;
    const message = `Signalement du journal ${suffixe}`;
    expect((await api().post('/api/abonnements').send({ data: { email: abonne, thematiques: ['mobilites'] } })).status).toBe(202);
    expect((await api().post('/api/signalements').send({ data: { projet: cree.body.data.documentId, message, email: signaleur } })).status).toBe(201);

    for (const adresse of [abonne, signaleur]) expect(await entrees({ libelleCible: adresse })).toEqual([]);
    const [signalement] = await executerSql('SELECT document_id FROM signalements WHERE message = ?', [message]);
    const [inscrit] = await entrees({ documentCible: signalement.document_id as string });
    expect(inscrit).toMatchObject({ action: 'creation', typeCible: 'Signalement', libelleCible: null, auteur: 'Anonyme' });
    expect(JSON.stringify(inscrit)).not.toContain(signaleur);
    // The publication is journaled (« publication »), its version is not a second entry.
    expect(await entrees({ uidCible: 'api::version-publiee.version-publiee' })).toEqual([]);
    expect(await entrees({ uidCible: 'api::abonnement.abonnement' })).toEqual([]);
  });
});

describe('Qui lit le journal, et personne ne l’écrit', () => {
  let entree: Entree;
  beforeAll(async () => {
    [entree] = await entrees({ action: 'connexion', auteurId: moderateur.id });
    if (!entree) throw new Error('aucune entrée à lire');
  });

  it('un modérateur lit la liste et une entrée', async () => {
    const liste = await api().get(cm(JOURNAL)).set(moderateur.entete).query({ 'filters[$and][0][action][$eq]': 'connexion' });
    expect(liste.status).toBe(200);
    expect(liste.body.results.length).toBeGreaterThan(0);
    expect((await api().get(`${cm(JOURNAL)}/${entree.documentId}`).set(moderateur.entete)).status).toBe(200);
  });

  it.each([
    ['modérateur', () => moderateur.entete],
    ['Super Admin', () => enteteAdmin()],
  ])('%s : 403 en création, modification, suppression (une ou plusieurs), l’entrée reste telle quelle', async (_qui, entete) => {
    const refus = [
      await api().post(cm(JOURNAL)).set(entete()).send({ date: new Date().toISOString(), action: 'connexion', auteur: 'Faux' }),
      await api().put(`${cm(JOURNAL)}/${entree.documentId}`).set(entete()).send({ auteur: 'Falsifié' }),
      await api().delete(`${cm(JOURNAL)}/${entree.documentId}`).set(entete()),
      await api().post(`${cm(JOURNAL)}/actions/bulkDelete`).set(entete()).send({ documentIds: [entree.documentId] }),
    ];
    expect(refus.map((r) => r.status)).toEqual([403, 403, 403, 403]);
    const relue = await api().get(`${cm(JOURNAL)}/${entree.documentId}`).set(enteteAdmin());
    expect(relue.body.data).toMatchObject({ auteur: entree.auteur, action: 'connexion' });
  });

  it('le message du refus au Super Admin est en français', async () => {
    const r = await api().put(`${cm(JOURNAL)}/${entree.documentId}`).set(enteteAdmin()).send({ auteur: 'Falsifié' });
    expect(r.body.error.message).toBe('Le journal d’audit ne se modifie pas : ses entrées ne sont ni créées, ni modifiées, ni supprimées à la main.');
  });

  it('un contributeur ne le lit pas', async () => {
    expect((await api().get(cm(JOURNAL)).set(contributeur.entete)).status).toBe(403);
    expect((await api().get(`${cm(JOURNAL)}/${entree.documentId}`).set(contributeur.entete)).status).toBe(403);
  });

  it('ni anonyme, ni jeton d’API, ni GraphQL', async () => {
    for (const entete of [{}, enteteJeton()]) {
      for (const chemin of ['/api/entrees-journal', `/api/entrees-journal/${entree.documentId}`, '/api/entree-journals']) {
        const r = await api().get(chemin).set(entete);
        expect([chemin, [403, 404].includes(r.status), r.body.data ?? null]).toEqual([chemin, true, null]);
      }
      const schema = await graphql('{ __schema { types { name } } }', {}, entete);
      expect(JSON.stringify(schema.body).toLowerCase()).not.toContain('journal');
    }
  });
});

describe('Conservation', () => {
  it('la purge retire les entrées plus anciennes que JOURNAL_CONSERVATION_JOURS, et seulement elles, et s’inscrit au journal', async () => {
    const [ancienne, recente] = await entrees({ action: 'compte_cree', libelleCible: contributeur.email }).then(async (l) => [l[0], (await entrees({ action: 'compte_cree', libelleCible: referent.email }))[0]]);
    const ilYA40Jours = new Date(Date.now() - 40 * 24 * 3600 * 1000);
    await executerSql('UPDATE journal SET date = ? WHERE id = ?', [process.env.DATABASE_CLIENT === 'postgres' ? ilYA40Jours.toISOString() : ilYA40Jours.getTime(), ancienne.id]);
    configurer('journal.conservationJours', 30);
    try {
      expect(await purgerJournalDansStrapi()).toBeGreaterThanOrEqual(1);
    } finally {
      configurer('journal.conservationJours', 365);
    }
    expect(await entrees({ action: 'compte_cree', libelleCible: contributeur.email })).toEqual([]);
    expect((await entrees({ action: 'compte_cree', libelleCible: referent.email })).map((e) => e.id)).toEqual([recente.id]);
    const [purge] = await entrees({ action: 'purge' });
    expect(purge).toMatchObject({ auteur: 'Système', details: { conservationJours: 30 } });
  });

  it('0 garde tout', async () => {
    configurer('journal.conservationJours', 0);
    try {
      expect(await purgerJournalDansStrapi()).toBe(0);
    } finally {
      configurer('journal.conservationJours', 365);
    }
  });
});
