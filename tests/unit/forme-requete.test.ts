import fs from 'fs';
import path from 'path';
import { cheminsDeTri, controlerFiltres, controlerForme, controlerPopulate, LIMITES_REQUETE, RequeteRefusee, type ModeleForme } from '../../src/domaine/forme-requete';

const RACINE = path.resolve(__dirname, '..', '..');
const MODELES = new Map<string, ModeleForme>();
for (const dossier of fs.readdirSync(path.join(RACINE, 'src/api'))) {
  const fichier = path.join(RACINE, 'src/api', dossier, 'content-types', dossier, 'schema.json');
  if (fs.existsSync(fichier)) MODELES.set(`api::${dossier}.${dossier}`, { ...JSON.parse(fs.readFileSync(fichier, 'utf8')), uid: `api::${dossier}.${dossier}` });
}
for (const categorie of fs.readdirSync(path.join(RACINE, 'src/components'))) {
  for (const fichier of fs.readdirSync(path.join(RACINE, 'src/components', categorie))) {
    const uid = `${categorie}.${fichier.replace(/\.json$/, '')}`;
    MODELES.set(uid, { ...JSON.parse(fs.readFileSync(path.join(RACINE, 'src/components', categorie, fichier), 'utf8')), uid });
  }
}
const obtenir = (uid: string) => MODELES.get(uid);
const PROJET = 'api::projet.projet';
const COLLECTIVITE = 'api::collectivite.collectivite';

/** The same 4-relation populate in every form Strapi accepts. */
const TROP_PROFONDS: Array<[string, unknown]> = [
  ['chemin à points', 'collectivite.projets.collectivite.projets'],
  ['liste à virgules', 'thematique,collectivite.projets.collectivite.projets'],
  ['tableau', ['thematique', 'collectivite.projets.collectivite.projets']],
  ['objet', { collectivite: { populate: { projets: { populate: { collectivite: { populate: { projets: true } } } } } } }],
  ['objet puis chemin', { collectivite: { populate: 'projets.collectivite.projets' } }],
  ['objet puis tableau', { collectivite: { populate: ['projets.collectivite.projets'] } }],
  ['* imbriqué', { collectivite: { populate: { projets: { populate: { collectivite: { populate: '*' } } } } } }],
  ['* en fin de chemin', 'collectivite.projets.collectivite.*'],
  ['valeur chaîne lue comme un chemin', { collectivite: 'projets.collectivite.projets' }],
];

describe('profondeur de populate : une règle pour toutes les formes', () => {
  it.each(TROP_PROFONDS)('%s : refusé', (_forme, populate) => {
    expect(() => controlerPopulate(populate, PROJET, obtenir)).toThrow(RequeteRefusee);
    try {
      controlerPopulate(populate, PROJET, obtenir);
    } catch (erreur) {
      expect((erreur as RequeteRefusee).parametre).toBe('populate');
      expect((erreur as Error).message).toMatch(/^Paramètre « populate » refusé/);
    }
  });

  it.each<[string, unknown]>([
    ['exemple du README', { collectivite: { fields: ['nom'] }, thematique: { fields: ['nom'] } }],
    ['populate=*', '*'],
    ['collectivité → projets → ressources', 'projets.ressources'],
    ['trois relations', 'collectivite.projets.ressources'],
    ['* au troisième niveau', { collectivite: { populate: { projets: { populate: '*' } } } }],
    ['composants : partie du document, pas un niveau', { collectivite: { populate: { projets: { populate: { donnees: { populate: { sources: true } } } } } } }],
  ])('%s : accepté', (_forme, populate) => {
    expect(() => controlerPopulate(populate, PROJET, obtenir)).not.toThrow();
  });

  it(`borne le nombre d’attributs peuplés (${LIMITES_REQUETE.attributsPeuples})`, () => {
    const large = { collectivite: { populate: '*' }, offreurs: { populate: '*' }, ressources: { populate: '*' }, collectivitesPartenaires: { populate: '*' } };
    const etoiles = Object.fromEntries(Object.keys(large).map((cle) => [cle, { populate: { projets: { populate: '*' }, initiatives: { populate: '*' } } }]));
    expect(() => controlerPopulate(etoiles, PROJET, obtenir)).toThrow(/attributs/);
  });

  it('contrôle les filtres et le tri imbriqués dans un populate', () => {
    expect(() => controlerPopulate({ projets: { filters: { collectivite: { projets: { collectivite: { projets: { nom: 'x' } } } } } } }, COLLECTIVITE, obtenir)).toThrow(/filters/);
  });
});

describe('profondeur des filtres et du tri : la même règle', () => {
  it('filtres : trois relations au plus, opérateurs logiques et composants compris', () => {
    expect(() => controlerFiltres({ collectivite: { projets: { ressources: { titre: 'x' } } } }, PROJET, obtenir)).not.toThrow();
    expect(() => controlerFiltres({ collectivite: { projets: { collectivite: { projets: { nom: 'x' } } } } }, PROJET, obtenir)).toThrow(RequeteRefusee);
    expect(() => controlerFiltres({ $or: [{ nom: 'a' }, { collectivite: { $and: [{ projets: { offreurs: { projets: { nom: 'x' } } } }] } }] }, PROJET, obtenir)).toThrow(/filters/);
    expect(() => controlerFiltres({ collectivite: { projets: { donnees: { sources: { source: 'x' } } } } }, PROJET, obtenir)).not.toThrow();
  });

  it('tri : lit toutes les formes et borne de même', () => {
    expect(cheminsDeTri('nom:asc, collectivite.nom:desc')).toEqual([['nom'], ['collectivite', 'nom']]);
    expect(cheminsDeTri([{ collectivite: { nom: 'asc' } }, 'slug'])).toEqual([['collectivite', 'nom'], ['slug']]);
    expect(() => controlerForme({ sort: 'collectivite.projets.collectivite.projets.nom' }, PROJET, obtenir)).toThrow(/sort/);
    expect(() => controlerForme({ sort: 'collectivite.nom:asc' }, PROJET, obtenir)).not.toThrow();
  });
});
