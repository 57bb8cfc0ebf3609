import { api, enteteAdmin, enteteJeton } from '../helpers/http';
import { collectiviteParSiren, publicCible, thematique } from '../helpers/donnees';
import { creerAgent, rattacher, type Agent } from '../helpers/comptes';
import { ServeurSmtp } from '../helpers/smtp';

const PROJET = 'api::projet.projet';
const cm = (uid = PROJET) => `/content-manager/collection-types/${uid}`;
const smtp = new ServeurSmtp();

let contributeur: Agent;
let referent: Agent;
let moderateur: Agent;
let autreModerateur: Agent;
let contributeurAilleurs: Agent;
let metz: string;
let bordeaux: string;
let mobilites: string;
let agents: string;
let numero = 0;

/** A projet draft created through the admin panel by `agent` (stamped with their collectivité). */
async function brouillon(agent: Agent, surcharges: Record<string, unknown> = {}) {
  numero += 1;
  const reponse = await api()
    .post(cm())
    .set(agent.entete)
    .send({ nom: `Projet revue ${numero}`, description: 'Tri automatique des demandes des usagers.', statut: 'experimentation', dateDemarrage: '2024-03-01', thematique: { connect: [{ documentId: mobilites }] }, publics: { connect: [{ documentId: agents }] }, ...surcharges });
  if (reponse.status !== 201) throw new Error(`Création : ${reponse.status} ${JSON.stringify(reponse.body)}`);
  return reponse.body.data.documentId as string;
}

const transition = (agent: Agent, documentId: string, action: string, commentaire?: string, uid = PROJET) =>
  api().post('/revue-editoriale/transitions').set(agent.entete).send({ uid, documentId, action, commentaire });

const etat = async (documentId: string, uid = PROJET) =>
  (await api().get(`/revue-editoriale/documents/${uid}/${documentId}`).set(enteteAdmin())).body.data;

/** Brings a draft to `en_moderation` the normal way. */
async function enModeration(documentId: string) {
  expect((await transition(contributeur, documentId, 'soumettre')).status).toBe(200);
  expect((await transition(referent, documentId, 'valider')).status).toBe(200);
}

beforeAll(async () => {
  await smtp.demarrer();
  const suffixe = Date.now();
  [contributeur, referent, moderateur, autreModerateur, contributeurAilleurs] = await Promise.all([
    creerAgent(`contributeur.${suffixe}@metz.fr`, 'Contributeur'),
    creerAgent(`referent.${suffixe}@metz.fr`, 'Référent'),
    creerAgent(`moderateur.${suffixe}@interconnectes.fr`, 'Modérateur'),
    creerAgent(`moderateur2.${suffixe}@interconnectes.fr`, 'Modérateur'),
    creerAgent(`contributeur.${suffixe}@bordeaux-metropole.fr`, 'Contributeur'),
  ]);
  metz = await collectiviteParSiren('215704636');
  bordeaux = await collectiviteParSiren('243300316');
  mobilites = await thematique('mobilites');
  agents = await publicCible('agent');
  await rattacher(metz, { referents: [referent], contributeurs: [contributeur] });
  await rattacher(bordeaux, { contributeurs: [contributeurAilleurs] });
});
afterAll(() => smtp.arreter());

