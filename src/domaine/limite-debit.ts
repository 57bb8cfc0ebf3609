/**
 * Per-IP request limits (fixed window). Pure: `middlewares/limite-debit.ts` is the Koa glue.
 * Categories: authentication requests, each limited on its own, the reports of errors (« Signaler une
 * erreur », a write anyone may make: a tighter window of its own), the subscriptions to the alerts (each
 * sends an email: a window of their own) and the content API.
 */
import { CHEMIN_FICHE_HTML } from '../transparence/fiche';

export interface Limite {
  actif: boolean;
  /** Requests allowed per window and per IP. */
  max: number;
  fenetreSecondes: number;
}

export interface ConfigurationLimites {
  connexion: Limite;
  inscription: Limite;
  motDePasse: Limite;
  signalement: Limite;
  abonnement: Limite;
  api: Limite;
}

export type Categorie = keyof ConfigurationLimites;
export type CategorieAuthentification = Exclude<Categorie, 'api' | 'signalement' | 'abonnement'>;

const AUTHENTIFICATION: Readonly<Record<string, CategorieAuthentification>> = {
  '/api/auth/local': 'connexion',
  '/api/auth/local/register': 'inscription',
  '/api/auth/forgot-password': 'motDePasse',
  '/api/auth/reset-password': 'motDePasse',
  '/api/auth/change-password': 'motDePasse',
  '/api/auth/send-email-confirmation': 'motDePasse',
};

const normaliser = (chemin: string) => chemin.toLowerCase().replace(/\/+$/, '');

/**
 * The category of an authentication action, by its REST path. GraphQL mutations (`login`, `register`,
 * `forgotPassword`, `resetPassword`, `changePassword`) are run by users-permissions under the path of
 * their REST twin, so both paths share one category and one window.
 */
export function categorieAuthentification(chemin: string): CategorieAuthentification | undefined {
  return AUTHENTIFICATION[normaliser(chemin)];
}

/** The category of an HTTP request, or undefined when no limit applies (admin panel, health check…). */
export function categorieDeRequete(methode: string, chemin: string): Categorie | undefined {
  const p = normaliser(chemin);
  const authentification = categorieAuthentification(p);
  if (authentification && methode === 'POST') return authentification;
  if (p === '/api/signalements' && methode === 'POST') return 'signalement';
  // The GraphQL mutation `sAbonner` is counted in the same window by its resolver (src/abonnements/graphql.ts).
  if (p === '/api/abonnements' && methode === 'POST') return 'abonnement';
  // The HTML fiche de transparence reads the database like the content API: counted with it.
  if (p === '/graphql' || p.startsWith('/api/') || p.startsWith(`${CHEMIN_FICHE_HTML}/`)) return 'api';
  return undefined;
}

export const MESSAGES: Record<Categorie, string> = {
  connexion: 'Trop de tentatives de connexion depuis votre adresse. Réessayez dans quelques minutes.',
  inscription: 'Trop de demandes d’inscription depuis votre adresse. Réessayez plus tard.',
  motDePasse: 'Trop de demandes de réinitialisation du mot de passe depuis votre adresse. Réessayez plus tard.',
  signalement: 'Trop de signalements envoyés depuis votre adresse. Réessayez plus tard.',
  abonnement: 'Trop de demandes d’abonnement envoyées depuis votre adresse. Réessayez plus tard.',
  api: 'Trop de requêtes depuis votre adresse. Ralentissez puis réessayez dans un instant.',
};

/** A counter of the current window. */
export interface Compteur {
  nombre: number;
  /** Milliseconds until the window ends. */
  resteMs: number;
}

/**
 * Where the counters live. In memory (`MagasinMemoire`) for one CMS process; several processes behind
 * one address need a shared implementation (Redis `INCRBY` + `PEXPIRE … NX`, or a database row), and
 * nothing else changes.
 */
export interface MagasinCompteurs {
  /** Adds one to `cle` in its current window, opening a window of `fenetreMs` if none is running. */
  incrementer(cle: string, fenetreMs: number): Promise<Compteur>;
}

/** Counters of one process. Expired windows are dropped lazily. */
export class MagasinMemoire implements MagasinCompteurs {
  private readonly fenetres = new Map<string, { fin: number; nombre: number }>();

  constructor(
    private readonly horloge: () => number = Date.now,
    private readonly capacite = 100_000,
  ) {}

  async incrementer(cle: string, fenetreMs: number): Promise<Compteur> {
    const maintenant = this.horloge();
    let fenetre = this.fenetres.get(cle);
    if (!fenetre || maintenant >= fenetre.fin) {
      fenetre = { fin: maintenant + fenetreMs, nombre: 0 };
      this.fenetres.set(cle, fenetre);
    }
    fenetre.nombre += 1;
    if (this.fenetres.size > this.capacite) this.purger(maintenant);
    return { nombre: fenetre.nombre, resteMs: fenetre.fin - maintenant };
  }

  private purger(maintenant: number): void {
    for (const [cle, fenetre] of this.fenetres) if (maintenant >= fenetre.fin) this.fenetres.delete(cle);
  }
}

export interface Decision {
  autorise: boolean;
  restantes: number;
  /** Seconds until the window of this IP ends. */
  reessayerDans: number;
}

export function decider(limite: Limite, compteur: Compteur): Decision {
  return {
    autorise: compteur.nombre <= limite.max,
    restantes: Math.max(0, limite.max - compteur.nombre),
    reessayerDans: Math.max(1, Math.ceil(compteur.resteMs / 1000)),
  };
}

/** Key of a counter: one window per category and IP, per configuration of the limits (`epoque`). */
export function cleCompteur(epoque: number, categorie: Categorie, ip: string): string {
  return `${epoque}:${categorie}:${ip}`;
}
