import { useCallback } from 'react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
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
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type { Scorecard } from '@ai-readiness/plugin-ai-readiness-common';
import { aiReadinessApiRef } from '../../api';
import {
  editLinkFor,
  evidenceLinksOf,
  isNotFoundError,
} from '../../lib/entityLinks';
import { LevelBadge } from '../LevelBadge';
import { EntityTargetPanel } from '../EntityTargetPanel';
import { OffTargetChip } from '../OffTargetChip';
import { CheckStatusLabel } from '../CheckStatusLabel';
import { TrendChart } from '../TrendChart';
import { RefreshButton } from '../RefreshButton';
import { countRemediations, FixAllDialog } from '../FixAllDialog';
import { FixPullRequestDialog } from '../FixPullRequestDialog';
import { SafeLink } from '../SafeLink';
import { YamlBlock } from '../YamlBlock';
import { EvidenceSummaryLine } from '../EvidenceSummaryLine';
import { WhatIfEditor } from '../WhatIfEditor';
import { PilotScopeNote } from '../PilotScopeNote';
import { DimensionBars } from './DimensionBars';
import { blockerText } from '../../lib/blockerText';
import { DimensionSection } from './DimensionSection';
import { PilotWaivers } from '../CheckWaivers';

const POLL_ATTEMPTS = 10;
const POLL_INTERVAL_MS = 1000;

/** The scorecard's own words for what blocks the next level. */
function Blockers(props: { card: Scorecard }) {
  const { card } = props;
  if (!card.nextLevel) {
    return (
      <Typography variant="body2">
        Top level reached: nothing blocks this pilot.
      </Typography>
    );
  }
  const checks = new Map(
    card.dimensions.flatMap(d => d.checks).map(c => [c.id, c]),
  );
  return (
    <Box>
      <Typography variant="body2" gutterBottom>
        Blocking <strong>{card.nextLevel.level}</strong>:
      </Typography>
      <Box component="ul" m={0} pl={2.5} data-testid="blockers">
        {card.nextLevel.blockers.map(blocker => {
          const check = checks.get(blocker);
          return (
            <li key={blocker}>
              {check ? (
                <>
                  <strong>{check.id}</strong> {check.title} —{' '}
                  <CheckStatusLabel status={check.status} />
                </>
              ) : (
                blockerText(blocker)
              )}
            </li>
          );
        })}
      </Box>
    </Box>
  );
}

function NoScorecardYet(props: { entityRef: string; onRefreshed: () => void }) {
  // the configured annotation prefix (GET /rubric), not a hard-coded one
  const api = useApi(aiReadinessApiRef);
  const prefix = useAsync(() => api.getRubric(), [api]).value?.annotationPrefix;
  return (
    <EmptyState
      missing="data"
      title="No readiness scorecard for this entity yet"
      description={
        <>
          The ai-readiness backend has not scored {props.entityRef}. Either it
          is not seen as an AI pilot, or the next scheduled evaluation has not
          run yet.
          {prefix &&
            ' To mark it as a pilot, add the annotation below to its catalog-info.yaml, then wait for the catalog to refresh, or re-evaluate now.'}
        </>
      }
      action={
        // EmptyState prints the description in a paragraph: the YAML block
        // (a <pre>) goes with the action, where a block may stand
        <>
          {prefix && (
            <Box mb={2}>
              <YamlBlock
                yaml={`metadata:\n  annotations:\n    ${prefix}enabled: "true"\n`}
              />
            </Box>
          )}
          <RefreshButton
            entityRef={props.entityRef}
            onRefreshed={props.onRefreshed}
          />
        </>
      }
    />
  );
}

/**
 * The readiness tab of an AI pilot: level, score, dimensions, every check
 * with its remediation, waivers, drift, trend, "Fix all" and "Re-evaluate".
 *
 * @public
 */
