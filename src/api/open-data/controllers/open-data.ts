/**
 * GET /api/open-data/… — thin: headers, conditional requests, streaming; the mapping is in
 * ../table-schema.ts, the CSV writing in ../csv.ts, the reading in ../services/open-data.ts.
 *   projets.csv          strict: the columns of the national schema the library publishes (schema.json)
 *   projets-etendu.csv   the same, then the library's columns (identifiers…: schema-etendu.json)
 *   projets.json         every column of the extended export, one object per projet; with
 *                        ?versions=true, each with its public versions (docs/versions.md)
 *   schema.json, schema-etendu.json, datapackage.json
 *   catalogue.jsonld, catalogue.ttl   DCAT-AP catalogue of these files (src/domaine/catalogue-dcat.ts)
 */
import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { SCHEMA_PUBLIE, schemaEtendu, schemaPublic, type TableSchema } from '../../../domaine/interconnectes/schema';
import { ligneCsv } from '../csv';
import { fluxExport } from '../paquets';
import { ENTETE, ENTETE_ETENDUE, neutraliserFormule, versLigneEtendue, versObjetJson, type ProjetPublie } from '../table-schema';
import type { VersionExport } from '../services/open-data';
import { enJsonLd, enTurtle, tripletsCatalogue, type Editeur, type Triplet } from '../../../domaine/catalogue-dcat';
import { distributionsCatalogue, FICHIERS_PROJETS, type FichierProjets } from '../fichiers';
import { adressePublique } from '../../../config/adresse-publique';
import { UID } from '../../../domaine/regles-metier';
import { versionsDuDocument } from '../../../versions/versions';

/** `?versions=true` adds each projet's public versions to the JSON export; absent or false, the export is unchanged. */
function avecVersions(valeur: unknown): boolean {
  if (valeur === undefined || valeur === 'false') return false;
  if (valeur === 'true') return true;
  throw new errors.ValidationError('Le paramètre « versions » vaut true ou false.');
}

const NOM_FICHIER = 'bibliotheque-ia-territoriales-projets';
const CHEMIN = '/api/open-data';

function service(strapi: Core.Strapi) {
  return strapi.service('api::open-data.open-data') as unknown as {
    projetsPublies(): AsyncGenerator<ProjetPublie>;
    version(): Promise<VersionExport>;
  };
}

/** Sets the caching headers; true when the client's copy is fresh (answered 304). */
export function enCache(ctx: Context, etag: string, derniereModification: Date | null, duree: number): boolean {
  ctx.set('ETag', etag);
  if (derniereModification) ctx.set('Last-Modified', derniereModification.toUTCString());
  ctx.set('Cache-Control', `public, max-age=${duree}`);
  ctx.status = 200;
  if (ctx.fresh) {
    ctx.status = 304;
    return true;
  }
  return false;
}

/** Which schema (and version) a data response follows. */
function decrireDonnees(ctx: Context, base: string, schema: 'schema.json' | 'schema-etendu.json') {
  ctx.set('Link', `<${base}${CHEMIN}/${schema}>; rel="describedby"; type="application/json"`);
  ctx.set('X-Schema-Version', SCHEMA_PUBLIE.version);
}

/** A schema with the addresses where this server publishes it and an example of valid data. */
function schemaAdresse(schema: TableSchema, base: string, fichier: string, exemple: string): TableSchema {
  return {
    ...schema,
    homepage: `${base}${CHEMIN}/datapackage.json`,
    path: `${base}${CHEMIN}/${fichier}`,
    resources: [{ title: 'Projets publiés de la bibliothèque (données conformes)', path: `${base}${CHEMIN}/${exemple}` }],
  };
}

