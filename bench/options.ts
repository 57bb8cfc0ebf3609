/** Command-line options of the bench scripts. Pure. */
export interface OptionsBanc {
  projets: number;
  graine: number;
  /** seconds measured per scenario, after the warm-up */
  duree: number;
  echauffement: number;
  connexions: number;
  /** sizes of the growth series; the budgets are checked at 10,000 */
  paliers: number[];
}

const DEFAUTS: OptionsBanc = { projets: 10000, graine: 7, duree: 10, echauffement: 3, connexions: 20, paliers: [1000, 10000, 50000] };

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
      case '--duree':
      case '--echauffement':
      case '--connexions':
        options[argument.slice(2) as 'projets'] = entierPositif(argument.slice(2), arguments_[(i += 1)]);
        break;
      case '--paliers':
        options.paliers = (arguments_[(i += 1)] ?? '').split(',').map((v) => entierPositif('paliers', v));
        break;
      case '--rapide':
        // A quick look: short runs, budgets size only.
        Object.assign(options, { duree: 3, echauffement: 1, paliers: [10000] });
        break;
      default:
        throw new Error(`Option inconnue : ${argument} (options : --projets N, --graine N, --duree S, --echauffement S, --connexions N, --paliers 1000,10000, --rapide)`);
    }
  }
  options.paliers.sort((a, b) => a - b);
  return options;
}