export function EntityAiReadinessContent() {
  const { entity } = useEntity();
  const api = useApi(aiReadinessApiRef);
  const entityRef = stringifyEntityRef(entity);

  const card = useAsyncRetry(
    () => api.getScorecard(entityRef),
    [api, entityRef],
  );
  const history = useAsyncRetry(
    () => api.getHistory(entityRef),
    [api, entityRef],
  );

  const { retry: retryCard } = card;
  const { retry: retryHistory } = history;
  const before = card.value?.evaluatedAt;
  const onRefreshed = useCallback(async () => {
    // POST /refresh answers 202: wait until the new evaluation is stored.
    for (let i = 0; i < POLL_ATTEMPTS; i++) {
      const next = await api.getScorecard(entityRef).catch(() => undefined);
      if (next && next.evaluatedAt !== before) break;
      await new Promise(r => setTimeout(r, POLL_INTERVAL_MS));
    }
    retryCard();
    retryHistory();
  }, [api, entityRef, before, retryCard, retryHistory]);

  if (card.loading && !card.value) {
    return <Progress />;
  }
  if (card.error && !card.value) {
    if (isNotFoundError(card.error)) {
      return <NoScorecardYet entityRef={entityRef} onRefreshed={onRefreshed} />;
    }
    return <ResponseErrorPanel error={card.error} />;
  }
  const scorecard = card.value;
  if (!scorecard) {
    return <Progress />;
  }

  const editLink = editLinkFor(entity);
  const evidence = evidenceLinksOf(entity);

  return (
    <Grid container spacing={3} alignItems="stretch">
      {scorecard.drift.length > 0 && (
        <Grid item xs={12}>
          {scorecard.drift.map(d => (
            <Alert
              severity="warning"
              key={d.message}
              style={{ marginBottom: 8 }}
              data-testid="drift"
            >
              <strong>Drift:</strong> {d.message}
            </Alert>
          ))}
        </Grid>
      )}
      <Grid item xs={12} md={6} lg={4}>
        <InfoCard
          title="AI readiness"
          subheader={`As of ${scorecard.asOf}`}
          variant="gridItem"
        >
          <Box display="flex" alignItems="center" style={{ gap: 16 }} mb={2}>
            <LevelBadge level={scorecard.level} name={scorecard.levelName} />
            <OffTargetChip target={scorecard.target} />
            <Typography variant="h4" component="span" data-testid="score">
              {scorecard.score}
              <Typography variant="body2" component="span">
                {' '}
                / 100
              </Typography>
            </Typography>
          </Box>
          <PilotScopeNote scorecard={scorecard} />
          <EvidenceSummaryLine counts={scorecard.evidence} />
          <Blockers card={scorecard} />
          <Box display="flex" mt={2} style={{ gap: 8 }} flexWrap="wrap">
            <FixAllDialog scorecard={scorecard} editLink={editLink} />
            {countRemediations(scorecard) > 0 && (
              <FixPullRequestDialog entityRef={scorecard.entityRef} />
            )}
            <RefreshButton entityRef={entityRef} onRefreshed={onRefreshed} />
          </Box>
          <Typography
            variant="caption"
            color="textSecondary"
            component="p"
            style={{ marginTop: 8 }}
          >
            Evaluated {new Date(scorecard.evaluatedAt).toLocaleString()}
          </Typography>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6} lg={4}>
        <InfoCard title="Dimensions" variant="gridItem">
          <DimensionBars dimensions={scorecard.dimensions} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={4}>
        <InfoCard title="Trend" variant="gridItem">
          {history.error && (
            <ResponseErrorPanel
              error={history.error}
              title="Could not load the history"
            />
          )}
          {history.loading && !history.value && <Progress />}
          {history.value && <TrendChart points={history.value.items} />}
        </InfoCard>
      </Grid>
      {(scorecard.target || (scorecard.campaigns?.length ?? 0) > 0) && (
        <Grid item xs={12}>
          <EntityTargetPanel scorecard={scorecard} />
        </Grid>
      )}
      <Grid item xs={12}>
        <PilotWaivers entityRef={scorecard.entityRef}>
          {scorecard.dimensions.map(dimension => (
            <DimensionSection
              key={dimension.id}
              dimension={dimension}
              editLink={editLink}
              entityRef={scorecard.entityRef}
            />
          ))}
        </PilotWaivers>
      </Grid>
      <Grid item xs={12}>
        <WhatIfEditor
          entity={entity}
          scorecard={scorecard}
          editLink={editLink}
        />
      </Grid>
      {evidence.length > 0 && (
        <Grid item xs={12}>
          <InfoCard title="Links found on this entity">
            <Box component="ul" m={0} pl={2.5}>
              {evidence.map(link => (
                <li key={`${link.source}:${link.url}`}>
                  <Typography variant="body2" component="span">
                    <code>{link.source}</code>:{' '}
                    <SafeLink url={link.url}>
                      {link.title !== link.source ? link.title : undefined}
                    </SafeLink>
                  </Typography>
                </li>
              ))}
            </Box>
          </InfoCard>
        </Grid>
      )}
    </Grid>
  );
}
