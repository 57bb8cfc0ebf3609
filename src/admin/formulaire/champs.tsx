/**
 * Edit-view inputs registered with `app.addFields`: enumerations shown with their French words, and
 * the section headings that sections.ts places in the layout.
 */
import { Box, Flex, Typography } from '@strapi/design-system';
import { InputRenderer } from '@strapi/strapi/admin';
import { motsDesValeurs } from '../../admin-config/mots-valeurs';

interface ProprietesChamp {
  name: string;
  label?: string;
  hint?: React.ReactNode;
  attribute: { type: string; enum?: string[]; niveau?: 'partie' | 'section' };
  [cle: string]: unknown;
}

/** Strapi's own select, its options labelled in French (the value's code stays what is stored). */
export function EnumerationFrancaise(props: ProprietesChamp) {
  const valeurs = props.attribute.enum ?? [];
  // Inside a component the name is a path (« evaluation.risqueCategorie », « donnees.sources.0.source »).
  const mots = motsDesValeurs(props.name.split('.').pop() ?? props.name, valeurs);
  const options = valeurs.map((valeur) => ({ value: valeur, label: mots[valeur] }));
  const proprietes = { ...props, type: 'enumeration', options } as unknown as React.ComponentProps<typeof InputRenderer>;
  return <InputRenderer {...proprietes} />;
}

/** A section heading (or the « Accès restreint (membres) » part's), with its explanation line. */
export function Intertitre({ label, hint, attribute }: ProprietesChamp) {
  const partie = attribute.niveau === 'partie';
  return (
    <Box paddingBottom={partie ? 2 : 0}>
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Typography tag="h2" variant={partie ? 'beta' : 'delta'} fontWeight="bold" textColor={partie ? 'primary700' : 'neutral800'}>
          {label}
        </Typography>
        {hint ? (
          <Typography variant="pi" textColor="neutral600">
            {hint}
          </Typography>
        ) : null}
      </Flex>
    </Box>
  );
}
