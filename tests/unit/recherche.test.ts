/** Search: text analysis, parameters, excerpt and index document (pure modules). */
import { mots, normaliser, racine, racines } from '../../src/domaine/recherche/texte';
import { ErreurParametre, lireParametres, TAILLE_PAGE_DEFAUT } from '../../src/domaine/recherche/parametres';
import { extrait, texteBrut } from '../../src/domaine/recherche/extrait';
import { documentIndex } from '../../src/domaine/recherche/document-index';

describe('analyse du texte (jumelle de la configuration recherche_fr de PostgreSQL)', () => {
  it('sans accents ni majuscules, ligatures dépliées', () => {
    expect(normaliser('Œuvre ÉLECTRIQUE à Noël')).toBe('oeuvre electrique a noel');
  });

  it('mots coupés sur tout ce qui n’est ni lettre ni chiffre, positions dans le texte d’origine', () => {
    expect(mots('l’eau, "IA" & covid19-x')).toEqual([
      { debut: 0, fin: 1, forme: 'l' },
      { debut: 2, fin: 5, forme: 'eau' },
      { debut: 8, fin: 10, forme: 'ia' },
      { debut: 14, fin: 21, forme: 'covid19' },
      { debut: 22, fin: 23, forme: 'x' },
    ]);
  });

  it('racines du Snowball français : singulier et pluriel, avec ou sans accents, se rejoignent', () => {
    expect(racines('véhicules électriques')).toEqual(['vehicul', 'electr']);
    expect(racines('Vehicule Electrique')).toEqual(['vehicul', 'electr']);
    expect(racines('eaux')).toEqual(['eau']);
  });

  it('mots vides de PostgreSQL écartés', () => {
    expect(racine('de')).toBeNull();
    expect(racines('la gestion de l’eau')).toEqual(['gestion', 'eau']);
  });
});

describe('paramètres de la recherche', () => {
  it('valeurs par défaut, mots significatifs et racines', () => {
    expect(lireParametres({ q: '  Véhicules électriques de la ville ' }, false)).toEqual({
      q: 'Véhicules électriques de la ville',
      termes: ['vehicules', 'electriques', 'ville'],
      racines: ['vehicul', 'electr', 'vill'],
      filtres: {},
      page: 1,
      pageSize: TAILLE_PAGE_DEFAUT,
    });
  });

  it('opérateurs et guillemets ne sont que des séparateurs', () => {
    expect(lireParametres({ q: '"eau" & !(potable) | -a:*' }, false).termes).toEqual(['eau', 'potable', 'a']);
    expect(lireParametres({ q: '&|!' }, false)).toMatchObject({ q: '&|!', termes: [], racines: [] });
  });

  it('filtres : virgules et répétitions, doublons retirés', () => {
    expect(lireParametres({ statut: ['termine,deploiement', 'termine'], region: '84' }, false).filtres).toEqual({
      statut: ['termine', 'deploiement'],
      region: ['84'],
    });
  });

  const refus: Array<[string, Record<string, unknown>, boolean, string, RegExp]> = [
    ['q vide', { q: ' ' }, false, 'q', /vide/],
    ['q trop long', { q: 'a'.repeat(201) }, false, 'q', /200 caractères/],
    ['q répété', { q: ['a', 'b'] }, false, 'q', /une seule fois/],
    ['paramètre inconnu', { filters: 'x' }, false, 'filters', /inconnu/],
    ['filtre vide', { statut: ',' }, false, 'statut', /vide/],
    ['valeur invalide', { offreur: 'a b' }, false, 'offreur', /identifiants/],
    ['technique pour un anonyme', { technique: 'nsp' }, false, 'technique', /réservé aux membres/],
    ['page 0', { page: '0' }, false, 'page', /entier entre 1/],
    ['page décimale', { page: '1.5' }, false, 'page', /entier/],
    ['taille 101', { pageSize: '101' }, false, 'pageSize', /entre 1 et 100/],
  ];
  it.each(refus)('%s : refus qui nomme le paramètre', (_cas, entree, membre, parametre, message) => {
    let erreur: unknown;
    try {
      lireParametres(entree, membre);
    } catch (e) {
      erreur = e;
    }
    expect(erreur).toBeInstanceOf(ErreurParametre);
    expect((erreur as ErreurParametre).parametre).toBe(parametre);
    expect((erreur as ErreurParametre).message).toMatch(message);
  });

  it('technique accepté pour un membre', () => {
    expect(lireParametres({ technique: 'nsp' }, true).filtres).toEqual({ technique: ['nsp'] });
  });
});

