/**
 * Every pointer the code and the documentation give a reader leads somewhere (issue 15, « every path a
 * comment or the README names exists in the repository »):
 *  - a repository path named in a comment, a string, a Markdown page or a build file
 *    (`src/documents/generation.ts`, `docs/visibilite.md`, `tests/unit/`…), or relative to src/
 *    (`domaine/visibilite.ts`), exists;
 *  - a relative Markdown link (`[visibilite.md](visibilite.md)`) reaches a file or a folder;
 *  - a README section a comment cites (`(README, « Performance »)`) is a heading of the README.
 * Forms that name no single path are left alone: globs and placeholders (`src/api/<type>/`,
 * `src/api/*\/content-types`, `{graphql,openapi}`, `…`), URLs, paths inside another path (`dist/src/…`,
 * `../../src/…`: relative imports are the compiler's business), and what a run produces where
 * .gitignore keeps it out of the repository (`bench/results/`, `tests/e2e/captures/`).
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import path from 'path';

const RACINE = path.resolve(__dirname, '../..');

/** Folders whose source files are read, and the extensions of those files. */
const DOSSIERS_SOURCES = ['src', 'config', 'scripts', 'bench', 'database', 'deploiement', 'tests', 'providers'];
const SOURCES = /\.(ts|tsx|js|cjs|mjs|sh)$/;
/** Files of the root that name paths: build, CI, configuration of the tools. */
const FICHIERS_RACINE = ['.ci/run', 'Dockerfile', 'compose.yaml', 'Procfile', 'package.json', 'jest.config.js', 'tsconfig.json', 'tsconfig.outils.json'];

/** First segments of a path written from the repository's root. */
const RACINES = ['src', 'docs', 'tests', 'config', 'bench', 'scripts', 'database', 'deploiement', 'types', 'donnees', 'providers', '.ci'];

/** Extensions a module path may be written without (`src/domaine/visibilite`). */
const EXTENSIONS_IMPLICITES = ['', '.ts', '.tsx', '.js'];

/** This file cites absent paths on purpose, to test the search. */
const CE_FICHIER = path.relative(RACINE, __filename).split(path.sep).join('/');

interface Citation {
  ligne: number;
  chemin: string;
}

const echapper = (texte: string) => texte.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Any character of a path, and those that make it name no single path (kept in the match, then skipped). */
const CARACTERES = String.raw`[\w.\-/…*<>{}]`;
const NON_CHEMIN = /[…*<>{}]/;

/**
 * Paths named in a text: from the root (`src/…`, `./src/…`, folders included), or relative to src/
 * (`domaine/visibilite.ts`: a file, with its extension). `dossiersSrc`: the first segments of src/.
 * Pure.
 */
function cheminsCites(texte: string, dossiersSrc: readonly string[]): Citation[] {
  const depuisRacine = new RegExp(String.raw`(?<![\w./@~-])(?:\./)?((?:${RACINES.map(echapper).join('|')})/${CARACTERES}*)`, 'g');
  const depuisSrc = new RegExp(String.raw`(?<![\w./@~-])((?:${dossiersSrc.map(echapper).join('|')})/${CARACTERES}*)`, 'g');
  const citations: Citation[] = [];
  texte.split('\n').forEach((contenu, index) => {
    const vus = new Set<string>();
    const garder = (brut: string, fichierSeulement: boolean) => {
      const chemin = brut.replace(/[.,:;]+$/, '');
      if (NON_CHEMIN.test(chemin) || vus.has(chemin)) return;
      if (fichierSeulement && !/\/[\w-]+(\.[\w-]+)*\.[a-z]{1,4}$/.test(chemin)) return;
      vus.add(chemin);
      citations.push({ ligne: index + 1, chemin });
    };
    for (const trouve of contenu.matchAll(depuisRacine)) garder(trouve[1], false);
    if (dossiersSrc.length > 0) for (const trouve of contenu.matchAll(depuisSrc)) garder(trouve[1], true);
  });
  return citations;
}

/** Targets of the relative links of a Markdown text (`[texte](cible)`), without their anchor. Pure. */
function liensRelatifs(texte: string): Citation[] {
  const liens: Citation[] = [];
  texte.split('\n').forEach((contenu, index) => {
    for (const [, cible] of contenu.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(cible) || cible.startsWith('#')) continue;
      const chemin = decodeURI(cible.split('#')[0]);
      if (chemin !== '' && !NON_CHEMIN.test(chemin)) liens.push({ ligne: index + 1, chemin });
    }
  });
  return liens;
}

