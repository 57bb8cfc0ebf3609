/**
 * The admin relation pickers (issue 11, items 2, 3 and 5) through the real content-manager relations
 * routes: one language, each entry once, only what the save-time rule accepts, sub-themes labelled with
 * their theme, collectivités ranked and told apart.
 */
import { api, enteteAdmin } from '../helpers/http';
import { creerAgent, rattacher, type Agent } from '../helpers/comptes';
import { collectiviteParSiren, thematique } from '../helpers/donnees';
import { PUBLICS_CIBLES, TECHNIQUES_IA, THEMATIQUES } from '../../src/referentiel/taxonomies';

const PROJET = 'api::projet.projet';
const SIREN_METZ = '215704636';
const SIREN_CARCASSONNE = '211100698';
const THEMES = THEMATIQUES.filter((t) => !t.parent);
const SOUS_THEMES = THEMATIQUES.filter((t) => t.parent);
const themeDe = (slug: string) => THEMES.find((t) => t.slug === slug) as (typeof THEMES)[number];

type Entree = { id: number; documentId: string; nom: string; locale?: string };
type Page = { results: Entree[]; pagination: { page: number; pageSize: number; pageCount: number; total: number } };

let contributeur: Agent;
let metz: string;
let projetCarcassonne: string;

const disponibles = async (agent: { Authorization: string }, champ: string, query: Record<string, unknown> = {}, modele = PROJET): Promise<Page> => {
  const reponse = await api().get(`/content-manager/relations/${modele}/${champ}`).query({ pageSize: 100, ...query }).set(agent);
  if (reponse.status !== 200) throw new Error(`Sélecteur ${champ} : ${reponse.status} ${JSON.stringify(reponse.body)}`);
  return reponse.body;
};
const noms = (page: Page) => page.results.map((r) => r.nom);

beforeAll(async () => {
  contributeur = await creerAgent(`contributeur.selecteurs.${Date.now()}@metz.fr`, 'Contributeur');
  metz = await collectiviteParSiren(SIREN_METZ);
  await rattacher(metz, { contributeurs: [contributeur] });
  const cree = await api()
    .post(`/content-manager/collection-types/${PROJET}`)
    .set(enteteAdmin())
    .send({
      nom: 'SELECTEURSPROJETCARCASSONNE',
      description: 'Un projet d’une autre collectivité.',
      statut: 'experimentation',
      collectivite: { connect: [{ documentId: await collectiviteParSiren(SIREN_CARCASSONNE) }] },
      thematique: { connect: [{ documentId: await thematique('mobilites') }] },
    });
  if (cree.status !== 201) throw new Error(`Création : ${cree.status} ${JSON.stringify(cree.body)}`);
  projetCarcassonne = cree.body.data.documentId;
});

describe('Taxonomies : la langue de l’agent seulement, une fois chacune', () => {
  it.each([
    ['thematique', THEMES.map((t) => t.nom.fr)],
    ['publics', PUBLICS_CIBLES.map((t) => t.nom.fr)],
    ['techniquesIa', TECHNIQUES_IA.map((t) => t.nom.fr)],
  ])('%s : les entrées françaises attendues, sans doublon', async (champ, attendus) => {
    for (const agent of [contributeur.entete, enteteAdmin()]) {
      const page = await disponibles(agent, champ);
      expect([...noms(page)].sort()).toEqual([...attendus].sort());
      expect(page.pagination.total).toBe(attendus.length);
    }
  });

  it('une locale configurée demandée est servie (thèmes en anglais), une inconnue donne le français', async () => {
    expect([...noms(await disponibles(contributeur.entete, 'thematique', { locale: 'en' }))].sort()).toEqual(THEMES.map((t) => t.nom.en).sort());
    expect([...noms(await disponibles(contributeur.entete, 'thematique', { locale: 'xx' }))].sort()).toEqual(THEMES.map((t) => t.nom.fr).sort());
  });
});

