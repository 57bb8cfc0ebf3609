import { avecReprise, estConflitDeVerrou } from '../../src/import/reprise';

const conflit = (code: string) => Object.assign(new Error('database is locked'), { code });
const rapide = { essais: 3, attenteMs: () => 1 };

describe('reprise d’une ligne d’import sur conflit de verrou', () => {
  it.each(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', '40001', '40P01'])('reconnaît %s comme un conflit', (code) => {
    expect(estConflitDeVerrou(conflit(code))).toBe(true);
  });

  it.each([new Error('autre'), Object.assign(new Error('contrainte'), { code: 'SQLITE_CONSTRAINT' }), null, 'texte'])('ne reprend pas une autre erreur (%p)', (erreur) => {
    expect(estConflitDeVerrou(erreur)).toBe(false);
  });

  it('rejoue l’action jusqu’à ce qu’elle passe et signale chaque conflit', async () => {
    let appels = 0;
    const signales: number[] = [];
    const resultat = await avecReprise(
      async () => {
        appels += 1;
        if (appels < 3) throw conflit('SQLITE_BUSY');
        return 'ok';
      },
      { ...rapide, surConflit: (essai) => signales.push(essai) },
    );
    expect(resultat).toBe('ok');
    expect(appels).toBe(3);
    expect(signales).toEqual([1, 2]);
  });

  it('abandonne après le dernier essai avec l’erreur du conflit', async () => {
    let appels = 0;
    await expect(
      avecReprise(async () => {
        appels += 1;
        throw conflit('SQLITE_BUSY');
      }, rapide),
    ).rejects.toThrow('database is locked');
    expect(appels).toBe(3);
  });

  it('ne rejoue pas une erreur qui n’est pas un conflit', async () => {
    let appels = 0;
    await expect(
      avecReprise(async () => {
        appels += 1;
        throw new Error('invalide');
      }, rapide),
    ).rejects.toThrow('invalide');
    expect(appels).toBe(1);
  });
});
