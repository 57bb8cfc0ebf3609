import fs from 'fs';
import path from 'path';

import {
  ECRANS_COMPOSANTS,
  ECRANS_TYPES,
  LIBELLES_SYSTEME,
  TITRE_ACCES_RESTREINT,
  type ConfigurationEcran,
} from '../../src/admin-config/libelles';
import { appliquerEcran, champsSansLibelle, type ConfigurationContentManager } from '../../src/admin-config/configuration';
import {
  TAILLE_LIGNE,
  TAILLES_PROPOSEES,
  estListable,
  estModifiable,
  estTriable,
  tailleAutorisee,
  tailleDuType,
  type Attributs,
  type ElementMiseEnPage,
} from '../../src/admin-config/regles-content-manager';
import { ATTRIBUTS_RESTREINTS, COMPOSANTS_RESTREINTS } from '../../src/domaine/visibilite';
import { LIBELLES_VALEURS, libelleValeur } from '../../src/admin-config/valeurs';

// ---------------------------------------------------------------------------------------------
// Schémas lus sur disque (source de vérité des noms d’attributs)
// ---------------------------------------------------------------------------------------------

interface Schema {
  attributes: Attributs;
}

const RACINE = path.resolve(__dirname, '..', '..');

function lireJson(fichier: string): Schema {
  return JSON.parse(fs.readFileSync(fichier, 'utf8')) as Schema;
}

function chargerTypes(): Map<string, Schema> {
  const types = new Map<string, Schema>();
  const dossierApi = path.join(RACINE, 'src', 'api');
  for (const api of fs.readdirSync(dossierApi)) {
    const dossierTypes = path.join(dossierApi, api, 'content-types');
    if (!fs.existsSync(dossierTypes)) continue;
    for (const type of fs.readdirSync(dossierTypes)) {
      const fichier = path.join(dossierTypes, type, 'schema.json');
      if (!fs.existsSync(fichier)) continue;
      const schema = lireJson(fichier);
      // Hidden from the content manager (the subscriptions to the alerts): no screen to configure.
      if ((schema as { pluginOptions?: Record<string, { visible?: boolean }> }).pluginOptions?.['content-manager']?.visible === false) continue;
      types.set(`api::${api}.${type}`, schema);
    }
  }
  return types;
}

function chargerComposants(): Map<string, Schema> {
  const composants = new Map<string, Schema>();
  const dossier = path.join(RACINE, 'src', 'components');
  for (const categorie of fs.readdirSync(dossier)) {
    const dossierCategorie = path.join(dossier, categorie);
    if (!fs.statSync(dossierCategorie).isDirectory()) continue;
    for (const fichier of fs.readdirSync(dossierCategorie).filter((f) => f.endsWith('.json'))) {
      composants.set(`${categorie}.${path.basename(fichier, '.json')}`, lireJson(path.join(dossierCategorie, fichier)));
    }
  }
  return composants;
}

const TYPES = chargerTypes();
const COMPOSANTS = chargerComposants();

/**
 * Attributs tels que le content-manager les voit (services/data-mapper.js : toContentManagerModel) :
 * id, attributs du schéma (relations avec relationType et targetModel), horodatages et auteurs pour
 * un type de contenu, documentId.
 */
function attributsContentManager(schema: Schema, estComposant: boolean): Attributs {
  const attributs: Attributs = { id: { type: 'integer' } };
  for (const [nom, attribut] of Object.entries(schema.attributes)) {
    attributs[nom] =
      attribut.type === 'relation'
        ? { ...attribut, relationType: attribut.relation, targetModel: attribut.target }
        : { ...attribut };
  }
  if (!estComposant) {
    attributs.createdAt = { type: 'datetime' };
    attributs.updatedAt = { type: 'datetime' };
    attributs.createdBy = { type: 'relation', relation: 'oneToOne', relationType: 'oneToOne', target: 'admin::user', targetModel: 'admin::user' };
    attributs.updatedBy = { type: 'relation', relation: 'oneToOne', relationType: 'oneToOne', target: 'admin::user', targetModel: 'admin::user' };
  }
  attributs.documentId = { type: 'string' };
  return attributs;
}

