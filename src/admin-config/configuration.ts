/**
 * Fusion de nos écrans français (libelles/) dans la configuration que le content-manager de
 * Strapi 5.54 conserve pour chaque type de contenu et chaque composant.
 *
 * Fonctions pures, sans dépendance à Strapi. Les règles du content-manager qu’elles appliquent
 * (tailles, champs listables, triables, modifiables) sont recopiées à part, dans
 * regles-content-manager.ts : la partie à revérifier à chaque mise à jour de Strapi.
 */
import { ECRANS_TYPES, LIBELLES_SYSTEME, type ConfigurationEcran, type Libelle } from './libelles';
import {
  cibleDeRelation,
  estListable,
  estModifiable,
  estTriable,
  ranger,
  tailleAutorisee,
  tailleDuType,
  type Attribut,
  type Attributs,
  type ElementMiseEnPage,
} from './regles-content-manager';

export type { Attributs } from './regles-content-manager';

export interface MetadonneesEdition {
  label?: string;
  description?: string;
  placeholder?: string;
  visible?: boolean;
  editable?: boolean;
  /** Pour une relation : champ du type cible affiché dans le sélecteur et dans la vue liste. */
  mainField?: string;
  [cle: string]: unknown;
}

export interface MetadonneesListe {
  label?: string;
  searchable?: boolean;
  sortable?: boolean;
  [cle: string]: unknown;
}

/** Ce que `findConfiguration` du content-manager renvoie (et ce que `updateConfiguration` stocke). */
export interface ConfigurationContentManager {
  uid?: string;
  settings: {
    bulkable?: boolean;
    filterable?: boolean;
    searchable?: boolean;
    pageSize?: number;
    mainField?: string;
    defaultSortBy?: string;
    defaultSortOrder?: 'ASC' | 'DESC';
    relationOpenMode?: 'modal' | 'page' | 'newTab';
    [cle: string]: unknown;
  };
  metadatas: Record<string, { edit: MetadonneesEdition; list: MetadonneesListe; [cle: string]: unknown }>;
  layouts: {
    list: string[];
    edit: ElementMiseEnPage[][];
    [cle: string]: unknown;
  };
  [cle: string]: unknown;
}

export interface OptionsApplication {
  /** Nommé dans les erreurs ; par défaut `actuelle.uid`. */
  uid?: string;
  /** Champ principal de chaque type cible de relation ; par défaut celui de ECRANS_TYPES. */
  champsPrincipaux?: Record<string, string>;
  /** Composant (son `id` n’est pas triable) ; par défaut `actuelle.isComponent`, que Strapi stocke. */
  estComposant?: boolean;
}

/** Champs principaux déclarés dans ECRANS_TYPES, par uid. */
export function champsPrincipauxParDefaut(): Record<string, string> {
  const resultat: Record<string, string> = {};
  for (const [uid, ecran] of Object.entries(ECRANS_TYPES)) {
    if (ecran.champPrincipal) resultat[uid] = ecran.champPrincipal;
  }
  return resultat;
}

/** Attributs modifiables qui n’ont pas de libellé (ni dans l’écran ni parmi les champs système). */
export function champsSansLibelle(ecran: ConfigurationEcran, attributs: Attributs): string[] {
  return Object.keys(attributs).filter(
    (nom) => !ecran.libelles[nom] && !LIBELLES_SYSTEME[nom] && estModifiable(nom, attributs[nom]),
  );
}

class ErreurEcran extends Error {
  constructor(uid: string, message: string) {
    super(`Configuration de l’écran ${uid} : ${message}`);
    this.name = 'ErreurEcran';
  }
}

/**
 * Fusionne notre configuration française dans celle que Strapi détient (les clés que nous ne fixons
 * pas sont conservées) et renvoie la nouvelle configuration à stocker. `actuelle` n’est pas modifiée.
 *
 * `attributs` : les attributs du modèle du content-manager (`findContentType(uid).attributes` ou
 * `findComponent(uid).attributes`, qui comprennent id, documentId, horodatages et auteurs).
 *
 * Lève une erreur nommant l’uid et le champ quand l’écran cite un champ absent d’`attributs`
 * (dérive entre le code et les schémas), un champ placé deux fois, ou un champ principal / tri que
 * Strapi refuserait.
 */
