/**
 * An agent in front of the admin panel, as the browser test plays them: every gesture goes through
 * one method per kind of field (type a text, choose a value, pick a relation, add a component entry…)
 * which counts it as one interaction, and every screen read is kept to check its words afterwards.
 * Selectors are what the agent sees: roles, labels, visible French text.
 */
import fs from 'fs';
import path from 'path';
import type { Browser, Locator, Page } from 'playwright-core';
import { libelleValeur } from '../../src/admin-config/valeurs';

/** Interactions counted by named segment (a segment runs from `debuter` to `terminer`). */
export class Compteur {
  total = 0;
  readonly segments: Record<string, number> = {};
  /** Every interaction, in order, for the report. */
  readonly journal: string[] = [];
  private ouverts = new Map<string, number>();

  un(quoi: string) {
    this.total += 1;
    this.journal.push(`${this.total}. ${quoi}`);
  }
  debuter(nom: string) {
    this.ouverts.set(nom, this.total);
  }
  terminer(nom: string): number {
    const debut = this.ouverts.get(nom);
    if (debut === undefined) throw new Error(`Segment « ${nom} » jamais commencé`);
    this.ouverts.delete(nom);
    return (this.segments[nom] = this.total - debut);
  }
}

/** A screen text read by an agent, for the word checks. */
export interface Lecture {
  etape: string;
  role: string;
  texte: string;
}

export interface Contexte {
  navigateur: Browser;
  url: string;
  compteur: Compteur;
  lectures: Lecture[];
  dossierCaptures: string;
  /** Every screen opened, for a screenshot of each when the walk fails. */
  ecrans: Ecran[];
}

/** Generous: CI machines are slow and the admin panel loads each screen's data on arrival. */
const ATTENTE = 30000;

/** Options of an open picker, Strapi's « create a relation » item excluded (it has no aria-selected). */
const OPTIONS = '[role=listbox] [role=option][aria-selected]';

export class Ecran {
  private constructor(
    readonly page: Page,
    readonly role: string,
    private readonly ctx: Contexte,
  ) {}

  static async ouvrir(ctx: Contexte, role: string): Promise<Ecran> {
    const contexte = await ctx.navigateur.newContext({ locale: 'fr-FR', viewport: { width: 1400, height: 1000 } });
    const page = await contexte.newPage();
    page.setDefaultTimeout(ATTENTE);
    const ecran = new Ecran(page, role, ctx);
    ctx.ecrans.push(ecran);
    return ecran;
  }

  /** What each screen showed when the walk stopped. */
  static async capturerEchec(ctx: Contexte) {
    for (const ecran of ctx.ecrans) {
      await ecran.page.screenshot({ path: path.join(ctx.dossierCaptures, `echec-${ecran.role}.png`), fullPage: true }).catch(() => undefined);
    }
  }

  /* ---------- reading (never counted) ---------- */

  /** Keeps the visible text of the page for the word checks. */
  async lire(etape: string) {
    this.ctx.lectures.push({ etape, role: this.role, texte: await this.page.locator('body').innerText() });
  }

  /** A numbered full-page screenshot (CI artefact) and a reading of the page. */
  async capturer(nom: string) {
    await this.page.waitForLoadState('networkidle').catch(() => undefined);
    // The admin scrolls inside its own panes, which a full-page screenshot misses: the window is
    // stretched to the tallest of them for the shot.
    const taille = this.page.viewportSize() as { width: number; height: number };
    const hauteur = await this.page.evaluate<number>(`Math.max(...Array.from(document.querySelectorAll('main, main *'), (e) => e.scrollHeight))`);
    await this.page.setViewportSize({ width: taille.width, height: Math.min(Math.max(hauteur + 120, taille.height), 8000) });
    await this.page.screenshot({ path: path.join(this.ctx.dossierCaptures, `${nom}.png`) });
    await this.page.setViewportSize(taille);
    await this.lire(nom);
  }

  champ(libelle: RegExp): Locator {
    return this.page.getByLabel(libelle).first();
  }

  /* ---------- gestures (one interaction each) ---------- */