const premierTexte = (attributs: Attributs): string =>
  Object.keys(attributs).find((nom) => attributs[nom].type === 'string' && nom !== 'id') ?? 'id';

/** Ce que createDefaultConfiguration (services/utils/configuration/index.js) stocke au premier démarrage. */
function configurationStrapiParDefaut(uid: string, attributs: Attributs): ConfigurationContentManager {
  const metadatas: ConfigurationContentManager['metadatas'] = {};
  for (const [nom, attribut] of Object.entries(attributs)) {
    const cible = attribut.targetModel as string | undefined;
    const schemaCible = cible ? TYPES.get(cible) : undefined;
    metadatas[nom] = {
      edit: {
        label: nom,
        description: '',
        placeholder: '',
        visible: estModifiable(nom, attribut),
        editable: true,
        ...(attribut.type === 'relation'
          ? { mainField: schemaCible ? premierTexte(schemaCible.attributes) : 'firstname' }
          : {}),
      },
      list: { label: nom, searchable: estTriable(attribut), sortable: estTriable(attribut) },
    };
  }
  metadatas.id = { edit: {}, list: { label: 'id', searchable: true, sortable: true } };
  metadatas.documentId = { edit: {}, list: { label: 'documentId', searchable: true, sortable: true } };
  const principal = premierTexte(attributs);
  const edit: ElementMiseEnPage[][] = [[]];
  for (const [nom, attribut] of Object.entries(attributs)) {
    if (!estModifiable(nom, attribut)) continue;
    const size = tailleDuType(attribut.type).defaut;
    const courante = edit[edit.length - 1];
    if (courante.reduce((s, e) => s + e.size, 0) + size > TAILLE_LIGNE) edit.push([]);
    edit[edit.length - 1].push({ name: nom, size });
  }
  return {
    uid,
    settings: {
      bulkable: true,
      filterable: true,
      searchable: true,
      pageSize: 10,
      relationOpenMode: 'modal',
      mainField: principal,
      defaultSortBy: principal,
      defaultSortOrder: 'ASC',
    },
    metadatas,
    layouts: {
      list: Object.keys(attributs)
        .filter((nom) => estListable(attributs[nom]) && nom !== 'documentId')
        .slice(0, 4),
      edit,
    },
  };
}

interface Cas {
  uid: string;
  schema: Schema;
  ecran: ConfigurationEcran;
  attributs: Attributs;
  estComposant: boolean;
}

const CAS: Cas[] = [
  ...[...TYPES].map(([uid, schema]) => ({
    uid,
    schema,
    ecran: ECRANS_TYPES[uid],
    attributs: attributsContentManager(schema, false),
    estComposant: false,
  })),
  ...[...COMPOSANTS].map(([uid, schema]) => ({
    uid,
    schema,
    ecran: ECRANS_COMPOSANTS[uid],
    attributs: attributsContentManager(schema, true),
    estComposant: true,
  })),
];

const appliquerParDefaut = (cas: Cas): ConfigurationContentManager =>
  appliquerEcran(configurationStrapiParDefaut(cas.uid, cas.attributs), cas.ecran, cas.attributs);

const nomsEdition = (conf: ConfigurationContentManager): string[] => conf.layouts.edit.flat().map((e) => e.name);

/** Champs « Restreint » du module de visibilité et sous-champs des composants restreints. */
const RESTREINTS: Record<string, readonly string[]> = {
  ...ATTRIBUTS_RESTREINTS,
  ...Object.fromEntries(COMPOSANTS_RESTREINTS.map((uid) => [uid, Object.keys(ECRANS_COMPOSANTS[uid].libelles)])),
};

