/** Command-line options of the bench scripts. Pure. */
export interface OptionsBanc {
  projets: number;
  graine: number;
  /** responses to record per figure at 1 connection (5× that at `connexions`): 400 quote a p95 */
  echantillons: number;
  /** cap in seconds of one figure (all its rounds), whatever the samples gathered by then */
  duree: number;
  /** seconds of warm-up of each server and scenario before its figure */
  echauffement: number;
  /** connections of the throughput figures (the latency ones use 1) */
  connexions: number;
  /** sizes of the growth series; the budgets are checked at 10,000 */
  paliers: number[];
}

const DEFAUTS: OptionsBanc = { projets: 10000, graine: 7, echantillons: 400, duree: 15, echauffement: 2, connexions: 20, paliers: [1000, 10000, 50000] };

export function lireOptions(arguments_: readonly string[]): OptionsBanc {
  const options = { ...DEFAUTS, paliers: [...DEFAUTS.paliers] };
  const entierPositif = (nom: string, valeur: string | undefined) => {
    const n = Number(valeur);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${nom} attend un entier positif (reçu : ${valeur ?? 'rien'})`);
    return n;
  };
  for (let i = 0; i < arguments_.length; i += 1) {
    const argument = arguments_[i];
    switch (argument) {
      case '--projets':
      case '--graine':
      case '--echantillons':
      case '--duree':
      case '--echauffement':
      case '--connexions':
        options[argument.slice(2) as 'projets'] = entierPositif(argument.slice(2), arguments_[(i += 1)]);
        break;
      case '--paliers':
        options.paliers = (arguments_[(i += 1)] ?? '').split(',').map((v) => entierPositif('paliers', v));
        break;
      case '--rapide':
        // A quick look: the size of the budgets only, shorter caps, still enough samples for a p95.
        Object.assign(options, { duree: 8, echauffement: 1, echantillons: 400, paliers: [10000] });
        break;
      default:
        throw new Error(
          `Option inconnue : ${argument} (options : --projets N, --graine N, --echantillons N, --duree S, --echauffement S, --connexions N, --paliers 1000,10000, --rapide)`,
        );
    }
  }
  options.paliers = [...new Set(options.paliers)].sort((a, b) => a - b);
  return options;
}
