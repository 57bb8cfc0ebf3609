import fs from 'fs';
import path from 'path';
import {
  appelantDepuisAuth,
  ATTRIBUTS_INTERNES,
  champsServis,
  projeterRequete,
  ATTRIBUTS_RESTREINTS,
  COMPOSANTS_RESTREINTS,
  controlerTriVisible,
  restreindreFiltres,
  restreindrePopulate,
  restreindreRequete,
  voitBrouillons,
  voitRestreint,
  vueMembre,
  type Appelant,
  type Modele,
} from '../../src/domaine/visibilite';
import { RequeteRefusee } from '../../src/domaine/forme-requete';

const RACINE = path.resolve(__dirname, '..', '..');

function modeles(): Map<string, Modele & { options?: { draftAndPublish?: boolean } }> {
  const resultat = new Map();
  for (const dossier of fs.readdirSync(path.join(RACINE, 'src/api'))) {
    const fichier = path.join(RACINE, 'src/api', dossier, 'content-types', dossier, 'schema.json');
    if (!fs.existsSync(fichier)) continue; // an API without content type (open-data)
    const schema = JSON.parse(fs.readFileSync(fichier, 'utf8'));
    resultat.set(`api::${dossier}.${dossier}`, { ...schema, uid: `api::${dossier}.${dossier}` });
  }
  for (const categorie of fs.readdirSync(path.join(RACINE, 'src/components'))) {
    for (const fichier of fs.readdirSync(path.join(RACINE, 'src/components', categorie))) {
      const uid = `${categorie}.${fichier.replace(/\.json$/, '')}`;
      resultat.set(uid, { ...JSON.parse(fs.readFileSync(path.join(RACINE, 'src/components', categorie, fichier), 'utf8')), uid });
    }
  }
  return resultat;
}
const MODELES = modeles();
const obtenir = (uid: string) => MODELES.get(uid);

const ANONYME: Appelant = { type: 'anonyme' };
const MEMBRE: Appelant = { type: 'utilisateur', role: 'membre', confirme: true, approuve: true, bloque: false };

describe('classification Public / Restreint', () => {
  it('chaque attribut privé d’un schéma est restreint ou interne, et réciproquement', () => {
    for (const [uid, modele] of MODELES) {
      if (!uid.startsWith('api::')) continue;
      const prives = Object.entries(modele.attributes).filter(([, a]) => a.private === true).map(([nom]) => nom).sort();
      expect([uid, prives]).toEqual([uid, [...(ATTRIBUTS_RESTREINTS[uid] ?? []), ...(ATTRIBUTS_INTERNES[uid] ?? [])].sort()]);
    }
  });

  it('les composants restreints ne sont atteints que par des attributs restreints', () => {
    for (const [uid, modele] of MODELES) {
      for (const [nom, attribut] of Object.entries(modele.attributes)) {
        if (attribut.type !== 'component' || !COMPOSANTS_RESTREINTS.includes(attribut.component as string)) continue;
        const parentRestreint = uid.startsWith('api::') ? (ATTRIBUTS_RESTREINTS[uid] ?? []).includes(nom) : COMPOSANTS_RESTREINTS.includes(uid);
        expect([uid, nom, parentRestreint]).toEqual([uid, nom, true]);
      }
    }
  });

  it('la vue des membres rend les attributs restreints publics, sans toucher au modèle', () => {
    const projet = obtenir('api::projet.projet')!;
    const vue = vueMembre(projet);
    expect(vue.attributes.budget.private).toBe(false);
    expect(projet.attributes.budget.private).toBe(true);
    expect(vue.attributes.nom).toBe(projet.attributes.nom);
    expect(vueMembre(obtenir('api::thematique.thematique')!)).toBe(obtenir('api::thematique.thematique'));
  });
});

