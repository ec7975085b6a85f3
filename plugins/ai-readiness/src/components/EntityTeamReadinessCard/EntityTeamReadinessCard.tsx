import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import {
  READINESS_LEVELS,
  ReadinessLevel,
  ScorecardSummary,
} from '@ai-readiness/plugin-ai-readiness-common';
import { aiReadinessApiRef } from '../../api';
import { LevelBadge } from '../LevelBadge';

/** The most pilots one card reads (one request; the API's largest page). */
const MAX_PILOTS = 1000;

export interface TeamReadiness {
  total: number;
  levels: Record<ReadinessLevel, number>;
  offTarget: number;
  campaigns: { id: string; total: number; met: number }[];
}

/** Counts per level, off target and per campaign over a set of pilots. */
export function summarizeTeam(items: ScorecardSummary[]): TeamReadiness {
  const levels = { L0: 0, L1: 0, L2: 0, L3: 0 };
  const campaigns = new Map<
    string,
    { id: string; total: number; met: number }
  >();
  let offTarget = 0;
  for (const item of items) {
    levels[item.level]++;
    if (item.target && !item.target.met) offTarget++;
    for (const c of item.campaigns ?? []) {
      let entry = campaigns.get(c.id);
      if (!entry) campaigns.set(c.id, (entry = { id: c.id, total: 0, met: 0 }));
      entry.total++;
      if (c.met) entry.met++;
    }
  }
  return {
    total: items.length,
    levels,
    offTarget,
    campaigns: [...campaigns.values()],
  };
}

/**
 * AI readiness of a Group's pilots (sub-groups included, as the API's owner
 * filter) or of a System's pilots: count per level, off target, campaigns.
 */
export function EntityTeamReadinessCard(props: { title?: string }) {
  const { entity } = useEntity();
  const api = useApi(aiReadinessApiRef);
  const ref = stringifyEntityRef(entity);
  const isSystem = entity.kind.toLocaleLowerCase('en-US') === 'system';
  const { value, loading, error } = useAsync(async () => {
    const [list, campaigns] = await Promise.all([
      api.listScorecards(
        isSystem
          ? { system: ref, limit: MAX_PILOTS }
          : { owner: ref, limit: MAX_PILOTS },
      ),
      api.listCampaigns().catch(() => ({ items: [] })),
    ]);
    return { list, campaigns, team: summarizeTeam(list.items) };
  }, [api, ref, isSystem]);

  const title =
    props.title ??
    (isSystem ? 'AI readiness of this system' : 'AI readiness of this team');
  let body;
  if (loading) body = <Progress />;
  else if (error) body = <ResponseErrorPanel error={error} />;
  else if (!value || value.team.total === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No AI pilots"
        description={
          isSystem
            ? 'No AI pilot is part of this system.'
            : 'No AI pilot is owned by this group or its sub-groups.'
        }
      />
    );
  } else {
    const { team, campaigns, list } = value;
    const titles = new Map(campaigns.items.map(c => [c.id, c]));
    body = (
      <>
        <Typography variant="body1" data-testid="team-total">
          {list.totalCount} AI pilot{list.totalCount === 1 ? '' : 's'}
          {list.totalCount > team.total ? ` (first ${team.total} counted)` : ''}
        </Typography>
        <Box
          display="flex"
          flexWrap="wrap"
          my={1}
          style={{ gap: 8 }}
          data-testid="team-levels"
        >
          {READINESS_LEVELS.map(level => (
            <Box
              key={level}
              display="flex"
              alignItems="center"
              style={{ gap: 4 }}
            >
              <LevelBadge level={level} size="small" />
              <Typography
                variant="body2"
                aria-label={`${level}: ${team.levels[level]}`}
              >
                × {team.levels[level]}
              </Typography>
            </Box>
          ))}
        </Box>
        <Typography variant="body2" data-testid="team-off-target">
          Off target: {team.offTarget}
        </Typography>
        {team.campaigns.length > 0 && (
          <>
            <Typography variant="subtitle2" style={{ marginTop: 8 }}>
              Campaigns
            </Typography>
            <Box component="ul" m={0} pl={2.5}>
              {team.campaigns.map(c => (
                <li key={c.id} data-testid={`team-campaign-${c.id}`}>
                  <Typography variant="body2" component="span">
                    {titles.get(c.id)?.title ?? c.id}: {c.met} of {c.total} meet
                    it
                    {titles.get(c.id)
                      ? ` (deadline ${titles.get(c.id)!.deadline})`
                      : ''}
                  </Typography>
                </li>
              ))}
            </Box>
          </>
        )}
      </>
    );
  }
  return <InfoCard title={title}>{body}</InfoCard>;
}
