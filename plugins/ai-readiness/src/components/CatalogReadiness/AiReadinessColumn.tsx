import { entityRefKey } from '@ai-readiness/plugin-ai-readiness-common';
import Typography from '@material-ui/core/Typography';
import { Entity } from '@backstage/catalog-model';
import type { TableColumn } from '@backstage/core-components';
import { LevelBadge } from '../LevelBadge';
import { OffTargetChip } from '../OffTargetChip';
import { useReadinessIndex } from './readinessIndex';

function ReadinessCell(props: { entity: Entity }) {
  const { value } = useReadinessIndex();
  if (!value) return null;
  const summary = value.get(entityRefKey(props.entity));
  if (!summary) {
    return (
      <Typography variant="caption" color="textSecondary">
        –
      </Typography>
    );
  }
  return (
    <span data-testid="catalog-readiness">
      <LevelBadge level={summary.level} size="small" />{' '}
      <OffTargetChip target={summary.target} />
    </span>
  );
}

/**
 * A column for the catalog table (CatalogIndexPage `columns`): the AI
 * readiness level badge of each pilot, blank for other entities. Every row
 * reads one shared index (see readinessIndex).
 *
 * @public
 */
export function createAiReadinessColumn<
  T extends { entity: Entity } = { entity: Entity },
>(options: { title?: string } = {}): TableColumn<T> {
  return {
    title: options.title ?? 'AI readiness',
    field: 'entity.metadata.name',
    sorting: false,
    width: 'auto',
    render: ({ entity }) => <ReadinessCell entity={entity} />,
  };
}
