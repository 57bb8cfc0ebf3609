/**
 * The HTTP scenarios: autocannon drives a server with N connections, first a warm-up (query plans,
 * JIT, pools), then until a number of responses is recorded or a time cap is reached, whichever comes
 * first; every response time is kept to compute the percentiles; the server's RSS is sampled meanwhile.
 */
import autocannon from 'autocannon';
import type { MesureExport, MesureHttp, Variante } from './rapport';
import { CHEMIN_LISTE, REQUETE_GRAPHQL } from './requetes';
import { resumerLatences } from './statistiques';
import { surveillerMemoire } from './processus';

export interface Scenario {
  nom: string;
  /** paths (with query string) taken in turn; one path for a fixed request */
  chemins: readonly string[];
  methode?: 'GET' | 'POST';
  corps?: string;
}

export interface Reglages {
  /** responses to record per figure */
  echantillons: number;
  /** cap in seconds of a figure, all rounds together */
  dureeMax: number;
  echauffement: number;
  connexions: number;
  /** rounds of alternation between the targets (A, B, C, A, B, C…) */
  tours: number;
}

/** Parts of collectivité names, common and rare, for `$containsi` over the ≈39,000 of them. */
const NOMS_COLLECTIVITES = ['saint', 'mont', 'lyon', 'sur-mer', 'bois', 'ville', 'agglom', 'val', 'bourg', 'plaine'];

/** The scenarios of our CMS; `documentIds` are published projets to read in turn. */
export function scenariosCms(documentIds: readonly string[]): Record<string, Scenario> {
  return {
    liste: { nom: 'Liste REST (2 filtres, populate, 25)', chemins: [CHEMIN_LISTE] },
    detail: { nom: 'Détail REST (populate=*)', chemins: documentIds.map((id) => `/api/projets/${id}?populate=*`) },
    graphql: { nom: 'Liste GraphQL', chemins: ['/graphql'], methode: 'POST', corps: REQUETE_GRAPHQL },
    collectivites: {
      nom: 'Collectivités, nom $containsi',
      chemins: NOMS_COLLECTIVITES.map((n) => `/api/collectivites?filters[nom][$containsi]=${encodeURIComponent(n)}&pagination[pageSize]=25`),
    },
    recherche: { nom: 'Recherche à facettes', chemins: ['/api/recherche?q=eau&statut=deploiement,termine&page=1&pageSize=25'] },
    statistiques: { nom: 'Statistiques', chemins: ['/api/statistiques'] },
    similaires: { nom: 'Projets similaires', chemins: documentIds.map((id) => `/api/projets/${id}/similaires?limit=5`) },
  };
}

async function sonder(url: string, scenario: Scenario): Promise<number> {
  const reponse = await fetch(`${url}${scenario.chemins[0]}`, {
    method: scenario.methode ?? 'GET',
    body: scenario.corps,
    headers: scenario.corps ? { 'Content-Type': 'application/json' } : undefined,
  });
  await reponse.arrayBuffer();
  return reponse.status;
}

interface Lancement {
  secondes: number;
  echantillons?: number;
  connexions: number;
  surReponse?: (statut: number, ms: number) => void;
}

/**
 * One autocannon run: `echantillons` responses (or for `secondes` without), stopped at `secondes`
 * anyway. Responses still arriving after the cap are kept (dropping them would drop the slowest
 * ones); the seconds returned run until the last.
 */
async function lancer(url: string, scenario: Scenario, { secondes, echantillons, connexions, surReponse }: Lancement) {
  let suivant = 0;
  const debut = process.hrtime.bigint();
  const instance = autocannon({
    url,
    connections: connexions,
    ...(echantillons ? { amount: echantillons } : { duration: secondes }),
    // autocannon notices the end at its next sample tick: 100 ms rather than a second of extra load.
    sampleInt: 100,
    requests: [
      {
        method: scenario.methode ?? 'GET',
        body: scenario.corps,
        headers: scenario.corps ? { 'content-type': 'application/json' } : {},
        setupRequest: (requete) => ({ ...requete, path: scenario.chemins[suivant++ % scenario.chemins.length] }),
      },
    ],
  });
  if (surReponse) {
    (instance as unknown as NodeJS.EventEmitter).on('response', (_client: unknown, statut: number, _octets: number, ms: number) => surReponse(statut, ms));
  }
  const plafond = setTimeout(() => (instance as unknown as { stop: () => void }).stop(), secondes * 1000);
  try {
    const resultat = await instance;
    return { erreurs: resultat.errors + resultat.timeouts, secondes: Number(process.hrtime.bigint() - debut) / 1e9 };
  } finally {
    clearTimeout(plafond);
  }
}

