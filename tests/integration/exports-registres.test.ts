/**
 * Exports to the peer registers (docs/exports-registres.md) on the real file of Les Interconnectés and on
 * projets that fill the transparency fields: every record is checked against the copied definition
 * (donnees/registres/), a Restreint sentinel never comes out, unknown or draft projets are 404.
 */
import { execFileSync } from 'child_process';
import path from 'path';
import { api, enteteJeton } from '../helpers/http';
import { projetValide } from '../helpers/donnees';
import { ecartsDefinition } from '../helpers/registres';
import { REGISTRES, type NomRegistre } from '../../src/transparence/exports/registres';

const RACINE = path.resolve(__dirname, '../..');
const SENTINELLE = 'sentinelle-restreinte-9c41';
const NOMS = Object.keys(REGISTRES) as NomRegistre[];

interface Enveloppe {
  data: Record<string, any>;
  meta: { standard: string; version: string; projet: { documentId: string; url: string }; champsNonRenseignes: string[] };
}

async function creerProjet(donnees: Record<string, unknown>, status: 'published' | 'draft' = 'published'): Promise<string> {
  const reponse = await api().post('/api/projets').set(enteteJeton()).query({ status }).send({ data: await projetValide(donnees) });
  if (reponse.status !== 201) throw new Error(`Création du projet : ${reponse.status} ${JSON.stringify(reponse.body)}`);
  return reponse.body.data.documentId;
}

/** What every export must satisfy: the peer's definition (except the fields it declares unfilled), no Restreint value. */
function verifierEnveloppe(nom: NomRegistre, enveloppe: Enveloppe) {
  expect(ecartsDefinition(REGISTRES[nom].definition, enveloppe.data, enveloppe.meta.champsNonRenseignes)).toEqual([]);
  expect(JSON.stringify(enveloppe)).not.toContain(SENTINELLE);
}

const f = {} as Record<'hautRisque' | 'risqueLimite' | 'brouillon', string>;

beforeAll(async () => {
  // The 33 real projets (32 published), as the operator imports them.
  execFileSync(process.execPath, [path.join(RACINE, 'dist/scripts/import.js'), path.join(RACINE, 'donnees/interconnectes/data.csv'), '--publier', '--creer-collectivites'], {
    cwd: RACINE,
    env: process.env,
    stdio: 'pipe',
  });
  const offreur = await api().post('/api/offreurs').set(enteteJeton()).query({ status: 'published' }).send({ data: { nom: 'Hydro Analyse', type: 'startup' } });
  const restreint = {
    algorithme: { nom: SENTINELLE, description: SENTINELLE, operations: SENTINELLE },
    donnees: { modeAcces: 'api', donneesPersonnelles: 'pseudonymisees', sources: [{ source: 'open_data' }] },
    financement: SENTINELLE,
    contact: `${SENTINELLE}@ville.example`,
    impactEnvironnemental: SENTINELLE,
  };
  f.hautRisque = await creerProjet({
    ...restreint,
    nom: 'Détection des fuites du réseau d’eau',
    resume: 'Repérer les fuites du réseau d’eau potable à partir des relevés des compteurs.',
    statut: 'deploiement',
    dateFin: '2026-06-30',
    lienInformation: 'https://ville.example/fuites',
    baseLegale: 'Code général des collectivités territoriales, article L2224-7-1.',
    lienDeliberation: 'https://ville.example/deliberations/2023-12',
    voiesDeRecours: 'Recours gracieux auprès du maire.',
    roleOffreurs: 'Développement et maintenance du modèle.',
    offreurs: [offreur.body.data.documentId],
    evaluation: {
      risqueCategorie: 'eleve',
      risque: 'Fausses alertes vérifiées sur le terrain.',
      proportionnalite: 'Moins d’eau perdue pour un coût modeste.',
      decision: 'Les alertes orientent les tournées.',
      niveauAutomatisation: 'aide_a_la_decision',
      interventionHumaine: 'Un agent confirme chaque fuite.',
      objection: 'Arrêt du suivi sur demande.',
      evaluationsImpact: [{ titre: 'AIPD', url: 'https://ville.example/aipd.pdf' }],
    },
  });
  f.risqueLimite = await creerProjet({ ...restreint, nom: 'Tri des courriers entrants', evaluation: { risqueCategorie: 'limite' } });
  f.brouillon = await creerProjet({ ...restreint, nom: 'Projet jamais publié', evaluation: { risqueCategorie: 'eleve' } }, 'draft');
}, 180000);

