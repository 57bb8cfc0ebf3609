/**
 * The quality indicators stored on a projet (docs/qualite.md). Computed by the CMS, never written by an
 * agent: Interne (src/domaine/visibilite.ts), out of the edit form and of the agents' create/update
 * permissions, written by src/qualite/qualite.ts only. Stored so that the admin list filters and sorts by them.
 */
export const CHAMPS_QUALITE = ['scoreCompletude', 'liensCasses', 'liensCassesDetail', 'liensVerifiesLe'] as const;

export type ChampQualite = (typeof CHAMPS_QUALITE)[number];

export const estChampQualite = (nom: string): nom is ChampQualite => (CHAMPS_QUALITE as readonly string[]).includes(nom);
