import fs from 'fs';
import path from 'path';
import { isCuid } from '@paralleldrive/cuid2';
import { echantillon, flux, identifiantDocument, mulberry32 } from '../../bench/aleatoire';
import { lireOptions } from '../../bench/options';
import { estComplet, estimation, planDuPalier } from '../../bench/plan';
import { profilDepuisCsv, tirerDistincts, tirerProjet } from '../../bench/profil';
import { memeJson, rapportReference, resumeMarkdown, tableauCroissance, verifierBudgets, type MesureHttp, type Palier, type Resultat, type Variante } from '../../bench/rapport';
import { croissance, echantillonsRequis, percentile, rapportCroissance, resumerLatences } from '../../bench/statistiques';
import { MAX_SOUS_THEMATIQUES } from '../../src/domaine/regles-metier';
import { THEMATIQUES } from '../../src/referentiel/taxonomies';

const profil = profilDepuisCsv(fs.readFileSync(path.join(__dirname, '../../donnees/interconnectes/data.csv')));

describe('aléa à graine', () => {
  it('redonne la même suite pour la même graine, une autre pour une autre graine', () => {
    const suite = (graine: number) => Array.from({ length: 5 }, mulberry32(graine));
    expect(suite(7)).toEqual(suite(7));
    expect(suite(7)).not.toEqual(suite(8));
    for (const x of suite(42)) expect(x >= 0 && x < 1).toBe(true);
  });

  it('donne à chaque élément son propre flux : le projet n ne dépend pas des lots', () => {
    expect(flux(7, 1234)()).toBe(flux(7, 1234)());
    expect(flux(7, 1234)()).not.toBe(flux(7, 1235)());
  });

  it('produit des identifiants de document au format cuid2', () => {
    const alea = mulberry32(1);
    const ids = Array.from({ length: 200 }, () => identifiantDocument(alea));
    for (const id of ids) expect(isCuid(id) && id.length === 24).toBe(true);
    expect(new Set(ids).size).toBe(200);
  });

  it('tire un échantillon sans doublon, borné par la taille de la liste', () => {
    const alea = mulberry32(3);
    expect(new Set(echantillon(alea, [1, 2, 3, 4, 5], 3)).size).toBe(3);
    expect(echantillon(alea, [1, 2], 5).sort()).toEqual([1, 2]);
  });
});

describe('profil des projets réels', () => {
  it('compte une observation par projet réel', () => {
    expect(profil.statuts).toHaveLength(33);
    expect(profil.thematiques).toHaveLength(33);
    expect(profil.longueursDescription.every((l) => l > 0)).toBe(true);
  });

  it('tire des sous-thèmes vus avec le thème tiré dans le fichier réel, au plus MAX_SOUS_THEMATIQUES', () => {
    const parent = new Map(THEMATIQUES.map((t) => [t.slug, t.parent]));
    for (let i = 0; i < 500; i += 1) {
      const projet = tirerProjet(flux(7, i), profil, i);
      expect(projet.sousThematiques.length).toBeLessThanOrEqual(MAX_SOUS_THEMATIQUES);
      for (const s of projet.sousThematiques) {
        expect(parent.get(s)).toBeDefined();
        expect(profil.sousThematiquesParTheme[projet.thematique]).toContain(s);
      }
      expect(projet.nom.length).toBeLessThanOrEqual(150);
      expect(projet.statut === 'abandonne').toBe(projet.motifAbandon !== null);
    }
  });

  it('reproduit la répartition réelle des statuts', () => {
    const reel = profil.statuts.filter((s) => s === 'experimentation').length / profil.statuts.length;
    const tires = Array.from({ length: 5000 }, (_, i) => tirerProjet(flux(7, i), profil, i));
    const genere = tires.filter((p) => p.statut === 'experimentation').length / tires.length;
    expect(Math.abs(genere - reel)).toBeLessThan(0.03);
  });

  it('tire des valeurs distinctes selon leur fréquence', () => {
    const alea = mulberry32(5);
    expect(tirerDistincts(alea, ['a', 'a', 'b'], 5).sort()).toEqual(['a', 'b']);
    const premiers = Array.from({ length: 2000 }, () => tirerDistincts(alea, ['a', 'a', 'a', 'b'], 1)[0]);
    expect(premiers.filter((v) => v === 'a').length / 2000).toBeGreaterThan(0.7);
  });
});

