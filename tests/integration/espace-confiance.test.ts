/**
 * Trust-space accounts: registration with a confirmation email received by a real SMTP server,
 * pending state, approval and blocking from the admin panel, email-domain allow-list.
 */
import { SMTPServer } from 'smtp-server';
import { api, enteteAdmin, enteteJeton } from '../helpers/http';
import { CLES, lire } from '../helpers/environnement';
import { configurer } from '../helpers/pont';
import { projetValide } from '../helpers/donnees';

const MOT_DE_PASSE = 'MotDePasse-Agent-1';

/** Quoted-printable body and Q-encoded subject, back to UTF-8 text. */
function decoder(message: string): string {
  const octets = message
    .replace(/=\?UTF-8\?Q\?([^?]*)\?=\s*/gi, (_, mot: string) => mot.replace(/_/g, ' '))
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hexa: string) => String.fromCharCode(parseInt(hexa, 16)));
  return Buffer.from(octets, 'latin1').toString('utf8');
}
const recus: Array<{ destinataire: string; texte: string }> = [];
let serveur: SMTPServer;
let projet: string;

beforeAll(async () => {
  serveur = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(flux, session, fin) {
      let message = '';
      flux.on('data', (morceau: Buffer) => (message += morceau.toString('utf8')));
      flux.on('end', () => {
        recus.push({ destinataire: session.envelope.rcptTo[0]?.address ?? '', texte: decoder(message) });
        fin();
      });
    },
  });
  await new Promise<void>((resolve) => serveur.listen(Number(lire(CLES.smtpPort)), '127.0.0.1', resolve));
  const reponse = await api()
    .post('/api/projets')
    .set(enteteJeton())
    .query({ status: 'published' })
    .send({ data: await projetValide({ nom: 'Projet de l’espace de confiance', budget: 'de_50k_a_100k' }) });
  projet = reponse.body.data.documentId;
});

afterAll(async () => {
  configurer('plugin::users-permissions.domainesAutorises', []);
  await new Promise<void>((resolve) => serveur.close(() => resolve()));
});

const inscrire = (email: string, surcharges: Record<string, unknown> = {}) =>
  api().post('/api/auth/local/register').send({ username: email, email, password: MOT_DE_PASSE, organisation: 'Commune de test', ...surcharges });
const connecter = (email: string) => api().post('/api/auth/local').send({ identifier: email, password: MOT_DE_PASSE });
const budgetVu = async (jwt: string) => (await api().get(`/api/projets/${projet}`).set({ Authorization: `Bearer ${jwt}` })).body.data.budget;

/** Follows the link of the confirmation email sent to `email`. */
async function confirmer(email: string): Promise<void> {
  const courriel = recus.find((r) => r.destinataire === email);
  expect(courriel).toBeDefined();
  const code = courriel!.texte.match(/confirmation=([0-9a-f]+)/)?.[1];
  expect(code).toBeDefined();
  const reponse = await api().get('/api/auth/email-confirmation').query({ confirmation: code });
  expect(reponse.status).toBe(302);
}

async function utilisateur(email: string): Promise<{ id: number; documentId: string; approuve: boolean; confirmed: boolean; blocked: boolean; organisation: string }> {
  const reponse = await api()
    .get('/content-manager/collection-types/plugin::users-permissions.user')
    .set(enteteAdmin())
    .query({ 'filters[email][$eq]': email });
  expect(reponse.status).toBe(200);
  return reponse.body.results[0];
}

/** What a modérateur does in the admin panel: edit the account's « Compte approuvé » / « Bloqué ». */
async function modifierDepuisAdministration(email: string, data: Record<string, unknown>): Promise<void> {
  const { documentId } = await utilisateur(email);
  const reponse = await api().put(`/content-manager/collection-types/plugin::users-permissions.user/${documentId}`).set(enteteAdmin()).send(data);
  expect(reponse.status).toBe(200);
}

