import { useCallback, useEffect, useState } from 'react';
import { Badge, Box, Button, Flex, Textarea, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import type { EntreeHistorique } from '../server/historique';

interface ActionPossible {
  action: string;
  libelle: string;
  commentaireObligatoire: boolean;
}
interface EtatRevue {
  etat: string;
  libelle: string;
  actions: ActionPossible[];
  historique: EntreeHistorique[];
}

const LIBELLES_ROLES: Record<string, string> = { contributeur: 'contributeur', referent: 'référent', moderateur: 'modérateur', systeme: 'système' };
const VARIANTES: Record<string, 'secondary' | 'warning' | 'success' | 'danger' | 'neutral'> = {
  brouillon: 'neutral',
  en_validation: 'secondary',
  en_moderation: 'secondary',
  modifications_demandees: 'warning',
  publie: 'success',
  archive: 'danger',
};

function messageErreur(erreur: unknown): string {
  const reponse = (erreur as { response?: { data?: { error?: { message?: string } } } }).response;
  return reponse?.data?.error?.message ?? 'La revue éditoriale est indisponible.';
}

function ContenuRevue({ model, documentId, revue, recharger }: { model: string; documentId: string; revue: EtatRevue; recharger: () => Promise<void> }) {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [commentaire, setCommentaire] = useState('');
  const [enCours, setEnCours] = useState<string | null>(null);

  const agir = async (action: ActionPossible) => {
    if (action.commentaireObligatoire && commentaire.trim() === '') {
      toggleNotification({ type: 'warning', message: 'Écrivez dans le commentaire ce qui doit changer.' });
      return;
    }
    setEnCours(action.action);
    try {
      const { data } = await post<{ data: { libelle: string } }>('/revue-editoriale/transitions', { uid: model, documentId, action: action.action, commentaire });
      setCommentaire('');
      await recharger();
      toggleNotification({ type: 'success', message: `${action.libelle} : le document est maintenant « ${data.data.libelle} ».` });
      // Publishing and archiving change the document itself: the edit view reloads to show it.
      if (action.action === 'publier' || action.action === 'archiver') window.location.reload();
    } catch (erreur) {
      toggleNotification({ type: 'danger', message: messageErreur(erreur) });
    } finally {
      setEnCours(null);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Flex gap={2}>
        <Typography variant="sigma" textColor="neutral600">État</Typography>
        <Badge variant={VARIANTES[revue.etat] ?? 'neutral'} data-testid="etat-revue">{revue.libelle}</Badge>
      </Flex>
      {revue.actions.length > 0 && (
        <>
          <Textarea
            name="commentaire-revue"
            aria-label="Commentaire de revue"
            placeholder="Commentaire (obligatoire pour demander des modifications)"
            value={commentaire}
            onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setCommentaire(e.target.value)}
          />
          <Flex direction="column" alignItems="stretch" gap={2}>
            {revue.actions.map((action) => (
              <Button
                key={action.action}
                data-testid={`revue-${action.action}`}
                fullWidth
                variant={action.action === 'demander_modifications' || action.action === 'archiver' ? 'secondary' : 'default'}
                loading={enCours === action.action}
                disabled={enCours !== null}
                onClick={() => agir(action)}
              >
                {action.libelle}
              </Button>
            ))}
          </Flex>
        </>
      )}
      <Box>
        <Typography variant="sigma" textColor="neutral600">Historique</Typography>
        {revue.historique.length === 0 ? (
          <Typography tag="p" variant="pi" textColor="neutral600">Aucune transition pour l’instant.</Typography>
        ) : (
          <Flex tag="ol" direction="column" alignItems="stretch" gap={2} paddingTop={2}>
            {[...revue.historique].reverse().map((h) => (
              <Box tag="li" key={`${h.date}-${h.action}`} data-testid="historique-revue">
                <Typography variant="pi" fontWeight="bold">{new Date(h.date).toLocaleString('fr-FR')}</Typography>
                <Typography tag="p" variant="pi">
                  {h.auteur} ({LIBELLES_ROLES[h.role] ?? h.role}) : {h.de} → {h.vers}
                </Typography>
                {h.commentaire && <Typography tag="p" variant="pi" textColor="neutral600">« {h.commentaire} »</Typography>}
              </Box>
            ))}
          </Flex>
        )}
      </Box>
    </Flex>
  );
}

/** Edit-view side panel of the review: state, the actions this user may take, a comment box, the history. */
export const PanneauRevue: PanelComponent = ({ model, documentId }) => {
  const { get } = useFetchClient();
  const [revue, setRevue] = useState<EtatRevue | null>(null);

  const recharger = useCallback(async () => {
    if (!documentId) return;
    try {
      const { data } = await get<{ data: EtatRevue }>(`/revue-editoriale/documents/${model}/${documentId}`);
      setRevue(data.data);
    } catch {
      setRevue(null); // content type without review, or document not readable by this user
    }
  }, [get, model, documentId]);

  useEffect(() => {
    void recharger();
  }, [recharger]);

  if (!documentId || !revue) return null;
  return { title: 'Revue éditoriale', content: <ContenuRevue model={model} documentId={documentId} revue={revue} recharger={recharger} /> };
};