const SECTIONS_PROJET: Array<[string, string[]]> = [
  [
    'Informations générales',
    [
      'nom',
      'slug',
      'resume',
      'description',
      'collectivite',
      'collectivitesPartenaires',
      'offreurs',
      'roleOffreurs',
      'statut',
      'motifAbandon',
      'dateDemarrage',
      'dateFin',
      'thematique',
      'sousThematiques',
      'publics',
      'lienInformation',
      'illustration',
    ],
  ],
  ['Évaluation', ['evaluation']],
  ['Cadre juridique et recours', ['baseLegale', 'lienDeliberation', 'voiesDeRecours']],
  ['Ressources', ['ressources']],
  ['Algorithme', ['techniquesIa', 'algorithme']],
  ['Données', ['donnees', 'hebergement']],
  ['Impact environnemental', ['impactEnvironnemental', 'impactEnvironnementalKwhAn']],
  ['Mise en œuvre et contact', ['miseEnOeuvre', 'financement', 'budget', 'contact']],
  ['Reprise de l’import', ['notesImport']],
];

// ---------------------------------------------------------------------------------------------

describe('schémas lus', () => {
  it('trouve les 11 types de contenu visibles et les 6 composants du modèle', () => {
    expect([...TYPES.keys()].sort()).toHaveLength(11);
    expect(TYPES.has('api::projet.projet')).toBe(true);
    expect([...COMPOSANTS.keys()].sort()).toEqual(
      ['commun.lien', 'offreur.solution', 'projet.algorithme', 'projet.donnees', 'projet.evaluation', 'projet.source-donnees'].sort(),
    );
  });
});

describe('libellés français', () => {
  it('chaque clé des écrans correspond à un type ou un composant existant, et inversement', () => {
    expect(Object.keys(ECRANS_TYPES).sort()).toEqual([...TYPES.keys()].sort());
    expect(Object.keys(ECRANS_COMPOSANTS).sort()).toEqual([...COMPOSANTS.keys()].sort());
  });

  it.each(CAS.map((c) => [c.uid, c] as const))('%s : chaque attribut a un libellé français, et rien de plus', (_uid, cas) => {
    const noms = Object.keys(cas.schema.attributes);
    expect(Object.keys(cas.ecran.libelles).sort()).toEqual([...noms].sort());
    for (const nom of noms) {
      const libelle = cas.ecran.libelles[nom];
      expect(libelle.label.trim()).not.toBe('');
      expect(libelle.label).not.toBe(nom);
      expect(libelle.label).toMatch(/^[A-ZÉÈÀÂÎÔÛÇ]/u); // commence par une capitale
      expect(libelle.label).not.toMatch(/[a-z]{2}[A-Z]/); // pas de camelCase (« kWh » admis)
      if (/[A-Z]/.test(nom)) {
        // nom en plusieurs mots : le libellé n’est pas le nom brut, même à la casse près
        expect(libelle.label.toLowerCase()).not.toBe(nom.toLowerCase());
        expect(libelle.label.toLowerCase()).not.toContain(nom.toLowerCase());
      }
      if (libelle.description !== undefined) {
        expect(libelle.description.trim()).not.toBe('');
        expect(libelle.description.length).toBeLessThanOrEqual(200);
      }
    }
    expect(champsSansLibelle(cas.ecran, cas.attributs)).toEqual([]);
  });

  it('les libellés sont en français accentué', () => {
    expect(ECRANS_TYPES['api::projet.projet'].libelles.evaluation.label).toBe('Évaluation et transparence');
    expect(ECRANS_TYPES['api::projet.projet'].libelles.resume.label).toBe('Résumé');
    expect(ECRANS_TYPES['api::projet.projet'].libelles.miseEnOeuvre.label).toBe('Mise en œuvre');
    expect(ECRANS_COMPOSANTS['projet.evaluation'].libelles.proportionnalite.label).toBe('Proportionnalité');
    expect(LIBELLES_SYSTEME.updatedAt.label).toBe('Modifié le');
  });

  it.each(CAS.map((c) => [c.uid, c] as const))('%s : aucun libellé ne répète « (membres) », la partie « Accès restreint (membres) » le dit', (_uid, cas) => {
    expect(TITRE_ACCES_RESTREINT).toBe('Accès restreint (membres)');
    for (const libelle of Object.values(cas.ecran.libelles)) {
      expect(libelle.label).not.toContain('membres');
      expect(libelle.description ?? '').not.toMatch(/^Obligatoire|[.;] Obligatoire|Obligatoire\.$/);
    }
  });

  it.each(CAS.filter((c) => !c.estComposant).map((c) => [c.uid, c] as const))(
    '%s : les sections restreintes contiennent exactement les champs restreints',
    (uid, cas) => {
      const restreints = [...(RESTREINTS[uid] ?? [])].sort();
      const ranges = (cas.ecran.sections ?? []).filter((s) => s.restreinte).flatMap((s) => s.lignes.flat().map((e) => e.champ));
      expect(ranges.sort()).toEqual(restreints);
    },
  );
});

