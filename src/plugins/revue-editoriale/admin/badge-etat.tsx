/** The review state as a badge, the same in the review panel and on the home page. */
import { Badge } from '@strapi/design-system';
import type { Etat } from '../server/machine';

const VARIANTES: Record<Etat, 'secondary' | 'warning' | 'success' | 'danger' | 'neutral'> = {
  brouillon: 'neutral',
  en_validation: 'secondary',
  en_moderation: 'secondary',
  modifications_demandees: 'warning',
  publie: 'success',
  archive: 'danger',
};

export function BadgeEtat({ etat, libelle, testId }: { etat: Etat; libelle: string; testId?: string }) {
  return (
    <Badge variant={VARIANTES[etat] ?? 'neutral'} data-testid={testId}>
      {libelle}
    </Badge>
  );
}
