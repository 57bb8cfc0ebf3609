import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { ECRANS_COMPOSANTS, ECRANS_TYPES } from '../admin-config/libelles';

type AttributsSimples = Record<string, { type: string; component?: string } | undefined>;

function attributsDuModele(strapi: Core.Strapi, uid: string): AttributsSimples {
  return (strapi.getModel(uid as StrapiUID.Schema)?.attributes ?? {}) as AttributsSimples;
}

/**
 * French label of a field path, as shown in the admin panel, so that API errors name the field the
 * way agents know it: ['evaluation', 'evaluationsImpact', '0', 'url'] → « Adresse ».
 */
export function libelleChamp(strapi: Core.Strapi, uid: string, chemin: string[]): string {
  const noms = chemin.filter((partie) => !/^\d+$/.test(partie));
  let ecran = ECRANS_TYPES[uid];
  let attributs = attributsDuModele(strapi, uid);
  for (const [index, nom] of noms.entries()) {
    const attribut = attributs[nom];
    if (index === noms.length - 1) return ecran?.libelles[nom]?.label ?? nom;
    if (attribut?.type !== 'component' || !attribut.component) return nom;
    ecran = ECRANS_COMPOSANTS[attribut.component];
    attributs = attributsDuModele(strapi, attribut.component);
  }
  return noms.join('.');
}
