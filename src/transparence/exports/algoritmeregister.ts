/**
 * A published projet in the Dutch Algoritmeregister publication standard 1.0.0 (definition:
 * donnees/registres/algoritmeregister/schema.json; mapping table: docs/exports-registres.md).
 */
import type { ProjetPublic } from '../projet-public';
import { Releve, joindre, mois, texte, tronquer, type ExportRegistre } from './commun';

export const VERSION_ALGORITMEREGISTER = '1.0.0';

type Categorie =
  | 'Organisatie en bedrijfsvoering' | 'Cultuur en recreatie' | 'Economie' | 'Overheidsfinanciën' | 'Wonen' | 'Internationaal'
  | 'Migratie en integratie' | 'Natuur en milieu' | 'Onderwijs en wetenschap' | 'Openbare orde en veiligheid' | 'Recht'
  | 'Ruimte en infrastructuur' | 'Sociale zekerheid' | 'Verkeer' | 'Werk' | 'Zorg en gezondheid';

export interface Lien {
  title: string;
  link: string;
}

/** The fields of standard 1.0.0 (every one optional here: the export leaves out what it cannot fill). */
export interface RegistratieAlgoritme {
  name: string;
  description_short: string;
  organization: string;
  category: Categorie[];
  status: 'In ontwikkeling' | 'In gebruik' | 'Buiten gebruik';
  begin_date: string;
  end_date: string;
  contact_email: string;
  website: string;
  publication_category: 'Hoog-risico AI-systeem' | 'Impactvolle algoritmes' | 'Overige algoritmes';
  url: string;
  goal: string;
  proportionality: string;
  human_intervention: string;
  risks: string;
  lawful_basis: string;
  lawful_basis_grouping: Lien[];
  process_index_url: string;
  impacttoetsen_grouping: Lien[];
  impacttoetsen: string;
  source_data: string;
  source_data_grouping: Lien[];
  methods_and_models: string;
  provider: string;
  publiccode: string;
  lang: 'nld';
  standard_version: typeof VERSION_ALGORITMEREGISTER;
  source_id: string;
  tags: string;
}

/** The library's top-level thématiques (src/referentiel/taxonomies.ts) in the standard's policy areas. */
const CATEGORIES: Readonly<Record<string, Categorie>> = {
  'transition-ecologique-et-energetique': 'Natuur en milieu',
  'attractivite-et-developpement': 'Economie',
  'citoyennete-sante-et-solidarite': 'Zorg en gezondheid',
  mobilites: 'Verkeer',
  'gouvernance-et-socles-technologiques': 'Organisatie en bedrijfsvoering',
  'administration-et-organisation-interne': 'Organisatie en bedrijfsvoering',
};

const STATUTS: Readonly<Record<string, RegistratieAlgoritme['status']>> = {
  exploration: 'In ontwikkeling',
  experimentation: 'In ontwikkeling',
  deploiement: 'In gebruik',
  termine: 'Buiten gebruik',
  abandonne: 'Buiten gebruik',
};

/**
 * The standard's categories: high-risk AI systems (AI Act), impactful algorithms (those that weigh on a
 * decision about people), the others. Unknown when the library has neither the risk nor the automation level.
 */
function categoriePublication(projet: ProjetPublic): RegistratieAlgoritme['publication_category'] | null {
  const evaluation = projet.evaluation;
  if (evaluation?.risqueCategorie === 'eleve') return 'Hoog-risico AI-systeem';
  if (!evaluation?.niveauAutomatisation) return null;
  return evaluation.niveauAutomatisation === 'sans_decision_individuelle' ? 'Overige algoritmes' : 'Impactvolle algoritmes';
}

const liens = (entrees: Array<{ titre: string; url: string | null }>, maxTitre: number | null): Lien[] =>
  entrees
    .filter((e): e is { titre: string; url: string } => Boolean(e.url))
    .map((e) => ({ title: maxTitre ? (tronquer(e.titre, maxTitre) as string) : e.titre, link: tronquer(e.url, 500) as string }));

export function versAlgoritmeregister(projet: ProjetPublic, base: string): ExportRegistre<Partial<RegistratieAlgoritme>> {
  const releve = new Releve();
  const evaluation = projet.evaluation;
  const categorie = projet.thematique ? CATEGORIES[projet.thematique.slug] : undefined;
  const document = releve.objet<Partial<RegistratieAlgoritme>>({
    name: tronquer(projet.nom, 100),
    description_short: tronquer(texte(projet.resume) ?? texte(projet.description), 350),
    organization: tronquer(projet.collectivite?.nom ?? null, 100),
    category: categorie ? [categorie] : null,
    status: projet.statut ? STATUTS[projet.statut] ?? null : null,
    begin_date: mois(projet.dateDemarrage),
    end_date: mois(projet.dateFin),
    // The projet's contact is Restreint; the standard accepts a website for questions about the algorithm.
    contact_email: tronquer(texte(projet.collectivite?.siteWeb), 500),
    website: tronquer(texte(projet.lienInformation), 500),
    publication_category: categoriePublication(projet),
    url: `${base}/api/projets/${projet.documentId}/export/algoritmeregister.json`,
    goal: tronquer(texte(projet.description), 2500),
    proportionality: tronquer(texte(evaluation?.proportionnalite), 2500),
    human_intervention: tronquer(joindre(evaluation?.decision, evaluation?.interventionHumaine), 2500),
    risks: tronquer(texte(evaluation?.risque), 2500),
    lawful_basis: tronquer(texte(projet.baseLegale), 2500),
    lawful_basis_grouping: liens(projet.lienDeliberation ? [{ titre: 'Délibération', url: projet.lienDeliberation }] : [], 100),
    process_index_url: null,
    impacttoetsen_grouping: liens(evaluation?.evaluationsImpact ?? [], null),
    impacttoetsen: null,
    source_data: null,
    source_data_grouping: null,
    methods_and_models: null,
    provider: tronquer(projet.offreurs.map((o) => o.nom).join(', ') || null, 200),
    publiccode: null,
    // The registration is in French; the standard only permits Dutch ('nld').
    lang: null,
    standard_version: VERSION_ALGORITMEREGISTER,
    source_id: projet.documentId,
    tags: tronquer(projet.sousThematiques.map((t) => t.nom).join(', ') || null, 2500),
  });
  return { document, champsNonRenseignes: releve.tous() };
}