describe('Création et rattachement à la collectivité', () => {
  it('rattache d’office le projet d’un contributeur à sa collectivité', async () => {
    const documentId = await brouillon(contributeur);
    const lu = await api().get(`/api/projets/${documentId}`).set(enteteJeton()).query({ status: 'draft', populate: 'collectivite' });
    expect(lu.body.data.collectivite.documentId).toBe(metz);
    expect((await etat(documentId)).etat).toBe('brouillon');
  });

  it.each([
    ['contributeur', () => contributeur, () => bordeaux, 403],
    ['référent', () => referent, () => bordeaux, 403],
    ['contributeur', () => contributeur, () => metz, 201],
    ['modérateur', () => moderateur, () => bordeaux, 201],
  ])('%s qui crée pour une collectivité (%#) → %s', async (_nom, agent, collectivite, attendu) => {
    const reponse = await api()
      .post(cm())
      .set(agent().entete)
      .send({ nom: `Rattachement ${Date.now()}`, description: 'Test.', statut: 'exploration', collectivite: { connect: [{ documentId: collectivite() }] } });
    expect(reponse.status).toBe(attendu);
  });

  it.each([
    ['disconnect', () => ({ disconnect: [{ documentId: metz }] })],
    ['null', () => null],
    ['set vide', () => ({ set: [] })],
    ['liste vide', () => []],
  ])('refuse à un contributeur ou un référent de détacher son projet de sa collectivité (%s), pas au modérateur', async (_forme, valeur) => {
    const documentId = await brouillon(contributeur);
    for (const agent of [contributeur, referent]) {
      const reponse = await api().put(`${cm()}/${documentId}`).set(agent.entete).send({ collectivite: valeur() });
      expect(reponse.status).toBe(400);
      expect(reponse.body.error.message).toMatch(/collectivite/);
      expect(reponse.body.error.details.errors[0].path).toEqual(['collectivite']);
    }
    const lu = await api().get(`/api/projets/${documentId}`).set(enteteJeton()).query({ status: 'draft', populate: 'collectivite' });
    expect(lu.body.data.collectivite?.documentId).toBe(metz);
    expect((await api().put(`${cm()}/${documentId}`).set(moderateur.entete).send({ collectivite: valeur() })).status).toBe(200);
  });

  it('refuse de déplacer un projet vers une collectivité qui n’est pas la sienne', async () => {
    const documentId = await brouillon(contributeur);
    const reponse = await api().put(`${cm()}/${documentId}`).set(contributeur.entete).send({ collectivite: { connect: [{ documentId: bordeaux }], disconnect: [{ documentId: metz }] } });
    expect(reponse.status).toBe(403);
  });
});

describe('Lecture des brouillons', () => {
  it('ne montre à un contributeur que les brouillons de ses collectivités', async () => {
    const mien = await brouillon(contributeur);
    const autre = await brouillon(contributeurAilleurs);
    const liste = await api().get(cm()).set(contributeur.entete).query({ pageSize: 100 });
    const ids = liste.body.results.map((r: { documentId: string }) => r.documentId);
    expect(ids).toContain(mien);
    expect(ids).not.toContain(autre);
    expect((await api().get(`${cm()}/${autre}`).set(contributeur.entete)).status).toBe(403);
    // Filtered on the two drafts: other test files may have created more than a page of projets.
    const toutes = await api().get(cm()).set(moderateur.entete).query({ 'filters[$or][0][documentId][$eq]': mien, 'filters[$or][1][documentId][$eq]': autre });
    expect(toutes.body.results.map((r: { documentId: string }) => r.documentId)).toEqual(expect.arrayContaining([mien, autre]));
  });
});

describe('Modification selon l’état', () => {
  const modifier = (agent: Agent, documentId: string) => api().put(`${cm()}/${documentId}`).set(agent.entete).send({ resume: `Modifié par ${agent.email}` });

  it('contributeur : oui en brouillon, non en validation ; référent : oui en validation ; seul le modérateur en modération', async () => {
    const documentId = await brouillon(contributeur);
    expect((await modifier(contributeur, documentId)).status).toBe(200);
    expect((await modifier(contributeurAilleurs, documentId)).status).toBe(403);
    await transition(contributeur, documentId, 'soumettre');
    expect((await modifier(contributeur, documentId)).status).toBe(403);
    expect((await modifier(referent, documentId)).status).toBe(200);
    await transition(referent, documentId, 'valider');
    expect((await modifier(referent, documentId)).status).toBe(403);
    expect((await modifier(moderateur, documentId)).status).toBe(200);
  });

  it('une demande de modifications rend la main au contributeur', async () => {
    const documentId = await brouillon(contributeur);
    await transition(contributeur, documentId, 'soumettre');
    expect((await transition(referent, documentId, 'demander_modifications', 'Précisez les données utilisées.')).body.data.etat).toBe('modifications_demandees');
    expect((await modifier(contributeur, documentId)).status).toBe(200);
  });
});

