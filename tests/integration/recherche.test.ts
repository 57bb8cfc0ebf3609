/**
 * GET /api/recherche and the GraphQL query `recherche`, on a small generated corpus: every projet
 * of it carries the word « sycomorin », which no other suite uses, so that counts do not depend on
 * the other suites' data. The real file of Les Interconnectés is searched in import-open-data.test.ts.
 */
import fs from 'fs';
import path from 'path';
import { CHEMIN_OPENAPI } from '../helpers/environnement';
import { api, APPELANTS, enteteAdmin, enteteJeton, graphql, type NomAppelant } from '../helpers/http';
import { projetValide, thematique } from '../helpers/donnees';

const MARQUE = 'sycomorin';

async function documentIdPar(pluriel: string, slug: string): Promise<string> {
  const reponse = await api().get(`/api/${pluriel}`).query({ 'filters[slug][$eq]': slug });
  const [entree] = reponse.body.data;
  if (!entree) throw new Error(`${pluriel} ${slug} absent du référentiel`);
  return entree.documentId;
}

async function creerPublie(pluriel: string, data: Record<string, unknown>): Promise<string> {
  const reponse = await api().post(`/api/${pluriel}`).set(enteteJeton()).query({ status: 'published' }).send({ data });
  if (reponse.status !== 201) throw new Error(`${pluriel} : ${reponse.status} ${JSON.stringify(reponse.body)}`);
  return reponse.body.data.documentId;
}

const rechercher = (query: Record<string, unknown>, appelant: NomAppelant = 'anonyme') => api().get('/api/recherche').set(APPELANTS[appelant]()).query(query);
const noms = (reponse: { body: { data: Array<{ nom: string }> } }) => reponse.body.data.map((p) => p.nom);

let commune: string;
let offreur: string;
const projets: Record<string, string> = {};

beforeAll(async () => {
  // Collectivités of their own, of types the other suites do not count.
  // With a SIREN (valid, fictitious): publication requires the porteuse's (regles-metier.ts).
  commune = await creerPublie('collectivites', { nom: 'Sycomorin-les-Bains', type: 'syndicat', siren: '999900012', codeDepartement: '57', codeRegion: '44' });
  const agence = await creerPublie('collectivites', { nom: 'Agence métropolitaine des transports', type: 'operateur_public', siren: '999900020', codeDepartement: '44', codeRegion: '52' });
  offreur = await creerPublie('offreurs', { nom: 'Entreprise Platanoïde', type: 'entreprise' });
  const [mobilites, transition, administration] = await Promise.all(
    ['mobilites', 'transition-ecologique-et-energetique', 'administration-et-organisation-interne'].map(thematique),
  );
  const [decarbonee, flux, eau, dechets] = await Promise.all(['mobilite-decarbonee', 'flux-et-trafic', 'gestion-de-l-eau', 'dechets-et-economie-circulaire'].map(thematique));
  const [grandPublic, agent] = await Promise.all(['grand-public', 'agent'].map((slug) => documentIdPar('publics-cibles', slug)));
  const vision = await documentIdPar('techniques-ia', 'vision-par-ordinateur');
  const corpus: Array<[string, Record<string, unknown>]> = [
    ['recharge', { nom: 'Recharge des véhicules électriques', resume: `Bornes ${MARQUE} pour la ville.`, thematique: mobilites, sousThematiques: [decarbonee], statut: 'deploiement', collectivite: commune, publics: [grandPublic], offreurs: [offreur] }],
    ['partage', { nom: 'Vehicule electrique partagé', resume: `Autopartage ${MARQUE}.`, thematique: mobilites, sousThematiques: [flux], statut: 'experimentation', collectivite: agence, publics: [agent] }],
    ['flotte', { nom: 'Flotte municipale', resume: `Gestion ${MARQUE} de la flotte.`, description: 'Un outil prévoit la recharge de chaque **véhicule électrique** de la flotte.', thematique: mobilites, publics: [grandPublic], statut: 'deploiement', collectivite: agence }],
    ['fuites', { nom: 'Détection des fuites d’eau potable', resume: `Capteurs ${MARQUE} et R&D sur le réseau.`, thematique: transition, sousThematiques: [eau], statut: 'deploiement', publics: [agent, grandPublic] }],
    ['baignade', { nom: 'Qualité des EAUX de baignade', resume: `Analyse ${MARQUE} des prélèvements.`, thematique: transition, sousThematiques: [eau], publics: [grandPublic], statut: 'termine', collectivite: commune, offreurs: [offreur] }],
    ['tri', { nom: 'Tri des déchets ménagers', resume: `Caméras ${MARQUE} au centre de tri.`, thematique: transition, sousThematiques: [dechets], publics: [grandPublic], statut: 'exploration', collectivite: agence, financement: 'Subvention quetzalcoatl du fonds vert', techniquesIa: [vision] }],
    ['courrier', { nom: 'Réponse aux courriers', resume: `Assistant ${MARQUE} de rédaction.`, thematique: administration, publics: [grandPublic], statut: 'experimentation', baseLegale: 'Délibération ornithorynque du conseil', roleOffreurs: 'Hébergement chez Tamanoir SA', voiesDeRecours: 'Recours gracieux pangolin' }],
  ];
  for (const [cle, data] of corpus) projets[cle] = await creerPublie('projets', await projetValide(data));
});

