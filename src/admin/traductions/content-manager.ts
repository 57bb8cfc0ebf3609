/**
 * French for the keys of @strapi/content-manager's English catalogue that its fr.json lacks, leaves in
 * English or gets wrong. Keys without the plugin prefix (added in ./index.ts).
 */
export const traductionsGestionContenu: Record<string, string> = {
  // Left in English, or dropping a placeholder, in Strapi's fr.json.
  'api.id': 'ID d’API',
  'containers.edit-settings.modal-form.placeholder': 'Texte d’exemple',
  'containers.SettingPage.layout': 'Mise en page',
  'form.Input.label': 'Libellé',
  'form.Input.placeholder': 'Texte d’exemple',
  'containers.list.items': '{number} {number, plural, =0 {élément} one {élément} other {éléments}}',
  'error.validation.max': 'La valeur est trop grande (au plus {max}).',
  'error.validation.maxLength': 'Le texte est trop long (au plus {max} caractères).',
  'error.validation.min': 'La valeur est trop petite (au moins {min}).',
  'error.validation.minLength': 'Le texte est trop court (au moins {min} caractères).',

  // List and edit views.
  'actions.delete.label': 'Supprimer l’entrée{isLocalized, select, true { (toutes les langues)} other {}}',
  'actions.open-in-new-tab.label': 'Ouvrir dans un nouvel onglet',
  'actions.copy-documentId.label': 'Copier l’identifiant du document',
  'actions.copy-documentId.success': 'Identifiant du document copié',
  'components.DynamicZone.extra-components':
    '{number, plural, =0 {Il n’y a aucun composant en trop} one {Il y a # composant en trop} other {Il y a # composants en trop}}',
  'components.DynamicZone.unknown-component': 'Composant inconnu',
  'components.DynamicZone.move-up': 'Monter',
  'components.DynamicZone.move-down': 'Descendre',
  'components.RelationInputModal.modal-title': 'Modifier une relation',
  'components.RelationInputModal.button-fullpage': 'Ouvrir l’entrée',
  'components.RelationInputModal.confirmation-message':
    'Certaines modifications ne sont pas enregistrées. Voulez-vous vraiment fermer cette relation ? Les modifications non enregistrées seront perdues.',
  'containers.edit.information.last-published.value': '{time}{isAnonymous, select, true {} other { par {author}}}',
  'containers.edit.information.last-draft.value': '{time}{isAnonymous, select, true {} other { par {author}}}',
  'containers.edit.information.document.value': '{time}{isAnonymous, select, true {} other { par {author}}}',
  'containers.edit.information.documentId.label': 'Identifiant du document',
  'containers.List.statusFilter.draft': 'Brouillon (jamais publié)',
  'containers.List.statusFilter.published': 'Publié (tous)',
  'containers.List.statusFilter.publishedModified': 'Publié (modifié depuis)',
  'containers.List.statusFilter.publishedUnmodified': 'Publié (non modifié depuis)',
  'containers.list.filters.status': 'Statut',
  'containers.list.selectedEntriesModal.title': 'Publier les entrées',
  'containers.list.selectedEntriesModal.selectedCount.publish':
    '<b>{publishedCount}</b> {publishedCount, plural, =0 {entrée déjà publiée} one {entrée déjà publiée} other {entrées déjà publiées}}. <b>{draftCount}</b> {draftCount, plural, =0 {entrée prête} one {entrée prête} other {entrées prêtes}} à publier. <b>{withErrorsCount}</b> {withErrorsCount, plural, =0 {entrée demande} one {entrée demande} other {entrées demandent}} une action.',
  'containers.list.selectedEntriesModal.selectedCount.unpublish':
    '<b>{draftCount}</b> {draftCount, plural, =0 {entrée déjà dépubliée} one {entrée déjà dépubliée} other {entrées déjà dépubliées}}. <b>{publishedCount}</b> {publishedCount, plural, =0 {entrée prête} one {entrée prête} other {entrées prêtes}} à dépublier.',
  'containers.list.autoCloneModal.error.unique': 'Un champ unique ne peut pas recevoir une valeur identique.',
  'containers.list.autoCloneModal.error.relation':
    'Dupliquer la relation pourrait la retirer de l’entrée d’origine.',
  'containers.edit-settings.modal-form.mainField.hint':
    'Choisissez le champ affiché dans les vues d’édition et de liste',
  'containers.edit-settings.modal-form.size': 'Taille',
  'containers.SettingPage.add.relational-field': 'Ajouter un autre champ lié',
  'containers.SettingPage.editSettings.relationOpenMode': 'Ouverture des relations',
  'containers.SettingPage.editSettings.relationOpenMode.description':
    'Choisissez comment s’ouvrent les entrées liées quand on clique dessus',
  'containers.SettingPage.editSettings.relationOpenMode.modal': 'Fenêtre (par défaut)',
  'containers.SettingPage.editSettings.relationOpenMode.newTab': 'Nouvel onglet',
  'containers.SettingPage.editSettings.relationOpenMode.page': 'Page entière',
  'containers.SettingPage.relations': 'Champs liés',

  // Field hints: « au plus 150 caractères ».
  'form.Input.hint.character.unit': '{maxValue, plural, one { caractère} other { caractères}}',
  'form.Input.hint.minMaxDivider': ' et ',
  'form.Input.hint.text':
    '{min, select, undefined {} other {au moins {min}}}{divider}{max, select, undefined {} other {au plus {max}}}{unit}{br}{description}',

  // Permissions, publication warnings.
  'permissions.not-allowed.locale': 'Vous n’avez pas l’autorisation d’accéder à ce contenu dans cette langue',
  'popUpWarning.warning.has-draft-relations.message':
    'Cette entrée est liée à {count, plural, one {# entrée en brouillon} other {# entrées en brouillon}}. {count, plural, one {Cette relation ne figurera pas dans la version publiée.} other {Ces relations ne figureront pas dans la version publiée.}}',
  'popUpWarning.warning.has-draft-m2m-relations.message':
    '{count, plural, one {# entrée liée est encore en brouillon. Elle apparaîtra sur le site dès qu’elle sera publiée.} other {# entrées liées sont encore en brouillon. Elles apparaîtront sur le site dès qu’elles seront publiées.}}',
  'popUpWarning.warning.has-draft-m2m-relations.additional':
    '{count, plural, one {# lien multiple pointe} other {# liens multiples pointent}} vers des entrées en brouillon qui deviendront visibles une fois publiées.',
  'popUpwarning.warning.bulk-has-draft-relations.message':
    '<b>{count} {count, plural, one {relation} other {relations}} sur {entities} {entities, plural, one {entrée} other {entrées}} {count, plural, one {n’est} other {ne sont}}</b> pas encore {count, plural, one {publiée} other {publiées}}, ce qui peut avoir des effets inattendus. ',
  'popUpWarning.warning.unpublish': 'Si vous ne publiez pas ce contenu, il redeviendra automatiquement un brouillon.',
  'popUpWarning.warning.unpublish-question': 'Voulez-vous vraiment ne pas le publier ?',
  'success.records.publish': 'Publié.',
  'listView.validation.errors.title': 'Action requise',
  'listView.validation.errors.message':
    'Vérifiez que tous les champs sont valides avant de publier (champs obligatoires, nombre de caractères minimum ou maximum, etc.)',
  'validation.error.unreadable-required-field':
    'Vos permissions ne vous donnent pas accès à certains champs obligatoires. Demandez cet accès à un administrateur pour continuer.',

  // Preview.
  'preview.panel.title': 'Aperçu',
  'preview.panel.button': 'Ouvrir l’aperçu',
  'preview.panel.button-configuration': 'Configurer l’aperçu',
  'preview.panel.button-disabled-tooltip': 'Enregistrez pour ouvrir l’aperçu',
  'preview.page-title': 'Aperçu : {contentType}',
  'preview.header.close': 'Fermer l’aperçu',
  'preview.copy.label': 'Copier le lien de l’aperçu',
  'preview.copy.success': 'Lien de l’aperçu copié',
  'preview.tabs.label': 'État de l’aperçu',
  'preview.device.select': 'Choisir le type d’appareil',
  'preview.device.desktop': 'Ordinateur',
  'preview.device.mobile': 'Téléphone',
  'preview.info.single-click-hint': 'Double-cliquez pour modifier',
  'preview.error.invalid-field-path': 'Ce champ est introuvable dans le document actuel',
  'preview.error.relations-not-handled': 'Les relations ne peuvent pas encore être modifiées dans l’aperçu.',
  'preview.error.incomplete-strapi-source': 'Il manque à ce champ des informations nécessaires à l’aperçu',
  'preview.error.different-document': 'Ce champ provient d’un autre document',
  'preview.error.script-failed':
    'Le script d’aperçu en direct n’a pas pu être chargé. La modification visuelle est peut-être indisponible.',

  // Relations.
  'relation.create': 'Créer une relation',

  // History.
  'history.sidebar.version-card.aria-label': 'Fiche de version',
  'history.sidebar.versionDescription':
    '{distanceToNow}{isAnonymous, select, true {} other { par {author}}}{isCurrent, select, true { <b>(actuelle)</b>} other {}}',
  'history.version.subtitle': '{hasLocale, select, true {{subtitle}, en {locale}} other {{subtitle}}}',
  'history.content.missing-assets.title': '{number, plural, =1 {Média manquant} other {{number} médias manquants}}',
  'history.content.missing-assets.message':
    '{number, plural, =1 {Il a été supprimé de la médiathèque et ne peut pas être restauré} other {Ils ont été supprimés de la médiathèque et ne peuvent pas être restaurés}}.',
  'history.content.missing-relations.title':
    '{number, plural, =1 {Relation manquante} other {{number} relations manquantes}}',
  'history.content.missing-relations.message':
    '{number, plural, =1 {Elle a été supprimée et ne peut pas être restaurée} other {Elles ont été supprimées et ne peuvent pas être restaurées}}.',

  // Corrections of Strapi's fr.json: spelling, grammar, English words, a broken plural.
  'App.schemas.data-loaded': 'Les schémas ont été chargés',
  'ListViewTable.relation-loaded': 'Les relations ont été chargées',
  'utils.data-loaded': '{number, plural, =1 {L’entrée a été chargée} other {Les entrées ont été chargées}}',
  'components.empty-repeatable': 'Il n’y a pas encore d’entrée. Cliquez pour en ajouter une.',
  'components.EmptyAttributesBlock.description': 'Vous pouvez modifier vos paramètres',
  'components.FieldItem.linkToComponentLayout': 'Modifier la mise en page du composant',
  'components.LeftMenu.collection-types': 'Types de collection',
  'components.Select.draft-info-title': 'Statut : brouillon',
  'components.Select.publish-info-title': 'Statut : publié',
  'components.SettingsViewWrapper.pluginHeader.description.edit-settings':
    'Définissez l’apparence de la vue d’édition.',
  'components.TableEmpty.withFilters': 'Aucune entrée « {contentType} » ne correspond à ces filtres.',
  'components.TableEmpty.withSearch':
    'Aucune entrée « {contentType} » ne correspond à cette recherche ({search}).',
  'components.TableEmpty.withoutFilter': 'Aucune entrée « {contentType} » pour l’instant.',
  'components.notification.info.minimum-requirement':
    'Un champ a été ajouté pour remplir les conditions minimales',
  'components.uid.regenerate': 'régénérer',
  'containers.EditSettingsView.modal-form.edit-field': 'Modifier le champ',
  'containers.Home.pluginHeaderDescription': 'Créez et modifiez vos contenus',
  'containers.Home.pluginHeaderTitle': 'Gestion du contenu',
  'containers.SettingPage.editSettings.description': 'Glissez-déposez les champs pour construire la mise en page',
  'containers.SettingPage.editSettings.title': 'Vue d’édition (paramètres)',
  'containers.SettingsPage.Block.generalSettings.description': 'Configurez les options par défaut de vos modèles',
  'containers.SettingsView.list.subtitle':
    'Configurez la mise en page et l’affichage de vos types de collection et groupes',
  'containers.list.table.row-actions': 'Actions de la ligne',
  'emptyAttributes.description': 'Ajoutez votre premier champ à votre modèle',
  'form.Input.defaultSort': 'Attribut de tri par défaut',
  'form.Input.editable': 'Champ modifiable',
  'form.Input.label.inputDescription': 'Cette valeur remplace celle de l’en-tête de colonne',
  'form.Input.placeholder.placeholder': 'Mon texte d’exemple',
  'form.Input.search.field': 'Autoriser la recherche sur ce champ',
  'form.Input.sort.field': 'Autoriser le tri sur ce champ',
  'link-to-ctb': 'Modifier le modèle',
  models: 'Types de collection',
  'models.numbered': 'Types de collection ({number})',
  'notification.error.displayedFields': 'Au moins un champ doit être affiché',
  'notification.info.minimumFields': 'Au moins un champ doit être affiché',
  'notification.upload.error': 'Une erreur est survenue lors de l’import de vos fichiers',
  'pages.ListView.header-subtitle':
    '{number, plural, =0 {Aucune entrée trouvée} one {# entrée trouvée} other {# entrées trouvées}}',
  'pages.NoContentType.button': 'Créer votre premier type de contenu',
  'pages.NoContentType.text':
    'Vous n’avez encore aucun contenu ; nous vous recommandons de créer votre premier type de contenu.',
  'success.record.save': 'Enregistré',
  'success.records.unpublish': 'Dépublié.',
  'actions.edit.label': 'Modifier',
  'bulk-publish.edit': 'Modifier',
  'actions.unpublish.dialog.option.replace-draft': 'Dépublier et remplacer le dernier brouillon',
  'dnd.cancel-item': '{item}, relâché. Réorganisation annulée.',
  'dnd.drop-item': '{item}, déposé. Position finale dans la liste : {position}',
  'popUpWarning.bodyMessage.contentType.delete': 'Voulez-vous vraiment supprimer ce type de contenu ?',
  'history.content.unknown-fields.message':
    'Ces champs ont été supprimés ou renommés dans le constructeur de types de contenu. <b>Ils ne seront pas restaurés.</b>',
  'history.content.localized':
    'Cette valeur est propre à cette langue. Si vous restaurez cette version, le contenu des autres langues ne sera pas remplacé.',
  'history.content.not-localized':
    'Cette valeur est commune à toutes les langues. Si vous restaurez cette version, le contenu sera remplacé dans toutes les langues.',
  'widget.last-edited.title': 'Dernières entrées modifiées',
  'widget.last-edited.no-data': 'Aucune entrée modifiée',
};

/** Ids Strapi's code uses with only an English default message, absent from its catalogues. */
export const traductionsGestionContenuHorsCatalogue: Record<string, string> = {
  'plugin.name': 'Gestion du contenu',
  'containers.list.table-headers.status': 'statut',
  'containers.ListPage.selectedEntriesModal.title': 'Publier les entrées',
  'actions.unpublish.dialog.radio-label': 'Choisissez comment dépublier le document.',
  'components.Blocks.collapse': 'Réduire',
  'components.Blocks.expand': 'Agrandir',
  'components.Blocks.dnd.instruction':
    'Pour réorganiser les blocs, appuyez sur Commande ou Contrôle avec Maj et les flèches haut et bas',
  'components.Blocks.dnd.reorder': '{item} déplacé. Nouvelle position dans l’éditeur : {position}.',
  'components.DynamicZone.add-item-above': 'Ajouter un composant au-dessus',
  'components.DynamicZone.add-item-below': 'Ajouter un composant en dessous',
  'components.DynamicZone.more-actions': 'Autres actions',
  'history.sidebar.title.version-card.aria-label': 'Fiche de version',
  'restore.success.title': 'Version restaurée.',
  'restore.success.message': 'Une version antérieure du contenu a été restaurée.',
};
