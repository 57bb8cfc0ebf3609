/**
 * French for the keys of @strapi/admin's English catalogue that its fr.json lacks, leaves in English or
 * gets wrong. Keys are the admin's own ids (no prefix). Checked by tests/unit/traductions-admin.test.ts.
 */
export const traductionsAdmin: Record<string, string> = {
  // Labels and headings left in English by Strapi's fr.json.
  'Auth.form.email.label': 'Adresse e-mail',
  'Auth.form.email.placeholder': 'prenom.nom@exemple.fr',
  'widget.key-statistics.list.apiTokens': 'Jetons d’API',
  'Settings.permissions.users.email': 'E-mail',
  'Content Manager': 'Gestion du contenu',
  Provider: 'Fournisseur',
  'Settings.apiTokens.copy.lastWarning': 'Copiez votre jeton',
  'Settings.application.customization.carousel-slide.label': 'Diapositive du logo',
  'Settings.application.plan-title': 'offre actuelle',
  'Settings.permissions.auditLogs.payload': 'Contenu',
  'Settings.sso.title': 'Authentification unique (SSO)',
  'Settings.tokens.types.custom': 'Personnalisé',
  'app.components.LeftMenuLinkContainer.plugins': 'Extensions',
  'app.components.ListPluginsPage.head.title': 'Liste des extensions',
  'global.plugins': 'Extensions',
  'notification.default.title': 'Information :',

  // Home page.
  'HomePage.widget.no-permissions': 'Vous n’avez pas l’autorisation de voir ce bloc',
  'HomePage.addWidget.title': 'Ajouter un bloc',
  'HomePage.addWidget.noWidgetsAvailable': 'Aucun bloc à ajouter',
  'HomePage.addWidget.button': 'Ajouter un bloc',
  'HomePage.widget.delete': 'Supprimer',
  'HomePage.widget.drag': 'Faire glisser pour déplacer',
  'widget.last-activity.link': 'Ouvrir le journal d’audit',
  'widget.last-activity.no-activity': 'Aucune activité',
  'widget.last-activity.title': 'Dernière activité',

  // Admin tokens.
  'Settings.adminTokens.ListView.headers.createdAt': 'Créé le',
  'Settings.adminTokens.ListView.headers.lastUsedAt': 'Dernière utilisation',
  'Settings.adminTokens.ListView.headers.name': 'Nom',
  'Settings.adminTokens.ListView.headers.owner': 'Propriétaire',
  'Settings.adminTokens.addFirstToken': 'Créez votre premier jeton d’administration',
  'Settings.adminTokens.create': 'Créer un jeton d’administration',
  'Settings.adminTokens.createPage.title': 'Créer un jeton d’administration',
  'Settings.adminTokens.description':
    'Liste des jetons générés pour accéder aux fonctions d’administration par programme',
  'Settings.adminTokens.editPage.title': 'Modifier le jeton d’administration',
  'Settings.adminTokens.emptyStateLayout': 'Vous n’avez encore aucun contenu…',
  'Settings.adminTokens.title': 'Jetons d’administration',
  'Settings.tokens.copy.title': 'Jeton',
  'Settings.tokens.form.owner': 'Propriétaire',
  'notification.error.tokennamenotunique': 'Ce nom est déjà attribué à un autre jeton',
  'notification.success.adminTokenCreated': 'Jeton d’administration créé',
  'notification.success.adminTokenEdited': 'Jeton d’administration modifié',

  // Audit logs.
  'Settings.permissions.auditLogs.admin.auth.success': 'Connexion à l’administration',
  'Settings.permissions.auditLogs.admin.logout': 'Déconnexion de l’administration',
  'Settings.permissions.auditLogs.audit-log.export': 'Exporter le journal d’audit',
  'Settings.permissions.auditLogs.component.create': 'Créer un composant',
  'Settings.permissions.auditLogs.component.delete': 'Supprimer un composant',
  'Settings.permissions.auditLogs.component.update': 'Modifier un composant',
  'Settings.permissions.auditLogs.content-type.create': 'Créer un type de contenu',
  'Settings.permissions.auditLogs.content-type.delete': 'Supprimer un type de contenu',
  'Settings.permissions.auditLogs.content-type.update': 'Modifier un type de contenu',
  'Settings.permissions.auditLogs.entry.create': 'Créer une entrée{model, select, undefined {} other { ({model})}}',
  'Settings.permissions.auditLogs.entry.delete':
    'Supprimer une entrée{model, select, undefined {} other { ({model})}}',
  'Settings.permissions.auditLogs.entry.publish':
    'Publier une entrée {model, select, undefined {} other {({model})}}',
  'Settings.permissions.auditLogs.entry.unpublish':
    'Dépublier une entrée{model, select, undefined {} other { ({model})}}',
  'Settings.permissions.auditLogs.entry.update':
    'Modifier une entrée{model, select, undefined {} other { ({model})}}',
  'Settings.permissions.auditLogs.filters.combobox.aria-label': 'Rechercher et choisir une option de filtre',
  'Settings.permissions.auditLogs.listview.export': 'Exporter en CSV',
  'Settings.permissions.auditLogs.listview.export.error': 'L’export a échoué. Veuillez réessayer.',
  'Settings.permissions.auditLogs.listview.export.error.forbidden':
    'Vous n’avez pas l’autorisation d’exporter le journal d’audit.',
  'Settings.permissions.auditLogs.listview.export.error.tooLarge':
    'Tableau trop volumineux pour être exporté. Ajoutez des filtres et réessayez.',
  'Settings.permissions.auditLogs.listview.export.leave':
    'Voulez-vous vraiment quitter cette page ? L’export en cours sera annulé.',
  'Settings.permissions.auditLogs.listview.export.progress.caption':
    'Préparation de l’export : {fetched, number} sur {total, plural, one {# événement} other {# événements}}',
  'Settings.permissions.auditLogs.listview.export.progress.title': 'Export du journal d’audit',
  'Settings.permissions.auditLogs.listview.export.ready.download': 'Télécharger le CSV',
  'Settings.permissions.auditLogs.listview.export.ready.title': 'Export prêt',
  'Settings.permissions.auditLogs.not-available':
    'Le journal d’audit n’est disponible que dans une offre payante. Changez d’offre pour consulter, rechercher et filtrer toutes les activités.',
  'Settings.permissions.auditLogs.locale.create': 'Créer une langue',
  'Settings.permissions.auditLogs.locale.default.update': 'Changer la langue par défaut',
  'Settings.permissions.auditLogs.locale.delete': 'Supprimer une langue',
  'Settings.permissions.auditLogs.locale.update': 'Modifier une langue',
  'Settings.permissions.auditLogs.media.create': 'Ajouter un média',
  'Settings.permissions.auditLogs.media.delete': 'Supprimer un média',
  'Settings.permissions.auditLogs.media.update': 'Modifier un média',
  'Settings.permissions.auditLogs.permission.create': 'Créer une permission',
  'Settings.permissions.auditLogs.permission.delete': 'Supprimer une permission',
  'Settings.permissions.auditLogs.release.create': 'Créer une publication groupée',
  'Settings.permissions.auditLogs.release.update': 'Modifier une publication groupée',
  'Settings.permissions.auditLogs.release.delete': 'Supprimer une publication groupée',
  'Settings.permissions.auditLogs.release.trigger': 'Lancer une publication groupée',
  'Settings.permissions.auditLogs.release.entry.add': 'Ajouter une entrée à une publication groupée',
  'Settings.permissions.auditLogs.release.entry.update': 'Modifier une entrée d’une publication groupée',
  'Settings.permissions.auditLogs.release.entry.remove': 'Retirer une entrée d’une publication groupée',
  'Settings.permissions.auditLogs.release.settings.update': 'Modifier les réglages des publications groupées',
  'Settings.permissions.auditLogs.permission.update': 'Modifier une permission',
  'Settings.permissions.auditLogs.role.create': 'Créer un rôle',
  'Settings.permissions.auditLogs.role.delete': 'Supprimer un rôle',
  'Settings.permissions.auditLogs.role.update': 'Modifier un rôle',
  'Settings.permissions.auditLogs.user.create': 'Créer un utilisateur',
  'Settings.permissions.auditLogs.user.delete': 'Supprimer un utilisateur',
  'Settings.permissions.auditLogs.user.update': 'Modifier un utilisateur',

  // Roles and users.
  'Settings.permissions.category.plugins': 'Permissions de l’extension {category}',
  'Settings.permissions.conditions.define-conditions': 'Définir les conditions',
  'Settings.permissions.users.active': 'Actif',
  'Settings.permissions.users.inactive': 'Inactif',
  'Settings.permissions.users.strapi-author': 'Auteur',
  'Settings.permissions.users.strapi-editor': 'Éditeur',
  'Settings.permissions.users.strapi-super-admin': 'Super administrateur',
  'Settings.roles.form.permissions.locales.validation':
    '{count, plural, one {L’action {actions} doit s’appliquer à au moins une langue.} other {Les actions {actions} doivent s’appliquer à au moins une langue.}}',

  // Paid features.
  'Settings.sso.not-available':
    'L’authentification unique (SSO) n’est disponible que dans une offre payante. Changez d’offre pour configurer d’autres modes de connexion et d’inscription à l’administration.',
  'Settings.content-history.description': 'Gardez la main sur chaque étape de la vie de vos contenus.',
  'Settings.content-history.not-available':
    'L’historique des contenus n’est disponible que dans une offre payante. Changez d’offre pour garder la main sur la vie de vos contenus.',
  'Settings.page.PurchaseAudit-logs.perks3': 'Préserver la sécurité et la conformité',
  'Settings.page.PurchaseContent-history.description': 'Annulez instantanément des modifications de contenu',
  'Settings.page.PurchaseContent-history.perks1': 'Parcourir l’historique de vos contenus',
  'Settings.page.PurchaseContent-history.perks2': 'Annuler des modifications en un clic',
  'Settings.page.PurchaseContent-history.perks3': 'Suivre les modifications dans chaque langue',
  'Settings.page.PurchaseSSO.description': 'Simplifiez l’authentification de votre équipe',
  'Settings.page.PurchaseSSO.perks1': 'Authentification unifiée',
  'Settings.page.PurchaseSSO.perks2': 'Sécurité renforcée',
  'Settings.page.PurchaseSSO.perks3': 'Prise en charge des webhooks',
  'Settings.page.purchase.upgrade.cta': 'Changer d’offre',
  'Settings.page.purchase.learn-more.cta': 'En savoir plus',
  'components.premiumFeature.title': 'Fonction payante',
  'app.components.UpsellBanner.button': 'Changer d’offre',
  'app.components.UpsellBanner.intro': 'Fonctions de l’offre Growth : ',
  'app.components.UpsellBanner.text':
    'Pendant votre période d’essai, vous pouvez découvrir des outils payants comme l’historique des contenus, les publications groupées et l’authentification unique (SSO).',
  'app.components.FreeTrialEndedModal.button.downgrade': 'Revenir à l’offre Community',
  'app.components.FreeTrialEndedModal.button.upgrade': 'Rester sur l’offre Growth',
  'app.components.FreeTrialEndedModal.description':
    'Votre accès aux fonctions de l’offre Growth (historique des contenus, publications groupées, authentification unique) a expiré.',
  'app.components.FreeTrialEndedModal.notice.item1':
    'En revenant à l’offre Community, vous perdrez l’accès à ces fonctions.',
  'app.components.FreeTrialEndedModal.notice.item2': 'L’historique des versions des documents sera supprimé.',
  'app.components.FreeTrialEndedModal.notice.item3': 'Toutes les publications groupées seront effacées.',
  'app.components.FreeTrialEndedModal.notice.item4':
    'Avant de changer d’offre, définissez un mot de passe pour l’administrateur principal afin de garder l’accès à l’administration.',
  'app.components.FreeTrialEndedModal.notice.title': 'À savoir :',
  'app.components.FreeTrialEndedModal.title': 'Votre période d’essai est terminée',
  'app.components.FreeTrialWelcomeModal.button': 'Découvrir',
  'app.components.FreeTrialWelcomeModal.description1':
    'Pendant 30 jours, vous avez accès à toutes les fonctions avancées comme l’historique des contenus, les publications groupées et l’authentification unique (SSO) : tout ce qu’il faut pour découvrir Strapi CMS.',
  'app.components.FreeTrialWelcomeModal.description2':
    'Profitez-en pour construire, personnaliser et tester librement vos circuits de contenu !',
  'app.components.FreeTrialWelcomeModal.title': 'Bienvenue à bord',
  'app.components.LeftMenu.trialCountdown.endedAt': 'Votre période d’essai s’est terminée le {date}.',
  'app.components.LeftMenu.trialCountdown.endsAt': 'Votre période d’essai se termine le {date}.',
  'notification.ee.warning.at-seat-limit.title':
    '{licenseLimitStatus, select, OVER_LIMIT {Limite de comptes dépassée} AT_LIMIT {Limite de comptes atteinte}} ({currentUserCount}/{permittedSeats})',
  'notification.ee.warning.over-.message':
    'Ajoutez des comptes à votre licence pour {licenseLimitStatus, select, OVER_LIMIT {inviter} AT_LIMIT {réactiver}} des utilisateurs. Si c’est déjà fait mais que Strapi ne le montre pas encore, redémarrez l’application.',

  // Webhooks.
  'Settings.webhooks.events.isLoading': 'Chargement des événements',

  // Errors and session.
  'app.error.chunk.message':
    'L’administration n’a pas pu charger cet écran. Cela arrive souvent quand le serveur démarre ou que la connexion a été interrompue. Rechargez la page pour réessayer. Après une mise en production récente, un rechargement complet peut être nécessaire pour obtenir la dernière version.',
  'app.error.chunk.reload': 'Recharger la page',
  'app.error.chunk.title': 'Cet écran n’a pas pu être chargé',
  'app.session.ended.title': 'Session terminée',
  'app.session.ended.unsaved':
    'Votre session est terminée et ne peut pas être reprise. Vos modifications non enregistrées seront perdues à la déconnexion.',
  'notification.error.invalid.configuration':
    'Votre configuration n’est pas valide ; consultez le journal du serveur pour en savoir plus.',

  // Marketing blocks and guided tours (switched off, translated in case they show).
  'app.components.BlockLink.cloud.content': 'Hébergement cloud entièrement géré pour votre projet Strapi.',
  'app.components.GuidedTour.apiTokens.success.content':
    '<p>Voyez le contenu en action en envoyant une requête HTTP :</p><ul><li><p>à cette adresse : <light>https://\'<\'VOTRE_DOMAINE\'>\'/api/\'<\'VOTRE_TYPE\'>\'</light></p></li><li><p>avec l’en-tête : <light>Authorization: bearer \'<\'VOTRE_JETON_API\'>\'</light></p></li></ul><p>Pour d’autres façons d’utiliser le contenu, consultez la <documentationLink>documentation</documentationLink>.</p>',
  'app.components.GuidedTour.apiTokens.success.cta.title': 'Revenir à l’accueil',
  'app.components.NpsSurvey.select-rating': 'Choisir une note',
  'app.components.Onboarding.link.build-content': 'Construire l’architecture des contenus',
  'app.components.Onboarding.link.manage-content': 'Ajouter et gérer du contenu',
  'app.components.Onboarding.link.manage-media': 'Gérer les médias',
  'app.components.Onboarding.link.more-videos': 'Voir d’autres vidéos',
  'app.components.MediaLibraryBanner.button': 'Documentation',
  'app.components.MediaLibraryBanner.button.enabled': 'Lire l’article',
  'app.components.MediaLibraryBanner.close': 'Fermer le bandeau. ',
  'app.components.MediaLibraryBanner.intro': 'Découvrez la nouvelle médiathèque ',
  'app.components.MediaLibraryBanner.text': 'Consultez la documentation pour savoir comment passer à la nouvelle.',
  'app.components.MediaLibraryBanner.text.enabled': 'Vous utilisez désormais la nouvelle version.',
  'tours.contentTypeBuilder.Introduction.title': 'Bienvenue dans le constructeur de types de contenu !',
  'tours.contentTypeBuilder.Introduction.content':
    'Ici, vous créez et gérez la structure de votre application avec des types de collection, des types uniques et des composants réutilisables. C’est parti !',
  'tours.contentTypeBuilder.AIChat.title': 'À vous de jouer !',
  'tours.contentTypeBuilder.AIChat.content':
    '<p>Posez ici vos questions sur le constructeur de types de contenu ou sur Strapi.</p><p>Strapi AI peut générer des schémas adaptés à vos besoins. Demandez exactement ce que vous voulez, par exemple :<ul><li>un sélecteur de date</li><li>des champs e-mail et mot de passe</li><li>des médias de tout type</li><li>des UID</li></ul></p><p>N’hésitez pas, essayez !</p>',
  'tours.contentTypeBuilder.CollectionTypes.title': 'Types de collection',
  'tours.contentTypeBuilder.CollectionTypes.content':
    'Ils servent à gérer de nombreuses entrées, comme des articles de blog ou des produits.',
  'tours.contentTypeBuilder.SingleTypes.title': 'Types uniques',
  'tours.contentTypeBuilder.SingleTypes.content':
    'Parfaits pour les entrées uniques comme votre page d’accueil ou les réglages du site.',
  'tours.contentTypeBuilder.Components.title': 'Composants',
  'tours.contentTypeBuilder.Components.content':
    'Construits une fois, réutilisés partout : boutons, cartes, carrousels…',
  'tours.contentTypeBuilder.YourTurn.title': 'À vous : construisez quelque chose !',
  'tours.contentTypeBuilder.YourTurn.content':
    'Créez un type de collection ou un type unique. Cliquez sur le bouton « + », choisissez un nom, cliquez sur « Continuer » et laissez-vous guider.',
  'tours.contentTypeBuilder.AddFields.title': 'Ajoutez un champ pour lui donner vie',
  'tours.contentTypeBuilder.AddFields.content':
    'Commencez par ajouter un premier champ : un nom, une image ou une relation. Votre type de contenu doit avoir une forme avant de recevoir du contenu.',
  'tours.contentTypeBuilder.Save.title': 'N’oubliez pas d’enregistrer !',
  'tours.contentTypeBuilder.Save.content':
    'Cliquez sur le bouton « Enregistrer » pour valider votre type de contenu et ne pas perdre votre travail. Vous y êtes presque !',
  'tours.contentTypeBuilder.Finish.title': 'Première étape terminée ! 🎉',
  'tours.contentTypeBuilder.Finish.content':
    'Vous avez créé votre premier type de contenu ! Passez maintenant à la gestion du contenu pour ajouter des entrées.',
  'tours.apiTokens.Introduction.title': 'Pour finir, les jetons d’API',
  'tours.apiTokens.Introduction.content': 'Contrôlez l’accès à l’API avec des permissions très précises.',
  'tours.apiTokens.ManageAPIToken.title': 'Gérer un jeton d’API',
  'tours.apiTokens.ManageAPIToken.content':
    'Cliquez sur l’icône « Crayon » pour voir et modifier un jeton d’API existant.',
  'tours.apiTokens.ViewAPIToken.title': 'Voir le jeton d’API',
  'tours.apiTokens.ViewAPIToken.content': 'Cliquez sur le bouton « Voir le jeton » pour afficher votre jeton d’API.',
  'tours.apiTokens.CopyAPIToken.title': 'Copier votre jeton d’API',
  'tours.apiTokens.CopyAPIToken.content':
    'Cliquez sur le bouton « Copier » pour garder votre jeton d’API : vous en aurez besoin pour envoyer des requêtes à votre application. {spacer} D’autres questions ? Apprenez-en plus sur les <a>jetons d’API</a>.',
  'tours.apiTokens.FinalStep.title': 'Bravo, il est temps de mettre votre application en ligne !',
  'tours.apiTokens.FinalStep.content':
    'Vous avez tout ce qu’il faut pour mettre votre application en ligne et partager vos contenus.',
  'tours.contentManager.Introduction.title': 'Gestion du contenu',
  'tours.contentManager.Introduction.content':
    'Créez et gérez le contenu de vos types de collection et de vos types uniques.',
  'tours.contentManager.CreateNewEntry.title': 'Créer une entrée',
  'tours.contentManager.CreateNewEntry.content':
    'Cliquez sur le bouton « Créer une nouvelle entrée » pour créer et publier une entrée de ce type de collection.',
  'tours.contentManager.Fields.title': 'Champs',
  'tours.contentManager.Fields.content':
    'Remplissez d’abord les champs créés dans le constructeur de types de contenu.',
  'tours.contentManager.Publish.title': 'Publier',
  'tours.contentManager.Publish.content':
    'Cliquez ensuite sur le bouton « Publier » pour rendre votre contenu disponible dans l’API.',
  'tours.contentManager.FinalStep.title': 'Place aux jetons d’API !',
  'tours.contentManager.FinalStep.content':
    'Maintenant que vous avez créé et publié une entrée, créez un jeton d’API pour gérer l’accès à vos contenus.',
  'tours.stepCount': 'Étape {currentStep} sur {tourLength}',
  'tours.skip': 'Passer',
  'tours.next': 'Suivant',
  'tours.gotIt': 'Compris',
  'tours.overview.title': 'Découvrez votre application !',
  'tours.overview.subtitle': 'Suivez la visite guidée pour tirer le meilleur de Strapi.',
  'tours.overview.close': 'Fermer la visite guidée',
  'tours.overview.tasks': 'Vos tâches',
  'tours.overview.contentTypeBuilder.label': 'Créer votre schéma',
  'tours.overview.contentManager.label': 'Créer et publier du contenu',
  'tours.overview.apiTokens.label': 'Copier un jeton d’API',
  'tours.overview.strapiCloud.label': 'Déployer votre application sur Strapi Cloud',
  'tours.overview.strapiCloud.link': 'Lire la documentation',
  'tours.overview.tour.link': 'Commencer',
  'tours.overview.tour.done': 'Terminé',
  'tours.overview.close.description': 'Voulez-vous vraiment fermer la visite guidée ?',
  'tours.profile.title': 'Visite guidée',
  'tours.profile.description': 'Vous pouvez relancer la visite guidée à tout moment.',
  'tours.profile.reset': 'Relancer la visite guidée',
  'tours.profile.notification.success.reset': 'Visite guidée relancée',
  'tours.overview.completed': '{completed} % terminé',

  // Navigation and generic words.
  'app.components.LeftMenu.general': 'Général',
  'app.components.LeftMenu.plugins': 'Extensions',
  'app.components.Select.placeholder': 'Choisir',
  'app.components.ToggleCheckbox.enabled-label': 'Activé',
  'app.components.ToggleCheckbox.disabled-label': 'Désactivé',
  'app.utils.update-filter': 'Modifier le filtre',
  'app.utils.published': 'Publié',
  'app.HeaderLayout.docLink.label': 'En savoir plus dans la documentation',
  'global.localeToggle.label': 'Choisir la langue de l’interface',
  'global.new': 'Nouveau',
  'global.learn-more': 'En savoir plus',
  'global.plugins.content-manager': 'Gestion du contenu',
  'global.plugins.content-manager.description':
    'Un moyen rapide de consulter, modifier et supprimer les données de votre base.',
  'global.plugins.content-type-builder': 'Constructeur de types de contenu',
  'global.plugins.content-type-builder.description':
    'Modélisez la structure des données de votre API. Créez des champs et des relations en une minute. Les fichiers sont créés et mis à jour automatiquement dans votre projet.',
  'global.plugins.documentation.description':
    'Crée un document OpenAPI et présente votre API avec Swagger UI.',
  'global.plugins.email': 'E-mail',
  'global.plugins.email.description': 'Configurez l’envoi d’e-mails par votre application.',
  'global.plugins.graphql.description': 'Ajoute un point d’accès GraphQL avec les méthodes d’API par défaut.',
  'global.plugins.i18n': 'Internationalisation',
  'global.plugins.i18n.description':
    'Permet de créer, lire et modifier du contenu en plusieurs langues, depuis l’administration comme depuis l’API.',
  'global.plugins.sentry.description': 'Envoie les erreurs de Strapi à Sentry.',
  'global.plugins.upload': 'Médiathèque',
  'global.plugins.upload.description': 'Gestion des fichiers multimédias.',
  'global.plugins.users-permissions': 'Rôles et permissions',
  'global.plugins.users-permissions.description':
    'Protège votre API par une authentification complète fondée sur JWT. Cette extension fournit aussi des listes de contrôle d’accès pour gérer les permissions des groupes d’utilisateurs.',

  // Profile: active sessions.
  'global.sessions.active-devices': 'Appareils connectés',
  'Settings.sessions.title': 'Appareils connectés',
  'Settings.sessions.subtitle': 'Les appareils et sessions actuellement connectés à votre compte.',
  'Settings.sessions.device': 'Appareil',
  'Settings.sessions.loginAt': 'Connecté le',
  'Settings.sessions.lastActiveAt': 'Dernière utilisation',
  'Settings.sessions.current': 'Cet appareil',
  'Settings.sessions.unknownDevice': 'Appareil inconnu',
  'Settings.sessions.revoke': 'Fermer la session',
  'Settings.sessions.revoke.success': 'Session fermée',
  'Settings.sessions.revoke.confirm':
    'Voulez-vous vraiment fermer cette session ? L’appareil devra se reconnecter.',
  'Settings.sessions.revoke.confirmCurrent':
    'C’est l’appareil que vous utilisez. Fermer cette session vous déconnectera.',
  'Settings.sessions.revokeOthers': 'Se déconnecter des autres appareils',
  'Settings.sessions.revokeOthers.confirm':
    'Voulez-vous vraiment continuer ? Toutes les autres sessions seront fermées ; vous resterez connecté sur cet appareil.',
  'Settings.sessions.revokeOthers.success': 'Autres sessions fermées',
  'Settings.sessions.revokeAll': 'Se déconnecter de tous les appareils',
  'Settings.sessions.revokeAll.confirm':
    'Voulez-vous vraiment continuer ? Toutes les sessions seront fermées, y compris celle-ci, et vous devrez vous reconnecter.',

  // Form validation and rich text editor.
  'components.Input.error.validation.combobox.invalid': 'La valeur saisie n’est pas valide',
  'components.Input.error.validation.email.withField': '{field} : adresse e-mail non valide',
  'components.Input.error.validation.json.withField': '{field} : le format JSON n’est pas respecté',
  'components.Input.error.validation.lowercase.withField': '{field} doit être en minuscules',
  'components.Input.error.validation.max.withField': '{field} : valeur trop grande.',
  'components.Input.error.validation.maxLength.withField': '{field} : texte trop long.',
  'components.Input.error.validation.min.withField': '{field} : valeur trop petite.',
  'components.Input.error.validation.minLength.withField': '{field} : texte trop court.',
  'components.Input.error.validation.minSupMax.withField': '{field} ne peut pas être supérieur',
  'components.Input.error.validation.regex.withField': '{field} ne respecte pas le format attendu.',
  'components.Input.error.validation.required.withField': '{field} est obligatoire.',
  'components.Input.error.validation.unique.withField': '{field} est déjà utilisé.',
  'components.Blocks.popover.link.rel': 'Rel (facultatif)',
  'components.Blocks.popover.link.target': 'Cible (facultatif)',
  'components.Blocks.dnd.reorder': '{item} déplacé. Nouvelle position dans l’éditeur : {position}.',
  'components.Wysiwyg.blocks.code': 'Bloc de code',

  // Corrections of Strapi's fr.json: spelling, grammar, English words, missing placeholders.
  'Auth.form.error.email.invalid': 'Cette adresse e-mail n’est pas valide.',
  'Auth.form.error.user.not-exist': 'Cette adresse e-mail n’existe pas.',
  'Auth.form.error.password.matching': 'Les mots de passe ne sont pas identiques.',
  'Content Type Builder': 'Constructeur de types de contenu',
  'Media Library': 'Médiathèque',
  'Roles.ListPage.notification.delete-not-allowed':
    'Un rôle ne peut pas être supprimé s’il est associé à des utilisateurs.',
  'app.components.InputFileDetails.size': 'Taille :',
  'app.containers.AuthPage.ForgotPasswordSuccess.title': 'E-mail envoyé',
  'app.utils.notify.data-loaded': '{target} : chargement terminé',
  'components.Input.error.validation.max': 'La valeur est trop grande (au plus {max}).',
  'components.Input.error.validation.maxLength': 'Le texte est trop long (au plus {max} caractères).',
  'components.Input.error.validation.min': 'La valeur est trop petite (au moins {min}).',
  'components.Input.error.validation.minLength': 'Le texte est trop court (au moins {min} caractères).',
  'components.OverlayBlocker.description.serverError':
    'Le serveur aurait déjà dû redémarrer ; consultez les messages du terminal.',
  'components.OverlayBlocker.title.serverError': 'Le serveur aurait déjà dû redémarrer',
  'components.WysiwygBottomControls.uploadFiles.browse': 'en les sélectionnant',
  'components.popUpWarning.message': 'Voulez-vous vraiment le supprimer ?',
  'global.prompt.unsaved': 'Voulez-vous vraiment quitter cette page ? Toutes vos modifications seront perdues.',
  'notification.contentType.relations.conflict': 'Le type de contenu a des relations en conflit',
  'notification.error.layout': 'Impossible de récupérer la mise en page de l’administration',
  'notification.success.saved': 'Enregistré',
  'request.error.model.unknown': 'Ce modèle n’existe pas',
  'HomePage.widget.loading': 'Chargement du contenu du bloc',
  'HomePage.widget.error': 'Impossible de charger le contenu du bloc.',
  'Settings.global': 'Paramètres globaux',
  'Settings.permissions': 'Panneau d’administration',
  'Settings.application.customization': 'Personnalisation',
  'Settings.application.node-version': 'version de Node',
  'Settings.application.strapi-version': 'version de Strapi',
  'Settings.application.strapiVersion': 'version de Strapi',
  'Settings.page.PurchaseAudit-logs.description': 'Suivez et examinez les modifications avec votre équipe',
  'Settings.roles.edit.title': 'Modifier un rôle',
  'Settings.tokens.copy.editMessage': 'Pour des raisons de sécurité, vous ne pouvez voir votre jeton qu’une seule fois',
  'Settings.tokens.notification.copied': 'Jeton copié dans le presse-papiers.',
};

