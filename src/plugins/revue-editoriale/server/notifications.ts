/** Who is told of a transition, and what the email says (README, « Rôles et circuit de revue éditoriale »). Pure. */
import { LIBELLES_ETATS, LIBELLES_ROLES, PARTICIPES_ACTIONS, type Action, type Etat, type Role } from './machine';

export interface Personnes {
  referents: string[];
  moderateurs: string[];
  auteur: string | null;
}

export function destinataires(vers: Etat, personnes: Personnes): string[] {
  const liste = (() => {
    switch (vers) {
      case 'en_validation':
        return personnes.referents;
      case 'en_moderation':
        return personnes.moderateurs;
      case 'modifications_demandees':
      case 'publie':
        return [...(personnes.auteur ? [personnes.auteur] : []), ...personnes.referents];
      default:
        return [];
    }
  })();
  return [...new Set(liste.map((e) => e.trim().toLowerCase()).filter((e) => e !== ''))];
}

export interface Evenement {
  titre: string;
  typeDocument: string;
  action: Action | 'modifier';
  de: Etat;
  vers: Etat;
  auteur: string;
  role: Role | 'systeme';
  commentaire?: string | null;
  lien: string;
}

export function message(e: Evenement): { sujet: string; texte: string } {
  const qui = e.role === 'systeme' ? e.auteur : `${e.auteur} (${LIBELLES_ROLES[e.role]})`;
  const lignes = [
    'Bonjour,',
    '',
    `${e.typeDocument} « ${e.titre} » : ${LIBELLES_ETATS[e.de]} → ${LIBELLES_ETATS[e.vers]}.`,
    `${PARTICIPES_ACTIONS[e.action]} par ${qui}.`,
    ...(e.commentaire ? ['', 'Commentaire :', e.commentaire] : []),
    '',
    `Ouvrir le document : ${e.lien}`,
    '',
    '— Bibliothèque d’IA territoriales',
  ];
  return { sujet: `[Bibliothèque d’IA] ${e.typeDocument} « ${e.titre} » : ${LIBELLES_ETATS[e.vers]}`, texte: lignes.join('\n') };
}

/** Exponential back-off for the outbox, capped. */
export function delaiAvantNouvelEssai(tentatives: number, baseMs: number, maxMs = 60 * 60 * 1000): number {
  return Math.min(baseMs * 2 ** Math.max(0, tentatives - 1), maxMs);
}