describe('vue liste, sections et champ principal déclarés', () => {
  const casTypes = CAS.filter((c) => !c.estComposant);

  it.each(casTypes.map((c) => [c.uid, c] as const))('%s : 3 à 6 colonnes listables, la première est id ou le champ principal', (_uid, cas) => {
    const liste = cas.ecran.liste ?? [];
    expect(liste.length).toBeGreaterThanOrEqual(3);
    expect(liste.length).toBeLessThanOrEqual(6);
    expect(['id', cas.ecran.champPrincipal]).toContain(liste[0]);
    expect(new Set(liste).size).toBe(liste.length);
    for (const champ of liste) {
      expect([champ, cas.attributs[champ] !== undefined && estListable(cas.attributs[champ])]).toEqual([champ, true]);
    }
    // A signalement has no short text and no relation points to it: its entries are titled by id.
    if (cas.uid !== 'api::signalement.signalement') expect(cas.attributs[cas.ecran.champPrincipal as string]?.type).toBe('string');
    const tri = cas.ecran.triParDefaut;
    expect(tri).toBeDefined();
    expect(estTriable(cas.attributs[tri!.champ])).toBe(true);
  });

  it.each(casTypes.map((c) => [c.uid, c] as const))('%s : sections aux tailles admises, « Informations générales » en tête, contact en accès restreint', (_uid, cas) => {
    const sections = cas.ecran.sections ?? [];
    expect(sections[0]?.titre).toBe('Informations générales');
    for (const section of sections) {
      for (const ligne of section.lignes) {
        expect(ligne.reduce((s, e) => s + e.taille, 0)).toBeLessThanOrEqual(TAILLE_LIGNE);
        for (const { champ, taille } of ligne) {
          const attribut = cas.schema.attributes[champ];
          expect([champ, attribut !== undefined && tailleAutorisee(attribut.type, taille)]).toEqual([champ, true]);
          expect(TAILLES_PROPOSEES).toContain(taille);
        }
      }
    }
    if (cas.schema.attributes.contact) {
      const restreintes = sections.filter((s) => s.restreinte).flatMap((s) => s.lignes.flat().map((e) => e.champ));
      expect(restreintes).toContain('contact');
    }
  });

  it('les sections du projet sont celles attendues, dans l’ordre', () => {
    const sections = ECRANS_TYPES['api::projet.projet'].sections ?? [];
    expect(sections.map((s) => [s.titre, s.lignes.flat().map((e) => e.champ)])).toEqual(SECTIONS_PROJET);
  });
});