describe('Contrat des transitions', () => {
  it('suit le circuit complet et l’historique le raconte', async () => {
    const documentId = await brouillon(contributeur);
    expect((await transition(contributeur, documentId, 'soumettre')).body.data).toEqual({ etat: 'en_validation', libelle: 'En validation (référent)' });
    expect((await transition(contributeur, documentId, 'valider')).status).toBe(403);
    expect((await transition(referent, documentId, 'demander_modifications')).status).toBe(400);
    expect((await transition(referent, documentId, 'valider')).body.data.etat).toBe('en_moderation');
    expect((await transition(referent, documentId, 'publier')).status).toBe(403);
    expect((await transition(moderateur, documentId, 'publier', 'Bravo.')).body.data.etat).toBe('publie');
    expect((await transition(moderateur, documentId, 'publier')).status).toBe(409);

    const publie = await api().get(`/api/projets/${documentId}`).set(enteteJeton());
    expect(publie.status).toBe(200);
    expect(publie.body.data.etatRevue).toBeUndefined();
    const enGraphql = await api().post('/graphql').set(enteteJeton()).send({ query: `{ projet(documentId: "${documentId}") { nom etatRevue } }` });
    expect(enGraphql.body.errors?.[0]?.message).toMatch(/etatRevue/);
    const historiqueGraphql = await api().post('/graphql').set(enteteJeton()).send({ query: '{ transitions { action } }' });
    expect(historiqueGraphql.body.errors?.[0]?.message).toMatch(/transitions/);

    const { historique, actions } = (await api().get(`/revue-editoriale/documents/${PROJET}/${documentId}`).set(moderateur.entete)).body.data;
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['archiver']);
    expect(historique.map((h: { action: string; de: string; vers: string; role: string }) => [h.action, h.de, h.vers, h.role])).toEqual([
      ['soumettre', 'brouillon', 'en_validation', 'contributeur'],
      ['valider', 'en_validation', 'en_moderation', 'referent'],
      ['publier', 'en_moderation', 'publie', 'moderateur'],
    ]);
    expect(historique[2]).toMatchObject({ commentaire: 'Bravo.' });
    expect(historique[0].auteur).toContain('contributeur');
    expect(Date.parse(historique[0].date)).not.toBeNaN();

    expect((await transition(moderateur, documentId, 'archiver')).body.data.etat).toBe('archive');
    expect((await api().get(`/api/projets/${documentId}`).set(enteteJeton())).status).toBe(404);
  });

  it('répond 400 à une action inconnue, 403 à un agent étranger à la collectivité, 409 hors de l’état attendu', async () => {
    const documentId = await brouillon(contributeur);
    expect((await transition(contributeur, documentId, 'supprimer')).status).toBe(400);
    expect((await transition(contributeurAilleurs, documentId, 'soumettre')).status).toBe(403);
    expect((await transition(referent, documentId, 'valider')).status).toBe(409);
    expect((await api().post('/revue-editoriale/transitions').send({ uid: PROJET, documentId, action: 'soumettre' })).status).toBe(401);
  });

  it('envoie directement en modération ce que soumet un référent, ou une collectivité sans référent', async () => {
    expect((await transition(referent, await brouillon(referent), 'soumettre')).body.data.etat).toBe('en_moderation');
    expect((await transition(contributeurAilleurs, await brouillon(contributeurAilleurs), 'soumettre')).body.data.etat).toBe('en_moderation');
  });

  it('liste ce qui attend chacun', async () => {
    const aValider = await brouillon(contributeur);
    await transition(contributeur, aValider, 'soumettre');
    const aModerer = await brouillon(referent);
    await transition(referent, aModerer, 'soumettre');
    const pourReferent = (await api().get('/revue-editoriale/a-relire').set(referent.entete)).body.data.map((d: { documentId: string }) => d.documentId);
    const pourModerateur = (await api().get('/revue-editoriale/a-relire').set(moderateur.entete)).body.data.map((d: { documentId: string }) => d.documentId);
    expect(pourReferent).toContain(aValider);
    expect(pourReferent).not.toContain(aModerer);
    expect(pourModerateur).toContain(aModerer);
    expect(pourModerateur).not.toContain(aValider);
  });
});

