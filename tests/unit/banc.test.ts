import fs from 'fs';
import path from 'path';
import { isCuid } from '@paralleldrive/cuid2';
import { echantillon, flux, identifiantDocument, mulberry32 } from '../../bench/aleatoire';
import { lireOptions } from '../../bench/options';
import { profilDepuisCsv, tirerDistincts, tirerProjet } from '../../bench/profil';
import { resumeMarkdown, verifierBudgets, type MesureHttp, type Resultat } from '../../bench/rapport';
import { croissance, percentile, resumerLatences } from '../../bench/statistiques';
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
    expect(resumerLatences([1, 2, 3, 4])).toEqual({ p50: 2, p95: 4, p99: 4, max: 4 });
  });

  it('qualifie la croissance d’un coût : plate, linéaire', () => {
    expect(croissance([{ projets: 1000, valeur: 10 }, { projets: 10000, valeur: 11 }, { projets: 50000, valeur: 12 }])?.forme).toBe('plate');
    expect(croissance([{ projets: 1000, valeur: 100 }, { projets: 50000, valeur: 5000 }])).toEqual({ pente: expect.closeTo(1, 5), forme: 'linéaire' });
    expect(croissance([{ projets: 1000, valeur: 10 }, { projets: 50000, valeur: 10 * 50 ** 2 }])?.forme).toBe('sur-linéaire');
    expect(croissance([{ projets: 1000, valeur: 10 }])).toBeNull();
  });
});

describe('options du banc', () => {
  it('lit les options et refuse une valeur invalide ou inconnue', () => {
    expect(lireOptions(['--projets', '1000', '--paliers', '50000,1000'])).toMatchObject({ projets: 1000, paliers: [1000, 50000] });
    expect(lireOptions(['--rapide'])).toMatchObject({ duree: 3, paliers: [10000] });
    expect(() => lireOptions(['--duree', '0'])).toThrow('--duree attend un entier positif');
    expect(() => lireOptions(['--vite'])).toThrow('Option inconnue : --vite');
  });
});

describe('verdict des budgets', () => {
  const mesure = (p95: number, erreurs = 0): MesureHttp => ({
    nom: 'x',
    requete: 'GET /x',
    requetes: 100,
    requetesParSeconde: 10,
    erreurs,
    latence: { p50: p95 / 2, p95, p99: p95, max: p95 },
    rssDepartMo: 100,
    rssPicMo: 120,
  });
  const resultat = (liste: number, brute: number, stock: number, erreurs = 0): Resultat => ({
    debut: '2026-01-01T00:00:00.000Z',
    dureeSecondes: 60,
    machine: { coeurs: 2, node: 'v20', base: 'PostgreSQL' },
    options: { dureeSecondes: 10, echauffementSecondes: 3, connexions: 20, paliers: [10000] },
    demarrage: { seedReferentielSecondes: 10, demarrageAFroidSecondes: 5, reamorcageSecondes: 0.5 },
    generations: [{ projets: 10000, ajoutes: 10000, secondes: 20 }],
    paliers: [
      {
        projets: 10000,
        scenarios: {
          liste: mesure(liste, erreurs),
          'liste-brute': mesure(brute),
          'liste-stock': mesure(stock),
          recherche: { ...mesure(0), absent: true },
        },
        export: { statut: 200, secondes: 2, octets: 1e6, lignes: 10000, rssDepartMo: 200, rssPicMo: 350 },
      },
    ],
    remarques: [],
  });
  const verdict = (r: Resultat, budget: string) => verifierBudgets(r).find((v) => v.budget === budget);

  it('tient un budget sous sa limite et le manque au-dessus', () => {
    expect(verdict(resultat(40, 20, 38), 'Liste REST p95')?.ok).toBe(true);
    expect(verdict(resultat(60, 20, 58), 'Liste REST p95')?.ok).toBe(false);
  });

  it('rapporte la liste au SQL brut et au Strapi nu', () => {
    expect(verdict(resultat(40, 10, 38), 'Liste REST p95 / SQL brut p95')).toMatchObject({ valeur: '4.00×', ok: false });
    expect(verdict(resultat(40, 20, 38), 'Surcoût de la couche de visibilité (p95 / Strapi nu)')?.ok).toBe(true);
    expect(verdict(resultat(40, 20, 30), 'Surcoût de la couche de visibilité (p95 / Strapi nu)')?.ok).toBe(false);
  });

  it('juge les latences sur la configuration de production (cache) quand elle est mesurée, les rapports sans le cache', () => {
    const r = resultat(400, 200, 380);
    r.paliers[0].scenarios['liste-cache'] = mesure(5);
    expect(verdict(r, 'Liste REST p95')).toMatchObject({ valeur: '5.00 ms', ok: true });
    expect(verdict(r, 'Liste REST p95 / SQL brut p95')).toMatchObject({ valeur: '2.00×' });
  });

  it('dit « non mesuré » pour un point absent, jamais tenu ni manqué', () => {
    expect(verdict(resultat(40, 20, 38), 'Recherche à facettes p95')?.ok).toBeNull();
    expect(verdict(resultat(40, 20, 38), 'Croissance du RSS pendant l’export')).toMatchObject({ valeur: '150 Mo', ok: false });
  });

  it('ramène le temps de génération à 10 000 projets quand la base a été complétée', () => {
    const r = { ...resultat(40, 20, 38), generations: [{ projets: 10000, ajoutes: 9000, secondes: 9 }] };
    expect(verdict(r, 'Génération de 10 000 projets (rapportée de +9000)')).toMatchObject({ valeur: '10.00 s', ok: true });
  });

  it('compte les erreurs de tous les scénarios', () => {
    expect(verdict(resultat(40, 20, 38, 3), 'Erreurs (tous scénarios, tous paliers)')).toMatchObject({ valeur: '3', ok: false });
  });

  it('écrit un résumé Markdown avec le verdict de chaque budget et les absents', () => {
    const markdown = resumeMarkdown(resultat(60, 20, 58));
    expect(markdown).toContain('| Liste REST p95 | 60.0 ms | < 50.0 ms | **manqué** |');
    expect(markdown).toContain('| x | absent (404) |');
  });
});
