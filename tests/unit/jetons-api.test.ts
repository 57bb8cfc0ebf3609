import { jetonLecturePermet } from '../../src/domaine/jetons-api';

describe('jeton d’API en lecture seule', () => {
  const membre = new Set(['api::projet.projet.find', 'api::projet.projet.findOne', 'plugin::users-permissions.user.me', 'api::projet.projet.create']);

  it.each([
    ['api::projet.projet.find', true],
    [['api::projet.projet.find', 'api::projet.projet.findOne'], true],
    ['plugin::users-permissions.user.find', false],
    ['plugin::users-permissions.role.find', false],
    ['plugin::upload.content-api.find', false],
    // A member's own account, or a write granted to the role, is not a read: never for a token.
    ['plugin::users-permissions.user.me', false],
    ['api::projet.projet.create', false],
    [['api::projet.projet.find', 'plugin::users-permissions.user.find'], false],
    [undefined, false],
    [[], false],
  ])('%j → %s', (scope, attendu) => {
    expect(jetonLecturePermet(scope, membre)).toBe(attendu);
  });
});
