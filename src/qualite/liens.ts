/**
 * The link checker (docs/qualite.md): every web address of the projets (draft and published versions)
 * fetched, HEAD then GET when HEAD is refused, a few at a time, with a timeout and a User-Agent naming the
 * library; the broken ones stored on the projet (`liensCasses`, `liensCassesDetail`, `liensVerifiesLe`).
 * Rules in src/domaine/qualite/liens.ts.
 *
 * Private and loopback addresses are refused at connection time (a `lookup` that checks what the name
 * resolves to, so a name that resolves to an internal address later is refused too), unless
 * `autoriserAdressesPrivees` (tests against a local server, LIENS_ADRESSES_PRIVEES=true).
 */
import { lookup as resoudreDns, type LookupAddress, type LookupOptions } from 'dns';
import http from 'http';
import https from 'https';
import type { Core } from '@strapi/strapi';
import { UID } from '../domaine/regles-metier';
import { classerAdresse, estAdressePrivee, liensDuProjet, verdictStatut, type LienProjet } from '../domaine/qualite/liens';
import { avancerGeneration } from '../documents/generation';

export interface OptionsVerification {
  /** Requests at the same time. */
  concurrence?: number;
  /** Per request (HEAD, then GET). */
  delaiMs?: number;
  autoriserAdressesPrivees?: boolean;
  /** Only these projets (tests); all by default. */
  documentIds?: string[];
  /** Only the projets not checked since this date (the periodic pass). */
  nonVerifiesDepuis?: Date;
  redirectionsMax?: number;
  /** Stops the pass (shutdown): no address taken after it, those under way cut, nothing written. */
  signal?: AbortSignal;
}

export interface LienCasse extends LienProjet {
  raison: string;
}

export interface BilanVerification {
  projets: number;
  adresses: number;
  casses: number;
  /** stopped by `signal` before the end: nothing written, the next pass checks these projets */
  interrompue?: boolean;
}

/** ASCII only (an HTTP header): names the library and where it is, for the sites' administrators. */
const userAgent = (strapi: Core.Strapi) => {
  const adresse = String(strapi.config.get('server.url', '') || '').replace(/[^\x20-\x7e]/g, '');
  return `BibliothequeIATerritoriales-VerificationLiens/1.0${adresse ? ` (+${adresse})` : ''}`;
};

type Reponse = { statut: number; location?: string };
type Resultat = { casse: false } | { casse: true; raison: string } | { plusTard: true };

class AdresseRefusee extends Error {}

/** DNS lookup that refuses internal addresses, used by the connection itself. */
function lookupSur(autoriser: boolean) {
  return (nom: string, options: LookupOptions, rappel: (e: NodeJS.ErrnoException | null, adresse: string | LookupAddress[], famille?: number) => void) => {
    resoudreDns(nom, { ...options, all: true }, (erreur, adresses) => {
      if (erreur) return rappel(erreur, '');
      const liste = adresses as LookupAddress[];
      if (!autoriser && liste.some((a) => estAdressePrivee(a.address))) return rappel(new AdresseRefusee('adresse interne, injoignable du public'), '');
      if (options.all) return rappel(null, liste);
      return rappel(null, liste[0].address, liste[0].family);
    });
  };
}

function demander(url: URL, methode: 'HEAD' | 'GET', delaiMs: number, autoriser: boolean, agent: string, signal: AbortSignal | undefined): Promise<Reponse> {
  return new Promise((resolve, reject) => {
    const module = url.protocol === 'https:' ? https : http;
    // An IP literal is not looked up: checked here.
    const hote = url.hostname.replace(/^\[|\]$/g, '');
    if (!autoriser && estAdressePrivee(hote)) return reject(new AdresseRefusee('adresse interne, injoignable du public'));
    const requete = module.request(
      url,
      { method: methode, headers: { 'User-Agent': agent, Accept: '*/*' }, lookup: lookupSur(autoriser) as never, timeout: delaiMs, signal },
      (reponse) => {
        resolve({ statut: reponse.statusCode ?? 0, location: reponse.headers.location });
        // Only the status matters: the body is not read.
        reponse.destroy();
      },
    );
    const minuteur = setTimeout(() => requete.destroy(new Error(`pas de réponse en ${Math.round(delaiMs / 1000)} s`)), delaiMs);
    requete.on('timeout', () => requete.destroy(new Error(`pas de réponse en ${Math.round(delaiMs / 1000)} s`)));
    requete.on('error', reject);
    requete.on('close', () => clearTimeout(minuteur));
    requete.end();
  });
}

