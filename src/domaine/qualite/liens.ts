/**
 * Rules of the link checker (docs/qualite.md): which addresses may be fetched, and what an answer means.
 * Pure: the fetching is in src/qualite/liens.ts.
 */
import { isIP } from 'net';

export type Verdict = 'valide' | 'casse' | 'essayer_get' | 'plus_tard';

/**
 * What an HTTP status means for a link. 405, 501 or 403 on HEAD: many servers refuse HEAD alone, ask again
 * with GET. 429 (too many requests) or 503 with the method given: not known, checked again next time.
 * Any other status from 400 up: broken.
 */
export function verdictStatut(statut: number, methode: 'HEAD' | 'GET'): Verdict {
  if (methode === 'HEAD' && (statut === 405 || statut === 501 || statut === 403)) return 'essayer_get';
  if (statut === 429) return 'plus_tard';
  if (statut >= 400) return 'casse';
  return 'valide';
}

/** Private, loopback, link-local, shared and reserved addresses (IPv4 and IPv6): never fetched in production. */
export function estAdressePrivee(adresse: string): boolean {
  const version = isIP(adresse);
  if (version === 4) {
    const [a, b] = adresse.split('.').map(Number);
    return (
      a === 0 || a === 10 || a === 127 || a >= 224 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 198 && (b === 18 || b === 19))
    );
  }
  if (version === 6) {
    const basse = adresse.toLowerCase();
    const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(basse);
    if (v4) return estAdressePrivee(v4[1]);
    return basse === '::' || basse === '::1' || /^f[cd]/.test(basse) || /^fe[89ab]/.test(basse) || basse.startsWith('ff');
  }
  return false;
}

export type Classement = { verifiable: true; url: URL } | { verifiable: false; raison: string };

/** An address the checker may fetch: http(s) only, no credentials in it. The host is checked once resolved. */
export function classerAdresse(adresse: string): Classement {
  let url: URL;
  try {
    url = new URL(adresse.trim());
  } catch {
    return { verifiable: false, raison: 'adresse invalide' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { verifiable: false, raison: `protocole ${url.protocol} non vérifié` };
  if (url.username || url.password) return { verifiable: false, raison: 'adresse avec identifiants' };
  return { verifiable: true, url };
}

/** An address of a projet, found in one of its fields. */
export interface LienProjet {
  champ: string;
  libelle: string;
  url: string;
}

/** The web addresses of a projet: its address fields and its impact assessments (component commun.lien). */
export function liensDuProjet(p: {
  lienInformation?: string | null;
  lienDeliberation?: string | null;
  evaluation?: { evaluationsImpact?: ReadonlyArray<{ titre?: string | null; url?: string | null }> | null } | null;
}): LienProjet[] {
  const liens: LienProjet[] = [];
  if (p.lienInformation?.trim()) liens.push({ champ: 'lienInformation', libelle: 'Lien d’information', url: p.lienInformation.trim() });
  if (p.lienDeliberation?.trim()) liens.push({ champ: 'lienDeliberation', libelle: 'Lien vers la délibération', url: p.lienDeliberation.trim() });
  for (const l of p.evaluation?.evaluationsImpact ?? []) {
    if (l.url?.trim()) liens.push({ champ: 'evaluation.evaluationsImpact', libelle: `Analyse d’impact « ${l.titre ?? ''} »`, url: l.url.trim() });
  }
  return liens;
}
