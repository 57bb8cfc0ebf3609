/**
 * The fiche de transparence (docs/transparence.md) of every projet of the real file of Les Interconnectés,
 * each given a unique marker in its Restreint fields: the JSON and the HTML page never show one, the page
 * parses as XML, the completeness agrees with what an anonymous reader gets from the content API.
 */
import { execFile } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { XMLValidator } from 'fast-xml-parser';
import { CHEMIN_OPENAPI } from '../helpers/environnement';
import { api, APPELANTS, enteteJeton } from '../helpers/http';
import { lireProjetPublicDansStrapi } from '../helpers/pont';
import { projetValide } from '../helpers/donnees';
import { ATTRIBUTS_RESTREINTS } from '../../src/domaine/visibilite';
import { UID } from '../../src/domaine/regles-metier';

const RACINE = path.resolve(__dirname, '../..');

interface LigneRapport {
  projet: string;
  documentId: string | null;
  nonPublie: string | null;
}

/** The import command, as import-open-data.test.ts runs it; a second run in the same database changes nothing. */
function importer(rapport: string): Promise<LigneRapport[]> {
  const args = [path.join(RACINE, 'dist/scripts/import.js'), path.join(RACINE, 'donnees/interconnectes/data.csv'), '--publier', '--creer-collectivites', '--rapport', rapport];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: RACINE, env: process.env, maxBuffer: 64 * 1024 * 1024 }, (erreur, _sortie, erreurs) => {
      if (erreur) reject(new Error(`Import : ${erreurs}`));
      else resolve(JSON.parse(readFileSync(rapport, 'utf8')).lignes);
    });
  });
}

const marque = (i: number) => `zqxfiche${i}sentinellevw`;
/** Labels of the Restreint enumeration values written below (src/admin-config/valeurs.ts): never on a fiche. */
const LIBELLES_RESTREINTS = ['Plus de 100 k€', 'Cloud chez un tiers', 'Par un marché public'];

/** Every Restreint field of a projet, with values that can be told apart. */
function valeursRestreintes(i: number): Record<string, unknown> {
  const m = marque(i);
  return {
    algorithme: { nom: m, description: m, operations: m },
    donnees: { sources: [{ source: 'usager' }], modeAcces: 'api', donneesPersonnelles: 'identifiantes' },
    impactEnvironnemental: m,
    impactEnvironnementalKwhAn: 987654.321,
    hebergement: 'cloud_tiers',
    miseEnOeuvre: 'marche_public',
    financement: m,
    budget: 'plus_100k',
    contact: `${m}@exemple.fr`,
  };
}

interface Element {
  cle: string;
  etat: string;
  attendu: boolean;
}
interface Completude {
  renseignes: number;
  attendus: number;
  pourcentage: number;
  manquants: string[];
}
interface Niveau {
  sections: Array<{ elements: Array<Element & { libelle: string }> }>;
  completude: Completude;
}

/** Whether an anonymous content-API read of the projet has a value for each item of the fiche. */
function renseigneDansApi(p: any): Record<string, boolean> {
  const plein = (v: unknown) => (Array.isArray(v) ? v.length > 0 : typeof v === 'string' ? v.trim() !== '' : v !== null && v !== undefined);
  const e = p.evaluation ?? {};
  return {
    nom: plein(p.nom),
    resume: plein(p.resume),
    description: plein(p.description),
    proportionnalite: plein(e.proportionnalite),
    collectivite: plein(p.collectivite),
    collectivitesPartenaires: plein(p.collectivitesPartenaires),
    offreurs: plein(p.offreurs),
    roleOffreurs: plein(p.roleOffreurs),
    siteWebCollectivite: plein(p.collectivite?.siteWeb),
    lienInformation: plein(p.lienInformation),
    voiesDeRecours: plein(p.voiesDeRecours),
    objection: plein(e.objection),
    statut: plein(p.statut),
    dateDemarrage: plein(p.dateDemarrage),
    dateFin: plein(p.dateFin),
    motifAbandon: plein(p.motifAbandon),
    baseLegale: plein(p.baseLegale),
    lienDeliberation: plein(p.lienDeliberation),
    evaluationsImpact: plein(e.evaluationsImpact),
    risqueCategorie: plein(e.risqueCategorie),
    risque: plein(e.risque),
    erreur: plein(e.erreur),
    niveauAutomatisation: plein(e.niveauAutomatisation),
    decision: plein(e.decision),
    interventionHumaine: plein(e.interventionHumaine),
    explicabilite: plein(e.explicabilite),
    reversibilite: plein(e.reversibilite),
    thematique: plein(p.thematique),
    sousThematiques: plein(p.sousThematiques),
    publics: plein(p.publics),
    ressources: plein(p.ressources),
  };
}

