/** What the admin home page and the form learn about the agent (GET /revue-editoriale/tableau-de-bord). */
import { api, enteteAdmin } from '../helpers/http';
import { collectiviteParSiren, thematique } from '../helpers/donnees';
import { creerAgent, rattacher, type Agent } from '../helpers/comptes';

const cm = '/content-manager/collection-types/api::projet.projet';
let contributeur: Agent;
let referent: Agent;
let sansCollectivite: Agent;

const tableau = async (agent: Agent) => {
  const reponse = await api().get('/revue-editoriale/tableau-de-bord').set(agent.entete);
  expect(reponse.status).toBe(200);
  return reponse.body.data as {
    mesDocuments: Array<{ documentId: string; titre: string; etat: string; libelle: string; collectivite: string | null }>;
    relecteur: boolean;
    collectivites: Array<{ documentId: string; nom: string }>;
  };
};

beforeAll(async () => {
  const s = Date.now();
  [contributeur, referent, sansCollectivite] = await Promise.all([
    creerAgent(`tdb.contributeur.${s}@metz.fr`, 'Contributeur'),
    creerAgent(`tdb.referent.${s}@metz.fr`, 'Référent'),
    creerAgent(`tdb.seul.${s}@metz.fr`, 'Contributeur'),
  ]);
  await rattacher(await collectiviteParSiren('215704636'), { referents: [referent], contributeurs: [contributeur] });
});

it('le contributeur voit ses collectivités et les brouillons de sa collectivité, avec leur état en français', async () => {
  const cree = await api()
    .post(cm)
    .set(contributeur.entete)
    .send({ nom: 'Projet du tableau de bord', description: 'Un projet.', statut: 'exploration', thematique: { connect: [{ documentId: await thematique('mobilites') }] } });
  expect(cree.status).toBe(201);
  const documentId = cree.body.data.documentId as string;

  const duContributeur = await tableau(contributeur);
  expect(duContributeur.collectivites.map((c) => c.nom)).toEqual(['Metz']);
  expect(duContributeur.relecteur).toBe(false);
  expect(duContributeur.mesDocuments).toContainEqual(
    expect.objectContaining({ documentId, titre: 'Projet du tableau de bord', etat: 'brouillon', libelle: 'Brouillon', collectivite: 'Metz' }),
  );

  // The référent of the same collectivité sees it too, and reviews.
  const duReferent = await tableau(referent);
  expect(duReferent.relecteur).toBe(true);
  expect(duReferent.mesDocuments.map((d) => d.documentId)).toContain(documentId);

  // An agent of no collectivité sees neither.
  const duSeul = await tableau(sansCollectivite);
  expect(duSeul).toMatchObject({ collectivites: [], relecteur: false });
  expect(duSeul.mesDocuments.map((d) => d.documentId)).not.toContain(documentId);
});

it('refuse un appel sans session d’administration', async () => {
  expect((await api().get('/revue-editoriale/tableau-de-bord')).status).toBe(401);
  expect((await api().get('/revue-editoriale/tableau-de-bord').set(enteteAdmin())).status).toBe(200);
});