  async aller(chemin: string) {
    this.ctx.compteur.un(`${this.role} : ouvrir ${chemin}`);
    await this.page.goto(`${this.ctx.url}${chemin}`);
  }

  async recharger() {
    this.ctx.compteur.un(`${this.role} : recharger la page`);
    await this.page.reload();
  }

  async cliquer(cible: Locator) {
    this.ctx.compteur.un(`${this.role} : cliquer ${cible}`);
    await cible.click();
  }

  /** Types a whole text into a text field: one interaction. */
  async saisir(libelle: RegExp, texte: string) {
    this.ctx.compteur.un(`${this.role} : saisir « ${nomDe(libelle)} »`);
    await this.champ(libelle).fill(texte);
  }

  /** The Markdown editor (« Description du service »): click into it and type, one interaction. */
  async saisirTexteRiche(libelle: string, texte: string) {
    this.ctx.compteur.un(`${this.role} : saisir « ${libelle} »`);
    const editeur = this.page.locator(`xpath=(//label[starts-with(normalize-space(.), "${libelle}")])[1]/following::*[contains(@class, "CodeMirror")][1]`);
    await editeur.click();
    await this.page.keyboard.insertText(texte);
  }

  /** A date typed as the agent reads it (jj/mm/aaaa); clicking the next field validates it. */
  async saisirDate(libelle: RegExp, date: string) {
    await this.saisir(libelle, date);
  }

  /**
   * An enumeration: open the list, click the value's French words. When only the raw code is offered
   * (today's Strapi), the code is clicked so that the walk goes on; the screen checks report it.
   */
  async choisirValeur(libelle: RegExp, modele: string, attribut: string, valeur: string) {
    await this.cliquer(this.page.getByRole('combobox', { name: libelle }).first());
    const mot = libelleValeur(modele, attribut, valeur);
    const options = this.page.getByRole('listbox').getByRole('option');
    await options.first().waitFor();
    await this.lire(`liste « ${nomDe(libelle)} »`);
    const enFrancais = options.filter({ hasText: new RegExp(`^\\s*${echapper(mot)}\\s*$`) });
    await this.cliquer((await enFrancais.count()) > 0 ? enFrancais.first() : options.filter({ hasText: new RegExp(`^\\s*${echapper(valeur)}\\s*$`) }).first());
  }

  /**
   * A relation picker: open it; when the wanted entry is not offered at once, type `recherche`; click
   * the entry (its label starts with `entree`, e.g. « Déchets… (Transition écologique et énergétique) », « Metz — commune (57) »).
   * `inspecter` is called on the first list shown (before any typing) with every option it holds.
   */
  async choisirRelation(libelle: RegExp, entree: string, recherche: string, inspecter?: (options: string[]) => void) {
    const combobox = this.page.getByRole('combobox', { name: libelle }).first();
    await this.cliquer(combobox);
    await this.attendreOptions();
    if (inspecter) inspecter(await this.toutesLesOptions());
    await this.lire(`sélecteur « ${nomDe(libelle)} »`);
    // The label is matched alone: Strapi puts a status badge next to it for draft-and-publish targets.
    const libelleVoulu = this.page.getByText(new RegExp(`^${echapper(entree)}( \\(.+\\)| — .+)?$`));
    const voulue = () => this.page.locator(OPTIONS).filter({ has: libelleVoulu }).first();
    if (!(await voulue().isVisible())) {
      this.ctx.compteur.un(`${this.role} : taper « ${recherche} » dans « ${nomDe(libelle)} »`);
      await combobox.pressSequentially(recherche, { delay: 20 });
      await this.page.waitForTimeout(800); // the picker searches 300 ms after the last key
      await this.attendreOptions();
    }
    if ((await voulue().count()) === 0) {
      // Not among the first ten: the agent scrolls the list down until it shows up.
      this.ctx.compteur.un(`${this.role} : faire défiler « ${nomDe(libelle)} » jusqu’à « ${entree} »`);
      await this.toutesLesOptions(() => voulue().count().then((n) => n > 0));
    }
    await voulue().scrollIntoViewIfNeeded();
    await this.cliquer(voulue());
  }

