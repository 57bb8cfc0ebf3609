/**
 * The fiche de transparence of a published projet (docs/transparence.md): what it does, who answers for
 * it, how to contest it, then the detail, then the items the CRPA asks of an administration using an
 * algorithmic processing. Built from a `ProjetPublic` only (src/transparence/projet-public.ts): the
 * Restreint blocks `donnees` and `algorithme` are never read, their items say « non publié » whatever
 * their content. Pure: no Strapi import.
 */
import { libelleValeur } from '../admin-config/valeurs';
import { UID } from '../domaine/regles-metier';
import type { ProjetPublic } from './projet-public';

/** Address of the HTML fiche, outside /api (served by src/transparence/page-html.ts). */
export const CHEMIN_FICHE_HTML = '/transparence';

/** Filled, empty, or kept out of the public fiche (Restreint: whether it is filled is not said either). */
export type Etat = 'renseigne' | 'non_renseigne' | 'non_publie';

export const LIBELLES_ETAT: Readonly<Record<Etat, string>> = {
  renseigne: 'Renseigné',
  non_renseigne: 'Non renseigné',
  non_publie: 'Non publié dans la fiche publique',
};

/** One value shown: a text, a link when `url` is set. */
export interface Contenu {
  texte: string;
  url?: string;
}

export interface Element {
  cle: string;
  libelle: string;
  contenus: Contenu[];
  etat: Exclude<Etat, 'non_publie'>;
  /** Counted in the completeness score (e.g. the motive of abandonment only for an abandoned projet). */
  attendu: boolean;
}

export interface Section {
  titre: string;
  elements: Element[];
  /** A fixed explanation shown under the section. */
  note?: string;
}

export interface Completude {
  renseignes: number;
  attendus: number;
  /** Rounded down, so that 100 % means nothing is missing. */
  pourcentage: number;
  manquants: string[];
}

export interface Niveau {
  titre: string;
  sections: Section[];
  completude: Completude;
}

export interface MentionLegale {
  reference: string;
  exigence: string;
  etat: Etat;
  contenus: Contenu[];
}

export interface Fiche {
  documentId: string;
  slug: string | null;
  nom: string;
  publieLe: string;
  misAJourLe: string;
  essentiel: Niveau;
  detail: Niveau;
  mentionsLegales: MentionLegale[];
  /** Over the public items of both tiers (the legal items repeat them or are not public). */
  completude: Completude;
}

/** Where the Restreint items can be read. */
export const OU_LIRE_RESTREINT =
  'Réservé aux membres de l’espace de confiance de la bibliothèque (agents des collectivités) : ils le lisent sur la fiche complète du projet, après connexion.';

const PROJET = UID.projet;
const EVALUATION = 'projet.evaluation';

const texte = (valeur: string | null | undefined): Contenu[] => (valeur && valeur.trim() !== '' ? [{ texte: valeur.trim() }] : []);
const lien = (titre: string, url: string | null | undefined): Contenu[] => (url && url.trim() !== '' ? [{ texte: titre, url: url.trim() }] : []);
const mot = (modele: string, attribut: string, valeur: string | null | undefined): Contenu[] =>
  valeur ? [{ texte: libelleValeur(modele, attribut, valeur) }] : [];

/** 'AAAA-MM-JJ' → « mars 2024 »: only the month and year of the start are public (src/admin-config/libelles/projet.ts). */
export function moisAnnee(date: string | null): Contenu[] {
  if (!date || !/^\d{4}-\d{2}/.test(date)) return [];
  const libelle = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date.slice(0, 7)}-01T00:00:00Z`));
  return [{ texte: libelle }];
}

/** 'AAAA-MM-JJ' → « 15 mars 2025 ». */
export function dateLongue(date: string | null): Contenu[] {
  if (!date || !/^\d{4}-\d{2}-\d{2}/.test(date)) return [];
  return [{ texte: new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date.slice(0, 10)}T00:00:00Z`)) }];
}

function element(cle: string, libelle: string, contenus: Contenu[], attendu = true): Element {
  return { cle, libelle, contenus, etat: contenus.length > 0 ? 'renseigne' : 'non_renseigne', attendu };
}

export function completude(elements: readonly Element[]): Completude {
  const attendus = elements.filter((e) => e.attendu);
  const renseignes = attendus.filter((e) => e.etat === 'renseigne').length;
  return {
    renseignes,
    attendus: attendus.length,
    pourcentage: attendus.length === 0 ? 100 : Math.floor((renseignes * 100) / attendus.length),
    manquants: attendus.filter((e) => e.etat === 'non_renseigne').map((e) => e.libelle),
  };
}

