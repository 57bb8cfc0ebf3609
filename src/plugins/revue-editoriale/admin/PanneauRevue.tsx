import { useCallback, useEffect, useRef, useState } from 'react';
import { Box, Button, Dialog, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { useFetchClient, useForm, useNotification } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import type { EntreeHistorique } from '../server/historique';
import type { Differences } from '../server/instantanes';
import type { Changement } from '../server/differences';
import type { Etat } from '../server/machine';
import { enregistreurDe } from './actions-natives';
import { BadgeEtat } from './badge-etat';
import { masquerStatutStrapi, rendreLectureSeule } from './lecture-seule';

interface ActionPossible {
  action: string;
  libelle: string;
  commentaireObligatoire: boolean;
}
interface EtatRevue {
  etat: Etat;
  libelle: string;
  modifiable: boolean;
  actions: ActionPossible[];
  historique: EntreeHistorique[];
  differences: Differences;
}


/** Why the form is read-only, and what happens next. */
function avisLectureSeule(etat: Etat): string {
  if (etat === 'en_validation') return 'En attente de relecture par le référent : vous pourrez modifier la fiche si des modifications sont demandées.';
  if (etat === 'en_moderation') return 'En attente de modération : vous pourrez modifier la fiche si des modifications sont demandées.';
  return 'Vous ne pouvez pas modifier la fiche dans cet état.';
}

function messageErreur(erreur: unknown): string {
  const reponse = (erreur as { response?: { data?: { error?: { message?: string } } } }).response;
  return reponse?.data?.error?.message ?? 'La revue éditoriale est indisponible.';
}

const dateFr = (iso: string) => new Date(iso).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short' });

/**
 * Strapi's « Enregistrer » returns nothing: its outcome shows in the form once it re-renders, no longer
 * modified (saved) or with errors (refused). Waits, bounded, for one of them.
 */
async function issueEnregistrement(enregistre: () => boolean, refuse: () => boolean, delaiMs = 3000): Promise<boolean> {
  const fin = Date.now() + delaiMs;
  while (Date.now() < fin && !enregistre() && !refuse()) await new Promise((r) => setTimeout(r, 50));
  return enregistre();
}

function ListeChangements({ changements, testId }: { changements: Changement[]; testId: string }) {
  if (changements.length === 0) return <Typography tag="p" variant="pi" textColor="neutral600">Aucun changement.</Typography>;
  return (
    <Flex tag="ul" direction="column" alignItems="stretch" gap={2} paddingTop={1} data-testid={testId}>
      {changements.map((c) => (
        <Box tag="li" key={c.champ} data-testid="changement-revue">
          <Typography variant="pi" fontWeight="bold">{c.libelle}</Typography>
          <Typography tag="p" variant="pi" textColor="danger600" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            <span aria-hidden>− </span>Avant : {c.avant}
          </Typography>
          <Typography tag="p" variant="pi" textColor="success600" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            <span aria-hidden>+ </span>Après : {c.apres}
          </Typography>
        </Box>
      ))}
    </Flex>
  );
}

/** In review, « no change since the previous round » is news for the reader; otherwise an empty list is noise. */
function DifferencesRevue({ differences: d, etat }: { differences: Differences; etat: Etat }) {
  const enRevue = etat === 'en_validation' || etat === 'en_moderation';
  const depuisSoumission = d.depuisSoumission && (enRevue || d.depuisSoumission.changements.length > 0) ? d.depuisSoumission : null;
  const depuisPublication = d.depuisPublication && d.depuisPublication.length > 0 ? d.depuisPublication : null;
  if (!depuisSoumission && !depuisPublication) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {depuisSoumission && (
        <Box>
          <Typography variant="sigma" textColor="neutral600">Changements depuis la soumission du {dateFr(depuisSoumission.date)}</Typography>
          <ListeChangements changements={depuisSoumission.changements} testId="changements-soumission" />
        </Box>
      )}
      {depuisPublication && (
        <Box>
          <Typography variant="sigma" textColor="neutral600">Changements par rapport à la version publiée</Typography>
          <ListeChangements changements={depuisPublication} testId="changements-publication" />
        </Box>
      )}
    </Flex>
  );
}

