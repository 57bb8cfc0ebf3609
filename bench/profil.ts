/**
 * What a realistic projet looks like, learnt from the real Interconnectés file (donnees/interconnectes):
 * how statuses, themes, sub-themes, publics, partners, collectivité types, start years and text lengths
 * are distributed. Generated projets are drawn from these empirical distributions. Pure.
 */
import { lireCsv } from '../src/domaine/interconnectes/lecture-csv';
import { normaliserLigne } from '../src/domaine/interconnectes/ligne';
import { MAX_SOUS_THEMATIQUES } from '../src/domaine/regles-metier';
import { choisir, echantillon, entier } from './aleatoire';

/** Up to `nombre` distinct values drawn by frequency (`valeurs` holds one entry per observation). */
export function tirerDistincts(alea: () => number, valeurs: readonly string[], nombre: number): string[] {
  const distinctes = new Set(valeurs).size;
  const tirees = new Set<string>();
  while (tirees.size < Math.min(nombre, distinctes)) tirees.add(choisir(alea, valeurs));
  return [...tirees];
}

export interface Profil {
  statuts: string[];
  thematiques: string[];
  /** sub-theme slugs seen under each theme */
  sousThematiquesParTheme: Record<string, string[]>;
  nombresSousThematiques: number[];
  publics: string[];
  nombresPublics: number[];
  nombresOffreurs: number[];
  offreurs: string[];
  typesCollectivite: string[];
  annees: number[];
  longueursNom: number[];
  longueursDescription: number[];
  /** words of the real descriptions, to write text that searches like the real one */
  mots: string[];
}

/** One observation per real projet: drawing from these lists reproduces their frequencies. */
export function profilDepuisCsv(octets: Uint8Array): Profil {
  const fichier = lireCsv(octets);
  const profil: Profil = {
    statuts: [],
    thematiques: [],
    sousThematiquesParTheme: {},
    nombresSousThematiques: [],
    publics: [],
    nombresPublics: [],
    nombresOffreurs: [],
    offreurs: [],
    typesCollectivite: [],
    annees: [],
    longueursNom: [],
    longueursDescription: [],
    mots: [],
  };
  for (const { numero, valeurs } of fichier.lignes) {
    const cellules = Object.fromEntries(fichier.entetes.map((entete, i) => [entete, valeurs[i] ?? '']));
    const { projet, collectivite } = normaliserLigne(numero, cellules);
    if (projet.statut) profil.statuts.push(projet.statut);
    if (projet.thematique) {
      profil.thematiques.push(projet.thematique);
      const sous = (profil.sousThematiquesParTheme[projet.thematique] ??= []);
      for (const s of projet.sousThematiques ?? []) if (!sous.includes(s)) sous.push(s);
    }
    profil.nombresSousThematiques.push(projet.sousThematiques?.length ?? 0);
    profil.publics.push(...(projet.publics ?? []));
    profil.nombresPublics.push(projet.publics?.length ?? 0);
    profil.nombresOffreurs.push(projet.offreurs?.length ?? 0);
    profil.offreurs.push(...(projet.offreurs ?? []));
    if (collectivite.type) profil.typesCollectivite.push(collectivite.type.valeur);
    if (projet.dateDemarrage) profil.annees.push(Number(projet.dateDemarrage.slice(0, 4)));
    profil.longueursNom.push(projet.nom.length);
    profil.longueursDescription.push(projet.description?.length ?? 0);
    profil.mots.push(...(projet.description ?? '').split(/\s+/).filter((m) => /^[\p{L}’'-]{2,}$/u.test(m)));
  }
  if (profil.statuts.length === 0 || profil.thematiques.length === 0) throw new Error('Profil vide : aucun projet lisible dans le fichier de référence');
  return profil;
}

export interface ProjetTire {
  nom: string;
  description: string;
  resume: string;
  statut: string;
  motifAbandon: string | null;
  thematique: string;
  sousThematiques: string[];
  publics: string[];
  nombreOffreurs: number;
  typeCollectivite: string;
  dateDemarrage: string;
}

/** Text of about `longueur` characters made of real words. */
export function texte(alea: () => number, mots: readonly string[], longueur: number): string {
  let resultat = '';
  while (resultat.length < longueur) resultat += (resultat ? ' ' : '') + choisir(alea, mots);
  return resultat;
}

/** ±20 % around a real value, so lengths spread without leaving the real range much. */
function autour(alea: () => number, valeur: number): number {
  return Math.max(1, Math.round(valeur * (0.8 + 0.4 * alea())));
}

export function tirerProjet(alea: () => number, profil: Profil, index: number): ProjetTire {
  const thematique = choisir(alea, profil.thematiques);
  const suffixe = ` ${index + 1}`;
  const nom = texte(alea, profil.mots, Math.min(140, autour(alea, choisir(alea, profil.longueursNom)))).slice(0, 150 - suffixe.length) + suffixe;
  const description = texte(alea, profil.mots, autour(alea, choisir(alea, profil.longueursDescription)));
  const annee = choisir(alea, profil.annees);
  const statut = choisir(alea, profil.statuts);
  return {
    nom: nom.charAt(0).toUpperCase() + nom.slice(1),
    description,
    resume: description.slice(0, 200),
    statut,
    // A projet abandonné needs its reason (regles-metier).
    motifAbandon: statut === 'abandonne' ? texte(alea, profil.mots, 120) : null,
    thematique,
    sousThematiques: echantillon(alea, profil.sousThematiquesParTheme[thematique] ?? [], Math.min(MAX_SOUS_THEMATIQUES, choisir(alea, profil.nombresSousThematiques))),
    publics: tirerDistincts(alea, profil.publics, choisir(alea, profil.nombresPublics)),
    nombreOffreurs: choisir(alea, profil.nombresOffreurs),
    typeCollectivite: choisir(alea, profil.typesCollectivite),
    dateDemarrage: `${annee}-${String(entier(alea, 1, 12)).padStart(2, '0')}-01`,
  };
}