describe('statistiques de latence', () => {
  it('calcule les percentiles par rang le plus proche', () => {
    const valeurs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(valeurs, 50)).toBe(50);
    expect(percentile(valeurs, 95)).toBe(95);
    expect(percentile(valeurs, 99)).toBe(99);
    expect(percentile([3], 95)).toBe(3);
    expect(percentile([], 95)).toBeNull();
  });

  it('demande 20 échantillons par unité de 1/(1 − p) : 40 pour p50, 400 pour p95, 2 000 pour p99', () => {
    expect(echantillonsRequis(50)).toBe(40);
    expect(echantillonsRequis(95)).toBe(400);
    expect(echantillonsRequis(99)).toBe(2000);
  });

  it('ne cite pas un percentile sans assez d’échantillons (le p95 de 30 mesures est leur maximum)', () => {
    const serie = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    expect(resumerLatences(serie(30))).toEqual({ n: 30, p50: null, p95: null, p99: null, max: 30 });
    expect(resumerLatences(serie(399))).toMatchObject({ n: 399, p50: 200, p95: null, p99: null });
    expect(resumerLatences(serie(400))).toMatchObject({ p50: 200, p95: 380, p99: null });
    expect(resumerLatences(serie(2000))).toMatchObject({ p95: 1900, p99: 1980, max: 2000 });
    expect(resumerLatences([])).toEqual({ n: 0, p50: null, p95: null, p99: null, max: null });
  });

  it('qualifie la croissance d’un coût : plate, linéaire ; rapport entre deux paliers', () => {
    expect(croissance([{ projets: 1000, valeur: 10 }, { projets: 10000, valeur: 11 }, { projets: 50000, valeur: 12 }])?.forme).toBe('plate');
    expect(croissance([{ projets: 1000, valeur: 100 }, { projets: 50000, valeur: 5000 }])).toEqual({ pente: expect.closeTo(1, 5), forme: 'linéaire' });
    expect(croissance([{ projets: 1000, valeur: 10 }, { projets: 50000, valeur: 10 * 50 ** 2 }])?.forme).toBe('sur-linéaire');
    expect(croissance([{ projets: 1000, valeur: 10 }])).toBeNull();
    expect(rapportCroissance(10, 13)).toBeCloseTo(1.3);
    expect(rapportCroissance(null, 13)).toBeNull();
    expect(rapportCroissance(10, undefined)).toBeNull();
  });
});

describe('options du banc', () => {
  it('lit les options et refuse une valeur invalide ou inconnue', () => {
    expect(lireOptions(['--projets', '1000', '--paliers', '50000,1000,1000'])).toMatchObject({ projets: 1000, paliers: [1000, 50000] });
    expect(lireOptions([])).toMatchObject({ echantillons: 400, paliers: [1000, 10000, 50000] });
    expect(() => lireOptions(['--duree', '0'])).toThrow('--duree attend un entier positif');
    expect(() => lireOptions(['--vite'])).toThrow('Option inconnue : --vite');
  });

  it('--rapide : un palier, assez d’échantillons pour un p95', () => {
    const rapide = lireOptions(['--rapide']);
    expect(rapide.paliers).toEqual([10000]);
    expect(rapide.echantillons).toBeGreaterThanOrEqual(echantillonsRequis(95));
  });
});

describe('plan d’un passage', () => {
  it('mesure chaque scénario sans cache à 1 connexion, liste, détail et GraphQL aussi à N, chacun avec son SQL idéal', () => {
    const plan = planDuPalier(false);
    expect(plan.filter((f) => f.connexions === 'une').map((f) => f.cle)).toEqual(['liste', 'detail', 'graphql', 'collectivites', 'recherche', 'statistiques', 'similaires']);
    expect(plan.filter((f) => f.connexions === 'n').map((f) => f.cle)).toEqual(['liste', 'detail', 'graphql']);
    for (const f of plan.filter((x) => ['liste', 'detail', 'graphql'].includes(x.cle))) expect(f.variantes.slice(0, 2)).toEqual(['cms', 'sql-ideal']);
    expect(plan.find((f) => f.cle === 'liste' && f.connexions === 'une')?.variantes).toContain('chemin-strapi');
    expect(plan.some((f) => f.cache)).toBe(false);
  });

  it('ajoute au palier des budgets la liste sans couche de visibilité et chaque scénario avec cache', () => {
    const plan = planDuPalier(true);
    expect(plan.find((f) => f.cle === 'liste' && f.connexions === 'une')?.variantes).toEqual(['cms', 'sql-ideal', 'chemin-strapi', 'sans-visibilite']);
    expect(plan.filter((f) => f.cache).map((f) => f.cle)).toHaveLength(7);
    expect(estComplet(10000, [1000, 10000, 50000])).toBe(true);
    expect(estComplet(1000, [1000, 10000, 50000])).toBe(false);
    expect(estComplet(1000, [1000])).toBe(true);
  });

  it('tient le passage par défaut en 25 minutes au pire, --rapide en bien moins', () => {
    expect(estimation(lireOptions([])) / 60).toBeLessThanOrEqual(25);
    expect(estimation(lireOptions(['--rapide'])) / 60).toBeLessThanOrEqual(10);
  });
});