/** Ids Strapi's code uses with only an English default message, absent from its catalogues. */
export const traductionsAdminHorsCatalogue: Record<string, string> = {
  'HomePage.addWidget.selectWidget': 'Choisir le bloc {widgetName}',
  'app.components.Button.close': 'Fermer',
  'app.error': 'Une erreur est survenue',
  'app.error.copy': 'Copier dans le presse-papiers',
  'app.error.message':
    'Un problème est survenu dans l’application. Prévenez l’équipe technique pour qu’elle en cherche l’origine et signale l’anomalie à Strapi sur {link}.',
  'app.loading': 'Chargement…',
  'app.utils.toggle': 'Déplier ou replier',
  cancel: 'Annuler',
  'components.Blocks.blocks.bulletList': 'Liste à puces',
  'components.Blocks.blocks.numberList': 'Liste numérotée',
  'components.placeholder.select': 'Choisir',
  'search.placeholder': 'Rechercher',
  'tours.previous': 'Précédent',

  // Plugin ids Strapi's code formats without the plugin prefix, so its plugin catalogues never match.
  'form.upload-url.error.url.invalid': 'Une URL n’est pas valide',
  'form.upload-url.error.url.invalids': '{number} URL ne sont pas valides',
  'list.asset.at.finished': 'Les dossiers sont chargés.',
  'list.table.content.empty-label': 'Ce champ est vide',
  'list.table.header.sort': 'Trier par {label}',
  'modal.remove.success-label': 'Les éléments ont été supprimés.',
  'window.confirm.close-modal.file': 'Voulez-vous vraiment fermer ? Vos modifications seront perdues.',
  'window.confirm.close-modal.files':
    'Voulez-vous vraiment fermer ? Certains fichiers n’ont pas encore été importés.',
  'view-switch.grid': 'Vue en grille',
  'view-switch.list': 'Vue en liste',
  'containers.list.displayedFields': 'Champs affichés',
  'popUpWarning.bodyMessage.contentType.delete.all': 'Voulez-vous vraiment supprimer ces entrées ?',
  'popUpWarning.bodyMessage.contentType.unpublish.all': 'Voulez-vous vraiment dépublier ces entrées ?',
  'history.content.localized':
    'Cette valeur est propre à cette langue. Si vous restaurez cette version, le contenu des autres langues ne sera pas remplacé.',
  'history.content.not-localized':
    'Cette valeur est commune à toutes les langues. Si vous restaurez cette version et enregistrez, le contenu sera remplacé dans toutes les langues.',
  'preview.tabs.label': 'État du document',
  'preview.copy.label': 'Copier le lien de l’aperçu',
};

/**
 * Display names of Strapi's own content types, which the content manager formats as message ids
 * (menu, lists, home page). « User » is a member account of the public site.
 */
export const traductionsTypesStrapi: Record<string, string> = {
  User: 'Membre',
};
