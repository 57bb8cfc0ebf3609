/**
 * Public version history (docs/versions.md): a version at each publication that changes something, by
 * script or through the review; read over REST and GraphQL under the visibility rules; restored into the
 * draft by a modérateur only, the draft then back in review and the published version unchanged.
 */
import { api, APPELANTS, enteteAdmin, enteteJeton, graphql } from '../helpers/http';
import { collectiviteParSiren, projetValide, publicCible, thematique } from '../helpers/donnees';
import { creerAgent, type Agent } from '../helpers/comptes';
import { executerSql, tachesDemarrageDansStrapi } from '../helpers/pont';

const PROJET = 'api::projet.projet';
const suffixe = Date.now();
let moderateur: Agent;
let contributeur: Agent;
let projet: string;

const versions = (documentId: string, suite = '', entete: Record<string, string> = {}, collection = 'projets') =>
  api().get(`/api/${collection}/${documentId}/versions${suite}`).set(entete);

const publierParScript = (documentId: string, data: Record<string, unknown>) =>
  api().put(`/api/projets/${documentId}`).query({ status: 'published' }).set(enteteJeton()).send({ data });

const REQUETE_GRAPHQL = `query($documentId: ID!) {
  versionsPubliees(type: projet, documentId: $documentId) { numero roleAuteur champsModifies contenu }
  differenceVersions(type: projet, documentId: $documentId, de: 1, a: 2) { de a changements { champ avant apres } }
}`;

beforeAll(async () => {
  [moderateur, contributeur] = await Promise.all([
    creerAgent(`moderateur.versions.${suffixe}@interconnectes.fr`, 'Modérateur'),
    creerAgent(`contributeur.versions.${suffixe}@metz.fr`, 'Contributeur'),
  ]);
  const cree = await api()
    .post('/api/projets')
    .query({ status: 'published' })
    .set(enteteJeton())
    .send({ data: await projetValide({ nom: `Projet versions ${suffixe}`, resume: 'Premier résumé.', budget: 'moins_50k', contact: 'equipe@versions.fr' }) });
  expect(cree.status).toBe(201);
  projet = cree.body.data.documentId;
});

describe('Une version à chaque publication qui change quelque chose', () => {
  it('la création publiée est la version 1, publiée par le Système', async () => {
    const reponse = await versions(projet);
    expect(reponse.status).toBe(200);
    expect(reponse.body.data).toHaveLength(1);
    expect(reponse.body.data[0]).toMatchObject({ numero: 1, roleAuteur: 'Système' });
    expect(reponse.body.data[0].champsModifies).toContain('nom');
    expect(reponse.body.data[0].champsModifies).not.toContain('budget');
    expect(reponse.body.data[0]).not.toHaveProperty('contenu');
  });

  it('une modification publiée est la version 2, avec ses champs modifiés ; republier sans changement n’en crée pas', async () => {
    expect((await publierParScript(projet, { resume: 'Second résumé.', budget: 'plus_100k' })).status).toBe(200);
    expect((await publierParScript(projet, { resume: 'Second résumé.' })).status).toBe(200);
    const anonyme = (await versions(projet)).body.data;
    expect(anonyme.map((v: { numero: number }) => v.numero)).toEqual([1, 2]);
    expect(anonyme[1].champsModifies).toEqual(['resume']);
    const membre = (await versions(projet, '', APPELANTS.membre())).body.data;
    expect(membre[1].champsModifies.sort()).toEqual(['budget', 'resume']);
  });

  it('une version : les champs restreints pour les membres seulement', async () => {
    const anonyme = await versions(projet, '/1');
    expect(anonyme.status).toBe(200);
    expect(anonyme.body.data.contenu).toMatchObject({ nom: `Projet versions ${suffixe}`, resume: 'Premier résumé.' });
    expect(anonyme.body.data.contenu.collectivite).toMatchObject({ documentId: await collectiviteParSiren('243300316') });
    expect(anonyme.body.data.contenu.collectivite).not.toHaveProperty('id');
    expect(JSON.stringify(anonyme.body)).not.toContain('equipe@versions.fr');
    expect(anonyme.body.data.contenu).not.toHaveProperty('budget');
    for (const appelant of [APPELANTS.membre(), APPELANTS.jetonLecture()]) {
      const lue = await versions(projet, '/1', appelant);
      expect(lue.body.data.contenu).toMatchObject({ budget: 'moins_50k', contact: 'equipe@versions.fr' });
    }
    expect((await versions(projet, '/1', APPELANTS.enAttente())).body.data.contenu).not.toHaveProperty('budget');
  });

  it('la différence entre deux versions, champ par champ', async () => {
    const anonyme = await versions(projet, '/1/difference/2');
    expect(anonyme.status).toBe(200);
    expect(anonyme.body.data).toEqual({ de: 1, a: 2, changements: [{ champ: 'resume', avant: 'Premier résumé.', apres: 'Second résumé.' }] });
    const membre = await versions(projet, '/1/difference/2', APPELANTS.membre());
    expect(membre.body.data.changements).toContainEqual({ champ: 'budget', avant: 'moins_50k', apres: 'plus_100k' });
  });

  it('GraphQL : mêmes réponses, même visibilité', async () => {
    const anonyme = await graphql(REQUETE_GRAPHQL, { documentId: projet });
    expect(anonyme.body.errors).toBeUndefined();
    expect(anonyme.body.data.versionsPubliees.map((v: { numero: number }) => v.numero)).toEqual([1, 2]);
    expect(anonyme.body.data.versionsPubliees[0].contenu).not.toHaveProperty('budget');
    expect(anonyme.body.data.differenceVersions.changements).toEqual([{ champ: 'resume', avant: 'Premier résumé.', apres: 'Second résumé.' }]);
    const membre = await graphql(REQUETE_GRAPHQL, { documentId: projet }, APPELANTS.membre());
    expect(membre.body.data.versionsPubliees[0].contenu).toMatchObject({ budget: 'moins_50k' });
    const une = await graphql('query($d: ID!) { versionPubliee(type: projet, documentId: $d, numero: 9) { numero } }', { d: projet });
    expect(une.body.errors[0].message).toMatch(/Version introuvable/);
  });
});

