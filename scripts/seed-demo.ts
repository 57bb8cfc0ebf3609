/**
 * `npm run seed:demo`: demo accounts for trying the editorial workflow, one per role, attached to a
 * demo collectivité (Ville de Metz), and the 33 real projets of the current library, published.
 * Development only: refuses to run in production.
 */
import { readFile } from 'fs/promises';
import path from 'path';
import { createStrapi } from '@strapi/strapi';
import { ROLES_EDITORIAUX } from '../src/bootstrap/roles-editoriaux';
import { importerProjets } from '../src/import/importer';
import { executer } from './executer';

export const MOT_DE_PASSE_DEMO = 'Demo-Bibliotheque-2026';
const SIREN_METZ = '215704636';

const COMPTES = [
  { email: 'moderateur@demo.bibliotheque-ia.fr', firstname: 'Morgane', lastname: 'Modératrice', role: ROLES_EDITORIAUX.moderateur, membre: null },
  { email: 'referent@demo.bibliotheque-ia.fr', firstname: 'Rémi', lastname: 'Référent', role: ROLES_EDITORIAUX.referent, membre: 'referents' },
  { email: 'contributeur@demo.bibliotheque-ia.fr', firstname: 'Camille', lastname: 'Contributrice', role: ROLES_EDITORIAUX.contributeur, membre: 'contributeurs' },
] as const;

function ecrire(ligne: string) {
  process.stdout.write(`${ligne}\n`);
}

async function principal(): Promise<number> {
  if (process.env.NODE_ENV === 'production') {
    process.stderr.write('seed:demo refuse de s’exécuter en production (NODE_ENV=production) : ces comptes ont des mots de passe publics.\n');
    return 1;
  }
  process.env.LOG_LEVEL ??= 'warn';
  const appDir = path.resolve(__dirname, '../..');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  try {
    const metz = await strapi.db.query('api::collectivite.collectivite').findOne({ where: { siren: SIREN_METZ } });
    if (!metz) throw new Error('Ville de Metz absente du référentiel : démarrez le CMS une fois pour charger les collectivités.');
    for (const compte of COMPTES) {
      const role = await strapi.db.query('admin::role').findOne({ where: { name: compte.role } });
      if (!role) throw new Error(`Rôle « ${compte.role} » absent : démarrez le CMS une fois pour créer les rôles.`);
      let utilisateur = await strapi.db.query('admin::user').findOne({ where: { email: compte.email } });
      if (utilisateur) {
        ecrire(`= ${compte.email} existe déjà (${compte.role})`);
      } else {
        utilisateur = await strapi.service('admin::user').create({
          email: compte.email,
          firstname: compte.firstname,
          lastname: compte.lastname,
          password: MOT_DE_PASSE_DEMO,
          isActive: true,
          roles: [role.id],
        });
        ecrire(`+ ${compte.email} créé (${compte.role})`);
      }
      if (compte.membre) {
        await strapi.documents('api::collectivite.collectivite').update({
          documentId: metz.documentId,
          data: { [compte.membre]: { connect: [{ id: utilisateur.id }] } },
        } as never);
        ecrire(`  rattaché à ${metz.nom} comme ${compte.membre === 'referents' ? 'référent' : 'contributeur'}`);
      }
    }
    ecrire('\nProjets réels de la bibliothèque des Interconnectés (donnees/interconnectes/data.csv) :');
    const fichier = path.join(appDir, 'donnees/interconnectes/data.csv');
    const rapport = await importerProjets(strapi, { nom: fichier, octets: await readFile(fichier) }, { publier: true, creerCollectivites: true });
    const { cree, modifie, inchange, rejete } = rapport.bilan;
    ecrire(`  ${cree} créé(s), ${modifie} modifié(s), ${inchange} inchangé(s), ${rejete} rejeté(s)`);
    for (const ligne of rapport.lignes.filter((l) => l.resultat === 'rejete')) ecrire(`  ligne ${ligne.ligne} « ${ligne.projet} » rejetée : ${ligne.raisons.join(' ; ')}`);
    ecrire(`\nMot de passe de développement de ces comptes : ${MOT_DE_PASSE_DEMO}`);
    return 0;
  } finally {
    // Strapi work started by these writes but not awaited by them still queries the database a moment
    // later; destroying the pool at once made it fail with « aborted » (seen on a fresh database).
    await new Promise((r) => setTimeout(r, 2000));
    await strapi.destroy();
  }
}

executer(principal);
