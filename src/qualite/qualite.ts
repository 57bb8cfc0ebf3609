/**
 * Quality aids for the modérateurs (docs/qualite.md): completeness by section and plain-language hints,
 * computed from the draft; broken links, from the link checker (liens.ts). The score and the link flags
 * are stored on the projet (Interne attributes of src/domaine/qualite/champs.ts) so that the admin list
 * filters and sorts by them; the panel « Qualité de la fiche » reads GET /qualite/projets/:documentId.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../domaine/regles-metier';
import { CHAMPS_QUALITE } from '../domaine/qualite/champs';
import { indicesLangageClair, type Indice } from '../domaine/qualite/langage-clair';
import { CODE_SUPER_ADMIN, NOM_ROLE_MODERATEUR } from '../plugins/revue-editoriale/public';
import { lireVersionPublique, lireVersionsPubliques } from '../transparence/projet-public';
import { completudeParSection, type CompletudeProjet } from './completude';
import { VerificationPeriodique, type LienCasse } from './liens';

/** The public texts the hints read: the summary shown on the cards, and the description. */
const TEXTES_CLAIRS = [
  { champ: 'resume', libelle: 'Résumé' },
  { champ: 'description', libelle: 'Description du service' },
] as const;

export interface QualiteProjet {
  documentId: string;
  completude: CompletudeProjet;
  langageClair: Array<{ champ: string; libelle: string; indices: Indice[] }>;
  liens: { casses: boolean; detail: LienCasse[]; verifiesLe: string | null };
}

function requisDuSchema(strapi: Core.Strapi): string[] {
  const attributs = strapi.contentType(UID.projet).attributes as Record<string, { required?: boolean }>;
  return Object.entries(attributs).filter(([, a]) => a.required).map(([nom]) => nom);
}

/** Completeness of the draft (what is being edited and reviewed), null when the projet does not exist. */
async function completudeDuBrouillon(strapi: Core.Strapi, documentId: string): Promise<{ completude: CompletudeProjet; resume: string | null; description: string | null } | null> {
  const projet = await lireVersionPublique(strapi, { documentId }, 'draft');
  if (!projet) return null;
  return { completude: completudeParSection(projet, requisDuSchema(strapi)), resume: projet.resume, description: projet.description };
}

export async function qualiteProjet(strapi: Core.Strapi, documentId: string): Promise<QualiteProjet | null> {
  const mesure = await completudeDuBrouillon(strapi, documentId);
  if (!mesure) return null;
  const ligne = (await strapi.db.query(UID.projet).findOne({
    select: ['liensCasses', 'liensCassesDetail', 'liensVerifiesLe'],
    where: { documentId, publishedAt: { $null: true } },
  })) as { liensCasses: boolean | null; liensCassesDetail: LienCasse[] | null; liensVerifiesLe: string | Date | null } | null;
  const verifiesLe = ligne?.liensVerifiesLe ?? null;
  return {
    documentId,
    completude: mesure.completude,
    langageClair: TEXTES_CLAIRS.map(({ champ, libelle }) => ({ champ, libelle, indices: indicesLangageClair(mesure[champ]) })),
    liens: {
      casses: ligne?.liensCasses === true,
      detail: Array.isArray(ligne?.liensCassesDetail) ? ligne.liensCassesDetail : [],
      verifiesLe: verifiesLe instanceof Date ? verifiesLe.toISOString() : verifiesLe,
    },
  };
}

/**
 * Stores the score of the draft on every version of the projet, around the Document Service: a computed
 * value is no edit (neither the review state nor the modification date move). Called inside the Document
 * Service chain, after the write, so the generation bump of that write (src/documents/generation.ts) covers it.
 */
export async function enregistrerScore(strapi: Core.Strapi, documentId: string): Promise<void> {
  const mesure = await completudeDuBrouillon(strapi, documentId);
  if (!mesure) return;
  await strapi.db.query(UID.projet).updateMany({ where: { documentId }, data: { scoreCompletude: mesure.completude.score } });
}

const ACTIONS_RECALCUL: ReadonlySet<string> = new Set(['create', 'update', 'publish', 'discardDraft', 'clone']);

/**
 * Document Service middleware: the quality attributes are never taken from a write (an agent's form
 * holding an old value must not overwrite the checker's), and the score follows each write of a projet.
 * Registered after the generation's middleware, hence inside it.
 */
