/** Écran de la collectivité. */
import { SLUG, URL_WEB, type ConfigurationEcran } from './commun';

export const ECRAN_COLLECTIVITE: ConfigurationEcran = {
  champPrincipal: 'nom',
  liste: ['nom', 'type', 'codeDepartement', 'siren', 'population'],
  triParDefaut: { champ: 'nom', ordre: 'ASC' },
  libelles: {
    nom: {
      label: 'Nom',
      description: 'Nom officiel de la collectivité ou de l’organisme.',
      placeholder: 'ex. Communauté d’agglomération du Grand Angoulême',
    },
    slug: SLUG,
    type: {
      label: 'Type de collectivité',
      description: 'Commune, EPCI, EPT, département, région, syndicat, opérateur public…',
    },
    sousType: {
      label: 'Sous-type',
      description: 'Nature juridique précise, par exemple CC, CA, CU ou METRO pour un EPCI.',
      placeholder: 'ex. CA',
    },
    siren: {
      label: 'SIREN',
      description: '9 chiffres sans espace ; la clé de contrôle est vérifiée. Unique.',
      placeholder: '9 chiffres',
    },
    siret: {
      label: 'SIRET du siège',
      description: '14 chiffres (SIREN + NIC), facultatif ; renseigné par les imports.',
      placeholder: '14 chiffres',
    },
    codeInsee: {
      label: 'Code INSEE (COG)',
      description: 'Code officiel géographique, par exemple 31555 pour Toulouse.',
    },
    codeDepartement: {
      label: 'Code du département',
      description: 'Par exemple 31, 2A ou 974.',
    },
    codeRegion: {
      label: 'Code de la région',
      description: 'Code INSEE à 2 chiffres, par exemple 76.',
    },
    population: {
      label: 'Population',
      description: 'Nombre d’habitants selon le dernier recensement, sans espace.',
    },
    latitude: {
      label: 'Latitude',
      description: 'En degrés décimaux (WGS 84), entre -90 et 90.',
      placeholder: 'ex. 45.6484',
    },
    longitude: {
      label: 'Longitude',
      description: 'En degrés décimaux (WGS 84), entre -180 et 180.',
      placeholder: 'ex. 0.1562',
    },
    logo: {
      label: 'Logo',
      description: 'Image importée ; elle prime sur l’adresse du logo.',
    },
    logoUrl: {
      label: 'Adresse du logo',
      description: `Logo hébergé ailleurs, utilisé si aucun logo n’est importé. ${URL_WEB}`,
      placeholder: 'https://',
    },
    siteWeb: {
      label: 'Site web',
      description: URL_WEB,
      placeholder: 'https://',
    },
    description: {
      label: 'Présentation',
      description: 'Quelques phrases sur la collectivité et sa démarche numérique.',
    },
    projets: {
      label: 'Projets portés',
      description: 'Projets dont la collectivité est porteuse (à renseigner depuis chaque projet).',
    },
    projetsPartenaires: {
      label: 'Projets en partenariat',
      description: 'Projets auxquels la collectivité participe comme partenaire (à renseigner depuis chaque projet).',
    },
    initiatives: {
      label: 'Initiatives de gouvernance',
      description: 'Chartes, comités d’éthique, stratégies… adoptés par la collectivité.',
    },
    referents: {
      label: 'Référents',
      description: 'Agents qui relisent et valident les documents de la collectivité avant modération. Modifiable par les modérateurs seulement ; jamais publié.',
    },
    contributeurs: {
      label: 'Contributeurs',
      description: 'Agents qui documentent les projets de la collectivité. Modifiable par les modérateurs seulement ; jamais publié.',
    },
  },
  sections: [
    {
      titre: 'Informations générales',
      lignes: [
        [{ champ: 'nom', taille: 8 }, { champ: 'slug', taille: 4 }],
        [{ champ: 'type', taille: 6 }, { champ: 'sousType', taille: 6 }],
        [{ champ: 'description', taille: 12 }],
        [{ champ: 'siteWeb', taille: 6 }, { champ: 'logoUrl', taille: 6 }],
        [{ champ: 'logo', taille: 6 }],
      ],
    },
    {
      titre: 'Identifiants et territoire',
      lignes: [
        [{ champ: 'siren', taille: 4 }, { champ: 'siret', taille: 4 }, { champ: 'codeInsee', taille: 4 }],
        [{ champ: 'codeDepartement', taille: 4 }, { champ: 'codeRegion', taille: 4 }, { champ: 'population', taille: 4 }],
        [{ champ: 'latitude', taille: 4 }, { champ: 'longitude', taille: 4 }],
      ],
    },
    {
      titre: 'Projets et initiatives',
      lignes: [
        [{ champ: 'projets', taille: 6 }, { champ: 'projetsPartenaires', taille: 6 }],
        [{ champ: 'initiatives', taille: 12 }],
      ],
    },
    {
      titre: 'Membres',
      lignes: [[{ champ: 'referents', taille: 6 }, { champ: 'contributeurs', taille: 6 }]],
    },
  ],
};
