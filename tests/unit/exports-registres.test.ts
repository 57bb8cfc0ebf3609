/** The mappers to the peer registers (src/transparence/exports/), checked against the copied definitions. */
import type { ProjetPublic } from '../../src/transparence/projet-public';
import { versAlgoritmeregister } from '../../src/transparence/exports/algoritmeregister';
import { versAtrs } from '../../src/transparence/exports/atrs';
import { versAiAct } from '../../src/transparence/exports/ai-act';
import { exporterProjet, REGISTRES } from '../../src/transparence/exports/registres';
import { ecartsDefinition } from '../helpers/registres';

const BASE = 'https://bibliotheque.example';
const SENTINELLE = 'SENTINELLE-RESTREINTE-7f3a';

function projet(surcharges: Partial<ProjetPublic> = {}): ProjetPublic {
  return {
    documentId: 'abc123',
    nom: 'Détection des fuites d’eau',
    slug: 'detection-des-fuites-d-eau',
    resume: 'Repérer les fuites du réseau d’eau potable à partir des relevés des compteurs.',
    description: 'Un modèle compare chaque nuit la consommation des secteurs à leur historique.',
    statut: 'deploiement',
    motifAbandon: null,
    dateDemarrage: '2023-04-15',
    dateFin: '2025-12-31',
    lienInformation: 'https://ville.example/fuites',
    baseLegale: 'Code général des collectivités territoriales, article L2224-7-1.',
    lienDeliberation: 'https://ville.example/deliberations/2023-12',
    voiesDeRecours: 'Recours gracieux auprès du maire.',
    roleOffreurs: 'Développement et maintenance du modèle.',
    publishedAt: '2024-02-01T10:00:00.000Z',
    updatedAt: '2024-02-01T10:00:00.000Z',
    collectivite: {
      documentId: 'col1', nom: 'Ville de Test', slug: 'ville-de-test', type: 'commune', siren: '213300635',
      codeInsee: '33063', codeDepartement: '33', codeRegion: '75', siteWeb: 'https://ville.example',
    },
    collectivitesPartenaires: [],
    offreurs: [{ documentId: 'off1', nom: 'Hydro SAS', slug: 'hydro-sas', type: 'startup', siren: null, siteWeb: null }],
    thematique: { slug: 'transition-ecologique-et-energetique', nom: 'Transition écologique et énergétique' },
    sousThematiques: [{ slug: 'gestion-de-l-eau', nom: 'Gestion de l’eau' }],
    publics: [{ slug: 'agent', nom: 'Agent' }],
    ressources: [],
    evaluation: {
      risqueCategorie: 'eleve',
      risque: 'Fausses alertes : chaque alerte est vérifiée sur le terrain.',
      proportionnalite: 'Moins d’eau perdue pour un coût modeste.',
      decision: 'Les alertes orientent les tournées des agents.',
      niveauAutomatisation: 'aide_a_la_decision',
      interventionHumaine: 'Un agent confirme chaque fuite avant intervention.',
      erreur: 'faible',
      explicabilite: 'fort',
      reversibilite: 'Retour aux tournées systématiques.',
      objection: 'Les usagers peuvent demander l’arrêt du suivi de leur compteur.',
      evaluationsImpact: [{ titre: 'AIPD', url: 'https://ville.example/aipd.pdf' }],
    },
    ...surcharges,
  };
}

const sansEvaluation = () => projet({ evaluation: null, collectivite: { ...projet().collectivite!, siteWeb: null } });

