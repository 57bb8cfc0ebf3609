import {
  correspond,
  courrielAlerte,
  courrielConfirmation,
  courrielResume,
  entetesDesabonnement,
  hacherJeton,
  jetonDesabonnement,
  lireAbonnement,
  lireJetonDesabonnement,
  nouveauJeton,
  pageHtml,
  type ProjetAlerte,
} from '../../src/domaine/abonnement';
import { categorieDeRequete } from '../../src/domaine/limite-debit';
import { adresseJournal } from '../../src/middlewares/journal-http';

const REF = { thematiques: new Set(['mobilite', 'transports-en-commun', 'sante']), typesCollectivite: ['commune', 'epci', 'region'] };
const lire = (data: Record<string, unknown>) => lireAbonnement({ data }, REF);
const PROJET: ProjetAlerte = {
  documentId: 'abcdefghijklmnopqrstuvwx',
  nom: 'Feux intelligents',
  slug: 'feux-intelligents',
  thematiques: ['mobilite', 'transports-en-commun'],
  collectivite: { nom: 'Bordeaux Métropole', type: 'epci', codeRegion: '75' },
};

describe('lireAbonnement', () => {
  it('lit une demande valide : adresse en minuscules, slugs sans doublon, immédiate par défaut', () => {
    expect(lire({ email: ' Agent@Ville.FR ', thematiques: ['Mobilite', 'mobilite', 'sante'] })).toEqual({
      type: 'valide',
      demande: { email: 'agent@ville.fr', thematiques: ['mobilite', 'sante'], region: null, typeCollectivite: null, frequence: 'immediate' },
    });
    expect(lire({ email: 'a@b.fr', thematiques: ['sante'], region: '75', typeCollectivite: 'epci', frequence: 'hebdomadaire' })).toMatchObject({
      demande: { region: '75', typeCollectivite: 'epci', frequence: 'hebdomadaire' },
    });
  });

  it('répond au robot (champ piège) sans rien lire d’autre', () => {
    expect(lire({ siteWeb: 'https://spam.example' })).toEqual({ type: 'piege' });
  });

  it.each([
    [{ thematiques: ['sante'] }, 'email', 'Le champ « email » est obligatoire'],
    [{ email: 'pas-une-adresse', thematiques: ['sante'] }, 'email', 'adresse électronique valide'],
    [{ email: 'a@b.fr' }, 'thematiques', 'Le champ « thematiques » est obligatoire'],
    [{ email: 'a@b.fr', thematiques: [] }, 'thematiques', 'au moins une'],
    [{ email: 'a@b.fr', thematiques: ['sante', 'astrologie'] }, 'thematiques', 'Thématique inconnue : « astrologie »'],
    [{ email: 'a@b.fr', thematiques: [3] }, 'thematiques', 'liste de slugs'],
    [{ email: 'a@b.fr', thematiques: ['sante'], region: '99' }, 'region', 'code INSEE d’une région'],
    [{ email: 'a@b.fr', thematiques: ['sante'], typeCollectivite: 'village' }, 'typeCollectivite', 'commune, epci, region'],
    [{ email: 'a@b.fr', thematiques: ['sante'], frequence: 'quotidienne' }, 'frequence', '« immediate » ou « hebdomadaire »'],
  ])('refuse en français %j', (data, champ, message) => {
    const lecture = lire(data);
    expect(lecture).toMatchObject({ type: 'invalide', champ });
    expect((lecture as { message: string }).message).toContain(message);
  });

  it('refuse un corps sans data', () => {
    expect(lireAbonnement([], REF)).toMatchObject({ type: 'invalide', champ: 'data' });
  });
});

