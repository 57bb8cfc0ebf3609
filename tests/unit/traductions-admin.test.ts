import fs from 'fs';
import path from 'path';

import { CATALOGUES_FR, traductionsStrapiFr } from '../../src/admin/traductions';
import { traductionsTypesStrapi } from '../../src/admin/traductions/admin';

// ---------------------------------------------------------------------------------------------
// Strapi's catalogues, read from the installed packages (an upgrade that renames keys shows up here)
// ---------------------------------------------------------------------------------------------

type Catalogue = Record<string, string>;

const PAQUETS: Record<keyof typeof CATALOGUES_FR, { paquet: string; dossier: string }> = {
  admin: { paquet: '@strapi/admin', dossier: 'dist/admin/admin/src/translations' },
  'content-manager': { paquet: '@strapi/content-manager', dossier: 'dist/admin/translations' },
  upload: { paquet: '@strapi/upload', dossier: 'dist/admin/translations' },
  i18n: { paquet: '@strapi/i18n', dossier: 'dist/admin/translations' },
};

function racine(paquet: string): string {
  return path.dirname(require.resolve(`${paquet}/package.json`));
}

function lireCatalogue(paquet: string, dossier: string, langue: 'en' | 'fr'): Catalogue {
  // Built as CommonJS modules (`<langue>.json.js`), some with a `default` export, some without.
  const module = require(path.join(racine(paquet), dossier, `${langue}.json.js`));
  return (module.default ?? module) as Catalogue;
}

// react-intl's parser, as installed with the admin: the syntax the admin itself applies.
const { parse } = require(
  require.resolve('@formatjs/icu-messageformat-parser', { paths: [racine('@strapi/admin')] }),
) as { parse: (message: string, options: { requiresOtherClause: boolean }) => Element[] };

interface Element {
  type: number;
  value?: string;
  options?: Record<string, { value: Element[] }>;
  children?: Element[];
}

const LITTERAL = 0;
const DIESE = 7;
const BALISE = 8;

/** Argument names (`{count}`, `{count, plural, …}`) and tag names (`<b>`) of a message. */
function signature(message: string): string[] {
  const noms = new Set<string>();
  const parcourir = (elements: Element[]) => {
    for (const element of elements) {
      if (element.type === BALISE) noms.add(`<${element.value}>`);
      else if (element.type !== LITTERAL && element.type !== DIESE) noms.add(`{${element.value}}`);
      for (const option of Object.values(element.options ?? {})) parcourir(option.value);
      parcourir(element.children ?? []);
    }
  };
  // Strapi's own English has `select`s without `other`, which the admin accepts.
  parcourir(parse(message, { requiresOtherClause: false }));
  return [...noms].sort();
}

/** Strapi's admin code (not its catalogues) of the four packages, to find the ids it formats. */
function codeAdmin(): string {
  const fichiers: string[] = [];
  const parcourir = (dossier: string) => {
    for (const entree of fs.readdirSync(dossier, { withFileTypes: true })) {
      const chemin = path.join(dossier, entree.name);
      if (entree.isDirectory() && entree.name !== 'translations') parcourir(chemin);
      else if (entree.isFile() && entree.name.endsWith('.mjs')) fichiers.push(chemin);
    }
  };
  for (const { paquet } of Object.values(PAQUETS)) parcourir(path.join(racine(paquet), 'dist/admin'));
  return fichiers.map((fichier) => fs.readFileSync(fichier, 'utf8')).join('\n');
}
const CODE = codeAdmin();

/** Words said the same in both languages, where Strapi's English may stay. */
const IDENTIQUES_EN_FRANCAIS = new Set([
  'Action',
  'Actions',
  'actions',
  'API',
  'Audio',
  'Blog',
  'Configurations',
  'Confirmation',
  'Date',
  'Description',
  'Dimensions',
  'Document',
  'Documentation',
  'extension',
  'Extension',
  'GraphQL',
  'ID',
  'image',
  'Image',
  'Logo',
  'Marketplace',
  'Mobile',
  'Permissions',
  'Sentry',
  'Strapi Cloud',
  'Type',
  'URL',
  'Versions',
  'webhook',
  'Webhooks',
  'X',
  'Y',
  'noopener, nofollow, noreferrer',
  '_blank, _self, _parent, _top',
]);

/** A message with no word of its own (only arguments, tags, spaces, punctuation) needs no translation. */
function sansMot(message: string): boolean {
  return !/\p{L}/u.test(
    message.replace(/\{[^{}]*\}/g, '').replace(/<\/?[a-z]+>/gi, ''),
  );
}