describe('qui voit quoi', () => {
  it.each<[string, Appelant, boolean, boolean]>([
    ['anonyme', ANONYME, false, false],
    ['membre approuvé', MEMBRE, true, false],
    ['membre en attente', { ...MEMBRE, approuve: false }, false, false],
    ['membre non confirmé', { ...MEMBRE, confirme: false }, false, false],
    ['membre bloqué', { ...MEMBRE, bloque: true }, false, false],
    ['utilisateur d’un autre rôle', { ...MEMBRE, role: 'authenticated' }, false, false],
    ['jeton en lecture seule', { type: 'jeton', jeton: 'read-only' }, true, false],
    ['jeton personnalisé', { type: 'jeton', jeton: 'custom' }, true, false],
    ['jeton en accès complet', { type: 'jeton', jeton: 'full-access' }, true, true],
  ])('%s', (_nom, appelant, restreint, brouillons) => {
    expect([voitRestreint(appelant), voitBrouillons(appelant)]).toEqual([restreint, brouillons]);
  });

  it('lit l’appelant dans l’objet auth de Strapi', () => {
    expect(appelantDepuisAuth(undefined)).toEqual(ANONYME);
    expect(appelantDepuisAuth({ strategy: { name: 'users-permissions' }, credentials: null })).toEqual(ANONYME);
    expect(appelantDepuisAuth({ strategy: { name: 'content-api-token' }, credentials: { type: 'read-only' } })).toEqual({ type: 'jeton', jeton: 'read-only' });
    expect(
      appelantDepuisAuth({ strategy: { name: 'users-permissions' }, credentials: { role: { type: 'membre' }, confirmed: true, approuve: true, blocked: false } }),
    ).toEqual(MEMBRE);
    expect(appelantDepuisAuth({ strategy: { name: 'users-permissions' }, credentials: { role: { type: 'membre' }, confirmed: true, approuve: 'true' } })).toEqual({
      ...MEMBRE,
      approuve: false,
    });
  });
});

describe('ressources réservées aux membres', () => {
  const PUBLIQUES = { acces: { $eq: 'public' } };

  it('filtre chaque relation vers les ressources, à toute profondeur et sous toutes les formes de populate', () => {
    expect(restreindrePopulate('ressources', 'api::projet.projet', ANONYME, obtenir)).toEqual({ ressources: { filters: PUBLIQUES } });
    expect(restreindrePopulate(['collectivite', 'ressources'], 'api::projet.projet', ANONYME, obtenir)).toEqual({ collectivite: true, ressources: { filters: PUBLIQUES } });
    expect(restreindrePopulate({ projets: { populate: { ressources: { fields: ['titre'] } } } }, 'api::collectivite.collectivite', ANONYME, obtenir)).toEqual({
      projets: { populate: { ressources: { fields: ['titre'], filters: PUBLIQUES } } },
    });
    expect(restreindrePopulate('projets.ressources', 'api::collectivite.collectivite', ANONYME, obtenir)).toEqual({
      projets: { populate: { ressources: { filters: PUBLIQUES } } },
    });
    expect(restreindrePopulate({ ressources: { filters: { type: 'modele' } } }, 'api::projet.projet', ANONYME, obtenir)).toEqual({
      ressources: { filters: { $and: [{ type: 'modele' }, PUBLIQUES] } },
    });
  });

  it('développe populate=* sans les attributs privés ni les auteurs', () => {
    const etoile = restreindrePopulate('*', 'api::projet.projet', ANONYME, obtenir) as Record<string, unknown>;
    expect(etoile.ressources).toEqual({ filters: PUBLIQUES });
    expect(etoile.collectivite).toBe(true);
    expect(etoile.techniquesIa).toBeUndefined();
    expect(etoile.algorithme).toBeUndefined();
    expect(etoile.evaluation).toBe(true);
    expect(etoile.createdBy).toBeUndefined();
  });

  it('ne laisse pas un filtre révéler une ressource réservée', () => {
    expect(restreindreFiltres({ ressources: { titre: { $eq: 'Secret' } } }, 'api::projet.projet', ANONYME, obtenir)).toEqual({
      ressources: { $and: [{ titre: { $eq: 'Secret' } }, PUBLIES, PUBLIQUES] },
    });
    expect(restreindreFiltres({ $or: [{ nom: 'a' }, { collectivite: { projets: { ressources: { titre: 'b' } } } }] }, 'api::projet.projet', ANONYME, obtenir)).toEqual({
      $or: [{ nom: 'a' }, { collectivite: { projets: { $and: [{ ressources: { $and: [{ titre: 'b' }, PUBLIES, PUBLIQUES] } }, PUBLIES] } } }],
    });
  });
});

const PUBLIES = { publishedAt: { $notNull: true } };

