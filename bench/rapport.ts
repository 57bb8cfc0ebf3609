/** Results of a run, the performance budgets (README, « Performance »), and the Markdown summary. Pure. */
import { croissance, type Latences } from './statistiques';

export interface MesureHttp {
  nom: string;
  requete: string;
  /** the endpoint answered 404: not there yet (e.g. not merged), no figure */
  absent?: boolean;
  requetes: number;
  requetesParSeconde: number;
  /** non-2xx answers, socket errors and timeouts */
  erreurs: number;
  latence: Latences;
  rssDepartMo: number;
  rssPicMo: number;
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
  scenarios: Record<string, MesureHttp>;
  export?: MesureExport;
}

export interface Resultat {
  debut: string;
  dureeSecondes: number;
  machine: { coeurs: number; node: string; base: string };
  options: { dureeSecondes: number; echauffementSecondes: number; connexions: number; paliers: number[] };
  demarrage: { seedReferentielSecondes?: number; demarrageAFroidSecondes?: number; reamorcageSecondes?: number };
  generations: Array<{ projets: number; ajoutes: number; secondes: number }>;
  paliers: Palier[];
  remarques: string[];
}

export interface Verdict {
  budget: string;
  valeur: string;
  limite: string;
  /** null: not measured (endpoint absent, size not run) */
  ok: boolean | null;
}

const PALIER_BUDGETS = 10000;
/** Key suffix of the scenarios measured with the response cache on (the production configuration). */
export const SUFFIXE_CACHE = '-cache';
const ms = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v.toFixed(1)} ms`);

function p95(palier: Palier | undefined, scenario: string): number | null {
  const mesure = palier?.scenarios[scenario];
  return mesure && !mesure.absent ? mesure.latence.p95 : null;
}

/** p95 in the production configuration (response cache on) when measured, else without it. */
const p95Production = (palier: Palier | undefined, scenario: string): number | null => p95(palier, `${scenario}${SUFFIXE_CACHE}`) ?? p95(palier, scenario);

function seuil(budget: string, valeur: number | null | undefined, limite: number, unite: (v: number) => string): Verdict {
  if (valeur === null || valeur === undefined) return { budget, valeur: 'non mesuré', limite: `< ${unite(limite)}`, ok: null };
  return { budget, valeur: unite(valeur), limite: `< ${unite(limite)}`, ok: valeur < limite };
}

/** Every performance budget of the README, checked against the run (at 10,000 projets). */
export function verifierBudgets(resultat: Resultat): Verdict[] {
  const palier = resultat.paliers.find((p) => p.projets === PALIER_BUDGETS);
  const enMs = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`;
  const enS = (v: number) => `${v.toFixed(2)} s`;
  const fois = (v: number) => `${v.toFixed(2)}×`;
  const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? a / b : null);
  const liste = p95(palier, 'liste');
  // In a growth series the database is completed (1,000 → 10,000): the time is brought back to 10,000 projets.
  const generation = resultat.generations.find((g) => g.projets === PALIER_BUDGETS && g.ajoutes > 0);
  const generationSecondes = generation ? (generation.secondes * PALIER_BUDGETS) / generation.ajoutes : undefined;
  const exporte = palier?.export;
  const verdicts = [
    seuil('Amorçage complet du référentiel', resultat.demarrage.seedReferentielSecondes, 60, enS),
    seuil('Démarrage à froid jusqu’à /_health 204', resultat.demarrage.demarrageAFroidSecondes, 15, enS),
    seuil('Vérification du référentiel au redémarrage', resultat.demarrage.reamorcageSecondes, 2, enS),
    seuil(generation && generation.ajoutes !== PALIER_BUDGETS ? `Génération de 10 000 projets (rapportée de +${generation.ajoutes})` : 'Génération de 10 000 projets', generationSecondes, 120, enS),
    seuil('Liste REST p95', p95Production(palier, 'liste'), 50, enMs),
    seuil('Liste REST p95 / SQL brut p95', ratio(liste, p95(palier, 'liste-brute')), 3, fois),
    seuil('Surcoût de la couche de visibilité (p95 / Strapi nu)', ratio(liste, p95(palier, 'liste-stock')), 1.15, fois),
    seuil('Détail REST p95', p95Production(palier, 'detail'), 50, enMs),
    seuil('Liste GraphQL p95', p95Production(palier, 'graphql'), 80, enMs),
    seuil('Recherche de collectivité par nom p95', p95Production(palier, 'collectivites'), 50, enMs),
    seuil('Recherche à facettes p95', p95Production(palier, 'recherche'), 150, enMs),
    seuil('Statistiques p95', p95Production(palier, 'statistiques'), 50, enMs),
    seuil('Projets similaires p95', p95Production(palier, 'similaires'), 100, enMs),
    seuil('Export CSV de 10 000 projets', exporte && exporte.statut === 200 ? exporte.secondes : null, 3, enS),
    seuil('Croissance du RSS pendant l’export', exporte ? exporte.rssPicMo - exporte.rssDepartMo : null, 100, (v) => `${v.toFixed(0)} Mo`),
  ];
  const erreurs = resultat.paliers.flatMap((p) => Object.values(p.scenarios)).filter((m) => !m.absent);
  const exportsRates = resultat.paliers.filter((p) => p.export && (p.export.statut !== 200 || p.export.lignes !== p.projets)).length;
  const total = erreurs.reduce((somme, m) => somme + m.erreurs, 0) + exportsRates;
  verdicts.push({ budget: 'Erreurs (tous scénarios, tous paliers)', valeur: String(total), limite: '0', ok: erreurs.length ? total === 0 : null });
  return verdicts;
}