describe('Erreurs en français', () => {
  it('400 pour un numéro invalide ou un paramètre inconnu, 404 pour un document ou une version inconnus', async () => {
    expect((await versions(projet, '/0')).status).toBe(400);
    expect((await versions(projet, '/abc')).body.error.message).toMatch(/entier supérieur ou égal à 1/);
    expect((await versions(projet, '/1/difference/x')).status).toBe(400);
    const inconnu = await api().get(`/api/projets/${projet}/versions`).query({ populate: '*' });
    expect([inconnu.status, inconnu.body.error.message]).toEqual([400, expect.stringMatching(/Paramètre inconnu/)]);
    expect((await versions(projet, '/9')).body.error.message).toMatch(/Version introuvable/);
    expect((await versions(projet, '/1/difference/9')).status).toBe(404);
    expect((await versions('inconnu')).body.error.message).toMatch(/Document introuvable/);
  });

  it('un brouillon jamais publié n’a pas de versions (404)', async () => {
    const brouillon = await api().post('/api/projets').set(enteteJeton()).query({ status: 'draft' }).send({ data: await projetValide({ nom: `Brouillon versions ${suffixe}` }) });
    expect(brouillon.status).toBe(201);
    expect((await versions(brouillon.body.data.documentId)).status).toBe(404);
    expect((await versions(brouillon.body.data.documentId, '', APPELANTS.membre())).status).toBe(404);
  });
});

