import { Fragment } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { parseEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  EntityDisplayName,
  EntityRefLink,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { Scorecard } from '@ai-readiness/plugin-ai-readiness-common';

/** The catalog's entity route, or undefined where the app has not bound it. */
function useEntityRouteIfBound() {
  try {
    return useRouteRef(entityRouteRef);
  } catch {
    return undefined;
  }
}

/**
 * A pilot that caps the level, as a link to its entity page, named by the
 * catalog's entity presentation (its title where it has one); plain text when
 * the ref does not parse, no link where there is no entity route.
 */
function CappingPilot(props: { entityRef: string }) {
  const entityRoute = useEntityRouteIfBound();
  try {
    parseEntityRef(props.entityRef);
  } catch {
    return <>{props.entityRef}</>;
  }
  if (!entityRoute) return <EntityDisplayName entityRef={props.entityRef} />;
  return <EntityRefLink entityRef={props.entityRef} />;
}

/**
 * Why the entity is an AI pilot ("AI pilot because tag genai") and, when the
 * weakest link holds its level down, by which pilots ("Capped at L1 by
 * billing-agent (L1); its own level is L3"). Scorecards stored before scope
 * and cap existed carry neither: nothing is shown for them.
 */
export function PilotScopeNote(props: {
  scorecard: Pick<Scorecard, 'level' | 'scope' | 'cap'>;
}) {
  const { level, scope, cap } = props.scorecard;
  const reason =
    typeof scope?.message === 'string' && scope.message.trim()
      ? scope.message.trim()
      : undefined;
  const by = Array.isArray(cap?.by)
    ? cap!.by.filter((r): r is string => typeof r === 'string' && r !== '')
    : [];
  const capped = Boolean(cap && typeof cap.level === 'string');
  if (!reason && !capped) return null;

  return (
    <Box mb={1} data-testid="pilot-scope-note">
      {reason && (
        <Typography
          variant="body2"
          color="textSecondary"
          data-testid="scope-reason"
        >
          AI pilot because {reason}
        </Typography>
      )}
      {capped && (
        <Typography variant="body2" data-testid="level-cap">
          Capped at <strong>{level}</strong>
          {by.length > 0 && (
            <>
              {' by '}
              {by.map((ref, i) => (
                <Fragment key={ref}>
                  {i > 0 && ', '}
                  <CappingPilot entityRef={ref} />
                </Fragment>
              ))}{' '}
              ({level})
            </>
          )}
          ; its own level is <strong>{cap!.level}</strong>.
        </Typography>
      )}
    </Box>
  );
}
