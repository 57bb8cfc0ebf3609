/** The official SDK against the running server, as a front-end would use it (see the README). */
import { strapi } from '@strapi/client';
import { api, enteteJeton } from '../helpers/http';
import { CLES, lire } from '../helpers/environnement';
import { collectiviteParSiren, projetValide, thematique } from '../helpers/donnees';

// A collectivité no other test file writes for (the suites share one database).
const SIREN_ABBARETZ = '214400012';
let collectivite: string;

beforeAll(async () => {
  collectivite = await collectiviteParSiren(SIREN_ABBARETZ);
  const reponse = await api()
    .post('/api/projets')
    .set(enteteJeton())
    .query({ status: 'published' })
    .send({
      data: await projetValide({
        nom: 'Prévision de la fréquentation des piscines',
        collectivite,
        thematique: await thematique('mobilites'),
        budget: 'moins_50k',
      }),
    });
  expect(reponse.status).toBe(201);
});


describe('SDK officiel @strapi/client', () => {
  it('liste anonymement les projets d’une thématique, avec collectivité et thématique, sans champ restreint', async () => {
    const client = strapi({ baseURL: `${lire(CLES.url)}/api` });
    const reponse = await client.collection('projets').find({
      filters: { thematique: { slug: { $eq: 'mobilites' } }, collectivite: { documentId: { $eq: collectivite } } },
      populate: { collectivite: { fields: ['nom'] }, thematique: { fields: ['nom', 'slug'] } },
      sort: 'nom:asc',
    });
    expect(reponse.data).toHaveLength(1);
    expect(reponse.data[0]).toMatchObject({
      nom: 'Prévision de la fréquentation des piscines',
      collectivite: { nom: 'Abbaretz' },
      thematique: { slug: 'mobilites' },
    });
    expect(reponse.data[0].budget).toBeUndefined();
    expect(reponse.meta.pagination).toMatchObject({ page: 1, total: 1 });
  });

  it('voit les champs restreints avec un jeton en lecture seule', async () => {
    const client = strapi({ baseURL: `${lire(CLES.url)}/api`, auth: lire(CLES.jetonLecture) });
    const reponse = await client.collection('projets').find({ filters: { collectivite: { documentId: { $eq: collectivite } } }, fields: ['nom', 'budget'] });
    expect(reponse.data.map((p: Record<string, unknown>) => [p.nom, p.budget])).toEqual([['Prévision de la fréquentation des piscines', 'moins_50k']]);
  });

  it('ne peut pas écrire avec un jeton en lecture seule', async () => {
    const client = strapi({ baseURL: `${lire(CLES.url)}/api`, auth: lire(CLES.jetonLecture) });
    await expect(client.collection('projets').create({ nom: 'Intrus' })).rejects.toThrow();
    const brut = await api().post('/api/projets').set({ Authorization: `Bearer ${lire(CLES.jetonLecture)}` }).send({ data: { nom: 'Intrus' } });
    expect(brut.status).toBe(403);
  });

  it('signale en erreur un filtre sur un champ restreint sans jeton', async () => {
    const client = strapi({ baseURL: `${lire(CLES.url)}/api` });
    await expect(client.collection('projets').find({ filters: { budget: { $eq: 'moins_50k' } } })).rejects.toThrow();
  });
});
