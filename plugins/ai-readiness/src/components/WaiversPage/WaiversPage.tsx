import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import MenuItem from '@material-ui/core/MenuItem';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import {
  Content,
  EmptyState,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  WAIVER_REQUEST_STATES,
  WaiverRequest,
  WaiverRequestState,
} from '@ai-readiness/plugin-ai-readiness-common';
import { aiReadinessApiRef, WaiverQuery } from '../../api';
import { download } from '../../lib/download';
import { SafeLink } from '../SafeLink';
import { WaiverDecisionDialog } from './WaiverDecisionDialog';

const PAGE_SIZE = 25;

function Decisions(props: { request: WaiverRequest; onDecided: () => void }) {
  const { request, onDecided } = props;
  if (request.state === 'pending') {
    return (
      <Box display="flex" style={{ gap: 8 }}>
        <WaiverDecisionDialog
          request={request}
          decision="approve"
          onDecided={onDecided}
        />
        <WaiverDecisionDialog
          request={request}
          decision="deny"
          onDecided={onDecided}
        />
      </Box>
    );
  }
  if (request.state === 'approved') {
    return (
      <WaiverDecisionDialog
        request={request}
        decision="revoke"
        onDecided={onDecided}
      />
    );
  }
  return null;
}

/**
 * The approvers' page (mounted at `/ai-readiness/waivers`): every request
 * of the pilots the user may read, pending first, to approve or deny with a
 * comment; filters by state, pilot, owner and check; the risk register as CSV.
 */
/** Short values (a check id, a date, the buttons) are not broken across lines. */
const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/** A free-text filter of the list. */
function FilterField(props: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { onChange, ...field } = props;
  return <TextField {...field} onChange={e => onChange(e.target.value)} />;
}

export function WaiversPage() {
  const api = useApi(aiReadinessApiRef);
  const [state, setState] = useState<WaiverRequestState | ''>('');
  const [checkId, setCheckId] = useState('');
  const [entityRef, setEntityRef] = useState('');
  const [owner, setOwner] = useState('');
  const [page, setPage] = useState(0);
  /** A filter's setter that also goes back to the first page. */
  const filtered =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(0);
    };
  const query: WaiverQuery = {
    ...(state ? { state } : {}),
    ...(checkId.trim() ? { checkId: checkId.trim().toUpperCase() } : {}),
    ...(entityRef.trim() ? { entityRef: entityRef.trim() } : {}),
    ...(owner.trim() ? { owner: owner.trim() } : {}),
  };
  const key = JSON.stringify(query);
  const list = useAsyncRetry(
    () =>
      api.listWaivers({ ...query, limit: PAGE_SIZE, offset: page * PAGE_SIZE }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key, page],
  );

  async function exportCsv() {
    download(await api.exportWaiversCsv(query), 'ai-readiness-waivers.csv');
  }

  return (
    <Page themeId="tool">
      <Header
        title="AI readiness waivers"
        subtitle="Exceptions asked for by pilot owners, decided by the approvers"
      />
      <Content>
        <Box display="flex" flexWrap="wrap" style={{ gap: 16 }} mb={2}>
          <TextField
            id="waivers-state"
            select
            label="State"
            value={state}
            onChange={e =>
              filtered(setState)(e.target.value as WaiverRequestState | '')
            }
            style={{ minWidth: 160 }}
          >
            <MenuItem value="">Any</MenuItem>
            {WAIVER_REQUEST_STATES.map(s => (
              <MenuItem key={s} value={s}>
                {s}
              </MenuItem>
            ))}
          </TextField>
          <FilterField
            id="waivers-check"
            label="Check"
            placeholder="SEC-2"
            value={checkId}
            onChange={filtered(setCheckId)}
          />
          <FilterField
            id="waivers-pilot"
            label="Pilot"
            placeholder="component:default/name"
            value={entityRef}
            onChange={filtered(setEntityRef)}
          />
          <FilterField
            id="waivers-owner"
            label="Owner"
            placeholder="group:default/name"
            value={owner}
            onChange={filtered(setOwner)}
          />
          <Button variant="outlined" onClick={exportCsv}>
            Download the risk register (CSV)
          </Button>
        </Box>
        {list.error && <ResponseErrorPanel error={list.error} />}
        {list.loading && !list.value && <Progress />}
        {list.value && list.value.totalCount === 0 && (
          <EmptyState
            missing="content"
            title="No waiver requests"
            description="Owners ask for a waiver on the readiness tab of a pilot, on a check short of pass."
          />
        )}
        {list.value && list.value.totalCount > 0 && (
          <InfoCard title={`Requests (${list.value.totalCount})`}>
            <Table size="small" aria-label="Waiver requests">
              <TableHead>
                <TableRow>
                  <TableCell>State</TableCell>
                  <TableCell>Pilot</TableCell>
                  <TableCell style={NO_WRAP}>Check</TableCell>
                  <TableCell>Justification</TableCell>
                  <TableCell style={NO_WRAP}>Expires</TableCell>
                  <TableCell>Asked by</TableCell>
                  <TableCell>Decided by</TableCell>
                  <TableCell style={NO_WRAP}>Decision</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {list.value.items.map(r => (
                  <TableRow key={r.id} data-testid={`waiver-row-${r.id}`}>
                    <TableCell>
                      <Chip size="small" label={r.state} />
                    </TableCell>
                    <TableCell>{r.entityRef}</TableCell>
                    <TableCell style={NO_WRAP}>
                      {r.checkId}
                      {r.category === 'mitigated' && ' (mitigated)'}
                    </TableCell>
                    <TableCell>
                      {r.justification}
                      {r.controlUrl && (
                        <>
                          {' '}
                          <SafeLink url={r.controlUrl}>control</SafeLink>
                        </>
                      )}
                      {r.ticket && ` · ${r.ticket}`}
                    </TableCell>
                    <TableCell style={NO_WRAP}>{r.expires}</TableCell>
                    <TableCell>{r.requestedBy}</TableCell>
                    <TableCell>
                      {r.decidedBy ?? ''}
                      {r.comment ? `: ${r.comment}` : ''}
                    </TableCell>
                    <TableCell style={NO_WRAP}>
                      <Decisions request={r} onDecided={list.retry} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <TablePagination
              component="div"
              count={list.value.totalCount}
              page={page}
              rowsPerPage={PAGE_SIZE}
              rowsPerPageOptions={[PAGE_SIZE]}
              onPageChange={(_e, next) => setPage(next)}
            />
          </InfoCard>
        )}
      </Content>
    </Page>
  );
}
