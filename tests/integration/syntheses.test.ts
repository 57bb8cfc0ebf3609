/**
 * GET /api/collectivites/:documentId/synthese and GET /api/offreurs/:documentId/synthese (issue 17),
 * REST and GraphQL, through the real HTTP server: exact contents, offreurs of the same SIREN counted
 * as one company, drafts and Restreint values never shown, 404 and 400 in French.
 */
import { api, APPELANTS, enteteJeton, graphql } from '../helpers/http';
import { projetValide } from '../helpers/donnees';

const SENTINELLE = 'sentinelle-restreinte-synthese@exemple.fr';
const SIREN = '552081317';
// Luhn-valid SIRENs of no real collectivité (publishing a projet requires its collectivité's SIREN).

async function creer(pluriel: string, data: Record<string, unknown>, status?: 'published' | 'draft'): Promise<string> {
  const reponse = await api().post(`/api/${pluriel}`).set(enteteJeton()).query(status ? { status } : {}).send({ data });
  if (reponse.status !== 201) throw new Error(`Création (${pluriel}) : ${reponse.status} ${JSON.stringify(reponse.body)}`);
  return reponse.body.data.documentId;
}

const f: Record<string, string> = {};

beforeAll(async () => {
  f.angers = await creer('collectivites', { nom: 'Synthèse Angers', type: 'autre', siren: '299999912' });
  f.brest = await creer('collectivites', { nom: 'Synthèse Brest', type: 'syndicat', siren: '299999920' });
  f.cahors = await creer('collectivites', { nom: 'Synthèse Cahors', type: 'autre', siren: '299999938' });
  f.o1 = await creer('offreurs', { nom: 'Synthèse Offreur Un', type: 'entreprise', siren: SIREN, contact: SENTINELLE }, 'published');
  f.o2 = await creer('offreurs', { nom: 'Synthèse Offreur Deux', type: 'startup', siren: '552 081 317' }, 'published');
  f.o3 = await creer('offreurs', { nom: 'Synthèse Offreur Sans Siren', type: 'association' }, 'published');
  f.brouillon = await creer('offreurs', { nom: 'Synthèse Offreur Brouillon', type: 'entreprise', siren: SIREN }, 'draft');
  f.p1 = await creer('projets', await projetValide({ nom: 'Synthèse Alpha', resume: 'Résumé alpha', collectivite: f.angers, collectivitesPartenaires: [f.brest], offreurs: [f.o1, f.o3] }), 'published');
  f.p2 = await creer('projets', await projetValide({ nom: 'Synthèse Bêta', collectivite: f.brest, offreurs: [f.o2] }), 'published');
  f.p3 = await creer('projets', await projetValide({ nom: 'Synthèse Brouillon', collectivite: f.angers, collectivitesPartenaires: [f.cahors], offreurs: [f.o1, f.o3] }), 'draft');
  f.i1 = await creer('initiatives-gouvernance', { titre: 'Synthèse Charte', type: 'charte', statut: 'adoptee', collectivite: f.angers, collectivitesAssociees: [f.brest], contact: SENTINELLE }, 'published');
  f.i2 = await creer('initiatives-gouvernance', { titre: 'Synthèse Comité brouillon', type: 'comite_ethique', statut: 'en_preparation', collectivite: f.angers }, 'draft');
  f.i3 = await creer('initiatives-gouvernance', { titre: 'Synthèse Stratégie', type: 'strategie_ia_data', statut: 'en_preparation', collectivite: f.cahors, collectivitesAssociees: [f.angers] }, 'published');
});

async function synthese(chemin: string, entete: Record<string, string> = APPELANTS.anonyme()) {
  const reponse = await api().get(chemin).set(entete);
  expect(reponse.status).toBe(200);
  expect(JSON.stringify(reponse.body)).not.toContain(SENTINELLE);
  expect(JSON.stringify(reponse.body)).not.toMatch(/Brouillon|brouillon/);
  return reponse.body.data;
}