export function enregistrerQualite(strapi: Core.Strapi): void {
  strapi.documents.use(async (contexte, suivant) => {
    if (contexte.uid !== UID.projet) return suivant();
    const params = contexte.params as { data?: Record<string, unknown>; documentId?: string };
    if (params.data && typeof params.data === 'object') for (const champ of CHAMPS_QUALITE) delete params.data[champ];
    const resultat = await suivant();
    if (ACTIONS_RECALCUL.has(contexte.action)) {
      const documentId = (resultat as { documentId?: string } | null)?.documentId ?? params.documentId;
      if (documentId) {
        // The write itself has succeeded: a failed score is reported, not turned into a failed write.
        await enregistrerScore(strapi, documentId).catch((erreur: Error) => strapi.log.error(`Complétude du projet ${documentId} non calculée : ${erreur.message}`));
      }
    }
    return resultat;
  });
}

/** Drafts read per round of the start-up scoring. */
const LOT_SCORES = 200;

/**
 * The projets saved before the score existed (or by a raw SQL import): scored once, at start-up, in
 * rounds of one read and one update per distinct score (one read and one update per projet held the
 * start-up of a 10,000-projet base for minutes).
 */
export async function calculerScoresManquants(strapi: Core.Strapi): Promise<number> {
  const lignes = (await strapi.db.query(UID.projet).findMany({ select: ['documentId'], where: { scoreCompletude: { $null: true }, publishedAt: { $null: true } } })) as Array<{ documentId: string }>;
  const requis = requisDuSchema(strapi);
  const documentIds = [...new Set(lignes.map((l) => l.documentId))];
  for (let debut = 0; debut < documentIds.length; debut += LOT_SCORES) {
    const parScore = new Map<number, string[]>();
    for (const projet of await lireVersionsPubliques(strapi, documentIds.slice(debut, debut + LOT_SCORES), 'draft')) {
      const score = completudeParSection(projet, requis).score;
      parScore.set(score, [...(parScore.get(score) ?? []), projet.documentId]);
    }
    for (const [score, ids] of parScore) {
      await strapi.db.query(UID.projet).updateMany({ where: { documentId: { $in: ids } }, data: { scoreCompletude: score } });
    }
    strapi.log.info(`Complétude calculée : ${Math.min(debut + LOT_SCORES, documentIds.length)} / ${documentIds.length} projet(s)`);
  }
  return documentIds.length;
}

type Contexte = {
  params: Record<string, string>;
  state: { user?: { roles?: Array<{ code: string; name: string }> } };
  status: number;
  body: unknown;
};

const erreur = (ctx: Contexte, status: 401 | 403 | 404, name: string, message: string) => {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message } };
};

/** GET /qualite/projets/:documentId, for the modérateurs (Super Admin included), the ones who act on it. */
async function lireQualite(strapi: Core.Strapi, ctx: Contexte): Promise<void> {
  const roles = ctx.state.user?.roles;
  if (!roles) return erreur(ctx, 401, 'UnauthorizedError', 'Connectez-vous à l’administration.');
  if (!roles.some((r) => r.code === CODE_SUPER_ADMIN || r.name === NOM_ROLE_MODERATEUR)) {
    return erreur(ctx, 403, 'ForbiddenError', 'Les aides à la qualité des fiches sont réservées aux modérateurs.');
  }
  const qualite = await qualiteProjet(strapi, ctx.params.documentId);
  if (!qualite) return erreur(ctx, 404, 'NotFoundError', 'Projet introuvable.');
  ctx.body = { data: qualite };
}

export const PREFIXE_ROUTES_QUALITE = '/qualite';

let verification: VerificationPeriodique | null = null;

/** Bootstrap: the admin route, the missing scores, the periodic link checker. */
export async function demarrerQualite(strapi: Core.Strapi): Promise<void> {
  strapi.server.routes({
    type: 'admin',
    prefix: PREFIXE_ROUTES_QUALITE,
    routes: [
      {
        method: 'GET',
        path: '/projets/:documentId',
        handler: (ctx: Contexte) => lireQualite(strapi, ctx),
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as never);
  await calculerScoresManquants(strapi);
  const liens = strapi.config.get('qualite.liens', { intervalleHeures: 0, concurrence: 4, delaiSecondes: 10, adressesPrivees: false }) as {
    intervalleHeures: number;
    concurrence: number;
    delaiSecondes: number;
    adressesPrivees: boolean;
  };
  verification = new VerificationPeriodique(strapi, liens.intervalleHeures * 3_600_000, {
    concurrence: liens.concurrence,
    delaiMs: liens.delaiSecondes * 1000,
    autoriserAdressesPrivees: liens.adressesPrivees,
  });
  verification.demarrer();
}

export async function arreterQualite(): Promise<void> {
  await verification?.arreter();
  verification = null;
}
