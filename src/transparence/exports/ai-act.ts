/**
 * What a deployer that is a public authority registers for a high-risk AI system: Regulation (EU)
 * 2024/1689, Annex VIII, Section C, under Article 49(3) (definition: donnees/registres/ai-act/schema.json;
 * mapping table: docs/exports-registres.md). Other projets get `applicable: false` and the reason.
 */
import type { ProjetPublic } from '../projet-public';
import { Releve, texte, type ExportRegistre } from './commun';

interface Coordonnees {
  name?: string;
  address?: string;
  contact_details?: string;
}

export interface EnregistrementAiAct {
  regulation: 'Regulation (EU) 2024/1689';
  annex: 'Annex VIII, Section C';
  applicable: boolean;
  reason?: string;
  items?: {
    deployer: Coordonnees;
    submitter: Coordonnees;
    eu_database_entry_url?: string;
    fundamental_rights_impact_assessment_summary?: string;
    data_protection_impact_assessment_summary?: string;
  };
}

const LIBELLES_RISQUE: Readonly<Record<string, string>> = {
  minimal: 'risque minimal',
  limite: 'risque limité',
  inacceptable: 'risque inacceptable (pratique interdite, article 5 du règlement)',
};

/** Why Section C does not apply to this projet, or null when it does. */
export function motifNonApplicable(projet: ProjetPublic): string | null {
  const categorie = projet.evaluation?.risqueCategorie ?? null;
  if (categorie === 'eleve') return null;
  const classe = categorie ? `classé par la collectivité en ${LIBELLES_RISQUE[categorie] ?? categorie}` : 'sans catégorie de risque renseignée';
  return `L’annexe VIII, section C, ne concerne que les systèmes d’IA à haut risque ; ce projet est ${classe}.`;
}

export function versAiAct(projet: ProjetPublic, _base: string): ExportRegistre<EnregistrementAiAct> {
  const entete = { regulation: 'Regulation (EU) 2024/1689', annex: 'Annex VIII, Section C' } as const;
  const motif = motifNonApplicable(projet);
  if (motif) return { document: { ...entete, applicable: false, reason: motif }, champsNonRenseignes: [] };

  const releve = new Releve();
  const points = releve.sous('items');
  const deployer = points.sous('deployer').objet<Coordonnees>({
    name: projet.collectivite?.nom ?? null,
    // The library keeps no postal address of a collectivité.
    address: null,
    contact_details: texte(projet.collectivite?.siteWeb),
  });
  // The person who submits is the projet's contact, which is Restreint.
  const submitter = points.sous('submitter').objet<Coordonnees>({ name: null, address: null, contact_details: null });
  const suite = points.objet<Omit<NonNullable<EnregistrementAiAct['items']>, 'deployer' | 'submitter'>>({
    // The provider's entry in the EU database, the FRIA findings and the DPIA summary are not recorded by the library.
    eu_database_entry_url: null,
    fundamental_rights_impact_assessment_summary: null,
    data_protection_impact_assessment_summary: null,
  });
  return { document: { ...entete, applicable: true, items: { deployer, submitter, ...suite } }, champsNonRenseignes: releve.tous() };
}