describe('Ressources réservées, initiatives, dépublication, open data', () => {
  it('une ressource réservée aux membres n’a de versions que pour eux', async () => {
    const cree = await api().post('/api/ressources').set(enteteJeton()).send({ data: { titre: `Ressource versions ${suffixe}`, type: 'documentation', acces: 'membres' } });
    expect(cree.status).toBe(201);
    const ressource = cree.body.data.documentId;
    expect((await versions(ressource, '', {}, 'ressources')).status).toBe(404);
    const membre = await versions(ressource, '/1', APPELANTS.membre(), 'ressources');
    expect([membre.status, membre.body.data.contenu.acces]).toEqual([200, 'membres']);
  });

  it('une initiative a ses versions, restreint compris pour les membres', async () => {
    const cree = await api()
      .post('/api/initiatives-gouvernance')
      .set(enteteJeton())
      .send({ data: { titre: `Charte versions ${suffixe}`, type: 'charte', statut: 'adoptee', collectivite: await collectiviteParSiren('243300316'), contact: 'charte@versions.fr' } });
    expect(cree.status).toBe(201);
    const initiative = cree.body.data.documentId;
    const anonyme = await versions(initiative, '/1', {}, 'initiatives-gouvernance');
    expect([anonyme.status, anonyme.body.data.contenu.titre, anonyme.body.data.contenu.contact]).toEqual([200, `Charte versions ${suffixe}`, undefined]);
    expect((await versions(initiative, '/1', APPELANTS.membre(), 'initiatives-gouvernance')).body.data.contenu.contact).toBe('charte@versions.fr');
  });

  it('l’export JSON ouvert ne change pas par défaut et donne les versions publiques avec ?versions=true', async () => {
    const simple = await api().get('/api/open-data/projets.json');
    expect(simple.status).toBe(200);
    expect(JSON.parse(simple.text).every((p: Record<string, unknown>) => !('versions' in p))).toBe(true);
    const complet = await api().get('/api/open-data/projets.json').query({ versions: 'true' });
    const lui = JSON.parse(complet.text).find((p: { identifiant: string }) => p.identifiant === projet);
    expect(lui.versions.map((v: { numero: number }) => v.numero)).toEqual([1, 2]);
    expect(JSON.stringify(lui.versions)).not.toContain('equipe@versions.fr');
    expect((await api().get('/api/open-data/projets.json').query({ versions: 'oui' })).status).toBe(400);
  });

  it('un document dépublié retire son historique (404), rendu à la republication', async () => {
    const cree = await api().post('/api/projets').set(enteteJeton()).send({ data: await projetValide({ nom: `Projet dépublié versions ${suffixe}` }) });
    const documentId = cree.body.data.documentId;
    const depublie = await api().post(`/content-manager/collection-types/${PROJET}/${documentId}/actions/unpublish`).set(enteteAdmin()).send({});
    expect(depublie.status).toBe(200);
    expect((await versions(documentId)).status).toBe(404);
    expect((await publierParScript(documentId, {})).status).toBe(200);
    expect((await versions(documentId)).body.data.map((v: { numero: number }) => v.numero)).toEqual([1]);
  });
});

