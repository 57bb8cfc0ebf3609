/**
 * Syntheses for the front-ends: what a collectivité does (GET /api/collectivites/:documentId/synthese)
 * and who uses an offreur (GET /api/offreurs/:documentId/synthese). Published documents and public
 * fields only, as for anyone (docs/visibilite.md): the projection comes from the schemas
 * (`transparence/projet-public.ts`), so a Restreint attribute is never read. A constant number of
 * Document Service reads per synthesis (no read per projet); the grouping is in `regroupement.ts`.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../domaine/regles-metier';
import { attributs, champsPublics, sansId } from '../transparence/projet-public';
import {
  compterOffreurs,
  grouperParCollectivite,
  memeEntreprise,
  type CollectiviteReference,
  type CollectiviteUtilisatrice,
  type OffreurReference,
  type OffreurUtilise,
  type ProjetCourt,
} from './regroupement';

export const COLLECTIVITE_INTROUVABLE = 'Collectivité introuvable : aucune collectivité n’a cet identifiant (documentId).';
export const OFFREUR_INTROUVABLE = 'Offreur introuvable : aucun offreur publié n’a cet identifiant (documentId).';

const CHAMPS_PROJET = ['slug', 'nom', 'resume', 'statut'];
const REFERENCE = { fields: ['slug', 'nom', 'type'] };
const THEMATIQUE = { fields: ['slug', 'nom'] };

export interface InitiativeSynthese {
  documentId: string;
  slug: string | null;
  titre: string;
  type: string;
  statut: string;
  dateAdoption: string | null;
  lien: string | null;
  /** `porteuse`: the collectivité adopted it; `associee`: it is one of the collectivités associated. */
  role: 'porteuse' | 'associee';
}

export interface SyntheseCollectivite {
  collectivite: Record<string, unknown>;
  projets: { porteuse: ProjetCourt[]; partenaire: ProjetCourt[] };
  offreurs: OffreurUtilise[];
  initiatives: InitiativeSynthese[];
}

export interface SyntheseOffreur {
  offreur: Record<string, unknown>;
  /** The published offreurs counted as the same company (same SIREN), this one included. */
  memeEntreprise: string[];
  collectivites: CollectiviteUtilisatrice[];
}

type Brut = Record<string, unknown>;

async function lire(strapi: Core.Strapi, uid: string, requete: Record<string, unknown>): Promise<Brut[]> {
  const lignes = await strapi.documents(uid as typeof UID.projet).findMany({ status: 'published', ...requete } as never);
  return sansId(lignes as unknown as Brut[]);
}

async function lireUn(strapi: Core.Strapi, uid: string, documentId: string): Promise<Brut | null> {
  const [brut] = await lire(strapi, uid, { filters: { documentId: { $eq: documentId } }, fields: champsPublics(attributs(strapi, uid)), limit: 1 });
  return brut ?? null;
}

function projetCourt(brut: Brut): ProjetCourt {
  return {
    documentId: String(brut.documentId),
    slug: (brut.slug as string | null) ?? null,
    nom: String(brut.nom),
    resume: (brut.resume as string | null) ?? null,
    statut: (brut.statut as string | null) ?? null,
    thematique: (brut.thematique as ProjetCourt['thematique'] | undefined) ?? null,
  };
}

const liste = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

/** The synthesis of a collectivité; null when no collectivité has this documentId. */
export async function syntheseCollectivite(strapi: Core.Strapi, documentId: string): Promise<SyntheseCollectivite | null> {
  const collectivite = await lireUn(strapi, UID.collectivite, documentId);
  if (!collectivite) return null;
  const deLaCollectivite = (porteuse: string, associees: string) => ({
    $or: [{ [porteuse]: { documentId: { $eq: documentId } } }, { [associees]: { documentId: { $eq: documentId } } }],
  });
  const [projets, initiatives] = await Promise.all([
    lire(strapi, UID.projet, {
      filters: deLaCollectivite('collectivite', 'collectivitesPartenaires'),
      fields: CHAMPS_PROJET,
      populate: { thematique: THEMATIQUE, collectivite: { fields: ['documentId'] }, offreurs: REFERENCE },
      sort: ['nom:asc', 'documentId:asc'],
    }),
    lire(strapi, UID.initiative, {
      filters: deLaCollectivite('collectivite', 'collectivitesAssociees'),
      fields: ['slug', 'titre', 'type', 'statut', 'dateAdoption', 'lien'],
      populate: { collectivite: { fields: ['documentId'] } },
      sort: ['titre:asc', 'documentId:asc'],
    }),
  ]);
  const porte = (b: Brut) => (b.collectivite as { documentId?: string } | null | undefined)?.documentId === documentId;
  return {
    collectivite,
    projets: { porteuse: projets.filter(porte).map(projetCourt), partenaire: projets.filter((p) => !porte(p)).map(projetCourt) },
    offreurs: compterOffreurs(projets.map((p) => ({ documentId: String(p.documentId), offreurs: liste<OffreurReference>(p.offreurs) }))),
    initiatives: initiatives.map(({ collectivite: porteuse, ...i }) => ({
      ...(i as Omit<InitiativeSynthese, 'role'>),
      dateAdoption: (i.dateAdoption as string | null) ?? null,
      lien: (i.lien as string | null) ?? null,
      role: porte({ collectivite: porteuse }) ? 'porteuse' : 'associee',
    })),
  };
}

/** The synthesis of a published offreur; null when no offreur of this documentId is published. */
export async function syntheseOffreur(strapi: Core.Strapi, documentId: string): Promise<SyntheseOffreur | null> {
  const offreur = await lireUn(strapi, UID.offreur, documentId);
  if (!offreur) return null;
  const siren = (offreur.siren as string | null) ?? null;
  // Few offreurs have a SIREN: they are compared in memory, whatever separators were typed.
  const avecSiren = siren === null ? [] : await lire(strapi, UID.offreur, { filters: { siren: { $notNull: true } }, fields: ['siren'] });
  const ids = memeEntreprise(
    { documentId, siren },
    avecSiren.map((o) => ({ documentId: String(o.documentId), siren: (o.siren as string | null) ?? null })),
  );
  const projets = await lire(strapi, UID.projet, {
    filters: { offreurs: { documentId: { $in: ids } } },
    fields: CHAMPS_PROJET,
    populate: { thematique: THEMATIQUE, collectivite: REFERENCE, collectivitesPartenaires: REFERENCE },
  });
  return {
    offreur,
    memeEntreprise: ids,
    collectivites: grouperParCollectivite(
      projets.map((p) => ({
        ...projetCourt(p),
        collectivite: (p.collectivite as CollectiviteReference | undefined) ?? null,
        collectivitesPartenaires: liste<CollectiviteReference>(p.collectivitesPartenaires),
      })),
    ),
  };
}
