/** Quality aids of the review (docs/qualite.md): the periodic link checker. */
export default ({ env }: { env: any }) => ({
  liens: {
    // 0 turns the checker off. Each projet is checked again once its last check is this old.
    intervalleHeures: env.float('LIENS_VERIFICATION_INTERVALLE_HEURES', 24),
    concurrence: env.int('LIENS_VERIFICATION_CONCURRENCE', 4),
    delaiSecondes: env.int('LIENS_VERIFICATION_DELAI_SECONDES', 10),
    // Private and loopback addresses are never fetched in production, whatever this says.
    adressesPrivees: env('NODE_ENV') !== 'production' && env.bool('LIENS_ADRESSES_PRIVEES', false),
  },
});
