/**
 * Completeness of a projet by section of its admin form (docs/qualite.md): for each section, what the
 * fiche de transparence counts (src/transparence/fiche.ts), what the national schema of open data requires
 * (COLONNES_REQUISES_PUBLICATION) and what publication requires (manquantsPourPublier), filled or not.
 * Built on those rules, never on a list of its own: a field the fiche starts counting shows here at once.
 * Pure: the projet is read by the glue (src/qualite/qualite.ts).
 */
import { ECRAN_PROJET } from '../admin-config/libelles/projet';
import { COLONNES_REQUISES_PUBLICATION, manquantsPourPublier, RELATIONS_REQUISES, VALEURS_REQUISES, VALEURS_REQUISES_SI } from '../domaine/regles-metier';
import { construireFiche } from '../transparence/fiche';
import type { ProjetPublic } from '../transparence/projet-public';

/** Why an item is expected. */
export type Exigence = 'fiche' | 'schema_national' | 'publication';

export const LIBELLES_EXIGENCES: Readonly<Record<Exigence, string>> = {
  fiche: 'fiche de transparence',
  schema_national: 'schéma national des données ouvertes',
  publication: 'obligatoire pour publier',
};

export interface Item {
  cle: string;
  libelle: string;
  /** Attribute of the projet that holds it (the admin field). */
  champ: string;
  renseigne: boolean;
  exigences: Exigence[];
}

export interface CompletudeSection {
  titre: string;
  renseignes: number;
  attendus: number;
  pourcentage: number;
  items: Item[];
}

export interface CompletudeProjet {
  /** Rounded down over all the items, so that 100 means nothing is missing. */
  score: number;
  renseignes: number;
  attendus: number;
  /** Nothing publication requires is missing. */
  publiable: boolean;
  sections: CompletudeSection[];
}

/** Fiche items held inside a component or a related document, by the admin field that holds them. */
const CHAMP_DES_ELEMENTS: Readonly<Record<string, string>> = {
  proportionnalite: 'evaluation',
  objection: 'evaluation',
  evaluationsImpact: 'evaluation',
  risqueCategorie: 'evaluation',
  risque: 'evaluation',
  erreur: 'evaluation',
  niveauAutomatisation: 'evaluation',
  decision: 'evaluation',
  interventionHumaine: 'evaluation',
  explicabilite: 'evaluation',
  reversibilite: 'evaluation',
  siteWebCollectivite: 'collectivite',
};

/** Labels of the national schema's columns read from a related document (the others are fiche items too). */
const LIBELLES_ATTRIBUTS_CIBLES: Readonly<Record<string, string>> = {
  'collectivite.siren': 'SIREN de la collectivité porteuse',
  'collectivite.type': 'Type de la collectivité porteuse',
  'collectivite.nom': 'Collectivité porteuse',
};

const pourcentage = (renseignes: number, attendus: number) => (attendus === 0 ? 100 : Math.floor((renseignes * 100) / attendus));

/** Attributes publication requires for this projet: the schema's `required` ones given, plus the rules'. */
function requisPourPublier(p: ProjetPublic, requisDuSchema: readonly string[]): Set<string> {
  const valeurs = p as unknown as Record<string, unknown>;
  return new Set([
    ...requisDuSchema,
    ...(RELATIONS_REQUISES['api::projet.projet'] ?? []),
    ...(VALEURS_REQUISES['api::projet.projet'] ?? []),
    ...(VALEURS_REQUISES_SI['api::projet.projet'] ?? []).filter((r) => valeurs[r.si] === r.vaut).map((r) => r.champ),
  ]);
}

/**
 * The completeness of a projet (its draft, or its published version) by admin section. `requisDuSchema`:
 * the attributes whose schema says `required`.
 */
export function completudeParSection(p: ProjetPublic, requisDuSchema: readonly string[]): CompletudeProjet {
  const fiche = construireFiche(p);
  const items = new Map<string, Item>();
  const ajouter = (item: Item) => {
    const existant = items.get(item.cle);
    if (existant) existant.exigences = [...new Set([...existant.exigences, ...item.exigences])];
    else items.set(item.cle, item);
  };
  for (const element of [...fiche.essentiel.sections, ...fiche.detail.sections].flatMap((s) => s.elements)) {
    if (!element.attendu) continue;
    ajouter({ cle: element.cle, libelle: element.libelle, champ: CHAMP_DES_ELEMENTS[element.cle] ?? element.cle, renseigne: element.etat === 'renseigne', exigences: ['fiche'] });
  }

  const manquants = manquantsPourPublier('api::projet.projet', p as unknown as Record<string, unknown>, {
    collectivite: p.collectivite ? [{ ...p.collectivite }] : [],
    thematique: p.thematique ? [{ documentId: p.thematique.slug, ...p.thematique }] : [],
    publics: p.publics.map((t) => ({ documentId: t.slug, ...t })),
  });
  for (const cible of Object.values(COLONNES_REQUISES_PUBLICATION)) {
    if (!cible) continue;
    const [champ, attribut] = cible.split('.');
    if (attribut && attribut !== 'nom') {
      const manque = !p.collectivite || manquants.some((m) => m.champ === champ && m.attribut === attribut);
      ajouter({ cle: cible, libelle: LIBELLES_ATTRIBUTS_CIBLES[cible] ?? cible, champ, renseigne: !manque, exigences: ['schema_national'] });
    } else {
      const existant = items.get(champ);
      if (existant) ajouter({ ...existant, exigences: ['schema_national'] });
    }
  }
  // A relation holding only targets the national schema has no word for (« Autre ») is not filled for it.
  for (const m of manquants) {
    const item = items.get(m.champ);
    if (item && m.horsSchema) item.renseigne = false;
  }
  const requis = requisPourPublier(p, requisDuSchema);
  for (const item of items.values()) if (requis.has(item.cle)) ajouter({ ...item, exigences: ['publication'] });

  const sections: CompletudeSection[] = [];
  for (const section of ECRAN_PROJET.sections ?? []) {
    const champs = new Set(section.lignes.flat().map((e) => e.champ));
    const dedans = [...items.values()].filter((i) => champs.has(i.champ));
    if (dedans.length === 0) continue;
    const renseignes = dedans.filter((i) => i.renseigne).length;
    sections.push({ titre: section.titre, renseignes, attendus: dedans.length, pourcentage: pourcentage(renseignes, dedans.length), items: dedans });
  }
  const tous = sections.flatMap((s) => s.items);
  const renseignes = tous.filter((i) => i.renseigne).length;
  return {
    score: pourcentage(renseignes, tous.length),
    renseignes,
    attendus: tous.length,
    publiable: manquants.length === 0 && tous.every((i) => i.renseigne || !i.exigences.includes('publication')),
    sections,
  };
}