describe('Recherche : pertinence, racinisation, accents et casse', () => {
  it('« eau » trouve les projets de l’eau (élision, pluriel, majuscules), mot surligné dans l’extrait', async () => {
    const reponse = await rechercher({ q: `${MARQUE} eau` });
    expect(reponse.status).toBe(200);
    expect(noms(reponse).sort()).toEqual(['Détection des fuites d’eau potable', 'Qualité des EAUX de baignade']);
    const fuites = reponse.body.data.find((p: { documentId: string }) => p.documentId === projets.fuites);
    expect(fuites).toMatchObject({ slug: expect.any(String), statut: 'deploiement', thematique: { slug: 'transition-ecologique-et-energetique' }, score: expect.any(Number) });
    const baignade = reponse.body.data.find((p: { documentId: string }) => p.documentId === projets.baignade);
    expect(baignade.collectivite).toEqual({ nom: 'Sycomorin-les-Bains', slug: expect.any(String), type: 'syndicat' });
  });

  it('« vehicule electrique » trouve « véhicules électriques », le nom avant la description', async () => {
    for (const q of ['vehicule electrique', 'VÉHICULES Électriques', 'véhicule, électrique !']) {
      const reponse = await rechercher({ q, pageSize: 100 });
      expect(reponse.status).toBe(200);
      const trouves = noms(reponse);
      expect(trouves).toEqual(expect.arrayContaining(['Recharge des véhicules électriques', 'Vehicule electrique partagé', 'Flotte municipale']));
      expect(trouves.indexOf('Flotte municipale')).toBeGreaterThan(trouves.indexOf('Recharge des véhicules électriques'));
      expect(trouves.indexOf('Flotte municipale')).toBeGreaterThan(trouves.indexOf('Vehicule electrique partagé'));
    }
  });

  it('extrait : mots trouvés entre <mark>, texte d’origine échappé', async () => {
    const flotte = (await rechercher({ q: 'vehicules recharge', pageSize: 100 })).body.data.find((p: { documentId: string }) => p.documentId === projets.flotte);
    expect(flotte.extrait).toBe('Un outil prévoit la <mark>recharge</mark> de chaque <mark>véhicule</mark> électrique de la flotte.');
    const fuites = (await rechercher({ q: `${MARQUE} capteur` })).body.data[0];
    expect(fuites.extrait).toBe('<mark>Capteurs</mark> <mark>sycomorin</mark> et R&amp;D sur le réseau.');
  });

  it('cherche aussi la collectivité, les offreurs, les thématiques et les publics', async () => {
    expect(noms(await rechercher({ q: `${MARQUE} platanoide` })).sort()).toEqual(['Qualité des EAUX de baignade', 'Recharge des véhicules électriques']);
    expect(noms(await rechercher({ q: 'Sycomorin-les-Bains' }))).toEqual(expect.arrayContaining(['Qualité des EAUX de baignade']));
    expect(noms(await rechercher({ q: `${MARQUE} mobilité décarbonée` }))).toEqual(['Recharge des véhicules électriques']);
    expect(noms(await rechercher({ q: `${MARQUE} agents` })).sort()).toEqual(['Détection des fuites d’eau potable', 'Vehicule electrique partagé']);
  });

  it('cherche la base légale et le rôle des offreurs, pas les voies de recours', async () => {
    expect(noms(await rechercher({ q: 'ornithorynque' }))).toEqual(['Réponse aux courriers']);
    expect(noms(await rechercher({ q: 'tamanoir' }))).toEqual(['Réponse aux courriers']);
    expect(noms(await rechercher({ q: 'pangolin' }))).toEqual([]);
  });
});