describe('Algoritmeregister (publicatiestandaard 1.0.0)', () => {
  const definition = REGISTRES.algoritmeregister.definition;

  it('projet complet : valeurs transposées et conformes à la définition', () => {
    const { document, champsNonRenseignes } = versAlgoritmeregister(projet(), BASE);
    expect(document).toMatchObject({
      name: 'Détection des fuites d’eau',
      organization: 'Ville de Test',
      category: ['Natuur en milieu'],
      status: 'In gebruik',
      begin_date: '2023-04',
      end_date: '2025-12',
      contact_email: 'https://ville.example',
      publication_category: 'Hoog-risico AI-systeem',
      url: `${BASE}/api/projets/abc123/export/algoritmeregister.json`,
      human_intervention: 'Les alertes orientent les tournées des agents.\n\nUn agent confirme chaque fuite avant intervention.',
      lawful_basis_grouping: [{ title: 'Délibération', link: 'https://ville.example/deliberations/2023-12' }],
      impacttoetsen_grouping: [{ title: 'AIPD', link: 'https://ville.example/aipd.pdf' }],
      provider: 'Hydro SAS',
      standard_version: '1.0.0',
      source_id: 'abc123',
    });
    expect(champsNonRenseignes.sort()).toEqual(
      ['impacttoetsen', 'lang', 'methods_and_models', 'process_index_url', 'publiccode', 'source_data', 'source_data_grouping'].sort(),
    );
    expect(ecartsDefinition(definition, document, champsNonRenseignes)).toEqual([]);
  });

  it('textes trop longs coupés à la longueur maximale du standard', () => {
    const { document, champsNonRenseignes } = versAlgoritmeregister(projet({ nom: 'N'.repeat(150), resume: 'R'.repeat(400) }), BASE);
    expect(document.name).toHaveLength(100);
    expect(document.name?.endsWith('…')).toBe(true);
    expect(document.description_short).toHaveLength(350);
    expect(ecartsDefinition(definition, document, champsNonRenseignes)).toEqual([]);
  });

  it('champs obligatoires non renseignés : déclarés, et seuls écarts admis par la définition', () => {
    const { document, champsNonRenseignes } = versAlgoritmeregister(sansEvaluation(), BASE);
    expect(champsNonRenseignes).toEqual(expect.arrayContaining(['contact_email', 'publication_category', 'proportionality', 'risks', 'impacttoetsen_grouping']));
    expect(ecartsDefinition(definition, document, champsNonRenseignes)).toEqual([]);
    // Without the declaration the same document is rejected: the check can fail.
    expect(ecartsDefinition(definition, document, [])).toEqual(
      expect.arrayContaining(['contact_email : must have required property \'contact_email\'', 'lang : must have required property \'lang\'']),
    );
  });

  it('catégorie de publication déduite du niveau d’automatisation hors haut risque', () => {
    const evaluation = { ...projet().evaluation!, risqueCategorie: 'minimal' };
    expect(versAlgoritmeregister(projet({ evaluation }), BASE).document.publication_category).toBe('Impactvolle algoritmes');
    const sansDecision = { ...evaluation, niveauAutomatisation: 'sans_decision_individuelle' };
    expect(versAlgoritmeregister(projet({ evaluation: sansDecision }), BASE).document.publication_category).toBe('Overige algoritmes');
  });
});

describe('ATRS (template v3.0)', () => {
  const definition = REGISTRES.atrs.definition;

  it('projet complet : rubriques de niveau 1 et 2 conformes à la définition', () => {
    const { document, champsNonRenseignes } = versAtrs(projet(), BASE);
    expect(document.metadata).toEqual({
      organisation: 'Ville de Test',
      organisation_type: ['local-authority'],
      function: ['environmental-protection'],
      phase: 'production',
      date_published: '2024-02-01',
      atrs_version: 'v3.0',
      other_tags: 'Gestion de l’eau',
    });
    expect(document.tier_1).toEqual({
      name: 'Détection des fuites d’eau',
      description: 'Repérer les fuites du réseau d’eau potable à partir des relevés des compteurs.',
      website_url: 'https://ville.example/fuites',
    });
    expect(document.tier_2.owner_and_responsibility).toEqual({
      organisation_or_department: 'Ville de Test',
      external_supplier_involvement: 'Yes',
      external_suppliers: [{ external_supplier: 'Hydro SAS', external_supplier_role: 'Développement et maintenance du modèle.' }],
    });
    expect(document.tier_2.decision_making_process.appeals_and_review).toBe(
      'Recours gracieux auprès du maire.\n\nLes usagers peuvent demander l’arrêt du suivi de leur compteur.',
    );
    expect(document.tier_2.data_specification).toEqual({});
    expect(document.tier_2.risks_mitigations_and_impact_assessments.impact_assessment).toBe('AIPD : https://ville.example/aipd.pdf');
    expect(document.tier_2).not.toHaveProperty('model_specification');
    expect(champsNonRenseignes).toEqual(
      expect.arrayContaining([
        'tier_1.contact_email',
        'metadata.region',
        'tier_2.owner_and_responsibility.external_suppliers[].companies_house_number',
        'tier_2.tool_specification.models',
        'tier_2.model_specification',
        'tier_2.data_specification.sensitive_attributes',
      ]),
    );
    expect(champsNonRenseignes).not.toContain('tier_2.owner_and_responsibility.external_suppliers[].external_supplier_role');
    expect(ecartsDefinition(definition, document, champsNonRenseignes)).toEqual([]);
  });

  it('sans offreur ni évaluation : pas de tiers, champs déclarés non renseignés', () => {
    const { document, champsNonRenseignes } = versAtrs(projet({ offreurs: [], evaluation: null, statut: 'exploration' }), BASE);
    expect(document.tier_2.owner_and_responsibility.external_supplier_involvement).toBe('No');
    expect(document.tier_2.tool_specification).toEqual({ phase: 'pre-deployment' });
    expect(champsNonRenseignes).toEqual(expect.arrayContaining(['tier_2.owner_and_responsibility.external_suppliers', 'tier_2.risks_mitigations_and_impact_assessments.impact_assessment', 'tier_2.risks_mitigations_and_impact_assessments.risks_and_mitigations']));
    expect(champsNonRenseignes.some((c) => c.includes('companies_house_number'))).toBe(false);
    expect(ecartsDefinition(definition, document, champsNonRenseignes)).toEqual([]);
  });
});

