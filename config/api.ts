export default ({ env }: { env: any }) => {
  // Per-IP limits (global::limite-debit), off in tests unless a test turns them on.
  const actives = env.bool('LIMITES_ACTIVES', env('NODE_ENV', 'development') !== 'test');
  const auth = { actif: actives, max: env.int('LIMITE_AUTH_MAX', 5), fenetreSecondes: env.int('LIMITE_AUTH_FENETRE_SECONDES', 300) };
  return {
    rest: {
      defaultLimit: 25,
      maxLimit: env.int('API_MAX_LIMIT', 100),
      withCount: true,
    },
    // Alerts by theme (src/abonnements/): unconfirmed requests kept this many days; digests and purge checked this often.
    abonnements: {
      joursConfirmation: env.int('ABONNEMENTS_JOURS_CONFIRMATION', 7),
      intervalleMs: env.int('ABONNEMENTS_INTERVALLE_MS', 3600000),
    },
    limites: {
      connexion: auth,
      inscription: auth,
      motDePasse: auth,
      signalement: { actif: actives, max: env.int('LIMITE_SIGNALEMENT_MAX', 5), fenetreSecondes: env.int('LIMITE_SIGNALEMENT_FENETRE_SECONDES', 3600) },
      abonnement: { actif: actives, max: env.int('LIMITE_ABONNEMENT_MAX', 5), fenetreSecondes: env.int('LIMITE_ABONNEMENT_FENETRE_SECONDES', 3600) },
      api: { actif: actives, max: env.int('LIMITE_API_MAX', 300), fenetreSecondes: env.int('LIMITE_API_FENETRE_SECONDES', 60) },
    },
  };
};
