/**
 * The DCAT-AP catalogue: the JSON-LD and the Turtle, read by real RDF parsers (jsonld, N3), say the same
 * triples, carry what DCAT-AP requires of a catalogue, a dataset and a distribution, and survive hostile text.
 */
import jsonld from 'jsonld';
import { Parser, type Quad } from 'n3';
import { enJsonLd, enTurtle, PREFIXES, tripletsCatalogue, type EntreeCatalogue } from '../../src/domaine/catalogue-dcat';

const { dcat, dct, rdf, foaf } = PREFIXES;
const ADRESSE = 'https://bibliotheque.example/api/open-data';

const entree = (surcharges: Partial<EntreeCatalogue> = {}): EntreeCatalogue => ({
  adresse: ADRESSE,
  editeur: { nom: 'Les Interconnectés', url: 'https://www.interconnectes.com', courriel: 'contact@example.org' },
  modifie: new Date('2026-11-30T10:00:00Z'),
  distributions: [
    { fichier: 'projets.csv', titre: 'Projets (CSV)', description: 'Une ligne par projet.', format: 'CSV', conformeA: [`${ADRESSE}/schema.json`] },
    { fichier: 'projets.json', titre: 'Projets (JSON)', description: 'Un objet par projet.', format: 'JSON', conformeA: [] },
  ],
  ...surcharges,
});

/** N-Triples lines, sorted: a canonical form to compare two parsings (the graph has no blank node). */
function lignes(quads: readonly Quad[]): string[] {
  const terme = (t: Quad['object']) =>
    t.termType === 'Literal' ? `${JSON.stringify(t.value)}${t.language ? `@${t.language}` : `^^${t.datatype.value}`}` : `<${t.value}>`;
  return quads.map((q) => `<${q.subject.value}> <${q.predicate.value}> ${terme(q.object)}`).sort();
}

async function depuisJsonLd(document: Record<string, unknown>): Promise<Quad[]> {
  const nquads = (await jsonld.toRDF(document as jsonld.JsonLdDocument, { format: 'application/n-quads' })) as unknown as string;
  return new Parser({ format: 'N-Quads' }).parse(nquads);
}

const objets = (quads: readonly Quad[], sujet: string, predicat: string) =>
  quads.filter((q) => q.subject.value === sujet && q.predicate.value === predicat).map((q) => q.object.value);

describe('Catalogue DCAT-AP', () => {
  it('le JSON-LD et le Turtle disent les mêmes triplets', async () => {
    const triplets = tripletsCatalogue(entree());
    const duJsonLd = await depuisJsonLd(enJsonLd(triplets));
    const duTurtle = new Parser({ format: 'text/turtle' }).parse(enTurtle(triplets));
    expect(duJsonLd.length).toBe(triplets.length);
    expect(lignes(duTurtle)).toEqual(lignes(duJsonLd));
  });

  it('catalogue, jeu de données et distributions portent les propriétés obligatoires de DCAT-AP', async () => {
    const quads = await depuisJsonLd(enJsonLd(tripletsCatalogue(entree())));
    const deType = (type: string) => quads.filter((q) => q.predicate.value === `${rdf}type` && q.object.value === type).map((q) => q.subject.value);
    const [catalogue] = deType(`${dcat}Catalog`);
    const [jeu] = deType(`${dcat}Dataset`);
    expect(catalogue).toBe(`${ADRESSE}/catalogue.jsonld`);
    for (const propriete of [`${dct}title`, `${dct}description`, `${dct}publisher`]) expect(objets(quads, catalogue!, propriete)).toHaveLength(1);
    expect(objets(quads, catalogue!, `${dcat}dataset`)).toEqual([jeu]);
    expect(objets(quads, jeu!, `${dct}title`)).toEqual(['Projets d’IA des collectivités territoriales']);
    expect(objets(quads, jeu!, `${dct}modified`)).toEqual(['2026-11-30T10:00:00.000Z']);
    const distributions = objets(quads, jeu!, `${dcat}distribution`);
    expect(distributions).toEqual(deType(`${dcat}Distribution`));
    expect(distributions.map((d) => objets(quads, d, `${dcat}downloadURL`)[0])).toEqual([`${ADRESSE}/projets.csv`, `${ADRESSE}/projets.json`]);
    expect(distributions.map((d) => objets(quads, d, `${dcat}mediaType`)[0])).toEqual([
      'http://www.iana.org/assignments/media-types/text/csv',
      'http://www.iana.org/assignments/media-types/application/json',
    ]);
    expect(objets(quads, distributions[0]!, `${dct}conformsTo`)).toEqual([`${ADRESSE}/schema.json`]);
    for (const d of distributions) expect(objets(quads, d, `${dcat}accessURL`)).toHaveLength(1);
    const [editeur] = objets(quads, catalogue!, `${dct}publisher`);
    expect(objets(quads, editeur!, `${foaf}name`)).toEqual(['Les Interconnectés']);
  });

  it('un nom d’éditeur avec guillemets, barre oblique inverse et retour à la ligne reste un littéral intact', async () => {
    const nom = 'Ville "d\'essai"\\\nsur deux lignes\t<b>';
    const triplets = tripletsCatalogue(entree({ editeur: { nom, url: 'https://example.org/a b', courriel: null } }));
    const quads = new Parser({ format: 'text/turtle' }).parse(enTurtle(triplets));
    expect(quads.filter((q) => q.predicate.value === `${foaf}name`).map((q) => q.object.value)).toEqual([nom]);
    expect(quads.some((q) => q.object.value === 'https://example.org/a%20b')).toBe(true);
    expect(lignes(quads)).toEqual(lignes(await depuisJsonLd(enJsonLd(triplets))));
  });

  it('sans projet publié, ni le catalogue ni le jeu ne portent de date de modification', () => {
    const triplets = tripletsCatalogue(entree({ modifie: null }));
    expect(triplets.filter(([, predicat]) => predicat === 'dct:modified')).toEqual([]);
  });
});
