import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type {
  CheckResult,
  WaiverRequest,
} from '@ai-readiness/plugin-ai-readiness-common';
import { SafeLink } from '../SafeLink';
import { WaiverRequestDialog } from '../WaiverRequestDialog';
import { usePilotWaivers } from './PilotWaivers';

const OPEN_STATES = new Set(['pending', 'approved']);

function RequestLine(props: { request: WaiverRequest }) {
  const { request: r } = props;
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
