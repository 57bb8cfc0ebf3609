import { api, graphql } from '../helpers/http';
import { CLES, lire } from '../helpers/environnement';

describe('Référentiel lisible par le public', () => {
  it('sert les 40 thématiques (6 thèmes et 34 sous-thèmes) en français par défaut', async () => {
    const reponse = await api().get('/api/thematiques').query({ 'pagination[pageSize]': 100, populate: 'parent' });
    expect(reponse.status).toBe(200);
    expect(reponse.body.meta.pagination.total).toBe(40);
    const themes = reponse.body.data.filter((t: { parent: unknown }) => t.parent === null);
    expect(themes.map((t: { nom: string }) => t.nom)).toContain('Transition écologique et énergétique');
    expect(themes).toHaveLength(6);
    expect(reponse.body.data.every((t: { locale: string }) => t.locale === 'fr')).toBe(true);
  });

  it('sert les libellés anglais avec locale=en', async () => {
    const reponse = await api().get('/api/thematiques').query({ locale: 'en', 'filters[slug][$eq]': 'mobilites' });
    expect(reponse.status).toBe(200);
    expect(reponse.body.data).toHaveLength(1);
    expect(reponse.body.data[0].nom).toBe('Mobility');
  });

  it('sert les publics cibles et les techniques d’IA', async () => {
    const publics = await api().get('/api/publics-cibles');
    const techniques = await api().get('/api/techniques-ia');
    expect(publics.body.meta.pagination.total).toBe(10);
    expect(techniques.body.meta.pagination.total).toBe(8);
  });

  it('trouve Bordeaux Métropole par son SIREN', async () => {
    const reponse = await api().get('/api/collectivites').query({ 'filters[siren][$eq]': '243300316' });
    expect(reponse.status).toBe(200);
    expect(reponse.body.data).toHaveLength(1);
    expect(reponse.body.data[0]).toMatchObject({ nom: 'Bordeaux Métropole', type: 'epci', sousType: 'METRO', codeDepartement: '33' });
  });

  it('contient les ≈39 000 collectivités, communes, EPCI, EPT, départements et régions', async () => {
    // Rows of the reference data have a COG code; collectivités created by an import (syndicats) do not.
    const total = async (type?: string) =>
      (await api().get('/api/collectivites').query(type ? { 'filters[type][$eq]': type } : { 'filters[codeInsee][$notNull]': 'true' })).body.meta.pagination.total;
    expect(await total()).toBe(38991);
    expect(await total('commune')).toBe(37590);
    expect(await total('epci')).toBe(1255);
    expect(await total('ept')).toBe(11);
    expect(await total('departement')).toBe(109);
    expect(await total('region')).toBe(26);
  });

  it('répond aussi en GraphQL', async () => {
    const reponse = await graphql(`{
      collectivites(filters: { siren: { eq: "243300316" } }) { nom type sousType }
      thematiques_connection(pagination: { pageSize: 1 }) { pageInfo { total } }
    }`);
    expect(reponse.body.errors).toBeUndefined();
    expect(reponse.body.data.collectivites).toEqual([{ nom: 'Bordeaux Métropole', type: 'epci', sousType: 'METRO' }]);
    expect(reponse.body.data.thematiques_connection.pageInfo.total).toBe(40);
  });

  it('refuse toute écriture anonyme sur le référentiel', async () => {
    const reponse = await api().post('/api/thematiques').send({ data: { nom: 'Intrus', slug: 'intrus' } });
    expect(reponse.status).toBe(403);
    expect((await api().get('/api/thematiques').query({ 'filters[slug][$eq]': 'intrus' })).body.data).toHaveLength(0);
  });

  it('un second amorçage n’écrit rien', () => {
    const bilan = JSON.parse(lire(CLES.reamorcage));
    expect(bilan).toMatchObject({ taxonomies: 0, collectivitesCreees: 0, collectivitesModifiees: 0 });
  });
});
