/**
 * Per-IP request limits (fixed window). Pure: the caller passes the clock; `api-contenu/limite-debit.ts`
 * is the Koa glue. Categories: authentication routes, each limited on its own, and the content API.
 */
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
  api: Limite;
}

export type Categorie = keyof ConfigurationLimites;

/** The category of a request, or undefined when no limit applies (admin panel, health check…). */
export function categorieDeRequete(methode: string, chemin: string): Categorie | undefined {
  const p = chemin.toLowerCase().replace(/\/+$/, '');
  if (methode === 'POST' && p === '/api/auth/local') return 'connexion';
  if (methode === 'POST' && p === '/api/auth/local/register') return 'inscription';
  if (methode === 'POST' && ['/api/auth/forgot-password', '/api/auth/reset-password', '/api/auth/send-email-confirmation'].includes(p)) {
    return 'motDePasse';
  }
  if (p === '/graphql' || p.startsWith('/api/')) return 'api';
  return undefined;
}

export const MESSAGES: Record<Categorie, string> = {
  connexion: 'Trop de tentatives de connexion depuis votre adresse. Réessayez dans quelques minutes.',
  inscription: 'Trop de demandes d’inscription depuis votre adresse. Réessayez plus tard.',
  motDePasse: 'Trop de demandes de réinitialisation du mot de passe depuis votre adresse. Réessayez plus tard.',
  api: 'Trop de requêtes depuis votre adresse. Ralentissez puis réessayez dans un instant.',
};

export interface Decision {
  autorise: boolean;
  restantes: number;
  /** Seconds until the window of this IP ends. */
  reessayerDans: number;
}

/** Counters of the current windows, keyed by category and IP. Expired windows are dropped lazily. */
export class Compteurs {
  private readonly fenetres = new Map<string, { debut: number; nombre: number }>();

  enregistrer(categorie: Categorie, ip: string, limite: Limite, maintenant: number): Decision {
    const cle = `${categorie}:${ip}`;
    const duree = limite.fenetreSecondes * 1000;
    let fenetre = this.fenetres.get(cle);
    if (!fenetre || maintenant - fenetre.debut >= duree) {
      fenetre = { debut: maintenant, nombre: 0 };
      this.fenetres.set(cle, fenetre);
    }
    fenetre.nombre += 1;
    if (this.fenetres.size > 100_000) this.purger(maintenant, duree);
    return {
      autorise: fenetre.nombre <= limite.max,
      restantes: Math.max(0, limite.max - fenetre.nombre),
      reessayerDans: Math.ceil((fenetre.debut + duree - maintenant) / 1000),
    };
  }

  vider(): void {
    this.fenetres.clear();
  }

  private purger(maintenant: number, duree: number): void {
    for (const [cle, fenetre] of this.fenetres) if (maintenant - fenetre.debut >= duree) this.fenetres.delete(cle);
  }
}
