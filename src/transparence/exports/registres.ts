/**
 * The peer registers a published projet is exported to, and the envelope of an export: the document in
 * the peer's format (`data`) and what the library says about it (`meta`, with the peer fields left
 * empty). The peer document stays exactly in its format; docs/exports-registres.md.
 */
import type { ProjetPublic } from '../projet-public';
import { versAiAct } from './ai-act';
import { versAlgoritmeregister, VERSION_ALGORITMEREGISTER } from './algoritmeregister';
import { versAtrs, VERSION_ATRS } from './atrs';
import type { ExportRegistre } from './commun';

export interface Registre {
  /** Last segment of the routes: `…/export/<format>.json`. */
  format: string;
  standard: string;
  version: string;
  /** The copy of the peer's definition in this repository. */
  definition: string;
  /** Where the peer publishes its standard (the catalogue's `dct:conformsTo`). */
  reference: string;
  /** Whether the open-data routes serve every published projet in this format. */
  enMasse: boolean;
  exporter: (projet: ProjetPublic, base: string) => ExportRegistre<object>;
}

export const REGISTRES = {
  algoritmeregister: {
    format: 'algoritmeregister',
    standard: 'Algoritmeregister van de Nederlandse overheid — publicatiestandaard',
    version: VERSION_ALGORITMEREGISTER,
    definition: 'donnees/registres/algoritmeregister/schema.json',
    reference: 'https://github.com/MinBZK/Algoritmeregister',
    enMasse: true,
    exporter: versAlgoritmeregister,
  },
  atrs: {
    format: 'atrs',
    standard: 'UK Algorithmic Transparency Recording Standard (ATRS)',
    version: VERSION_ATRS,
    definition: 'donnees/registres/atrs/schema.json',
    reference: 'https://www.gov.uk/government/publications/algorithmic-transparency-template',
    enMasse: true,
    exporter: versAtrs,
  },
  'ai-act': {
    format: 'ai-act',
    standard: 'AI Act, annexe VIII, section C (article 49, paragraphe 3), règlement (UE)',
    version: '2024/1689',
    definition: 'donnees/registres/ai-act/schema.json',
    reference: 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj',
    enMasse: false,
    exporter: versAiAct,
  },
} as const satisfies Record<string, Registre>;

export type NomRegistre = keyof typeof REGISTRES;

export interface ExportEnveloppe {
  data: object;
  meta: {
    standard: string;
    version: string;
    projet: { documentId: string; url: string };
    champsNonRenseignes: string[];
  };
}

export function exporterProjet(nom: NomRegistre, projet: ProjetPublic, base: string): ExportEnveloppe {
  const registre: Registre = REGISTRES[nom];
  const { document, champsNonRenseignes } = registre.exporter(projet, base);
  return {
    data: document,
    meta: {
      standard: registre.standard,
      version: registre.version,
      projet: { documentId: projet.documentId, url: `${base}/api/projets/${projet.documentId}` },
      champsNonRenseignes,
    },
  };
}