describe.each(Object.entries(CATALOGUES_FR))('catalogue %s', (nom, { prefixe, traductions, horsCatalogue }) => {
  const { paquet, dossier } = PAQUETS[nom as keyof typeof PAQUETS];
  const en = lireCatalogue(paquet, dossier, 'en');
  const frStrapi = lireCatalogue(paquet, dossier, 'fr');
  const final = (cle: string): string | undefined => traductions[cle] ?? frStrapi[cle];

  it('every English key has a French value, other than English unless the word is the same', () => {
    const manquantes = Object.keys(en).filter((cle) => {
      if (IDENTIQUES_EN_FRANCAIS.has(en[cle]) || sansMot(en[cle])) return false;
      const texte = final(cle);
      return texte === undefined || texte === en[cle];
    });
    expect(manquantes).toEqual([]);
  });

  it('keeps the arguments and tags of the English message (ours and Strapi’s)', () => {
    const differentes = Object.keys(en)
      .filter((cle) => final(cle) !== undefined)
      .filter((cle) => signature(final(cle)!).join() !== signature(en[cle]).join())
      .map((cle) => `${cle}: ${final(cle)}`);
    expect(differentes).toEqual([]);
  });

  it('has no dead key: each of ours exists in the English catalogue', () => {
    expect(Object.keys(traductions).filter((cle) => !(cle in en))).toEqual([]);
  });

  it('has no useless entry: each of ours differs from English and from Strapi’s French', () => {
    const inutiles = Object.keys(traductions).filter(
      (cle) => traductions[cle] === en[cle] || traductions[cle] === frStrapi[cle],
    );
    expect(inutiles).toEqual([]);
  });

  it('translates, outside the catalogue, only ids Strapi’s code formats and its catalogues lack', () => {
    const quotees = (id: string) => ['\'', '"', '`'].some((q) => CODE.includes(q + id + q));
    const fautives = Object.keys(horsCatalogue).filter(
      (cle) => cle in en || cle in frStrapi || !(quotees(cle) || quotees(prefixe + cle)),
    );
    expect(fautives).toEqual([]);
    for (const texte of Object.values(horsCatalogue)) expect(() => signature(texte)).not.toThrow();
  });

  it('writes the typographic apostrophe and French spacing', () => {
    const fautives = Object.entries({ ...traductions, ...horsCatalogue })
      // <light> spans hold code (an HTTP header), written as is.
      .map(([cle, texte]) => [cle, texte.replace(/<light>.*?<\/light>/g, '')])
      .filter(([, texte]) => /\p{L}'\p{L}/u.test(texte) || /\p{L}([?!;»]|:(?!\/))/u.test(texte) || /«\p{L}/u.test(texte))
      .map(([cle]) => cle);
    expect(fautives).toEqual([]);
  });
});

describe('final ids', () => {
  it('carry the prefix each plugin’s registerTrads adds', () => {
    expect(traductionsStrapiFr['content-manager.relation.create']).toBe('Créer une relation');
    expect(traductionsStrapiFr['upload.sidebar.title']).toBe('Médiathèque');
    expect(traductionsStrapiFr['i18n.list-view.table.header.label']).toBe('Disponible en');
    expect(traductionsStrapiFr['tours.overview.tasks']).toBe('Vos tâches');
    expect(traductionsStrapiFr['content-manager.plugin.name']).toBe('Gestion du contenu');
  });

  it('lose no entry when the catalogues are merged', () => {
    const total = Object.values(CATALOGUES_FR).reduce(
      (n, { traductions, horsCatalogue }) => n + Object.keys(traductions).length + Object.keys(horsCatalogue).length,
      Object.keys(traductionsTypesStrapi).length,
    );
    expect(Object.keys(traductionsStrapiFr)).toHaveLength(total);
  });
});

describe('display names of Strapi’s content types', () => {
  it('are those of the installed plugins’ schemas', () => {
    // Built as a lazy CommonJS module: `__require()` returns the content types.
    const module = require(path.join(racine('@strapi/plugin-users-permissions'), 'dist/server/content-types/index.js'));
    const types = module.__require() as Record<string, { schema: { info: { displayName: string } } }>;
    const noms = Object.values(types).map(
      (type) => type.schema.info.displayName,
    );
    expect(noms).toEqual(expect.arrayContaining(Object.keys(traductionsTypesStrapi)));
  });
});
