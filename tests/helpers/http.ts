import request from 'supertest';
import { CLES, lire } from './environnement';

/** supertest against the Strapi booted by the global setup. */
export const api = () => request(lire(CLES.url));
export const enteteAdmin = () => ({ Authorization: `Bearer ${lire(CLES.jetonAdmin)}` });
export const enteteJeton = () => ({ Authorization: `Bearer ${lire(CLES.jetonApi)}` });
/** The callers of the visibility rules (README, « API de contenu »). */
export const APPELANTS = {
  anonyme: () => ({}),
  enAttente: () => ({ Authorization: `Bearer ${lire(CLES.jwtEnAttente)}` }),
  membre: () => ({ Authorization: `Bearer ${lire(CLES.jwtMembre)}` }),
  jetonLecture: () => ({ Authorization: `Bearer ${lire(CLES.jetonLecture)}` }),
} as const;
export type NomAppelant = keyof typeof APPELANTS;

/** GraphQL query as anonymous or with a bearer token. */
export async function graphql(query: string, variables: Record<string, unknown> = {}, entete: Record<string, string> = {}) {
  return api().post('/graphql').set(entete).send({ query, variables });
}
