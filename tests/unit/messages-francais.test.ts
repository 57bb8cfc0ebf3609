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

describe('messages anglais de yup, koa et graphql-js', () => {
  it.each([
    ['identifier must be a `string` type, but the final value was: `1`.', 'Le champ « identifier » doit être un texte.'],
    ['this must be a `object` type, but the final value was: `"hello"`.', 'Le corps de la requête doit être un objet.'],
    ['2 errors occurred', '2 erreurs de validation.'],
    ['passwordConfirmation is a required field', 'Le champ « passwordConfirmation » est obligatoire.'],
    ['email must be a valid email', 'Le champ « email » doit être une adresse électronique valide.'],
    ['password must be at least 6 characters', 'Le champ « password » doit compter au moins 6 caractères.'],
    ['Invalid format, expected yyyy-MM-dd', 'Format invalide : date attendue au format AAAA-MM-JJ.'],
    ['Policy Failed', 'Accès refusé : une règle d’accès interdit cette action.'],
    ['request entity too large', 'Corps de la requête trop volumineux.'],
    ['Forbidden access', 'Accès refusé : vous n’avez pas le droit de faire cette action.'],
    ['This attribute must be unique', 'Cette valeur est déjà utilisée : elle doit être unique.'],
    ["Expected property name or '}' in JSON at position 1", 'Corps de la requête illisible : JSON invalide.'],
    ['Cannot query field "inexistant" on type "Projet".', 'Le champ « inexistant » n’existe pas sur le type « Projet ».'],
    ['Syntax Error: Expected Name, found <EOF>.', 'Requête GraphQL illisible : erreur de syntaxe (voir « locations »).'],
    ['Variable "$t" got invalid value "abc"; Int cannot represent non-integer value: "abc"', 'La variable « $t » a une valeur invalide pour son type.'],
  ])('%s', (anglais, francais) => {
    expect(messageFrancais(anglais)).toBe(francais);
  });

  it('nomme le champ d’une valeur déjà utilisée quand le chemin est connu', () => {
    expect(messageFrancais('This attribute must be unique', ['siren'])).toBe('Le champ « siren » doit être unique : cette valeur est déjà utilisée.');
  });
});

describe('messages anglais de zod (routes du gestionnaire de contenu)', () => {
  it('nomme le champ quand le chemin est connu', () => {
    expect(messageFrancais('Invalid input: expected array, received string', ['documentIds'])).toBe('Le champ « documentIds » doit être une liste (reçu : un texte).');
    expect(messageFrancais('Invalid input: expected array, received string')).toBe('Valeur invalide (attendu : une liste ; reçu : un texte).');
  });
});
