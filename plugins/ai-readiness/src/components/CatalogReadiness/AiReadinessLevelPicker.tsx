import { useEffect, useState } from 'react';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Typography from '@material-ui/core/Typography';
import { Entity } from '@backstage/catalog-model';
import {
  DefaultEntityFilters,
  EntityFilter,
  useEntityList,
} from '@backstage/plugin-catalog-react';
import {
  LEVEL_NAMES,
  entityRefKey,
  READINESS_LEVELS,
  ReadinessLevel,
  ScorecardSummary,
} from '@ai-readiness/plugin-ai-readiness-common';
import { useReadinessIndex } from './readinessIndex';

/**
 * A catalog list filter: only AI pilots at one of the levels. It filters in
 * the browser against the readiness index (one list request), as the
 * catalog's own "starred" filter does.
 *
 * @public
 */
export class AiReadinessLevelFilter implements EntityFilter {
  constructor(
    readonly levels: ReadinessLevel[],
    private readonly index: ReadonlyMap<string, ScorecardSummary>,
  ) {}

  filterEntity(entity: Entity): boolean {
    const summary = this.index.get(entityRefKey(entity));
    return !!summary && this.levels.includes(summary.level);
  }

  toQueryValue(): string[] {
    return this.levels;
  }
}

/** @public */
export type AiReadinessEntityFilters = DefaultEntityFilters & {
  aiReadinessLevel?: AiReadinessLevelFilter;
};

/**
 * The level filter for the catalog index page (put it in CatalogIndexPage's
 * `filters`, beside `<DefaultFilters />`). The selection is kept in the
 * URL as `filters[aiReadinessLevel]`.
 *
 * @public
 */
export function AiReadinessLevelPicker() {
  const { updateFilters, queryParameters } =
    useEntityList<AiReadinessEntityFilters>();
  const { value: index } = useReadinessIndex();
  const fromQuery = [queryParameters.aiReadinessLevel ?? []]
    .flat()
    .filter((l): l is ReadinessLevel =>
      (READINESS_LEVELS as readonly string[]).includes(String(l)),
    );
  const [selected, setSelected] = useState<ReadinessLevel[]>(fromQuery);

  useEffect(() => {
    updateFilters({
      aiReadinessLevel:
        selected.length && index
          ? new AiReadinessLevelFilter(selected, index)
          : undefined,
    });
  }, [selected, index, updateFilters]);

  const toggle = (level: ReadinessLevel) =>
    setSelected(prev =>
      prev.includes(level) ? prev.filter(l => l !== level) : [...prev, level],
    );

  return (
    <Box pb={1} pt={1} data-testid="ai-readiness-level-picker">
      <Typography variant="button" component="label">
        AI readiness
      </Typography>
      {READINESS_LEVELS.map(level => (
        <Box key={level}>
          <FormControlLabel
            control={
              <Checkbox
                size="small"
                checked={selected.includes(level)}
                onChange={() => toggle(level)}
              />
            }
            label={`${level} · ${LEVEL_NAMES[level]}`}
          />
        </Box>
      ))}
    </Box>
  );
}