describe('appliquerEcran', () => {
  it.each(CAS.map((c) => [c.uid, c] as const))('%s : chaque attribut modifiable est placé une seule fois, lignes ≤ 12', (_uid, cas) => {
    const conf = appliquerParDefaut(cas);
    const modifiables = Object.keys(cas.attributs).filter((nom) => estModifiable(nom, cas.attributs[nom]) && !cas.ecran.calcules?.includes(nom));
    const places = nomsEdition(conf);
    expect([...places].sort()).toEqual([...modifiables].sort());
    expect(new Set(places).size).toBe(places.length);
    for (const systeme of ['id', 'documentId', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy']) {
      expect(places).not.toContain(systeme);
    }
    for (const ligne of conf.layouts.edit) {
      expect(ligne.length).toBeGreaterThan(0);
      expect(ligne.reduce((s, e) => s + e.size, 0)).toBeLessThanOrEqual(TAILLE_LIGNE);
      for (const element of ligne) {
        const type = cas.attributs[element.name].type;
        expect([element.name, tailleAutorisee(type, element.size)]).toEqual([element.name, true]);
        if (['component', 'richtext', 'json', 'dynamiczone', 'blocks'].includes(type)) expect(element.size).toBe(12);
      }
    }
  });

  it.each(CAS.map((c) => [c.uid, c] as const))('%s : libellés, aides et exemples posés sur les métadonnées', (_uid, cas) => {
    const conf = appliquerParDefaut(cas);
    for (const nom of Object.keys(cas.attributs)) {
      const attendu = cas.ecran.libelles[nom] ?? LIBELLES_SYSTEME[nom];
      expect(attendu).toBeDefined();
      const meta = conf.metadatas[nom];
      expect(meta.edit.label).toBe(attendu.label);
      expect(meta.list.label).toBe(attendu.label);
      expect(meta.edit.description).toBe(attendu.description ?? '');
      expect(meta.edit.placeholder).toBe(attendu.placeholder ?? '');
      if (cas.ecran.calcules?.includes(nom)) expect(meta.edit).toMatchObject({ visible: false, editable: false });
      else if (estModifiable(nom, cas.attributs[nom])) expect(meta.edit.visible).toBe(true);
    }
    if (cas.ecran.champPrincipal) expect(conf.settings.mainField).toBe(cas.ecran.champPrincipal);
    if (cas.ecran.triParDefaut) {
      expect(conf.settings.defaultSortBy).toBe(cas.ecran.triParDefaut.champ);
      expect(conf.settings.defaultSortOrder).toBe(cas.ecran.triParDefaut.ordre);
    }
    if (cas.ecran.liste) expect(conf.layouts.list).toEqual(cas.ecran.liste);
  });

  it('les relations affichent le champ principal du type cible', () => {
    const projet = CAS.find((c) => c.uid === 'api::projet.projet')!;
    const conf = appliquerParDefaut(projet);
    expect(conf.metadatas.collectivite.edit.mainField).toBe('nom');
    expect(conf.metadatas.offreurs.edit.mainField).toBe('nom');
    expect(conf.metadatas.ressources.edit.mainField).toBe('titre');
    expect(conf.metadatas.thematique.edit.mainField).toBe('nom');
    expect(conf.metadatas.createdBy.edit.mainField).toBe('firstname'); // admin::user : laissé à Strapi
  });

  it('la vue d’édition du projet suit l’ordre des sections, sans ligne à cheval sur deux sections', () => {
    const projet = CAS.find((c) => c.uid === 'api::projet.projet')!;
    const conf = appliquerParDefaut(projet);
    expect(nomsEdition(conf)).toEqual(SECTIONS_PROJET.flatMap(([, champs]) => champs));
    const sectionDe = new Map(SECTIONS_PROJET.flatMap(([titre, champs]) => champs.map((c) => [c, titre] as const)));
    for (const ligne of conf.layouts.edit) {
      expect(new Set(ligne.map((e) => sectionDe.get(e.name))).size).toBe(1);
    }
    expect(conf.layouts.edit[0]).toEqual([
      { name: 'nom', size: 6 },
      { name: 'slug', size: 6 },
    ]);
  });

  it('un champ absent du schéma est ajouté à la fin, rien n’est caché', () => {
    const projet = CAS.find((c) => c.uid === 'api::projet.projet')!;
    const attributs: Attributs = { ...projet.attributs, nouveauChamp: { type: 'string' }, notes: { type: 'richtext' } };
    const conf = appliquerEcran(configurationStrapiParDefaut(projet.uid, attributs), projet.ecran, attributs);
    const places = nomsEdition(conf);
    expect(places.slice(-2)).toEqual(['nouveauChamp', 'notes']);
    expect(conf.layouts.edit.slice(-2)).toEqual([[{ name: 'nouveauChamp', size: 6 }], [{ name: 'notes', size: 12 }]]);
    expect(champsSansLibelle(projet.ecran, attributs)).toEqual(['nouveauChamp', 'notes']);
  });

  describe('dérive entre l’écran et le schéma', () => {
    const projet = CAS.find((c) => c.uid === 'api::projet.projet')!;
    const conf = () => configurationStrapiParDefaut(projet.uid, projet.attributs);

    it.each<[string, ConfigurationEcran]>([
      ['libellés', { ...projet.ecran, libelles: { ...projet.ecran.libelles, champFantome: { label: 'Fantôme' } } }],
      ['vue liste', { ...projet.ecran, liste: ['nom', 'champFantome'] }],
      ['section', { ...projet.ecran, sections: [{ titre: 'X', lignes: [[{ champ: 'champFantome', taille: 6 }]] }] }],
      ['champ principal', { ...projet.ecran, champPrincipal: 'champFantome' }],
      ['tri par défaut', { ...projet.ecran, triParDefaut: { champ: 'champFantome', ordre: 'ASC' } }],
    ])('un champ de l’écran absent des attributs (%s) lève une erreur nommant uid et champ', (_ou, ecran) => {
      expect(() => appliquerEcran(conf(), ecran, projet.attributs)).toThrow(/api::projet\.projet.*« champFantome »/);
    });

    it('un attribut supprimé du schéma mais encore cité lève une erreur', () => {
      const { budget: _supprime, ...attributs } = projet.attributs;
      expect(() => appliquerEcran(conf(), projet.ecran, attributs)).toThrow(/api::projet\.projet.*« budget »/);
    });

    it('l’uid passé en option est nommé quand la configuration n’en porte pas', () => {
      const { uid: _sansUid, ...sansUid } = conf();
      const ecran = { ...projet.ecran, liste: ['inconnu'] };
      expect(() => appliquerEcran(sansUid as ConfigurationContentManager, ecran, projet.attributs, { uid: 'api::projet.projet' })).toThrow(
        /api::projet\.projet.*« inconnu »/,
      );
    });

    it('un champ placé deux fois, un champ système placé, un champ principal non triable lèvent une erreur', () => {
      const double: ConfigurationEcran = {
        ...projet.ecran,
        sections: [{ titre: 'A', lignes: [[{ champ: 'nom', taille: 6 }, { champ: 'nom', taille: 6 }]] }],
      };
      expect(() => appliquerEcran(conf(), double, projet.attributs)).toThrow(/« nom » est placé deux fois/);
      const systeme: ConfigurationEcran = { ...projet.ecran, sections: [{ titre: 'A', lignes: [[{ champ: 'updatedAt', taille: 6 }]] }] };
      expect(() => appliquerEcran(conf(), systeme, projet.attributs)).toThrow(/« updatedAt ».*n’est pas modifiable/);
      expect(() => appliquerEcran(conf(), { ...projet.ecran, champPrincipal: 'offreurs' }, projet.attributs)).toThrow(
        /champ principal « offreurs »/,
      );
      expect(() => appliquerEcran(conf(), { ...projet.ecran, triParDefaut: { champ: 'description', ordre: 'ASC' } }, projet.attributs)).toThrow(
        /tri par défaut « description »/,
      );
    });
  });

  describe('fusion avec la configuration de Strapi', () => {
    const projet = CAS.find((c) => c.uid === 'api::projet.projet')!;

    it('garde les clés que nous ne fixons pas et ne modifie pas la configuration reçue', () => {
      const actuelle = configurationStrapiParDefaut(projet.uid, projet.attributs);
      actuelle.settings.pageSize = 50;
      actuelle.settings.relationOpenMode = 'page';
      actuelle.metadatas.nom.list.searchable = false;
      actuelle.metadatas.budget.edit.editable = false;
      actuelle.metadatas.ancienChamp = { edit: { label: 'x' }, list: { label: 'x' } };
      actuelle.layouts.editRelations = [];
      actuelle.isComponent = false;
      const copie = JSON.parse(JSON.stringify(actuelle)) as ConfigurationContentManager;

      const conf = appliquerEcran(actuelle, projet.ecran, projet.attributs);
      expect(actuelle).toEqual(copie);
      expect(conf.uid).toBe('api::projet.projet');
      expect(conf.isComponent).toBe(false);
      expect(conf.settings).toMatchObject({ pageSize: 50, relationOpenMode: 'page', bulkable: true, filterable: true, searchable: true });
      expect(conf.metadatas.nom.list.searchable).toBe(false);
      expect(conf.metadatas.budget.edit.editable).toBe(false);
      expect(conf.metadatas.ancienChamp).toEqual({ edit: { label: 'x' }, list: { label: 'x' } });
      expect(conf.layouts.editRelations).toEqual([]);
    });

    it('est idempotente (appliquée à chaque démarrage)', () => {
      const une = appliquerParDefaut(projet);
      expect(appliquerEcran(une, projet.ecran, projet.attributs)).toEqual(une);
    });

    it('part d’une configuration vide (EMPTY_CONFIG de store.js)', () => {
      const vide: ConfigurationContentManager = { settings: {}, metadatas: {}, layouts: { list: [], edit: [] } };
      const conf = appliquerEcran(vide, projet.ecran, projet.attributs, { uid: projet.uid });
      expect(nomsEdition(conf)).toEqual(SECTIONS_PROJET.flatMap(([, champs]) => champs));
      expect(conf.metadatas.sousThematiques).toMatchObject({
        edit: { label: 'Sous-thématiques', visible: true, editable: true, mainField: 'nom' },
        list: { label: 'Sous-thématiques', searchable: false, sortable: false },
      });
      expect(conf.metadatas.statut.list).toMatchObject({ searchable: true, sortable: true });
    });

    it('filtre de la vue liste les champs que Strapi refuse (richtext, json, mot de passe, relation oneWay/manyWay)', () => {
      const attributs: Attributs = {
        id: { type: 'integer' },
        nom: { type: 'string' },
        description: { type: 'richtext' },
        donnees: { type: 'json' },
        secret: { type: 'password' },
        zone: { type: 'dynamiczone' },
        thematique: { type: 'relation', relation: 'oneWay', relationType: 'oneWay', target: 'api::thematique.thematique' },
        publics: { type: 'relation', relation: 'manyWay', relationType: 'manyWay', target: 'api::public-cible.public-cible' },
        collectivite: { type: 'relation', relation: 'manyToOne', relationType: 'manyToOne', target: 'api::collectivite.collectivite' },
        offreurs: { type: 'relation', relation: 'manyToMany', target: 'api::offreur.offreur' },
        solutions: { type: 'component', component: 'offreur.solution', repeatable: true },
        logo: { type: 'media' },
      };
      const ecran: ConfigurationEcran = {
        libelles: { nom: { label: 'Nom' } },
        liste: ['id', 'nom', 'description', 'donnees', 'secret', 'zone', 'thematique', 'publics', 'collectivite', 'offreurs', 'solutions', 'logo', 'nom'],
      };
      const vide: ConfigurationContentManager = { settings: {}, metadatas: {}, layouts: { list: [], edit: [] } };
      expect(appliquerEcran(vide, ecran, attributs).layouts.list).toEqual(['id', 'nom', 'collectivite', 'offreurs', 'solutions', 'logo']);
    });

    it('sans sections (composant), nettoie la mise en page de Strapi et complète les champs manquants', () => {
      const evaluation = CAS.find((c) => c.uid === 'projet.evaluation')!;
      const actuelle = configurationStrapiParDefaut(evaluation.uid, evaluation.attributs);
      actuelle.isComponent = true; // stocké par Strapi pour un composant
      actuelle.layouts.edit = [
        [{ name: 'risque', size: 6 }, { name: 'supprime', size: 6 }],
        [{ name: 'evaluationsImpact', size: 6 }, { name: 'risque', size: 6 }],
        [{ name: 'erreur', size: 8 }, { name: 'explicabilite', size: 8 }],
        [{ name: 'id', size: 4 }],
      ];
      const conf = appliquerEcran(actuelle, evaluation.ecran, evaluation.attributs);
      expect(conf.layouts.edit.slice(0, 3)).toEqual([
        [{ name: 'risque', size: 6 }],
        [{ name: 'erreur', size: 8 }],
        [{ name: 'explicabilite', size: 8 }],
      ]);
      const places = nomsEdition(conf);
      expect([...places].sort()).toEqual(Object.keys(evaluation.schema.attributes).sort());
      expect(conf.layouts.edit.flat().find((e) => e.name === 'evaluationsImpact')?.size).toBe(12);
      expect(conf.settings.mainField).toBe('risqueCategorie');
      // l’id d’un composant n’est pas triable (attributes.js : isSortable)
      expect(conf.metadatas.id.list).toMatchObject({ label: 'ID', sortable: false, searchable: false });
      expect(conf.metadatas.risque.list).toMatchObject({ sortable: true, searchable: true });
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Mots français des valeurs d’énumération, générés depuis les schémas
// ---------------------------------------------------------------------------------------------

describe('libellés des valeurs d’énumération', () => {
  const enumerations = [...TYPES, ...COMPOSANTS].flatMap(([uid, schema]) =>
    Object.entries(schema.attributes)
      .filter(([, attribut]) => attribut.type === 'enumeration')
      .map(([nom, attribut]) => ({ uid, nom, valeurs: attribut.enum as string[] })),
  );

  it('couvre au moins les énumérations connues', () => {
    expect(enumerations.length).toBeGreaterThanOrEqual(17);
  });

  it.each(enumerations.map((e) => [`${e.uid}.${e.nom}`, e] as const))('%s : chaque valeur a ses mots, et rien de plus', (_nom, { uid, nom, valeurs }) => {
    const libelles = LIBELLES_VALEURS[uid]?.[nom] ?? {};
    expect(Object.keys(libelles).sort()).toEqual([...valeurs].sort());
    for (const valeur of valeurs) {
      const libelle = libelleValeur(uid, nom, valeur);
      expect(libelle).not.toMatch(/_/);
      expect(libelle.charAt(0)).toBe(libelle.charAt(0).toLocaleUpperCase('fr'));
    }
    expect(new Set(Object.values(libelles)).size).toBe(valeurs.length);
  });

  it('ne décrit aucune énumération absente des schémas', () => {
    const connues = new Set(enumerations.map((e) => `${e.uid}.${e.nom}`));
    const decrites = Object.entries(LIBELLES_VALEURS).flatMap(([uid, attributs]) => Object.keys(attributs).map((nom) => `${uid}.${nom}`));
    expect(decrites.filter((d) => !connues.has(d))).toEqual([]);
  });
});
