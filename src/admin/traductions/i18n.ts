/**
 * French for the keys of @strapi/i18n's English catalogue that its fr.json lacks, leaves in English or
 * gets wrong. Keys without the plugin prefix (added in ./index.ts).
 */
export const traductionsI18n: Record<string, string> = {
  'actions.delete.label': 'Supprimer l’entrée ({locale})',
  'actions.delete.dialog.body': 'Voulez-vous vraiment supprimer cette langue ?',
  'actions.delete.error': 'Une erreur est survenue lors de la suppression de cette langue du document.',
  'CMEditViewCopyLocale.cancel-text': 'Non, annuler',
  'CMEditViewCopyLocale.dialog.body':
    'Votre contenu actuel sera effacé et remplacé par celui de la langue choisie :',
  'CMEditViewCopyLocale.dialog.field.label': 'Langue',
  'CMEditViewCopyLocale.dialog.field.placeholder': 'Choisissez une langue…',
  'CMEditViewBulkLocale.publish-title': 'Publier plusieurs langues',
  'CMEditViewBulkLocale.unpublish-title': 'Dépublier plusieurs langues',
  'CMEditViewBulkLocale.status': 'Statut',
  'CMEditViewBulkLocale.publication-status': 'État de publication',
  'CMEditViewBulkLocale.draft-relation-warning':
    'Certaines langues sont liées à des entrées en brouillon. Les publier pourrait laisser des liens cassés dans votre application.',
  'CMEditViewBulkLocale.continue-confirmation': 'Voulez-vous vraiment continuer ?',
  'CMEditViewAITranslation.status-aria-label': 'État de la traduction par l’IA',
  'CMEditViewAITranslation.status-title':
    '{enabled, select, true {Traduction par l’IA activée} false {Traduction par l’IA désactivée} other {Traduction par l’IA désactivée}}',
  'CMEditViewAITranslation.status-description':
    'Notre IA traduit le contenu dans toutes les langues à chaque enregistrement d’une modification dans la langue par défaut.',
  'CMEditViewAITranslation.settings-link':
    '{enabled, select, true {La désactiver dans les réglages} false {L’activer dans les réglages} other {L’activer dans les réglages}}',
  'CMEditViewAITranslation.job-completed': 'Traduction par l’IA terminée !',
  'CMEditViewAITranslation.job-failed': 'La traduction par l’IA a échoué. Veuillez réessayer.',
  'CMEditViewLocalePicker.locale.create': 'Créer la version <bold>{locale}</bold>',
  'CMEditViewLocalePicker.locale.ai-translations': 'Traductions par l’IA :',
  'CMListView.popover.display-locales.more': '{locales} + {count} autres',
  'Settings.list.actions.delete': 'Supprimer la langue {name}',
  'Settings.list.actions.edit': 'Modifier la langue {name}',
  'Settings.list.actions.publishAdditionalInfos':
    'Les versions des langues actives seront publiées <em>(internationalisation)</em>',
  'Settings.list.actions.unpublishAdditionalInfos':
    'Les versions des langues actives seront dépubliées <em>(internationalisation)</em>',
  'Settings.aiLocalizations.label': 'Traductions par l’IA',
  'Settings.aiLocalizations.description':
    'À chaque enregistrement dans la gestion du contenu, notre IA traduit automatiquement toutes les autres langues à partir de la langue par défaut.',
  'Settings.locales.modal.create.code.label': 'Langues',
  'Settings.locales.modal.create.code.error': 'Veuillez choisir une langue',
  'Settings.locales.modal.create.name.error.min':
    'Le nom d’affichage de la langue doit faire moins de 50 caractères.',
  'Settings.locales.modal.create.name.error.required': 'Veuillez donner un nom d’affichage à la langue',
  'list-view.table.header.label': 'Disponible en',

  // Corrections of Strapi's fr.json: « langue » rather than the anglicism « locale » where agents see it.
  'CMEditViewCopyLocale.copy-failure': 'Échec de la copie depuis l’autre langue',
  'CMEditViewCopyLocale.copy-success': 'Contenu copié depuis l’autre langue',
  'CMEditViewCopyLocale.copy-text': 'Remplir à partir d’une autre langue',
  'CMListView.popover.display-locales.label': 'Afficher les langues traduites',
  'Field.localized': 'Cette valeur est propre à la langue choisie',
  'Field.not-localized': 'Cette valeur est commune à toutes les langues',
  'actions.select-locale': 'Choisissez une langue',
  'Settings.permissions.read.denied.description':
    'Pour pouvoir lire ceci, contactez l’administrateur de votre système.',
};
