/**
 * The requests of the list and GraphQL scenarios, shared by the scenarios (scenarios.ts) and the
 * raw-SQL baseline that answers them (serveur-brut.ts). Pure.
 */
export const STATUT = 'deploiement';
export const THEME = 'transition-ecologique-et-energetique';
export const TAILLE_PAGE = 25;
export const REQUETE_LISTE = `filters[statut][$eq]=${STATUT}&filters[thematique][slug][$eq]=${THEME}&populate[0]=collectivite&populate[1]=thematique&sort=nom:asc&pagination[page]=1&pagination[pageSize]=${TAILLE_PAGE}`;
export const CHEMIN_LISTE = `/api/projets?${REQUETE_LISTE}`;

/** Fields of the GraphQL list: the projet's, then its collectivité's and thématique's. */
export const CHAMPS_GRAPHQL = {
  projet: ['documentId', 'nom', 'slug', 'resume', 'description', 'statut', 'motifAbandon', 'dateDemarrage', 'lienInformation', 'createdAt', 'updatedAt', 'publishedAt'],
  collectivite: ['documentId', 'nom', 'slug', 'type', 'sousType', 'siren', 'siret', 'codeInsee', 'codeDepartement', 'codeRegion', 'population', 'latitude', 'longitude', 'logoUrl', 'siteWeb', 'description', 'createdAt', 'updatedAt', 'publishedAt'],
  thematique: ['documentId', 'nom', 'slug', 'description', 'ordre', 'createdAt', 'updatedAt', 'publishedAt', 'locale'],
} as const;

export const REQUETE_GRAPHQL = JSON.stringify({
  query: `{ projets(filters: { statut: { eq: "${STATUT}" }, thematique: { slug: { eq: "${THEME}" } } }, sort: "nom:asc", pagination: { page: 1, pageSize: ${TAILLE_PAGE} }) {
    ${CHAMPS_GRAPHQL.projet.join(' ')}
    collectivite { ${CHAMPS_GRAPHQL.collectivite.join(' ')} } thematique { ${CHAMPS_GRAPHQL.thematique.join(' ')} } } }`,
});
