/**
 * Alerts by theme (docs/abonnements.md): reading the anonymous subscription form, the tokens of its
 * links, which projets match a subscription, and the French emails and pages. Pure: the I/O is in
 * src/abonnements/abonnements.ts.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'crypto';
import { RE_EMAIL } from './validation';
import { REGIONS } from './regions';
import { echapper } from '../transparence/html';

export const UID_ABONNEMENT = 'api::abonnement.abonnement';
export const FREQUENCES = ['immediate', 'hebdomadaire'] as const;
export type Frequence = (typeof FREQUENCES)[number];
export const THEMATIQUES_MAX = 40;
/** Honeypot, as for the signalements: a filled one gets the usual answer, nothing stored nor sent. */
export const CHAMP_PIEGE = 'siteWeb';
export const CHEMIN_CONFIRMER = '/api/abonnements/confirmer';
export const CHEMIN_DESABONNER = '/api/abonnements/desabonner';
/** The routes that take an HTML form or the RFC 8058 one-click POST (form-encoded, not JSON). */
export const CHEMINS_FORMULAIRES: ReadonlySet<string> = new Set([CHEMIN_CONFIRMER, CHEMIN_DESABONNER]);
/** A digest goes out once this long after the previous one (or the confirmation). */
export const PERIODE_RESUME_MS = 7 * 24 * 3600 * 1000;

/** The one answer of a subscription, whatever the address already had: nothing tells whether it was known. */
export const MESSAGE_ACCUSE = 'Merci : si l’adresse est valide, un courriel de confirmation vient de lui être envoyé. Les alertes partiront une fois l’abonnement confirmé.';

export interface Criteres {
  thematiques: string[];
  region: string | null;
  typeCollectivite: string | null;
  frequence: Frequence;
}

export interface DemandeAbonnement extends Criteres {
  email: string;
}

/** What the form is checked against: the referential's slugs and the collectivité types. */
export interface Referentiel {
  thematiques: ReadonlySet<string>;
  typesCollectivite: readonly string[];
}

export type Lecture = { type: 'valide'; demande: DemandeAbonnement } | { type: 'piege' } | { type: 'invalide'; champ: string; message: string };

const invalide = (champ: string, message: string): Lecture => ({ type: 'invalide', champ, message });
const texte = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const absent = (v: unknown) => v === undefined || v === null || v === '';

/** The form as sent (`{ data: { email, thematiques, region?, typeCollectivite?, frequence?, siteWeb? } }`), checked field by field, in French. */
export function lireAbonnement(corps: unknown, ref: Referentiel): Lecture {
  const data = (corps as { data?: unknown } | null)?.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return invalide('data', 'Le corps de la requête doit être { "data": { "email", "thematiques" } }.');
  }
  const d = data as Record<string, unknown>;
  return lireChamps(d, ref);
}

/** The same checks on the fields themselves (GraphQL passes them as arguments). */
export function lireChamps(d: Record<string, unknown>, ref: Referentiel): Lecture {
  if (texte(d[CHAMP_PIEGE]) !== '') return { type: 'piege' };
  const email = texte(d.email);
  if (email === '') return invalide('email', 'Le champ « email » est obligatoire : l’adresse qui recevra les alertes.');
  if (typeof d.email !== 'string' || email.length > 254 || !RE_EMAIL.test(email)) return invalide('email', 'Le champ « email » doit être une adresse électronique valide.');
  if (!Array.isArray(d.thematiques) || d.thematiques.length === 0) {
    return invalide('thematiques', 'Le champ « thematiques » est obligatoire : une liste de slugs de thématiques (au moins une).');
  }
  if (d.thematiques.length > THEMATIQUES_MAX) return invalide('thematiques', `Le champ « thematiques » compte ${THEMATIQUES_MAX} thématiques au plus.`);
  const thematiques: string[] = [];
  for (const t of d.thematiques) {
    if (typeof t !== 'string') return invalide('thematiques', 'Le champ « thematiques » doit être une liste de slugs (textes).');
    const slug = t.trim().toLowerCase();
    if (!ref.thematiques.has(slug)) return invalide('thematiques', `Thématique inconnue : « ${slug.slice(0, 80)} » (champ « thematiques », slugs du référentiel des thématiques).`);
    if (!thematiques.includes(slug)) thematiques.push(slug);
  }
  let region: string | null = null;
  if (!absent(d.region)) {
    region = typeof d.region === 'string' ? d.region.trim() : '';
    if (!(region in REGIONS)) return invalide('region', `Le champ « region » doit être le code INSEE d’une région (${Object.keys(REGIONS).join(', ')}).`);
  }
  let typeCollectivite: string | null = null;
  if (!absent(d.typeCollectivite)) {
    typeCollectivite = typeof d.typeCollectivite === 'string' ? d.typeCollectivite.trim() : '';
    if (!ref.typesCollectivite.includes(typeCollectivite)) {
      return invalide('typeCollectivite', `Le champ « typeCollectivite » doit valoir l’un de : ${ref.typesCollectivite.join(', ')}.`);
    }
  }
  let frequence: Frequence = 'immediate';
  if (!absent(d.frequence)) {
    if (!FREQUENCES.includes(d.frequence as Frequence)) return invalide('frequence', 'Le champ « frequence » doit valoir « immediate » ou « hebdomadaire ».');
    frequence = d.frequence as Frequence;
  }
  return { type: 'valide', demande: { email: email.toLowerCase(), thematiques, region, typeCollectivite, frequence } };
}

