import fs from 'fs';
import path from 'path';

import { motsDesEntetes } from '../../src/admin-config/entetes-composants';
import { ECRANS_COMPOSANTS, ECRANS_TYPES, EXPLICATION_ACCES_RESTREINT, TITRE_ACCES_RESTREINT, type SectionEcran } from '../../src/admin-config/libelles';
import { ATTRIBUT_ETAT_REVUE, filtreEnFrancais, motsDesValeurs, traductionsDesValeurs } from '../../src/admin-config/mots-valeurs';
import { LIBELLES_VALEURS } from '../../src/admin-config/valeurs';
import { TYPE_INTERTITRE, decouperEnSections, ecranDuFormulaire, miseEnPageDuFormulaire, nomLisible, type ChampDeMiseEnPage } from '../../src/admin-config/sections';
import { ETATS, LIBELLES_ETATS } from '../../src/plugins/revue-editoriale/public';
import { slugAProposer } from '../../src/admin-config/slug-en-direct';

const RACINE = path.resolve(__dirname, '..', '..');

/** Every enumeration of the schemas an agent meets in the content manager: [model uid, attribute, values]. */
function enumerationsDesSchemas(): Array<[string, string, string[]]> {
  const resultat: Array<[string, string, string[]]> = [];
  type Schema = { attributes: Record<string, { type: string; enum?: string[] }>; pluginOptions?: Record<string, { visible?: boolean }> };
  const lire = (fichier: string) => JSON.parse(fs.readFileSync(fichier, 'utf8')) as Schema;
  const ajouter = (uid: string, fichier: string) => {
    const schema = lire(fichier);
    // Hidden from the content manager (the subscriptions to the alerts): no form nor filter shows it.
    if (schema.pluginOptions?.['content-manager']?.visible === false) return;
    for (const [nom, attribut] of Object.entries(schema.attributes)) {
      if (attribut.type === 'enumeration') resultat.push([uid, nom, attribut.enum ?? []]);
    }
  };
  const api = path.join(RACINE, 'src', 'api');
  for (const dossier of fs.readdirSync(api)) {
    const types = path.join(api, dossier, 'content-types');
    if (!fs.existsSync(types)) continue;
    for (const type of fs.readdirSync(types)) ajouter(`api::${dossier}.${type}`, path.join(types, type, 'schema.json'));
  }
  const composants = path.join(RACINE, 'src', 'components');
  for (const categorie of fs.readdirSync(composants)) {
    for (const fichier of fs.readdirSync(path.join(composants, categorie))) {
      ajouter(`${categorie}.${path.basename(fichier, '.json')}`, path.join(composants, categorie, fichier));
    }
  }
  return resultat;
}

describe('motsDesValeurs : les mots français d’une énumération', () => {
  const enumerations = enumerationsDesSchemas();

  it('lit les énumérations des schémas (projet, composants)', () => {
    expect(enumerations.map(([uid, nom]) => `${uid}.${nom}`)).toEqual(
      expect.arrayContaining(['api::projet.projet.statut', 'projet.evaluation.niveauAutomatisation', 'projet.source-donnees.source']),
    );
  });

  it.each(enumerations)('%s.%s : retrouvés sans connaître le modèle (formulaire, filtres), les mêmes que ceux du modèle', (uid, nom, valeurs) => {
    const attendus = Object.fromEntries(valeurs.map((v) => [v, LIBELLES_VALEURS[uid][nom][v]]));
    expect(motsDesValeurs(nom, valeurs)).toEqual(attendus);
    expect(motsDesValeurs(nom, valeurs, uid)).toEqual(attendus);
    for (const mot of Object.values(attendus)) expect(mot).not.toMatch(/_/);
  });

  it('les exemples du ticket se lisent en français', () => {
    expect(motsDesValeurs('statut', ['experimentation', 'deploiement'])).toEqual({ experimentation: 'En expérimentation', deploiement: 'En déploiement' });
    expect(motsDesValeurs('budget', ['moins_50k'])).toEqual({ moins_50k: 'Moins de 50 k€' });
    expect(motsDesValeurs('source', ['jeu_de_donnees_interne', 'nsp'])).toEqual({ jeu_de_donnees_interne: 'Jeu de données interne', nsp: 'Ne sait pas' });
    expect(motsDesValeurs('niveauAutomatisation', ['sans_decision_individuelle'])).toEqual({ sans_decision_individuelle: 'Sans décision individuelle' });
  });

  it('le même nom d’attribut dans deux modèles : les mots de celui dont ce sont les valeurs', () => {
    expect(motsDesValeurs('statut', ['en_preparation', 'adoptee'])).toEqual({ en_preparation: 'En préparation', adoptee: 'Adoptée' });
    expect(motsDesValeurs('type', ['interne'], 'api::projet.projet')).toEqual({ interne: 'interne' });
    expect(motsDesValeurs('hebergement', ['interne'])).toEqual({ interne: 'En interne de l’administration' });
    expect(motsDesValeurs('miseEnOeuvre', ['interne'])).toEqual({ interne: 'Développé en interne' });
  });

  it('l’état de la revue éditoriale : les mots du circuit de revue', () => {
    const mots = motsDesValeurs(ATTRIBUT_ETAT_REVUE, [...ETATS]);
    expect(mots).toEqual(LIBELLES_ETATS);
    expect(mots.en_validation).toBe('En validation (référent)');
    expect(mots.modifications_demandees).toBe('Modifications demandées');
  });

  it('une valeur inconnue garde son code, rien n’est perdu', () => {
    expect(motsDesValeurs('statut', ['exploration', 'inconnu'])).toEqual({ exploration: 'exploration', inconnu: 'inconnu' });
    expect(motsDesValeurs('champInconnu', ['a'])).toEqual({ a: 'a' });
  });
});

