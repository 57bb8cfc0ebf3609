/**
 * « Importer des projets »: upload a CSV, XLSX or ODS file, read the dry-run report (nothing is written),
 * confirm, follow the progress, read the final report. Server side: ../server (routes /import-projets).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import type { RapportImport, RapportLigne, Resultat } from '../../../import/importer';
import type { Execution } from '../server/sessions';

const TAILLE_MAX_MO = 10;
const INTERVALLE_SUIVI_MS = 1000;

const LIBELLES_RESULTAT: Record<Resultat, string> = { cree: 'créé', modifie: 'modifié', inchange: 'inchangé', rejete: 'écarté' };
const COULEURS: Record<Resultat, { fond: string; texte: string }> = {
  cree: { fond: 'success100', texte: 'success700' },
  modifie: { fond: 'primary100', texte: 'primary700' },
  inchange: { fond: 'neutral150', texte: 'neutral700' },
  rejete: { fond: 'danger100', texte: 'danger700' },
};

interface Analyse {
  jeton: string;
  expireLe: string;
  options: { publier: boolean; creerCollectivites: boolean };
  rapport: RapportImport;
}

type Etape = { nom: 'depot' } | { nom: 'analyse'; analyse: Analyse } | { nom: 'execution'; analyse: Analyse; execution: Execution };

const message = (erreur: unknown) => (erreur instanceof Error ? erreur.message : String(erreur));

function Bilan({ rapport }: { rapport: RapportImport }) {
  return (
    <Flex gap={2} wrap="wrap" aria-label="Bilan">
      {(Object.keys(LIBELLES_RESULTAT) as Resultat[]).map((r) => (
        <Badge key={r} backgroundColor={COULEURS[r].fond} textColor={COULEURS[r].texte}>
          {`${LIBELLES_RESULTAT[r]}s : ${rapport.bilan[r]}`}
        </Badge>
      ))}
    </Flex>
  );
}

/** The report's rows, filtered by result and by a text found in any of their columns. */
function TableauLignes({ lignes }: { lignes: RapportLigne[] }) {
  const [resultat, setResultat] = useState<Resultat | 'tous'>('tous');
  const [texte, setTexte] = useState('');
  const visibles = useMemo(() => {
    const cherche = texte.trim().toLocaleLowerCase('fr');
    return lignes.filter((l) => {
      if (resultat !== 'tous' && l.resultat !== resultat) return false;
      if (!cherche) return true;
      const contenu = [l.ligne, l.projet, l.collectivite, ...l.raisons, ...l.avertissements.map((a) => `${a.colonne} ${a.message}`), ...l.normalisations.map((n) => `${n.colonne} ${n.source} ${n.retenu}`)];
      return contenu.join(' ').toLocaleLowerCase('fr').includes(cherche);
    });
  }, [lignes, resultat, texte]);

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Flex gap={4} alignItems="flex-end" wrap="wrap">
        <Field.Root name="filtre-resultat" width="240px">
          <Field.Label>Résultat</Field.Label>
          <SingleSelect value={resultat} onChange={(v) => setResultat(v as Resultat | 'tous')}>
            <SingleSelectOption value="tous">Tous les résultats</SingleSelectOption>
            {(Object.keys(LIBELLES_RESULTAT) as Resultat[]).map((r) => (
              <SingleSelectOption key={r} value={r}>
                {LIBELLES_RESULTAT[r]}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
        <Field.Root name="filtre-texte" width="360px">
          <Field.Label>Rechercher dans les lignes</Field.Label>
          <TextInput value={texte} placeholder="projet, collectivité, raison…" onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTexte(e.target.value)} />
        </Field.Root>
        <Typography variant="pi" textColor="neutral600">{`${visibles.length} ligne(s) sur ${lignes.length}`}</Typography>
      </Flex>
      <Table colCount={7} rowCount={visibles.length + 1}>
        <Thead>
          <Tr>
            {['Ligne', 'Projet', 'Collectivité', 'Résultat', 'Raisons', 'Avertissements', 'Normalisations'].map((t) => (
              <Th key={t}>
                <Typography variant="sigma">{t}</Typography>
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {visibles.map((l) => (
            <Tr key={l.ligne}>
              <Td>{l.ligne}</Td>
              <Td>
                <Typography fontWeight="bold">{l.projet}</Typography>
              </Td>
              <Td>{l.collectivite ?? '—'}</Td>
              <Td>
                <Badge backgroundColor={COULEURS[l.resultat].fond} textColor={COULEURS[l.resultat].texte}>
                  {LIBELLES_RESULTAT[l.resultat]}
                </Badge>
              </Td>
              <Td>
                <Liste elements={l.raisons} />
              </Td>
              <Td>
                <Liste elements={l.avertissements.map((a) => `${a.colonne} : ${a.message}`)} />
              </Td>
              <Td>
                <Liste elements={l.normalisations.map((n) => `${n.colonne} : « ${n.source} » → « ${n.retenu} »`)} />
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Flex>
  );
}

function Liste({ elements }: { elements: string[] }) {
  if (elements.length === 0) return <Typography textColor="neutral500">—</Typography>;
  return (
    <Flex direction="column" alignItems="flex-start" gap={1} style={{ whiteSpace: 'normal', maxWidth: '28rem' }}>
      {elements.map((e, i) => (
        <Typography key={i} variant="pi">
          {e}
        </Typography>
      ))}
    </Flex>
  );
}

/** A full-width bar (the design system's ProgressBar is a small inline one). */
function Avancement({ faites, total }: { faites: number; total: number }) {
  const pourcent = total > 0 ? Math.round((100 * faites) / total) : 0;
  return (
    <Box background="neutral150" hasRadius height="0.75rem" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={faites} aria-label="Avancement de l’import">
      <Box background={faites === total && total > 0 ? 'success500' : 'primary600'} hasRadius height="100%" style={{ width: `${pourcent}%`, transition: 'width 0.3s' }} />
    </Box>
  );
}

function Rapport({ rapport, titre }: { rapport: RapportImport; titre: string }) {
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="delta" tag="h2">
        {titre}
      </Typography>
      <Bilan rapport={rapport} />
      {rapport.colonnesInconnues.length > 0 && (
        <Typography textColor="neutral600">{`Colonnes inconnues (leurs cellules gardées dans les notes d’import) : ${rapport.colonnesInconnues.join(', ')}`}</Typography>
      )}
      <TableauLignes lignes={rapport.lignes} />
    </Flex>
  );
}

function PageImport() {
  const { post, get } = useFetchClient();
  const [etape, setEtape] = useState<Etape>({ nom: 'depot' });
  const [fichier, setFichier] = useState<File | null>(null);
  const [publier, setPublier] = useState(false);
  const [creerCollectivites, setCreerCollectivites] = useState(false);
  const [erreur, setErreur] = useState<string | null>(null);
  const [occupe, setOccupe] = useState(false);
  const champFichier = useRef<HTMLInputElement>(null);

  const analyser = async () => {
    setErreur(null);
    if (!fichier) return setErreur('Choisissez un fichier CSV, XLSX ou ODS.');
    if (fichier.size > TAILLE_MAX_MO * 1024 * 1024) {
      return setErreur(`Le fichier pèse ${(fichier.size / 1024 / 1024).toFixed(1).replace('.', ',')} Mo : au plus ${TAILLE_MAX_MO} Mo par import.`);
    }
    const donnees = new FormData();
    donnees.append('fichier', fichier, fichier.name);
    donnees.append('publier', String(publier));
    donnees.append('creerCollectivites', String(creerCollectivites));
    setOccupe(true);
    try {
      const { data } = await post<{ data: Analyse }>('/import-projets/analyses', donnees);
      setEtape({ nom: 'analyse', analyse: data.data });
    } catch (e) {
      setErreur(message(e));
    } finally {
      setOccupe(false);
    }
  };

  const confirmer = async (analyse: Analyse) => {
    setErreur(null);
    setOccupe(true);
    try {
      const { data } = await post<{ data: Execution }>('/import-projets/executions', { jeton: analyse.jeton });
      setEtape({ nom: 'execution', analyse, execution: data.data });
    } catch (e) {
      setErreur(message(e));
    } finally {
      setOccupe(false);
    }
  };

  const execution = etape.nom === 'execution' ? etape.execution : null;
  useEffect(() => {
    if (!execution || execution.etat !== 'en_cours') return undefined;
    const minuteur = window.setTimeout(async () => {
      try {
        const { data } = await get<{ data: Execution }>(`/import-projets/executions/${execution.id}`);
        setEtape((e) => (e.nom === 'execution' ? { ...e, execution: data.data } : e));
      } catch (e) {
        setErreur(`Suivi de l’import impossible : ${message(e)}`);
      }
    }, INTERVALLE_SUIVI_MS);
    return () => window.clearTimeout(minuteur);
  }, [execution, get]);

  const recommencer = () => {
    setEtape({ nom: 'depot' });
    setFichier(null);
    setErreur(null);
    if (champFichier.current) champFichier.current.value = '';
  };

  return (
    <Page.Main>
      <Page.Title>Importer des projets</Page.Title>
      <Layouts.Header
        title="Importer des projets"
        subtitle="Un fichier des Interconnectés (CSV, XLSX ou ODS) : une simulation d’abord, rien n’est écrit avant votre confirmation."
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {erreur && (
            <Alert variant="danger" title="Import impossible" closeLabel="Fermer" onClose={() => setErreur(null)}>
              {erreur}
            </Alert>
          )}

          {etape.nom === 'depot' && (
            <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <Flex direction="column" alignItems="stretch" gap={4}>
                <Field.Root name="fichier" hint={`CSV (UTF-8, virgule ou point-virgule), XLSX ou ODS ; au plus ${TAILLE_MAX_MO} Mo. Pour un classeur, la feuille dont l’en-tête reprend les colonnes des Interconnectés est lue.`}>
                  <Field.Label>Fichier à importer</Field.Label>
                  {/* The browser's own file button speaks its language, not the page's: hidden behind ours. */}
                  <input
                    ref={champFichier}
                    type="file"
                    name="fichier"
                    aria-label="Fichier à importer"
                    hidden
                    accept=".csv,.xlsx,.ods,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet"
                    onChange={(e) => setFichier(e.target.files?.[0] ?? null)}
                  />
                  <Flex gap={3}>
                    <Button variant="secondary" onClick={() => champFichier.current?.click()}>
                      Choisir un fichier…
                    </Button>
                    <Typography textColor={fichier ? 'neutral800' : 'neutral500'}>
                      {fichier ? `${fichier.name} (${(fichier.size / 1024).toFixed(0)} Ko)` : 'Aucun fichier choisi'}
                    </Typography>
                  </Flex>
                  <Field.Hint />
                </Field.Root>
                <Checkbox checked={publier} onCheckedChange={(v) => setPublier(v === true)}>
                  Publier les projets importés (sinon, ils attendent en modération)
                </Checkbox>
                <Checkbox checked={creerCollectivites} onCheckedChange={(v) => setCreerCollectivites(v === true)}>
                  Créer les collectivités absentes du référentiel (syndicats, opérateurs…)
                </Checkbox>
                <Box>
                  <Button onClick={analyser} loading={occupe} disabled={!fichier}>
                    Analyser le fichier
                  </Button>
                </Box>
              </Flex>
            </Box>
          )}

          {etape.nom === 'analyse' && (
            <>
              <Alert variant="default" title="Simulation" closeLabel="Fermer">
                {`Rien n’a encore été écrit. ${etape.analyse.options.publier ? 'Les projets seront publiés.' : 'Les projets attendront en modération.'} ${etape.analyse.options.creerCollectivites ? 'Les collectivités absentes seront créées.' : ''}`}
              </Alert>
              <Flex gap={2}>
                <Button onClick={() => confirmer(etape.analyse)} loading={occupe}>
                  {`Confirmer l’import de ${etape.analyse.rapport.lignes.length - etape.analyse.rapport.bilan.rejete} ligne(s)`}
                </Button>
                <Button variant="tertiary" onClick={recommencer}>
                  Choisir un autre fichier
                </Button>
              </Flex>
              <Rapport rapport={etape.analyse.rapport} titre={`Simulation de « ${etape.analyse.rapport.fichier} »`} />
            </>
          )}

          {etape.nom === 'execution' && (
            <>
              <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
                <Flex direction="column" alignItems="stretch" gap={3}>
                  <Typography variant="delta" tag="h2">
                    {etape.execution.etat === 'en_cours' ? 'Import en cours…' : etape.execution.etat === 'terminee' ? 'Import terminé' : 'Import interrompu'}
                  </Typography>
                  <Avancement faites={etape.execution.faites} total={etape.execution.total} />
                  <Typography role="status">{`${etape.execution.faites} / ${etape.execution.total} lignes`}</Typography>
                  {etape.execution.erreur && <Typography textColor="danger600">{etape.execution.erreur}</Typography>}
                  {etape.execution.etat !== 'en_cours' && (
                    <Box>
                      <Button variant="secondary" onClick={recommencer}>
                        Importer un autre fichier
                      </Button>
                    </Box>
                  )}
                </Flex>
              </Box>
              {etape.execution.rapport && <Rapport rapport={etape.execution.rapport} titre={`Rapport de l’import de « ${etape.execution.fichier} »`} />}
            </>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}

/** Shown only to whoever holds the permission (Modérateur, Super Admin); the routes check it again. */
export default function PageImportProtegee() {
  return (
    <Page.Protect permissions={[{ action: 'plugin::import-projets.importer', subject: null }]}>
      <PageImport />
    </Page.Protect>
  );
}