describe('jetons', () => {
  it('confirmation : jeton aléatoire, seule son empreinte SHA-256 est gardée', () => {
    const jeton = nouveauJeton();
    expect(jeton).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(nouveauJeton()).not.toBe(jeton);
    expect(hacherJeton(jeton)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('désabonnement : signé par la première clé, accepté par toutes, refusé altéré', () => {
    const jeton = jetonDesabonnement('abc123', ['cle-neuve', 'cle-ancienne']);
    expect(lireJetonDesabonnement(jeton, ['cle-neuve'])).toBe('abc123');
    expect(lireJetonDesabonnement(jetonDesabonnement('abc123', ['cle-ancienne']), ['cle-neuve', 'cle-ancienne'])).toBe('abc123');
    expect(lireJetonDesabonnement(jeton, ['autre'])).toBeNull();
    expect(lireJetonDesabonnement(jeton.replace('abc123', 'abc124'), ['cle-neuve'])).toBeNull();
    for (const mauvais of [undefined, '', 'abc123', 'abc123.', 'abc123.x.y', 'ABC.x']) expect(lireJetonDesabonnement(mauvais, ['cle-neuve'])).toBeNull();
  });
});

describe('correspond', () => {
  const criteres = { thematiques: ['transports-en-commun'], region: null, typeCollectivite: null };
  it('une thématique en commun suffit', () => {
    expect(correspond(criteres, PROJET)).toBe(true);
    expect(correspond({ ...criteres, thematiques: ['sante'] }, PROJET)).toBe(false);
  });
  it('la région et le type de la collectivité porteuse, s’ils sont donnés', () => {
    expect(correspond({ ...criteres, region: '75', typeCollectivite: 'epci' }, PROJET)).toBe(true);
    expect(correspond({ ...criteres, region: '11' }, PROJET)).toBe(false);
    expect(correspond({ ...criteres, typeCollectivite: 'commune' }, PROJET)).toBe(false);
    expect(correspond({ ...criteres, region: '75' }, { ...PROJET, collectivite: null })).toBe(false);
  });
});

describe('courriels', () => {
  const base = 'https://biblio.example';
  const lien = `${base}/api/abonnements/desabonner?jeton=abc.def`;

  it('en-têtes de désabonnement en un clic (RFC 2369, RFC 8058)', () => {
    expect(entetesDesabonnement(lien)).toEqual({ 'List-Unsubscribe': `<${lien}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
  });

  it('confirmation : les critères en mots, le lien, rien sans confirmation', () => {
    const c = courrielConfirmation({ thematiques: ['sante'], region: '75', typeCollectivite: null, frequence: 'hebdomadaire' }, `${base}/api/abonnements/confirmer?jeton=x`, { sante: 'Santé' });
    expect(c.sujet).toBe('[Bibliothèque d’IA] Confirmez votre abonnement aux alertes');
    expect(c.texte).toContain('Thématiques : Santé');
    expect(c.texte).toContain('Région : Nouvelle-Aquitaine');
    expect(c.texte).toContain('un résumé par semaine');
    expect(c.texte).toContain(`${base}/api/abonnements/confirmer?jeton=x`);
    expect(c.entetes).toBeUndefined();
  });

  it('alerte immédiate : projet, collectivité, fiche de transparence, désabonnement et en-têtes', () => {
    const c = courrielAlerte(PROJET, base, lien);
    expect(c.sujet).toBe('[Bibliothèque d’IA] Nouveau projet : « Feux intelligents »');
    expect(c.texte).toContain('« Feux intelligents » — Bordeaux Métropole');
    expect(c.texte).toContain(`${base}/transparence/feux-intelligents`);
    expect(c.texte).toContain(`l’adresse est alors effacée) : ${lien}`);
    expect(c.entetes).toEqual(entetesDesabonnement(lien));
  });

  it('résumé hebdomadaire : chaque projet, au singulier ou au pluriel', () => {
    const autre = { ...PROJET, documentId: 'zyx', nom: 'Chatbot', slug: null, collectivite: null };
    const deux = courrielResume([PROJET, autre], base, lien);
    expect(deux.sujet).toBe('[Bibliothèque d’IA] 2 nouveaux projets cette semaine');
    expect(deux.texte).toContain(`${base}/transparence/feux-intelligents`);
    expect(deux.texte).toContain(`« Chatbot »\n  ${base}/transparence/zyx`);
    expect(deux.entetes).toEqual(entetesDesabonnement(lien));
    expect(courrielResume([PROJET], base, lien).sujet).toBe('[Bibliothèque d’IA] 1 nouveau projet cette semaine');
  });
});

describe('pages et limites', () => {
  it('page française échappée, le bouton poste à la même adresse', () => {
    const page = pageHtml('Se désabonner', 'Texte <b>', { libelle: 'Me désabonner', action: '/api/abonnements/desabonner?jeton=a&b' });
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('Texte &lt;b&gt;');
    expect(page).toContain('<form method="post" action="/api/abonnements/desabonner?jeton=a&amp;b">');
  });

  it('les jetons des liens n’entrent pas dans le journal', () => {
    expect(adresseJournal('/api/abonnements/desabonner?jeton=abc.def&x=1')).toBe('/api/abonnements/desabonner?jeton=…&x=1');
    expect(adresseJournal('/api/projets?sort=nom')).toBe('/api/projets?sort=nom');
  });

  it('les demandes d’abonnement ont leur propre fenêtre', () => {
    expect(categorieDeRequete('POST', '/api/abonnements')).toBe('abonnement');
    expect(categorieDeRequete('POST', '/api/abonnements/desabonner')).toBe('api');
    expect(categorieDeRequete('GET', '/api/abonnements')).toBe('api');
  });
});