const projet = (documentId: string, nom: string, resume: string | null = null) => ({
  documentId,
  slug: expect.any(String),
  nom,
  resume,
  statut: 'experimentation',
  thematique: { documentId: expect.any(String), slug: 'transition-ecologique-et-energetique', nom: expect.any(String) },
});
const reference = (documentId: string, nom: string, type: string) => ({ documentId, slug: expect.any(String), nom, type });

describe('GET /api/collectivites/:documentId/synthese', () => {
  it('donne les projets publiés portés et en partenariat, les offreurs avec leur nombre de projets et les initiatives', async () => {
    const angers = await synthese(`/api/collectivites/${f.angers}/synthese`);
    expect(angers.collectivite).toEqual(expect.objectContaining({ documentId: f.angers, nom: 'Synthèse Angers', type: 'autre' }));
    expect(angers.collectivite).not.toHaveProperty('referents');
    expect(angers.projets).toEqual({ porteuse: [projet(f.p1, 'Synthèse Alpha', 'Résumé alpha')], partenaire: [] });
    expect(angers.offreurs).toEqual([
      { ...reference(f.o3, 'Synthèse Offreur Sans Siren', 'association'), nombreProjets: 1 },
      { ...reference(f.o1, 'Synthèse Offreur Un', 'entreprise'), nombreProjets: 1 },
    ]);
    expect(angers.initiatives).toEqual([
      { documentId: f.i1, slug: expect.any(String), titre: 'Synthèse Charte', type: 'charte', statut: 'adoptee', dateAdoption: null, lien: null, role: 'porteuse' },
      { documentId: f.i3, slug: expect.any(String), titre: 'Synthèse Stratégie', type: 'strategie_ia_data', statut: 'en_preparation', dateAdoption: null, lien: null, role: 'associee' },
    ]);

    const brest = await synthese(`/api/collectivites/${f.brest}/synthese`);
    expect(brest.projets).toEqual({ porteuse: [projet(f.p2, 'Synthèse Bêta')], partenaire: [projet(f.p1, 'Synthèse Alpha', 'Résumé alpha')] });
    expect(brest.offreurs.map((o: { documentId: string; nombreProjets: number }) => [o.documentId, o.nombreProjets])).toEqual([[f.o2, 1], [f.o3, 1], [f.o1, 1]]);
    expect(brest.initiatives.map((i: { documentId: string; role: string }) => [i.documentId, i.role])).toEqual([[f.i1, 'associee']]);

    const cahors = await synthese(`/api/collectivites/${f.cahors}/synthese`);
    expect(cahors.projets).toEqual({ porteuse: [], partenaire: [] });
    expect(cahors.offreurs).toEqual([]);
  });

  it('est la même pour un membre', async () => {
    expect(await synthese(`/api/collectivites/${f.angers}/synthese`, APPELANTS.membre())).toEqual(await synthese(`/api/collectivites/${f.angers}/synthese`));
  });
});

describe('GET /api/offreurs/:documentId/synthese', () => {
  it('liste les collectivités qui utilisent l’entreprise, offreurs de même SIREN compris, avec leurs projets publiés', async () => {
    const un = await synthese(`/api/offreurs/${f.o1}/synthese`);
    expect(un.offreur).toEqual(expect.objectContaining({ documentId: f.o1, nom: 'Synthèse Offreur Un', siren: SIREN }));
    expect(un.offreur).not.toHaveProperty('contact');
    expect(un.memeEntreprise).toEqual([f.o1, f.o2].sort());
    expect(un.collectivites).toEqual([
      { ...reference(f.angers, 'Synthèse Angers', 'autre'), projets: [{ ...projet(f.p1, 'Synthèse Alpha', 'Résumé alpha'), role: 'porteuse' }] },
      {
        ...reference(f.brest, 'Synthèse Brest', 'syndicat'),
        projets: [{ ...projet(f.p1, 'Synthèse Alpha', 'Résumé alpha'), role: 'partenaire' }, { ...projet(f.p2, 'Synthèse Bêta'), role: 'porteuse' }],
      },
    ]);
    expect((await synthese(`/api/offreurs/${f.o2}/synthese`)).collectivites).toEqual(un.collectivites);
  });

  it('un offreur sans SIREN ne compte que ses propres projets', async () => {
    const sansSiren = await synthese(`/api/offreurs/${f.o3}/synthese`);
    expect(sansSiren.memeEntreprise).toEqual([f.o3]);
    expect(sansSiren.collectivites.map((c: { documentId: string; projets: Array<{ documentId: string; role: string }> }) => [c.documentId, c.projets.map((p) => [p.documentId, p.role])])).toEqual([
      [f.angers, [[f.p1, 'porteuse']]],
      [f.brest, [[f.p1, 'partenaire']]],
    ]);
  });
});