function servirJson(ctx: Context, corps: string, nom: string) {
  if (enCache(ctx, `W/"${createHash('sha1').update(corps).digest('hex').slice(0, 20)}"`, null, 3600)) return;
  ctx.type = 'application/json; charset=utf-8';
  ctx.attachment(nom, { type: 'inline' });
  ctx.body = corps;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const base = () => adressePublique(strapi);

  async function csv(ctx: Context, etendu: boolean) {
    const version = await service(strapi).version();
    if (enCache(ctx, version.etag, version.derniereModification, 300)) return;
    // Before the file's headers: a configuration error is answered as an error, not as a download.
    const projets = service(strapi).projetsPublies();
    decrireDonnees(ctx, base(), etendu ? 'schema-etendu.json' : 'schema.json');
    ctx.type = 'text/csv; charset=utf-8; header=present';
    ctx.attachment(`${NOM_FICHIER}${etendu ? '-etendu' : ''}.csv`);
    const entete = etendu ? ENTETE_ETENDUE : ENTETE;
    const adresse = base();
    ctx.body = fluxExport(
      (async function* lignes() {
        yield ligneCsv(entete);
        for await (const projet of projets) {
          const ligne: Record<string, string> = versLigneEtendue(projet, adresse);
          yield ligneCsv(entete.map((colonne) => neutraliserFormule(ligne[colonne])));
        }
      })(),
    );
  }

  /** The catalogue's triples, or null when the client's copy is fresh (answered 304). */
  async function catalogue(ctx: Context): Promise<Triplet[] | null> {
    const version = await service(strapi).version();
    if (enCache(ctx, version.etag, version.derniereModification, 300)) return null;
    const adresse = `${base()}${CHEMIN}`;
    const editeur = strapi.config.get('open-data.editeur') as Editeur;
    return tripletsCatalogue({ adresse, editeur, modifie: version.derniereModification, distributions: distributionsCatalogue(adresse) });
  }

  return {
    projetsCsv: (ctx: Context) => csv(ctx, false),
    projetsEtenduCsv: (ctx: Context) => csv(ctx, true),

    async projetsJson(ctx: Context) {
      const versions = avecVersions(ctx.query.versions);
      const version = await service(strapi).version();
      if (enCache(ctx, version.etag, version.derniereModification, 300)) return;
      const projets = service(strapi).projetsPublies();
      decrireDonnees(ctx, base(), 'schema-etendu.json');
      ctx.type = 'application/json; charset=utf-8';
      ctx.attachment(`${NOM_FICHIER}.json`);
      const adresse = base();
      ctx.body = fluxExport(
        (async function* objets() {
          let premier = true;
          yield '[';
          for await (const projet of projets) {
            const objet = versObjetJson(versLigneEtendue(projet, adresse));
            // The public view only: the export is anonymous, whoever downloads it.
            const complet = versions ? { ...objet, versions: (await versionsDuDocument(strapi, UID.projet, projet.documentId, false)) ?? [] } : objet;
            yield `${premier ? '\n' : ',\n'}${JSON.stringify(complet)}`;
            premier = false;
          }
          yield '\n]\n';
        })(),
      );
    },

    schema(ctx: Context) {
      servirJson(ctx, JSON.stringify(schemaAdresse(schemaPublic(), base(), 'schema.json', 'projets.csv'), null, 2), 'schema.json');
    },

    schemaEtendu(ctx: Context) {
      servirJson(ctx, JSON.stringify(schemaAdresse(schemaEtendu(), base(), 'schema-etendu.json', 'projets-etendu.csv'), null, 2), 'schema-etendu.json');
    },

    /** Frictionless Data Package: the resources, their schema, the licence and the version. */
    datapackage(ctx: Context) {
      const b = base();
      const ressource = (f: FichierProjets) => ({
        name: f.nom,
        title: f.titre,
        path: `${b}${CHEMIN}/${f.fichier}`,
        format: f.format,
        mediatype: f.format === 'csv' ? 'text/csv' : 'application/json',
        encoding: 'utf-8',
        profile: f.format === 'csv' ? 'tabular-data-resource' : 'data-resource',
        schema: `${b}${CHEMIN}/${f.schema}`,
        ...(f.format === 'csv' ? { dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true } } : {}),
      });
      const paquet = {
        profile: 'tabular-data-package',
        name: 'bibliotheque-ia-territoriales',
        title: 'Bibliothèque d’IA territoriales : projets publiés',
        description: `Projets d’intelligence artificielle publiés par les collectivités dans la bibliothèque, au schéma ${SCHEMA_PUBLIE.name} ${SCHEMA_PUBLIE.version} (export strict) et dans l’export étendu de la bibliothèque (identifiants, vocabulaire propre).`,
        version: SCHEMA_PUBLIE.version,
        homepage: `${b}${CHEMIN}/datapackage.json`,
        licenses: [{ name: 'etalab-2.0', title: 'Licence Ouverte / Open Licence version 2.0', path: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' }],
        resources: FICHIERS_PROJETS.map(ressource),
      };
      servirJson(ctx, JSON.stringify(paquet, null, 2), 'datapackage.json');
    },

    /** DCAT-AP catalogue (JSON-LD, then Turtle): dated by the last change of the published projets. */
    async catalogueJsonLd(ctx: Context) {
      const triplets = await catalogue(ctx);
      if (!triplets) return;
      ctx.type = 'application/ld+json; charset=utf-8';
      ctx.body = JSON.stringify(enJsonLd(triplets), null, 2);
    },

    async catalogueTurtle(ctx: Context) {
      const triplets = await catalogue(ctx);
      if (!triplets) return;
      ctx.type = 'text/turtle; charset=utf-8';
      ctx.body = enTurtle(triplets);
    },
  };
};