describe('AI Act, annexe VIII, section C', () => {
  const definition = REGISTRES['ai-act'].definition;

  it('haut risque : points 1 à 5, seuls le nom et le contact du déployeur sont connus', () => {
    const { document, champsNonRenseignes } = versAiAct(projet(), BASE);
    expect(document).toEqual({
      regulation: 'Regulation (EU) 2024/1689',
      annex: 'Annex VIII, Section C',
      applicable: true,
      items: { deployer: { name: 'Ville de Test', contact_details: 'https://ville.example' }, submitter: {} },
    });
    expect(champsNonRenseignes.sort()).toEqual(
      [
        'items.eu_database_entry_url',
        'items.fundamental_rights_impact_assessment_summary',
        'items.data_protection_impact_assessment_summary',
        'items.deployer.address',
        'items.submitter.name',
        'items.submitter.address',
        'items.submitter.contact_details',
      ].sort(),
    );
    expect(ecartsDefinition(definition, document, champsNonRenseignes)).toEqual([]);
  });

  it('hors haut risque : non applicable, avec le motif, sans points', () => {
    const evaluation = { ...projet().evaluation!, risqueCategorie: 'limite' };
    const { document, champsNonRenseignes } = versAiAct(projet({ evaluation }), BASE);
    expect(document).toEqual({
      regulation: 'Regulation (EU) 2024/1689',
      annex: 'Annex VIII, Section C',
      applicable: false,
      reason: 'L’annexe VIII, section C, ne concerne que les systèmes d’IA à haut risque ; ce projet est classé par la collectivité en risque limité.',
    });
    expect(champsNonRenseignes).toEqual([]);
    expect(ecartsDefinition(definition, document, [])).toEqual([]);
    expect(versAiAct(projet({ evaluation: null }), BASE).document.reason).toMatch(/sans catégorie de risque renseignée/);
    // The definition refuses items on a non-applicable export.
    expect(ecartsDefinition(definition, { ...document, items: {} }, [])).not.toEqual([]);
  });
});

describe('Enveloppe et champs Restreints', () => {
  it('aucun export ne recopie un champ que le projet porterait en plus de ses champs publics', () => {
    const restreint = { algorithme: { nom: SENTINELLE }, contact: `${SENTINELLE}@ville.example`, financement: SENTINELLE, donnees: { sources: [{ nom: SENTINELLE }] } };
    const avecRestreint = { ...projet(), ...restreint } as ProjetPublic;
    for (const nom of Object.keys(REGISTRES) as Array<keyof typeof REGISTRES>) {
      const enveloppe = exporterProjet(nom, avecRestreint, BASE);
      expect(JSON.stringify(enveloppe)).not.toContain(SENTINELLE);
      expect(enveloppe.meta).toMatchObject({ version: REGISTRES[nom].version, projet: { documentId: 'abc123', url: `${BASE}/api/projets/abc123` } });
    }
  });
});
