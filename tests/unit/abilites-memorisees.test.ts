import type { Core } from '@strapi/strapi';
import { cleAbilite, memoriserAbilites } from '../../src/api-contenu/abilites-memorisees';

const PUBLIC = [{ action: 'api::projet.projet.find' }, { action: 'api::projet.projet.findOne' }];

describe('abilités de l’API de contenu gardées par leurs permissions', () => {
  it('une clé par contenu des permissions ; aucune avec des options, des conditions ou ce que JSON n’écrit pas', () => {
    expect(cleAbilite(PUBLIC)).toBe(cleAbilite(PUBLIC.map((p) => ({ ...p }))));
    expect(cleAbilite(PUBLIC, {})).toBe(cleAbilite(PUBLIC));
    expect(cleAbilite(PUBLIC)).not.toBe(cleAbilite(PUBLIC.slice(1)));
    expect(cleAbilite([])).toBe('[]');
    expect(cleAbilite(PUBLIC, { user: { id: 1 } })).toBeNull();
    expect(cleAbilite(PUBLIC, null)).toBeNull();
    expect(cleAbilite([{ action: 'a', conditions: ['admin::is-creator'] }])).toBeNull();
    expect(cleAbilite([{ action: 'a', conditions: [] }])).not.toBeNull();
    expect(cleAbilite([{ action: 'a', verifier: () => true }])).toBeNull();
    expect(cleAbilite([null])).toBeNull();
    expect(cleAbilite('a')).toBeNull();
  });

  it('construit une abilité par jeu de permissions, la partage ensuite ; reconstruit à chaque fois ce qui n’a pas de clé', async () => {
    let construites = 0;
    const moteur = { generateAbility: async (permissions: unknown[]) => ({ numero: (construites += 1), actions: permissions.length }) };
    memoriserAbilites({ contentAPI: { permissions: { engine: moteur } } } as unknown as Core.Strapi);
    const premiere = await moteur.generateAbility(PUBLIC);
    expect(await moteur.generateAbility(PUBLIC.map((p) => ({ ...p })))).toBe(premiere);
    expect(await moteur.generateAbility(PUBLIC.slice(1))).toEqual({ numero: 2, actions: 1 });
    const avecOptions = (moteur.generateAbility as (p: unknown[], o: unknown) => Promise<unknown>)(PUBLIC, { user: { id: 1 } });
    expect(await avecOptions).toEqual({ numero: 3, actions: 2 });
    expect(construites).toBe(3);
  });

  it('refuse de démarrer quand le moteur n’a plus de generateAbility', () => {
    expect(() => memoriserAbilites({ contentAPI: { permissions: { engine: {} } } } as unknown as Core.Strapi)).toThrow(/Démarrage refusé/);
  });
});