const POPULATE_PUBLIC = {
  'populate[collectivite]': true,
  'populate[collectivitesPartenaires]': true,
  'populate[offreurs]': true,
  'populate[thematique]': true,
  'populate[sousThematiques]': true,
  'populate[publics]': true,
  'populate[ressources]': true,
  'populate[evaluation][populate]': '*',
};

let dossier: string;
let publies: Array<{ documentId: string; nom: string; marque: string }>;
let nonPublie: string;

beforeAll(async () => {
  dossier = mkdtempSync(path.join(os.tmpdir(), 'transparence-'));
  const lignes = await importer(path.join(dossier, 'rapport.json'));
  publies = [];
  for (const [i, ligne] of lignes.filter((l) => l.documentId && l.nonPublie === null).entries()) {
    const ecrit = await api()
      .put(`/api/projets/${ligne.documentId}`)
      .set(enteteJeton())
      .query({ status: 'published' })
      .send({ data: valeursRestreintes(i) });
    if (ecrit.status !== 200) throw new Error(`${ligne.projet} : ${ecrit.status} ${JSON.stringify(ecrit.body)}`);
    publies.push({ documentId: ligne.documentId as string, nom: ligne.projet, marque: marque(i) });
  }
  // The 33rd, abandoned without a motive, waits in moderation: once its motive is written it is published
  // too, so that every real projet has its fiche.
  const enModeration = lignes.find((l) => l.documentId && l.nonPublie !== null)!;
  const i = publies.length;
  const publie = await api()
    .put(`/api/projets/${enModeration.documentId}`)
    .set(enteteJeton())
    .query({ status: 'published' })
    .send({ data: { motifAbandon: 'Coût jugé trop élevé au regard du service rendu.', ...valeursRestreintes(i) } });
  if (publie.status !== 200) throw new Error(`${enModeration.projet} : ${publie.status} ${JSON.stringify(publie.body)}`);
  publies.push({ documentId: enModeration.documentId as string, nom: enModeration.projet, marque: marque(i) });
  // A draft never published has no fiche.
  const brouillon = await api().post('/api/projets').set(enteteJeton()).query({ status: 'draft' }).send({ data: await projetValide({ nom: 'Brouillon sans fiche de transparence' }) });
  if (brouillon.status !== 201) throw new Error(`Brouillon : ${brouillon.status} ${JSON.stringify(brouillon.body)}`);
  nonPublie = brouillon.body.data.documentId;
}, 300000);
afterAll(() => rmSync(dossier, { recursive: true, force: true }));