// ---------------------------------------------------------------------------------------------

const champ = (name: string, size = 6, type = 'string'): ChampDeMiseEnPage => ({ name, size, type });

/** The projet's edit layout as the content-manager gives it: one panel, rows in the sections' order. */
function panneauProjet(): ChampDeMiseEnPage[][][] {
  const sections = ECRANS_TYPES['api::projet.projet'].sections ?? [];
  return [sections.flatMap((s) => s.lignes.map((ligne) => ligne.map((e) => champ(e.champ, e.taille))))];
}

const resume = (panneaux: ChampDeMiseEnPage[][][]) =>
  panneaux.map((panneau) =>
    panneau.map((ligne) => ligne.map((c) => (c.type === TYPE_INTERTITRE ? `# ${String(c.label)}` : c.name)).join(' ')),
  );

describe('decouperEnSections : la vue d’édition en panneaux titrés', () => {
  const sectionsProjet = ECRANS_TYPES['api::projet.projet'].sections ?? [];

  it('projet : un panneau par section publique, les champs réservés aux membres réunis sous « Accès restreint (membres) »', () => {
    expect(resume(decouperEnSections(panneauProjet(), sectionsProjet))).toEqual([
      [
        '# Informations générales',
        'nom slug',
        'resume',
        'description',
        'collectivite collectivitesPartenaires',
        'offreurs',
        'roleOffreurs',
        'statut motifAbandon',
        'dateDemarrage dateFin',
        'thematique sousThematiques',
        'publics lienInformation',
        'illustration',
      ],
      ['# Évaluation', 'evaluation'],
      ['# Cadre juridique et recours', 'baseLegale', 'lienDeliberation', 'voiesDeRecours'],
      ['# Ressources', 'ressources'],
      [
        `# ${TITRE_ACCES_RESTREINT}`,
        '# Algorithme',
        'techniquesIa',
        'algorithme',
        '# Données',
        'donnees',
        'hebergement',
        '# Impact environnemental',
        'impactEnvironnemental impactEnvironnementalKwhAn',
        '# Mise en œuvre et contact',
        'miseEnOeuvre financement',
        'budget contact',
      ],
      ['# Reprise de l’import', 'notesImport'],
    ]);
  });

  it('l’intertitre emprunte un champ simple de sa section, sinon le chemin de la première feuille d’un composant', () => {
    const composant = (name: string, uid: string): ChampDeMiseEnPage => ({ name, size: 12, type: 'component', attribute: { type: 'component', component: uid } });
    const sections: SectionEcran[] = [
      { titre: 'Évaluation', lignes: [[{ champ: 'evaluation', taille: 12 }]] },
      { titre: 'Données', lignes: [[{ champ: 'donnees', taille: 12 }], [{ champ: 'hebergement', taille: 6 }]] },
      { titre: 'Inconnu', lignes: [[{ champ: 'autre', taille: 12 }]] },
    ];
    const panneaux = [[[composant('evaluation', 'projet.evaluation')], [composant('donnees', 'projet.donnees')], [champ('hebergement')], [composant('autre', 'absent')]]];
    const composants = {
      'projet.evaluation': { layout: [[champ('risqueCategorie')]] },
      'projet.donnees': { layout: [[composant('sources', 'projet.source-donnees')]] },
      'projet.source-donnees': { layout: [[champ('source')]] },
    };
    const noms = decouperEnSections(panneaux, sections, composants).map((panneau) => panneau[0][0].name);
    expect(noms).toEqual(['evaluation.risqueCategorie', 'hebergement', 'autre']);
    expect(nomLisible(composant('donnees', 'projet.donnees'), composants)).toBe('donnees.sources.source');
  });

  it('l’intertitre est un pseudo-champ pleine largeur qui emprunte le nom du premier champ de sa section', () => {
    const [premier, , , , restreint] = decouperEnSections(panneauProjet(), sectionsProjet);
    expect(premier[0]).toEqual([
      expect.objectContaining({ name: 'nom', size: 12, type: TYPE_INTERTITRE, label: 'Informations générales', attribute: { type: TYPE_INTERTITRE, niveau: 'section' }, visible: true }),
    ]);
    expect(restreint[0][0]).toEqual(
      expect.objectContaining({ name: 'techniquesIa', label: TITRE_ACCES_RESTREINT, hint: EXPLICATION_ACCES_RESTREINT, attribute: { type: TYPE_INTERTITRE, niveau: 'partie' } }),
    );
  });

  it('range chaque ligne selon son premier champ, quel que soit l’ordre stocké ; une section sans ligne disparaît', () => {
    const sections: SectionEcran[] = [
      { titre: 'A', lignes: [[{ champ: 'a1', taille: 6 }], [{ champ: 'a2', taille: 6 }]] },
      { titre: 'B', lignes: [[{ champ: 'b1', taille: 6 }]] },
      { titre: 'Vide', lignes: [[{ champ: 'cache', taille: 6 }]] },
      { titre: 'R1', restreinte: true, lignes: [[{ champ: 'r1', taille: 6 }]] },
      { titre: 'C', lignes: [[{ champ: 'c1', taille: 6 }]] },
      { titre: 'R2', restreinte: true, lignes: [[{ champ: 'r2', taille: 6 }]] },
    ];
    const panneaux = [[[champ('b1'), champ('a2')], [champ('r2')], [champ('a1')], [champ('inconnu')], [champ('c1')], [champ('r1')]]];
    expect(resume(decouperEnSections(panneaux, sections))).toEqual([
      ['# A', 'a1'],
      ['# B', 'b1 a2'],
      [`# ${TITRE_ACCES_RESTREINT}`, '# R1', 'r1', '# R2', 'r2'],
      ['# C', 'c1'],
      ['inconnu'],
    ]);
  });

  it('garde telles quelles les zones dynamiques, et la mise en page sans sections', () => {
    const zone = [[champ('blocs', 12, 'dynamiczone')]];
    const sections: SectionEcran[] = [{ titre: 'A', lignes: [[{ champ: 'a', taille: 6 }]] }];
    expect(resume(decouperEnSections([[[champ('a')]], zone], sections))).toEqual([['# A', 'a'], ['blocs']]);
    const brut = [[[champ('a')]]];
    expect(decouperEnSections(brut, [])).toEqual(brut);
  });

  it('ne modifie pas la mise en page reçue', () => {
    const panneaux = panneauProjet();
    const copie = JSON.parse(JSON.stringify(panneaux));
    decouperEnSections(panneaux, sectionsProjet);
    expect(panneaux).toEqual(copie);
  });
});

