import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { ScorecardListResponse } from '@ai-readiness/plugin-ai-readiness-common';
import type { ScorecardOrderBy } from '../../api';
import { AI_READINESS_TAB_PATH } from '../../routes';
import { LevelBadge } from '../LevelBadge';
import { EvidenceCell } from '../EvidenceCell';
import { OffTargetChip } from '../OffTargetChip';
import { ScopeRuleCell } from '../PilotScopeNote';
import { PAGE_SIZES, PageState } from './useScorecardQuery';
import { shortRef } from './SummaryPanels';

const COLUMNS: {
  id: ScorecardOrderBy | null;
  label: string;
  numeric?: boolean;
}[] = [
  { id: 'title', label: 'Pilot' },
  { id: null, label: 'Owner' },
  { id: null, label: 'System' },
  { id: null, label: 'In scope by' },
  { id: 'level', label: 'Level' },
  { id: 'score', label: 'Score', numeric: true },
  { id: null, label: 'Failing checks' },
  { id: null, label: 'Evidence' },
  { id: 'evaluatedAt', label: 'Evaluated' },
];

/** The server-side sorted and paged table of pilots. */
export function PilotTable(props: {
  data?: ScorecardListResponse;
  loading: boolean;
  state: PageState;
  onChange: (patch: Partial<PageState>) => void;
}) {
  const { data, loading, state, onChange } = props;
  const entityRoute = useRouteRef(entityRouteRef);
  const tabLink = (ref: string) => {
    try {
      return `${entityRoute(entityRouteParams(ref))}/${AI_READINESS_TAB_PATH}`;
    } catch {
      return undefined;
    }
  };

  return (
    <Box>
      <Box height={4}>{loading && <LinearProgress />}</Box>
      <Box overflow="auto">
        <Table size="small" aria-label="AI pilots" data-testid="pilot-table">
          <TableHead>
            <TableRow>
              {COLUMNS.map(col => (
                <TableCell
                  key={col.label}
                  align={col.numeric ? 'right' : 'left'}
                  style={{ whiteSpace: 'nowrap' }}
                  sortDirection={
                    col.id && state.orderBy === col.id ? state.order : false
                  }
                >
                  {col.id ? (
                    <TableSortLabel
                      active={state.orderBy === col.id}
                      direction={state.orderBy === col.id ? state.order : 'asc'}
                      onClick={() =>
                        onChange({
                          orderBy: col.id!,
                          order:
                            state.orderBy === col.id && state.order === 'asc'
                              ? 'desc'
                              : 'asc',
                        })
                      }
                    >
                      {col.label}
                    </TableSortLabel>
                  ) : (
                    col.label
                  )}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {data?.items.map(item => {
              const link = tabLink(item.entityRef);
              return (
                <TableRow key={item.entityRef} data-testid="pilot-row">
                  <TableCell>
                    {link ? (
                      <Link to={link}>{item.title || item.entityRef}</Link>
                    ) : (
                      item.title || item.entityRef
                    )}
                    <Typography
                      variant="caption"
                      display="block"
                      color="textSecondary"
                    >
                      {item.entityRef}
                    </Typography>
                  </TableCell>
                  <TableCell>{shortRef(item.owner)}</TableCell>
                  <TableCell>{shortRef(item.system, 'system')}</TableCell>
                  <TableCell>
                    <ScopeRuleCell scope={item.scope} />
                  </TableCell>
                  <TableCell>
                    <LevelBadge
                      level={item.level}
                      name={item.levelName}
                      size="small"
                    />{' '}
                    <OffTargetChip target={item.target} />
                  </TableCell>
                  <TableCell align="right">{item.score}</TableCell>
                  <TableCell>
                    {item.failingChecks.length === 0
                      ? 'none'
                      : `${item.failingChecks.length}: ${item.failingChecks
                          .slice(0, 4)
                          .join(', ')}${
                          item.failingChecks.length > 4 ? ', …' : ''
                        }`}
                  </TableCell>
                  <TableCell>
                    <EvidenceCell counts={item.evidence} />
                  </TableCell>
                  <TableCell>{item.evaluatedAt.slice(0, 10)}</TableCell>
                </TableRow>
              );
            })}
            {data && data.items.length === 0 && (
              <TableRow>
                <TableCell colSpan={COLUMNS.length}>
                  <Typography variant="body2" align="center">
                    No pilot matches these filters.
                  </Typography>
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </Box>
      <TablePagination
        component="div"
        count={data?.totalCount ?? 0}
        page={
          data &&
          state.page * state.pageSize >= data.totalCount &&
          data.totalCount > 0
            ? 0
            : state.page
        }
        rowsPerPage={state.pageSize}
        rowsPerPageOptions={PAGE_SIZES}
        onPageChange={(_e, page) => onChange({ page })}
        onRowsPerPageChange={e =>
          onChange({ pageSize: Number(e.target.value) })
        }
      />
    </Box>
  );
}