describe('Fiche de transparence des projets réels', () => {
  it('les 33 projets réels publiés, chacun avec ses valeurs restreintes lues par un membre', async () => {
    expect(publies).toHaveLength(33);
    const membre = await api().get(`/api/projets/${publies[0].documentId}`).set(APPELANTS.membre()).query({ 'fields[0]': 'financement' });
    expect(membre.body.data.financement).toBe(publies[0].marque);
  });

  it('lireProjetPublic ne lit aucun champ restreint, sur chaque projet publié', async () => {
    for (const p of publies) {
      const projet = await lireProjetPublicDansStrapi({ documentId: p.documentId });
      expect(projet?.nom).toBe(p.nom);
      const texte = JSON.stringify(projet);
      expect(texte).not.toContain('zqxfiche');
      expect(texte).not.toContain('987654');
      for (const attribut of ATTRIBUTS_RESTREINTS[UID.projet]) expect(Object.keys(projet ?? {})).not.toContain(attribut);
      expect(Object.keys(projet ?? {})).not.toContain('notesImport');
      // The public component is read whole: what the anonymous content API gives, without the technical ids.
      const lu = await api().get(`/api/projets/${p.documentId}`).query({ 'populate[evaluation][populate]': '*' });
      expect(projet?.evaluation).toEqual(JSON.parse(JSON.stringify(lu.body.data.evaluation ?? null, (cle, v) => (cle === 'id' ? undefined : v))));
    }
    expect(await lireProjetPublicDansStrapi({ documentId: nonPublie })).toBeNull();
  });

  it('JSON et HTML de chaque projet publié : sans valeur restreinte, HTML bien formé, complétude conforme aux données publiques', async () => {
    for (const p of publies) {
      const json = await api().get(`/api/projets/${p.documentId}/transparence`);
      expect(json.status).toBe(200);
      const fiche = json.body.data;
      expect(fiche).toMatchObject({ documentId: p.documentId, nom: p.nom });
      for (const interdit of ['zqxfiche', '987654', ...LIBELLES_RESTREINTS]) expect(json.text).not.toContain(interdit);

      // Completeness: each item filled exactly when the anonymous content API has a value for it.
      const lu = await api().get(`/api/projets/${p.documentId}`).query(POPULATE_PUBLIC);
      const attendu = renseigneDansApi(lu.body.data);
      const niveaux: Niveau[] = [fiche.essentiel, fiche.detail];
      const elements = niveaux.flatMap((n) => n.sections.flatMap((s) => s.elements));
      for (const e of elements) expect([p.nom, e.cle, e.etat]).toEqual([p.nom, e.cle, attendu[e.cle] ? 'renseigne' : 'non_renseigne']);
      for (const n of niveaux) {
        const comptes = n.sections.flatMap((s) => s.elements).filter((e) => e.attendu);
        const renseignes = comptes.filter((e) => e.etat === 'renseigne').length;
        expect(n.completude).toEqual({
          renseignes,
          attendus: comptes.length,
          pourcentage: Math.floor((renseignes * 100) / comptes.length),
          manquants: comptes.filter((e) => e.etat !== 'renseigne').map((e) => e.libelle),
        });
      }
      expect(fiche.completude.renseignes).toBe(fiche.essentiel.completude.renseignes + fiche.detail.completude.renseignes);
      expect(fiche.mentionsLegales.filter((m: { etat: string }) => m.etat === 'non_publie')).toHaveLength(4);

      // The HTML page, at the address the JSON gives, links back to the JSON.
      const html = await api().get(new URL(fiche.adresses.html, 'http://x').pathname);
      expect(html.status).toBe(200);
      expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(XMLValidator.validate(html.text)).toBe(true);
      for (const interdit of ['zqxfiche', '987654', ...LIBELLES_RESTREINTS]) expect(html.text).not.toContain(interdit);
      expect(html.text).toContain(`<link rel="alternate" type="application/json" href="${fiche.adresses.json}"/>`);
      expect(html.text).toContain(`Complétude : ${fiche.completude.pourcentage} % (${fiche.completude.renseignes} sur ${fiche.completude.attendus})`);
    }
  }, 300000);

  it('la politique de sécurité du contenu laisse passer le style en ligne de la page, aucun script', async () => {
    const html = await api().get(`/transparence/${publies[0].documentId}`);
    expect(html.status).toBe(200);
    const csp = String(html.headers['content-security-policy']);
    expect(csp).toMatch(/style-src [^;]*'unsafe-inline'/);
    expect(csp).not.toMatch(/script-src [^;]*'unsafe-inline'/);
  });

  it('projet non publié ou inconnu : 404 en français, page HTML pour la route HTML', async () => {
    for (const cle of [nonPublie, 'inconnu']) {
      const json = await api().get(`/api/projets/${cle}/transparence`);
      expect(json.status).toBe(404);
      expect(json.body.error.message).toMatch(/^Projet introuvable/);
      const html = await api().get(`/transparence/${cle}`);
      expect(html.status).toBe(404);
      expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(XMLValidator.validate(html.text)).toBe(true);
      expect(html.text).toContain('<h1>Fiche de transparence introuvable</h1>');
    }
  });

  it('paramètre inconnu : 400 en français', async () => {
    const reponse = await api().get(`/api/projets/${publies[0].documentId}/transparence`).query({ populate: '*' });
    expect(reponse.status).toBe(400);
    expect(reponse.body.error.message).toBe('Paramètre inconnu : « populate » (aucun paramètre accepté).');
  });

  it('sans authentification, la même fiche pour tous ; le cache des réponses sert les anonymes', async () => {
    const chemin = `/api/projets/${publies[1].documentId}/transparence`;
    const premier = await api().get(chemin);
    const second = await api().get(chemin);
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.body).toEqual(premier.body);
    for (const appelant of ['membre', 'jetonLecture'] as const) {
      const lu = await api().get(chemin).set(APPELANTS[appelant]());
      expect(lu.status).toBe(200);
      expect(lu.headers['x-cache']).toBeUndefined();
      expect(lu.body).toEqual(premier.body);
    }
  });

  it('décrite dans la description OpenAPI', async () => {
    const description = JSON.parse(readFileSync(path.join(RACINE, CHEMIN_OPENAPI), 'utf8'));
    expect(description.paths['/projets/{documentId}/transparence'].get.responses['404']).toBeDefined();
    expect(description.components.schemas.FicheTransparenceResponse.properties.data.properties.adresses).toBeDefined();
  });
});
