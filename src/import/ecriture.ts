/**
 * Writes one row, inside the row's transaction: its collectivité and offreurs, the projet's draft (created,
 * or updated when a field changed), then its publication or its moderation.
 */
import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { estVide, UID } from '../domaine/regles-metier';
import type { LigneNormalisee, ProjetImporte } from '../domaine/interconnectes/ligne';
import { cleTexte } from '../domaine/interconnectes/texte';
import { aUneVersionPubliee, champsModifies } from '../plugins/revue-editoriale/public';
import { assurerCollectivite, partenairesConnus } from './collectivites';
import { documents, type Collectivite, type Contexte, type Effets } from './contexte';
import type { RapportLigne } from './rapport';

async function assurerOffreurs(ctx: Contexte, noms: readonly string[], rapport: RapportLigne, effets: Effets): Promise<string[]> {
  const ids: string[] = [];
  for (const nom of noms) {
    const connu = ctx.offreurs.get(cleTexte(nom));
    if (connu && !connu.simule) {
      ids.push(connu.documentId);
    } else {
      const cree = (await documents(ctx.strapi, UID.offreur).create({ data: { nom, type: 'autre' } })) as { documentId: string };
      effets.offreurs.push({ nom, documentId: cree.documentId });
      ids.push(cree.documentId);
      rapport.raisons.push(connu ? `offreur « ${nom} » (créé par une ligne précédente)` : `offreur « ${nom} » créé (type « autre », à qualifier)`);
    }
    if (ctx.options.publier && !(await aUneVersionPubliee(ctx.strapi, UID.offreur, ids[ids.length - 1]))) {
      await documents(ctx.strapi, UID.offreur).publish({ documentId: ids[ids.length - 1] });
    }
  }
  return ids;
}

/** Relations and notes of a row, resolved by the importer. */
interface RelationsLigne {
  collectivite: string;
  offreurs: string[] | undefined;
  partenaires: string[] | undefined;
  notes: string[];
}

/** The data sent to the Document Service, relations as documentIds; only the fields the file has. */
function donneesProjet(ctx: Contexte, p: ProjetImporte, r: RelationsLigne, evaluationStockee: Record<string, unknown> | null): Record<string, unknown> {
  const ids = (table: Map<string, string>, slugs: string[]) => slugs.map((s) => table.get(s)).filter((id): id is string => id !== undefined);
  const { thematique, sousThematiques, publics, techniquesIa, offreurs: _noms, collectivitesPartenaires: _sirens, evaluation, ...scalaires } = p;
  const data: Record<string, unknown> = { ...scalaires, collectivite: r.collectivite, notesImport: r.notes.length > 0 ? r.notes.join('\n') : null };
  if (thematique !== undefined) data.thematique = thematique === null ? null : ctx.taxonomies.thematique.get(thematique) ?? null;
  if (sousThematiques) data.sousThematiques = ids(ctx.taxonomies.thematique, sousThematiques);
  if (publics) data.publics = ids(ctx.taxonomies.publicCible, publics);
  if (techniquesIa) data.techniquesIa = ids(ctx.taxonomies.techniqueIa, techniquesIa);
  if (r.offreurs) data.offreurs = r.offreurs;
  if (r.partenaires) data.collectivitesPartenaires = r.partenaires;
  // Empty evaluation cells on a projet without evaluation create none (the export writes them empty).
  if (evaluation && (evaluationStockee || !Object.values(evaluation).every(estVide))) {
    // Columns absent from the file keep what editors wrote.
    const { id: _id, evaluationsImpact, ...garde } = evaluationStockee ?? {};
    const impacts = Array.isArray(evaluationsImpact) ? evaluationsImpact.map(({ id: _i, ...lien }: Record<string, unknown>) => lien) : undefined;
    data.evaluation = { ...garde, ...(impacts ? { evaluationsImpact: impacts } : {}), ...evaluation };
  }
  return data;
}

const POPULATE_COMPARAISON = {
  collectivite: { fields: ['documentId'] },
  thematique: { fields: ['documentId'] },
  sousThematiques: { fields: ['documentId'] },
  publics: { fields: ['documentId'] },
  techniquesIa: { fields: ['documentId'] },
  offreurs: { fields: ['documentId'] },
  collectivitesPartenaires: { fields: ['documentId'] },
  algorithme: true,
  donnees: { populate: { sources: true } },
  evaluation: { populate: { evaluationsImpact: true } },
};

