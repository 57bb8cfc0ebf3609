/**
 * The HTTP scenarios: autocannon drives a server with N connections, first a warm-up (query plans,
 * JIT, pools), then a measured run of fixed duration; every response time is kept to compute the
 * percentiles; the server's RSS is sampled meanwhile.
 */
import autocannon from 'autocannon';
import type { MesureExport, MesureHttp } from './rapport';
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
  duree: number;
  echauffement: number;
  connexions: number;
}

const THEME = 'transition-ecologique-et-energetique';
export const REQUETE_LISTE = `filters[statut][$eq]=deploiement&filters[thematique][slug][$eq]=${THEME}&populate[0]=collectivite&populate[1]=thematique&sort=nom:asc&pagination[page]=1&pagination[pageSize]=25`;
export const CHEMIN_LISTE = `/api/projets?${REQUETE_LISTE}`;

const CHAMPS_COLLECTIVITE = 'documentId nom slug type sousType siren siret codeInsee codeDepartement codeRegion population latitude longitude logoUrl siteWeb description createdAt updatedAt publishedAt';
const CHAMPS_THEMATIQUE = 'documentId nom slug description ordre createdAt updatedAt publishedAt locale';
export const REQUETE_GRAPHQL = JSON.stringify({
  query: `{ projets(filters: { statut: { eq: "deploiement" }, thematique: { slug: { eq: "${THEME}" } } }, sort: "nom:asc", pagination: { page: 1, pageSize: 25 }) {
    documentId nom slug resume description statut motifAbandon dateDemarrage lienInformation createdAt updatedAt publishedAt
    collectivite { ${CHAMPS_COLLECTIVITE} } thematique { ${CHAMPS_THEMATIQUE} } } }`,
});

/** Parts of collectivité names, common and rare, for `$containsi` over the ≈39,000 of them. */
const NOMS_COLLECTIVITES = ['saint', 'mont', 'lyon', 'sur-mer', 'bois', 'ville', 'agglom', 'val', 'bourg', 'plaine'];

/** The scenarios of our CMS; `documentIds` are published projets to read in turn. */
export function scenariosCms(documentIds: readonly string[]): Record<string, Scenario> {
  return {
    liste: { nom: 'Liste REST (2 filtres, populate, 25)', chemins: [CHEMIN_LISTE] },
    detail: { nom: 'Détail REST (populate public complet)', chemins: documentIds.map((id) => `/api/projets/${id}?populate=*`) },
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

async function lancer(url: string, scenario: Scenario, secondes: number, connexions: number, surReponse?: (statut: number, ms: number) => void) {
  let suivant = 0;
  const instance = autocannon({
    url,
    connections: connexions,
    duration: secondes,
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
  return instance;
}

interface Cible {
  url: string;
  pid: number | undefined;
  scenario: Scenario;
}

const absent = (base: { nom: string; requete: string }): MesureHttp => ({ ...base, absent: true, requetes: 0, requetesParSeconde: 0, erreurs: 0, latence: resumerLatences([]), rssDepartMo: 0, rssPicMo: 0 });

/**
 * Measures several servers in turns (A, B, C, A, B, C…) rather than one after the other: on a shared,
 * noisy machine every server then meets the same background load, which keeps their ratios honest.
 * One target and one turn is the plain measure.
 */
export async function mesurerEntrelace(cibles: readonly Cible[], reglages: Reglages, tours = 1): Promise<MesureHttp[]> {
  const etats = [];
  for (const cible of cibles) {
    const base = { nom: cible.scenario.nom, requete: `${cible.scenario.methode ?? 'GET'} ${cible.scenario.chemins[0]}` };
    const present = (await sonder(cible.url, cible.scenario)) !== 404;
    if (present) await lancer(cible.url, cible.scenario, reglages.echauffement, reglages.connexions);
    etats.push({ cible, base, present, latences: [] as number[], horsSucces: 0, erreurs: 0, departMo: Infinity, picMo: 0 });
  }
  const secondes = Math.max(1, Math.round(reglages.duree / tours));
  for (let tour = 0; tour < tours; tour += 1) {
    for (const etat of etats.filter((e) => e.present)) {
      const memoire = surveillerMemoire(etat.cible.pid);
      const resultat = await lancer(etat.cible.url, etat.cible.scenario, secondes, reglages.connexions, (s, ms) => {
        etat.latences.push(ms);
        if (s < 200 || s >= 300) etat.horsSucces += 1;
      });
      const { departMo, picMo } = memoire.arreter();
      etat.erreurs += resultat.errors + resultat.timeouts;
      etat.departMo = Math.min(etat.departMo, departMo);
      etat.picMo = Math.max(etat.picMo, picMo);
    }
  }
  return etats.map((e) =>
    e.present
      ? {
          ...e.base,
          requetes: e.latences.length,
          requetesParSeconde: e.latences.length / (secondes * tours),
          erreurs: e.horsSucces + e.erreurs,
          latence: resumerLatences(e.latences),
          rssDepartMo: e.departMo,
          rssPicMo: e.picMo,
        }
      : absent(e.base),
  );
}

export async function mesurer(url: string, pid: number | undefined, scenario: Scenario, reglages: Reglages): Promise<MesureHttp> {
  const [mesure] = await mesurerEntrelace([{ url, pid, scenario }], reglages);
  return mesure;
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
