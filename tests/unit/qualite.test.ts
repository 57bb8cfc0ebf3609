import { completudeParSection } from '../../src/qualite/completude';
import { construireFiche } from '../../src/transparence/fiche';
import { COLONNES_REQUISES_PUBLICATION } from '../../src/domaine/regles-metier';
import { indicesLangageClair, nombreDeMots, phrases, phrasesLongues, siglesNonDefinis } from '../../src/domaine/qualite/langage-clair';
import { classerAdresse, estAdressePrivee, liensDuProjet, verdictStatut } from '../../src/domaine/qualite/liens';
import { CHAMPS_QUALITE } from '../../src/domaine/qualite/champs';
import { ATTRIBUTS_INTERNES } from '../../src/domaine/visibilite';
import { ECRAN_PROJET } from '../../src/admin-config/libelles/projet';
import { projetComplet } from '../helpers/projet-public';

const REQUIS = ['nom', 'description', 'statut'];

describe('complétude par section', () => {
  it('projet complet : 100 %, publiable, sections du formulaire public seulement', () => {
    const c = completudeParSection(projetComplet(), REQUIS);
    expect(c).toMatchObject({ score: 100, publiable: true });
    expect(c.sections.map((s) => s.titre)).toEqual(['Informations générales', 'Évaluation', 'Cadre juridique et recours']);
    expect(c.sections.every((s) => s.pourcentage === 100)).toBe(true);
  });

  it('mêmes éléments que la fiche de transparence, plus ce que le schéma national lit de la collectivité', () => {
    const p = projetComplet();
    const c = completudeParSection(p, REQUIS);
    const fiche = construireFiche(p);
    const attendusFiche = [...fiche.essentiel.sections, ...fiche.detail.sections].flatMap((s) => s.elements).filter((e) => e.attendu).map((e) => e.cle);
    const cles = c.sections.flatMap((s) => s.items.map((i) => i.cle));
    expect(cles.filter((cle) => !attendusFiche.includes(cle)).sort()).toEqual(['collectivite.siren', 'collectivite.type']);
    expect(attendusFiche.filter((cle) => !cles.includes(cle))).toEqual([]);
    // Every column the national schema requires is an item marked so.
    for (const cible of Object.values(COLONNES_REQUISES_PUBLICATION).filter((v): v is string => v !== null)) {
      const item = c.sections.flatMap((s) => s.items).find((i) => i.cle === cible || i.cle === cible.split('.')[0]);
      expect([cible, item?.exigences.includes('schema_national')]).toEqual([cible, true]);
    }
  });

  it('les manquants sont rangés dans la section du formulaire qui les tient, avec leur raison', () => {
    const c = completudeParSection(
      projetComplet({ dateDemarrage: null, evaluation: null, voiesDeRecours: '', publics: [{ slug: 'autre', nom: 'Autre' }] }),
      REQUIS,
    );
    const section = (titre: string) => c.sections.find((s) => s.titre === titre)!;
    const manquants = (titre: string) => section(titre).items.filter((i) => !i.renseigne).map((i) => [i.cle, i.exigences]);
    expect(manquants('Informations générales')).toEqual([
      ['dateDemarrage', ['fiche', 'schema_national', 'publication']],
      ['publics', ['fiche', 'schema_national', 'publication']],
    ]);
    expect(section('Évaluation')).toMatchObject({ renseignes: 0, attendus: 11, pourcentage: 0 });
    expect(manquants('Cadre juridique et recours')).toEqual([['voiesDeRecours', ['fiche']]]);
    expect(c.publiable).toBe(false);
    expect(c.score).toBe(Math.floor((c.renseignes * 100) / c.attendus));
    expect(c.score).toBeLessThan(100);
  });

  it('collectivité sans SIREN : l’élément du schéma national manque, le projet n’est pas publiable', () => {
    const p = projetComplet();
    const c = completudeParSection({ ...p, collectivite: { ...p.collectivite!, siren: null } }, REQUIS);
    const item = c.sections[0].items.find((i) => i.cle === 'collectivite.siren');
    expect(item).toMatchObject({ renseigne: false, champ: 'collectivite', libelle: 'SIREN de la collectivité porteuse' });
    expect(c.publiable).toBe(false);
  });

  it('motif d’abandon : exigé pour publier seulement quand le projet est abandonné', () => {
    const c = completudeParSection(projetComplet({ statut: 'abandonne' }), REQUIS);
    expect(c.sections[0].items.find((i) => i.cle === 'motifAbandon')).toMatchObject({ renseigne: false, exigences: ['fiche', 'publication'] });
    expect(completudeParSection(projetComplet(), REQUIS).sections[0].items.some((i) => i.cle === 'motifAbandon')).toBe(false);
  });
});

