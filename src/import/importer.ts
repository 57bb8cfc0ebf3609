/**
 * Imports an Interconnectés file (CSV, XLSX or ODS) into the CMS (README, « Import de la bibliothèque existante »).
 * Thin glue around the pure modules of src/domaine/interconnectes: every write goes through
 * strapi.documents, so the invariants of src/documents apply; each row runs in its own transaction, so a
 * bad row leaves nothing behind and never stops the others. A dry run runs the very same code and rolls
 * every row back: its report is what a real run would do.
 * Here the orchestration (file, rows, transaction, dry run); the context and its in-memory view of the
 * database in contexte.ts, the collectivités in collectivites.ts, the writes in ecriture.ts, the report
 * in rapport.ts.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { correspondreColonnes, erreurColonnes } from '../domaine/interconnectes/colonnes';
import { FichierIllisible, lireFichier, type FichierLu } from '../domaine/interconnectes/lecture-fichier';
import { cleProjet, normaliserLigne, type LigneNormalisee } from '../domaine/interconnectes/ligne';
import { collectivitePorteuse } from './collectivites';
import { appliquerEffets, preparerContexte, type Contexte, type Effets, type OptionsImport } from './contexte';
import { ecrireLigne } from './ecriture';
import { messageProgression, rapportDeLigne, rapportVide, rejet, type RapportImport, type RapportLigne } from './rapport';
import { avecReprise, REPRISE_PAR_DEFAUT } from './reprise';
import { AUTEUR_SYSTEME } from '../domaine/journal';
import { UID } from '../domaine/regles-metier';
import { journaliser } from '../journal/journal';

export type { OptionsImport } from './contexte';
export type { RapportImport, RapportLigne, Resultat } from './rapport';

/** The file to import: its name (tells the format, with the first bytes) and its content. */
export interface SourceImport {
  nom: string;
  octets: Uint8Array;
}

class Simulation extends Error {
  constructor(readonly ligne: RapportLigne) {
    super('simulation');
  }
}

export interface FichierAnalyse {
  rapport: RapportImport;
  lu: FichierLu | null;
  /** index in the file → Table Schema column */
  colonnes: Array<string | null>;
}

/** Reads and checks the file as a whole (format, encoding, separator, columns), without Strapi. */
export async function analyserFichier(source: SourceImport, options: OptionsImport = {}): Promise<FichierAnalyse> {
  let lu: FichierLu;
  try {
    lu = lireFichier(source.nom, source.octets);
  } catch (erreur) {
    if (!(erreur instanceof FichierIllisible)) throw erreur;
    return { rapport: { ...rapportVide(source.nom, options), erreurFichier: erreur.message }, lu: null, colonnes: [] };
  }
  const rapport = rapportVide(source.nom, options, lu);
  const correspondance = correspondreColonnes(lu.entetes);
  rapport.colonnesInconnues = correspondance.inconnues;
  rapport.lecturesColonnes = correspondance.lectures;
  rapport.erreurFichier = erreurColonnes(lu.entetes, correspondance);
  if (!rapport.erreurFichier && lu.lignes.length === 0) {
    rapport.erreurFichier = 'Le fichier ne contient que la ligne d’en-tête : aucun projet à importer.';
  }
  const { colonnes } = correspondance;
  return { rapport, lu, colonnes };
}

/** Reads, checks and imports a file; never throws for a problem of the file or of a row (it is in the report). */
export async function importerProjets(strapi: Core.Strapi, source: SourceImport, options: OptionsImport = {}): Promise<RapportImport> {
  const { rapport, lu, colonnes } = await analyserFichier(source, options);
  if (rapport.erreurFichier || !lu) return rapport;

  const ctx = await preparerContexte(strapi, options);
  for (const [index, { numero, valeurs }] of lu.lignes.entries()) {
    const cellules: Record<string, string> = {};
    const brutes: Record<string, string> = {};
    colonnes.forEach((colonne, i) => {
      if (colonne) cellules[colonne] = valeurs[i] ?? '';
    });
    const horsColonnes: Record<string, string> = {};
    lu.entetes.forEach((entete, i) => {
      brutes[entete] = valeurs[i] ?? '';
      if (colonnes[i] === null && entete.trim() !== '') horsColonnes[entete] = valeurs[i] ?? '';
    });
    const ligne = await importerLigne(ctx, normaliserLigne(numero, cellules, ctx.nomsComposes, horsColonnes), brutes);
    rapport.lignes.push(ligne);
    rapport.bilan[ligne.resultat] += 1;
    await options.avancement?.(index + 1, lu.lignes.length);
    options.progression?.(messageProgression(index + 1, lu.lignes.length, numero, ligne));
  }
  if (!options.simulation) {
    // One entry per import, with its counts; each document written has its own entry too (Document Service).
    await journaliser(strapi, {
      action: 'import',
      ...(options.auteur ?? AUTEUR_SYSTEME),
      typeCible: 'Projet',
      uidCible: UID.projet,
      documentCible: null,
      libelleCible: source.nom.slice(0, 255),
      details: { lignes: rapport.lignes.length, bilan: rapport.bilan, publication: rapport.publication },
    });
  }
  return rapport;
}

async function importerLigne(ctx: Contexte, n: LigneNormalisee, cellules: Record<string, string>): Promise<RapportLigne> {
  const rapport = rapportDeLigne(n, cellules);
  if (n.erreurs.length > 0) return rejet(rapport, n.erreurs.map((e) => `${e.colonne} : ${e.message}`));

  const porteuse = collectivitePorteuse(ctx, n, rapport);
  if ('raisons' in porteuse) return rejet(rapport, porteuse.raisons);
  const { collectivite, typeNouvelle } = porteuse;
  rapport.collectivite = collectivite.nom;

  const cle = cleProjet(collectivite.documentId || `siren:${collectivite.siren}`, n.projet.nom);
  const premiere = ctx.vues.get(cle);
  if (premiere !== undefined) return rejet(rapport, [`doublon de la ligne ${premiere} (même collectivité, même nom de projet)`]);
  ctx.vues.set(cle, n.numero);

  let effets: Effets = { offreurs: [] };
  try {
    const resultat = await avecReprise(
      () => {
        effets = { offreurs: [] };
        return ctx.strapi.db.transaction(async () => {
          const ligne = await ecrireLigne(ctx, n, rapport, collectivite, typeNouvelle, effets);
          if (ctx.options.simulation) throw new Simulation(ligne);
          return ligne;
        });
      },
      { ...REPRISE_PAR_DEFAUT, surConflit: (essai) => ctx.strapi.log.warn(`Import, ligne ${n.numero} : base occupée par un autre processus, essai ${essai + 1}`) },
    );
    appliquerEffets(ctx, effets, false);
    return resultat;
  } catch (erreur) {
    if (erreur instanceof Simulation) {
      appliquerEffets(ctx, effets, true);
      // A document created then rolled back has no identifier worth reporting.
      return erreur.ligne.resultat === 'cree' ? { ...erreur.ligne, documentId: null } : erreur.ligne;
    }
    if (erreur instanceof errors.ValidationError) return rejet(rapport, [erreur.message]);
    ctx.strapi.log.error(`Import, ligne ${n.numero} : ${(erreur as Error).stack ?? String(erreur)}`);
    return rejet(rapport, [`erreur inattendue : ${(erreur as Error).message}`]);
  }
}