export function appliquerEcran(
  actuelle: ConfigurationContentManager,
  ecran: ConfigurationEcran,
  attributs: Record<string, { type: string; [k: string]: unknown }>,
  options: OptionsApplication = {},
): ConfigurationContentManager {
  const uid = options.uid ?? (typeof actuelle.uid === 'string' ? actuelle.uid : '(uid inconnu)');
  const champsPrincipaux = options.champsPrincipaux ?? champsPrincipauxParDefaut();
  const estComposant = options.estComposant ?? actuelle.isComponent === true;

  const exiger = (champ: string, ou: string): Attribut => {
    const attribut = attributs[champ];
    if (!attribut) throw new ErreurEcran(uid, `le champ « ${champ} » (${ou}) n’existe pas dans le schéma`);
    return attribut;
  };

  verifierChampsCites(ecran, exiger);

  return {
    ...actuelle,
    settings: fusionnerReglages(actuelle.settings ?? {}, ecran, exiger, uid),
    metadatas: fusionnerMetadonnees(actuelle.metadatas ?? {}, ecran, attributs, champsPrincipaux, estComposant),
    layouts: {
      ...(actuelle.layouts ?? {}),
      list: construireListe(actuelle.layouts?.list ?? [], ecran, attributs),
      edit: construireEdition(actuelle.layouts?.edit ?? [], ecran, attributs, uid),
    },
  };
}

function verifierChampsCites(ecran: ConfigurationEcran, exiger: (champ: string, ou: string) => Attribut): void {
  for (const champ of Object.keys(ecran.libelles)) exiger(champ, 'libellés');
  for (const champ of ecran.liste ?? []) exiger(champ, 'vue liste');
  for (const section of ecran.sections ?? []) {
    for (const ligne of section.lignes) {
      for (const { champ } of ligne) exiger(champ, `section « ${section.titre} »`);
    }
  }
  if (ecran.champPrincipal) exiger(ecran.champPrincipal, 'champ principal');
  if (ecran.triParDefaut) exiger(ecran.triParDefaut.champ, 'tri par défaut');
}

function fusionnerReglages(
  reglages: ConfigurationContentManager['settings'],
  ecran: ConfigurationEcran,
  exiger: (champ: string, ou: string) => Attribut,
  uid: string,
): ConfigurationContentManager['settings'] {
  const resultat = { ...reglages };
  if (ecran.champPrincipal) {
    const attribut = exiger(ecran.champPrincipal, 'champ principal');
    // settings.js : syncSettings remplace un mainField non triable ; la validation exige un champ listable.
    if (!estListable(attribut) || !estTriable(attribut)) {
      throw new ErreurEcran(uid, `le champ principal « ${ecran.champPrincipal} » (${attribut.type}) doit être listable et triable`);
    }
    resultat.mainField = ecran.champPrincipal;
  }
  if (ecran.triParDefaut) {
    const { champ, ordre } = ecran.triParDefaut;
    const attribut = exiger(champ, 'tri par défaut');
    if (!estListable(attribut) || !estTriable(attribut)) {
      throw new ErreurEcran(uid, `le tri par défaut « ${champ} » (${attribut.type}) n’est pas triable`);
    }
    resultat.defaultSortBy = champ;
    resultat.defaultSortOrder = ordre;
  }
  return resultat;
}