function niveau(titre: string, sections: Section[]): Niveau {
  return { titre, sections, completude: completude(sections.flatMap((s) => s.elements)) };
}

function essentiel(p: ProjetPublic): Niveau {
  const e = p.evaluation;
  const c = p.collectivite;
  const termine = p.statut === 'termine' || p.statut === 'abandonne';
  return niveau('L’essentiel', [
    {
      titre: 'De quoi s’agit-il ?',
      elements: [element('nom', 'Nom du projet', texte(p.nom)), element('resume', 'Résumé', texte(p.resume))],
    },
    {
      titre: 'Pourquoi ?',
      elements: [
        element('description', 'Description du service', texte(p.description)),
        element('proportionnalite', 'Proportionnalité (pourquoi ce traitement est justifié)', texte(e?.proportionnalite)),
      ],
    },
    {
      titre: 'Qui en est responsable ?',
      elements: [
        element('collectivite', 'Collectivité porteuse', c ? [{ texte: `${c.nom} (${libelleValeur(UID.collectivite, 'type', c.type)})` }] : []),
        element(
          'collectivitesPartenaires',
          'Collectivités partenaires',
          p.collectivitesPartenaires.map((cp) => ({ texte: cp.nom })),
          false,
        ),
        element(
          'offreurs',
          'Offreurs et partenaires',
          p.offreurs.map((o) => ({ texte: `${o.nom} (${libelleValeur(UID.offreur, 'type', o.type)})`, ...(o.siteWeb ? { url: o.siteWeb } : {}) })),
        ),
        element('roleOffreurs', 'Rôle des offreurs', texte(p.roleOffreurs)),
      ],
    },
    {
      titre: 'Qui contacter ?',
      elements: [
        element('siteWebCollectivite', 'Site de la collectivité porteuse', lien(c?.siteWeb ?? '', c?.siteWeb)),
        element('lienInformation', 'Page d’information sur le projet', lien(p.lienInformation ?? '', p.lienInformation)),
      ],
      note:
        'Aucune adresse de contact n’est publiée : celle du service responsable est réservée aux membres de l’espace de confiance. Écrivez à la collectivité par son site ou par la page d’information du projet.',
    },
    {
      titre: 'Comment contester ?',
      elements: [
        element('voiesDeRecours', 'Voies de recours', texte(p.voiesDeRecours)),
        element('objection', 'Droit d’opposition', texte(e?.objection)),
      ],
    },
    {
      titre: 'Où en est le projet ?',
      elements: [
        element('statut', 'Statut', mot(PROJET, 'statut', p.statut)),
        element('dateDemarrage', 'Démarrage (mois et année)', moisAnnee(p.dateDemarrage)),
        element('dateFin', 'Date de fin', dateLongue(p.dateFin), termine),
        element('motifAbandon', 'Motif d’abandon', texte(p.motifAbandon), p.statut === 'abandonne'),
      ],
    },
  ]);
}

function detail(p: ProjetPublic): Niveau {
  const e = p.evaluation;
  return niveau('Le détail', [
    {
      titre: 'Cadre juridique',
      elements: [
        element('baseLegale', 'Base légale', texte(p.baseLegale)),
        element('lienDeliberation', 'Délibération', lien('Délibération de la collectivité', p.lienDeliberation)),
        element(
          'evaluationsImpact',
          'Analyses d’impact',
          (e?.evaluationsImpact ?? []).map((l) => ({ texte: l.titre, ...(l.url ? { url: l.url } : {}) })),
        ),
      ],
    },
    {
      titre: 'Risques',
      elements: [
        element('risqueCategorie', 'Catégorie de risque (règlement européen sur l’IA)', mot(EVALUATION, 'risqueCategorie', e?.risqueCategorie)),
        element('risque', 'Évaluation des risques', texte(e?.risque)),
        element('erreur', 'Niveau d’erreur', mot(EVALUATION, 'erreur', e?.erreur)),
      ],
    },
    {
      titre: 'Décision et contrôle humain',
      elements: [
        element('niveauAutomatisation', 'Niveau d’automatisation', mot(EVALUATION, 'niveauAutomatisation', e?.niveauAutomatisation)),
        element('decision', 'Place dans la décision', texte(e?.decision)),
        element('interventionHumaine', 'Intervention humaine', texte(e?.interventionHumaine)),
        element('explicabilite', 'Explicabilité', mot(EVALUATION, 'explicabilite', e?.explicabilite)),
        element('reversibilite', 'Réversibilité', texte(e?.reversibilite)),
      ],
    },
    {
      titre: 'Domaine',
      elements: [
        element('thematique', 'Thématique', p.thematique ? [{ texte: p.thematique.nom }] : []),
        element('sousThematiques', 'Sous-thématiques', p.sousThematiques.map((t) => ({ texte: t.nom }))),
        element('publics', 'Publics concernés', p.publics.map((t) => ({ texte: t.nom }))),
      ],
    },
    {
      titre: 'Ressources partagées',
      elements: [
        element(
          'ressources',
          'Ressources publiques',
          p.ressources.map((r) => ({
            texte: [r.titre, libelleValeur(UID.ressource, 'type', r.type), r.licence ? `licence ${r.licence}` : null].filter(Boolean).join(' — '),
            ...(r.url ? { url: r.url } : {}),
          })),
          false,
        ),
      ],
    },
  ]);
}