/** README sections a text cites: `README, « A »`, `README « A »`, `README (« A »)`, `README, « A » and « B »`. Pure. */
function sectionsCitees(texte: string): Citation[] {
  const sections: Citation[] = [];
  texte.split('\n').forEach((contenu, index) => {
    for (const trouve of contenu.matchAll(/README,?\s*\(?((?:«\s*[^»]+?\s*»(?:\s*(?:and|et|,)\s*)?)+)/g)) {
      for (const [, titre] of trouve[1].matchAll(/«\s*([^»]+?)\s*»/g)) sections.push({ ligne: index + 1, chemin: titre });
    }
  });
  return sections;
}

/**
 * Headings of a Markdown text (outside code blocks), as written, and the short title of those with a
 * subtitle (« API de contenu » for « API de contenu : ce que voit un site »). Pure.
 */
function titres(texte: string): Set<string> {
  const resultat = new Set<string>();
  let dansCode = false;
  for (const ligne of texte.split('\n')) {
    if (ligne.startsWith('```')) dansCode = !dansCode;
    const titre = !dansCode && /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(ligne);
    if (!titre) continue;
    resultat.add(titre[1]);
    resultat.add(titre[1].split(' : ')[0]);
  }
  return resultat;
}

/** Folders .gitignore keeps out of the repository (plain names, no pattern): what a run produces. */
function dossiersIgnores(): string[] {
  return readFileSync(path.join(RACINE, '.gitignore'), 'utf8')
    .split('\n')
    .map((ligne) => ligne.trim().replace(/^\//, '').replace(/\/$/, ''))
    .filter((ligne) => ligne !== '' && !/^[#!]/.test(ligne) && !/[*?[]/.test(ligne));
}

function fichiersSous(dossier: string, ignores: readonly string[]): string[] {
  const absolu = path.join(RACINE, dossier);
  if (!existsSync(absolu)) return [];
  return readdirSync(absolu, { withFileTypes: true }).flatMap((entree) => {
    const relatif = `${dossier}/${entree.name}`;
    if (ignores.some((i) => relatif === i || entree.name === i)) return [];
    return entree.isDirectory() ? fichiersSous(relatif, ignores) : [relatif];
  });
}

const existe = (chemin: string) => EXTENSIONS_IMPLICITES.some((extension) => existsSync(path.join(RACINE, chemin + extension)));

describe('repérage des chemins cités', () => {
  const dossiersSrc = ['domaine', 'api', 'api-contenu'];

  it('trouve les chemins depuis la racine, dossiers compris, sans la ponctuation qui les suit', () => {
    const texte = ' * voir src/documents/generation.ts, puis `docs/visibilite.md` et tests/unit/.\nresolve: \'./src/plugins/import-projets\'';
    expect(cheminsCites(texte, dossiersSrc)).toEqual([
      { ligne: 1, chemin: 'src/documents/generation.ts' },
      { ligne: 1, chemin: 'docs/visibilite.md' },
      { ligne: 1, chemin: 'tests/unit/' },
      { ligne: 2, chemin: 'src/plugins/import-projets' },
    ]);
  });

  it('trouve un fichier nommé depuis src/, pas un simple mot suivi d’une barre', () => {
    expect(cheminsCites('(`domaine/visibilite.ts`) ; api/projet/services/similaires.ts.', dossiersSrc).map((c) => c.chemin)).toEqual([
      'domaine/visibilite.ts',
      'api/projet/services/similaires.ts',
    ]);
    expect(cheminsCites('les routes api/projets et domaine/ entier', dossiersSrc)).toEqual([]);
  });

  it('laisse les motifs, les gabarits, les adresses et les chemins pris dans un autre', () => {
    const texte = [
      'src/api/*/content-types, src/api/<type>/, src/api-contenu/{graphql,openapi}-calculs.ts',
      'database/migrations/…index-recherche.js',
      'https://github.com/strapi/strapi/blob/main/src/index.ts',
      "require('../../../dist/src/plugins/revue-editoriale/server')",
      "import { x } from '../../src/domaine/visibilite';",
      "import { y } from './domaine/visibilite';",
      'node_modules/@strapi/content-manager/dist/server',
    ].join('\n');
    expect(cheminsCites(texte, dossiersSrc)).toEqual([]);
  });

  it('lit les liens relatifs du Markdown, sans ancre, et laisse les adresses', () => {
    const texte = '[modèle](modele.md#projet), [code](../src/index.ts "point d’entrée")\n[site](https://strapi.io) [plus haut](#titre) [courriel](mailto:a@b.fr)';
    expect(liensRelatifs(texte)).toEqual([
      { ligne: 1, chemin: 'modele.md' },
      { ligne: 1, chemin: '../src/index.ts' },
    ]);
  });

  it('lit les sections du README citées, seules ou à plusieurs', () => {
    const texte = '(README, « Performance ») ; README (« Import ») ; (README, « API de contenu » and « Sécurité »)';
    expect(sectionsCitees(texte).map((c) => c.chemin)).toEqual(['Performance', 'Import', 'API de contenu', 'Sécurité']);
  });

  it('lit les titres hors des blocs de code, et le titre court de ceux qui ont un sous-titre', () => {
    expect([...titres('# Titre\n## API de contenu : ce que voit un site\n```bash\n# pas un titre\n```\n### Sous-titre')]).toEqual([
      'Titre',
      'API de contenu : ce que voit un site',
      'API de contenu',
      'Sous-titre',
    ]);
  });
});

describe('chemins cités dans le dépôt', () => {
  const ignores = dossiersIgnores();
  const dossiersSrc = readdirSync(path.join(RACINE, 'src'), { withFileTypes: true })
    .filter((entree) => entree.isDirectory())
    .map((entree) => entree.name);
  const sources = [
    ...FICHIERS_RACINE.filter((f) => existsSync(path.join(RACINE, f))),
    ...DOSSIERS_SOURCES.flatMap((dossier) => fichiersSous(dossier, ignores)).filter((f) => SOURCES.test(f) && f !== CE_FICHIER),
  ];
  const pages = ['README.md', ...[...DOSSIERS_SOURCES, 'docs'].flatMap((dossier) => fichiersSous(dossier, ignores)).filter((f) => f.endsWith('.md'))];
  const lire = (fichier: string) => readFileSync(path.join(RACINE, fichier), 'utf8');
  const produit = (chemin: string) => ignores.some((i) => chemin === i || chemin.startsWith(`${i}/`));

  it('lit assez de fichiers pour que son silence dise quelque chose', () => {
    expect(sources.length).toBeGreaterThan(200);
    expect(pages).toEqual(expect.arrayContaining(['README.md', 'docs/README.md', 'docs/adr/README.md']));
  });

  it('chaque chemin cité existe', () => {
    const absents: string[] = [];
    for (const fichier of [...sources, ...pages]) {
      const texte = lire(fichier);
      const dossier = path.posix.dirname(fichier);
      for (const { ligne, chemin } of cheminsCites(texte, dossiersSrc)) {
        if (produit(chemin) || existe(chemin)) continue;
        // Relative to src/, or to the citing file's folder or one above it (a plugin naming its own files).
        const ancetres = dossier.split('/').map((_, i, parties) => parties.slice(0, i + 1).join('/'));
        if (dossiersSrc.includes(chemin.split('/')[0]) && ['src', ...ancetres].some((base) => existe(`${base}/${chemin}`))) continue;
        absents.push(`${fichier}:${ligne} : ${chemin}`);
      }
      if (fichier.endsWith('.md')) {
        for (const { ligne, chemin } of liensRelatifs(texte)) {
          const cible = path.posix.normalize(path.posix.join(dossier, chemin));
          if (!produit(cible) && !existsSync(path.join(RACINE, cible))) absents.push(`${fichier}:${ligne} : lien ${chemin}`);
        }
      }
    }
    expect(absents).toEqual([]);
  });

  it('chaque section du README citée en est un titre', () => {
    const sections = titres(lire('README.md'));
    const absentes = [...sources, ...pages].flatMap((fichier) =>
      sectionsCitees(lire(fichier))
        .filter(({ chemin }) => !sections.has(chemin))
        .map(({ ligne, chemin }) => `${fichier}:${ligne} : « ${chemin} »`),
    );
    expect(absentes).toEqual([]);
  });
});