function fusionnerMetadonnees(
  metadonnees: ConfigurationContentManager['metadatas'],
  ecran: ConfigurationEcran,
  attributs: Attributs,
  champsPrincipaux: Record<string, string>,
  estComposant: boolean,
): ConfigurationContentManager['metadatas'] {
  const resultat: ConfigurationContentManager['metadatas'] = { ...metadonnees };
  for (const [nom, attribut] of Object.entries(attributs)) {
    const existante = metadonnees[nom];
    const edit: MetadonneesEdition = { ...(existante?.edit ?? {}) };
    const triable = estTriable(attribut) && !(estComposant && nom === 'id');
    const list: MetadonneesListe = { label: nom, ...(existante?.list ?? {}) };
    // metadatas.js : syncMetadatas ne fait que retirer « triable / cherchable » à un champ qui ne l’est pas.
    list.searchable = (list.searchable ?? true) && triable;
    list.sortable = (list.sortable ?? true) && triable;
    const libelle: Libelle | undefined = ecran.libelles[nom] ?? LIBELLES_SYSTEME[nom];
    if (libelle) {
      edit.label = libelle.label;
      edit.description = libelle.description ?? '';
      edit.placeholder = libelle.placeholder ?? '';
      list.label = libelle.label;
    } else {
      edit.label ??= nom;
    }
    if (ecran.calcules?.includes(nom)) {
      // Calculé par le CMS : colonne et filtre de la liste, hors de la vue d’édition.
      edit.visible = false;
      edit.editable = false;
    } else if (estModifiable(nom, attribut)) {
      // Placé dans la vue d’édition : visible ; `editable` reste celui que Strapi (ou un admin) a fixé.
      edit.visible = true;
      edit.editable ??= true;
    }
    if (attribut.type === 'relation') {
      const cible = cibleDeRelation(attribut);
      const principal = cible ? champsPrincipaux[cible] : undefined;
      if (principal) edit.mainField = principal;
    }
    resultat[nom] = { ...(existante ?? {}), edit, list };
  }
  return resultat;
}

function construireListe(actuelle: string[], ecran: ConfigurationEcran, attributs: Attributs): string[] {
  const source = ecran.liste ?? actuelle;
  const vus = new Set<string>();
  return source.filter((champ) => {
    const attribut = attributs[champ];
    if (!attribut || !estListable(attribut) || vus.has(champ)) return false;
    vus.add(champ);
    return true;
  });
}

/** A field of the edit view: modifiable, and not computed by the CMS. */
const dansFormulaire = (ecran: ConfigurationEcran, nom: string, attribut: Attribut) => estModifiable(nom, attribut) && !ecran.calcules?.includes(nom);

function construireEdition(
  actuelle: ElementMiseEnPage[][],
  ecran: ConfigurationEcran,
  attributs: Attributs,
  uid: string,
): ElementMiseEnPage[][] {
  const places = new Set<string>();
  const lignes: ElementMiseEnPage[][] = [];
  const aAjouter: string[] = [];

  if (ecran.sections) {
    for (const section of ecran.sections) {
      for (const ligne of section.lignes) {
        const elements: ElementMiseEnPage[] = [];
        for (const { champ, taille } of ligne) {
          const attribut = attributs[champ];
          if (!attribut) throw new ErreurEcran(uid, `le champ « ${champ} » (section « ${section.titre} ») n’existe pas dans le schéma`);
          if (!dansFormulaire(ecran, champ, attribut)) {
            throw new ErreurEcran(uid, `le champ « ${champ} » (section « ${section.titre} ») n’est pas modifiable`);
          }
          if (places.has(champ)) {
            throw new ErreurEcran(uid, `le champ « ${champ} » est placé deux fois dans la vue d’édition`);
          }
          places.add(champ);
          // Une taille que le type n’admet pas (type changé dans le schéma) prend la taille par défaut.
          const size = tailleAutorisee(attribut.type, taille) ? taille : tailleDuType(attribut.type).defaut;
          elements.push({ name: champ, size });
        }
        lignes.push(...ranger(elements));
      }
    }
  } else {
    // Sans sections : la mise en page de Strapi est gardée, nettoyée comme le fait syncLayouts.
    for (const ligne of actuelle) {
      const elements: ElementMiseEnPage[] = [];
      for (const element of ligne ?? []) {
        const attribut = element && attributs[element.name];
        if (!attribut || !dansFormulaire(ecran, element.name, attribut) || places.has(element.name)) continue;
        places.add(element.name);
        if (tailleAutorisee(attribut.type, element.size)) elements.push({ name: element.name, size: element.size });
        else aAjouter.push(element.name);
      }
      lignes.push(...ranger(elements));
    }
  }

  // Rien n’est caché : tout attribut modifiable non placé est ajouté à la fin, à sa taille par défaut.
  for (const [nom, attribut] of Object.entries(attributs)) {
    if (dansFormulaire(ecran, nom, attribut) && !places.has(nom) && !aAjouter.includes(nom)) aAjouter.push(nom);
  }
  lignes.push(...ranger(aAjouter.map((nom) => ({ name: nom, size: tailleDuType(attributs[nom].type).defaut }))));
  return lignes;
}
