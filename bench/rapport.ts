/** Results of a run, the performance budgets (README, « Performance »), and the Markdown summary. Pure. */
import { croissance, echantillonsRequis, rapportCroissance, type Latences } from './statistiques';

/**
 * What served a figure: the CMS; the raw-SQL baseline of the same scenario (serveur-brut.ts); the CMS
 * with Strapi's own list path back (« chemin de Strapi ») or without the visibility layer.
 */
export type Variante = 'cms' | 'sql-ideal' | 'chemin-strapi' | 'sans-visibilite';

export const LIBELLES_VARIANTES: Record<Variante, string> = {
  cms: 'CMS',
  'sql-ideal': 'SQL idéal (http + pg)',
  'chemin-strapi': 'chemin de Strapi',
  'sans-visibilite': 'sans couche de visibilité',
};

export interface MesureHttp {
  nom: string;
  /** key of the scenario (liste, detail…) */
  scenario: string;
  variante: Variante;
  connexions: number;
  /** anonymous response cache on (CACHE_REPONSES=true) */
  cache: boolean;
  requete: string;
  /** the endpoint answered 404: not there yet (e.g. not merged), no figure */
  absent?: boolean;
  requetes: number;
  secondes: number;
  requetesParSeconde: number;
  /** non-2xx answers, socket errors and timeouts */
  erreurs: number;
  latence: Latences;
  rssDepartMo: number;
  rssPicMo: number;
}

/** Whether a baseline answered the same JSON as the CMS (key order aside), checked in the run. */
export interface Equivalence {
  scenario: string;
  identique: boolean;
  detail: string;
}

/** Same JSON value, object keys in any order (array order counts). */
export function memeJson(a: unknown, b: unknown): boolean {
  const triee = (valeur: unknown): unknown => {
    if (Array.isArray(valeur)) return valeur.map(triee);
    if (valeur && typeof valeur === 'object') return Object.fromEntries(Object.entries(valeur).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([k, v]) => [k, triee(v)]));
    return valeur;
  };
  return JSON.stringify(triee(a)) === JSON.stringify(triee(b));
}

export interface MesureExport {
  statut: number;
  secondes: number;
  octets: number;
  lignes: number;
  rssDepartMo: number;
  rssPicMo: number;
}

export interface Palier {
  projets: number;
  mesures: MesureHttp[];
  equivalences: Equivalence[];
  export?: MesureExport;
}

export interface Resultat {
  debut: string;
  dureeSecondes: number;
  machine: { coeurs: number; node: string; base: string };
  options: { echantillons: number; dureeMaxSecondes: number; echauffementSecondes: number; connexions: number; paliers: number[] };
  demarrage: { seedReferentielSecondes?: number; demarrageAFroidSecondes?: number; reamorcageSecondes?: number };
  generations: Array<{ projets: number; ajoutes: number; secondes: number }>;
  paliers: Palier[];
  remarques: string[];
}

export interface Verdict {
  budget: string;
  valeur: string;
  limite: string;
  /** null: not measured (endpoint absent, size not run) or only indicative (baseline JSON differs) */
  ok: boolean | null;
}

export const PALIER_BUDGETS = 10000;
export const PALIER_CROISSANCE = 50000;

export interface Critere {
  scenario: string;
  variante?: Variante;
  connexions: number;
  cache?: boolean;
}

/** The figure of a palier matching the criterion (CMS, uncached by default); absent ones are none. */
export function trouver(palier: Palier | undefined, { scenario, variante = 'cms', connexions, cache = false }: Critere): MesureHttp | undefined {
  return palier?.mesures.find((m) => !m.absent && m.scenario === scenario && m.variante === variante && m.connexions === connexions && m.cache === cache);
}

/**
 * A figure divided by the raw-SQL baseline of the same scenario, same connections, same palier,
 * uncached; indicative when that baseline's JSON was not found identical to the CMS's in the run.
 */
