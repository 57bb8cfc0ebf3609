/**
 * Round trip of the open data: the extended CSV of the library, imported back (the import command, run as
 * a user runs it), gives back the same library — every public field, relation and taxonomy of a projet.
 */
import { execFile } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { parse } from 'csv-parse/sync';
import { api, enteteJeton } from '../helpers/http';
import { collectiviteParSiren, projetValide, publicCible, thematique } from '../helpers/donnees';

const RACINE = path.resolve(__dirname, '../..');

interface LigneRapport {
  ligne: number;
  projet: string;
  resultat: string;
  raisons: string[];
  avertissements: Array<{ colonne: string; valeur: string; message: string }>;
}

async function importer(fichier: string, ...options: string[]): Promise<LigneRapport[]> {
  const rapport = `${fichier}.rapport.json`;
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, [path.join(RACINE, 'dist/scripts/import.js'), fichier, ...options, '--rapport', rapport], { cwd: RACINE, env: process.env }, (erreur, _sortie, erreurs) =>
      erreur && !/^[02]$/.test(String(erreur.code)) ? reject(new Error(erreurs)) : resolve(),
    );
  });
  return (JSON.parse(readFileSync(rapport, 'utf8')) as { lignes: LigneRapport[] }).lignes;
}

/** Every public field of a projet, relations by their stable key (SIREN, slug, name), without ids nor dates of the CMS. */
const POPULATE = {
  'populate[collectivite][fields][0]': 'siren',
  'populate[collectivitesPartenaires][fields][0]': 'siren',
  'populate[offreurs][fields][0]': 'nom',
  'populate[thematique][fields][0]': 'slug',
  'populate[sousThematiques][fields][0]': 'slug',
  'populate[publics][fields][0]': 'slug',
  'populate[evaluation][populate][evaluationsImpact]': 'true',
};
type Projet = Record<string, unknown>;
const trie = (valeurs: unknown, cle: string) => ((valeurs as Array<Record<string, string>>) ?? []).map((v) => v[cle]).sort();

async function vuePublique(documentId: string): Promise<Projet> {
  const reponse = await api().get(`/api/projets/${documentId}`).query(POPULATE);
  expect(reponse.status).toBe(200);
  const p = reponse.body.data as Projet;
  const evaluation = p.evaluation as Record<string, unknown> | null;
  return {
    nom: p.nom,
    slug: p.slug,
    resume: p.resume,
    description: p.description,
    statut: p.statut,
    motifAbandon: p.motifAbandon,
    dateDemarrage: p.dateDemarrage,
    dateFin: p.dateFin,
    lienInformation: p.lienInformation,
    roleOffreurs: p.roleOffreurs,
    baseLegale: p.baseLegale,
    lienDeliberation: p.lienDeliberation,
    voiesDeRecours: p.voiesDeRecours,
    collectivite: (p.collectivite as { siren: string }).siren,
    collectivitesPartenaires: trie(p.collectivitesPartenaires, 'siren'),
    offreurs: trie(p.offreurs, 'nom'),
    thematique: (p.thematique as { slug: string }).slug,
    sousThematiques: trie(p.sousThematiques, 'slug'),
    publics: trie(p.publics, 'slug'),
    evaluation: evaluation && {
      ...Object.fromEntries(Object.entries(evaluation).filter(([cle]) => cle !== 'id' && cle !== 'evaluationsImpact')),
      evaluationsImpact: (evaluation.evaluationsImpact as Array<Record<string, unknown>>).map(({ id: _id, ...lien }) => lien),
    },
  };
}

let dossier: string;
beforeAll(() => {
  dossier = mkdtempSync(path.join(os.tmpdir(), 'aller-retour-'));
});
afterAll(() => rmSync(dossier, { recursive: true, force: true }));

