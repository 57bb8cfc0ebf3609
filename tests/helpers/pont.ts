/**
 * Bridge between the test files and the Strapi booted by the global setup. Test files run in their own
 * module registry and cannot reach that Strapi object, but Node's core modules are shared: the global
 * setup listens on a `diagnostics_channel` for configuration changes and publishes the SQL it runs.
 */
import diagnosticsChannel from 'diagnostics_channel';

export const CANAL_CONFIGURATION = 'bibliotheque-tests:configuration';
export const CANAL_SQL = 'bibliotheque-tests:sql';

/** Changes a configuration value of the running Strapi (synchronously). */
export function configurer(cle: string, valeur: unknown): void {
  const canal = diagnosticsChannel.channel(CANAL_CONFIGURATION);
  if (!canal.hasSubscribers) throw new Error('Le pont de configuration n’est pas branché : la mise en place globale n’a pas tourné');
  canal.publish({ cle, valeur });
}

/** Runs `action` and returns the SQL statements the HTTP requests it makes sent to the database meanwhile. */
export async function requetesSql<T>(action: () => Promise<T>): Promise<{ resultat: T; sql: string[] }> {
  const sql: string[] = [];
  const ecouter = (message: unknown) => sql.push(String(message));
  diagnosticsChannel.subscribe(CANAL_SQL, ecouter);
  try {
    const resultat = await action();
    return { resultat, sql };
  } finally {
    diagnosticsChannel.unsubscribe(CANAL_SQL, ecouter);
  }
}
