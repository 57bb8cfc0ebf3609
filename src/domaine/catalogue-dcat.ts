/**
 * The DCAT-AP catalogue of the open data (docs/transparence.md, « Catalogue DCAT-AP »), so that data.gouv.fr
 * and the European portals can harvest it. The catalogue is written once as RDF triples, then serialised
 * as JSON-LD and as Turtle: the two formats cannot say different things. Pure: no Strapi import.
 */

export const PREFIXES = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
} as const;

/** EU controlled vocabularies DCAT-AP asks for (Publications Office authority tables) and IANA media types. */
const AUTORITE = 'http://publications.europa.eu/resource/authority';
const TYPES_MEDIA = { CSV: 'text/csv', JSON: 'application/json' } as const;
const LICENCE_OUVERTE = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/';

type Prefixe = keyof typeof PREFIXES;
/** A prefixed name of the vocabularies above (« dct:title »). */
type Terme = `${Prefixe}:${string}`;

export type Objet = { iri: string } | { texte: string; langue?: 'fr' } | { valeur: string; type: Terme };
export type Triplet = readonly [sujet: string, predicat: Terme, objet: Objet];

export interface Editeur {
  nom: string;
  url: string;
  courriel: string | null;
}

export interface DistributionCatalogue {
  /** Path under the open-data address (`projets.csv`). */
  fichier: string;
  titre: string;
  description: string;
  format: 'CSV' | 'JSON';
  /** Addresses of the standards the file follows (its Table Schema, a peer register's definition…). */
  conformeA: readonly string[];
}

export interface EntreeCatalogue {
  /** Address of the open-data routes, without a trailing slash (`https://…/api/open-data`). */
  adresse: string;
  editeur: Editeur;
  /** Last change of the published projets; null when none is published. */
  modifie: Date | null;
  distributions: readonly DistributionCatalogue[];
}

const iri = (valeur: string): Objet => ({ iri: valeur });
const fr = (texte: string): Objet => ({ texte, langue: 'fr' });
const date = (d: Date): Objet => ({ valeur: d.toISOString(), type: 'xsd:dateTime' });

/** The catalogue, its one dataset (the published projets) and a distribution per file. */
export function tripletsCatalogue({ adresse, editeur, modifie, distributions }: EntreeCatalogue): Triplet[] {
  const catalogue = `${adresse}/catalogue.jsonld`;
  const jeu = `${adresse}/catalogue.jsonld#projets`;
  const agent = `${adresse}/catalogue.jsonld#editeur`;
  const contact = `${adresse}/catalogue.jsonld#contact`;
  const dates = modifie ? [date(modifie)] : [];
  const t: Triplet[] = [
    [catalogue, 'rdf:type', iri(`${PREFIXES.dcat}Catalog`)],
    [catalogue, 'dct:title', fr('Bibliothèque d’IA territoriales')],
    [catalogue, 'dct:description', fr('Catalogue des données ouvertes de la Bibliothèque d’IA territoriales : les projets d’intelligence artificielle publiés par les collectivités.')],
    [catalogue, 'dct:publisher', iri(agent)],
    [catalogue, 'dct:language', iri(`${AUTORITE}/language/FRA`)],
    [catalogue, 'dct:license', iri(LICENCE_OUVERTE)],
    [catalogue, 'foaf:homepage', iri(editeur.url)],
    [catalogue, 'dcat:dataset', iri(jeu)],
    ...dates.map((d): Triplet => [catalogue, 'dct:modified', d]),

    [agent, 'rdf:type', iri(`${PREFIXES.foaf}Agent`)],
    [agent, 'foaf:name', fr(editeur.nom)],
    [agent, 'foaf:homepage', iri(editeur.url)],

    [jeu, 'rdf:type', iri(`${PREFIXES.dcat}Dataset`)],
    [jeu, 'dct:identifier', { texte: jeu }],
    [jeu, 'dct:title', fr('Projets d’IA des collectivités territoriales')],
    [jeu, 'dct:description', fr('Projets d’intelligence artificielle essayés, déployés ou abandonnés par les collectivités, publiés après relecture : champs publics seulement.')],
    [jeu, 'dct:publisher', iri(agent)],
    [jeu, 'dct:language', iri(`${AUTORITE}/language/FRA`)],
    [jeu, 'dct:spatial', iri(`${AUTORITE}/country/FRA`)],
    [jeu, 'dct:accrualPeriodicity', iri(`${AUTORITE}/frequency/UPDATE_CONT`)],
    [jeu, 'dcat:theme', iri(`${AUTORITE}/data-theme/GOVE`)],
    [jeu, 'dcat:theme', iri(`${AUTORITE}/data-theme/TECH`)],
    ...['intelligence artificielle', 'collectivités territoriales', 'algorithmes publics', 'transparence'].map((mot): Triplet => [jeu, 'dcat:keyword', fr(mot)]),
    [jeu, 'dcat:landingPage', iri(`${adresse}/datapackage.json`)],
    [jeu, 'dcat:contactPoint', iri(contact)],
    ...dates.map((d): Triplet => [jeu, 'dct:modified', d]),

    [contact, 'rdf:type', iri(`${PREFIXES.vcard}Organization`)],
    [contact, 'vcard:fn', fr(editeur.nom)],
    editeur.courriel ? [contact, 'vcard:hasEmail', iri(`mailto:${editeur.courriel}`)] : [contact, 'vcard:hasURL', iri(editeur.url)],
  ];
  for (const d of distributions) {
    const sujet = `${adresse}/catalogue.jsonld#${d.fichier}`;
    const url = `${adresse}/${d.fichier}`;
    t.push(
      [jeu, 'dcat:distribution', iri(sujet)],
      [sujet, 'rdf:type', iri(`${PREFIXES.dcat}Distribution`)],
      [sujet, 'dct:title', fr(d.titre)],
      [sujet, 'dct:description', fr(d.description)],
      [sujet, 'dcat:accessURL', iri(url)],
      [sujet, 'dcat:downloadURL', iri(url)],
      [sujet, 'dct:format', iri(`${AUTORITE}/file-type/${d.format}`)],
      [sujet, 'dcat:mediaType', iri(`http://www.iana.org/assignments/media-types/${TYPES_MEDIA[d.format]}`)],
      [sujet, 'dct:license', iri(LICENCE_OUVERTE)],
      ...d.conformeA.map((standard): Triplet => [sujet, 'dct:conformsTo', iri(standard)]),
      ...dates.map((m): Triplet => [sujet, 'dct:modified', m]),
    );
  }
  return t;
}

