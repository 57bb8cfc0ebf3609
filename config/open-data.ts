/**
 * Who publishes the open data, as the DCAT-AP catalogue names it (README, « Transparence et interopérabilité »).
 * An instance run by another operator sets its own name, site and contact address.
 */
export default ({ env }: { env: (cle: string, defaut?: string) => string }) => ({
  editeur: {
    nom: env('OPEN_DATA_EDITEUR', 'Les Interconnectés'),
    url: env('OPEN_DATA_EDITEUR_URL', 'https://www.interconnectes.com'),
    courriel: env('OPEN_DATA_CONTACT', '') || null,
  },
  // Projets read per query by the exports (CSV, JSON): memory held against round trips to the database.
  taillePage: 500,
});