  /** Types into a relation picker and returns the options it then offers, in order (not counted: a check). */
  async optionsPour(libelle: RegExp, recherche: string): Promise<string[]> {
    const combobox = this.page.getByRole('combobox', { name: libelle }).first();
    await combobox.click();
    await combobox.pressSequentially(recherche, { delay: 20 });
    await this.page.waitForTimeout(800); // the picker searches 300 ms after the last key
    await this.attendreOptions();
    const options = await this.page.locator(OPTIONS).allInnerTexts();
    await this.lire(`sélecteur « ${nomDe(libelle)} » : ${recherche}`);
    await combobox.fill('');
    await this.page.keyboard.press('Escape');
    return options.map(nettoyer);
  }

  /** The « add an entry » button of a single component field (Algorithme, Données, Évaluation…). */
  async ajouterEntree(libelle: string) {
    await this.cliquer(this.page.locator(`xpath=(//label[starts-with(normalize-space(.), "${libelle}")])[1]/following::button[1]`));
  }

  /** Enregistrer, waiting for Strapi's confirmation. */
  async enregistrer() {
    await this.cliquer(this.page.getByRole('button', { name: 'Enregistrer', exact: true }));
    await this.page.getByText(/Enregistré|Sauvegardé/).first().waitFor();
  }

  /**
   * A review action (`revue-<action>` button). A comment is typed in the panel's box when it is shown
   * beside the buttons, or in the dialog the button opens.
   */
  async agirEnRevue(action: string, etatAttendu: string, commentaire?: string) {
    const boiteAvant = this.page.getByLabel('Commentaire de revue');
    const boiteVisible = commentaire !== undefined && (await boiteAvant.isVisible());
    if (boiteVisible) await this.saisir(/^Commentaire de revue/, commentaire as string);
    await this.cliquer(this.page.getByTestId(`revue-${action}`));
    if (commentaire !== undefined && !boiteVisible) {
      const dialogue = this.page.getByRole('alertdialog');
      this.ctx.compteur.un(`${this.role} : saisir le commentaire de revue`);
      await dialogue.getByRole('textbox').fill(commentaire);
      await this.cliquer(dialogue.getByTestId('revue-confirmer'));
    }
    await this.page.getByTestId('etat-revue').filter({ hasText: etatAttendu }).waitFor();
  }

  /* ---------- internals ---------- */

  private async attendreOptions() {
    await this.page.locator(OPTIONS).first().waitFor();
  }

  /** Scrolls the open list down until the picker has loaded every page of options (or `jusqua` holds). */
  private async toutesLesOptions(jusqua?: () => Promise<boolean>): Promise<string[]> {
    const liste = this.page.getByRole('listbox').first();
    let avant = -1;
    let options = await this.page.locator(OPTIONS).allInnerTexts();
    while (options.length !== avant && !(jusqua && (await jusqua()))) {
      avant = options.length;
      await liste.evaluate((el) => {
        const defilant = [el, ...Array.from(el.querySelectorAll('*'))].find((n) => n.scrollHeight > n.clientHeight + 1) ?? el;
        defilant.scrollTop = defilant.scrollHeight;
      });
      await this.page.waitForTimeout(700);
      options = await this.page.locator(OPTIONS).allInnerTexts();
    }
    if (!jusqua) await liste.evaluate((el) => el.scrollTo?.(0, 0));
    return options.map(nettoyer);
  }
}

/** A field's name for the report, from the pattern that finds its label. */
function nomDe(libelle: RegExp): string {
  return libelle.source.replace(/^\^/, '').replace(/\(\?!.*?\)/g, '');
}

function echapper(texte: string): string {
  return texte.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An option's label without the status badge Strapi adds for draft-and-publish targets. */
function nettoyer(option: string): string {
  return option.replace(/\s*(Brouillon|Publié|Modifié|Draft|Published|Modified)\s*$/, '').trim();
}

export function preparerDossier(dossier: string) {
  fs.rmSync(dossier, { recursive: true, force: true });
  fs.mkdirSync(dossier, { recursive: true });
}
