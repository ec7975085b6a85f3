import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { InfoCard, Link, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { CampaignDetail } from '@ai-readiness/plugin-ai-readiness-common';
import { useRef, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { aiReadinessApiRef } from '../../api';
import { LevelBadge } from '../LevelBadge';
import { useReadinessTabLink } from './entityRoute';
import { OwnerLink } from './OwnerLink';
import { blockersText } from '../../lib/blockerText';

/** Rows per page of the pilots short of the goal. */
export const SHORT_PAGE_SIZES = [10, 25, 50, 100];
/** The first page's size: the campaign page asks for it with the campaign. */
export const SHORT_PAGE_SIZE = 25;

type Page = Pick<CampaignDetail, 'pilots' | 'pilotsTotal'>;

/**
 * The pilots of a campaign that do not meet its goal, paged by the backend
 * (GET /campaigns/:id?met=false&limit=&offset=): `first` is the first page,
 * loaded with the campaign; other pages are asked for when shown.
 */
export function ShortPilotsTable(props: { campaignId: string; first: Page }) {
  const { campaignId, first } = props;
  const api = useApi(aiReadinessApiRef);
  const tabLink = useReadinessTabLink();
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(SHORT_PAGE_SIZE);
  const { value, loading, error } = useAsync(async (): Promise<Page> => {
    if (page === 0 && pageSize === SHORT_PAGE_SIZE) return first;
    return api.getCampaign(campaignId, {
      met: false,
      limit: pageSize,
      offset: page * pageSize,
    });
  }, [api, campaignId, first, page, pageSize]);
  // While the next page loads, the last one stays in place.
  const shown = useRef<Page>(first);
  if (value) shown.current = value;
  const { pilots, pilotsTotal } = shown.current;

  return (
    <InfoCard title={`Not meeting the goal (${pilotsTotal})`}>
      {error && <ResponseErrorPanel error={error} />}
      {pilotsTotal === 0 ? (
        <Typography variant="body2">Every pilot in scope meets it.</Typography>
      ) : (
        <>
          <Box height={4}>{loading && <LinearProgress />}</Box>
          <Table size="small" aria-label="Pilots not meeting the goal">
            <TableHead>
              <TableRow>
                <TableCell>Pilot</TableCell>
                <TableCell>Owner</TableCell>
                <TableCell>Level</TableCell>
                <TableCell>Missing</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {pilots.map(p => {
                const route = tabLink(p.entityRef);
                return (
                  <TableRow key={p.entityRef} data-testid="short-pilot">
                    <TableCell>
                      {route ? <Link to={route}>{p.title}</Link> : p.title}
                    </TableCell>
                    <TableCell>
                      <OwnerLink owner={p.owner} />
                    </TableCell>
                    <TableCell>
                      <LevelBadge level={p.level} size="small" />
                    </TableCell>
                    <TableCell>{blockersText(p.missing)}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <TablePagination
            component="div"
            count={pilotsTotal}
            page={page * pageSize >= pilotsTotal ? 0 : page}
            rowsPerPage={pageSize}
            rowsPerPageOptions={SHORT_PAGE_SIZES}
            onPageChange={(_e, next) => setPage(next)}
            onRowsPerPageChange={e => {
              setPageSize(Number(e.target.value));
              setPage(0);
            }}
          />
        </>
      )}
    </InfoCard>
  );
}
