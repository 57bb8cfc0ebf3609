/**
 * French messages for the errors Strapi, its plugins, yup (their validation library), koa and
 * graphql-js answer in English (login, registration, password, permissions, query parameters, bodies,
 * GraphQL documents). Pure: `middlewares/messages-francais.ts` swaps the messages of the error, of its
 * `details.errors[]` and of GraphQL's `errors[]`; statuses, codes and paths stay.
 */
const EXACTS: Record<string, string> = {
  'Invalid identifier or password': 'Identifiant ou mot de passe incorrect.',
  'Invalid credentials': 'Identifiants invalides.',
  'Your account email is not confirmed': 'Votre adresse électronique n’est pas encore confirmée : suivez le lien du courriel reçu.',
  'Your account has been blocked by an administrator': 'Votre compte a été bloqué par un modérateur.',
  'Email or Username are already taken': 'Cette adresse électronique ou ce nom d’utilisateur est déjà utilisé.',
  'Error sending confirmation email': 'Le courriel de confirmation n’a pas pu être envoyé ; réessayez plus tard.',
  'Register action is currently disabled': 'Les inscriptions sont fermées pour le moment.',
  'Incorrect code provided': 'Le code de réinitialisation est incorrect ou a expiré.',
  'Passwords do not match': 'Les deux mots de passe ne correspondent pas.',
  'The provided current password is invalid': 'Le mot de passe actuel est incorrect.',
  'Your new password must be different than your current password': 'Le nouveau mot de passe doit différer de l’actuel.',
  'You must be authenticated to reset your password': 'Connectez-vous pour changer votre mot de passe.',
  'Already confirmed': 'Cette adresse est déjà confirmée.',
  'User blocked': 'Ce compte est bloqué.',
  'Invalid token': 'Lien de confirmation invalide ou expiré.',
  'This provider is disabled': 'Ce fournisseur d’identité est désactivé.',
  'Invalid callback URL provided': 'Adresse de retour non autorisée.',
  Forbidden: 'Accès refusé : vous n’avez pas le droit de faire cette action.',
  'Missing or invalid credentials': 'Identifiants absents ou invalides.',
  Unauthorized: 'Authentification requise.',
  'Not Found': 'Document introuvable.',
  'Policy Failed': 'Accès refusé : une règle d’accès interdit cette action.',
  'Forbidden access': 'Accès refusé : vous n’avez pas le droit de faire cette action.',
  'Authentication requested': 'Connexion requise : cette requête répond pour un membre connecté.',
  'request entity too large': 'Corps de la requête trop volumineux.',
  'Payload Too Large': 'Corps de la requête trop volumineux.',
  FileTooBig: 'Fichier trop volumineux.',
  'This attribute must be unique': 'Cette valeur est déjà utilisée : elle doit être unique.',
  'Invalid format, expected yyyy-MM-dd': 'Format invalide : date attendue au format AAAA-MM-JJ.',
  'Malicious Path': 'Chemin de fichier refusé.',
  'Missing "data" payload in the request body': 'Le corps de la requête doit contenir un objet « data ».',
  'Internal Server Error': 'Erreur interne du serveur.',
  'Internal server error': 'Erreur interne du serveur.',
  'Bad Request': 'Requête invalide.',
  'Method Not Allowed': 'Méthode non autorisée sur cette adresse.',
  'Too Many Requests': 'Trop de requêtes : réessayez plus tard.',
  'Unsupported Media Type': 'Type de contenu refusé : envoyez du JSON.',
  'GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.': 'Requête GraphQL absente : le champ « query » est obligatoire.',
  'POST body missing, invalid Content-Type, or JSON object has no keys.': 'Corps de la requête GraphQL absent ou illisible : JSON attendu.',
  'GraphQL queries must be strings.': 'Le champ « query » doit être un texte (le document GraphQL).',
  'invalid JSON, only supports object and array': 'Le corps de la requête doit être un objet JSON ({ … }).',
  'Invalid input': 'Valeur invalide.',
  'Must provide operation name if query contains multiple operations.': 'Plusieurs opérations dans le document : nommez celle à exécuter (operationName).',
};

