import { isDeepStrictEqual } from 'util';
import type { Core } from '@strapi/strapi';
import { ECRANS_COMPOSANTS, ECRANS_PLUGINS, ECRANS_TYPES, type ConfigurationEcran } from '../admin-config/libelles';
import { appliquerEcran, type Attributs, type ConfigurationContentManager } from '../admin-config/configuration';
import { ATTRIBUT_ETAT, typesSuivis } from '../plugins/revue-editoriale/public';

interface ServiceConfiguration {
  findConfiguration(modele: unknown): Promise<ConfigurationContentManager>;
  updateConfiguration(modele: unknown, configuration: Partial<ConfigurationContentManager>): Promise<unknown>;
}

/**
 * The review state the revue-editoriale plugin adds to a type: a list column (filterable there). Not in
 * the edit view: the review panel shows it, with the actions that change it.
 */
function avecEtatRevue(ecran: ConfigurationEcran): ConfigurationEcran {
  return {
    ...ecran,
    libelles: {
      ...ecran.libelles,
      [ATTRIBUT_ETAT]: { label: 'État de la revue', description: 'Avancement dans le circuit de relecture ; il change par le panneau « Revue éditoriale ».' },
    },
    liste: [...(ecran.liste ?? []).slice(0, 5), ATTRIBUT_ETAT],
  };
}

/** Writes one screen's configuration when it differs from what Strapi holds. */
async function configurer(service: ServiceConfiguration, modele: { attributes: Attributs }, ecran: ConfigurationEcran, uid: string, estComposant: boolean) {
  const actuelle = await service.findConfiguration(modele);
  const { settings, metadatas, layouts } = appliquerEcran(actuelle, ecran, modele.attributes, { uid, estComposant });
  if (metadatas[ATTRIBUT_ETAT]) {
    // appliquerEcran places every editable attribute; the review state stays out of the form.
    metadatas[ATTRIBUT_ETAT].edit = { ...metadatas[ATTRIBUT_ETAT].edit, editable: false, visible: false };
    layouts.edit = layouts.edit.map((ligne) => ligne.filter((element) => element.name !== ATTRIBUT_ETAT)).filter((ligne) => ligne.length > 0);
  }
  const avant = { settings: actuelle.settings, metadatas: actuelle.metadatas, layouts: actuelle.layouts };
  if (isDeepStrictEqual({ settings, metadatas, layouts }, avant)) return false;
  await service.updateConfiguration(modele, { settings, metadatas, layouts });
  return true;
}

/**
 * Sets the French labels, list columns and edit layouts of the admin panel at start-up, so that a
 * fresh install looks the same as ours. Runs after Strapi's own layout sync; writes only what changed.
 */
export async function configurerEcransAdmin(strapi: Core.Strapi): Promise<void> {
  const types = strapi.plugin('content-manager').service('content-types') as unknown as ServiceConfiguration & { findContentType(uid: string): { attributes: Attributs } };
  const composants = strapi.plugin('content-manager').service('components') as unknown as ServiceConfiguration & { findComponent(uid: string): { attributes: Attributs } };
  let modifies = 0;
  const revus = typesSuivis(strapi);
  for (const [uid, ecran] of Object.entries({ ...ECRANS_TYPES, ...ECRANS_PLUGINS })) {
    if (await configurer(types, types.findContentType(uid), revus.has(uid) ? avecEtatRevue(ecran) : ecran, uid, false)) modifies += 1;
  }
  for (const [uid, ecran] of Object.entries(ECRANS_COMPOSANTS)) {
    if (await configurer(composants, composants.findComponent(uid), ecran, uid, true)) modifies += 1;
  }
  if (modifies > 0) strapi.log.info(`Interface d’administration : ${modifies} écran(s) configuré(s) en français`);
}