/** One address: redirections followed (each target checked like the first), HEAD then GET. */
type Reglages = Required<Omit<OptionsVerification, 'documentIds' | 'nonVerifiesDepuis' | 'signal'>> & { agent: string; signal?: AbortSignal };

async function verifierAdresse(adresse: string, o: Reglages): Promise<Resultat> {
  let classement = classerAdresse(adresse);
  let methode: 'HEAD' | 'GET' = 'HEAD';
  for (let saut = 0; saut <= o.redirectionsMax; ) {
    if (!classement.verifiable) return { casse: true, raison: classement.raison };
    let reponse: Reponse;
    try {
      reponse = await demander(classement.url, methode, o.delaiMs, o.autoriserAdressesPrivees, o.agent, o.signal);
    } catch (erreur) {
      const message = erreur instanceof Error ? erreur.message : String(erreur);
      return { casse: true, raison: erreur instanceof AdresseRefusee ? message : `injoignable (${message})` };
    }
    if (reponse.statut >= 300 && reponse.statut < 400 && reponse.location) {
      classement = classerAdresse(new URL(reponse.location, classement.url).toString());
      saut += 1;
      continue;
    }
    const verdict = verdictStatut(reponse.statut, methode);
    if (verdict === 'essayer_get') {
      methode = 'GET';
      continue;
    }
    if (verdict === 'plus_tard') return { plusTard: true };
    return verdict === 'casse' ? { casse: true, raison: `réponse ${reponse.statut}` } : { casse: false };
  }
  return { casse: true, raison: `plus de ${o.redirectionsMax} redirections` };
}

/** Runs `travail` on each item, `concurrence` at a time. */
async function parLots<T>(elements: readonly T[], concurrence: number, travail: (e: T) => Promise<void>, signal?: AbortSignal): Promise<void> {
  let suivant = 0;
  const ouvrier = async () => {
    while (suivant < elements.length && !signal?.aborted) await travail(elements[suivant++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrence, elements.length)) }, ouvrier));
}

interface LigneProjet {
  documentId: string;
  lienInformation: string | null;
  lienDeliberation: string | null;
  evaluation?: { evaluationsImpact?: Array<{ titre: string | null; url: string | null }> } | null;
  liensCassesDetail: LienCasse[] | null;
}

interface LiensDuProjet {
  liens: LienProjet[];
  /** Broken at the previous check: kept for an address that asked to wait (429). */
  avant: LienCasse[];
}

/** The addresses of each projet, over its draft and published versions, read page by page. */
async function liensParProjet(strapi: Core.Strapi, { documentIds, nonVerifiesDepuis }: OptionsVerification): Promise<Map<string, LiensDuProjet>> {
  const parProjet = new Map<string, LiensDuProjet>();
  for (let dernier = 0; ; ) {
    const lignes = (await strapi.db.query(UID.projet).findMany({
      select: ['id', 'documentId', 'lienInformation', 'lienDeliberation', 'liensCassesDetail'],
      where: {
        id: { $gt: dernier },
        ...(documentIds ? { documentId: { $in: documentIds } } : {}),
        ...(nonVerifiesDepuis ? { $or: [{ liensVerifiesLe: { $null: true } }, { liensVerifiesLe: { $lt: nonVerifiesDepuis } }] } : {}),
      },
      populate: { evaluation: { populate: { evaluationsImpact: { select: ['titre', 'url'] } } } },
      orderBy: { id: 'asc' },
      limit: 200,
    })) as Array<LigneProjet & { id: number }>;
    for (const ligne of lignes) {
      const entree = parProjet.get(ligne.documentId) ?? { liens: [], avant: [] };
      for (const lien of liensDuProjet(ligne)) if (!entree.liens.some((l) => l.url === lien.url && l.champ === lien.champ)) entree.liens.push(lien);
      if (entree.avant.length === 0 && Array.isArray(ligne.liensCassesDetail)) entree.avant = ligne.liensCassesDetail;
      parProjet.set(ligne.documentId, entree);
    }
    if (lignes.length < 200) return parProjet;
    dernier = lignes[lignes.length - 1].id;
  }
}

