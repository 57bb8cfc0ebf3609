/** What a run measures at each size, and how long it takes at worst. Pure. */
import type { OptionsBanc } from './options';
import { PALIER_BUDGETS, type Variante } from './rapport';

/** Scenarios that have a raw-SQL baseline (serveur-brut.ts) and are measured at 1 and N connections. */
export const SCENARIOS_AVEC_REFERENCE = ['liste', 'detail', 'graphql'] as const;
const AUTRES_SCENARIOS = ['collectivites', 'recherche', 'statistiques', 'similaires'] as const;

export interface Figure {
  cle: string;
  connexions: 'une' | 'n';
  /** served in alternating rounds, the CMS first */
  variantes: Variante[];
  cache: boolean;
}

/** A full size (the budgets' one, or the only one of the run) adds the references and the cache. */
export const estComplet = (projets: number, paliers: readonly number[]) => projets === PALIER_BUDGETS || paliers.length === 1;

/** The figures of one size, in the order they are measured. */
export function planDuPalier(complet: boolean): Figure[] {
  const plan: Figure[] = [];
  for (const cle of SCENARIOS_AVEC_REFERENCE) {
    const references: Variante[] = ['sql-ideal'];
    if (cle === 'liste') references.push('chemin-strapi', ...(complet ? (['sans-visibilite'] as const) : []));
    if (cle === 'graphql' && complet) references.push('chemin-strapi');
    plan.push({ cle, connexions: 'une', variantes: ['cms', ...references], cache: false });
    plan.push({ cle, connexions: 'n', variantes: ['cms', 'sql-ideal', ...(cle === 'liste' && complet ? (['chemin-strapi'] as const) : [])], cache: false });
  }
  for (const cle of AUTRES_SCENARIOS) plan.push({ cle, connexions: 'une', variantes: ['cms'], cache: false });
  if (complet) for (const cle of [...SCENARIOS_AVEC_REFERENCE, ...AUTRES_SCENARIOS]) plan.push({ cle, connexions: 'n', variantes: ['cms'], cache: true });
  return plan;
}

/** Worst case in seconds on a quiet machine (every figure at its cap), for the estimate given at the start. */
export function estimation(options: Pick<OptionsBanc, 'paliers' | 'duree' | 'echauffement'>): number {
  return options.paliers.reduce((total, projets) => {
    const complet = estComplet(projets, options.paliers);
    const cibles = planDuPalier(complet).reduce((s, f) => s + f.variantes.length * (options.echauffement + options.duree), 0);
    // boots (CMS, references, raw server, cached CMS) about 10 s each, generation, export
    return total + cibles + (complet ? 60 : 30) + 25 + projets / 600 + 10;
  }, 45);
}
