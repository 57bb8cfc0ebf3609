/**
 * Outbox worker: sends the queued emails, retries the failed ones later with back-off. A failing SMTP
 * server never blocks a transition (emails are only queued there) and nothing is lost across a restart.
 */
import type { Core } from '@strapi/strapi';
import { UID_COURRIEL } from './constantes';
import { delaiAvantNouvelEssai } from './notifications';

const LOT = 20;
/**
 * While one worker sends an email, the row is reserved this long against the other workers (several
 * CMS processes poll the same table): a conditional update, so each email leaves once.
 */
const RESERVATION_MS = 5 * 60 * 1000;

export class BoiteEnvoi {
  private minuterie: NodeJS.Timeout | null = null;
  private enCours: Promise<number> | null = null;

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly intervalleMs: number,
    private readonly delaiNouvelEssaiMs: number,
  ) {}

  demarrer(): void {
    this.minuterie = setInterval(() => void this.traiter(), this.intervalleMs);
    this.minuterie.unref();
  }

  async arreter(): Promise<void> {
    if (this.minuterie) clearInterval(this.minuterie);
    this.minuterie = null;
    await this.enCours;
  }

  /**
   * Sends what is due now; returns the number of emails sent. One pass at a time. Never rejects: it runs
   * from a timer, where a rejection (the database busy or unreachable for a moment) would stop the
   * whole server; what was not sent stays due for the next pass.
   */
  traiter(): Promise<number> {
    this.enCours ??= this.envoyerDus()
      .catch((erreur: unknown) => {
        this.strapi.log.error(`Revue éditoriale : envoi des courriels interrompu, repris au prochain passage : ${erreur instanceof Error ? erreur.message : String(erreur)}`);
        return 0;
      })
      .finally(() => {
        this.enCours = null;
      });
    return this.enCours;
  }

  private async envoyerDus(): Promise<number> {
    const requete = this.strapi.db.query(UID_COURRIEL);
    const maintenant = new Date();
    const dus = (await requete.findMany({
      where: { envoyeLe: null, prochaineTentative: { $lte: maintenant } },
      // Fewest attempts first: messages retried for an unreachable address never hold back fresh ones.
      orderBy: [{ tentatives: 'asc' }, { id: 'asc' }],
      limit: LOT,
    })) as Array<{ id: number; destinataire: string; sujet: string; texte: string; tentatives: number; entetes: Record<string, string> | null }>;
    let envoyes = 0;
    for (const courriel of dus) {
      // Reserved only if still due: the first worker moves it into the future, the others update nothing.
      const reserve = await requete.updateMany({
        where: { id: courriel.id, envoyeLe: null, prochaineTentative: { $lte: maintenant } },
        data: { prochaineTentative: new Date(Date.now() + RESERVATION_MS) },
      });
      if ((reserve as { count: number }).count === 0) continue;
      try {
        await this.strapi.plugin('email').service('email').send({ to: courriel.destinataire, subject: courriel.sujet, text: courriel.texte, ...(courriel.entetes ? { headers: courriel.entetes } : {}) });
        await requete.update({ where: { id: courriel.id }, data: { envoyeLe: new Date(), derniereErreur: null } });
        envoyes += 1;
      } catch (erreur) {
        const tentatives = courriel.tentatives + 1;
        const raison = erreur instanceof Error ? erreur.message : String(erreur);
        await requete.update({
          where: { id: courriel.id },
          data: { tentatives, derniereErreur: raison, prochaineTentative: new Date(Date.now() + delaiAvantNouvelEssai(tentatives, this.delaiNouvelEssaiMs)) },
        });
        this.strapi.log.warn(`Revue éditoriale : courriel à ${courriel.destinataire} non envoyé (essai ${tentatives}), nouvel essai plus tard : ${raison}`);
      }
    }
    return envoyes;
  }
}