describe('Recherche : champs restreints', () => {
  it('un mot du seul financement ne fait pas remonter le projet pour un anonyme, mais pour un membre', async () => {
    expect((await rechercher({ q: 'quetzalcoatl' })).body.meta.pagination.total).toBe(0);
    expect((await rechercher({ q: 'quetzalcoatl' }, 'enAttente')).body.meta.pagination.total).toBe(0);
    expect(noms(await rechercher({ q: 'quetzalcoatl' }, 'membre'))).toEqual(['Tri des déchets ménagers']);
    expect(noms(await rechercher({ q: 'quetzalcoatl' }, 'jetonLecture'))).toEqual(['Tri des déchets ménagers']);
  });

  it('une technique d’IA : ni recherche, ni filtre, ni facette pour un anonyme', async () => {
    expect((await rechercher({ q: `${MARQUE} vision ordinateur` })).body.data).toEqual([]);
    expect(noms(await rechercher({ q: `${MARQUE} vision ordinateur` }, 'membre'))).toEqual(['Tri des déchets ménagers']);
    const anonyme = await rechercher({ q: MARQUE });
    expect(anonyme.body.meta.facettes).not.toHaveProperty('technique');
    const refus = await rechercher({ q: MARQUE, technique: 'vision-par-ordinateur' });
    expect(refus.status).toBe(400);
    expect(refus.body.error.message).toMatch(/« technique » est réservé aux membres/);
    const membre = await rechercher({ q: MARQUE }, 'membre');
    expect(membre.body.meta.facettes.technique).toEqual([{ valeur: 'vision-par-ordinateur', libelle: 'Vision par ordinateur', nombre: 1 }]);
    expect(noms(await rechercher({ q: MARQUE, technique: 'vision-par-ordinateur' }, 'membre'))).toEqual(['Tri des déchets ménagers']);
  });
});

