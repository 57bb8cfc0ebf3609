/**
 * The local services of the bench and of the tests: PostgreSQL reached through the same DATABASE_*
 * variables, with the same defaults, as config/database.ts, and free TCP ports for the servers they start.
 */
import net from 'net';
import { Client, type ClientConfig } from 'pg';

export function parametresPostgres(database: string | undefined): ClientConfig {
  return {
    host: process.env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.DATABASE_PORT ?? 5432),
    user: process.env.DATABASE_USERNAME ?? 'postgres',
    password: process.env.DATABASE_PASSWORD ?? '',
    database,
  };
}

/** Runs one statement on the maintenance database `postgres` (CREATE or DROP of a throw-away database). */
export async function administrerPostgres(instruction: string): Promise<void> {
  const client = new Client(parametresPostgres('postgres'));
  await client.connect();
  try {
    await client.query(instruction);
  } finally {
    await client.end();
  }
}

/** A TCP port free on 127.0.0.1 when asked. */
export async function portLibre(): Promise<number> {
  return new Promise((resolve, reject) => {
    const serveur = net.createServer();
    serveur.once('error', reject);
    serveur.listen(0, '127.0.0.1', () => {
      const { port } = serveur.address() as net.AddressInfo;
      serveur.close(() => resolve(port));
    });
  });
}