describe('Publication par la revue et restauration dans le brouillon', () => {
  let revu: string;

  beforeAll(async () => {
    const cree = await api()
      .post(`/content-manager/collection-types/${PROJET}`)
      .set(moderateur.entete)
      .send({
        nom: `Projet revu versions ${suffixe}`,
        description: 'Aide à la rédaction des courriers.',
        statut: 'experimentation',
        dateDemarrage: '2024-03-01',
        collectivite: { connect: [{ documentId: await collectiviteParSiren('215704636') }] },
        thematique: { connect: [{ documentId: await thematique('mobilites') }] },
        publics: { connect: [{ documentId: await publicCible('agent') }] },
        financement: 'Fonds propres.',
      });
    expect(cree.status).toBe(201);
    revu = cree.body.data.documentId;
    const transition = (action: string) => api().post('/revue-editoriale/transitions').set(moderateur.entete).send({ uid: PROJET, documentId: revu, action });
    expect((await transition('soumettre')).status).toBe(200);
    expect((await transition('publier')).status).toBe(200);
    const modifie = await api().put(`/content-manager/collection-types/${PROJET}/${revu}`).set(moderateur.entete).send({ description: 'Aide à la rédaction des courriers, version 2.', financement: 'Subvention.' });
    expect(modifie.status).toBe(200);
    expect((await transition('soumettre')).status).toBe(200);
    expect((await transition('publier')).status).toBe(200);
  });

  it('chaque publication par un modérateur est une version « Modérateur »', async () => {
    const liste = (await versions(revu)).body.data;
    expect(liste.map((v: { numero: number; roleAuteur: string }) => [v.numero, v.roleAuteur])).toEqual([[1, 'Modérateur'], [2, 'Modérateur']]);
    expect(liste[1].champsModifies).toEqual(['description']);
  });

  it('un contributeur ne restaure pas (403), ni un appel sans compte d’administration (401)', async () => {
    const refus = await api().post(`/versions-publiees/${PROJET}/${revu}/1/restaurer`).set(contributeur.entete).send({});
    expect([refus.status, refus.body.error.message]).toEqual([403, 'Seul un modérateur peut restaurer une version publiée dans le brouillon.']);
    expect((await api().post(`/versions-publiees/${PROJET}/${revu}/1/restaurer`).send({})).status).toBe(401);
    const liste = await api().get(`/versions-publiees/${PROJET}/${revu}`).set(contributeur.entete);
    expect(liste.body.data.peutRestaurer).toBe(false);
  });

  it('un modérateur restaure la version 1 dans le brouillon, qui repart en revue ; la version publiée ne change pas', async () => {
    const liste = await api().get(`/versions-publiees/${PROJET}/${revu}`).set(moderateur.entete);
    expect([liste.status, liste.body.data.peutRestaurer, liste.body.data.versions.length]).toEqual([200, true, 2]);
    expect((await api().post(`/versions-publiees/${PROJET}/${revu}/9/restaurer`).set(moderateur.entete).send({})).status).toBe(404);
    const restauree = await api().post(`/versions-publiees/${PROJET}/${revu}/1/restaurer`).set(moderateur.entete).send({});
    expect([restauree.status, restauree.body.data]).toEqual([200, { numero: 1, etat: 'brouillon' }]);
    const brouillon = await api().get(`/api/projets/${revu}`).query({ status: 'draft', populate: 'collectivite' }).set(enteteJeton());
    expect(brouillon.body.data).toMatchObject({ description: 'Aide à la rédaction des courriers.', financement: 'Fonds propres.' });
    expect(brouillon.body.data.collectivite.documentId).toBe(await collectiviteParSiren('215704636'));
    const publie = await api().get(`/api/projets/${revu}`);
    expect(publie.body.data.description).toBe('Aide à la rédaction des courriers, version 2.');
    expect((await api().get(`/revue-editoriale/documents/${PROJET}/${revu}`).set(enteteAdmin())).body.data.etat).toBe('brouillon');
    expect((await versions(revu)).body.data).toHaveLength(2);
  });
});

describe('Au démarrage, ce que les écritures d’avant ont laissé', () => {
  it('un projet publié sans version reçoit sa version 1 (Système, à sa date de publication) et son score, une fois, sans entrée au journal', async () => {
    const cree = await api()
      .post('/api/projets')
      .query({ status: 'published' })
      .set(enteteJeton())
      .send({ data: await projetValide({ nom: `Projet d’avant les versions ${suffixe}` }) });
    expect(cree.status).toBe(201);
    const documentId = cree.body.data.documentId as string;
    const scores = () => executerSql('SELECT score_completude AS score FROM projets WHERE document_id = ? ORDER BY id', [documentId]);
    const avant = await scores();
    expect(avant.every((l) => l.score !== null)).toBe(true);
    // As a base upgraded from before versions and scores were kept.
    await executerSql('DELETE FROM versions_publiees WHERE document = ?', [documentId]);
    await executerSql('UPDATE projets SET score_completude = NULL WHERE document_id = ?', [documentId]);
    const [publie] = await executerSql('SELECT published_at FROM projets WHERE document_id = ? AND published_at IS NOT NULL', [documentId]);

    expect(await tachesDemarrageDansStrapi()).toBeGreaterThanOrEqual(1);
    const liste = (await versions(documentId)).body.data;
    expect(liste).toEqual([expect.objectContaining({ numero: 1, roleAuteur: 'Système', publieLe: new Date(publie.published_at as string).toISOString() })]);
    expect(liste[0].champsModifies).toEqual(expect.arrayContaining(['nom', 'description']));
    expect((await versions(documentId, '/1')).body.data.contenu).toMatchObject({ nom: `Projet d’avant les versions ${suffixe}` });
    expect((await scores()).map((l) => Number(l.score))).toEqual(avant.map((l) => Number(l.score)));

    await tachesDemarrageDansStrapi();
    expect(await executerSql('SELECT numero FROM versions_publiees WHERE document = ?', [documentId])).toHaveLength(1);
    expect(await executerSql("SELECT id FROM journal WHERE uid_cible = 'api::version-publiee.version-publiee'")).toEqual([]);
  });
});