describe('filtres et tris à travers une relation : ce que l’appelant pourrait lire au bout', () => {
  const collectivite = 'api::collectivite.collectivite';

  it('joint « publié » à la condition sur la même ligne liée, à toute profondeur', () => {
    expect(restreindreFiltres({ projets: { nom: { $startsWith: 'X' } } }, collectivite, MEMBRE, obtenir)).toEqual({
      projets: { $and: [{ nom: { $startsWith: 'X' } }, PUBLIES] },
    });
    expect(restreindreFiltres({ collectivite: { projets: { publishedAt: { $null: true } } } }, 'api::projet.projet', ANONYME, obtenir)).toEqual({
      collectivite: { projets: { $and: [{ publishedAt: { $null: true } }, PUBLIES] } },
    });
  });

  it('sépare les clés d’un même objet en $and, pour que Strapi n’écrase aucune condition en les fusionnant', () => {
    expect(restreindreFiltres({ $and: [{ nom: 'a' }], projets: { nom: 'b', statut: 'termine' } }, collectivite, ANONYME, obtenir)).toEqual({
      $and: [{ $and: [{ nom: 'a' }] }, { projets: { $and: [{ $and: [{ nom: 'b' }, { statut: 'termine' }] }, PUBLIES] } }],
    });
  });

  it('lit une valeur nue ou des opérateurs sur une relation comme des conditions sur l’id de la ligne liée', () => {
    expect(restreindreFiltres({ projets: { $null: true } }, collectivite, ANONYME, obtenir)).toEqual({ projets: { $and: [{ id: { $null: true } }, PUBLIES] } });
    expect(restreindreFiltres({ projets: 5 }, collectivite, ANONYME, obtenir)).toEqual({ projets: { $and: [{ id: 5 }, PUBLIES] } });
  });

  it('refuse $not sur une relation dont des lignes sont cachées, pas sur un champ ni sur une relation entièrement lisible', () => {
    expect(() => restreindreFiltres({ $not: { projets: { nom: 'x' } } }, collectivite, MEMBRE, obtenir)).toThrow(RequeteRefusee);
    expect(() => restreindreFiltres({ $not: { collectivite: { projets: { nom: 'x' } } } }, 'api::projet.projet', MEMBRE, obtenir)).toThrow(/\$not/);
    expect(restreindreFiltres({ $not: { thematique: { slug: 'x' } } }, 'api::projet.projet', ANONYME, obtenir)).toEqual({ $not: { thematique: { slug: 'x' } } });
    expect(restreindreFiltres({ projets: { $not: { nom: 'x' } } }, collectivite, ANONYME, obtenir)).toEqual({ projets: { $and: [{ $not: { nom: 'x' } }, PUBLIES] } });
  });

  it('laisse tout au jeton en accès complet, qui lit les brouillons', () => {
    const filtres = { projets: { nom: 'x' } };
    expect(restreindreFiltres(filtres, collectivite, { type: 'jeton', jeton: 'full-access' }, obtenir)).toEqual(filtres);
  });

  it('refuse un tri qui passe par une relation dont des lignes sont cachées, sous toutes ses formes', () => {
    for (const tri of ['projets.nom:asc', ['nom', 'projets.nom:desc'], { projets: { nom: 'asc' } }, [{ initiatives: { titre: 'asc' } }]]) {
      expect(() => controlerTriVisible(tri, collectivite, MEMBRE, obtenir)).toThrow(RequeteRefusee);
    }
    expect(() => controlerTriVisible('collectivite.nom:asc', 'api::projet.projet', ANONYME, obtenir)).not.toThrow();
    expect(() => controlerTriVisible('collectivite.projets.nom', 'api::projet.projet', ANONYME, obtenir)).toThrow(/collectivite\.projets\.nom/);
    expect(() => controlerTriVisible('projets.nom', collectivite, { type: 'jeton', jeton: 'full-access' }, obtenir)).not.toThrow();
  });

  it('restreint aussi les filtres et le tri d’une relation peuplée', () => {
    expect(restreindrePopulate({ projets: { filters: { offreurs: { nom: 'x' } } } }, collectivite, MEMBRE, obtenir)).toEqual({
      projets: { filters: { offreurs: { $and: [{ nom: 'x' }, PUBLIES] } } },
    });
    expect(() => restreindrePopulate({ projets: { sort: 'offreurs.nom' } }, collectivite, MEMBRE, obtenir)).toThrow(RequeteRefusee);
    expect(restreindrePopulate('projets.ressources', collectivite, MEMBRE, obtenir)).toBe('projets.ressources');
  });

  it('applique les limites de forme à toute requête, jeton en accès complet compris', () => {
    const profonde = { populate: 'collectivite.projets.collectivite.projets' };
    expect(() => restreindreRequete(profonde, obtenir('api::projet.projet')!, { type: 'jeton', jeton: 'full-access' }, obtenir)).toThrow(/populate/);
  });
});