describe('langage clair', () => {
  it('compte les mots français : apostrophes droites et typographiques, traits d’union, accents', () => {
    expect(nombreDeMots('L’agent d\'accueil vérifie la réponse — c’est-à-dire le résultat.')).toBe(8);
    expect(phrases('Une phrase. Une autre ! Et une question ?\n- un élément de liste')).toEqual(['Une phrase.', 'Une autre !', 'Et une question ?', '- un élément de liste']);
  });

  it('signale les phrases de plus de 35 mots, pas les autres', () => {
    const longue = `${Array.from({ length: 36 }, (_, i) => `mot${i}`).join(' ')}.`;
    const juste = `${Array.from({ length: 35 }, (_, i) => `mot${i}`).join(' ')}.`;
    expect(phrasesLongues(`${juste} ${longue}`)).toEqual([expect.objectContaining({ type: 'phrase_longue', message: 'Phrase de 36 mots (plus de 35) : coupez-la en deux.' })]);
    expect(phrasesLongues(juste)).toEqual([]);
  });

  it('sigle défini par son développement entre parenthèses, avant ou après : pas signalé', () => {
    expect(siglesNonDefinis('Le règlement général sur la protection des données (RGPD) s’applique. Le RGPD impose…')).toEqual([]);
    expect(siglesNonDefinis('La CNIL (Commission nationale de l’informatique et des libertés) a été consultée.')).toEqual([]);
  });

  it('sigle jamais développé : signalé une fois ; IA et sigles connus ignorés ; mots en capitales d’un titre ignorés', () => {
    const indices = siglesNonDefinis('Le DPO et la DSI ont validé. Le DPO relit chaque mois. L’IA aide les agents.\nCOMPTE RENDU DE LA RÉUNION DU CONSEIL');
    expect(indices.map((i) => i.extrait)).toEqual(['DPO', 'DSI']);
    expect(indices[0].message).toBe('Sigle « DPO » jamais développé : écrivez-le en toutes lettres une fois, suivi du sigle entre parenthèses.');
    expect(siglesNonDefinis('Les EPCI et les DSIs de l’ÉTAT')).toEqual(['EPCI', 'DSI', 'ÉTAT'].map((extrait) => expect.objectContaining({ extrait })));
  });

  it('ni sigle ni phrase dans un lien Markdown ; texte vide : aucune remarque', () => {
    expect(indicesLangageClair('Voir [la page](https://ville.example/ABC/DEF).')).toEqual([]);
    expect(indicesLangageClair(null)).toEqual([]);
    expect(indicesLangageClair('   ')).toEqual([]);
  });
});

describe('vérification des liens : règles', () => {
  it('statuts : 2xx et 3xx valides, ≥ 400 cassé, 405/501/403 sur HEAD → GET, 429 → plus tard', () => {
    expect(verdictStatut(200, 'HEAD')).toBe('valide');
    expect(verdictStatut(204, 'GET')).toBe('valide');
    expect(verdictStatut(404, 'HEAD')).toBe('casse');
    expect(verdictStatut(500, 'GET')).toBe('casse');
    expect(verdictStatut(405, 'HEAD')).toBe('essayer_get');
    expect(verdictStatut(405, 'GET')).toBe('casse');
    expect(verdictStatut(403, 'HEAD')).toBe('essayer_get');
    expect(verdictStatut(403, 'GET')).toBe('casse');
    expect(verdictStatut(429, 'HEAD')).toBe('plus_tard');
    expect(verdictStatut(429, 'GET')).toBe('plus_tard');
  });

  it('adresses privées, locales et réservées (IPv4, IPv6, IPv4 dans IPv6)', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fc00::1', 'fd12::3', 'fe80::1', '::ffff:127.0.0.1', '224.0.0.1']) {
      expect([a, estAdressePrivee(a)]).toEqual([a, true]);
    }
    for (const a of ['8.8.8.8', '172.32.0.1', '193.51.1.1', '2001:4860:4860::8888', '::ffff:8.8.8.8']) expect([a, estAdressePrivee(a)]).toEqual([a, false]);
  });

  it('seules les adresses http(s) sans identifiants sont vérifiées', () => {
    expect(classerAdresse('https://ville.example/page')).toMatchObject({ verifiable: true });
    expect(classerAdresse('ftp://ville.example/f')).toEqual({ verifiable: false, raison: 'protocole ftp: non vérifié' });
    expect(classerAdresse('https://moi:secret@ville.example/')).toEqual({ verifiable: false, raison: 'adresse avec identifiants' });
    expect(classerAdresse('pas une adresse')).toEqual({ verifiable: false, raison: 'adresse invalide' });
  });

  it('les adresses d’un projet : ses deux liens et ses analyses d’impact', () => {
    expect(
      liensDuProjet({ lienInformation: ' https://a.example ', lienDeliberation: null, evaluation: { evaluationsImpact: [{ titre: 'AIPD', url: 'https://b.example' }, { titre: 'Sans', url: '' }] } }),
    ).toEqual([
      { champ: 'lienInformation', libelle: 'Lien d’information', url: 'https://a.example' },
      { champ: 'evaluation.evaluationsImpact', libelle: 'Analyse d’impact « AIPD »', url: 'https://b.example' },
    ]);
  });
});

describe('indicateurs stockés', () => {
  it('Internes, hors du formulaire, avec un libellé français', () => {
    for (const champ of CHAMPS_QUALITE) {
      expect(ATTRIBUTS_INTERNES['api::projet.projet']).toContain(champ);
      expect(ECRAN_PROJET.calcules).toContain(champ);
      expect(ECRAN_PROJET.libelles[champ]?.label).toBeTruthy();
    }
  });
});
