import { api, enteteAdmin, enteteJeton, graphql } from '../helpers/http';
import { collectiviteParSiren, nombreDeProjets, projetValide, publicCible, thematique } from '../helpers/donnees';

const creer = (data: Record<string, unknown>, query: Record<string, string> = {}) =>
  api().post('/api/projets').set(enteteJeton()).query(query).send({ data });

/** A 400 whose French message names the field, and nothing written. */
async function attendreRefus(data: Record<string, unknown>, champ: string, extrait: RegExp, query: Record<string, string> = {}) {
  const reponse = await creer(data, query);
  expect(reponse.status).toBe(400);
  expect(reponse.body.error.name).toBe('ValidationError');
  expect(reponse.body.error.message).toMatch(extrait);
  expect(reponse.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'))).toContain(champ);
  expect(await nombreDeProjets(data.nom as string)).toBe(0);
}

describe('Invariants du modèle, par l’API REST', () => {
  it('crée un projet valide et génère son slug côté serveur, unique', async () => {
    const premier = await creer(await projetValide({ nom: 'Détection des fuites d’eau' }));
    const second = await creer(await projetValide({ nom: 'Détection des fuites d’eau' }));
    expect(premier.status).toBe(201);
    expect(premier.body.data.slug).toBe('detection-des-fuites-d-eau');
    expect(second.body.data.slug).toBe('detection-des-fuites-d-eau-2');
  });

  it('refuse une valeur hors énumération, en français, sans rien écrire', async () => {
    await attendreRefus(await projetValide({ nom: 'Statut hors énumération', statut: 'en_reflexion' }), 'statut', /« Statut.* \(statut\) doit valoir l’une des valeurs suivantes/);
  });

  it('exige un motif pour publier un projet abandonné ; le brouillon peut l’attendre', async () => {
    const publie = { status: 'published' };
    await attendreRefus(await projetValide({ nom: 'Abandon sans motif', statut: 'abandonne' }), 'motifAbandon', /\(motifAbandon\) est obligatoire quand le projet est abandonné/, publie);
    const avecMotif = await creer(await projetValide({ nom: 'Abandon motivé', statut: 'abandonne', motifAbandon: 'Données insuffisantes.' }), publie);
    expect(avecMotif.status).toBe(201);
    const brouillon = await creer(await projetValide({ nom: 'Abandon, motif à écrire', statut: 'abandonne' }), { status: 'draft' });
    expect([brouillon.status, brouillon.body.error?.message]).toEqual([201, undefined]);
    const publication = await api().put(`/api/projets/${brouillon.body.data.documentId}`).set(enteteJeton()).query(publie).send({ data: {} });
    expect([publication.status, publication.body.error?.message]).toEqual([400, expect.stringMatching(/\(motifAbandon\) est obligatoire quand le projet est abandonné/)]);
  });

  it('accepte au plus deux sous-thématiques', async () => {
    const sousThematiques = [await thematique('performance-energetique'), await thematique('eclairage-public'), await thematique('gestion-de-l-eau')];
    await attendreRefus(await projetValide({ nom: 'Trois sous-thèmes', sousThematiques }), 'sousThematiques', /au plus 2 sous-thématiques \(3 reçues\)/);
    const deux = await creer(await projetValide({ nom: 'Deux sous-thèmes', sousThematiques: sousThematiques.slice(0, 2) }));
    expect(deux.status).toBe(201);
  });

  it('distingue thèmes et sous-thématiques', async () => {
    const sousTheme = await thematique('performance-energetique');
    const theme = await thematique('mobilites');
    await attendreRefus(await projetValide({ nom: 'Sous-thème en thème', thematique: sousTheme }), 'thematique', /doit être l’un des 6 thèmes/);
    await attendreRefus(await projetValide({ nom: 'Thème en sous-thème', sousThematiques: [theme] }), 'sousThematiques', /que des sous-thématiques/);
  });

  it('n’accepte que des adresses http(s)', async () => {
    await attendreRefus(await projetValide({ nom: 'Lien douteux', lienInformation: 'javascript:alert(1)' }), 'lienInformation', /adresse web commençant par http/);
    await attendreRefus(await projetValide({ nom: 'Délibération douteuse', lienDeliberation: 'data:text/html,<script>' }), 'lienDeliberation', /« Lien vers la délibération » \(lienDeliberation\) doit être une adresse web/);
    await attendreRefus(
      await projetValide({ nom: 'Lien dans un composant', evaluation: { evaluationsImpact: [{ titre: 'AIPD', url: 'ftp://exemple.fr/aipd.pdf' }] } }),
      'evaluation.evaluationsImpact.0.url',
      /\(evaluation\.evaluationsImpact\.0\.url\) doit être une adresse web/,
    );
  });

  it('limite la longueur du nom à 150 caractères', async () => {
    await attendreRefus(await projetValide({ nom: 'N'.repeat(151) }), 'nom', /ne doit pas dépasser 150 caractères \(151 reçus\)/);
  });

  it('refuse une relation vers un document inexistant', async () => {
    await attendreRefus(await projetValide({ nom: 'Collectivité fantôme', collectivite: 'inexistant000000000000000' }), 'collectivite', /document inexistant : inexistant000000000000000/);
  });

  it('exige à la publication ce que le schéma national exige : collectivité, thématique, public, date de démarrage', async () => {
    const { collectivite: _c, thematique: _t, publics: _p, dateDemarrage: _d, ...incomplet } = await projetValide({ nom: 'Publié sans relations' });
    const reponse = await creer(incomplet, { status: 'published' });
    expect(reponse.status).toBe(400);
    expect(reponse.body.error.details.errors.map((e: { path: string[] }) => e.path[0]).sort()).toEqual(['collectivite', 'dateDemarrage', 'publics', 'thematique']);
    expect(await nombreDeProjets('Publié sans relations')).toBe(0);
    // A draft needs none of them.
    expect((await creer(incomplet, { status: 'draft' })).status).toBe(201);
  });

  it('refuse de publier un projet dont le seul public est « Autre » (la colonne Audience serait vide)', async () => {
    const reponse = await creer(await projetValide({ nom: 'Public autre seulement', publics: [await publicCible('autre')] }), { status: 'published' });
    expect(reponse.status).toBe(400);
    expect(reponse.body.error.message).toMatch(/\(publics\) doit compter au moins une valeur que le schéma national des données ouvertes nomme/);
    const avecAgent = await creer(await projetValide({ nom: 'Public autre et agent', publics: [await publicCible('autre'), await publicCible('agent')] }), { status: 'published' });
    expect(avecAgent.status).toBe(201);
  });

  it('refuse de publier un projet dont la collectivité n’a pas de SIREN, en nommant le champ', async () => {
    const sansSiren = await api().post('/api/collectivites').set(enteteJeton()).send({ data: { nom: 'Syndicat sans SIREN', type: 'syndicat' } });
    expect(sansSiren.status).toBe(201);
    const data = await projetValide({ nom: 'Porté par une collectivité sans SIREN', collectivite: sansSiren.body.data.documentId });
    const reponse = await creer(data, { status: 'published' });
    expect(reponse.status).toBe(400);
    expect(reponse.body.error.message).toBe(
      'Le champ « Collectivité porteuse » (collectivite) désigne « Syndicat sans SIREN », dont le SIREN (siren) n’est pas renseigné : il est obligatoire pour publier (schéma national des données ouvertes).',
    );
    expect(await nombreDeProjets('Porté par une collectivité sans SIREN')).toBe(0);
  });

  it('refuse une modification qui enfreint une règle et laisse le document intact', async () => {
    const cree = await creer(await projetValide({ nom: 'Modification refusée' }));
    const reponse = await api()
      .put(`/api/projets/${cree.body.data.documentId}`)
      .set(enteteJeton())
      .query({ status: 'published' })
      .send({ data: { statut: 'abandonne' } });
    expect(reponse.status).toBe(400);
    expect(reponse.body.error.message).toMatch(/motifAbandon/);
    const relu = await api().get(`/api/projets/${cree.body.data.documentId}`).set(enteteJeton()).query({ status: 'draft' });
    expect(relu.body.data.statut).toBe('experimentation');
  });

  it('refuse une date de fin avant la date de démarrage, même quand une seule des deux est envoyée, sans rien écrire', async () => {
    await attendreRefus(
      await projetValide({ nom: 'Fin avant le début', dateDemarrage: '2024-03-01', dateFin: '2024-02-29' }),
      'dateFin',
      /^Le champ « Date de fin » \(dateFin\) ne peut pas précéder le champ « Date de démarrage » \(dateDemarrage\) : 2024-02-29 est avant 2024-03-01\.$/,
    );
    const cree = await creer(await projetValide({ nom: 'Dates modifiées une à une', dateDemarrage: '2024-03-01', dateFin: '2025-12-31' }));
    expect(cree.status).toBe(201);
    const documentId = cree.body.data.documentId as string;
    const modifier = (data: Record<string, unknown>) => api().put(`/api/projets/${documentId}`).set(enteteJeton()).send({ data });
    // The date sent alone is compared with the stored other one.
    for (const [data, message] of [
      [{ dateFin: '2023-12-31' }, /\(dateFin\) ne peut pas précéder .* 2023-12-31 est avant 2024-03-01\.$/],
      [{ dateDemarrage: '2026-01-01', nom: 'Renommé par une modification refusée' }, /\(dateFin\) ne peut pas précéder .* 2025-12-31 est avant 2026-01-01\.$/],
    ] as const) {
      const reponse = await modifier(data);
      expect([reponse.status, reponse.body.error?.message]).toEqual([400, expect.stringMatching(message)]);
    }
    const relu = await api().get(`/api/projets/${documentId}`).set(enteteJeton()).query({ status: 'draft' });
    expect([relu.body.data.nom, relu.body.data.dateDemarrage, relu.body.data.dateFin]).toEqual(['Dates modifiées une à une', '2024-03-01', '2025-12-31']);
    const memeJour = await modifier({ dateFin: '2024-03-01' });
    expect([memeJour.status, memeJour.body.data?.dateFin]).toEqual([200, '2024-03-01']);
  });

  it('vérifie le SIREN (clé de Luhn) et réduit un SIRET à son SIREN', async () => {
    const invalide = await api().post('/api/offreurs').set(enteteJeton()).send({ data: { nom: 'Offreur invalide', type: 'entreprise', siren: '243300317' } });
    expect(invalide.status).toBe(400);
    expect(invalide.body.error.message).toMatch(/\(siren\) doit être un numéro SIREN valide/);
    const siret = await api().post('/api/offreurs').set(enteteJeton()).send({ data: { nom: 'Offreur par SIRET', type: 'entreprise', siren: '243 300 316 00011' } });
    expect(siret.status).toBe(201);
    expect(siret.body.data.siren).toBe('243300316');
  });
});

describe('Invariants du modèle, par GraphQL', () => {
  it('refuse un projet abandonné sans motif, en français, sans rien écrire', async () => {
    const data = await projetValide({ nom: 'GraphQL abandon', statut: 'abandonne' });
    const reponse = await graphql(
      'mutation ($data: ProjetInput!) { createProjet(data: $data, status: PUBLISHED) { documentId } }',
      { data },
      enteteJeton(),
    );
    expect(reponse.body.errors?.[0]?.message).toMatch(/\(motifAbandon\) est obligatoire quand le projet est abandonné/);
    expect(reponse.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await nombreDeProjets('GraphQL abandon')).toBe(0);
  });
});

describe('Invariants du modèle, par l’administration (content-manager)', () => {
  const uid = 'api::projet.projet';

  it('refuse la publication d’un brouillon incomplet, puis garde le slug stable une fois publié', async () => {
    const brouillon = await api()
      .post(`/content-manager/collection-types/${uid}`)
      .set(enteteAdmin())
      .send({ nom: 'Projet administré', description: 'Brouillon sans collectivité.', statut: 'exploration' });
    expect([brouillon.status, brouillon.body.error?.message]).toEqual([201, undefined]);
    const { documentId, slug } = brouillon.body.data;
    expect(slug).toBe('projet-administre');

    // The review refuses the submission, naming what publication will require (completude.ts, regles-metier.ts),
    // as the publication itself would (the REST tests above; the review refuses to publish a draft it has not seen: 409).
    const soumettre = () => api().post('/revue-editoriale/transitions').set(enteteAdmin()).send({ uid, documentId, action: 'soumettre' });
    const incomplet = await soumettre();
    expect(incomplet.status).toBe(400);
    expect(incomplet.body.error.message).toMatch(/« Soumettre » impossible : ces champs obligatoires sont vides : .*Date de démarrage.*Collectivité.*Thématique.*Public/);

    const complet = await api()
      .put(`/content-manager/collection-types/${uid}/${documentId}`)
      .set(enteteAdmin())
      .send({
        dateDemarrage: '2023-09-01',
        collectivite: { connect: [{ documentId: await collectiviteParSiren('243300316') }] },
        thematique: { connect: [{ documentId: await thematique('mobilites') }] },
        publics: { connect: [{ documentId: await publicCible('agent') }] },
      });
    expect(complet.status).toBe(200);
    expect((await soumettre()).body.data).toMatchObject({ etat: 'en_moderation' });
    const publie = await api().post(`/content-manager/collection-types/${uid}/${documentId}/actions/publish`).set(enteteAdmin()).send({});
    expect(publie.status).toBe(200);

    const renomme = await api().put(`/content-manager/collection-types/${uid}/${documentId}`).set(enteteAdmin()).send({ slug: 'autre-slug' });
    expect(renomme.status).toBe(400);
    expect(renomme.body.error.message).toMatch(/ne peut plus changer une fois le document publié/);
  });

  it('publication groupée : un document incomplet fait tout refuser, rien n’est publié', async () => {
    const complet = await api().post(`/content-manager/collection-types/${uid}`).set(enteteAdmin()).send(await projetValide({ nom: 'Groupé complet' }));
    const incomplet = await api()
      .post(`/content-manager/collection-types/${uid}`)
      .set(enteteAdmin())
      .send({ nom: 'Groupé incomplet', description: 'Sans collectivité.', statut: 'exploration' });
    for (const document of [complet, incomplet]) {
      await api().post('/revue-editoriale/transitions').set(enteteAdmin()).send({ uid, documentId: document.body.data.documentId, action: 'soumettre' });
    }
    const reponse = await api()
      .post(`/content-manager/collection-types/${uid}/actions/bulkPublish`)
      .set(enteteAdmin())
      .send({ documentIds: [complet.body.data.documentId, incomplet.body.data.documentId] });
    expect(reponse.status).toBe(400);
    expect(reponse.body.error.message).toMatch(/\(publics\) est obligatoire/);
    const publies = await api().get('/api/projets').set(enteteJeton()).query({ 'filters[nom][$startsWith]': 'Groupé' });
    expect(publies.body.data).toHaveLength(0);
  });
});
