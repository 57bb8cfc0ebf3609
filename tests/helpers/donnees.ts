import { api, enteteJeton } from './http';

/** documentId of a thématique by slug (reference data seeded at start-up). */
export async function thematique(slug: string): Promise<string> {
  const reponse = await api().get('/api/thematiques').query({ 'filters[slug][$eq]': slug });
  const [entree] = reponse.body.data;
  if (!entree) throw new Error(`Thématique ${slug} absente du référentiel`);
  return entree.documentId;
}

/** documentId of a public cible by slug (reference data seeded at start-up). */
export async function publicCible(slug: string): Promise<string> {
  const reponse = await api().get('/api/publics-cibles').query({ 'filters[slug][$eq]': slug });
  const [entree] = reponse.body.data;
  if (!entree) throw new Error(`Public cible ${slug} absent du référentiel`);
  return entree.documentId;
}

export async function collectiviteParSiren(siren: string): Promise<string> {
  const reponse = await api().get('/api/collectivites').query({ 'filters[siren][$eq]': siren });
  const [entree] = reponse.body.data;
  if (!entree) throw new Error(`Collectivité ${siren} absente du référentiel`);
  return entree.documentId;
}

/** Number of projets (drafts included) matching a name, read back through the API. */
export async function nombreDeProjets(nom: string): Promise<number> {
  const reponse = await api()
    .get('/api/projets')
    .set(enteteJeton())
    .query({ status: 'draft', 'filters[nom][$eq]': nom });
  if (reponse.status !== 200) throw new Error(`Lecture des projets : ${reponse.status}`);
  return reponse.body.meta.pagination.total;
}

/** A projet that can be published (what the national schema requires: date, public…), with `Partial` overrides. */
export async function projetValide(surcharges: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  return {
    nom: 'Projet de test',
    description: 'Un outil d’aide à la décision pour la rénovation énergétique des bâtiments.',
    statut: 'experimentation',
    dateDemarrage: '2024-03-01',
    collectivite: await collectiviteParSiren('243300316'),
    thematique: await thematique('transition-ecologique-et-energetique'),
    publics: [await publicCible('agent')],
    ...surcharges,
  };
}
