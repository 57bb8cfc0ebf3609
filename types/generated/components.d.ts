import type { Schema, Struct } from '@strapi/strapi';

export interface CommunLien extends Struct.ComponentSchema {
  collectionName: 'components_commun_lien';
  info: {
    description: 'Un titre et une adresse web';
    displayName: 'Lien';
  };
  attributes: {
    titre: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    url: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2048;
      }>;
  };
}

export interface OffreurSolution extends Struct.ComponentSchema {
  collectionName: 'components_offreur_solution';
  info: {
    description: 'Une solution propos\u00E9e par l\u2019offreur';
    displayName: 'Solution';
  };
  attributes: {
    description: Schema.Attribute.Text;
    nom: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 150;
      }>;
    url: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2048;
      }>;
  };
}

export interface ProjetAlgorithme extends Struct.ComponentSchema {
  collectionName: 'components_projet_algorithme';
  info: {
    description: 'L\u2019algorithme mis en \u0153uvre';
    displayName: 'Algorithme';
  };
  attributes: {
    description: Schema.Attribute.Text;
    nom: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    operations: Schema.Attribute.Text;
  };
}

export interface ProjetDonnees extends Struct.ComponentSchema {
  collectionName: 'components_projet_donnees';
  info: {
    description: 'Les donn\u00E9es utilis\u00E9es';
    displayName: 'Donn\u00E9es';
  };
  attributes: {
    donneesPersonnelles: Schema.Attribute.Enumeration<
      ['aucune', 'pseudonymisees', 'identifiantes']
    >;
    modeAcces: Schema.Attribute.Enumeration<
      ['api', 'automatisee', 'recuperation_manuelle', 'nsp']
    >;
    sources: Schema.Attribute.Component<'projet.source-donnees', true>;
  };
}

export interface ProjetEvaluation extends Struct.ComponentSchema {
  collectionName: 'components_projet_evaluation';
  info: {
    description: 'Transparence et \u00E9valuation des risques';
    displayName: '\u00C9valuation';
  };
  attributes: {
    decision: Schema.Attribute.Text;
    erreur: Schema.Attribute.Enumeration<['faible', 'moyen', 'fort']>;
    evaluationsImpact: Schema.Attribute.Component<'commun.lien', true>;
    explicabilite: Schema.Attribute.Enumeration<['faible', 'moyen', 'fort']>;
    interventionHumaine: Schema.Attribute.Text;
    niveauAutomatisation: Schema.Attribute.Enumeration<
      [
        'sans_decision_individuelle',
        'aide_a_la_decision',
        'decision_assistee',
        'decision_automatisee',
      ]
    >;
    objection: Schema.Attribute.Text;
    proportionnalite: Schema.Attribute.Text;
    reversibilite: Schema.Attribute.Text;
    risque: Schema.Attribute.Text;
    risqueCategorie: Schema.Attribute.Enumeration<
      ['minimal', 'limite', 'eleve', 'inacceptable']
    >;
  };
}

export interface ProjetSourceDonnees extends Struct.ComponentSchema {
  collectionName: 'components_projet_source_donnees';
  info: {
    description: 'Qui fournit les donn\u00E9es';
    displayName: 'Source de donn\u00E9es';
  };
  attributes: {
    source: Schema.Attribute.Enumeration<
      ['usager', 'jeu_de_donnees_interne', 'open_data', 'donnees_tiers', 'nsp']
    > &
      Schema.Attribute.Required;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'commun.lien': CommunLien;
      'offreur.solution': OffreurSolution;
      'projet.algorithme': ProjetAlgorithme;
      'projet.donnees': ProjetDonnees;
      'projet.evaluation': ProjetEvaluation;
      'projet.source-donnees': ProjetSourceDonnees;
    }
  }
}