describe('Recherche : filtres et facettes', () => {
  /** Every facet count equals the total of the list filtered by that value, the other filters kept. */
  async function verifierFacettes(base: Record<string, string>, appelant: NomAppelant): Promise<number> {
    const { facettes } = (await rechercher(base, appelant)).body.meta;
    let verifiees = 0;
    for (const [dimension, valeurs] of Object.entries<Array<{ valeur: string; nombre: number }>>(facettes)) {
      for (const { valeur, nombre } of valeurs) {
        const filtree = await rechercher({ ...base, [dimension]: valeur }, appelant);
        expect({ dimension, valeur, total: filtree.body.meta.pagination.total }).toEqual({ dimension, valeur, total: nombre });
        verifiees += 1;
      }
    }
    return verifiees;
  }

  it('les facettes donnent les nombres des listes filtrées (anonyme et membre, avec et sans filtre)', async () => {
    expect(await verifierFacettes({ q: MARQUE }, 'anonyme')).toBeGreaterThan(15);
    expect(await verifierFacettes({ q: MARQUE }, 'membre')).toBeGreaterThan(15);
    expect(await verifierFacettes({ q: MARQUE, statut: 'deploiement' }, 'anonyme')).toBeGreaterThan(5);
    expect(await verifierFacettes({ q: MARQUE, thematique: 'mobilites', public: 'agent' }, 'membre')).toBeGreaterThan(3);
  });

  it('sans q ni filtre, chaque facette compte ce que liste /api/projets filtré de même', async () => {
    const CHEMINS: Record<string, (valeur: string) => Record<string, string>> = {
      thematique: (v) => ({ 'filters[thematique][slug][$eq]': v }),
      sousThematique: (v) => ({ 'filters[sousThematiques][slug][$eq]': v }),
      statut: (v) => ({ 'filters[statut][$eq]': v }),
      typeCollectivite: (v) => ({ 'filters[collectivite][type][$eq]': v }),
      region: (v) => ({ 'filters[collectivite][codeRegion][$eq]': v }),
      public: (v) => ({ 'filters[publics][slug][$eq]': v }),
      offreur: (v) => ({ 'filters[offreurs][slug][$eq]': v }),
    };
    const { facettes } = (await rechercher({})).body.meta;
    for (const [dimension, filtre] of Object.entries(CHEMINS)) {
      expect(facettes[dimension].length).toBeGreaterThan(0);
      for (const { valeur, nombre } of facettes[dimension].slice(0, 5)) {
        const liste = await api().get('/api/projets').query({ ...filtre(valeur), 'pagination[pageSize]': 1 });
        expect({ dimension, valeur, total: liste.body.meta.pagination.total }).toEqual({ dimension, valeur, total: nombre });
      }
    }
  });

  it('facettes du corpus : comptes, libellés, région et département', async () => {
    const { facettes, pagination } = (await rechercher({ q: MARQUE })).body.meta;
    expect(pagination.total).toBe(7);
    expect(facettes.thematique).toEqual([
      { valeur: 'mobilites', libelle: 'Mobilités', nombre: 3 },
      { valeur: 'transition-ecologique-et-energetique', libelle: 'Transition écologique et énergétique', nombre: 3 },
      { valeur: 'administration-et-organisation-interne', libelle: 'Administration et organisation interne', nombre: 1 },
    ]);
    expect(facettes.statut[0]).toEqual({ valeur: 'deploiement', libelle: 'En déploiement', nombre: 3 });
    expect(facettes.region).toEqual(expect.arrayContaining([{ valeur: '44', libelle: 'Grand Est', nombre: 2 }]));
    expect(facettes.departement).toEqual(expect.arrayContaining([{ valeur: '57', libelle: 'Moselle', nombre: 2 }]));
    expect(facettes.offreur).toEqual([{ valeur: expect.stringMatching(/^entreprise-platanoide/), libelle: 'Entreprise Platanoïde', nombre: 2 }]);
  });

  it('filtres combinés : valeurs d’une dimension en « ou » (virgule ou répétition), dimensions en « et »', async () => {
    expect(noms(await rechercher({ q: MARQUE, statut: 'termine,exploration' })).sort()).toEqual(['Qualité des EAUX de baignade', 'Tri des déchets ménagers']);
    const repetee = await api().get(`/api/recherche?q=${MARQUE}&statut=termine&statut=exploration`);
    expect(repetee.body.meta.pagination.total).toBe(2);
    expect(noms(await rechercher({ q: MARQUE, thematique: 'mobilites', statut: 'deploiement' })).sort()).toEqual(['Flotte municipale', 'Recharge des véhicules électriques']);
    expect(noms(await rechercher({ q: MARQUE, typeCollectivite: 'syndicat', sousThematique: 'gestion-de-l-eau' }))).toEqual(['Qualité des EAUX de baignade']);
    expect((await rechercher({ q: MARQUE, thematique: 'inconnue' })).body).toMatchObject({ data: [], meta: { pagination: { total: 0 } } });
  });

  it('sans q : liste filtrée triée par nom, avec facettes', async () => {
    const reponse = await rechercher({ offreur: (await rechercher({ q: MARQUE })).body.meta.facettes.offreur[0].valeur });
    expect(reponse.status).toBe(200);
    expect(noms(reponse)).toEqual(['Qualité des EAUX de baignade', 'Recharge des véhicules électriques']);
    expect(reponse.body.data[0]).toMatchObject({ score: null, extrait: null });
    expect(reponse.body.meta.facettes.statut.map((v: { valeur: string }) => v.valeur).sort()).toEqual(['deploiement', 'termine']);
  });

  it('pagination : pages, taille, page au-delà de la fin vide', async () => {
    const premiere = await rechercher({ q: MARQUE, pageSize: 3 });
    expect(premiere.body.meta.pagination).toEqual({ page: 1, pageSize: 3, pageCount: 3, total: 7 });
    const troisieme = await rechercher({ q: MARQUE, pageSize: 3, page: 3 });
    expect(troisieme.body.data).toHaveLength(1);
    const toutes = [...noms(premiere), ...noms(await rechercher({ q: MARQUE, pageSize: 3, page: 2 })), ...noms(troisieme)];
    expect(new Set(toutes).size).toBe(7);
    const audela = await rechercher({ q: MARQUE, page: 50 });
    expect(audela.status).toBe(200);
    expect(audela.body.data).toEqual([]);
    expect(audela.body.meta.pagination.total).toBe(7);
  });
});