function developper(terme: Terme): string {
  const [prefixe, local] = terme.split(':') as [Prefixe, string];
  return `${PREFIXES[prefixe]}${local}`;
}

/** Groups the triples by subject, in their order of first appearance. */
function parSujet(triplets: readonly Triplet[]): Map<string, Triplet[]> {
  const groupes = new Map<string, Triplet[]>();
  for (const t of triplets) groupes.set(t[0], [...(groupes.get(t[0]) ?? []), t]);
  return groupes;
}

/**
 * The characters an IRI may not hold (space, quotes, angle brackets…) percent-encoded: a configured address
 * with a space would otherwise be dropped by JSON-LD readers and break the Turtle.
 */
function iriValide(valeur: string): string {
  return valeur.replace(/[\u0000-\u0020<>"{}|^`\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function objetJsonLd(objet: Objet): Record<string, string> {
  if ('iri' in objet) return { '@id': iriValide(objet.iri) };
  if ('texte' in objet) return objet.langue ? { '@value': objet.texte, '@language': objet.langue } : { '@value': objet.texte };
  return { '@value': objet.valeur, '@type': developper(objet.type) };
}

/** JSON-LD: one node per subject in a `@graph`, the vocabularies as prefixes of the context. */
export function enJsonLd(triplets: readonly Triplet[]): Record<string, unknown> {
  const graphe = [...parSujet(triplets)].map(([sujet, liste]) => {
    const noeud: Record<string, unknown> = { '@id': iriValide(sujet) };
    for (const [, predicat, objet] of liste) {
      if (predicat === 'rdf:type' && 'iri' in objet) {
        noeud['@type'] = [...((noeud['@type'] as string[] | undefined) ?? []), iriValide(objet.iri)];
        continue;
      }
      noeud[predicat] = [...((noeud[predicat] as unknown[] | undefined) ?? []), objetJsonLd(objet)];
    }
    return noeud;
  });
  return { '@context': { ...PREFIXES }, '@graph': graphe };
}

/** A Turtle string literal: the characters the grammar forbids raw are escaped. */
function litteral(texte: string): string {
  return `"${texte.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

function reference(valeur: string): string {
  return `<${iriValide(valeur)}>`;
}

function objetTurtle(objet: Objet): string {
  if ('iri' in objet) return reference(objet.iri);
  if ('texte' in objet) return objet.langue ? `${litteral(objet.texte)}@${objet.langue}` : litteral(objet.texte);
  return `${litteral(objet.valeur)}^^${objet.type}`;
}

/** Turtle: the prefixes, then one block per subject. */
export function enTurtle(triplets: readonly Triplet[]): string {
  const entete = Object.entries(PREFIXES).map(([prefixe, espace]) => `@prefix ${prefixe}: <${espace}> .`);
  const blocs = [...parSujet(triplets)].map(([sujet, liste]) => {
    const lignes = liste.map(([, predicat, objet]) => `    ${predicat === 'rdf:type' ? 'a' : predicat} ${objetTurtle(objet)}`);
    return `${reference(sujet)}\n${lignes.join(' ;\n')} .`;
  });
  return `${entete.join('\n')}\n\n${blocs.join('\n\n')}\n`;
}
