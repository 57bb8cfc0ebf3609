/**
 * French messages for the errors Strapi and users-permissions answer in English on the REST API
 * (login, registration, password, permissions, query parameters). Pure: `middlewares/messages-francais.ts`
 * swaps the message of the thrown error, its status and details stay.
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
};

const MOTIFS: Array<[RegExp, (...groupes: string[]) => string]> = [
  [/^Invalid key (.+)$/, (cle) => `Paramètre refusé : « ${cle} » n’existe pas ou ne vous est pas accessible.`],
  [/^Invalid parameters: (.+)$/, (cles) => `Champs non acceptés : ${cles}.`],
  [/^Too many requests, please try again later\.?$/, () => 'Trop de requêtes : réessayez plus tard.'],
];

/** The French message for an English one, or undefined when it is not known (already French, or unknown). */
export function messageFrancais(message: string): string | undefined {
  if (message in EXACTS) return EXACTS[message];
  for (const [motif, traduire] of MOTIFS) {
    const trouve = motif.exec(message);
    if (trouve) return traduire(...trouve.slice(1));
  }
  return undefined;
}