/**
 * Checks the links of every projet (or of `documentIds`) and stores the result on all the versions of each.
 * The write goes around the Document Service (strapi.db.query): it is no edit of the fiche, so it neither
 * moves the review state nor the modification date; the generation is bumped, the admin list counts
 * being kept per generation.
 */
export async function verifierLiens(strapi: Core.Strapi, options: OptionsVerification = {}): Promise<BilanVerification> {
  const o: Reglages = {
    concurrence: options.concurrence ?? 4,
    delaiMs: options.delaiMs ?? 10_000,
    autoriserAdressesPrivees: options.autoriserAdressesPrivees ?? false,
    redirectionsMax: options.redirectionsMax ?? 5,
    agent: userAgent(strapi),
    signal: options.signal,
  };
  const parProjet = await liensParProjet(strapi, options);
  const adresses = [...new Set([...parProjet.values()].flatMap((p) => p.liens.map((l) => l.url)))];
  const resultats = new Map<string, Resultat>();
  await parLots(
    adresses,
    o.concurrence,
    async (adresse) => {
      resultats.set(adresse, await verifierAdresse(adresse, o));
    },
    o.signal,
  );
  // A cut request reads as a broken link: nothing of an interrupted pass is written.
  if (o.signal?.aborted) return { projets: parProjet.size, adresses: resultats.size, casses: 0, interrompue: true };

  const maintenant = new Date();
  let casses = 0;
  for (const [documentId, { liens, avant }] of parProjet) {
    const detail: LienCasse[] = [];
    for (const lien of liens) {
      const r = resultats.get(lien.url);
      if (!r) continue;
      if ('plusTard' in r) detail.push(...avant.filter((a) => a.url === lien.url && a.champ === lien.champ));
      else if (r.casse) detail.push({ ...lien, raison: r.raison });
    }
    casses += detail.length;
    await strapi.db.query(UID.projet).updateMany({
      where: { documentId },
      data: { liensCasses: detail.length > 0, liensCassesDetail: detail, liensVerifiesLe: maintenant },
    });
  }
  if (parProjet.size > 0) await avancerGeneration(strapi);
  return { projets: parProjet.size, adresses: adresses.length, casses };
}

/**
 * The periodic check (LIENS_VERIFICATION_INTERVALLE_HEURES, 0 = off). Every projet is checked again once
 * its last check is older than the interval: a tick at most every hour (the first a minute after start)
 * checks those, so restarts do not postpone the checks. One pass at a time in this process; two instances
 * may check the same projet, which only writes the same result twice.
 */
export class VerificationPeriodique {
  private minuteur: NodeJS.Timeout | null = null;
  private enCours: Promise<unknown> | null = null;
  private readonly arret = new AbortController();

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly intervalleMs: number,
    private readonly options: OptionsVerification,
  ) {}

  demarrer(): void {
    if (this.intervalleMs <= 0) return;
    const tic = Math.min(this.intervalleMs, 3_600_000);
    this.minuteur = setTimeout(() => {
      void this.passer();
      this.minuteur = setInterval(() => void this.passer(), tic);
      this.minuteur.unref();
    }, Math.min(tic, 60_000));
    this.minuteur.unref();
  }

  passer(): Promise<unknown> {
    this.enCours ??= verifierLiens(this.strapi, { ...this.options, nonVerifiesDepuis: new Date(Date.now() - this.intervalleMs), signal: this.arret.signal })
      .then((bilan) => {
        if (bilan.interrompue) this.strapi.log.info(`Vérification des liens arrêtée avec le serveur, reprise au prochain démarrage (${bilan.projets} projet(s))`);
        else if (bilan.projets > 0) this.strapi.log.info(`Vérification des liens : ${bilan.adresses} adresse(s) de ${bilan.projets} projet(s), ${bilan.casses} lien(s) cassé(s)`);
      })
      .catch((erreur: Error) => this.strapi.log.error(`Vérification des liens interrompue : ${erreur.message}`))
      .finally(() => (this.enCours = null));
    return this.enCours;
  }

  async arreter(): Promise<void> {
    if (this.minuteur) {
      clearTimeout(this.minuteur);
      clearInterval(this.minuteur);
    }
    this.minuteur = null;
    // A pass over thousands of addresses would hold the shutdown for as long: it is cut.
    this.arret.abort();
    await this.enCours;
  }
}
