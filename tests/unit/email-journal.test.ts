// The development provider is plain CommonJS (Strapi's local-provider mechanism); it logs through the global strapi.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const fournisseur = require('../../providers/email-journal') as {
  init(): { send(courriel: { to: string; subject: string; text?: string; html?: string }): Promise<void> };
};

describe('fournisseur de courriel « journal » (développement sans SMTP)', () => {
  it('écrit le courriel dans le journal au lieu de l’envoyer', async () => {
    const lignes: string[] = [];
    (globalThis as unknown as { strapi: unknown }).strapi = { log: { info: (ligne: string) => lignes.push(ligne) } };
    await fournisseur.init().send({ to: 'referent@ville.fr', subject: 'Projet à relire', text: 'Bonjour' });
    expect(lignes).toHaveLength(1);
    expect(lignes[0]).toContain('à : referent@ville.fr — objet : Projet à relire');
    expect(lignes[0]).toContain('Bonjour');
  });
});
