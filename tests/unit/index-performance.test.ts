import { instructionsIndex } from '../../src/bootstrap/index-performance';

const noms = { projets: 'projets', collectivites: 'collectivites', lienThematique: { table: 'projets_thematique_lnk', projet: 'projet_id', thematique: 'thematique_id' } };

describe('index de performance', () => {
  it('sont tous idempotents', () => {
    for (const client of ['postgres', 'sqlite'] as const) {
      const { requises, facultatives } = instructionsIndex(client, noms);
      for (const instruction of [...requises, ...facultatives]) expect(instruction).toMatch(/ IF NOT EXISTS /);
    }
  });

  it('indexent le lien projet → thématique par thématique puis projet, avec les noms des métadonnées', () => {
    expect(instructionsIndex('sqlite', noms).requises).toContain('CREATE INDEX IF NOT EXISTS projets_thematique_lnk_thematique_projet_idx ON projets_thematique_lnk (thematique_id, projet_id)');
  });

  it('ne posent l’index trigramme (et son extension) que sur PostgreSQL, avec l’expression émise par $containsi', () => {
    const sqlite = instructionsIndex('sqlite', noms);
    expect([...sqlite.requises, ...sqlite.facultatives].join('\n')).not.toMatch(/trgm/);
    const { requises, facultatives } = instructionsIndex('postgres', noms);
    expect(requises.join('\n')).not.toMatch(/trgm/);
    expect(facultatives[0]).toBe('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    expect(facultatives[1]).toContain('USING gin (LOWER(CAST(nom AS VARCHAR)) gin_trgm_ops)');
  });
});
