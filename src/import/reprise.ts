/**
 * Retry of a row's transaction when another process holds the database. With SQLite in WAL mode, a
 * transaction that read before writing gets SQLITE_BUSY at once (busy_timeout does not apply) if the
 * running CMS wrote meanwhile; PostgreSQL reports the same race as a serialization failure or deadlock.
 * The transaction was rolled back, so running it again is safe.
 */
const CODES_CONFLIT = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED', '40001', '40P01']);

export function estConflitDeVerrou(erreur: unknown): boolean {
  const code = (erreur as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CODES_CONFLIT.has(code);
}

export interface OptionsReprise {
  essais: number;
  /** wait before try n (1-based) */
  attenteMs: (essai: number) => number;
  surConflit?: (essai: number, erreur: unknown) => void;
}

export const REPRISE_PAR_DEFAUT: OptionsReprise = { essais: 5, attenteMs: (essai) => 100 * 2 ** essai };

export async function avecReprise<T>(action: () => Promise<T>, options: OptionsReprise = REPRISE_PAR_DEFAUT): Promise<T> {
  for (let essai = 1; ; essai += 1) {
    try {
      return await action();
    } catch (erreur) {
      if (!estConflitDeVerrou(erreur) || essai >= options.essais) throw erreur;
      options.surConflit?.(essai, erreur);
      await new Promise((fin) => setTimeout(fin, options.attenteMs(essai)));
    }
  }
}
