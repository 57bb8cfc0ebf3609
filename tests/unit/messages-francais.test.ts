import { messageFrancais } from '../../src/domaine/messages-francais';

describe('messages d’erreur en français', () => {
  it.each([
    ['Invalid identifier or password', 'Identifiant ou mot de passe incorrect.'],
    ['Your account email is not confirmed', 'Votre adresse électronique n’est pas encore confirmée : suivez le lien du courriel reçu.'],
    ['Forbidden', 'Accès refusé : vous n’avez pas le droit de faire cette action.'],
    ['Invalid key budget', 'Paramètre refusé : « budget » n’existe pas ou ne vous est pas accessible.'],
    ['Invalid parameters: approuve, role', 'Champs non acceptés : approuve, role.'],
  ])('%s', (anglais, francais) => {
    expect(messageFrancais(anglais)).toBe(francais);
  });

  it('laisse les messages inconnus ou déjà en français', () => {
    expect(messageFrancais('Le champ « Organisation » (organisation) est obligatoire.')).toBeUndefined();
    expect(messageFrancais('Invalid keyboard')).toBeUndefined();
  });
});
