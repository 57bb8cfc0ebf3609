/**
 * A published projet as a UK Algorithmic Transparency Recording Standard record, template v3.0: the
 * template's attributes grouped by section (definition and sources: donnees/registres/atrs/schema.json
 * and LISEZMOI.md; mapping table: docs/exports-registres.md).
 */
import type { ProjetPublic } from '../projet-public';
import { Releve, joindre, texte, type ExportRegistre } from './commun';

export const VERSION_ATRS = 'v3.0';

type Phase = 'pre-deployment' | 'beta-pilot' | 'production' | 'retired';
type Texte = string;

export interface EnregistrementAtrs {
  metadata: Partial<{
    organisation: Texte;
    organisation_type: string[];
    function: string[];
    capability: string[];
    task: Texte;
    phase: Phase;
    region: string[];
    date_published: Texte;
    atrs_version: Texte;
    other_tags: Texte;
  }>;
  tier_1: Partial<Record<'name' | 'description' | 'website_url' | 'contact_email', Texte>>;
  tier_2: {
    owner_and_responsibility: Partial<{
      organisation_or_department: Texte;
      team: Texte;
      senior_responsible_owner: Texte;
      external_supplier_involvement: 'Yes' | 'No';
      external_suppliers: Array<{ external_supplier: Texte; external_supplier_role?: Texte }>;
    }>;
    description_and_rationale: Partial<Record<'detailed_description' | 'scope' | 'benefit' | 'previous_process' | 'alternatives_considered', Texte>>;
    decision_making_process: Partial<
      Record<'process_integration' | 'provided_information' | 'frequency_and_scale_of_usage' | 'human_decisions_and_review' | 'required_training' | 'appeals_and_review', Texte>
    >;
    tool_specification: Partial<{ system_architecture: Texte; phase: Phase; maintenance: Texte; models: Texte }>;
    model_specification?: Array<Record<string, Texte>>;
    data_specification: Partial<Record<string, Texte>>;
    risks_mitigations_and_impact_assessments: Partial<Record<'impact_assessment' | 'risks_and_mitigations', Texte>>;
  };
}

type Tier2 = EnregistrementAtrs['tier_2'];

const PHASES: Readonly<Record<string, Phase>> = {
  exploration: 'pre-deployment',
  experimentation: 'beta-pilot',
  deploiement: 'production',
  termine: 'retired',
  abandonne: 'retired',
};

/** The library's top-level thématiques (src/referentiel/taxonomies.ts) in the GOV.UK functions (COFOG divisions). */
const FONCTIONS: Readonly<Record<string, string>> = {
  'transition-ecologique-et-energetique': 'environmental-protection',
  'attractivite-et-developpement': 'economic-affairs',
  'citoyennete-sante-et-solidarite': 'social-protection',
  mobilites: 'economic-affairs',
  'gouvernance-et-socles-technologiques': 'general-public-services',
  'administration-et-organisation-interne': 'general-public-services',
};

/** Collectivité types (src/api/collectivite/content-types/collectivite/schema.json) as GOV.UK organisation types. */
const TYPES_ORGANISATION: Readonly<Record<string, string>> = {
  commune: 'local-authority',
  epci: 'local-authority',
  ept: 'local-authority',
  departement: 'local-authority',
  region: 'local-authority',
  syndicat: 'local-authority',
  collectivite_statut_particulier: 'local-authority',
  operateur_public: 'agency-or-public-body',
};

/** The data specification: every field is the library's Restreint `donnees` component, never exported. */
const DONNEES = [
  'source_data_name', 'data_modality', 'data_description', 'data_quantities', 'sensitive_attributes', 'data_completeness_and_representativeness',
  'source_data_url', 'data_collection', 'data_cleaning', 'data_sharing_agreements', 'data_access_and_storage',
] as const;

