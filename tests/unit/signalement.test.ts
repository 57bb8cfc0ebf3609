import { CHAMP_PIEGE, courrielReponse, courrielSignalement, doitRepondre, lireSignalement } from '../../src/domaine/signalement';
import { categorieDeRequete } from '../../src/domaine/limite-debit';

const PROJET = 'abcdefghijklmnopqrstuvwx';
const MESSAGE = 'La date de démarrage est fausse.';

describe('lireSignalement', () => {
  it('lit un signalement valide, adresse nettoyée', () => {
    expect(lireSignalement({ data: { projet: ` ${PROJET} `, message: `  ${MESSAGE} `, email: ' Agent@Ville.FR ' } })).toEqual({
      type: 'valide',
      signalement: { projet: PROJET, message: MESSAGE, email: 'agent@ville.fr' },
    });
    expect(lireSignalement({ data: { projet: PROJET, message: MESSAGE, email: '' } })).toEqual({ type: 'valide', signalement: { projet: PROJET, message: MESSAGE, email: null } });
  });

  it('reconnaît le robot au champ piège rempli, avant toute autre vérification', () => {
    expect(lireSignalement({ data: { [CHAMP_PIEGE]: 'https://spam.example' } })).toEqual({ type: 'piege' });
    expect(lireSignalement({ data: { projet: PROJET, message: MESSAGE, [CHAMP_PIEGE]: '   ' } }).type).toBe('valide');
  });

  it.each([
    [null, 'data'],
    [{ data: [] }, 'data'],
    [{ data: { message: MESSAGE } }, 'projet'],
    [{ data: { projet: PROJET } }, 'message'],
    [{ data: { projet: PROJET, message: '  court   ' } }, 'message'],
    [{ data: { projet: PROJET, message: 'x'.repeat(2001) } }, 'message'],
    [{ data: { projet: PROJET, message: MESSAGE, email: 'agent@ville' } }, 'email'],
    [{ data: { projet: PROJET, message: MESSAGE, email: 42 } }, 'email'],
  ])('refuse %j en nommant le champ « %s »', (corps, champ) => {
    const lecture = lireSignalement(corps);
    expect(lecture).toMatchObject({ type: 'invalide', champ });
    if (lecture.type === 'invalide' && champ !== 'data') expect(lecture.message).toContain(`« ${champ} »`);
  });

  it('compte les caractères sans les espaces des bords : 10 et 2000 admis', () => {
    expect(lireSignalement({ data: { projet: PROJET, message: ' 0123456789 ' } }).type).toBe('valide');
    expect(lireSignalement({ data: { projet: PROJET, message: 'x'.repeat(2000) } }).type).toBe('valide');
    expect(lireSignalement({ data: { projet: PROJET, message: '012345678' } })).toMatchObject({ message: 'Le champ « message » doit compter entre 10 et 2000 caractères (reçu : 9).' });
  });
});

describe('courriels', () => {
  it('le signalement nomme le projet, cite le message et donne le lien', () => {
    const { sujet, texte } = courrielSignalement({ titreProjet: 'Tri des courriers', message: MESSAGE, avecEmail: false, lien: 'https://cms/admin/x' });
    expect(sujet).toBe('[Bibliothèque d’IA] Erreur signalée sur « Tri des courriers »');
    expect(texte).toContain(`« Tri des courriers » :\n\n${MESSAGE}\n`);
    expect(texte).toContain('Il n’a pas laissé d’adresse.');
    expect(texte).toContain('Traiter le signalement : https://cms/admin/x');
  });

  it('la réponse rappelle le message et donne la réponse', () => {
    const { texte } = courrielReponse({ titreProjet: 'Tri', message: MESSAGE, reponse: 'Corrigé.' });
    expect(texte).toContain(`${MESSAGE}\n\nNotre réponse :\n\nCorrigé.`);
  });

  it('répond une seule fois, à une adresse, avec une réponse non vide', () => {
    expect(doitRepondre({ email: 'a@b.fr', reponse: 'Corrigé.', reponduLe: null })).toBe(true);
    expect(doitRepondre({ email: 'a@b.fr', reponse: 'Corrigé.', reponduLe: '2026-01-01T00:00:00Z' })).toBe(false);
    expect(doitRepondre({ email: null, reponse: 'Corrigé.' })).toBe(false);
    expect(doitRepondre({ email: 'a@b.fr', reponse: '   ' })).toBe(false);
  });
});

describe('limite des signalements', () => {
  it('compte POST /api/signalements à part, pas la lecture', () => {
    expect(categorieDeRequete('POST', '/api/signalements/')).toBe('signalement');
    expect(categorieDeRequete('GET', '/api/signalements')).toBe('api');
  });
});