describe('Fiche complète avant la revue', () => {
  it('refuse de soumettre une fiche aux champs obligatoires vides, en les nommant, sans changer son état', async () => {
    const documentId = await brouillon(contributeur, { description: '', donnees: { sources: [{ source: null }] } });
    const reponse = await transition(contributeur, documentId, 'soumettre');
    expect(reponse.status).toBe(400);
    expect(reponse.body.error.message).toBe(
      '« Soumettre » impossible : ces champs obligatoires sont vides : Description du service, Données › Sources des données › Source. Complétez la fiche, puis recommencez.',
    );
    expect((await etat(documentId)).etat).toBe('brouillon');
  });

  it('soumet la même fiche une fois complétée', async () => {
    const documentId = await brouillon(contributeur, { description: '' });
    expect((await transition(contributeur, documentId, 'soumettre')).status).toBe(400);
    const complete = await api().put(`${cm()}/${documentId}`).set(contributeur.entete).send({ description: 'Tri des demandes.' });
    expect(complete.status).toBe(200);
    expect((await transition(contributeur, documentId, 'soumettre')).status).toBe(200);
  });
});

describe('Publication native (bouton, actions groupées, API d’administration)', () => {
  it('interdit aux contributeurs et référents de publier par tout chemin', async () => {
    const documentId = await brouillon(contributeur);
    await enModeration(documentId);
    for (const agent of [contributeur, referent]) {
      expect((await api().post(`${cm()}/${documentId}/actions/publish`).set(agent.entete).send({})).status).toBe(403);
      expect((await api().post(`${cm()}/actions/bulkPublish`).set(agent.entete).send({ documentIds: [documentId] })).status).toBe(403);
    }
    expect((await etat(documentId)).etat).toBe('en_moderation');
  });

  it('enregistre une transition « publier » quand un modérateur publie nativement', async () => {
    const documentId = await brouillon(contributeur);
    await enModeration(documentId);
    expect((await api().post(`${cm()}/${documentId}/actions/publish`).set(moderateur.entete).send({})).status).toBe(200);
    const { etat: courant, historique } = await etat(documentId);
    expect(courant).toBe('publie');
    expect(historique.at(-1)).toMatchObject({ action: 'publier', role: 'moderateur' });
  });

  it('refuse la publication native d’un brouillon non relu (409)', async () => {
    const documentId = await brouillon(contributeur);
    expect((await api().post(`${cm()}/${documentId}/actions/publish`).set(moderateur.entete).send({})).status).toBe(409);
  });

  it('deux modérateurs qui publient au même instant : une seule transition, aucune erreur, aucun doublon', async () => {
    const documentId = await brouillon(contributeur);
    await enModeration(documentId);
    const reponses = await Promise.all([moderateur, autreModerateur].map((m) => api().post(`${cm()}/${documentId}/actions/publish`).set(m.entete).send({})));
    expect(reponses.map((r) => r.status)).toEqual([200, 200]);
    const publications = (await etat(documentId)).historique.filter((h: { action: string }) => h.action === 'publier');
    expect(publications).toHaveLength(1);
    const publies = await api().get('/api/projets').set(enteteJeton()).query({ 'filters[documentId][$eq]': documentId });
    expect(publies.body.data).toHaveLength(1);
  });

  it('modifier un document publié repasse son brouillon en revue, la version publiée reste en ligne', async () => {
    const documentId = await brouillon(contributeur, { nom: 'Version en ligne' });
    await enModeration(documentId);
    await transition(moderateur, documentId, 'publier');
    expect((await api().put(`${cm()}/${documentId}`).set(contributeur.entete).send({ nom: 'Version retravaillée' })).status).toBe(200);
    expect((await etat(documentId)).etat).toBe('brouillon');
    expect((await api().get(`/api/projets/${documentId}`).set(enteteJeton())).body.data.nom).toBe('Version en ligne');
  });
});