/** The draft the row updates: the one of the extended export's `identifiant`, else the same name in the same collectivité. */
async function projetExistant(ctx: Contexte, n: LigneNormalisee, collectivite: string): Promise<string | undefined> {
  if (n.identifiant) {
    const parIdentifiant = (await ctx.strapi.db.query(UID.projet).findOne({ select: ['documentId'], where: { documentId: n.identifiant, publishedAt: null } })) as { documentId: string } | null;
    if (parIdentifiant) return parIdentifiant.documentId;
  }
  const candidats = (await ctx.strapi.db.query(UID.projet).findMany({
    select: ['documentId', 'nom'],
    where: { publishedAt: null, collectivite: { documentId: collectivite } },
  })) as Array<{ documentId: string; nom: string }>;
  return candidats.find((c) => cleTexte(c.nom) === cleTexte(n.projet.nom))?.documentId;
}

/**
 * Runs a write inside a savepoint: when it fails, only it is rolled back, never what the row wrote
 * before (the draft before its publication), on SQLite as on PostgreSQL.
 */
async function dansPointDeSauvegarde<T>(ctx: Contexte, action: () => Promise<T>): Promise<T> {
  return ctx.strapi.db.transaction(async ({ trx }) => {
    await trx.raw('SAVEPOINT ecriture_import');
    try {
      const resultat = await action();
      await trx.raw('RELEASE SAVEPOINT ecriture_import');
      return resultat;
    } catch (erreur) {
      await trx.raw('ROLLBACK TO SAVEPOINT ecriture_import');
      await trx.raw('RELEASE SAVEPOINT ecriture_import');
      throw erreur;
    }
  });
}

/** Publishes; returns the French reason a publication rule refused it (errors.ValidationError), null when published. */
async function publier(ctx: Contexte, documentId: string): Promise<string | null> {
  try {
    await dansPointDeSauvegarde(ctx, () => documents(ctx.strapi, UID.projet).publish({ documentId }));
    return null;
  } catch (erreur) {
    if (erreur instanceof errors.ValidationError) return erreur.message;
    throw erreur;
  }
}

/** The attributes a refusal names. */
function champsEnCause(erreur: errors.ValidationError): string[] {
  const details = (erreur.details as { errors?: Array<{ path?: unknown[] }> } | undefined)?.errors ?? [];
  return [...new Set(details.map((d) => String(d.path?.[0] ?? '')))];
}

/**
 * Writes the draft; a value the CMS refuses even in a draft (an e-mail that is not one, a date out of range…)
 * is left out, kept verbatim in the notes with the CMS's reason, and the draft written without it.
 * Returns the reason, null when everything was written.
 */
async function enregistrer(ctx: Contexte, n: LigneNormalisee, rapport: RapportLigne, data: Record<string, unknown>, ecrire: () => Promise<unknown>): Promise<string | null> {
  const refus: string[] = [];
  for (;;) {
    try {
      await dansPointDeSauvegarde(ctx, ecrire);
      return refus.length > 0 ? refus.join(' ; ') : null;
    } catch (erreur) {
      if (!(erreur instanceof errors.ValidationError) || refus.length >= 3) throw erreur;
      const retires = champsEnCause(erreur).filter((champ) => n.sources[champ] && data[champ] !== null && data[champ] !== undefined);
      if (retires.length === 0) throw erreur;
      refus.push(erreur.message);
      for (const champ of retires) {
        const { colonne, valeur } = n.sources[champ];
        data[champ] = null;
        rapport.notes.push(`${colonne} : ${valeur}`);
        rapport.avertissements.push({ colonne, valeur, message: `refusée par le CMS (${erreur.message}), champ laissé vide : gardée dans les notes d’import` });
      }
      data.notesImport = rapport.notes.join('\n');
    }
  }
}

