/**
 * Home page widgets: what awaits the agent. « Mes projets » and « Modifications demandées » for the
 * documents of their collectivités, « À relire » for référents and modérateurs (the plugin's
 * `a-relire` query). They replace Strapi's default widgets (last edited entries, statistics…).
 */
import { useEffect, useState } from 'react';
import { Link as LienRouteur } from 'react-router-dom';
import { Box, Flex, Typography } from '@strapi/design-system';
import { Pencil, Feather, Eye } from '@strapi/icons';
import { useFetchClient, Widget } from '@strapi/strapi/admin';
import type { StrapiApp } from '@strapi/strapi/admin';
import { BadgeEtat, type DocumentDeLAgent, type TableauDeBord } from '../../plugins/revue-editoriale/admin';

type Ligne = Pick<DocumentDeLAgent, 'uid' | 'documentId' | 'titre' | 'etat' | 'libelle' | 'collectivite' | 'modifieLe'>;


const dateCourte = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', year: 'numeric' });

/**
 * Reads in flight, by path: the three widgets mount together and share one request for the same
 * dashboard; a read that has settled is dropped, so the next visit to the home page reads afresh.
 */
const lecturesEnCours = new Map<string, Promise<unknown>>();

function useDonnees<T>(chemin: string): { donnees: T | null; erreur: boolean } {
  const { get } = useFetchClient();
  const [etat, setEtat] = useState<{ donnees: T | null; erreur: boolean }>({ donnees: null, erreur: false });
  useEffect(() => {
    let annule = false;
    let lecture = lecturesEnCours.get(chemin) as Promise<T> | undefined;
    if (!lecture) {
      lecture = get<{ data: T }>(chemin).then(({ data }) => data.data);
      lecturesEnCours.set(chemin, lecture);
      const oublier = () => lecturesEnCours.delete(chemin);
      lecture.then(oublier, oublier);
    }
    lecture.then(
      (donnees) => !annule && setEtat({ donnees, erreur: false }),
      () => !annule && setEtat({ donnees: null, erreur: true }),
    );
    return () => {
      annule = true;
    };
  }, [get, chemin]);
  return etat;
}

function ListeDocuments({ lignes, vide }: { lignes: Ligne[]; vide: string }) {
  if (lignes.length === 0) return <Widget.NoData>{vide}</Widget.NoData>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} tag="ul">
      {lignes.map((ligne) => (
        <Box tag="li" key={`${ligne.uid}/${ligne.documentId}`} paddingBottom={2} borderColor="neutral150" borderStyle="solid" borderWidth="0 0 1px 0">
          <Flex justifyContent="space-between" gap={2}>
            <Flex direction="column" alignItems="flex-start" gap={1}>
              <LienRouteur to={`/content-manager/collection-types/${ligne.uid}/${ligne.documentId}`}>
                <Typography fontWeight="semiBold" textColor="primary600">
                  {ligne.titre || 'Sans titre'}
                </Typography>
              </LienRouteur>
              <Typography variant="pi" textColor="neutral600">
                {[ligne.collectivite, `modifié le ${dateCourte.format(new Date(ligne.modifieLe))}`].filter(Boolean).join(' · ')}
              </Typography>
            </Flex>
            <BadgeEtat etat={ligne.etat} libelle={ligne.libelle} />
          </Flex>
        </Box>
      ))}
    </Flex>
  );
}

function Chargement({ erreur, children }: { erreur: boolean; children: string }) {
  if (erreur) return <Widget.Error>Impossible de charger ces documents.</Widget.Error>;
  return <Widget.Loading>{children}</Widget.Loading>;
}

export function MesProjets() {
  const { donnees, erreur } = useDonnees<TableauDeBord>('/revue-editoriale/tableau-de-bord');
  if (!donnees) return <Chargement erreur={erreur}>Chargement de vos projets</Chargement>;
  return <ListeDocuments lignes={donnees.mesDocuments} vide="Aucun document en cours : créez un projet depuis le gestionnaire de contenu." />;
}

export function ModificationsDemandees() {
  const { donnees, erreur } = useDonnees<TableauDeBord>('/revue-editoriale/tableau-de-bord');
  if (!donnees) return <Chargement erreur={erreur}>Chargement</Chargement>;
  const lignes = donnees.mesDocuments.filter((d) => d.etat === 'modifications_demandees');
  return <ListeDocuments lignes={lignes} vide="Aucune modification demandée." />;
}

export function ARelire() {
  const { donnees, erreur } = useDonnees<Ligne[]>('/revue-editoriale/a-relire');
  const tableau = useDonnees<TableauDeBord>('/revue-editoriale/tableau-de-bord');
  if (!donnees || !tableau.donnees) return <Chargement erreur={erreur || tableau.erreur}>Chargement</Chargement>;
  const vide = tableau.donnees.relecteur
    ? 'Rien à relire pour le moment.'
    : 'Les référents et les modérateurs trouvent ici les documents à relire.';
  return <ListeDocuments lignes={donnees} vide={vide} />;
}

/** The widgets' titles (Strapi formats them as messages). */
export const TRADUCTIONS_ACCUEIL: Record<string, string> = {
  'bibliotheque.accueil.mes-projets': 'Mes projets',
  'bibliotheque.accueil.modifications-demandees': 'Modifications demandées',
  'bibliotheque.accueil.a-relire': 'À relire',
  'bibliotheque.accueil.tous-les-projets': 'Voir tous les projets',
};
const message = (id: string) => ({ id, defaultMessage: TRADUCTIONS_ACCUEIL[id] });

/**
 * Strapi's announcement banner (« Introducing the new Media Library », linking to its blog) has no
 * setting: it is marked dismissed ahead, under the keys MediaLibraryBanner.mjs reads (its feature
 * flag either way, scoped by the project's telemetry uuid, which is none here, or not yet loaded).
 */
export function eteindreAnnoncesStrapi(): void {
  for (const drapeau of ['true', 'false']) {
    for (const portee of ['false', 'undefined']) {
      const cle = `STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${drapeau}:${portee}`;
      if (window.localStorage.getItem(cle) === null) window.localStorage.setItem(cle, 'true');
    }
  }
}

/** Replaces Strapi's default widgets by ours (called in the admin's `register`, after the plugins'). */
export function enregistrerWidgetsAccueil(app: StrapiApp): void {
  const lien = { label: message('bibliotheque.accueil.tous-les-projets'), href: '/content-manager/collection-types/api::projet.projet' };
  app.widgets.register(() => [
    {
      id: 'mes-projets',
      icon: Pencil,
      title: message('bibliotheque.accueil.mes-projets'),
      component: async () => MesProjets,
      link: lien,
    },
    {
      id: 'modifications-demandees',
      icon: Feather,
      title: message('bibliotheque.accueil.modifications-demandees'),
      component: async () => ModificationsDemandees,
    },
    {
      id: 'a-relire',
      icon: Eye,
      title: message('bibliotheque.accueil.a-relire'),
      component: async () => ARelire,
      // Held by référents and modérateurs only (src/bootstrap/roles-editoriaux.ts): contributeurs
      // have nothing to review, the widget is not shown to them.
      permissions: [{ action: 'plugin::content-manager.explorer.update', subject: 'api::collectivite.collectivite' }],
    },
  ]);
}