describe('Suppression', () => {
  it('contributeur : ses brouillons jamais publiés ; jamais un document publié ; le modérateur, tout', async () => {
    const jamaisPublie = await brouillon(contributeur);
    expect((await api().delete(`${cm()}/${jamaisPublie}`).set(contributeurAilleurs.entete)).status).toBe(403);
    expect((await api().delete(`${cm()}/${jamaisPublie}`).set(contributeur.entete)).status).toBe(200);

    const publie = await brouillon(contributeur);
    await enModeration(publie);
    await transition(moderateur, publie, 'publier');
    expect((await api().delete(`${cm()}/${publie}`).set(contributeur.entete)).status).toBe(403);
    expect((await api().delete(`${cm()}/${publie}`).set(referent.entete)).status).toBe(403);
    expect((await api().delete(`${cm()}/${publie}`).set(moderateur.entete)).status).toBe(200);
  });
});

describe('Offreurs, taxonomies et collectivités', () => {
  it('un offreur créé par un contributeur part directement en modération', async () => {
    const cree = await api().post(cm('api::offreur.offreur')).set(contributeur.entete).send({ nom: `Offreur ${Date.now()}`, type: 'startup' });
    expect(cree.status).toBe(201);
    expect((await transition(contributeur, cree.body.data.documentId, 'soumettre', undefined, 'api::offreur.offreur')).body.data.etat).toBe('en_moderation');
  });

  it('taxonomies : lecture seule pour les agents', async () => {
    const uid = 'api::thematique.thematique';
    expect((await api().get(cm(uid)).set(contributeur.entete).query({ locale: 'fr' })).status).toBe(200);
    expect((await api().post(cm(uid)).set(contributeur.entete).query({ locale: 'fr' }).send({ nom: 'Intrus', slug: 'intrus-agent' })).status).toBe(403);
  });

  it('le référent modifie le profil de sa collectivité, pas celui d’une autre, ni ses membres', async () => {
    const uid = 'api::collectivite.collectivite';
    expect((await api().put(`${cm(uid)}/${metz}`).set(referent.entete).send({ description: 'Ville pionnière.' })).status).toBe(200);
    expect((await api().put(`${cm(uid)}/${bordeaux}`).set(referent.entete).send({ description: 'Intrusion.' })).status).toBe(403);
    expect((await api().put(`${cm(uid)}/${metz}`).set(contributeur.entete).send({ description: 'Intrusion.' })).status).toBe(403);
    await api().put(`${cm(uid)}/${metz}`).set(referent.entete).send({ contributeurs: { connect: [{ id: contributeurAilleurs.id }] } });
    const membres = await api().get(`/content-manager/relations/${uid}/${metz}/contributeurs`).set(moderateur.entete);
    const ids = membres.body.results.map((u: { id: number }) => u.id);
    expect(ids).toContain(contributeur.id);
    expect(ids).not.toContain(contributeurAilleurs.id);
  });
});

