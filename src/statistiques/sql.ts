/**
 * The counts of the published projets, in SQL aggregations over the published rows (`published_at`
 * set), never by loading the projets. Table and column names come from Strapi's metadata.
 */
import type { Core, UID as StrapiUID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { assemblerStatistiques, type Comptes, type Ligne, type Statistiques, type Taxonomie } from '../domaine/statistiques';
import { UID } from '../domaine/regles-metier';
import { LOCALE_PAR_DEFAUT } from '../domaine/locales';
import { colonne, lien, table } from '../documents/tables';

const nombre = (lignes: Array<Record<string, unknown>>) => Number(lignes[0]?.total ?? 0);

/** Year of a date column, the same on every database the project runs on. */
function annee(knex: Knex, client: string, col: string): Knex.Raw {
  if (client === 'postgres') return knex.raw('cast(extract(year from ??) as integer)', [col]);
  if (client === 'sqlite') return knex.raw('cast(substr(??, 1, 4) as integer)', [col]);
  return knex.raw('year(??)', [col]);
}

export async function compterStatistiques(strapi: Core.Strapi): Promise<Statistiques> {
  const knex = strapi.db.connection;
  const P = table(strapi, UID.projet);
  const publie = `p.${colonne(strapi, UID.projet, 'publishedAt')}`;
  const publies = () => knex({ p: P }).whereNotNull(publie);
  const lc = lien(strapi, UID.projet, 'collectivite');
  const C = table(strapi, UID.collectivite);

  /** Published projets by documentId of a related taxonomy entry. */
  const parTaxonomie = (attribut: string, cible: StrapiUID.ContentType) => {
    const l = lien(strapi, UID.projet, attribut);
    const documentId = `t.${colonne(strapi, cible, 'documentId')}`;
    return publies()
      .join({ l: l.table }, `l.${l.source}`, 'p.id')
      .join({ t: table(strapi, cible) }, 't.id', `l.${l.cible}`)
      .groupBy(documentId)
      .select({ cle: documentId })
      .countDistinct({ total: 'p.id' });
  };
  /** Published projets by a column of their collectivité (null: none). */
  const parCollectivite = (attribut: string) => {
    const col = `c.${colonne(strapi, UID.collectivite, attribut)}`;
    return publies()
      .leftJoin({ lc: lc.table }, `lc.${lc.source}`, 'p.id')
      .leftJoin({ c: C }, 'c.id', `lc.${lc.cible}`)
      .groupBy(col)
      .select({ cle: col })
      .countDistinct({ total: 'p.id' });
  };
  const statut = `p.${colonne(strapi, UID.projet, 'statut')}`;
  const expressionAnnee = annee(knex, strapi.db.dialect.client, `p.${colonne(strapi, UID.projet, 'dateDemarrage')}`);

  const porteuses = () => publies().join({ l: lc.table }, `l.${lc.source}`, 'p.id').select({ id: `l.${lc.cible}` });
  const lp = lien(strapi, UID.projet, 'collectivitesPartenaires');
  const partenaires = publies().join({ l: lp.table }, `l.${lp.source}`, 'p.id').select({ id: `l.${lp.cible}` });

  const lo = lien(strapi, UID.projet, 'offreurs');
  const O = table(strapi, UID.offreur);
  const offreurDocument = colonne(strapi, UID.offreur, 'documentId');
  // An offreur counts once (draft and published rows share the documentId), if it is published.
  const offreurs = publies()
    .join({ l: lo.table }, `l.${lo.source}`, 'p.id')
    .join({ o: O }, 'o.id', `l.${lo.cible}`)
    .whereExists(
      knex({ op: O })
        .select('op.id')
        .whereRaw('?? = ??', [`op.${offreurDocument}`, `o.${offreurDocument}`])
        .whereNotNull(`op.${colonne(strapi, UID.offreur, 'publishedAt')}`),
    )
    .countDistinct({ total: `o.${offreurDocument}` });

  const taxonomie = (uid: StrapiUID.ContentType) =>
    knex(table(strapi, uid))
      .select({ documentId: colonne(strapi, uid, 'documentId'), slug: colonne(strapi, uid, 'slug'), nom: colonne(strapi, uid, 'nom') })
      .where(colonne(strapi, uid, 'locale'), LOCALE_PAR_DEFAUT);

  const [projets, collectivites, collectivitesPorteuses, nombreOffreurs, thematiques, sousThematiques, techniques, statuts, typesCollectivite, regions, annees, entrees, entreesTechniques] =
    await Promise.all([
      publies().count({ total: '*' }),
      knex.count({ total: '*' }).from(porteuses().union(partenaires).as('x')),
      porteuses().clearSelect().countDistinct({ total: `l.${lc.cible}` }),
      offreurs,
      parTaxonomie('thematique', UID.thematique),
      parTaxonomie('sousThematiques', UID.thematique),
      parTaxonomie('techniquesIa', UID.techniqueIa),
      publies().groupBy(statut).select({ cle: statut }).count({ total: '*' }),
      parCollectivite('type'),
      parCollectivite('codeRegion'),
      publies().select({ cle: expressionAnnee }).count({ total: '*' }).groupBy('cle'),
      taxonomie(UID.thematique),
      taxonomie(UID.techniqueIa),
    ]);
  const libelles: Taxonomie = new Map(
    [...entrees, ...entreesTechniques].map((e: { documentId: string; slug: string; nom: string }) => [e.documentId, { slug: e.slug, nom: e.nom }]),
  );
  const comptes: Comptes = {
    projets: nombre(projets),
    collectivites: nombre(collectivites),
    collectivitesPorteuses: nombre(collectivitesPorteuses),
    offreurs: nombre(nombreOffreurs as Array<Record<string, unknown>>),
    thematiques: thematiques as Ligne[],
    sousThematiques: sousThematiques as Ligne[],
    techniques: techniques as Ligne[],
    statuts: statuts as Ligne[],
    typesCollectivite: typesCollectivite as Ligne[],
    regions: regions as Ligne[],
    annees: annees as Ligne[],
  };
  return assemblerStatistiques(comptes, libelles);
}