describe('extrait', () => {
  it('le texte qui contient le plus de mots cherchés, mots entre <mark>, HTML échappé', () => {
    expect(extrait(['Bornes <b> & co', 'Recharge des véhicules électriques'], ['vehicul', 'electr'])).toBe(
      'Recharge des <mark>véhicules</mark> <mark>électriques</mark>',
    );
    expect(extrait(['R&D <script>', 'autre'], ['r'])).toBe('<mark>R</mark>&amp;D');
  });

  it('coupe autour du premier mot trouvé, avec points de suspension', () => {
    const long = `${'avant '.repeat(60)}la fuite d’eau ${'après '.repeat(60)}`;
    const resultat = extrait([long], ['eau']);
    expect(resultat.startsWith('…')).toBe(true);
    expect(resultat.endsWith('…')).toBe(true);
    expect(resultat).toContain('la fuite d’<mark>eau</mark>');
    expect(resultat.length).toBeLessThan(260);
  });

  it('sans mot trouvé : début du premier texte non vide ; markdown réduit à ses mots', () => {
    expect(extrait([null, '## Titre\n\n**Gras** et [lien](https://x.fr)'], ['eau'])).toBe('Titre Gras et lien');
    expect(texteBrut('![image](a.png) `code` > citation')).toBe('code citation');
    expect(extrait([], ['eau'])).toBe('');
  });
});

describe('document de l’index', () => {
  const territoires = { region: (c: string) => ({ '44': 'Grand Est' })[c], departement: (c: string) => ({ '57': 'Moselle' })[c] };

  it('textes pondérés, restreints à part, valeurs des dimensions avec libellés', () => {
    const { ligne, textes, valeurs } = documentIndex(
      {
        documentId: 'd1',
        slug: 'projet',
        nom: 'Éclairage',
        resume: 'Résumé',
        description: '**Description**',
        statut: 'deploiement',
        financement: 'Fonds vert',
        roleOffreurs: 'ACME développe le modèle',
        baseLegale: 'Article L. 2121-29 du CGCT',
        collectivite: { nom: 'Metz', slug: 'metz', type: 'commune', codeDepartement: '57', codeRegion: '44' },
        thematique: { nom: 'Transition', slug: 'transition' },
        sousThematiques: [{ nom: 'Éclairage public', slug: 'eclairage-public' }],
        publics: [{ nom: 'Agent', slug: 'agent' }],
        offreurs: [{ nom: 'ACME', slug: 'acme' }],
        techniquesIa: [{ nom: 'Vision', slug: 'vision' }],
      },
      territoires,
    );
    expect(ligne).toMatchObject({ document_id: 'd1', nom_tri: 'eclairage', collectivite_type: 'commune', thematique_slug: 'transition' });
    expect(textes).toEqual({
      nom: 'Éclairage',
      resume: 'Résumé',
      description: 'Description',
      contexte: 'Metz ; ACME ; Transition ; Éclairage public ; Agent ; ACME développe le modèle ; Article L. 2121-29 du CGCT',
      restreint: 'Vision ; Fonds vert',
    });
    expect(valeurs.map((v) => [v.dimension, v.valeur, v.libelle])).toEqual([
      ['thematique', 'transition', 'Transition'],
      ['sousThematique', 'eclairage-public', 'Éclairage public'],
      ['statut', 'deploiement', 'En déploiement'],
      ['typeCollectivite', 'commune', 'Commune'],
      ['region', '44', 'Grand Est'],
      ['departement', '57', 'Moselle'],
      ['public', 'agent', 'Agent'],
      ['technique', 'vision', 'Vision'],
      ['offreur', 'acme', 'ACME'],
    ]);
  });

  it('projet sans relations : ni valeur ni texte de contexte', () => {
    const { textes, valeurs } = documentIndex({ documentId: 'd2', nom: 'Seul' }, territoires);
    expect(valeurs).toEqual([]);
    expect(textes.contexte).toBe('');
    expect(textes.restreint).toBe('');
  });
});