const COLONNES_CROISSANCE: Array<[string, string, (p: Palier) => number | null]> = [
  ['Liste REST p95', 'liste', (p) => p95(p, 'liste')],
  ['Recherche à facettes p95', 'recherche', (p) => p95(p, 'recherche')],
  ['Export CSV (durée)', 'export', (p) => (p.export?.statut === 200 ? p.export.secondes * 1000 : null)],
];

function tableau(entetes: string[], lignes: string[][]): string {
  return [`| ${entetes.join(' | ')} |`, `|${entetes.map(() => '---').join('|')}|`, ...lignes.map((l) => `| ${l.join(' | ')} |`)].join('\n');
}

export function resumeMarkdown(resultat: Resultat): string {
  const sortie: string[] = [];
  const { machine, options } = resultat;
  sortie.push(`## Banc de performance — ${resultat.debut}`);
  sortie.push(
    `${machine.base}, ${machine.coeurs} cœurs, Node ${machine.node} ; ${options.connexions} connexions, ${options.echauffementSecondes} s d’échauffement puis ${options.dureeSecondes} s par scénario ; durée totale ${(resultat.dureeSecondes / 60).toFixed(1)} min.`,
  );
  sortie.push('\n### Budgets (10 000 projets)\n');
  sortie.push(
    'Latences des budgets : configuration de production (cache des réponses anonymes actif) quand elle est mesurée ; rapports au SQL brut et à Strapi nu, croissance : sans le cache, le travail lui-même.\n',
  );
  sortie.push(
    tableau(
      ['Budget', 'Mesure', 'Limite', 'Verdict'],
      verifierBudgets(resultat).map((v) => [v.budget, v.valeur, v.limite, v.ok === null ? 'non mesuré' : v.ok ? 'tenu' : '**manqué**']),
    ),
  );
  for (const palier of resultat.paliers) {
    sortie.push(`\n### ${palier.projets.toLocaleString('fr-FR')} projets\n`);
    const brute = p95(palier, 'liste-brute');
    const stock = p95(palier, 'liste-stock');
    const ordre = (cle: string) => (cle.startsWith('liste') ? 0 : 1);
    const lignes = Object.entries(palier.scenarios).sort(([a], [b]) => ordre(a) - ordre(b)).map(([cle, m]) => {
      if (m.absent) return [m.nom, 'absent (404)', '', '', '', '', '', '', ''];
      const rapport = (base: number | null) => (base && m.latence.p95 !== null && !cle.startsWith('liste-') ? `${(m.latence.p95 / base).toFixed(2)}×` : '');
      return [m.nom, ms(m.latence.p50), ms(m.latence.p95), ms(m.latence.p99), m.requetesParSeconde.toFixed(0), String(m.erreurs), `${m.rssPicMo.toFixed(0)} Mo`, rapport(brute), rapport(stock)];
    });
    sortie.push(tableau(['Scénario', 'p50', 'p95', 'p99', 'req/s', 'erreurs', 'RSS pic', '÷ SQL brut', '÷ Strapi nu'], lignes));
    if (palier.export) {
      const e = palier.export;
      sortie.push(
        `\nExport CSV : HTTP ${e.statut}, ${e.lignes} lignes, ${(e.octets / 1e6).toFixed(1)} Mo en ${e.secondes.toFixed(2)} s ; RSS ${e.rssDepartMo.toFixed(0)} → ${e.rssPicMo.toFixed(0)} Mo (+${(e.rssPicMo - e.rssDepartMo).toFixed(0)} Mo).`,
      );
    }
  }
  if (resultat.paliers.length > 1) {
    sortie.push('\n### Croissance\n');
    const paliers = resultat.paliers;
    sortie.push(
      tableau(
        ['Coût', ...paliers.map((p) => `${p.projets.toLocaleString('fr-FR')}`), 'Forme (pente log-log)'],
        COLONNES_CROISSANCE.map(([libelle, , lire]) => {
          const points = paliers.map((p) => ({ projets: p.projets, valeur: lire(p) }));
          const forme = croissance(points.filter((p): p is { projets: number; valeur: number } => p.valeur !== null));
          return [libelle, ...points.map((p) => ms(p.valeur)), forme ? `${forme.forme} (${forme.pente.toFixed(2)})` : 'non mesuré'];
        }),
      ),
    );
  }
  if (resultat.generations.length) {
    sortie.push(`\nGénération : ${resultat.generations.map((g) => `+${g.ajoutes} → ${g.projets} projets en ${g.secondes.toFixed(1)} s`).join(' ; ')}.`);
  }
  for (const remarque of resultat.remarques) sortie.push(`- ${remarque}`);
  return sortie.join('\n');
}
