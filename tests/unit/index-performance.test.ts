import { instructionsIndex } from '../../src/bootstrap/index-performance';

const noms = {
  projets: 'projets',
  colonnes: { statut: 'statut', nom: 'nom', dateDemarrage: 'date_demarrage', publication: 'published_at' },
  collectivites: 'collectivites',
  liens: [
    { table: 'projets_thematique_lnk', source: 'projet_id', cible: 'thematique_id' },
    { table: 'projets_collectivite_lnk', source: 'projet_id', cible: 'collectivite_id' },
  ],
};

describe('index de performance', () => {
  it('sont tous idempotents', () => {
    for (const client of ['postgres', 'sqlite'] as const) {
      const { requises, facultatives } = instructionsIndex(client, noms);
      for (const instruction of [...requises, ...facultatives]) expect(instruction).toMatch(/^(CREATE (INDEX|EXTENSION) IF NOT EXISTS|DROP INDEX IF EXISTS) /);
    }
  });

  it('indexent les liens projet → thématique et projet → collectivité par cible puis projet, avec les noms des métadonnées', () => {
    const { requises } = instructionsIndex('sqlite', noms);
    expect(requises).toContain('CREATE INDEX IF NOT EXISTS projets_thematique_lnk_cible_source_idx ON projets_thematique_lnk (thematique_id, projet_id)');
    expect(requises).toContain('CREATE INDEX IF NOT EXISTS projets_collectivite_lnk_cible_source_idx ON projets_collectivite_lnk (collectivite_id, projet_id)');
  });

  it('indexent les projets publiés dans l’ordre des tris de la liste, id en dernier, et retirent les index qu’ils remplacent', () => {
    const { requises } = instructionsIndex('postgres', noms);
    expect(requises).toContain('CREATE INDEX IF NOT EXISTS projets_publies_statut_nom_idx ON projets (statut, nom, id) WHERE published_at IS NOT NULL');
    expect(requises).toContain('CREATE INDEX IF NOT EXISTS projets_publies_demarrage_idx ON projets (date_demarrage, id) WHERE published_at IS NOT NULL');
    expect(requises.indexOf('DROP INDEX IF EXISTS projets_publies_statut_idx')).toBeLessThan(requises.findIndex((i) => i.includes('statut_nom')));
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