describe('erreurs des synthèses', () => {
  it('404 en français pour un document inconnu ou non publié', async () => {
    for (const [chemin, message] of [
      [`/api/offreurs/${f.brouillon}/synthese`, 'Offreur introuvable'],
      ['/api/offreurs/inconnu/synthese', 'Offreur introuvable'],
      ['/api/collectivites/inconnue/synthese', 'Collectivité introuvable'],
    ]) {
      const reponse = await api().get(chemin);
      expect(reponse.status).toBe(404);
      expect(reponse.body.error.message).toContain(message);
    }
  });

  it('400 en français pour un paramètre inattendu', async () => {
    for (const chemin of [`/api/collectivites/${f.angers}/synthese`, `/api/offreurs/${f.o1}/synthese`]) {
      const reponse = await api().get(chemin).query({ populate: '*' });
      expect(reponse.status).toBe(400);
      expect(reponse.body.error.message).toBe('Paramètre inconnu : « populate » (aucun paramètre accepté).');
    }
  });
});

describe('GraphQL', () => {
  const PROJET = 'documentId slug nom resume statut thematique { documentId slug nom }';
  const REFERENCE = 'documentId slug nom type';

  it('donne les mêmes synthèses que REST', async () => {
    const reponse = await graphql(
      `query ($c: ID!, $o: ID!) {
        syntheseCollectivite(documentId: $c) {
          collectivite { documentId nom type }
          projets { porteuse { ${PROJET} } partenaire { ${PROJET} } }
          offreurs { ${REFERENCE} nombreProjets }
          initiatives { documentId slug titre type statut dateAdoption lien role }
        }
        syntheseOffreur(documentId: $o) {
          offreur { documentId nom siren }
          memeEntreprise
          collectivites { ${REFERENCE} projets { ${PROJET} role } }
        }
      }`,
      { c: f.brest, o: f.o1 },
    );
    expect(reponse.body.errors).toBeUndefined();
    const rest = await synthese(`/api/collectivites/${f.brest}/synthese`);
    const { collectivite, ...reste } = reponse.body.data.syntheseCollectivite;
    expect(collectivite).toEqual({ documentId: f.brest, nom: 'Synthèse Brest', type: 'syndicat' });
    expect(reste).toEqual({ projets: rest.projets, offreurs: rest.offreurs, initiatives: rest.initiatives });
    const restOffreur = await synthese(`/api/offreurs/${f.o1}/synthese`);
    expect(reponse.body.data.syntheseOffreur).toEqual({
      offreur: { documentId: f.o1, nom: 'Synthèse Offreur Un', siren: SIREN },
      memeEntreprise: restOffreur.memeEntreprise,
      collectivites: restOffreur.collectivites,
    });
  });

  it('refuse un offreur non publié en français et ne connaît pas le contact', async () => {
    const brouillon = await graphql('query ($o: ID!) { syntheseOffreur(documentId: $o) { memeEntreprise } }', { o: f.brouillon });
    expect(brouillon.body.errors[0].message).toContain('Offreur introuvable');
    const contact = await graphql('query ($o: ID!) { syntheseOffreur(documentId: $o) { offreur { contact } } }', { o: f.o1 });
    expect(contact.body.errors[0].message).toContain('contact');
    expect(JSON.stringify(contact.body)).not.toContain(SENTINELLE);
  });
});