export async function ecrireLigne(ctx: Contexte, n: LigneNormalisee, modele: RapportLigne, trouvee: Collectivite, typeNouvelle: string | null, effets: Effets): Promise<RapportLigne> {
  const { strapi } = ctx;
  const rapport: RapportLigne = { ...modele, raisons: [], normalisations: [...modele.normalisations], avertissements: [...modele.avertissements], notes: [...modele.notes] };
  const collectivite = await assurerCollectivite(ctx, n, rapport, trouvee, typeNouvelle, effets);
  const offreurs = n.projet.offreurs ? await assurerOffreurs(ctx, n.projet.offreurs, rapport, effets) : undefined;
  const partenaires = n.projet.collectivitesPartenaires ? partenairesConnus(ctx, n.projet.collectivitesPartenaires, rapport) : undefined;
  const projets = documents(strapi, UID.projet);
  const attributs = strapi.getModel(UID.projet as StrapiUID.Schema).attributes as Record<string, { type: string; repeatable?: boolean }>;
  const relations = { collectivite: collectivite.documentId, offreurs, partenaires, notes: rapport.notes };

  const existant = await projetExistant(ctx, n, collectivite.documentId);
  let documentId: string;
  let ecrit = false;
  /** what the CMS refused of the row (left out, kept in the notes) */
  let refus: string | null = null;
  if (existant) {
    documentId = existant;
    const stocke = (await projets.findOne({ documentId, status: 'draft', populate: POPULATE_COMPARAISON })) ?? {};
    const data = donneesProjet(ctx, n.projet, relations, (stocke.evaluation as Record<string, unknown> | null) ?? null);
    let modifies = champsModifies(attributs, data, stocke);
    if (modifies.length > 0) {
      // A value refused again leaves the draft as the previous run wrote it: nothing to write then.
      refus = await enregistrer(ctx, n, rapport, data, async () => {
        if (champsModifies(attributs, data, stocke).length > 0) await projets.update({ documentId, data });
      });
      modifies = champsModifies(attributs, data, stocke);
    }
    if (modifies.length > 0) {
      const enLigne = !ctx.options.publier && (await aUneVersionPubliee(strapi, UID.projet, documentId));
      rapport.raisons.unshift(`champs modifiés : ${modifies.join(', ')}${enLigne ? ' (brouillon ; la version publiée reste celle d’avant jusqu’à sa publication)' : ''}`);
      ecrit = true;
    }
    rapport.resultat = modifies.length > 0 ? 'modifie' : 'inchange';
  } else {
    // Nothing the file does not say: no default statut for a row without one.
    const data = { statut: null, ...donneesProjet(ctx, n.projet, relations, null) };
    let cree: { documentId: string } | undefined;
    refus = await enregistrer(ctx, n, rapport, data, async () => {
      cree = (await projets.create({ data })) as { documentId: string };
    });
    documentId = (cree as { documentId: string }).documentId;
    rapport.resultat = 'cree';
    ecrit = true;
  }
  let enModeration = ecrit && !ctx.options.publier;
  if (ctx.options.publier && (ecrit || !(await aUneVersionPubliee(strapi, UID.projet, documentId)))) {
    // A value kept aside stands for a field left empty: a modérateur looks at it before anyone else does.
    const raison = refus ?? (n.aReprendre ? 'valeurs à reprendre (notes d’import)' : await publier(ctx, documentId));
    if (raison === null) {
      if (!ecrit) {
        rapport.resultat = 'modifie';
        rapport.raisons.unshift('publié');
      }
      ecrit = true;
    } else {
      rapport.nonPublie = raison;
      rapport.avertissements.push({ colonne: '', valeur: '', message: `non publié : ${raison} ; en modération` });
      enModeration = true;
    }
  }
  if (enModeration) {
    // Imported projets that are not published wait for the modérateurs (revue-editoriale plugin).
    await strapi.plugin('revue-editoriale')?.service('revue').placerEnModeration(UID.projet, documentId);
  }
  if (ecrit && n.dateMiseAJour) {
    // The source's « date de dernière mise à jour » stays the projet's: the content is the source's.
    await strapi.db.query(UID.projet).updateMany({ where: { documentId }, data: { updatedAt: new Date(`${n.dateMiseAJour}T00:00:00.000Z`) } });
  }
  // An unchanged projet whose offreurs or collectivité had to be created or completed counts as modified.
  if (rapport.resultat === 'inchange' && rapport.raisons.length > 0) rapport.resultat = 'modifie';
  rapport.documentId = documentId;
  return rapport;
}
