import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import type { Scorecard } from '@ai-readiness/plugin-ai-readiness-common';
import { aiReadinessApiRef } from '../../api';
import { OffTargetChip } from '../OffTargetChip';
import { blockersText } from '../../lib/blockerText';

/**
 * The pilot's target (the level it must reach) and the campaigns it is in,
 * with what it lacks for each. Campaign titles and deadlines come from
 * GET /campaigns; without them the ids are shown.
 */
export function EntityTargetPanel(props: { scorecard: Scorecard }) {
  const { target, campaigns = [] } = props.scorecard;
  const api = useApi(aiReadinessApiRef);
  const { value } = useAsync(
    async () => (campaigns.length ? api.listCampaigns() : undefined),
    [api, campaigns.length],
  );
  const info = new Map((value?.items ?? []).map(c => [c.id, c]));
  const titles = new Map(
    props.scorecard.dimensions.flatMap(d => d.checks).map(c => [c.id, c.title]),
  );
  return (
    <InfoCard title="Target and campaigns" variant="gridItem">
      <Box mb={2} data-testid="target">
        {target ? (
          <Box display="flex" alignItems="center" style={{ gap: 8 }}>
            <Typography variant="body1">
              Target: <strong>{target.level}</strong>{' '}
              {target.met ? '(met)' : ''}
            </Typography>
            <OffTargetChip target={target} />
          </Box>
        ) : (
          <Typography variant="body2" color="textSecondary">
            No target: no rule of aiReadiness.targets matches this pilot.
          </Typography>
        )}
      </Box>
      {campaigns.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          Not in any campaign.
        </Typography>
      ) : (
        <Box component="ul" m={0} pl={2.5}>
          {campaigns.map(c => {
            const about = info.get(c.id);
            return (
              <li key={c.id} data-testid={`pilot-campaign-${c.id}`}>
                <Typography variant="body2" component="span">
                  <strong>{about?.title ?? c.id}</strong>
                  {about ? ` (deadline ${about.deadline}, ${about.state})` : ''}
                  {': '}
                  {c.met
                    ? 'met'
                    : `missing ${blockersText(c.missing, id =>
                        titles.get(id),
                      )}`}
                </Typography>
              </li>
            );
          })}
        </Box>
      )}
    </InfoCard>
  );
}
