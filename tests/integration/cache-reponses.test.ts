/** Response cache of anonymous reads: served from memory until a write, never for a caller with credentials. */
import { api, APPELANTS, enteteJeton, graphql } from '../helpers/http';
import { projetValide } from '../helpers/donnees';

const NOM = `Cache de réponses ${Date.now()}`;
const liste = () => api().get('/api/projets').query({ 'filters[nom][$startsWith]': NOM, sort: 'nom:asc' });

async function creerPublie(nom: string): Promise<string> {
  const reponse = await api().post('/api/projets').set(enteteJeton()).query({ status: 'published' }).send({ data: await projetValide({ nom }) });
  expect(reponse.status).toBe(201);
  return reponse.body.data.documentId;
}

describe('Cache des réponses anonymes', () => {
  it('sert la même lecture anonyme depuis la mémoire, à l’identique', async () => {
    await creerPublie(`${NOM} A`);
    const premiere = await liste();
    const seconde = await liste();
    expect(premiere.status).toBe(200);
    expect(premiere.headers['x-cache']).toBe('MISS');
    expect(seconde.headers['x-cache']).toBe('HIT');
    expect(seconde.body).toEqual(premiere.body);
    expect(seconde.headers['content-type']).toMatch(/application\/json/);
  });

  it('sert un HIT avec les en-têtes de sécurité et CORS de la réponse calculée', async () => {
    const origine = 'http://localhost:3000';
    const premiere = await liste().set('Origin', origine);
    const seconde = await liste().set('Origin', origine);
    expect(seconde.headers['x-cache']).toBe('HIT');
    for (const entete of ['content-security-policy', 'strict-transport-security', 'x-frame-options', 'x-content-type-options', 'access-control-allow-origin', 'vary']) {
      expect([entete, seconde.headers[entete]]).toEqual([entete, premiere.headers[entete]]);
    }
    expect(seconde.headers['access-control-allow-origin']).toBe(origine);
    // The input checks still run for an address nothing was kept for.
    const hostile = await api().get('/api/projets').query({ 'filters[nom][$eq]': `${NOM}\u0000` });
    expect(hostile.status).toBe(400);
  });

  it('ne sert plus l’ancienne réponse après une création, une modification, une suppression', async () => {
    expect((await liste()).body.data.map((p: { nom: string }) => p.nom)).toEqual([`${NOM} A`]);
    const b = await creerPublie(`${NOM} B`);
    const apresCreation = await liste();
    expect(apresCreation.headers['x-cache']).toBe('MISS');
    expect(apresCreation.body.data.map((p: { nom: string }) => p.nom)).toEqual([`${NOM} A`, `${NOM} B`]);

    const modifie = await api().put(`/api/projets/${b}`).set(enteteJeton()).query({ status: 'published' }).send({ data: { nom: `${NOM} C` } });
    expect(modifie.status).toBe(200);
    expect((await liste()).body.data.map((p: { nom: string }) => p.nom)).toEqual([`${NOM} A`, `${NOM} C`]);

    const supprime = await api().delete(`/api/projets/${b}`).set(enteteJeton());
    expect(supprime.status).toBe(204);
    expect((await liste()).body.data.map((p: { nom: string }) => p.nom)).toEqual([`${NOM} A`]);
  });

  it('ne garde rien pour un appelant authentifié ni pour une erreur', async () => {
    for (const entete of [APPELANTS.membre(), APPELANTS.jetonLecture()]) {
      const reponse = await liste().set(entete);
      expect(reponse.status).toBe(200);
      expect(reponse.headers['x-cache']).toBeUndefined();
    }
    for (let i = 0; i < 2; i += 1) {
      const refusee = await api().get('/api/projets').query({ 'filters[champInconnu][$eq]': 'x' });
      expect(refusee.status).toBe(400);
      expect(refusee.headers['x-cache']).toBeUndefined();
    }
  });

  it('garde une requête GraphQL anonyme, jamais une mutation', async () => {
    const requete = `{ projets(filters: { nom: { startsWith: "${NOM}" } }) { nom } }`;
    const premiere = await graphql(requete);
    const seconde = await graphql(requete);
    expect(premiere.body.data.projets).toEqual([{ nom: `${NOM} A` }]);
    expect([premiere.headers['x-cache'], seconde.headers['x-cache']]).toEqual(['MISS', 'HIT']);
    expect(seconde.body).toEqual(premiere.body);

    const mutation = 'mutation { login(input: { identifier: "personne@exemple.fr", password: "faux" }) { jwt } }';
    for (let i = 0; i < 2; i += 1) expect((await graphql(mutation)).headers['x-cache']).toBeUndefined();
  });
});
