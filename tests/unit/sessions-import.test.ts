import { DUREE_CONSERVATION_MS, ErreurImport, Sessions } from '../../src/plugins/import-projets/server/sessions';
import type { RapportImport } from '../../src/import/importer';

const source = { nom: 'projets.xlsx', octets: new Uint8Array([1, 2, 3]) };
const options = { publier: false, creerCollectivites: true };

function statut(action: () => unknown): number | null {
  try {
    action();
    return null;
  } catch (erreur) {
    if (erreur instanceof ErreurImport) return erreur.statut;
    throw erreur;
  }
}

describe('analyses en attente de confirmation', () => {
  it('un jeton sert une fois, pour son utilisateur, et expire après 30 minutes', () => {
    let maintenant = 1_000_000;
    const sessions = new Sessions(() => maintenant);
    const a = sessions.retenir(1, source, options, 3);
    expect(statut(() => sessions.reprendre(2, a.jeton))).toBe(404);
    expect(sessions.reprendre(1, a.jeton)).toMatchObject({ source, options });
    expect(statut(() => sessions.reprendre(1, a.jeton))).toBe(404);

    const b = sessions.retenir(1, source, options, 3);
    maintenant += DUREE_CONSERVATION_MS;
    expect(statut(() => sessions.reprendre(1, b.jeton))).toBe(404);
  });

  it('une nouvelle analyse remplace la précédente du même utilisateur', () => {
    const sessions = new Sessions();
    const ancienne = sessions.retenir(1, source, options, 3);
    const nouvelle = sessions.retenir(1, source, options, 3);
    expect(statut(() => sessions.reprendre(1, ancienne.jeton))).toBe(404);
    expect(sessions.reprendre(1, nouvelle.jeton).jeton).toBe(nouvelle.jeton);
  });
});

describe('exécutions', () => {
  it('une seule à la fois ; l’erreur d’un import est rendue en français ; le verrou est rendu à la fin', async () => {
    const sessions = new Sessions();
    let terminer: (rapport: RapportImport) => void = () => undefined;
    const e = sessions.lancer('a.xlsx', 10, () => new Promise((resolve) => (terminer = resolve)));
    expect(e).toMatchObject({ etat: 'en_cours', faites: 0, total: 10 });
    expect(statut(() => sessions.verifierLibre())).toBe(409);
    await expect(sessions.occuper('simulation', async () => 1)).rejects.toThrow(/^Un import est déjà en cours : « a\.xlsx » \(0 \/ 10 lignes\)/);
    await new Promise((resolve) => setImmediate(resolve));
    terminer({ bilan: { cree: 10 } } as RapportImport);
    await new Promise((resolve) => setImmediate(resolve));
    expect(sessions.execution(e.id)).toMatchObject({ etat: 'terminee', faites: 10, fin: expect.any(String) });

    const echec = sessions.lancer('b.ods', 3, async () => {
      throw new Error('base indisponible');
    });
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(sessions.execution(echec.id)).toMatchObject({ etat: 'echouee', erreur: 'L’import s’est interrompu : base indisponible' });
    expect(statut(() => sessions.verifierLibre())).toBeNull();
    expect(statut(() => sessions.execution('inconnu'))).toBe(404);
  });
});
