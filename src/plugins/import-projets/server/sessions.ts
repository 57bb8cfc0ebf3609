/**
 * What the import keeps between requests: each modérateur's last analysed file (until confirmed or
 * expired) and the executions. It lives in this process's memory: with several instances behind a
 * load balancer, the confirmation must reach the instance that analysed the file.
 */
import { randomUUID } from 'crypto';
import type { OptionsImport, RapportImport, SourceImport } from '../../../import/importer';

/** An analysed file waits this long for its confirmation; a finished execution stays readable as long. */
export const DUREE_CONSERVATION_MS = 30 * 60 * 1000;

export interface Analyse {
  jeton: string;
  source: SourceImport;
  options: Pick<OptionsImport, 'publier' | 'creerCollectivites'>;
  /** data rows of the file */
  total: number;
  expireLe: number;
}

export type EtatExecution = 'en_cours' | 'terminee' | 'echouee';

export interface Execution {
  id: string;
  fichier: string;
  etat: EtatExecution;
  faites: number;
  total: number;
  rapport: RapportImport | null;
  erreur: string | null;
  debut: string;
  fin: string | null;
}

export class ErreurImport extends Error {
  constructor(
    readonly statut: 400 | 403 | 404 | 409 | 413,
    message: string,
  ) {
    super(message);
  }
}

export class Sessions {
  private readonly analyses = new Map<number, Analyse>();
  private readonly executions = new Map<string, Execution>();
  /** what holds the importer: one import (dry run or real) at a time, rows of two imports would interleave */
  private occupation: { quoi: string; execution?: Execution } | null = null;

  constructor(private readonly maintenant: () => number = Date.now) {}

  private purger(): void {
    const t = this.maintenant();
    for (const [utilisateur, analyse] of this.analyses) if (analyse.expireLe <= t) this.analyses.delete(utilisateur);
    for (const [id, e] of this.executions) if (e.fin && Date.parse(e.fin) + DUREE_CONSERVATION_MS <= t) this.executions.delete(id);
  }

  /** Refuses (409) while an import runs. */
  verifierLibre(): void {
    if (!this.occupation) return;
    const e = this.occupation.execution;
    const ou = e ? ` (${e.faites} / ${e.total} lignes)` : '';
    throw new ErreurImport(409, `Un import est déjà en cours : ${this.occupation.quoi}${ou}. Réessayez quand il sera terminé.`);
  }

  /** Runs `travail` holding the importer; refuses (409) while another import runs. */
  async occuper<T>(quoi: string, travail: () => Promise<T>, execution?: Execution): Promise<T> {
    this.verifierLibre();
    this.occupation = { quoi, execution };
    try {
      return await travail();
    } finally {
      this.occupation = null;
    }
  }

  /** Keeps the analysed file for its confirmation; one per user, the new one replaces the old. */
  retenir(utilisateur: number, source: SourceImport, options: Analyse['options'], total: number): Analyse {
    this.purger();
    const analyse: Analyse = { jeton: randomUUID(), source, options, total, expireLe: this.maintenant() + DUREE_CONSERVATION_MS };
    this.analyses.set(utilisateur, analyse);
    return analyse;
  }

  /** The analysis `jeton` of `utilisateur`, consumed: a confirmation runs once. */
  reprendre(utilisateur: number, jeton: unknown): Analyse {
    this.purger();
    const analyse = this.analyses.get(utilisateur);
    if (!analyse || typeof jeton !== 'string' || analyse.jeton !== jeton) {
      throw new ErreurImport(404, 'Cette simulation n’existe plus (expirée après 30 minutes, déjà confirmée ou remplacée par une autre) : déposez de nouveau le fichier.');
    }
    this.analyses.delete(utilisateur);
    return analyse;
  }

  /** Starts `travail` in the background, holding the importer until it ends; answers at once. */
  lancer(fichier: string, total: number, travail: (execution: Execution) => Promise<RapportImport>): Execution {
    this.purger();
    this.verifierLibre();
    const execution: Execution = { id: randomUUID(), fichier, etat: 'en_cours', faites: 0, total, rapport: null, erreur: null, debut: new Date(this.maintenant()).toISOString(), fin: null };
    this.executions.set(execution.id, execution);
    this.occupation = { quoi: `« ${fichier} »`, execution };
    void (async () => {
      try {
        // The request is answered before the first row: with SQLite, a row's queries never yield.
        await new Promise((resolve) => setImmediate(resolve));
        const rapport = await travail(execution);
        Object.assign(execution, { etat: 'terminee', rapport, faites: execution.total });
      } catch (erreur) {
        Object.assign(execution, { etat: 'echouee', erreur: `L’import s’est interrompu : ${(erreur as Error).message}` });
      } finally {
        execution.fin = new Date(this.maintenant()).toISOString();
        this.occupation = null;
      }
    })();
    return execution;
  }

  execution(id: string): Execution {
    this.purger();
    const execution = this.executions.get(id);
    if (!execution) throw new ErreurImport(404, 'Import introuvable (terminé depuis plus de 30 minutes, ou serveur redémarré).');
    return execution;
  }
}