/** CRPA, algorithmic processing behind individual decisions: items 2° to 4° are in Restreint blocks. */
function mentionsLegales(p: ProjetPublic, essentiel: Niveau, detail: Niveau): MentionLegale[] {
  const publics = new Map([...essentiel.sections, ...detail.sections].flatMap((s) => s.elements).map((el) => [el.cle, el]));
  const contribution = ['niveauAutomatisation', 'decision', 'interventionHumaine'].flatMap((cle) => {
    const el = publics.get(cle);
    return el && el.etat === 'renseigne' ? el.contenus.map((c) => ({ texte: `${el.libelle} : ${c.texte}` })) : [];
  });
  const nonPublie = (reference: string, exigence: string): MentionLegale => ({ reference, exigence, etat: 'non_publie', contenus: [{ texte: OU_LIRE_RESTREINT }] });
  const automatisation = p.evaluation?.niveauAutomatisation;
  const mention: Contenu[] = !automatisation
    ? []
    : automatisation === 'sans_decision_individuelle'
      ? [{ texte: 'Selon la collectivité, ce traitement ne fonde pas de décision individuelle.' }]
      : [{ texte: `Ce traitement contribue à des décisions individuelles (${libelleValeur(EVALUATION, 'niveauAutomatisation', automatisation)}) : chacune doit porter la mention explicite.` }];
  return [
    {
      reference: 'CRPA, art. L311-3-1',
      exigence:
        'Une décision individuelle prise sur le fondement d’un traitement algorithmique comporte une mention explicite en informant l’intéressé ; les règles du traitement lui sont communiquées s’il le demande.',
      etat: mention.length > 0 ? 'renseigne' : 'non_renseigne',
      contenus: mention,
    },
    {
      reference: 'CRPA, art. R311-3-1-2, 1°',
      exigence: 'Le degré et le mode de contribution du traitement algorithmique à la prise de décision.',
      etat: contribution.length > 0 ? 'renseigne' : 'non_renseigne',
      contenus: contribution,
    },
    nonPublie('CRPA, art. R311-3-1-2, 2°', 'Les données traitées et leurs sources.'),
    nonPublie('CRPA, art. R311-3-1-2, 3°', 'Les paramètres de traitement et, le cas échéant, leur pondération, appliqués à la situation de l’intéressé.'),
    nonPublie('CRPA, art. R311-3-1-2, 4°', 'Les opérations effectuées par le traitement.'),
    nonPublie(
      'CRPA, art. L312-1-3',
      'Les administrations publient en ligne les règles définissant les principaux traitements algorithmiques utilisés dans l’accomplissement de leurs missions lorsqu’ils fondent des décisions individuelles.',
    ),
  ];
}

export function construireFiche(p: ProjetPublic): Fiche {
  const n1 = essentiel(p);
  const n2 = detail(p);
  return {
    documentId: p.documentId,
    slug: p.slug,
    nom: p.nom,
    publieLe: p.publishedAt,
    misAJourLe: p.updatedAt,
    essentiel: n1,
    detail: n2,
    mentionsLegales: mentionsLegales(p, n1, n2),
    completude: completude([...n1.sections, ...n2.sections].flatMap((s) => s.elements)),
  };
}

export interface Adresses {
  html: string;
  json: string;
}

/** The two addresses of a fiche; `base` is the public address of the CMS (may be empty: relative addresses). */
export function adressesFiche(base: string, p: { documentId: string; slug: string | null }): Adresses {
  const racine = base.replace(/\/$/, '');
  return {
    html: `${racine}${CHEMIN_FICHE_HTML}/${encodeURIComponent(p.slug ?? p.documentId)}`,
    json: `${racine}/api/projets/${encodeURIComponent(p.documentId)}/transparence`,
  };
}