describe('Aller-retour : l’import de l’export étendu rend la même bibliothèque', () => {
  const documents: string[] = [];
  const avant = new Map<string, Projet>();
  let fichier: string;

  beforeAll(async () => {
    const offreur = async (nom: string) => {
      const reponse = await api().post('/api/offreurs').set(enteteJeton()).query({ status: 'published' }).send({ data: { nom, type: 'entreprise' } });
      expect(reponse.status).toBe(201);
      return reponse.body.data.documentId as string;
    };
    const offreurs = [await offreur('Berger-Levrault Aller-Retour'), await offreur('Mistral AI Aller-Retour'), await offreur('Inria (Saclay) Aller-Retour')];
    const projets: Projet[] = [
      {
        nom: 'Aller-retour : assistant des demandes d’urbanisme',
        resume: 'Un assistant qui pré-instruit les demandes, « relu » par un agent.',
        description: 'Première ligne.\nSeconde ligne, avec une virgule ; et un point-virgule.\r\nTroisième ligne "citée".',
        statut: 'exploration',
        dateDemarrage: '2023-09-01',
        lienInformation: 'https://www.exemple.fr/urbanisme?x=1&y=2',
        dateFin: '2026-06-30',
        roleOffreurs: 'Développement : Berger-Levrault, "éditeur".\nHébergement, supervision ; Mistral AI fournit le modèle.',
        baseLegale: 'Article L. 423-1 du code de l’urbanisme ; mission de service public (RGPD, art. 6-1-e).',
        lienDeliberation: 'https://www.exemple.fr/deliberations/2023-07-12?n=42&format=pdf',
        voiesDeRecours: 'Recours gracieux auprès du maire, "dans les deux mois".\r\nPuis tribunal administratif.',
        thematique: await thematique('attractivite-et-developpement'),
        sousThematiques: [await thematique('construction-et-amenagement'), await thematique('commerce-et-developpement-economique')],
        publics: [await publicCible('agent'), await publicCible('autre'), await publicCible('elu')],
        offreurs,
        collectivitesPartenaires: [await collectiviteParSiren('219300514')],
        evaluation: {
          risqueCategorie: 'limite',
          risque: 'Refus injustifié d’un permis.',
          proportionnalite: 'Gain de temps mesuré sur 6 mois.',
          decision: 'L’agent décide.',
          niveauAutomatisation: 'aide_a_la_decision',
          interventionHumaine: 'Chaque proposition est relue.',
          erreur: 'moyen',
          explicabilite: 'fort',
          reversibilite: 'Retour au traitement manuel en un jour.',
          objection: 'Recours gracieux auprès du maire.',
          evaluationsImpact: [
            { titre: 'AIPD, version 2', url: 'https://www.exemple.fr/aipd.pdf' },
            { titre: 'Étude d’impact sur les droits fondamentaux', url: 'https://www.exemple.fr/fria' },
          ],
        },
      },
      {
        nom: 'Aller-retour : tri du courrier abandonné',
        description: 'Lecture automatique du courrier entrant.',
        statut: 'abandonne',
        motifAbandon: 'Coût trop élevé\net qualité insuffisante.',
        dateDemarrage: '2021-01-01',
        dateFin: '2022-03-15',
        thematique: await thematique('administration-et-organisation-interne'),
        sousThematiques: [await thematique('aide-a-la-redaction-et-gestion-documentaire')],
        publics: [await publicCible('agent')],
        offreurs: [offreurs[1]],
      },
      {
        nom: 'Aller-retour : comptage des vélos',
        description: 'Vision par ordinateur sur les caméras de carrefour.',
        statut: 'deploiement',
        dateDemarrage: '2024-06-01',
        thematique: await thematique('mobilites'),
        sousThematiques: [await thematique('flux-et-trafic')],
        publics: [await publicCible('grand-public')],
      },
    ];
    for (const projet of projets) {
      const reponse = await api().post('/api/projets').set(enteteJeton()).query({ status: 'published' }).send({ data: await projetValide(projet) });
      expect([projet.nom, reponse.status, reponse.body.error?.message]).toEqual([projet.nom, 201, undefined]);
      documents.push(reponse.body.data.documentId);
      avant.set(reponse.body.data.nom, await vuePublique(reponse.body.data.documentId));
    }

    // The extended export, reduced to these projets (the rest of the shared test library is not ours to delete).
    const texte = (await api().get('/api/open-data/projets-etendu.csv')).text;
    const [entete, ...lignes] = parse(texte, { relax_column_count: false, record_delimiter: '\r\n' }) as string[][];
    const colonne = entete.indexOf('identifiant');
    const nos = lignes.filter((l) => documents.includes(l[colonne]));
    expect(nos).toHaveLength(documents.length);
    fichier = path.join(dossier, 'export-etendu.csv');
    const cellule = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    writeFileSync(fichier, [entete, ...nos].map((l) => l.map(cellule).join(',')).join('\r\n'));
  });

  it('réimporté dans la même bibliothèque : rien ne change', async () => {
    const lignes = await importer(fichier, '--publier');
    expect(lignes.map((l) => [l.projet, l.resultat, l.raisons])).toEqual([...avant.keys()].map((nom) => [nom, 'inchange', []]));
    for (const documentId of documents) expect(await vuePublique(documentId)).toEqual(avant.get((await vuePublique(documentId)).nom as string));
  });

  it('importé après suppression des projets : chaque champ public, relation et taxonomie revient à l’identique', async () => {
    for (const documentId of documents) expect((await api().delete(`/api/projets/${documentId}`).set(enteteJeton())).status).toBe(204);
    const lignes = await importer(fichier, '--publier');
    expect(lignes.map((l) => [l.projet, l.resultat, l.avertissements])).toEqual([...avant.keys()].map((nom) => [nom, 'cree', []]));
    for (const [nom, vue] of avant) {
      const trouve = await api().get('/api/projets').query({ 'filters[nom][$eq]': nom });
      expect(trouve.body.data).toHaveLength(1);
      expect(await vuePublique(trouve.body.data[0].documentId)).toEqual(vue);
    }
  });
});