describe('Thématique et sous-thématiques : seulement ce que la règle accepte', () => {
  it('sous-thématiques : les 34 sous-thèmes, chacun précédé de son thème, groupés par thème', async () => {
    const page = await disponibles(contributeur.entete, 'sousThematiques');
    const attendus = SOUS_THEMES.map((s) => `${s.nom.fr} (${themeDe(s.parent as string).nom.fr})`);
    expect([...noms(page)].sort()).toEqual([...attendus].sort());
    const ordres = noms(page).map((nom) => THEMES.find((t) => nom.endsWith(` (${t.nom.fr})`))?.ordre ?? -1);
    expect(ordres).toEqual([...ordres].sort((a, b) => a - b));
  });

  it('la recherche porte sur le nom du sous-thème, le libellé garde son thème', async () => {
    const sousTheme = SOUS_THEMES[0];
    const page = await disponibles(contributeur.entete, 'sousThematiques', { _q: sousTheme.nom.fr });
    expect(noms(page)).toContain(`${sousTheme.nom.fr} (${themeDe(sousTheme.parent as string).nom.fr})`);
  });

  it('les entrées liées (puces) portent les mêmes libellés, une fois chacune', async () => {
    const sousTheme = SOUS_THEMES[0];
    const cree = await api()
      .post(`/content-manager/collection-types/${PROJET}`)
      .set(contributeur.entete)
      .send({
        nom: 'SELECTEURSPROJETMETZ',
        description: 'Un projet pour les puces.',
        statut: 'experimentation',
        collectivite: { connect: [{ documentId: metz }] },
        thematique: { connect: [{ documentId: await thematique(sousTheme.parent as string) }] },
        sousThematiques: { connect: [{ documentId: await thematique(sousTheme.slug) }] },
      });
    expect(cree.status).toBe(201);
    const id = cree.body.data.documentId;
    const lies = async (champ: string) => {
      const reponse = await api().get(`/content-manager/relations/${PROJET}/${id}/${champ}`).set(contributeur.entete);
      expect(reponse.status).toBe(200);
      return noms(reponse.body);
    };
    expect(await lies('thematique')).toEqual([themeDe(sousTheme.parent as string).nom.fr]);
    expect(await lies('sousThematiques')).toEqual([`${sousTheme.nom.fr} (${themeDe(sousTheme.parent as string).nom.fr})`]);
    expect(await lies('collectivite')).toEqual(['Metz — commune (57)']);

    // Already linked: no longer offered, and the count follows.
    const [avec, sans] = await Promise.all([disponibles(contributeur.entete, 'collectivite', { _q: 'Metz' }), disponibles(contributeur.entete, 'collectivite', { _q: 'Metz', id })]);
    expect(noms(avec)[0]).toBe('Metz — commune (57)');
    expect(noms(sans)).not.toContain('Metz — commune (57)');
    expect(sans.pagination.total).toBe(avec.pagination.total - 1);
  });
});

describe('Collectivités : le bon résultat d’abord, les homonymes distingués', () => {
  it.each([10, 20])('« Metz » (pages de %i) : Metz commune d’abord, Metz Métropole présente avec son type', async (pageSize) => {
    const page = await disponibles(contributeur.entete, 'collectivite', { _q: 'Metz', pageSize });
    expect(page.results.length).toBe(Math.min(pageSize, page.pagination.total));
    expect(noms(page)[0]).toBe('Metz — commune (57)');
    expect(noms(page)).toContain('Metz Métropole — EPCI (57)');
    // Then the rest: contains only, and after every prefix match.
    const rangs = noms(page).map((n) => (n.startsWith('Metz — ') ? 0 : n.toLowerCase().startsWith('metz') ? 1 : 2));
    expect(rangs).toEqual([...rangs].sort());
  });

  it('pagination stable : deux pages de 10 font la première page de 20', async () => {
    const [p1, p2, p20] = await Promise.all([1, 2].map((p) => disponibles(contributeur.entete, 'collectivite', { _q: 'Metz', pageSize: 10, page: p })).concat(disponibles(contributeur.entete, 'collectivite', { _q: 'Metz', pageSize: 20 })));
    expect([...p1.results, ...p2.results].map((r) => r.documentId)).toEqual(p20.results.map((r) => r.documentId));
    expect(p1.pagination).toEqual({ page: 1, pageSize: 10, pageCount: Math.ceil(p20.pagination.total / 10), total: p20.pagination.total });
    expect(p2.pagination.page).toBe(2);
    const apres = await disponibles(contributeur.entete, 'collectivite', { _q: 'Metz', pageSize: 10, page: 50 });
    expect(apres.results).toEqual([]);
    expect(apres.pagination.total).toBe(p20.pagination.total);
  });

  it('homonymes : les deux Mametz se distinguent par leur type et leur département', async () => {
    const page = await disponibles(contributeur.entete, 'collectivite', { _q: 'mametz' });
    expect(noms(page).slice(0, 2).sort()).toEqual(['Mametz — commune (62)', 'Mametz — commune déléguée (80)']);
  });

  it('sans accent ni majuscule : « ecouen » trouve Écouen d’abord', async () => {
    expect(noms(await disponibles(contributeur.entete, 'collectivite', { _q: 'ecouen' }))[0]).toBe('Écouen — commune (95)');
  });

  it('les jokers de LIKE tapés sont des caractères comme les autres', async () => {
    const page = await disponibles(contributeur.entete, 'collectivite', { _q: '%' });
    expect(page.results).toEqual([]);
    expect(page.pagination.total).toBe(0);
  });

  it('sans recherche, le sélecteur reste paginé et étiqueté', async () => {
    const page = await disponibles(contributeur.entete, 'collectivite', { pageSize: 10 });
    expect(page.results).toHaveLength(10);
    for (const nom of noms(page)) expect(nom).toMatch(/ — /);
  });
});

describe('La garde des documents s’applique toujours', () => {
  it('un contributeur ne voit pas le projet d’une autre collectivité dans un sélecteur de projets', async () => {
    const query = { _q: 'SELECTEURSPROJETCARCASSONNE' };
    expect(noms(await disponibles(enteteAdmin(), 'projets', query, 'api::ressource.ressource'))).toEqual(['SELECTEURSPROJETCARCASSONNE']);
    expect(noms(await disponibles(contributeur.entete, 'projets', query, 'api::ressource.ressource'))).toEqual([]);
  });

  it('ni les relations d’un projet qu’il ne peut pas lire', async () => {
    const reponse = await api().get(`/content-manager/relations/${PROJET}/${projetCarcassonne}/collectivite`).set(contributeur.entete);
    expect(reponse.status).toBe(403);
  });
});
