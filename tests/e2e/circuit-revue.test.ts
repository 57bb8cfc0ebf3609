/**
 * End to end, in a real browser (Debian's Chromium driven by playwright-core): a contributeur creates
 * a projet and submits it, the référent validates, the modérateur publishes, the public REST API serves it.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { api } from '../helpers/http';
import { CLES, lire } from '../helpers/environnement';
import { collectiviteParSiren } from '../helpers/donnees';
import { creerAgent, MOT_DE_PASSE_AGENT, rattacher, type Agent } from '../helpers/comptes';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let navigateur: Browser;
let contributeur: Agent;
let referent: Agent;
let moderateur: Agent;

async function connecter(agent: Agent): Promise<Page> {
  const page = await (await navigateur.newContext({ locale: 'fr-FR', viewport: { width: 1400, height: 1200 } })).newPage();
  await page.goto(`${lire(CLES.url)}/admin/auth/login`);
  await page.locator('input[name=email]').fill(agent.email);
  await page.locator('input[name=password]').fill(MOT_DE_PASSE_AGENT);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/\/admin(\/)?$/);
  return page;
}

async function agirDansLePanneau(page: Page, documentId: string, action: string, etatAttendu: string) {
  await page.goto(`${lire(CLES.url)}/admin/content-manager/collection-types/api::projet.projet/${documentId}`);
  await page.getByTestId(`revue-${action}`).click();
  await page.getByTestId('etat-revue').filter({ hasText: etatAttendu }).waitFor();
}

beforeAll(async () => {
  navigateur = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const suffixe = Date.now();
  [contributeur, referent, moderateur] = await Promise.all([
    creerAgent(`e2e.contributeur.${suffixe}@metz.fr`, 'Contributeur'),
    creerAgent(`e2e.referent.${suffixe}@metz.fr`, 'Référent'),
    creerAgent(`e2e.moderateur.${suffixe}@interconnectes.fr`, 'Modérateur'),
  ]);
  await rattacher(await collectiviteParSiren('215704636'), { referents: [referent], contributeurs: [contributeur] });
});
afterAll(() => navigateur?.close());

it('un projet va du contributeur au public en passant par le référent et le modérateur', async () => {
  const nom = `Assistant des demarches ${Date.now()}`;

  const pageContributeur = await connecter(contributeur);
  await pageContributeur.goto(`${lire(CLES.url)}/admin/content-manager/collection-types/api::projet.projet/create`);
  await pageContributeur.getByLabel('Nom du projet').fill(nom);
  await pageContributeur.locator('.CodeMirror').first().click();
  await pageContributeur.keyboard.type('Un assistant conversationnel pour les demarches en ligne.');
  await pageContributeur.getByRole('combobox', { name: /Thématique principale/ }).click();
  await pageContributeur.keyboard.type('Mobilit');
  await pageContributeur.getByRole('option', { name: 'Mobilités', exact: true }).click();
  await pageContributeur.getByRole('button', { name: 'Enregistrer' }).click();
  await pageContributeur.waitForURL(/api::projet\.projet\/[a-z0-9]{20,}/);
  const documentId = pageContributeur.url().split('/').pop() as string;
  await pageContributeur.getByTestId('revue-soumettre').click();
  await pageContributeur.getByText('le document est maintenant « En validation (référent) »').waitFor();
  expect(await pageContributeur.getByTestId('etat-revue').textContent()).toBe('En validation (référent)');
  // Publication goes through the review only: no native « Publier » button, not even a disabled one.
  expect(await pageContributeur.getByRole('button', { name: 'Publier' }).count()).toBe(0);

  await agirDansLePanneau(await connecter(referent), documentId, 'valider', 'En modération');
  await agirDansLePanneau(await connecter(moderateur), documentId, 'publier', 'Publié');

  const publie = await api().get(`/api/projets/${documentId}`).query({ populate: 'collectivite' });
  expect(publie.status).toBe(200);
  expect(publie.body.data).toMatchObject({ nom, collectivite: { nom: 'Metz' } });
});
