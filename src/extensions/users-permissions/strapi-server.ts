/**
 * Trust-space accounts: a member belongs to an organisation and is approved by a modérateur (or by the
 * allow-list of email domains, see `bootstrap/espace-confiance.ts`). Labels: `admin-config/libelles.ts`.
 */
const ATTRIBUTS_MEMBRE = {
  organisation: { type: 'string', maxLength: 200 },
  approuve: { type: 'boolean', default: false },
} as const;

export default (plugin: { contentTypes: Record<string, { schema: { attributes: Record<string, unknown> } }> }) => {
  Object.assign(plugin.contentTypes.user.schema.attributes, ATTRIBUTS_MEMBRE);
  return plugin;
};
