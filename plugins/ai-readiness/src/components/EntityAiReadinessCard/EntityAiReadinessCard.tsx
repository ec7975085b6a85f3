import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import type {
  CheckResult,
  CheckStatus,
  Scorecard,
} from '@ai-readiness/plugin-ai-readiness-common';
import { aiReadinessApiRef } from '../../api';
import { isNotFoundError } from '../../lib/entityLinks';
import { AI_READINESS_TAB_PATH } from '../../routes';
import { LevelBadge } from '../LevelBadge';
import { OffTargetChip } from '../OffTargetChip';
import { CheckStatusLabel } from '../CheckStatusLabel';
import { PilotScopeNote } from '../PilotScopeNote';

const GAP_STATUSES: CheckStatus[] = ['error', 'fail', 'partial'];

/**
 * The three gaps that matter most: what blocks the next level first (in the
 * scorecard's order), then other gates, then errors before fails before
 * partials.
 */
export function topGaps(card: Scorecard, count = 3): CheckResult[] {
  const checks = card.dimensions.flatMap(d => d.checks);
  const gaps = checks.filter(c => GAP_STATUSES.includes(c.status));
  const blockers = card.nextLevel?.blockers ?? [];
  const rank = (c: CheckResult) => {
    const b = blockers.indexOf(c.id);
    return [
      b >= 0 ? b : blockers.length,
      c.gate ? 0 : 1,
      GAP_STATUSES.indexOf(c.status),
      checks.indexOf(c),
    ];
  };
  return [...gaps]
    .sort((a, b) => {
      const ra = rank(a);
      const rb = rank(b);
      for (let i = 0; i < ra.length; i++) {
        if (ra[i] !== rb[i]) return ra[i] - rb[i];
      }
      return 0;
    })
    .slice(0, count);
}

/**
 * The readiness card of the entity overview page: level, score, the top three
 * gaps and a link to the readiness tab.
 *
 * @public
 */
export function EntityAiReadinessCard() {
  const { entity } = useEntity();
  const api = useApi(aiReadinessApiRef);
  const entityRoute = useRouteRef(entityRouteRef);
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => api.getScorecard(entityRef),
    [api, entityRef],
  );
  const tabLink = `${entityRoute(
    entityRouteParams(entity),
  )}/${AI_READINESS_TAB_PATH}`;

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error && isNotFoundError(error)) {
    body = (
      <Typography variant="body2">
        No readiness scorecard yet: the backend has not scored this entity. Open
        the readiness tab for what to add.
      </Typography>
    );
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (value) {
    const gaps = topGaps(value);
    body = (
      <>
        <Box display="flex" alignItems="center" style={{ gap: 16 }} mb={2}>
          <LevelBadge level={value.level} name={value.levelName} />
          <OffTargetChip target={value.target} />
          <Typography variant="h5" component="span" data-testid="score">
            {value.score} / 100
          </Typography>
        </Box>
        <PilotScopeNote scorecard={value} />
        {gaps.length === 0 ? (
          <Typography variant="body2">No open gaps.</Typography>
        ) : (
          <>
            <Typography variant="subtitle2">Top gaps</Typography>
            <Box component="ul" m={0} pl={0} style={{ listStyle: 'none' }}>
              {gaps.map(gap => (
                <Box
                  component="li"
                  key={gap.id}
                  display="flex"
                  alignItems="center"
                  style={{ gap: 8 }}
                  py={0.5}
                  data-testid={`gap-${gap.id}`}
                >
                  <CheckStatusLabel status={gap.status} />
                  <strong>{gap.id}</strong>
                  <span>{gap.title}</span>
                </Box>
              ))}
            </Box>
          </>
        )}
      </>
    );
  }

  return (
    <InfoCard
      title="AI readiness"
      deepLink={{ title: 'View readiness details', link: tabLink }}
    >
      {body}
    </InfoCard>
  );
}