describe('miseEnPageDuFormulaire : ce que le crochet de la vue d’édition rend', () => {
  it('projet : sections, état de revue sous « Revue », astérisque sur collectivité, thématique, publics, date de démarrage et motif d’abandon', () => {
    const panneaux = [[...panneauProjet()[0], [champ('etatRevue', 6, 'enumeration')]]];
    const resultat = miseEnPageDuFormulaire(panneaux);
    expect(resultat.map((p) => (p[0][0].type === TYPE_INTERTITRE ? p[0][0].label : '?'))).toEqual([
      'Informations générales',
      'Évaluation',
      'Cadre juridique et recours',
      'Ressources',
      TITRE_ACCES_RESTREINT,
      'Reprise de l’import',
      'Revue',
    ]);
    const requis = resultat.flat(2).filter((c) => c.required === true && c.type !== TYPE_INTERTITRE).map((c) => c.name);
    expect(requis.sort()).toEqual(['collectivite', 'dateDemarrage', 'motifAbandon', 'publics', 'thematique']);
  });

  it('des champs qu’aucun écran ne connaît : la mise en page de Strapi, intacte', () => {
    const panneaux = [[[champ('titre'), champ('inconnu')]]];
    expect(miseEnPageDuFormulaire(panneaux)).toEqual(panneaux);
  });
});

