import { SMTPServer } from 'smtp-server';
import { CLES, lire } from './environnement';

export interface CourrielRecu {
  destinataires: string[];
  /** The message with quoted-printable soft line breaks and escapes decoded, so links read whole. */
  brut: string;
}

function decoderQuotedPrintable(texte: string): string {
  const sansCoupures = texte.replace(/=\r?\n/g, '');
  return sansCoupures.replace(/(?:=[0-9A-F]{2})+/g, (suite) => Buffer.from(suite.replace(/=/g, ''), 'hex').toString('utf8'));
}

/** A real SMTP server on the port the CMS sends to, recording what it receives. */
export class ServeurSmtp {
  readonly recus: CourrielRecu[] = [];
  private serveur: SMTPServer | null = null;
  port = 0;

  /** Listens on `port` (by default the one the CMS of the integration tests sends to); fails if it cannot. */
  async demarrer(port = Number(lire(CLES.smtpPort))): Promise<void> {
    this.serveur = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData: (flux, session, fin) => {
        let brut = '';
        flux.on('data', (morceau: Buffer) => (brut += morceau.toString('utf8')));
        flux.on('end', () => {
          this.recus.push({ destinataires: session.envelope.rcptTo.map((r) => r.address), brut: decoderQuotedPrintable(brut) });
          fin();
        });
      },
    });
    const serveur = this.serveur;
    await new Promise<void>((resolve, reject) => {
      serveur.once('error', reject);
      serveur.listen(port, '127.0.0.1', () => {
        serveur.off('error', reject);
        resolve();
      });
    });
    this.port = port;
  }

  async arreter(): Promise<void> {
    const serveur = this.serveur;
    this.serveur = null;
    if (serveur) await new Promise<void>((resolve) => serveur.close(() => resolve()));
  }

  /** Waits (bounded) until an email to `destinataire` whose raw text matches `motif` arrives. */
  async attendre(destinataire: string, motif: RegExp, delaiMs = 10000): Promise<CourrielRecu> {
    const fin = Date.now() + delaiMs;
    for (;;) {
      const trouve = this.recus.find((c) => c.destinataires.includes(destinataire) && motif.test(c.brut));
      if (trouve) return trouve;
      if (Date.now() > fin) throw new Error(`Aucun courriel pour ${destinataire} correspondant à ${motif} en ${delaiMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