describe('GET /api/projets/:documentId/export/<registre>.json', () => {
  it.each(NOMS)('%s : conforme à la définition, sans valeur Restreinte', async (nom) => {
    const reponse = await api().get(`/api/projets/${f.hautRisque}/export/${nom}.json`);
    expect(reponse.status).toBe(200);
    const enveloppe = reponse.body as Enveloppe;
    verifierEnveloppe(nom, enveloppe);
    expect(enveloppe.meta).toMatchObject({ version: REGISTRES[nom].version, projet: { documentId: f.hautRisque } });
    expect(enveloppe.meta.projet.url).toMatch(new RegExp(`/api/projets/${f.hautRisque}$`));
  });

  it('Algoritmeregister : valeurs et champs non renseignés du projet', async () => {
    const { data, meta } = (await api().get(`/api/projets/${f.hautRisque}/export/algoritmeregister.json`)).body as Enveloppe;
    expect(data).toMatchObject({
      name: 'Détection des fuites du réseau d’eau',
      organization: expect.any(String),
      status: 'In gebruik',
      begin_date: '2024-03',
      end_date: '2026-06',
      publication_category: 'Hoog-risico AI-systeem',
      category: ['Natuur en milieu'],
      lawful_basis: 'Code général des collectivités territoriales, article L2224-7-1.',
      provider: 'Hydro Analyse',
      impacttoetsen_grouping: [{ title: 'AIPD', link: 'https://ville.example/aipd.pdf' }],
      source_id: f.hautRisque,
    });
    const attendus = ['impacttoetsen', 'lang', 'methods_and_models', 'process_index_url', 'publiccode', 'source_data', 'source_data_grouping', 'tags'];
    // The collectivité of the test data may have no website: then the contact is not filled either.
    const attendusAvecContact = data.contact_email ? attendus : [...attendus, 'contact_email'];
    expect([...meta.champsNonRenseignes].sort()).toEqual(attendusAvecContact.sort());
  });

  it('ATRS : phase, tiers et voies de recours', async () => {
    const { data, meta } = (await api().get(`/api/projets/${f.hautRisque}/export/atrs.json`)).body as Enveloppe;
    expect(data.metadata).toMatchObject({ phase: 'production', atrs_version: 'v3.0', organisation_type: ['local-authority'], function: ['environmental-protection'] });
    expect(data.tier_2.owner_and_responsibility.external_suppliers).toEqual([{ external_supplier: 'Hydro Analyse', external_supplier_role: 'Développement et maintenance du modèle.' }]);
    expect(data.tier_2.decision_making_process.appeals_and_review).toBe('Recours gracieux auprès du maire.\n\nArrêt du suivi sur demande.');
    expect(meta.champsNonRenseignes).toEqual(expect.arrayContaining(['tier_1.contact_email', 'tier_2.tool_specification.models', 'tier_2.data_specification.source_data_name']));
  });

  it('AI Act : haut risque → points de l’annexe VIII C ; risque limité → non applicable', async () => {
    const haut = (await api().get(`/api/projets/${f.hautRisque}/export/ai-act.json`)).body as Enveloppe;
    expect(haut.data.applicable).toBe(true);
    expect(haut.data.items.deployer.name).toEqual(expect.any(String));
    expect(haut.meta.champsNonRenseignes).toEqual(expect.arrayContaining(['items.eu_database_entry_url', 'items.submitter.contact_details']));
    const limite = (await api().get(`/api/projets/${f.risqueLimite}/export/ai-act.json`)).body as Enveloppe;
    verifierEnveloppe('ai-act', limite);
    expect(limite.data).toEqual({
      regulation: 'Regulation (EU) 2024/1689',
      annex: 'Annex VIII, Section C',
      applicable: false,
      reason: 'L’annexe VIII, section C, ne concerne que les systèmes d’IA à haut risque ; ce projet est classé par la collectivité en risque limité.',
    });
    expect(limite.meta.champsNonRenseignes).toEqual([]);
  });

  it.each(NOMS)('%s : 404 en français pour un projet inconnu ou jamais publié', async (nom) => {
    for (const documentId of ['inconnu0000000000000000', f.brouillon]) {
      const reponse = await api().get(`/api/projets/${documentId}/export/${nom}.json`);
      expect(reponse.status).toBe(404);
      expect(reponse.body.error.message).toBe('Projet introuvable : aucun projet publié n’a cet identifiant (documentId).');
    }
  });

  it.each(NOMS)('%s : 400 en français pour un paramètre inconnu', async (nom) => {
    const reponse = await api().get(`/api/projets/${f.hautRisque}/export/${nom}.json`).query({ populate: '*' });
    expect(reponse.status).toBe(400);
    expect(reponse.body.error.message).toBe('Paramètre inconnu : « populate » (aucun paramètre accepté).');
  });
});

describe('GET /api/open-data/<registre>.json', () => {
  const enMasse = NOMS.filter((nom) => REGISTRES[nom].enMasse);

  it('seuls l’Algoritmeregister et l’ATRS sont servis en masse', () => {
    expect(enMasse).toEqual(['algoritmeregister', 'atrs']);
  });

  it.each(enMasse)('%s : tous les projets publiés, chacun conforme, sans valeur Restreinte', async (nom) => {
    const publies = await api().get('/api/projets').query({ 'pagination[pageSize]': 1 });
    const total = publies.body.meta.pagination.total as number;
    expect(total).toBeGreaterThanOrEqual(34);
    const reponse = await api().get(`/api/open-data/${nom}.json`);
    expect(reponse.status).toBe(200);
    expect(reponse.headers['content-type']).toMatch(/^application\/json/);
    const enveloppes = JSON.parse(reponse.text) as Enveloppe[];
    expect(enveloppes).toHaveLength(total);
    expect(new Set(enveloppes.map((e) => e.meta.projet.documentId)).size).toBe(total);
    expect(enveloppes.map((e) => e.meta.projet.documentId)).not.toContain(f.brouillon);
    for (const enveloppe of enveloppes) verifierEnveloppe(nom, enveloppe);
    expect(enveloppes.find((e) => e.meta.projet.documentId === f.hautRisque)).toEqual(
      (await api().get(`/api/projets/${f.hautRisque}/export/${nom}.json`)).body,
    );
  });

  it('ETag propre à chaque format ; 304 quand rien n’a changé', async () => {
    const [neerlandais, britannique] = await Promise.all(enMasse.map((nom) => api().get(`/api/open-data/${nom}.json`)));
    expect(neerlandais.headers.etag).toMatch(/^W\/".+-algoritmeregister"$/);
    expect(britannique.headers.etag).not.toBe(neerlandais.headers.etag);
    const encore = await api().get('/api/open-data/algoritmeregister.json').set('If-None-Match', neerlandais.headers.etag);
    expect(encore.status).toBe(304);
  });
});