// --- Tokens -------------------------------------------------------------------------------------

/** A random confirmation token; only its hash is stored (`hacherJeton`), the token itself is only in the email. */
export const nouveauJeton = (): string => randomBytes(32).toString('base64url');
export const hacherJeton = (jeton: string): string => createHash('sha256').update(jeton, 'utf8').digest('hex');

/**
 * The unsubscribe token of a subscription: `documentId.signature`, an HMAC of the server's keys
 * (APP_KEYS). Nothing is stored for it, so every alert email can carry it and a copy of the database
 * unsubscribes nobody. Signed with the first key, accepted with any (keys rotate by putting a new one first).
 */
export function jetonDesabonnement(documentId: string, cles: readonly string[]): string {
  return `${documentId}.${signature(documentId, cles[0])}`;
}

/** The documentId a valid unsubscribe token names, or null. */
export function lireJetonDesabonnement(jeton: unknown, cles: readonly string[]): string | null {
  if (typeof jeton !== 'string') return null;
  const [documentId, signe, ...reste] = jeton.split('.');
  if (!documentId || !signe || reste.length > 0 || !/^[a-z0-9]{1,64}$/.test(documentId)) return null;
  const recu = Buffer.from(signe);
  return cles.some((cle) => {
    const attendu = Buffer.from(signature(documentId, cle));
    return attendu.length === recu.length && timingSafeEqual(attendu, recu);
  })
    ? documentId
    : null;
}

const signature = (documentId: string, cle: string) => createHmac('sha256', cle).update(`abonnement:desabonner:${documentId}`).digest('base64url');

// --- Matching -----------------------------------------------------------------------------------

/** What an alert says of a projet, and what it is matched on (public fields only). */
export interface ProjetAlerte {
  documentId: string;
  nom: string;
  slug: string | null;
  /** Slugs of its thème, its sous-thèmes and their parents. */
  thematiques: string[];
  collectivite: { nom: string; type: string | null; codeRegion: string | null } | null;
}

/** Whether a projet is for a subscription: one thématique in common, and its region and type if given. */
export function correspond(criteres: Pick<Criteres, 'thematiques' | 'region' | 'typeCollectivite'>, projet: ProjetAlerte): boolean {
  if (!criteres.thematiques.some((t) => projet.thematiques.includes(t))) return false;
  if (criteres.region && projet.collectivite?.codeRegion !== criteres.region) return false;
  if (criteres.typeCollectivite && projet.collectivite?.type !== criteres.typeCollectivite) return false;
  return true;
}

// --- Emails -------------------------------------------------------------------------------------

const SIGNATURE = '— Bibliothèque d’IA territoriales';

export interface Courriel {
  sujet: string;
  texte: string;
  entetes?: Record<string, string>;
}

