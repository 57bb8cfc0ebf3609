import { api, enteteAdmin } from './http';

export interface Agent {
  id: number;
  email: string;
  jeton: string;
  entete: { Authorization: string };
}

export const MOT_DE_PASSE_AGENT = 'MotDePasse-Agent-1';

async function idDuRole(nom: string): Promise<number> {
  const reponse = await api().get('/admin/roles').set(enteteAdmin());
  const role = reponse.body.data.find((r: { name: string }) => r.name === nom);
  if (!role) throw new Error(`Rôle d’administration « ${nom} » absent`);
  return role.id;
}

/** An admin account created the way a modérateur would: invitation, then registration. */
export async function creerAgent(email: string, nomRole: string): Promise<Agent> {
  const invitation = await api()
    .post('/admin/users')
    .set(enteteAdmin())
    .send({ email, firstname: email.split('@')[0], lastname: 'Agent', roles: [await idDuRole(nomRole)] });
  if (invitation.status !== 201) throw new Error(`Invitation de ${email} : ${invitation.status} ${JSON.stringify(invitation.body)}`);
  const inscription = await api()
    .post('/admin/register')
    .send({ registrationToken: invitation.body.data.registrationToken, userInfo: { firstname: email.split('@')[0], lastname: 'Agent', password: MOT_DE_PASSE_AGENT } });
  if (inscription.status !== 200) throw new Error(`Inscription de ${email} : ${inscription.status} ${JSON.stringify(inscription.body)}`);
  const jeton = inscription.body.data.token as string;
  return { id: invitation.body.data.id, email, jeton, entete: { Authorization: `Bearer ${jeton}` } };
}

/** Makes agents référents or contributeurs of a collectivité (a modérateur's edit in the admin panel). */
export async function rattacher(collectivite: string, membres: { referents?: Agent[]; contributeurs?: Agent[] }) {
  const connecter = (agents?: Agent[]) => (agents ? { connect: agents.map((a) => ({ id: a.id })) } : undefined);
  const reponse = await api()
    .put(`/content-manager/collection-types/api::collectivite.collectivite/${collectivite}`)
    .set(enteteAdmin())
    .send({ referents: connecter(membres.referents), contributeurs: connecter(membres.contributeurs) });
  if (reponse.status !== 200) throw new Error(`Rattachement à ${collectivite} : ${reponse.status} ${JSON.stringify(reponse.body)}`);
}