export interface Cible {
  url: string;
  pid: number | undefined;
  scenario: Scenario;
  /** what the figure is: the report finds figures and their baselines by these */
  cle: string;
  variante: Variante;
  cache: boolean;
}

/**
 * Measures several servers in turns (A, B, C, A, B, C…) rather than one after the other: on a shared,
 * noisy machine every server then meets the same background load, which keeps their ratios honest.
 * Each target gets its share of the samples and of the time cap in every round. One target and one
 * round is the plain measure.
 */
export async function mesurerEntrelace(cibles: readonly Cible[], reglages: Reglages): Promise<MesureHttp[]> {
  const etats = [];
  for (const cible of cibles) {
    const base = {
      nom: cible.scenario.nom,
      scenario: cible.cle,
      variante: cible.variante,
      connexions: reglages.connexions,
      cache: cible.cache,
      requete: `${cible.scenario.methode ?? 'GET'} ${cible.scenario.chemins[0]}`,
    };
    const present = (await sonder(cible.url, cible.scenario)) !== 404;
    if (present) await lancer(cible.url, cible.scenario, { secondes: reglages.echauffement, connexions: reglages.connexions });
    etats.push({ cible, base, present, latences: [] as number[], secondes: 0, horsSucces: 0, erreurs: 0, departMo: Infinity, picMo: 0 });
  }
  // autocannon shares the responses among the connections: at least one each.
  const parTour = Math.max(reglages.connexions, Math.ceil(reglages.echantillons / reglages.tours));
  const plafond = reglages.dureeMax / reglages.tours;
  for (let tour = 0; tour < reglages.tours; tour += 1) {
    for (const etat of etats.filter((e) => e.present)) {
      const memoire = surveillerMemoire(etat.cible.pid);
      const resultat = await lancer(etat.cible.url, etat.cible.scenario, {
        secondes: plafond,
        echantillons: parTour,
        connexions: reglages.connexions,
        surReponse: (s, ms) => {
          etat.latences.push(ms);
          if (s < 200 || s >= 300) etat.horsSucces += 1;
        },
      });
      etat.secondes += resultat.secondes;
      const { departMo, picMo } = memoire.arreter();
      etat.erreurs += resultat.erreurs;
      etat.departMo = Math.min(etat.departMo, departMo);
      etat.picMo = Math.max(etat.picMo, picMo);
    }
  }
  return etats.map((e) =>
    e.present
      ? {
          ...e.base,
          requetes: e.latences.length,
          secondes: e.secondes,
          requetesParSeconde: e.secondes > 0 ? e.latences.length / e.secondes : 0,
          erreurs: e.horsSucces + e.erreurs,
          latence: resumerLatences(e.latences),
          rssDepartMo: e.departMo,
          rssPicMo: e.picMo,
        }
      : { ...e.base, absent: true, requetes: 0, secondes: 0, requetesParSeconde: 0, erreurs: 0, latence: resumerLatences([]), rssDepartMo: 0, rssPicMo: 0 },
  );
}

/** The open-data CSV export, downloaded whole: time, rows, and the server's RSS growth. */
export async function mesurerExport(url: string, pid: number | undefined): Promise<MesureExport> {
  const telecharger = async () => {
    const debut = process.hrtime.bigint();
    const reponse = await fetch(`${url}/api/open-data/projets.csv`);
    let octets = 0;
    let lignes = 0;
    const lecteur = reponse.body?.getReader();
    for (;;) {
      const morceau = await lecteur?.read();
      if (!morceau || morceau.done) break;
      octets += morceau.value.length;
      // One LF per record: generated texts have no line break.
      for (const octet of morceau.value) if (octet === 0x0a) lignes += 1;
    }
    return { statut: reponse.status, secondes: Number(process.hrtime.bigint() - debut) / 1e9, octets, lignes: Math.max(0, lignes - 1) };
  };
  await telecharger(); // warm-up
  const memoire = surveillerMemoire(pid);
  const mesure = await telecharger();
  const { departMo, picMo } = memoire.arreter();
  return { ...mesure, rssDepartMo: departMo, rssPicMo: picMo };
}
