/**
 * Edit-view side panel « Qualité de la fiche » of a projet, for the modérateurs (docs/qualite.md):
 * completeness by section with what is missing and why, broken links, plain-language hints on the public
 * texts. Reads GET /qualite/projets/:documentId again after each save; shows nothing to other users (403).
 */
import { useEffect, useState } from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useForm } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import type { QualiteProjet } from '../../qualite/qualite';
import { LIBELLES_EXIGENCES } from '../../qualite/completude';

const UID_PROJET = 'api::projet.projet';

const dateFr = (iso: string) => new Date(iso).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short' });

function ContenuQualite({ qualite }: { qualite: QualiteProjet }) {
  const { completude, liens, langageClair } = qualite;
  const indices = langageClair.filter((t) => t.indices.length > 0);
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="panneau-qualite">
      <Typography variant="omega" fontWeight="bold">
        Complétude : {completude.score} % ({completude.renseignes} sur {completude.attendus})
      </Typography>
      {!completude.publiable && <Typography variant="pi" textColor="danger600">Des éléments obligatoires pour publier manquent.</Typography>}
      <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
        {completude.sections.map((s) => (
          <Box tag="li" key={s.titre}>
            <Typography variant="pi" fontWeight="bold">
              {s.titre} : {s.renseignes}/{s.attendus}
            </Typography>
            {s.items
              .filter((i) => !i.renseigne)
              .map((i) => (
                <Typography key={i.cle} tag="p" variant="pi" textColor={i.exigences.includes('publication') ? 'danger600' : 'neutral600'}>
                  À renseigner : {i.libelle} ({i.exigences.map((e) => LIBELLES_EXIGENCES[e]).join(', ')})
                </Typography>
              ))}
          </Box>
        ))}
      </Flex>
      <Box>
        <Typography variant="pi" fontWeight="bold">Liens</Typography>
        <Typography tag="p" variant="pi" textColor="neutral600">
          {liens.verifiesLe ? `Vérifiés le ${dateFr(liens.verifiesLe)}.` : 'Pas encore vérifiés.'}
        </Typography>
        {liens.detail.map((l) => (
          <Typography key={`${l.champ}-${l.url}`} tag="p" variant="pi" textColor="danger600" style={{ overflowWrap: 'anywhere' }}>
            {l.libelle} : {l.url} ({l.raison})
          </Typography>
        ))}
      </Box>
      <Box>
        <Typography variant="pi" fontWeight="bold">Langage clair</Typography>
        {indices.length === 0 ? (
          <Typography tag="p" variant="pi" textColor="neutral600">Aucune remarque sur le résumé ni la description.</Typography>
        ) : (
          indices.flatMap((t) =>
            t.indices.map((indice, n) => (
              <Typography key={`${t.champ}-${n}`} tag="p" variant="pi">
                {t.libelle} : {indice.message} {indice.type === 'phrase_longue' ? `« ${indice.extrait} »` : ''}
              </Typography>
            )),
          )
        )}
      </Box>
    </Flex>
  );
}

export const PanneauQualite: PanelComponent = ({ model, documentId }) => {
  const { get } = useFetchClient();
  const [qualite, setQualite] = useState<QualiteProjet | null>(null);
  // Changes at each save: the panel then reads the new draft's quality.
  const versionEnregistree = useForm('PanneauQualite', (etat) => (etat.initialValues as { updatedAt?: string }).updatedAt);

  useEffect(() => {
    if (model !== UID_PROJET || !documentId) return;
    let annule = false;
    get<{ data: QualiteProjet }>(`/qualite/projets/${documentId}`)
      .then(({ data }) => !annule && setQualite(data.data))
      .catch(() => !annule && setQualite(null)); // not a modérateur (403): no panel
    return () => {
      annule = true;
    };
  }, [get, model, documentId, versionEnregistree]);

  if (model !== UID_PROJET || !documentId || !qualite) return null;
  return { title: 'Qualité de la fiche', content: <ContenuQualite qualite={qualite} /> };
};