describe('Recherche : mauvaises entrées', () => {
  const refus: Array<[string, Record<string, unknown>, RegExp]> = [
    ['q vide', { q: '   ' }, /« q » est vide/],
    ['q de 1 000 caractères', { q: 'eau '.repeat(250) }, /« q » dépasse 200 caractères/],
    ['filtre inconnu', { q: 'eau', couleur: 'bleu' }, /Paramètre inconnu : « couleur »/],
    ['valeur de filtre invalide', { thematique: "x' OR 1=1 --" }, /« thematique » attend des identifiants/],
    ['page nulle', { q: 'eau', page: 0 }, /« page » doit être un entier/],
    ['page non numérique', { q: 'eau', page: 'deux' }, /« page » doit être un entier/],
    ['taille de page trop grande', { q: 'eau', pageSize: 101 }, /« pageSize » doit être un entier entre 1 et 100/],
  ];
  it.each(refus)('%s : 400 qui nomme le paramètre, sans SQL', async (_cas, query, message) => {
    const reponse = await rechercher(query);
    expect(reponse.status).toBe(400);
    expect(reponse.body.error.message).toMatch(message);
    expect(JSON.stringify(reponse.body)).not.toMatch(/select|syntax|sqlite|tsquery|fts5/i);
  });

  it('q répété : 400', async () => {
    const reponse = await api().get('/api/recherche?q=eau&q=air');
    expect(reponse.status).toBe(400);
    expect(reponse.body.error.message).toMatch(/« q » doit être donné une seule fois/);
  });

  it('opérateurs et guillemets dans q : des mots comme les autres, jamais d’erreur', async () => {
    for (const q of [`"${MARQUE}" & !eau`, `${MARQUE} | (eau) <-> *:`, `${MARQUE}' OR 1=1; --`, `{nom} : ${MARQUE} NEAR(eau)`, `${MARQUE} AND eau OR NOT "`]) {
      const reponse = await rechercher({ q });
      expect({ q, status: reponse.status }).toEqual({ q, status: 200 });
    }
    expect(noms(await rechercher({ q: `"${MARQUE}" & !eau` })).sort()).toEqual(['Détection des fuites d’eau potable', 'Qualité des EAUX de baignade']);
  });

  it('q sans mot cherchable (opérateurs, mots vides) : résultat vide', async () => {
    for (const q of ['&|!:*()<>-"', 'le la de des', '???']) {
      const reponse = await rechercher({ q });
      expect(reponse.status).toBe(200);
      expect(reponse.body.meta.pagination.total).toBe(0);
    }
  });
});

describe('Recherche : index tenu à jour', () => {
  it('dépublier retire le projet ; republier le remet', async () => {
    const documentId = await creerPublie('projets', await projetValide({ nom: 'Projet éphémère', resume: 'Mot témoin : hirondellerie.' }));
    expect(noms(await rechercher({ q: 'hirondellerie' }))).toEqual(['Projet éphémère']);
    const depublie = await api().post(`/content-manager/collection-types/api::projet.projet/${documentId}/actions/unpublish`).set(enteteAdmin()).send({});
    expect(depublie.status).toBe(200);
    expect((await rechercher({ q: 'hirondellerie' })).body.meta.pagination.total).toBe(0);
    const supprime = await api().delete(`/api/projets/${documentId}`).set(enteteJeton());
    expect(supprime.status).toBe(204);
    expect((await rechercher({ q: 'hirondellerie' }, 'membre')).body.meta.pagination.total).toBe(0);
  });

  it('renommer une collectivité ou un offreur met l’index à jour', async () => {
    const renommee = await api().put(`/api/collectivites/${commune}`).set(enteteJeton()).send({ data: { nom: 'Sycomorin-sur-Mer' } });
    expect(renommee.status).toBe(200);
    expect(noms(await rechercher({ q: `${MARQUE} mer` })).sort()).toEqual(['Qualité des EAUX de baignade', 'Recharge des véhicules électriques']);
    expect((await rechercher({ q: `${MARQUE} bains` })).body.meta.pagination.total).toBe(0);
    const baignade = (await rechercher({ q: `${MARQUE} baignade` })).body.data[0];
    expect(baignade.collectivite.nom).toBe('Sycomorin-sur-Mer');

    const offreurRenomme = await api().put(`/api/offreurs/${offreur}`).set(enteteJeton()).query({ status: 'published' }).send({ data: { nom: 'Entreprise Érablière' } });
    expect(offreurRenomme.status).toBe(200);
    expect(noms(await rechercher({ q: `${MARQUE} erabliere` })).sort()).toEqual(['Qualité des EAUX de baignade', 'Recharge des véhicules électriques']);
    expect((await rechercher({ q: MARQUE })).body.meta.facettes.offreur).toEqual([expect.objectContaining({ libelle: 'Entreprise Érablière', nombre: 2 })]);
  });
});