describe('requête effectivement exécutée', () => {
  const projet = obtenir('api::projet.projet')!;
  const ressource = obtenir('api::ressource.ressource')!;

  it('sert les seuls documents publiés, quel que soit le status demandé', () => {
    const requete = restreindreRequete({ status: 'draft', hasPublishedVersion: 'false', filters: { nom: 'x' } }, projet, MEMBRE, obtenir);
    expect(requete).toEqual({ status: 'published', filters: { $and: [{ nom: 'x' }, { publishedAt: { $notNull: true } }] } });
  });

  it('laisse les brouillons au jeton en accès complet', () => {
    const requete = { status: 'draft', filters: { nom: 'x' } };
    expect(restreindreRequete(requete, projet, { type: 'jeton', jeton: 'full-access' }, obtenir)).toEqual(requete);
  });

  it('n’ajoute pas de condition de publication aux types sans brouillon', () => {
    expect(restreindreRequete({}, obtenir('api::collectivite.collectivite')!, MEMBRE, obtenir)).toEqual({ status: 'published' });
  });

  it('cache les ressources réservées à un anonyme, pas à un membre', () => {
    expect(restreindreRequete({}, ressource, ANONYME, obtenir).filters).toEqual({ $and: [{ publishedAt: { $notNull: true } }, { acces: { $eq: 'public' } }] });
    expect(restreindreRequete({}, ressource, MEMBRE, obtenir).filters).toEqual({ publishedAt: { $notNull: true } });
  });
});

describe('colonnes lues : celles que l’appelant reçoit', () => {
  const projet = obtenir('api::projet.projet')!;
  const prive = (modele: Modele) => (nom: string) => modele.attributes[nom]?.private === true;
  const champsAnonymes = (uid: string) => champsServis(obtenir(uid)!, prive(obtenir(uid)!));
  const racineSeule = (uid: string, racine: boolean) => (racine ? champsAnonymes(uid) : undefined);

  it('lit les attributs simples servis, ni les restreints, ni les internes, ni les relations', () => {
    const champs = champsAnonymes('api::projet.projet');
    expect(champs).toEqual(expect.arrayContaining(['nom', 'slug', 'statut', 'description']));
    for (const nom of [...ATTRIBUTS_RESTREINTS['api::projet.projet'], ...ATTRIBUTS_INTERNES['api::projet.projet'], 'collectivite', 'thematique']) {
      expect(champs).not.toContain(nom);
    }
  });

  it('lit les attributs restreints pour un membre, jamais les internes', () => {
    const membre = vueMembre(projet);
    const champs = champsServis(membre, prive(membre));
    expect(champs).toEqual(expect.arrayContaining(['budget', 'hebergement', 'contact']));
    for (const nom of ATTRIBUTS_INTERNES['api::projet.projet']) expect(champs).not.toContain(nom);
  });

  it('projette la racine et chaque relation peuplée, à toute profondeur', () => {
    const requete = projeterRequete(
      { filters: { nom: 'x' }, populate: { collectivite: true, thematique: { populate: { parent: { sort: 'nom' } } } } },
      'api::projet.projet',
      obtenir,
      champsAnonymes,
    );
    expect(requete.fields).toEqual(champsAnonymes('api::projet.projet'));
    expect(requete.filters).toEqual({ nom: 'x' });
    const populate = requete.populate as Record<string, any>;
    expect(populate.collectivite).toEqual({ fields: champsAnonymes('api::collectivite.collectivite') });
    expect(populate.thematique.fields).toEqual(champsAnonymes('api::thematique.thematique'));
    expect(populate.thematique.populate.parent).toEqual({ sort: 'nom', fields: champsAnonymes('api::thematique.thematique') });
  });

  it('laisse les champs demandés, les comptes et les composants tels quels', () => {
    const requete = projeterRequete(
      { fields: ['nom'], populate: { collectivite: { fields: ['nom'] }, offreurs: { count: true }, algorithme: true } },
      'api::projet.projet',
      obtenir,
      champsAnonymes,
    );
    expect(requete).toEqual({ fields: ['nom'], populate: { collectivite: { fields: ['nom'] }, offreurs: { count: true }, algorithme: true } });
  });

  it('laisse lire toutes les colonnes d’un niveau sans liste de champs', () => {
    const requete = projeterRequete({ populate: { collectivite: true } }, 'api::projet.projet', obtenir, racineSeule);
    expect(requete).toEqual({ fields: champsAnonymes('api::projet.projet'), populate: { collectivite: true } });
  });

  it('laisse un populate en chaîne ou en liste tel quel', () => {
    expect(projeterRequete({ populate: '*' }, 'api::projet.projet', obtenir, champsAnonymes).populate).toBe('*');
    expect(projeterRequete({ populate: ['collectivite'] }, 'api::projet.projet', obtenir, champsAnonymes).populate).toEqual(['collectivite']);
  });
});
