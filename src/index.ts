/** Entry point: `register` installs the rules and replacements, `bootstrap` runs the start-up modules (docs/architecture.md). */
import type { Core } from '@strapi/strapi';
import { validate } from '@strapi/utils';
import { exigerConfigurationProduction } from './config/secrets';
import { fermerLimiteur, ouvrirLimiteur } from './middlewares/limite-debit';
import { installerCycleDeVie } from './exploitation/cycle-de-vie';
import { installerPageTransparence } from './transparence/page-html';
import { enregistrerInvariants } from './documents/invariants';
import { configurerLocales } from './bootstrap/locales';
import { LOCALE_PAR_DEFAUT } from './domaine/locales';
import { seedReferentiel } from './bootstrap/referentiel';
import { configurerPermissionsPubliques } from './bootstrap/permissions-publiques';
import { configurerEcransAdmin } from './bootstrap/ecrans-admin';
import { configurerRolesEditoriaux } from './bootstrap/roles-editoriaux';
import { configurerEspaceConfiance } from './bootstrap/espace-confiance';
import { installerVisibilite } from './api-contenu/visibilite';
import { memoriserAnalyseurCorps } from './serveur/analyseur-corps';
import { remplacerSecuriteStrapi } from './serveur/entetes-securite';
import { etendreGraphql } from './api-contenu/graphql';
import { memoriserNettoyageSorties } from './api-contenu/sorties-memorisees';
import { lireLesSeulesColonnesServies } from './api-contenu/colonnes-lues';
import { resoudreSansEnveloppeInutile } from './api-contenu/graphql-resolveurs';
import { instrumenterChampsRacine } from './api-contenu/graphql-apollo';
import { ecouterGenerations, suivreEcrituresDocuments, suivreEcrituresHorsDocuments } from './documents/generation';
import { grouperChargements } from './api-contenu/chargements-groupes';
import { installerLecturesListe } from './api-contenu/lectures-liste';
import { memoriserValidationsDocuments, memoriserVerificationsRequetes } from './api-contenu/requetes-memorisees';
import { creerIndexPerformance } from './bootstrap/index-performance';
import { enregistrerMiseAJourIndex, synchroniserIndexRecherche } from './recherche/index-recherche';
import { etendreGraphqlRecherche } from './recherche/graphql';
import { etendreGraphqlStatistiques } from './statistiques/graphql';
import { etendreGraphqlSimilaires } from './similaires/graphql';
import { etendreGraphqlSyntheses } from './syntheses/graphql';
import { etendreGraphqlCompte } from './api-contenu/graphql-compte';
import { enregistrerReponsesSignalements, masquerSignalementsGraphql } from './signalements/signalements';
import { etendreGraphqlSignalements } from './signalements/graphql';
import { arreterTacheAbonnements, demarrerTacheAbonnements, enregistrerAlertes, masquerAbonnementsGraphql } from './abonnements/abonnements';
import { etendreGraphqlAbonnements } from './abonnements/graphql';
import { memoriserAbilites } from './api-contenu/abilites-memorisees';
import { mettreEnCachePermissionsPubliques } from './api-contenu/cache-permissions-publiques';
import { mettreEnCacheLangueParDefaut } from './api-contenu/langue-par-defaut';
import { installerLecteurHorodatage, type TypesPg } from './domaine/horodatage-postgres';
import { completerVersionsInitiales, enregistrerVersionsPubliees, masquerVersionsGraphql } from './versions/versions';
import { etendreGraphqlVersions } from './versions/graphql';
import { installerRoutesAdminVersions } from './versions/admin';
import { ecouterJournal, journaliserDocuments, masquerJournalGraphql, PurgeJournal } from './journal/journal';
import { arreterQualite, demarrerQualite, enregistrerQualite } from './qualite/qualite';

