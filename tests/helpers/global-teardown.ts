import fs from 'fs';
import { connexionPostgres } from './global-setup';

export default async function nettoyage(): Promise<void> {
  const etat = globalThis.__BIBLIOTHEQUE_TEST__;
  if (!etat) return;
  await etat.strapi.destroy();
  if (etat.baseDeDonnees.client === 'postgres') {
    const client = connexionPostgres('postgres');
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${etat.baseDeDonnees.nom} WITH (FORCE)`);
    await client.end();
  } else {
    // WAL mode leaves two companion files beside the database.
    for (const suffixe of ['', '-wal', '-shm']) fs.rmSync(`${etat.baseDeDonnees.fichier}${suffixe}`, { force: true });
  }
  globalThis.__BIBLIOTHEQUE_TEST__ = undefined;
}