describe('Recherche en GraphQL', () => {
  const REQUETE = `query Recherche($q: String, $filtres: RechercheFiltresInput, $pagination: RecherchePaginationInput) {
    recherche(q: $q, filtres: $filtres, pagination: $pagination) {
      data { documentId slug nom resume statut collectivite { nom slug type } thematique { nom slug } score extrait }
      meta {
        pagination { page pageSize pageCount total }
        facettes { thematique { valeur libelle nombre } sousThematique { valeur libelle nombre } statut { valeur libelle nombre }
          typeCollectivite { valeur libelle nombre } region { valeur libelle nombre } departement { valeur libelle nombre }
          public { valeur libelle nombre } technique { valeur libelle nombre } offreur { valeur libelle nombre } }
      }
    }
  }`;

  it('même résultat que REST, pour un anonyme et pour un membre', async () => {
    for (const appelant of ['anonyme', 'membre'] as const) {
      const variables = { q: `${MARQUE} eau`, filtres: { statut: ['deploiement', 'termine'] }, pagination: { page: 1, pageSize: 5 } };
      const reponse = await graphql(REQUETE, variables, APPELANTS[appelant]());
      expect(reponse.body.errors).toBeUndefined();
      const rest = (await rechercher({ q: `${MARQUE} eau`, statut: 'deploiement,termine', pageSize: 5 }, appelant)).body;
      expect(reponse.body.data.recherche).toEqual({ ...rest, meta: { ...rest.meta, facettes: { technique: null, ...rest.meta.facettes } } });
    }
  });

  it('un membre trouve le mot restreint, pas un anonyme', async () => {
    const anonyme = await graphql(REQUETE, { q: 'quetzalcoatl' });
    expect(anonyme.body.data.recherche.meta.pagination.total).toBe(0);
    const membre = await graphql(REQUETE, { q: 'quetzalcoatl' }, APPELANTS.membre());
    expect(membre.body.data.recherche.data.map((p: { nom: string }) => p.nom)).toEqual(['Tri des déchets ménagers']);
  });

  it('mauvaise entrée : erreur en français qui nomme le paramètre, filtre technique refusé aux anonymes', async () => {
    const vide = await graphql(REQUETE, { q: '' });
    expect(vide.body.errors[0].message).toMatch(/« q » est vide/);
    expect(vide.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const technique = await graphql(REQUETE, { q: MARQUE, filtres: { technique: ['vision-par-ordinateur'] } });
    expect(technique.body.errors[0].message).toMatch(/« technique » est réservé aux membres/);
    const taille = await graphql(REQUETE, { q: MARQUE, pagination: { pageSize: 500 } });
    expect(taille.body.errors[0].message).toMatch(/« pageSize »/);
  });
});

describe('Recherche dans la description OpenAPI', () => {
  it('décrit GET /recherche, ses paramètres et son résultat', () => {
    const description = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../..', CHEMIN_OPENAPI), 'utf8'));
    const operation = description.paths['/recherche'].get;
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual([
      'q', 'thematique', 'sousThematique', 'statut', 'typeCollectivite', 'region', 'departement', 'public', 'technique', 'offreur', 'page', 'pageSize',
    ]);
    expect(operation.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/RechercheResultat');
    expect(Object.keys(description.components.schemas.RechercheResultat.properties.meta.properties.facettes.properties)).toHaveLength(9);
  });
});