/** RFC 2369 and RFC 8058 headers: the mail client offers « Se désabonner » and unsubscribes in one POST. */
export function entetesDesabonnement(lien: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${lien}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

function decrireCriteres(c: Criteres, libellesThematiques: Readonly<Record<string, string>>): string[] {
  return [
    `Thématiques : ${c.thematiques.map((t) => libellesThematiques[t] ?? t).join(', ')}`,
    `Région : ${c.region ? (REGIONS[c.region] ?? c.region) : 'toutes'}`,
    `Type de collectivité : ${c.typeCollectivite ?? 'tous'}`,
    `Fréquence : ${c.frequence === 'hebdomadaire' ? 'un résumé par semaine' : 'un courriel à chaque nouveau projet'}`,
  ];
}

export function courrielConfirmation(c: Criteres, lien: string, libellesThematiques: Readonly<Record<string, string>> = {}): Courriel {
  return {
    sujet: '[Bibliothèque d’IA] Confirmez votre abonnement aux alertes',
    texte: [
      'Bonjour,',
      '',
      'Quelqu’un, sans doute vous, a demandé à recevoir à cette adresse les nouveaux projets de la Bibliothèque d’IA territoriales :',
      '',
      ...decrireCriteres(c, libellesThematiques),
      '',
      `Pour confirmer, ouvrez ce lien : ${lien}`,
      '',
      'Sans confirmation, rien ne vous sera envoyé et la demande sera effacée d’ici quelques jours.',
      '',
      SIGNATURE,
    ].join('\n'),
  };
}

const ligneProjet = (p: ProjetAlerte, base: string) => [`« ${p.nom} »${p.collectivite ? ` — ${p.collectivite.nom}` : ''}`, `  ${lienFiche(base, p)}`];
export const lienFiche = (base: string, p: Pick<ProjetAlerte, 'documentId' | 'slug'>) => `${base}/transparence/${encodeURIComponent(p.slug ?? p.documentId)}`;
const piedDesabonnement = (lienDesabonner: string) => ['', `Ne plus recevoir ces alertes (l’adresse est alors effacée) : ${lienDesabonner}`, '', SIGNATURE];

export function courrielAlerte(p: ProjetAlerte, base: string, lienDesabonner: string): Courriel {
  return {
    sujet: `[Bibliothèque d’IA] Nouveau projet : « ${p.nom} »`,
    texte: ['Bonjour,', '', 'Un nouveau projet correspondant à vos alertes vient d’être publié :', '', ...ligneProjet(p, base), ...piedDesabonnement(lienDesabonner)].join('\n'),
    entetes: entetesDesabonnement(lienDesabonner),
  };
}

export function courrielResume(projets: readonly ProjetAlerte[], base: string, lienDesabonner: string): Courriel {
  const n = projets.length;
  return {
    sujet: `[Bibliothèque d’IA] ${n} nouveau${n > 1 ? 'x' : ''} projet${n > 1 ? 's' : ''} cette semaine`,
    texte: [
      'Bonjour,',
      '',
      n > 1 ? `${n} nouveaux projets correspondant à vos alertes ont été publiés cette semaine :` : 'Un nouveau projet correspondant à vos alertes a été publié cette semaine :',
      '',
      ...projets.flatMap((p) => [...ligneProjet(p, base), '']),
      ...piedDesabonnement(lienDesabonner).slice(1),
    ].join('\n'),
    entetes: entetesDesabonnement(lienDesabonner),
  };
}

// --- Pages --------------------------------------------------------------------------------------

/**
 * A small French page. The links of the emails open it with a button: mail scanners open (GET) every
 * link of a message, so a GET never confirms nor deletes; the button POSTs to the same address.
 */
export function pageHtml(titre: string, message: string, bouton?: { libelle: string; action: string }): string {
  const formulaire = bouton
    ? `\n<form method="post" action="${echapper(bouton.action)}"><button type="submit">${echapper(bouton.libelle)}</button></form>`
    : '';
  return `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/><meta name="robots" content="noindex"/><title>${echapper(titre)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}button{font-size:1rem;padding:.6rem 1.2rem}</style></head>
<body><h1>${echapper(titre)}</h1>
<p>${echapper(message)}</p>${formulaire}
</body></html>`;
}