/** Stops listening to the other processes' writes (PostgreSQL), at shutdown. */
let arreterEcouteGenerations: (() => Promise<void>) | null = null;
/** The journal's periodic purge, stopped at shutdown. */
let purgeJournal: PurgeJournal | null = null;

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Before any of Strapi's own checks of these secrets, which run at bootstrap.
    exigerConfigurationProduction((nom) => process.env[nom]);
    installerCycleDeVie(strapi, strapi.config.get<number>('server.arretDelaiSecondes', 10) * 1000);
    installerPageTransparence(strapi);
    // Before the middlewares are built (bootstrap).
    remplacerSecuriteStrapi(strapi);
    memoriserAnalyseurCorps();
    // Read by the i18n plugin when it creates the first locale of a fresh database.
    process.env.STRAPI_PLUGIN_I18N_INIT_LOCALE_CODE ??= LOCALE_PAR_DEFAUT;
    // First of the application's Document Service middlewares: it records a write once every rule let it through.
    journaliserDocuments(strapi);
    enregistrerInvariants(strapi);
    installerVisibilite(strapi);
    lireLesSeulesColonnesServies(strapi);
    // Around the visibility layer: what it decides is remembered with the rest of the check.
    memoriserVerificationsRequetes(strapi);
    memoriserValidationsDocuments(validate.validators);
    memoriserNettoyageSorties(strapi);
    etendreGraphql(strapi);
    resoudreSansEnveloppeInutile(strapi);
    instrumenterChampsRacine();
    enregistrerMiseAJourIndex(strapi);
    etendreGraphqlRecherche(strapi);
    etendreGraphqlStatistiques(strapi);
    etendreGraphqlSimilaires(strapi);
    etendreGraphqlSyntheses(strapi);
    etendreGraphqlCompte(strapi);
    suivreEcrituresDocuments(strapi);
    // After the generation's middleware, hence inside it: the stored score is covered by the write's bump.
    enregistrerQualite(strapi);
    enregistrerReponsesSignalements(strapi);
    masquerSignalementsGraphql(strapi);
    etendreGraphqlSignalements(strapi);
    enregistrerAlertes(strapi);
    masquerAbonnementsGraphql(strapi);
    etendreGraphqlAbonnements(strapi);
    // Inside the review's middleware (registered by the plugin, before): a version is kept only once the publication went through.
    enregistrerVersionsPubliees(strapi);
    masquerVersionsGraphql(strapi);
    etendreGraphqlVersions(strapi);
    installerRoutesAdminVersions(strapi);
    masquerJournalGraphql(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    grouperChargements(strapi);
    // Last of the Document Service middlewares: its reads skip the transaction Strapi opens right inside them.
    installerLecturesListe(strapi);
    await configurerLocales(strapi);
    await seedReferentiel(strapi);
    await creerIndexPerformance(strapi);
    await configurerEspaceConfiance(strapi);
    await configurerPermissionsPubliques(strapi);
    await configurerEcransAdmin(strapi);
    await configurerRolesEditoriaux(strapi);
    await synchroniserIndexRecherche(strapi);
    await completerVersionsInitiales(strapi);
    suivreEcrituresHorsDocuments(strapi);
    arreterEcouteGenerations = ecouterGenerations(strapi);
    ouvrirLimiteur(strapi);
    mettreEnCachePermissionsPubliques(strapi);
    mettreEnCacheLangueParDefaut(strapi);
    if (strapi.db.dialect.client === 'postgres') installerLecteurHorodatage((strapi.db.connection.client as unknown as { driver: { types: TypesPg } }).driver.types);
    memoriserAbilites(strapi);
    demarrerTacheAbonnements(strapi);
    ecouterJournal(strapi);
    purgeJournal = new PurgeJournal(strapi);
    purgeJournal.demarrer();
    await demarrerQualite(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await arreterQualite();
    arreterTacheAbonnements();
    await fermerLimiteur(strapi);
    await arreterEcouteGenerations?.();
    arreterEcouteGenerations = null;
    await purgeJournal?.arreter();
    purgeJournal = null;
  },
};
