/**
 * Edit-view side panel « Versions publiées » of the projets, initiatives and ressources: every published
 * version (number, date, role of who published, fields changed) and, for modérateurs, « Restaurer dans
 * le brouillon ». The restore is an edit of the draft (server: src/versions/admin.ts), which goes back
 * to review; the page reloads to show the restored draft.
 */
import { useCallback, useEffect, useState } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import type { VersionServie } from '../../domaine/versions';
import { TYPES_VERSIONNES } from '../../domaine/versions';

interface Versions {
  versions: VersionServie[];
  peutRestaurer: boolean;
}

const TYPES: ReadonlySet<string> = new Set(Object.values(TYPES_VERSIONNES));
const dateFr = (iso: string) => new Date(iso).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short' });

function messageErreur(erreur: unknown): string {
  const reponse = (erreur as { response?: { data?: { error?: { message?: string } } } }).response;
  return reponse?.data?.error?.message ?? 'La restauration a échoué.';
}

function ListeVersions({ model, documentId, lues }: { model: string; documentId: string; lues: Versions }) {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [enCours, setEnCours] = useState<number | null>(null);

  const restaurer = async (numero: number) => {
    if (!window.confirm(`Restaurer la version ${numero} dans le brouillon ? Le brouillon repassera en revue ; la version publiée reste en ligne.`)) return;
    setEnCours(numero);
    try {
      await post(`/versions-publiees/${model}/${documentId}/${numero}/restaurer`, {});
      toggleNotification({ type: 'success', message: `Version ${numero} restaurée dans le brouillon : soumettez-le à la revue pour la publier.` });
      window.location.reload();
    } catch (erreur) {
      toggleNotification({ type: 'danger', message: messageErreur(erreur) });
      setEnCours(null);
    }
  };

  if (lues.versions.length === 0) return <Typography variant="pi" textColor="neutral600">Aucune version publiée.</Typography>;
  return (
    <Flex tag="ol" direction="column" alignItems="stretch" gap={3} data-testid="versions-publiees">
      {[...lues.versions].reverse().map((v) => (
        <Box tag="li" key={v.numero} data-testid="version-publiee">
          <Typography variant="omega" fontWeight="bold">Version {v.numero}</Typography>
          <Typography tag="p" variant="pi" textColor="neutral600">
            Publiée le {dateFr(v.publieLe)} par : {v.roleAuteur}
          </Typography>
          <Typography tag="p" variant="pi" style={{ overflowWrap: 'anywhere' }}>
            {v.champsModifies.length > 0 ? `Champs modifiés : ${v.champsModifies.join(', ')}` : 'Aucun champ modifié.'}
          </Typography>
          {lues.peutRestaurer && (
            <Box paddingTop={1}>
              <Button size="S" variant="secondary" loading={enCours === v.numero} disabled={enCours !== null} onClick={() => void restaurer(v.numero)}>
                Restaurer dans le brouillon
              </Button>
            </Box>
          )}
        </Box>
      ))}
    </Flex>
  );
}

export const PanneauVersions: PanelComponent = ({ model, documentId }) => {
  const { get } = useFetchClient();
  const [lues, setLues] = useState<Versions | null>(null);
  const versionne = TYPES.has(model);

  const lire = useCallback(async () => {
    if (!documentId || !versionne) return;
    try {
      const { data } = await get<{ data: Versions }>(`/versions-publiees/${model}/${documentId}`);
      setLues(data.data);
    } catch {
      setLues(null);
    }
  }, [get, model, documentId, versionne]);

  useEffect(() => {
    void lire();
  }, [lire]);

  if (!documentId || !versionne || !lues) return null;
  return { title: 'Versions publiées', content: <ListeVersions model={model} documentId={documentId} lues={lues} /> };
};
