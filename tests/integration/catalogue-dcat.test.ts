/**
 * GET /api/open-data/catalogue.jsonld and catalogue.ttl on the real server: read by RDF parsers, the
 * same graph in both formats, every distribution downloadable where the catalogue says, dated by the last
 * publication, and answered 304 to a fresh copy.
 */
import jsonld from 'jsonld';
import { Parser, type Quad } from 'n3';
import { PREFIXES } from '../../src/domaine/catalogue-dcat';
import { api, enteteJeton } from '../helpers/http';
import { projetValide } from '../helpers/donnees';

const { dcat, dct, rdf } = PREFIXES;

const cles = (quads: readonly Quad[]) => quads.map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`).sort();
const objets = (quads: readonly Quad[], sujet: string, predicat: string) =>
  quads.filter((q) => q.subject.value === sujet && q.predicate.value === predicat).map((q) => q.object.value);

async function lireJsonLd(): Promise<Quad[]> {
  const reponse = await api().get('/api/open-data/catalogue.jsonld');
  expect(reponse.status).toBe(200);
  expect(reponse.headers['content-type']).toMatch(/^application\/ld\+json/);
  const nquads = (await jsonld.toRDF(JSON.parse(reponse.text) as jsonld.JsonLdDocument, { format: 'application/n-quads' })) as unknown as string;
  return new Parser({ format: 'N-Quads' }).parse(nquads);
}

describe('Catalogue DCAT-AP des données ouvertes', () => {
  let publication: Date;

  beforeAll(async () => {
    const reponse = await api().post('/api/projets').set(enteteJeton()).query({ status: 'published' }).send({ data: await projetValide({ nom: 'Projet du catalogue DCAT' }) });
    expect(reponse.status).toBe(201);
    publication = new Date(reponse.body.data.publishedAt);
  });

  it('JSON-LD et Turtle : le même graphe, un catalogue qui décrit un jeu de données', async () => {
    const duJsonLd = await lireJsonLd();
    const turtle = await api().get('/api/open-data/catalogue.ttl');
    expect(turtle.status).toBe(200);
    expect(turtle.headers['content-type']).toMatch(/^text\/turtle/);
    expect(cles(new Parser({ format: 'text/turtle' }).parse(turtle.text))).toEqual(cles(duJsonLd));
    const catalogues = duJsonLd.filter((q) => q.predicate.value === `${rdf}type` && q.object.value === `${dcat}Catalog`);
    expect(catalogues).toHaveLength(1);
    const [jeu] = objets(duJsonLd, catalogues[0]!.subject.value, `${dcat}dataset`);
    expect(objets(duJsonLd, jeu!, `${dct}title`)).toEqual(['Projets d’IA des collectivités territoriales']);
  });

  it('chaque distribution se télécharge à son adresse, avec son type de média', async () => {
    const quads = await lireJsonLd();
    const [jeu] = quads.filter((q) => q.object.value === `${dcat}Dataset`).map((q) => q.subject.value);
    const distributions = objets(quads, jeu!, `${dcat}distribution`);
    expect(distributions.map((d) => new URL(objets(quads, d, `${dcat}downloadURL`)[0]!).pathname.replace('/api/open-data/', '')).sort()).toEqual(
      ['algoritmeregister.json', 'atrs.json', 'datapackage.json', 'projets-etendu.csv', 'projets.csv', 'projets.json', 'schema-etendu.json', 'schema.json'],
    );
    for (const distribution of distributions) {
      const [adresse] = objets(quads, distribution, `${dcat}downloadURL`);
      const [media] = objets(quads, distribution, `${dcat}mediaType`);
      const reponse = await api().get(new URL(adresse!).pathname);
      expect([adresse, reponse.status]).toEqual([adresse, 200]);
      expect(reponse.headers['content-type']).toContain(media!.replace('http://www.iana.org/assignments/media-types/', ''));
      expect(objets(quads, distribution, `${dct}license`)).toEqual(['https://www.etalab.gouv.fr/licence-ouverte-open-licence/']);
    }
  });

  it('daté par la dernière publication ; 304 pour une copie à jour', async () => {
    const quads = await lireJsonLd();
    const [jeu] = quads.filter((q) => q.object.value === `${dcat}Dataset`).map((q) => q.subject.value);
    const [modifie] = objets(quads, jeu!, `${dct}modified`);
    expect(new Date(modifie!).getTime()).toBeGreaterThanOrEqual(publication.getTime());
    const { headers } = await api().get('/api/open-data/catalogue.ttl');
    expect((await api().get('/api/open-data/catalogue.ttl').set('If-None-Match', headers.etag)).status).toBe(304);
  });
});