export function versAtrs(projet: ProjetPublic, _base: string): ExportRegistre<EnregistrementAtrs> {
  const releve = new Releve();
  const evaluation = projet.evaluation;
  const phase = projet.statut ? PHASES[projet.statut] ?? null : null;
  const typeOrganisation = projet.collectivite ? TYPES_ORGANISATION[projet.collectivite.type] : undefined;
  const fonction = projet.thematique ? FONCTIONS[projet.thematique.slug] : undefined;
  const role = texte(projet.roleOffreurs);
  const metadata = releve.sous('metadata').objet<EnregistrementAtrs['metadata']>({
      organisation: projet.collectivite?.nom ?? null,
      organisation_type: typeOrganisation ? [typeOrganisation] : null,
      function: fonction ? [fonction] : null,
      capability: null,
      task: null,
      phase,
      // GOV.UK regions are those of the United Kingdom.
      region: null,
      date_published: projet.publishedAt.slice(0, 10),
      atrs_version: VERSION_ATRS,
      other_tags: projet.sousThematiques.map((t) => t.nom).join(', ') || null,
  });
  const tier1 = releve.sous('tier_1').objet<EnregistrementAtrs['tier_1']>({
      name: projet.nom,
      description: texte(projet.resume) ?? texte(projet.description),
      website_url: texte(projet.lienInformation),
      // The projet's contact email is Restreint.
      contact_email: null,
  });
  const tier2 = releve.sous('tier_2');
  // The model specification (2.4.2) describes the models of `techniquesIa`, which is Restreint.
  tier2.nonRenseigne('model_specification');
  const proprietaire = tier2.sous('owner_and_responsibility');
  if (projet.offreurs.length > 0) {
    // The library has no Companies House number, procurement procedure (miseEnOeuvre is Restreint) or data terms.
    proprietaire.nonRenseigne('external_suppliers[].companies_house_number', 'external_suppliers[].procurement_procedure_type', 'external_suppliers[].data_access_terms');
    if (!role) proprietaire.nonRenseigne('external_suppliers[].external_supplier_role');
  }
  const document: EnregistrementAtrs = {
    metadata,
    tier_1: tier1,
    tier_2: {
      owner_and_responsibility: proprietaire.objet<Tier2['owner_and_responsibility']>({
        organisation_or_department: projet.collectivite?.nom ?? null,
        team: null,
        senior_responsible_owner: null,
        external_supplier_involvement: projet.offreurs.length > 0 ? 'Yes' : 'No',
        // One role text for every supplier: the library records the suppliers' role once per projet.
        external_suppliers: projet.offreurs.map((o) => (role ? { external_supplier: o.nom, external_supplier_role: role } : { external_supplier: o.nom })),
      }),
      description_and_rationale: tier2.sous('description_and_rationale').objet<Tier2['description_and_rationale']>({
        detailed_description: texte(projet.description),
        scope: null,
        benefit: null,
        previous_process: null,
        alternatives_considered: null,
      }),
      decision_making_process: tier2.sous('decision_making_process').objet<Tier2['decision_making_process']>({
        process_integration: texte(evaluation?.decision),
        provided_information: null,
        frequency_and_scale_of_usage: null,
        human_decisions_and_review: texte(evaluation?.interventionHumaine),
        required_training: null,
        appeals_and_review: joindre(projet.voiesDeRecours, evaluation?.objection),
      }),
      // System and models are the library's Restreint `algorithme` and `techniquesIa`.
      tool_specification: tier2.sous('tool_specification').objet<Tier2['tool_specification']>({ system_architecture: null, phase, maintenance: null, models: null }),
      data_specification: tier2.sous('data_specification').objet<Tier2['data_specification']>(Object.fromEntries(DONNEES.map((champ) => [champ, null]))),
      risks_mitigations_and_impact_assessments: tier2.sous('risks_mitigations_and_impact_assessments').objet<Tier2['risks_mitigations_and_impact_assessments']>({
        // The template asks for every assessment in one text: one line each, with its public link when there is one.
        impact_assessment: (evaluation?.evaluationsImpact ?? []).map((e) => (e.url ? `${e.titre} : ${e.url}` : e.titre)).join('\n') || null,
        risks_and_mitigations: texte(evaluation?.risque),
      }),
    },
  };
  return { document, champsNonRenseignes: releve.tous() };
}