export function rapportReference(palier: Palier, mesure: MesureHttp, champ: 'p50' | 'p95'): { valeur: number; indicatif: boolean } | null {
  if (mesure.cache || mesure.variante === 'sql-ideal') return null;
  const reference = trouver(palier, { scenario: mesure.scenario, variante: 'sql-ideal', connexions: mesure.connexions });
  const a = mesure.latence[champ];
  const b = reference?.latence[champ];
  if (a === null || b === null || b === undefined || b <= 0) return null;
  const equivalence = palier.equivalences.find((e) => e.scenario === mesure.scenario);
  return { valeur: a / b, indicatif: !equivalence?.identique };
}

const enMs = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`;
const enS = (v: number) => `${v.toFixed(2)} s`;
const fois = (v: number) => `${v.toFixed(2)}×`;

/** A percentile as printed: « — (n=…) » when too few samples back it. */
export function formaterPercentile(latence: Latences, champ: 'p50' | 'p95' | 'p99'): string {
  const v = latence[champ];
  return v === null ? `— (n=${latence.n})` : enMs(v);
}

type Sens = 'inferieur' | 'au plus' | 'au moins';
function seuil(budget: string, valeur: number | null | undefined, limite: number, unite: (v: number) => string, sens: Sens = 'inferieur'): Verdict {
  const libelle = `${sens === 'inferieur' ? '<' : sens === 'au plus' ? '≤' : '≥'} ${unite(limite)}`;
  if (valeur === null || valeur === undefined) return { budget, valeur: 'non mesuré', limite: libelle, ok: null };
  const ok = sens === 'inferieur' ? valeur < limite : sens === 'au plus' ? valeur <= limite : valeur >= limite;
  return { budget, valeur: unite(valeur), limite: libelle, ok };
}

/**
 * A percentile budget: not measured when the figure is missing, missed when it lacks the samples to
 * quote that percentile (a budget is not met on no evidence: raise --duree).
 */
function seuilPercentile(budget: string, mesure: MesureHttp | undefined, champ: 'p50' | 'p95', limite: number): Verdict {
  if (mesure && mesure.latence[champ] === null) {
    return { budget, valeur: `— (n=${mesure.latence.n}, il en faut ${echantillonsRequis(champ === 'p50' ? 50 : 95)})`, limite: `< ${enMs(limite)}`, ok: false };
  }
  return seuil(budget, mesure?.latence[champ], limite, enMs);
}

const NOMS_BUDGETS: Record<string, string> = {
  liste: 'Liste REST',
  detail: 'Détail REST',
  graphql: 'Liste GraphQL',
  collectivites: 'Recherche de collectivité par nom',
  recherche: 'Recherche à facettes',
  statistiques: 'Statistiques',
  similaires: 'Projets similaires',
};
/** p95 limits at 1 connection, uncached (the service time of one request). */
const LIMITES_P95: Record<string, number> = { liste: 50, detail: 50, graphql: 80, collectivites: 50, recherche: 150, statistiques: 50, similaires: 100 };
/** CMS p50 at 1 connection over the ideal-SQL baseline's, same scenario, same run. */
const LIMITE_RAPPORT_REFERENCE = 2;
const LIMITE_CROISSANCE_LISTE = 1.3;
/** 3× the 25 req/s of the list before the dedicated read path, uncached. */
const DEBIT_LISTE_MINIMAL = 75;
const P95_LISTE_CACHE = 20;

/** Every performance budget of the README, checked against the run (at 10,000 projets). */
export function verifierBudgets(resultat: Resultat): Verdict[] {
  const palier = resultat.paliers.find((p) => p.projets === PALIER_BUDGETS);
  const { connexions } = resultat.options;
  // In a growth series the database is completed (1,000 → 10,000): the time is brought back to 10,000 projets.
  const generation = resultat.generations.find((g) => g.projets === PALIER_BUDGETS && g.ajoutes > 0);
  const generationSecondes = generation ? (generation.secondes * PALIER_BUDGETS) / generation.ajoutes : undefined;
  const exporte = palier?.export;
  const verdicts = [
    seuil('Amorçage complet du référentiel', resultat.demarrage.seedReferentielSecondes, 60, enS),
    seuil('Démarrage à froid jusqu’à /_health 204', resultat.demarrage.demarrageAFroidSecondes, 15, enS),
    seuil('Vérification du référentiel au redémarrage', resultat.demarrage.reamorcageSecondes, 2, enS),
    seuil(generation && generation.ajoutes !== PALIER_BUDGETS ? `Génération de 10 000 projets (rapportée de +${generation.ajoutes})` : 'Génération de 10 000 projets', generationSecondes, 120, enS),
  ];
  for (const scenario of ['liste', 'detail', 'graphql']) {
    const budget = `${NOMS_BUDGETS[scenario]} p50 / SQL idéal p50 (1 connexion)`;
    const mesure = trouver(palier, { scenario, connexions: 1 });
    const rapport = palier && mesure ? rapportReference(palier, mesure, 'p50') : null;
    const verdict = seuil(budget, rapport?.valeur, LIMITE_RAPPORT_REFERENCE, fois, 'au plus');
    // A baseline that did not answer the same JSON does not judge: the ratio is only indicative.
    verdicts.push(rapport?.indicatif ? { ...verdict, valeur: `${verdict.valeur} (indicatif : JSON différent)`, ok: null } : verdict);
  }
  for (const [scenario, limite] of Object.entries(LIMITES_P95)) {
    verdicts.push(seuilPercentile(`${NOMS_BUDGETS[scenario]} p95 (1 connexion, sans cache)`, trouver(palier, { scenario, connexions: 1 }), 'p95', limite));
  }
  const listeA = (projets: number) => trouver(resultat.paliers.find((p) => p.projets === projets), { scenario: 'liste', connexions: 1 })?.latence.p50;
  verdicts.push(
    seuil('Liste REST p50 à 50 000 / p50 à 10 000 (1 connexion, sans cache)', rapportCroissance(listeA(PALIER_BUDGETS), listeA(PALIER_CROISSANCE)), LIMITE_CROISSANCE_LISTE, fois, 'au plus'),
    seuil(`Liste REST débit à ${connexions} connexions, sans cache`, trouver(palier, { scenario: 'liste', connexions })?.requetesParSeconde, DEBIT_LISTE_MINIMAL, (v) => `${v.toFixed(0)} req/s`, 'au moins'),
    seuilPercentile(`Liste REST p95 avec cache (${connexions} connexions)`, trouver(palier, { scenario: 'liste', connexions, cache: true }), 'p95', P95_LISTE_CACHE),
    seuil('Export CSV de 10 000 projets', exporte && exporte.statut === 200 ? exporte.secondes : null, 3, enS),
    seuil('Croissance du RSS pendant l’export', exporte ? exporte.rssPicMo - exporte.rssDepartMo : null, 100, (v) => `${v.toFixed(0)} Mo`),
  );
  const mesures = resultat.paliers.flatMap((p) => p.mesures).filter((m) => !m.absent);
  const exportsRates = resultat.paliers.filter((p) => p.export && (p.export.statut !== 200 || p.export.lignes !== p.projets)).length;
  const total = mesures.reduce((somme, m) => somme + m.erreurs, 0) + exportsRates;
  verdicts.push({ budget: 'Erreurs (tous scénarios, tous paliers)', valeur: String(total), limite: '0', ok: mesures.length ? total === 0 : null });
  return verdicts;
}

const ORDRE_SCENARIOS = ['liste', 'detail', 'graphql', 'collectivites', 'recherche', 'statistiques', 'similaires'];
const ORDRE_VARIANTES: Variante[] = ['cms', 'chemin-strapi', 'sans-visibilite', 'sql-ideal'];
const rang = (m: MesureHttp) => [Number(m.cache), ORDRE_SCENARIOS.indexOf(m.scenario), m.connexions, ORDRE_VARIANTES.indexOf(m.variante)];
function comparer(a: MesureHttp, b: MesureHttp): number {
  const [x, y] = [rang(a), rang(b)];
  for (let i = 0; i < x.length; i += 1) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

export interface LigneCroissance {
  libelle: string;
  /** p50 per palier, in the order of the paliers */
  valeurs: Array<number | null>;
  /** p50 at 50,000 over p50 at 10,000 */
  rapport: number | null;
  forme: ReturnType<typeof croissance>;
}

const libelleMesure = (m: MesureHttp) =>
  `${m.nom} — ${LIBELLES_VARIANTES[m.variante]}, ${m.connexions} connexion${m.connexions > 1 ? 's' : ''}${m.cache ? ', avec cache' : ''}`;

/** Growth of every uncached figure across the paliers: p50 per size, 50k/10k ratio, log-log slope. */
export function tableauCroissance(resultat: Resultat): LigneCroissance[] {
  const paliers = [...resultat.paliers].sort((a, b) => a.projets - b.projets);
  const cles = new Map<string, MesureHttp>();
  for (const m of paliers.flatMap((p) => p.mesures)) if (!m.cache && !m.absent) cles.set(`${m.scenario}|${m.variante}|${m.connexions}`, m);
  return [...cles.values()].sort(comparer).map((modele) => {
    const valeurs = paliers.map((p) => trouver(p, modele)?.latence.p50 ?? null);
    const a = (projets: number) => valeurs[paliers.findIndex((p) => p.projets === projets)];
    const points = paliers.map((p, i) => ({ projets: p.projets, valeur: valeurs[i] })).filter((p): p is { projets: number; valeur: number } => p.valeur !== null);
    return { libelle: libelleMesure(modele), valeurs, rapport: rapportCroissance(a(PALIER_BUDGETS), a(PALIER_CROISSANCE)), forme: croissance(points) };
  });
}

function tableau(entetes: string[], lignes: string[][]): string {
  return [`| ${entetes.join(' | ')} |`, `|${entetes.map(() => '---').join('|')}|`, ...lignes.map((l) => `| ${l.join(' | ')} |`)].join('\n');
}

export function resumeMarkdown(resultat: Resultat): string {
  const sortie: string[] = [];
  const { machine, options } = resultat;
  sortie.push(`## Banc de performance — ${resultat.debut}`);
  sortie.push(
    `${machine.base}, ${machine.coeurs} cœurs, Node ${machine.node} ; ${options.echantillons} réponses visées par chiffre à 1 connexion (${options.echantillons * 5} à ${options.connexions}), au plus ${options.dureeMaxSecondes} s, après ${options.echauffementSecondes} s d’échauffement ; durée totale ${(resultat.dureeSecondes / 60).toFixed(1)} min.`,
  );
  sortie.push('\n### Budgets (10 000 projets)\n');
  sortie.push(
    'Latences jugées **sans** le cache des réponses (CACHE_REPONSES=false), à 1 connexion (temps de service) ; le cache est mesuré à côté, jamais à la place. Un percentile n’est cité qu’avec assez d’échantillons (40 pour p50, 400 pour p95, 2 000 pour p99), sinon « — (n=…) ».\n',
  );
  sortie.push(
    tableau(
      ['Budget', 'Mesure', 'Limite', 'Verdict'],
      verifierBudgets(resultat).map((v) => [v.budget, v.valeur, v.limite, v.ok === null ? (v.valeur.includes('indicatif') ? 'indicatif' : 'non mesuré') : v.ok ? 'tenu' : '**manqué**']),
    ),
  );
  for (const palier of resultat.paliers) {
    sortie.push(`\n### ${palier.projets.toLocaleString('fr-FR')} projets\n`);
    const lignes = [...palier.mesures].sort(comparer).map((m) => {
      const rapport = (champ: 'p50' | 'p95') => {
        const r = rapportReference(palier, m, champ);
        return r ? `${fois(r.valeur)}${r.indicatif ? ' (indicatif)' : ''}` : '';
      };
      const reference = `${LIBELLES_VARIANTES[m.variante]}${m.cache ? ', avec cache' : ''}`;
      if (m.absent) return [m.nom, reference, String(m.connexions), 'absent (404)', '', '', '', '', '', '', '', ''];
      const l = m.latence;
      return [m.nom, reference, String(m.connexions), String(l.n), formaterPercentile(l, 'p50'), formaterPercentile(l, 'p95'), formaterPercentile(l, 'p99'), m.requetesParSeconde.toFixed(0), String(m.erreurs), `${m.rssPicMo.toFixed(0)} Mo`, rapport('p50'), rapport('p95')];
    });
    sortie.push(tableau(['Scénario', 'Servi par', 'Conn.', 'n', 'p50', 'p95', 'p99', 'req/s', 'erreurs', 'RSS pic', '÷ SQL idéal p50', '÷ SQL idéal p95'], lignes));
    for (const e of palier.equivalences) sortie.push(`- ${e.identique ? 'JSON identique' : '**JSON différent**'} (${e.scenario}) : ${e.detail}`);
    for (const avant of palier.mesures.filter((m) => m.variante === 'chemin-strapi' && !m.absent)) {
      const apres = trouver(palier, { scenario: avant.scenario, connexions: avant.connexions });
      if (!apres) continue;
      const p50 = rapportCroissance(apres.latence.p50, avant.latence.p50);
      sortie.push(
        `- Avant/après (chemin de Strapi → CMS), ${avant.nom}, ${avant.connexions} connexion(s) : p50 ${formaterPercentile(avant.latence, 'p50')} → ${formaterPercentile(apres.latence, 'p50')}${p50 === null ? '' : ` (÷ ${p50.toFixed(2)})`}, ${avant.requetesParSeconde.toFixed(0)} → ${apres.requetesParSeconde.toFixed(0)} req/s.`,
      );
    }
    if (palier.export) {
      const e = palier.export;
      sortie.push(
        `\nExport CSV : HTTP ${e.statut}, ${e.lignes} lignes, ${(e.octets / 1e6).toFixed(1)} Mo en ${e.secondes.toFixed(2)} s ; RSS ${e.rssDepartMo.toFixed(0)} → ${e.rssPicMo.toFixed(0)} Mo (+${(e.rssPicMo - e.rssDepartMo).toFixed(0)} Mo).`,
      );
    }
  }
  if (resultat.paliers.length > 1) {
    const paliers = [...resultat.paliers].sort((a, b) => a.projets - b.projets);
    sortie.push('\n### Croissance (p50, sans cache)\n');
    sortie.push(
      tableau(
        ['Chiffre', ...paliers.map((p) => p.projets.toLocaleString('fr-FR')), '50 000 / 10 000', 'Forme (pente log-log)'],
        tableauCroissance(resultat).map((l) => [
          l.libelle,
          ...l.valeurs.map((v) => (v === null ? '—' : enMs(v))),
          l.rapport === null ? '—' : fois(l.rapport),
          l.forme ? `${l.forme.forme} (${l.forme.pente.toFixed(2)})` : '—',
        ]),
      ),
    );
    const exports = paliers.map((p) => (p.export?.statut === 200 ? enS(p.export.secondes) : '—'));
    sortie.push(`\nExport CSV : ${paliers.map((p, i) => `${p.projets.toLocaleString('fr-FR')} → ${exports[i]}`).join(' ; ')}.`);
  }
  if (resultat.generations.length) {
    sortie.push(`\nGénération : ${resultat.generations.map((g) => `+${g.ajoutes} → ${g.projets} projets en ${g.secondes.toFixed(1)} s`).join(' ; ')}.`);
  }
  for (const remarque of resultat.remarques) sortie.push(`- ${remarque}`);
  return sortie.join('\n');
}