describe('JSON des références', () => {
  it('compare deux réponses sans tenir compte de l’ordre des clés, mais de celui des tableaux', () => {
    expect(memeJson({ a: 1, b: { c: [1, 2], d: null } }, { b: { d: null, c: [1, 2] }, a: 1 })).toBe(true);
    expect(memeJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(memeJson({ a: 1 }, { a: 1, b: undefined === undefined ? 2 : 0 })).toBe(false);
  });
});

type Options = { p50?: number; p95?: number | null; n?: number; debit?: number; erreurs?: number; cache?: boolean };
const mesure = (scenario: string, variante: Variante, connexions: number, { p50 = 10, p95 = 20, n = 400, debit = 100, erreurs = 0, cache = false }: Options = {}): MesureHttp => ({
  nom: scenario,
  scenario,
  variante,
  connexions,
  cache,
  requete: `GET /${scenario}`,
  requetes: n,
  secondes: n / debit,
  requetesParSeconde: debit,
  erreurs,
  latence: { n, p50, p95, p99: null, max: p95 ?? p50 },
  rssDepartMo: 100,
  rssPicMo: 120,
});

/** A 10,000 palier where every budget is met: the CMS at 1.5× its baselines, the cache at 5 ms. */
function palier(projets = 10000, surcharge: Partial<Record<string, MesureHttp>> = {}): Palier {
  const mesures: Record<string, MesureHttp> = {
    'liste|cms|1': mesure('liste', 'cms', 1, { p50: 3, p95: 6 }),
    'liste|sql-ideal|1': mesure('liste', 'sql-ideal', 1, { p50: 2, p95: 4 }),
    'liste|chemin-strapi|1': mesure('liste', 'chemin-strapi', 1, { p50: 30, p95: 60 }),
    'liste|cms|20': mesure('liste', 'cms', 20, { p50: 100, p95: 200, debit: 200 }),
    'liste|sql-ideal|20': mesure('liste', 'sql-ideal', 20, { p50: 40, p95: 80, debit: 500 }),
    'detail|cms|1': mesure('detail', 'cms', 1, { p50: 3 }),
    'detail|sql-ideal|1': mesure('detail', 'sql-ideal', 1, { p50: 2 }),
    'graphql|cms|1': mesure('graphql', 'cms', 1, { p50: 4 }),
    'graphql|sql-ideal|1': mesure('graphql', 'sql-ideal', 1, { p50: 2 }),
    'recherche|cms|1': mesure('recherche', 'cms', 1, { p95: 100 }),
    'collectivites|cms|1': mesure('collectivites', 'cms', 1),
    'statistiques|cms|1': mesure('statistiques', 'cms', 1),
    'similaires|cms|1': { ...mesure('similaires', 'cms', 1), absent: true },
    'liste|cms|20|cache': mesure('liste', 'cms', 20, { p50: 2, p95: 5, debit: 3000, cache: true }),
    ...surcharge,
  };
  return {
    projets,
    mesures: Object.values(mesures).filter((m): m is MesureHttp => m !== undefined),
    equivalences: ['liste', 'detail', 'graphql'].map((scenario) => ({ scenario, identique: true, detail: 'identique' })),
    export: { statut: 200, secondes: 2, octets: 1e6, lignes: projets, rssDepartMo: 200, rssPicMo: 250 },
  };
}

const resultat = (paliers: Palier[] = [palier()]): Resultat => ({
  debut: '2026-01-01T00:00:00.000Z',
  dureeSecondes: 60,
  machine: { coeurs: 2, node: 'v20', base: 'PostgreSQL' },
  options: { echantillons: 400, dureeMaxSecondes: 15, echauffementSecondes: 2, connexions: 20, paliers: paliers.map((p) => p.projets) },
  demarrage: { seedReferentielSecondes: 10, demarrageAFroidSecondes: 5, reamorcageSecondes: 0.5 },
  generations: [{ projets: 10000, ajoutes: 10000, secondes: 20 }],
  paliers,
  remarques: [],
});
const verdict = (r: Resultat, debut: string) => verifierBudgets(r).find((v) => v.budget.startsWith(debut));

describe('rapports à la référence du même scénario', () => {
  it('divise chaque scénario par le SQL idéal du même scénario, même nombre de connexions, sans cache', () => {
    const p = palier();
    const trouve = (scenario: string, variante: Variante, connexions: number, cache = false) =>
      p.mesures.find((m) => m.scenario === scenario && m.variante === variante && m.connexions === connexions && m.cache === cache)!;
    expect(rapportReference(p, trouve('liste', 'cms', 1), 'p50')).toEqual({ valeur: 1.5, indicatif: false });
    expect(rapportReference(p, trouve('liste', 'cms', 20), 'p95')).toEqual({ valeur: 2.5, indicatif: false });
    expect(rapportReference(p, trouve('liste', 'chemin-strapi', 1), 'p50')?.valeur).toBe(15);
    expect(rapportReference(p, trouve('graphql', 'cms', 1), 'p50')?.valeur).toBe(2);
  });

  it('ne donne pas de rapport sans référence du même scénario, ni pour le cache ou la référence elle-même', () => {
    const p = palier();
    const trouve = (scenario: string, variante: Variante, connexions: number, cache = false) =>
      p.mesures.find((m) => m.scenario === scenario && m.variante === variante && m.connexions === connexions && m.cache === cache)!;
    expect(rapportReference(p, trouve('recherche', 'cms', 1), 'p50')).toBeNull();
    expect(rapportReference(p, trouve('liste', 'cms', 20, true), 'p50')).toBeNull();
    expect(rapportReference(p, trouve('liste', 'sql-ideal', 1), 'p50')).toBeNull();
  });

  it('rend le rapport indicatif quand le JSON de la référence diffère de celui du CMS', () => {
    const p = palier();
    p.equivalences[0] = { scenario: 'liste', identique: false, detail: 'diffère' };
    const liste = p.mesures.find((m) => m.scenario === 'liste' && m.variante === 'cms' && m.connexions === 1)!;
    expect(rapportReference(p, liste, 'p50')).toEqual({ valeur: 1.5, indicatif: true });
    expect(verdict(resultat([p]), 'Liste REST p50 / SQL idéal')).toMatchObject({ valeur: '1.50× (indicatif : JSON différent)', ok: null });
  });
});

describe('verdict des budgets', () => {
  it('tient tous les budgets d’un passage qui les respecte', () => {
    const manques = verifierBudgets(resultat()).filter((v) => v.ok === false);
    expect(manques).toEqual([]);
  });

  it('juge liste, détail et GraphQL à 1 connexion : p50 au plus 2× le SQL idéal du même scénario', () => {
    expect(verdict(resultat(), 'Liste REST p50 / SQL idéal')).toMatchObject({ valeur: '1.50×', limite: '≤ 2.00×', ok: true });
    expect(verdict(resultat(), 'Liste GraphQL p50 / SQL idéal')).toMatchObject({ valeur: '2.00×', ok: true });
    const lent = resultat([palier(10000, { 'detail|cms|1': mesure('detail', 'cms', 1, { p50: 5 }) })]);
    expect(verdict(lent, 'Détail REST p50 / SQL idéal')).toMatchObject({ valeur: '2.50×', ok: false });
  });

  it('juge les latences sans le cache, même quand le cache est mesuré et rapide', () => {
    const r = resultat([palier(10000, { 'recherche|cms|1': mesure('recherche', 'cms', 1, { p95: 180 }), 'recherche|cms|20|cache': mesure('recherche', 'cms', 20, { p95: 3, cache: true }) })]);
    expect(verdict(r, 'Recherche à facettes p95')).toMatchObject({ valeur: '180.0 ms', limite: '< 150.0 ms', ok: false });
  });

  it('manque un budget de percentile sans assez d’échantillons pour le citer', () => {
    const r = resultat([palier(10000, { 'liste|cms|1': mesure('liste', 'cms', 1, { p50: 3, p95: null, n: 120 }) })]);
    expect(verdict(r, 'Liste REST p95')).toMatchObject({ valeur: '— (n=120, il en faut 400)', ok: false });
  });

  it('juge le p95 de la liste avec cache à 20 connexions et le débit sans cache', () => {
    expect(verdict(resultat(), 'Liste REST p95 avec cache')).toMatchObject({ valeur: '5.00 ms', ok: true });
    expect(verdict(resultat(), 'Liste REST débit à 20 connexions')).toMatchObject({ valeur: '200 req/s', limite: '≥ 75 req/s', ok: true });
    const lent = resultat([palier(10000, { 'liste|cms|20': mesure('liste', 'cms', 20, { debit: 50 }) })]);
    expect(verdict(lent, 'Liste REST débit')?.ok).toBe(false);
  });

  it('juge la croissance de la liste entre 10 000 et 50 000 projets (1 connexion)', () => {
    const a50 = (p50: number) => palier(50000, { 'liste|cms|1': mesure('liste', 'cms', 1, { p50 }) });
    expect(verdict(resultat([palier(), a50(3.6)]), 'Liste REST p50 à 50 000')).toMatchObject({ valeur: '1.20×', ok: true });
    expect(verdict(resultat([palier(), a50(6)]), 'Liste REST p50 à 50 000')).toMatchObject({ valeur: '2.00×', ok: false });
    expect(verdict(resultat(), 'Liste REST p50 à 50 000')?.ok).toBeNull();
  });

  it('dit « non mesuré » pour un point absent, jamais tenu ni manqué', () => {
    expect(verdict(resultat(), 'Projets similaires p95')).toMatchObject({ valeur: 'non mesuré', ok: null });
  });

  it('ramène le temps de génération à 10 000 projets quand la base a été complétée', () => {
    const r = { ...resultat(), generations: [{ projets: 10000, ajoutes: 9000, secondes: 9 }] };
    expect(verdict(r, 'Génération de 10 000 projets (rapportée de +9000)')).toMatchObject({ valeur: '10.00 s', ok: true });
  });

  it('compte les erreurs de tous les scénarios et l’export trop lent ou gourmand', () => {
    const r = resultat([palier(10000, { 'detail|cms|1': mesure('detail', 'cms', 1, { p50: 3, erreurs: 3 }) })]);
    expect(verdict(r, 'Erreurs')).toMatchObject({ valeur: '3', ok: false });
    const p = palier();
    p.export = { statut: 200, secondes: 4, octets: 1e6, lignes: 10000, rssDepartMo: 200, rssPicMo: 350 };
    expect(verdict(resultat([p]), 'Export CSV')?.ok).toBe(false);
    expect(verdict(resultat([p]), 'Croissance du RSS')).toMatchObject({ valeur: '150 Mo', ok: false });
  });
});

describe('croissance et résumé', () => {
  it('donne le p50 de chaque chiffre sans cache à chaque palier et le rapport 50 000 / 10 000', () => {
    const r = resultat([palier(1000), palier(10000), palier(50000, { 'liste|cms|1': mesure('liste', 'cms', 1, { p50: 3.3 }), 'recherche|cms|1': mesure('recherche', 'cms', 1, { p50: 40 }) })]);
    const lignes = tableauCroissance(r);
    const ligne = (debut: string) => lignes.find((l) => l.libelle.startsWith(debut))!;
    expect(ligne('liste — CMS, 1 connexion')).toMatchObject({ valeurs: [3, 3, 3.3], rapport: expect.closeTo(1.1, 5) });
    expect(ligne('recherche — CMS, 1 connexion')).toMatchObject({ valeurs: [10, 10, 40], rapport: 4 });
    expect(lignes.some((l) => l.libelle.includes('avec cache'))).toBe(false);
    expect(lignes.some((l) => l.libelle.startsWith('similaires'))).toBe(false);
  });

  it('écrit un résumé Markdown : verdicts, « — (n=…) » pour un percentile sans assez d’échantillons, rapports', () => {
    const p = palier(10000, { 'liste|cms|1': mesure('liste', 'cms', 1, { p50: 3, p95: null, n: 120 }) });
    const markdown = resumeMarkdown(resultat([p]));
    expect(markdown).toContain('| Liste REST p95 (1 connexion, sans cache) | — (n=120, il en faut 400) | < 50.0 ms | **manqué** |');
    expect(markdown).toContain('| liste | CMS | 1 | 120 | 3.00 ms | — (n=120) | — (n=120) | 100 | 0 | 120 Mo | 1.50× |  |');
    expect(markdown).toContain('| similaires | CMS | 1 | absent (404) |');
    expect(markdown).toContain('| liste | CMS, avec cache | 20 |');
    expect(markdown).toContain('- Avant/après (chemin de Strapi → CMS), liste, 1 connexion(s) : p50 30.0 ms → 3.00 ms (÷ 10.00), 100 → 100 req/s.');
  });
});