function ContenuRevue({ model, documentId, revue, recharger }: { model: string; documentId: string; revue: EtatRevue; recharger: () => Promise<void> }) {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const modifie = useForm('PanneauRevue', (state) => state.modified);
  const modifieRef = useRef(modifie);
  modifieRef.current = modifie;
  const erreurs = useForm('PanneauRevue', (state) => state.errors);
  const erreursRef = useRef(erreurs);
  erreursRef.current = erreurs;
  const [commentaire, setCommentaire] = useState('');
  const [dialogue, setDialogue] = useState<ActionPossible | null>(null);
  const [enCours, setEnCours] = useState<string | null>(null);
  const ancre = useRef<HTMLDivElement>(null);

  // A save by Strapi's « Enregistrer » may move the state (a published document back to draft) and
  // changes the differences: reread them once the form is no longer modified.
  const etaitModifie = useRef(modifie);
  useEffect(() => {
    if (etaitModifie.current && !modifie) void recharger();
    etaitModifie.current = modifie;
  }, [modifie, recharger]);

  const lectureSeule = !revue.modifiable;
  useEffect(() => {
    const formulaire = ancre.current?.closest('form');
    if (!formulaire) return undefined;
    const retablirStatut = masquerStatutStrapi(formulaire);
    const retablirSaisie = lectureSeule ? rendreLectureSeule(formulaire) : () => undefined;
    return () => {
      retablirStatut();
      retablirSaisie();
    };
  }, [lectureSeule]);

  /** Unsaved edits are saved first, by Strapi's own « Enregistrer »; false when they could not be. */
  const enregistrerAvant = async (action: ActionPossible): Promise<boolean> => {
    if (!modifieRef.current) return true;
    const enregistrer = enregistreurDe(model, documentId);
    const refus = `La fiche n’a pas été enregistrée : corrigez les champs signalés, puis cliquez de nouveau sur « ${action.libelle} ». Rien n’a été transmis.`;
    if (!enregistrer) {
      toggleNotification({ type: 'danger', message: refus });
      return false;
    }
    await enregistrer();
    if (!(await issueEnregistrement(() => !modifieRef.current, () => Object.keys(erreursRef.current).length > 0))) {
      toggleNotification({ type: 'danger', message: refus });
      return false;
    }
    return true;
  };

  const agir = async (action: ActionPossible, texte?: string) => {
    setEnCours(action.action);
    let enregistre = false;
    try {
      enregistre = modifieRef.current;
      if (!(await enregistrerAvant(action))) return;
      const { data } = await post<{ data: { libelle: string } }>('/revue-editoriale/transitions', { uid: model, documentId, action: action.action, commentaire: texte });
      setDialogue(null);
      setCommentaire('');
      await recharger();
      const prefixe = enregistre ? 'Modifications enregistrées. ' : '';
      toggleNotification({ type: 'success', message: `${prefixe}${action.libelle} : le document est maintenant « ${data.data.libelle} ».` });
      // Publishing and archiving change the published version: the edit view reloads to show it.
      if (action.action === 'publier' || action.action === 'archiver') window.location.reload();
    } catch (erreur) {
      const suite = enregistre ? ' Vos modifications ont bien été enregistrées.' : '';
      toggleNotification({ type: 'danger', message: `${messageErreur(erreur)}${suite}` });
    } finally {
      setEnCours(null);
    }
  };

  const cliquer = (action: ActionPossible) => (action.commentaireObligatoire ? setDialogue(action) : void agir(action));

  return (
    <Flex ref={ancre} direction="column" alignItems="stretch" gap={4} width="100%">
      <Flex gap={2} wrap="wrap">
        <Typography variant="sigma" textColor="neutral600">État</Typography>
        <BadgeEtat etat={revue.etat} libelle={revue.libelle} testId="etat-revue" />
      </Flex>
      {lectureSeule && (
        <Box background="warning100" borderColor="warning200" hasRadius padding={3} role="note" data-testid="avis-lecture-seule">
          <Typography variant="omega" fontWeight="bold" tag="p">Fiche en lecture seule</Typography>
          <Typography variant="pi" tag="p">{avisLectureSeule(revue.etat)}</Typography>
        </Box>
      )}
      {revue.actions.length > 0 && (
        <Flex direction="column" alignItems="stretch" gap={2}>
          {modifie && <Typography variant="pi" textColor="neutral600">Les modifications non enregistrées seront enregistrées d’abord.</Typography>}
          {revue.actions.map((action) => (
            <Button
              key={action.action}
              type="button"
              data-testid={`revue-${action.action}`}
              fullWidth
              variant={action.action === 'demander_modifications' || action.action === 'archiver' ? 'secondary' : 'default'}
              loading={enCours === action.action}
              disabled={enCours !== null}
              onClick={() => cliquer(action)}
            >
              {action.libelle}
            </Button>
          ))}
        </Flex>
      )}
      <Dialog.Root open={dialogue !== null} onOpenChange={(ouvert: boolean) => !ouvert && setDialogue(null)}>
        <Dialog.Content>
          <Dialog.Header>{dialogue?.libelle}</Dialog.Header>
          <Dialog.Body>
            <Field.Root name="commentaire-revue" required width="100%" hint="Le contributeur le reçoit par courriel et le voit dans l’historique.">
              <Field.Label>Ce qui doit changer</Field.Label>
              <Textarea
                name="commentaire-revue"
                aria-label="Commentaire de revue"
                value={commentaire}
                onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setCommentaire(e.target.value)}
              />
              <Field.Hint />
            </Field.Root>
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button variant="tertiary" fullWidth>Annuler</Button>
            </Dialog.Cancel>
            <Button
              fullWidth
              data-testid="revue-confirmer"
              disabled={commentaire.trim() === '' || enCours !== null}
              loading={enCours !== null}
              onClick={() => dialogue && void agir(dialogue, commentaire.trim())}
            >
              {dialogue?.libelle}
            </Button>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>
      <DifferencesRevue differences={revue.differences} etat={revue.etat} />
      <Box>
        <Typography variant="sigma" textColor="neutral600">Historique</Typography>
        {revue.historique.length === 0 ? (
          <Typography tag="p" variant="pi" textColor="neutral600">Aucune transition pour l’instant.</Typography>
        ) : (
          <Flex tag="ol" direction="column" alignItems="stretch" gap={2} paddingTop={2}>
            {[...revue.historique].reverse().map((h) => (
              <Box tag="li" key={`${h.date}-${h.action}`} data-testid="historique-revue">
                <Typography variant="pi" fontWeight="bold">{dateFr(h.date)} — {h.libelles.action}</Typography>
                <Typography tag="p" variant="pi">
                  {h.auteur} ({h.libelles.role}) : {h.libelles.de} → {h.libelles.vers}
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

/**
 * Edit-view side panel of the review: the one state shown, the actions this user may take (each saves
 * unsaved edits first), the read-only notice, what changed since the last submission and the history.
 *
 * The transitions are buttons here rather than document actions: the content-manager shows two
 * document actions as buttons and folds the rest into a « ⋯ » menu, where a référent would not find
 * « Demander des modifications » next to « Valider ». The panel sits right under Strapi's own.
 */
export const PanneauRevue: PanelComponent = ({ model, documentId }) => {
  const { get } = useFetchClient();
  const [revue, setRevue] = useState<EtatRevue | null>(null);
  // Reads overlap (mount, after a save, after a transition): only the latest one's answer is shown.
  const derniereLecture = useRef(0);

  const recharger = useCallback(async () => {
    if (!documentId) return;
    const lecture = ++derniereLecture.current;
    try {
      const { data } = await get<{ data: EtatRevue }>(`/revue-editoriale/documents/${model}/${documentId}`);
      if (lecture === derniereLecture.current) setRevue(data.data);
    } catch {
      if (lecture === derniereLecture.current) setRevue(null); // type without review, or document not readable by this user
    }
  }, [get, model, documentId]);

  useEffect(() => {
    void recharger();
  }, [recharger]);

  if (!documentId || !revue) return null;
  return { title: 'Revue éditoriale', content: <ContenuRevue model={model} documentId={documentId} revue={revue} recharger={recharger} /> };
};