/** yup's type names (`must be a \`number\` type`). */
const TYPES_YUP: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  boolean: 'true ou false',
  object: 'un objet',
  array: 'une liste',
  date: 'une date',
  mixed: 'une valeur',
};

/** zod's type names (`Invalid input: expected array, received string`). */
const TYPES_ZOD: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  int: 'un nombre entier',
  boolean: 'true ou false',
  object: 'un objet',
  array: 'une liste',
  date: 'une date',
  undefined: 'absent',
  null: 'null',
};
const typeZod = (type: string) => TYPES_ZOD[type] ?? type;

/** yup names the root value `this`: for a caller, it is the body of the request. */
const champ = (chemin: string) => (chemin === 'this' || chemin === '' ? 'Le corps de la requête' : `Le champ « ${chemin} »`);

const MOTIFS: Array<[RegExp, (...groupes: string[]) => string]> = [
  [/^Invalid key (.+)$/, (cle) => `Paramètre refusé : « ${cle} » n’existe pas ou ne vous est pas accessible.`],
  [/^Invalid parameters: (.+)$/, (cles) => `Champs non acceptés : ${cles}.`],
  [/^Too many requests, please try again later\.?$/, () => 'Trop de requêtes : réessayez plus tard.'],
  [/^This operation has been blocked as a potential Cross-Site Request Forgery[\s\S]*$/, () => 'Requête GraphQL refusée (protection contre la falsification de requête) : envoyez-la en POST avec Content-Type: application/json, ou ajoutez l’en-tête apollo-require-preflight.'],
  [/^(\d+) errors occurred$/, (n) => `${n} erreurs de validation.`],
  // yup, the validation library of Strapi and its plugins (its default messages start with the path)
  [/^(\S*) must be a `(\w+)` type, but the final value was: [\s\S]*$/, (c, type) => `${champ(c)} doit être ${TYPES_YUP[type] ?? `de type ${type}`}.`],
  [/^(\S*) is a required field$/, (c) => `${champ(c)} est obligatoire.`],
  [/^(\S*) must be defined$/, (c) => `${champ(c)} est obligatoire.`],
  [/^(\S*) cannot be null$/, (c) => `${champ(c)} ne peut pas être vide (null).`],
  [/^(\S*) must be a valid email$/, (c) => `${champ(c)} doit être une adresse électronique valide.`],
  [/^(\S*) must be a valid URL$/, (c) => `${champ(c)} doit être une adresse web valide.`],
  [/^(\S*) must be a valid UUID$/, (c) => `${champ(c)} doit être un identifiant UUID valide.`],
  [/^(\S*) must be at least (\d+) characters$/, (c, n) => `${champ(c)} doit compter au moins ${n} caractères.`],
  [/^(\S*) must be at most (\d+) characters$/, (c, n) => `${champ(c)} ne doit pas dépasser ${n} caractères.`],
  [/^(\S*) must be exactly (\d+) characters$/, (c, n) => `${champ(c)} doit compter exactement ${n} caractères.`],
  [/^(\S*) must be greater than or equal to (.+)$/, (c, n) => `${champ(c)} doit être supérieur ou égal à ${n}.`],
  [/^(\S*) must be less than or equal to (.+)$/, (c, n) => `${champ(c)} doit être inférieur ou égal à ${n}.`],
  [/^(\S*) must be greater than (.+)$/, (c, n) => `${champ(c)} doit être supérieur à ${n}.`],
  [/^(\S*) must be less than (.+)$/, (c, n) => `${champ(c)} doit être inférieur à ${n}.`],
  [/^(\S*) must be a positive number$/, (c) => `${champ(c)} doit être un nombre positif.`],
  [/^(\S*) must be a negative number$/, (c) => `${champ(c)} doit être un nombre négatif.`],
  [/^(\S*) must be an integer$/, (c) => `${champ(c)} doit être un nombre entier.`],
  [/^(\S*) must be one of the following values: (.+)$/, (c, v) => `${champ(c)} doit valoir l’une des valeurs suivantes : ${v}.`],
  [/^(\S*) must not be one of the following values: (.+)$/, (c, v) => `${champ(c)} ne doit valoir aucune des valeurs suivantes : ${v}.`],
  [/^(\S*) must match the following: [\s\S]*$/, (c) => `${champ(c)} n’a pas le format attendu.`],
  [/^(\S*) field must have at least (\d+) items$/, (c, n) => `${champ(c)} doit compter au moins ${n} éléments.`],
  [/^(\S*) field must have less than or equal to (\d+) items$/, (c, n) => `${champ(c)} doit compter au plus ${n} éléments.`],
  [/^(\S*) field has unspecified keys: (.+)$/, (c, cles) => `${champ(c)} contient des champs non acceptés : ${cles}.`],
  [/^(\S*) must be a `(\w+)` type\b[\s\S]*$/, (c, type) => `${champ(c)} doit être ${TYPES_YUP[type] ?? `de type ${type}`}.`],
  [/^(\S*) is invalid$/, (c) => `${champ(c)} est invalide.`],
  // zod, the validation library of the content manager's routes (the path is in details.errors[].path)
  [/^Invalid input: expected (\w+), received (\w+)$/, (attendu, recu) => `Valeur invalide (attendu : ${typeZod(attendu)} ; reçu : ${typeZod(recu)}).`],
  [/^Invalid option: expected one of (.+)$/, (valeurs) => `Valeur invalide : l’une des valeurs suivantes est attendue : ${valeurs}.`],
  [/^Too small: expected (\w+) to have >=?(\d+) (items|characters)$/, (_t, n, quoi) => `Valeur trop courte : au moins ${n} ${quoi === 'items' ? 'éléments' : 'caractères'}.`],
  [/^Too big: expected (\w+) to have <=?(\d+) (items|characters)$/, (_t, n, quoi) => `Valeur trop longue : au plus ${n} ${quoi === 'items' ? 'éléments' : 'caractères'}.`],
  [/^Too (small|big): expected number to be ([<>]=?)(.+)$/, (_s, signe, n) => `Nombre hors bornes : ${signe.startsWith('>') ? 'au moins' : 'au plus'} ${n} attendu.`],
  [/^Invalid string: must match pattern [\s\S]*$/, () => 'Texte invalide : il n’a pas le format attendu.'],
  [/^Unrecognized keys?: (.+)$/, (cles) => `Champs non acceptés : ${cles}.`],
  // JSON.parse (invalid JSON body)
  [/(in JSON at position \d+|^Unexpected end of JSON input$|^Unexpected token .* JSON|is not valid JSON$|^Bad control character)/, () => 'Corps de la requête illisible : JSON invalide.'],
  // graphql-js (parsing, validation and coercion of a GraphQL document)
  [/^Syntax Error: [\s\S]*$/, () => 'Requête GraphQL illisible : erreur de syntaxe (voir « locations »).'],
  [/^Cannot query field "(.+?)" on type "(.+?)"\.[\s\S]*$/, (c, t) => `Le champ « ${c} » n’existe pas sur le type « ${t} ».`],
  [/^Unknown argument "(.+?)" on field "(.+?)"\.[\s\S]*$/, (a, c) => `L’argument « ${a} » n’existe pas sur le champ « ${c} ».`],
  [/^Unknown type "(.+?)"\.[\s\S]*$/, (t) => `Le type « ${t} » n’existe pas.`],
  [/^Unknown fragment "(.+?)"\.$/, (f) => `Le fragment « ${f} » n’est pas défini.`],
  [/^Unknown operation named "(.+?)"\.$/, (o) => `Aucune opération nommée « ${o} » dans le document.`],
  [/^Unknown directive "(.+?)"\.$/, (d) => `La directive « ${d} » n’existe pas.`],
  [/^Cannot spread fragment "(.+?)" within itself[\s\S]*$/, (f) => `Requête GraphQL refusée : le fragment « ${f} » se cite lui-même.`],
  [/^Fragment "(.+?)" is never used\.$/, (f) => `Le fragment « ${f} » n’est jamais utilisé.`],
  [/^Variable "\$(.+?)" is never used[\s\S]*$/, (v) => `La variable « $${v} » n’est jamais utilisée.`],
  [/^Variable "\$(.+?)" is not defined[\s\S]*$/, (v) => `La variable « $${v} » n’est pas déclarée.`],
  [/^Variable "\$(.+?)" of required type "(.+?)" was not provided\.$/, (v, t) => `La variable « $${v} » (${t}) est obligatoire.`],
  [/^Variable "\$(.+?)" of non-null type "(.+?)" must not be null\.$/, (v, t) => `La variable « $${v} » (${t}) ne peut pas être nulle.`],
  [/^Variable "\$(.+?)" got invalid value [\s\S]*$/, (v) => `La variable « $${v} » a une valeur invalide pour son type.`],
  [/^Variable "\$(.+?)" cannot be non-input type "(.+?)"\.$/, (v, t) => `La variable « $${v} » ne peut pas être du type « ${t} ».`],
  [/^There can be only one (.+?) named "(.+?)"\.$/, (_q, n) => `« ${n} » est défini plusieurs fois dans le document.`],
  [/^Field "(.+?)" of type "(.+?)" must have a selection of subfields[\s\S]*$/, (c) => `Le champ « ${c} » demande une sélection de sous-champs ({ … }).`],
  [/^Field "(.+?)" must not have a selection since type "(.+?)" has no subfields\.$/, (c) => `Le champ « ${c} » n’a pas de sous-champs : retirez la sélection.`],
  [/^Field "(.+?)" is not defined by type "(.+?)"\.[\s\S]*$/, (c, t) => `Le champ « ${c} » n’existe pas dans « ${t} ».`],
  [/^Field "(.+?)" of required type "(.+?)" was not provided\.$/, (c, t) => `Le champ « ${c} » (${t}) est obligatoire.`],
  [/^Field "(.+?)" argument "(.+?)" of type "(.+?)" is required, but it was not provided\.$/, (c, a) => `L’argument « ${a} » du champ « ${c} » est obligatoire.`],
  [/^Expected value of type "(.+?)", found [\s\S]*$/, (t) => `Valeur invalide : une valeur de type « ${t} » est attendue.`],
  [/^Expected type "(.+?)"[\s\S]*$/, (t) => `Valeur invalide : une valeur de type « ${t} » est attendue.`],
  [/^(\w+) cannot represent [\s\S]*$/, (t) => `Valeur invalide pour le type ${t}.`],
  [/^Cannot return null for non-nullable field (.+?)\.$/, (c) => `Le champ « ${c} » n’a pas pu être lu.`],
  [/^Enum "(.+?)" cannot represent [\s\S]*$/, (t) => `Valeur invalide pour l’énumération « ${t} ».`],
  [/^Value "(.+?)" does not exist in "(.+?)" enum\.[\s\S]*$/, (v, t) => `« ${v} » n’est pas une valeur de l’énumération « ${t} ».`],
];

/**
 * The French message for an English one, or undefined when it is not known (already French, or
 * unknown). `chemin`, the path of the field in a validation error, names it when the English did not.
 */
export function messageFrancais(message: string, chemin?: readonly unknown[]): string | undefined {
  if (chemin && chemin.length > 0) {
    if (message === 'This attribute must be unique') return `${champ(chemin.join('.'))} doit être unique : cette valeur est déjà utilisée.`;
    const zod = /^Invalid input: expected (\w+), received (\w+)$/.exec(message);
    if (zod) return `${champ(chemin.join('.'))} doit être ${typeZod(zod[1])} (reçu : ${typeZod(zod[2])}).`;
  }
  if (Object.prototype.hasOwnProperty.call(EXACTS, message)) return EXACTS[message];
  for (const [motif, traduire] of MOTIFS) {
    const trouve = motif.exec(message);
    if (trouve) return traduire(...trouve.slice(1));
  }
  return undefined;
}
