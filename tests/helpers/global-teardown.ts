import fs from 'fs';
import { administrerPostgres } from '../../scripts/services-locaux';

export default async function nettoyage(): Promise<void> {
  const etat = globalThis.__BIBLIOTHEQUE_TEST__;
  if (!etat) return;
  await etat.strapi.destroy();
  if (etat.baseDeDonnees.client === 'postgres') {
    await administrerPostgres(`DROP DATABASE IF EXISTS ${etat.baseDeDonnees.nom} WITH (FORCE)`);
  } else {
    // WAL mode leaves two companion files beside the database.
    for (const suffixe of ['', '-wal', '-shm']) fs.rmSync(`${etat.baseDeDonnees.fichier}${suffixe}`, { force: true });
  }
  globalThis.__BIBLIOTHEQUE_TEST__ = undefined;
}
