/** A `ProjetPublic` for the unit tests of the fiche de transparence. */
import type { ProjetPublic } from '../../src/transparence/projet-public';

/** A projet with every public item filled. */
export function projetComplet(surcharges: Partial<ProjetPublic> = {}): ProjetPublic {
  return {
    documentId: 'doc123',
    nom: 'Assistant de réponse aux usagers',
    slug: 'assistant-de-reponse-aux-usagers',
    resume: 'Un assistant qui propose des réponses aux agents.',
    description: 'Ligne 1\nLigne 2',
    statut: 'termine',
    motifAbandon: null,
    dateDemarrage: '2024-03-17',
    dateFin: '2025-06-30',
    lienInformation: 'https://ville.example/assistant',
    baseLegale: 'Mission de service public (RGPD, art. 6-1-e).',
    lienDeliberation: 'https://ville.example/deliberation.pdf',
    voiesDeRecours: 'Recours gracieux auprès du maire, puis tribunal administratif.',
    roleOffreurs: 'Fournit le modèle et l’hébergement.',
    publishedAt: '2025-01-02T10:00:00.000Z',
    updatedAt: '2025-02-03T10:00:00.000Z',
    collectivite: {
      documentId: 'c1', nom: 'Ville d’Exemple', slug: 'ville', type: 'commune', siren: '123456789', codeInsee: null, codeDepartement: null, codeRegion: null,
      siteWeb: 'https://ville.example',
    },
    collectivitesPartenaires: [],
    offreurs: [{ documentId: 'o1', nom: 'Acme', slug: 'acme', type: 'startup', siren: null, siteWeb: 'https://acme.example' }],
    thematique: { slug: 'services-publics', nom: 'Services publics' },
    sousThematiques: [{ slug: 'relation-usager', nom: 'Relation usager' }],
    publics: [{ slug: 'agent', nom: 'Agents' }],
    ressources: [],
    evaluation: {
      risqueCategorie: 'limite',
      risque: 'Réponses erronées.',
      proportionnalite: 'Gain de temps pour les agents.',
      decision: 'L’agent valide chaque réponse.',
      niveauAutomatisation: 'aide_a_la_decision',
      interventionHumaine: 'Relecture systématique.',
      erreur: 'faible',
      explicabilite: 'moyen',
      reversibilite: 'Retour au traitement manuel.',
      objection: 'Demande écrite au service.',
      evaluationsImpact: [{ titre: 'AIPD', url: 'https://ville.example/aipd.pdf' }],
    },
    ...surcharges,
  };
}