describe('Panneau de revue : ce que voit le lecteur', () => {
  const lire = async (agent: Agent, documentId: string) => (await api().get(`/revue-editoriale/documents/${PROJET}/${documentId}`).set(agent.entete)).body.data;
  const modifier = (agent: Agent, documentId: string, data: Record<string, unknown>) => api().put(`${cm()}/${documentId}`).set(agent.entete).send(data);

  it('dit à chacun s’il peut modifier la fiche dans l’état où elle est', async () => {
    const documentId = await brouillon(contributeur);
    expect((await lire(contributeur, documentId)).modifiable).toBe(true);
    await transition(contributeur, documentId, 'soumettre');
    expect((await lire(contributeur, documentId)).modifiable).toBe(false);
    expect((await lire(referent, documentId)).modifiable).toBe(true);
    await transition(referent, documentId, 'valider');
    expect((await lire(referent, documentId)).modifiable).toBe(false);
    expect((await lire(moderateur, documentId)).modifiable).toBe(true);
  });

  it('le référent voit champ par champ ce qui a changé depuis la soumission précédente, en mots français', async () => {
    const documentId = await brouillon(contributeur);
    await transition(contributeur, documentId, 'soumettre');
    expect((await lire(referent, documentId)).differences).toEqual({ depuisSoumission: null, depuisPublication: null });
    await transition(referent, documentId, 'demander_modifications', 'Précisez le statut.');

    expect((await modifier(contributeur, documentId, { statut: 'deploiement', resume: 'Tri automatique, en service depuis janvier.' })).status).toBe(200);
    const pendantCorrection = (await lire(contributeur, documentId)).differences.depuisSoumission;
    expect(pendantCorrection.changements.map((c: { champ: string }) => c.champ)).toEqual(expect.arrayContaining(['statut', 'resume']));
    await transition(contributeur, documentId, 'soumettre');

    const { differences, historique } = await lire(referent, documentId);
    expect(Date.parse(differences.depuisSoumission.date)).toBeLessThan(Date.parse(historique.at(-1).date));
    const changements = differences.depuisSoumission.changements as Array<{ champ: string; libelle: string }>;
    expect(changements).toHaveLength(2);
    expect(changements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ champ: 'statut', avant: 'En expérimentation', apres: 'En déploiement' }),
        expect.objectContaining({ champ: 'resume', avant: '(vide)', apres: 'Tri automatique, en service depuis janvier.' }),
      ]),
    );
    expect(changements.find((c) => c.champ === 'statut')?.libelle).not.toBe('statut');
    expect(differences.depuisPublication).toBeNull();
  });

  it('après publication, montre ce qui diffère de la version publiée', async () => {
    const documentId = await brouillon(contributeur);
    await enModeration(documentId);
    await transition(moderateur, documentId, 'publier');
    expect((await lire(contributeur, documentId)).differences.depuisPublication).toEqual([]);
    expect((await modifier(contributeur, documentId, { statut: 'termine' })).status).toBe(200);
    expect((await lire(contributeur, documentId)).differences.depuisPublication).toEqual([
      expect.objectContaining({ champ: 'statut', avant: 'En expérimentation', apres: 'Terminé' }),
    ]);
  });

  it('l’historique donne les états, actions et rôles en mots français', async () => {
    const documentId = await brouillon(contributeur);
    await transition(contributeur, documentId, 'soumettre');
    const [entree] = (await lire(referent, documentId)).historique;
    expect(entree.libelles).toEqual({ action: 'Soumis', de: 'Brouillon', vers: 'En validation (référent)', role: 'Contributeur' });
  });
});

describe('Notifications par courriel', () => {
  it('prévient le référent à la soumission, avec un lien vers le document', async () => {
    const documentId = await brouillon(contributeur);
    await transition(contributeur, documentId, 'soumettre');
    const courriel = await smtp.attendre(referent.email, new RegExp(documentId));
    expect(courriel.brut).toMatch(/^Subject: .*(Biblioth|=\?UTF-8)/m);
    expect(courriel.brut).toContain('Brouillon → En validation (référent).');
    expect(courriel.brut).toMatch(/Soumis par .*contributeur/);
    expect(courriel.brut).not.toMatch(/Soumettre par|en_validation/);
    expect(courriel.brut).toContain(`/admin/content-manager/collection-types/${PROJET}/${documentId}`);
  });

  it('prévient les modérateurs en modération, l’auteur et les référents à la publication', async () => {
    const documentId = await brouillon(contributeur);
    await enModeration(documentId);
    await smtp.attendre(moderateur.email, new RegExp(documentId));
    await smtp.attendre(autreModerateur.email, new RegExp(documentId));
    await transition(moderateur, documentId, 'publier');
    const courriel = await smtp.attendre(contributeur.email, new RegExp(`${documentId}[\\s\\S]*Publié par`));
    expect(courriel.brut).toContain('En modération → Publié.');
  });

  it('réessaie plus tard quand le serveur SMTP est en panne, sans bloquer la transition', async () => {
    await smtp.arreter();
    const documentId = await brouillon(contributeur);
    const reponse = await transition(contributeur, documentId, 'soumettre');
    expect(reponse.status).toBe(200);
    await new Promise((r) => setTimeout(r, 700));
    await smtp.demarrer();
    await smtp.attendre(referent.email, new RegExp(documentId), 15000);
  });
});
