/**
 * The collectivités of a row: the porteuse, found in the référentiel (completed with what the row knows
 * and it lacks) or created when the options allow it; the partners of an extended export.
 */
import { UID } from '../domaine/regles-metier';
import { trouverCollectivite, typeACreer } from '../domaine/interconnectes/collectivite';
import type { LigneNormalisee } from '../domaine/interconnectes/ligne';
import { TYPES_COLLECTIVITE, libelleExport } from '../domaine/interconnectes/vocabulaire';
import { documents, type Collectivite, type Contexte, type Effets } from './contexte';
import type { RapportLigne } from './rapport';

/**
 * The collectivité porteuse of a row: the référentiel's, or one to create (marked `simulee` until the row
 * writes it); otherwise why the row is held back.
 */
export function collectivitePorteuse(
  ctx: Contexte,
  n: LigneNormalisee,
  rapport: RapportLigne,
): { collectivite: Collectivite; typeNouvelle: string | null } | { raisons: string[] } {
  const correspondance = trouverCollectivite(ctx.annuaire, n.collectivite);
  for (const message of correspondance.avertissements) rapport.avertissements.push({ colonne: 'Nom_collectivite', valeur: n.collectivite.nom, message });
  const siret = n.collectivite.siret;
  let collectivite = correspondance.trouvee;
  let typeNouvelle: string | null = null;
  if (collectivite === null) {
    typeNouvelle = typeACreer(n.collectivite);
    const raison = 'raison' in correspondance ? correspondance.raison : '';
    if (!typeNouvelle) return { raisons: [raison] };
    if (!ctx.options.creerCollectivites) {
      return { raisons: [`${raison} ; relancer avec --creer-collectivites pour la créer (type ${typeNouvelle})`] };
    }
    if (siret.etat !== 'valide') return { raisons: [`${raison} ; création impossible sans SIRET valide`] };
    collectivite = {
      documentId: '',
      nom: n.collectivite.nom,
      type: typeNouvelle,
      sousType: null,
      siren: siret.siren,
      siret: siret.siret,
      latitude: n.collectivite.latitude,
      longitude: n.collectivite.longitude,
      logoUrl: n.collectivite.logoUrl,
      simulee: true,
    };
  }
  return { collectivite, typeNouvelle };
}

/** Creates or completes the collectivité (reference rows only get the fields they lack). */
export async function assurerCollectivite(ctx: Contexte, n: LigneNormalisee, rapport: RapportLigne, collectivite: Collectivite, typeNouvelle: string | null, effets: Effets): Promise<Collectivite> {
  const { strapi } = ctx;
  const declaree = n.collectivite;
  const noter = (colonne: string, source: string, retenu: string, regle: string) => rapport.normalisations.push({ colonne, source, retenu, regle });

  let finale: Collectivite;
  if (collectivite.simulee) {
    // Created by this row, or by an earlier row of a dry run (rolled back): created now.
    const { documentId: _d, simulee: _s, ...donnees } = collectivite;
    const creee = await documents(strapi, UID.collectivite).create({ data: donnees });
    finale = { ...collectivite, documentId: creee.documentId, simulee: false };
    effets.collectivite = finale;
    rapport.raisons.push(`collectivité « ${collectivite.nom} » créée (type ${typeNouvelle ?? collectivite.type}, absente du référentiel)`);
  } else {
    const complement: Partial<Collectivite> = {};
    if (declaree.siret.etat === 'valide') {
      const { siren, siret } = declaree.siret;
      if (!collectivite.siren && !ctx.annuaire.parSiren(siren)) complement.siren = siren;
      if (!collectivite.siret && siret && (complement.siren ?? collectivite.siren) === siren) complement.siret = siret;
    }
    if (collectivite.latitude === null && collectivite.longitude === null && declaree.latitude !== null && declaree.longitude !== null) {
      complement.latitude = declaree.latitude;
      complement.longitude = declaree.longitude;
    }
    if (!collectivite.logoUrl && declaree.logoUrl) complement.logoUrl = declaree.logoUrl;
    if (Object.keys(complement).length > 0) {
      await documents(strapi, UID.collectivite).update({ documentId: collectivite.documentId, data: complement });
      effets.completee = { cible: collectivite, valeurs: complement };
      rapport.raisons.push(`collectivité « ${collectivite.nom} » complétée : ${Object.keys(complement).join(', ')}`);
    }
    finale = { ...collectivite, ...complement };
  }

  // What the open-data export will say about the collectivité, where it differs from the row.
  if (declaree.nom !== '' && declaree.nom !== finale.nom) noter('Nom_collectivite', declaree.nom, finale.nom, 'nom de la collectivité dans le référentiel');
  const siretExporte = finale.siret ?? finale.siren ?? '';
  const siretSource = declaree.siret.etat === 'absent' ? '' : declaree.siret.chiffres;
  if (siretExporte !== siretSource) noter('SIRET', siretSource, siretExporte, 'SIRET (ou, à défaut, SIREN) connu de la collectivité');
  for (const axe of ['latitude', 'longitude'] as const) {
    if (declaree[axe] !== finale[axe]) {
      const colonne = axe === 'latitude' ? 'Latitude' : 'Longitude';
      noter(colonne, String(declaree[axe] ?? ''), String(finale[axe] ?? ''), 'coordonnée de la collectivité (le CMS n’en garde pas par projet)');
    }
  }
  if (declaree.logoUrl !== finale.logoUrl) noter('URL_Logo', declaree.logoUrl ?? '', finale.logoUrl ?? '', 'logo de la collectivité (le CMS n’en garde pas par projet)');
  const typeExporte = libelleExport(TYPES_COLLECTIVITE, finale.type) ?? '';
  if (declaree.type && declaree.type.libelle !== typeExporte) {
    noter('Type_de_collectivite', declaree.type.libelle, `${finale.type}${finale.sousType ? ` ${finale.sousType}` : ''}`, `type de la collectivité dans le référentiel, exporté « ${typeExporte} »`);
  }
  return finale;
}

/** The partner collectivités named by SIREN (extended column): those of the référentiel; the others noted. */
export function partenairesConnus(ctx: Contexte, sirens: readonly string[], rapport: RapportLigne): string[] {
  const ids: string[] = [];
  for (const siren of sirens) {
    const connue = ctx.annuaire.parSiren(siren);
    if (connue && !connue.simulee) {
      ids.push(connue.documentId);
    } else {
      rapport.avertissements.push({ colonne: 'collectivites_partenaires', valeur: siren, message: 'SIREN absent du référentiel, collectivité partenaire non reliée : gardée dans les notes d’import' });
      rapport.notes.push(`collectivites_partenaires : ${siren}`);
    }
  }
  return ids;
}