describe('Inscription à l’espace de confiance', () => {
  const email = 'agent@commune-test.fr';

  it('envoie un courriel de confirmation en français, et refuse la connexion avant confirmation', async () => {
    const reponse = await inscrire(email);
    expect(reponse.status).toBe(200);
    expect(reponse.body.jwt).toBeUndefined();
    expect(reponse.body.user.confirmed).toBe(false);
    const courriel = recus.find((r) => r.destinataire === email)!;
    expect(courriel.texte).toMatch(/^Subject: Confirmez votre adresse — Bibliothèque d’IA territoriales/m);
    expect(courriel.texte).toMatch(/^From: Bibliothèque d’IA territoriales ?<ne-pas-repondre@localhost>/m);
    expect(courriel.texte).toContain('Vous avez demandé à rejoindre l’espace de confiance');
    const avantConfirmation = await connecter(email);
    expect(avantConfirmation.status).toBe(400);
    expect(avantConfirmation.body.error.message).toBe('Votre adresse électronique n’est pas encore confirmée : suivez le lien du courriel reçu.');
    expect(await utilisateur(email)).toMatchObject({ organisation: 'Commune de test', approuve: false, confirmed: false });
  });

  it('laisse le compte confirmé en attente : il ne voit que le public', async () => {
    await confirmer(email);
    const connexion = await connecter(email);
    expect(connexion.status).toBe(200);
    const moi = await api().get('/api/users/me').set({ Authorization: `Bearer ${connexion.body.jwt}` });
    expect(moi.body).toMatchObject({ email, organisation: 'Commune de test', approuve: false, confirmed: true });
    expect(await budgetVu(connexion.body.jwt)).toBeUndefined();
  });

  it('montre les champs restreints une fois le compte approuvé par un modérateur, plus après blocage', async () => {
    const { jwt } = (await connecter(email)).body;
    await modifierDepuisAdministration(email, { approuve: true });
    expect(await budgetVu(jwt)).toBe('de_50k_a_100k');
    await modifierDepuisAdministration(email, { blocked: true });
    expect((await api().get(`/api/projets/${projet}`).set({ Authorization: `Bearer ${jwt}` })).status).toBe(401);
    const bloque = await connecter(email);
    expect(bloque.status).toBe(400);
    expect(bloque.body.error.message).toBe('Votre compte a été bloqué par un modérateur.');
  });

  it('approuve d’office un domaine de la liste MEMBRES_DOMAINES_AUTORISES, une fois l’adresse confirmée', async () => {
    configurer('plugin::users-permissions.domainesAutorises', ['*.gouv.fr']);
    const agent = 'agent@territoires.gouv.fr';
    expect((await inscrire(agent)).status).toBe(200);
    expect((await connecter(agent)).status).toBe(400);
    await confirmer(agent);
    const { jwt } = (await connecter(agent)).body;
    expect(await budgetVu(jwt)).toBe('de_50k_a_100k');
    expect((await utilisateur(agent)).approuve).toBe(true);
  });

  it('n’approuve pas un domaine voisin de la liste', async () => {
    configurer('plugin::users-permissions.domainesAutorises', ['*.gouv.fr']);
    const autre = 'agent@faux-gouv.fr';
    expect((await inscrire(autre)).status).toBe(200);
    await confirmer(autre);
    expect(await budgetVu((await connecter(autre)).body.jwt)).toBeUndefined();
  });

  it('offre aux modérateurs les cases « Compte approuvé » et « Bloqué » en français dans l’administration', async () => {
    const reponse = await api().get('/content-manager/content-types/plugin::users-permissions.user/configuration').set(enteteAdmin());
    expect(reponse.status).toBe(200);
    const { metadatas, layouts } = reponse.body.data.contentType;
    expect([metadatas.approuve.edit.label, metadatas.blocked.edit.label, metadatas.organisation.edit.label]).toEqual(['Compte approuvé', 'Bloqué', 'Organisation']);
    expect(layouts.list).toEqual(['id', 'email', 'organisation', 'confirmed', 'approuve', 'blocked']);
  });

  it('exige l’organisation, en français', async () => {
    const reponse = await inscrire('sans-organisation@commune-test.fr', { organisation: undefined });
    expect(reponse.status).toBe(400);
    expect(reponse.body.error.message).toBe('Le champ « Organisation » (organisation) est obligatoire.');
  });

  it('refuse qu’un inscrit s’approuve lui-même', async () => {
    const reponse = await inscrire('malin@commune-test.fr', { approuve: true });
    expect(reponse.status).toBe(400);
    expect(reponse.body.error.message).toBe('Champs non acceptés : approuve.');
    expect(await utilisateur('malin@commune-test.fr')).toBeUndefined();
  });
});