describe('ecranDuFormulaire : de quel type est la vue d’édition', () => {
  const nomsDe = (uid: string) => (ECRANS_TYPES[uid].sections ?? []).flatMap((s) => s.lignes.flat().map((e) => e.champ));

  it.each(Object.keys(ECRANS_TYPES).filter((uid) => ECRANS_TYPES[uid].sections))('%s : reconnu à ses champs (même sans l’état de revue)', (uid) => {
    const trouve = ecranDuFormulaire([...nomsDe(uid), ATTRIBUT_ETAT_REVUE], ECRANS_TYPES, [ATTRIBUT_ETAT_REVUE]);
    // Public cible et technique d’IA ont les mêmes champs et les mêmes sections : l’un vaut l’autre.
    expect(ECRANS_TYPES[trouve!].sections).toEqual(ECRANS_TYPES[uid].sections);
    expect(ecranDuFormulaire(nomsDe(uid))).toBe(trouve);
  });

  it('projet avec un champ masqué par « Configurer la vue » : toujours le projet', () => {
    expect(ecranDuFormulaire(nomsDe('api::projet.projet').filter((n) => n !== 'illustration'))).toBe('api::projet.projet');
  });

  it('un champ qu’aucun écran ne connaît : aucun écran, la mise en page reste celle de Strapi', () => {
    expect(ecranDuFormulaire([...nomsDe('api::projet.projet'), 'champInconnu'])).toBeUndefined();
    expect(ecranDuFormulaire([])).toBeUndefined();
  });
});

describe('slugAProposer : l’identifiant d’URL suit le titre tant que l’agent ne l’a pas écrit', () => {
  it('propose le slug du titre, et le suit quand le titre change', () => {
    expect(slugAProposer('Assistant de réponse', undefined, null)).toBe('assistant-de-reponse');
    expect(slugAProposer('Assistant de réponse aux usagers', 'assistant-de-reponse', 'assistant-de-reponse')).toBe('assistant-de-reponse-aux-usagers');
    expect(slugAProposer('Cœur d’Évry', '', null)).toBe('coeur-d-evry');
  });

  it('ne touche pas un slug écrit par l’agent, ni un slug déjà juste', () => {
    expect(slugAProposer('Assistant', 'mon-slug', 'assistant')).toBeNull();
    expect(slugAProposer('Assistant', 'mon-slug', null)).toBeNull();
    expect(slugAProposer('Assistant', 'assistant', 'assistant')).toBeNull();
  });

  it('titre vidé : le slug proposé se vide aussi', () => {
    expect(slugAProposer('', 'assistant', 'assistant')).toBe('');
    expect(slugAProposer(undefined, '', null)).toBeNull();
  });
});

describe('filtreEnFrancais : les options des filtres de la vue liste', () => {
  it('étiquette chaque option d’une énumération, y compris l’état de revue', () => {
    const statut = { name: 'statut', label: 'Statut du projet', type: 'enumeration', options: [{ label: 'experimentation', value: 'experimentation' }, { label: 'abandonne', value: 'abandonne' }] };
    expect(filtreEnFrancais(statut).options).toEqual([
      { label: 'En expérimentation', value: 'experimentation' },
      { label: 'Abandonné', value: 'abandonne' },
    ]);
    const etat = { name: ATTRIBUT_ETAT_REVUE, type: 'enumeration', options: [{ value: 'en_validation' }] };
    expect(filtreEnFrancais(etat).options).toEqual([{ label: 'En validation (référent)', value: 'en_validation' }]);
  });

  it('laisse les autres filtres tels quels', () => {
    const nom = { name: 'nom', type: 'string' };
    expect(filtreEnFrancais(nom)).toBe(nom);
  });
});

describe('traductionsDesValeurs : les valeurs sans ambiguïté traduites pour les filtres de Strapi', () => {
  const traductions = traductionsDesValeurs();

  it('traduit les valeurs qui se lisent partout de la même façon, y compris les états de revue', () => {
    expect(traductions.nsp).toBe('Ne sait pas');
    expect(traductions.experimentation).toBe('En expérimentation');
    expect(traductions.autre).toBe('Autre');
    expect(traductions.modifications_demandees).toBe('Modifications demandées');
  });

  it('laisse de côté une valeur dont les mots changent selon le modèle', () => {
    expect(traductions).not.toHaveProperty('interne');
  });
});

describe('en-têtes des entrées de composants répétables', () => {
  it('donne des mots à chaque code du champ principal « source » des sources de données', () => {
    const mots = motsDesEntetes();
    for (const [code, libelle] of Object.entries(LIBELLES_VALEURS['projet.source-donnees'].source)) expect(mots.get(code)).toBe(libelle);
  });

  it('ne traduit que les codes d’énumérations qui titrent un composant', () => {
    const mots = motsDesEntetes();
    const attendus = Object.entries(ECRANS_COMPOSANTS).flatMap(([uid, ecran]) => Object.keys((ecran.champPrincipal && LIBELLES_VALEURS[uid]?.[ecran.champPrincipal]) || {}));
    expect([...mots.keys()].sort()).toEqual([...new Set(attendus)].sort());
  });
});
