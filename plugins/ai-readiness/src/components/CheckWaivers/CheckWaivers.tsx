import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import type {
  CheckResult,
  WaiverRequest,
} from '@ai-readiness/plugin-ai-readiness-common';
import { aiReadinessApiRef } from '../../api';
import { SafeLink } from '../SafeLink';
import { WaiverRequestDialog } from '../WaiverRequestDialog';
import { usePilotWaivers } from './PilotWaivers';

const OPEN_STATES = new Set(['pending', 'approved']);

/** Every change of a request's state (GET /waivers/:id), oldest first. */
function RequestHistory(props: { id: string }) {
  const api = useApi(aiReadinessApiRef);
  const history = useAsync(() => api.getWaiver(props.id), [api, props.id]);
  if (history.loading)
    return <Typography variant="body2">Loading the history…</Typography>;
  if (history.error)
    return (
      <Typography variant="body2" color="error">
        The history could not be loaded: {history.error.message}
      </Typography>
    );
  return (
    <Box component="ul" m={0} pl={3} aria-label="Request history">
      {history.value?.audit.map((entry, i) => (
        <Typography key={i} component="li" variant="body2">
          {entry.at.slice(0, 16).replace('T', ' ')} UTC · {entry.by}:{' '}
          {entry.from
            ? `${entry.from} → ${entry.to}`
            : `requested (${entry.to})`}
          {entry.comment ? ` · “${entry.comment}”` : ''}
        </Typography>
      ))}
    </Box>
  );
}

function RequestLine(props: { request: WaiverRequest }) {
  const { request: r } = props;
  const [showHistory, setShowHistory] = useState(false);
  const decided = r.decidedBy
    ? ` · ${r.state === 'denied' ? 'denied' : 'approved'} by ${r.decidedBy}${
        r.comment ? `: ${r.comment}` : ''
      }`
    : '';
  return (
    <Box
      display="flex"
      alignItems="center"
      flexWrap="wrap"
      style={{ gap: 8 }}
      data-testid={`waiver-request-${r.id}`}
    >
      <Chip size="small" label={`Waiver ${r.state}`} />
      <Typography variant="body2" component="span">
        {r.category === 'mitigated' ? 'Mitigated' : 'Risk accepted'} until{' '}
        {r.expires}, asked by {r.requestedBy} on {r.requestedAt.slice(0, 10)}
        {decided}
      </Typography>
      {r.controlUrl && <SafeLink url={r.controlUrl}>control</SafeLink>}
      <Button
        size="small"
        aria-expanded={showHistory}
        onClick={() => setShowHistory(!showHistory)}
      >
        {showHistory ? 'Hide history' : 'History'}
      </Button>
      {showHistory && (
        <Box width="100%">
          <RequestHistory id={r.id} />
        </Box>
      )}
    </Box>
  );
}

/**
 * The waiver requests of one check (their state and history) and "Request a
 * waiver" when the check is short of pass, its policy allows a request and
 * none is open. Nothing outside a pilot's tab.
 */
export function CheckWaivers(props: { check: CheckResult }) {
  const { check } = props;
  const waivers = usePilotWaivers();
  if (!waivers) return null;
  const mine = waivers.requests.filter(r => r.checkId === check.id);
  const policy = waivers.policy?.checks[check.id];
  const canAsk =
    waivers.policy &&
    policy !== undefined &&
    policy !== 'none' &&
    check.status !== 'pass' &&
    check.status !== 'not-applicable' &&
    !mine.some(r => OPEN_STATES.has(r.state));
  if (!mine.length && !canAsk) return null;
  return (
    <Box mt={1} display="flex" flexDirection="column" style={{ gap: 4 }}>
      {mine.map(r => (
        <RequestLine key={r.id} request={r} />
      ))}
      {canAsk && waivers.policy && (
        <Box>
          <WaiverRequestDialog
            entityRef={waivers.entityRef}
            checkId={check.id}
            checkTitle={check.title}
            latestExpires={waivers.policy.latestExpires}
            onCreated={waivers.reload}
          />
        </Box>
      )}
    </Box>
  );
}
