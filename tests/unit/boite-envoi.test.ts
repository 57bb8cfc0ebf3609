import type { Core } from '@strapi/strapi';
import { BoiteEnvoi } from '../../src/plugins/revue-editoriale/server/boite-envoi';

/** A Strapi whose outbox table fails at the first read (database busy), then answers. */
function strapiInstable() {
  const erreurs: string[] = [];
  let lectures = 0;
  const requete = {
    findMany: async () => {
      lectures += 1;
      if (lectures === 1) throw new Error('database is locked');
      return [];
    },
  };
  const strapi = { db: { query: () => requete }, log: { error: (m: string) => erreurs.push(m), warn: () => undefined } };
  return { strapi: strapi as unknown as Core.Strapi, erreurs, lectures: () => lectures };
}

describe('Boîte d’envoi des courriels de la revue', () => {
  it('une base indisponible le temps d’un passage : erreur journalisée, rien de rejeté (le minuteur ne fait pas tomber le serveur), passage suivant normal', async () => {
    const { strapi, erreurs, lectures } = strapiInstable();
    const boite = new BoiteEnvoi(strapi, 60_000, 1000);
    await expect(boite.traiter()).resolves.toBe(0);
    expect(erreurs).toEqual(['Revue éditoriale : envoi des courriels interrompu, repris au prochain passage : database is locked']);
    await expect(boite.traiter()).resolves.toBe(0);
    expect([lectures(), erreurs.length]).toEqual([2, 1]);
  });
});
