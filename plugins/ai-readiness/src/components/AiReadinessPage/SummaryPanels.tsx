import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import {
  tryParseEntityRef,
  DIMENSION_IDS,
  DIMENSION_TITLES,
  LEVEL_NAMES,
  READINESS_LEVELS,
  ReadinessLevel,
  RubricDescription,
  SummaryResponse,
} from '@ai-readiness/plugin-ai-readiness-common';

/** Summary keys such as "(none)" (no owner) are not refs, so not filters. */
export function isEntityRef(key: string): boolean {
  return tryParseEntityRef(key) !== undefined;
}

/** `group:default/ml` → `ml`; "(none)" and anything unparsable as is. */
export function shortRef(
  ref: string | null | undefined,
  defaultKind = 'group',
) {
  if (!ref) return '—';
  const parsed = tryParseEntityRef(ref);
  return parsed ? humanizeEntityRef(parsed, { defaultKind }) : ref;
}

const useStyles = makeStyles(theme => ({
  barRow: {
    display: 'grid',
    gridTemplateColumns: '9rem 1fr 3.5rem',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1),
  },
  bar: { height: 14, borderRadius: 2, minWidth: 2 },
  head: { whiteSpace: 'nowrap' },
  // Dimension titles wrap at word boundaries so that the seven columns fit
  // the card at common widths (1440 px) instead of scrolling the last away.
  dimensionHead: {
    whiteSpace: 'normal',
    lineHeight: 1.2,
    minWidth: '4.5rem',
    padding: theme.spacing(0.75, 1),
  },
  cell: {
    textAlign: 'center',
    fontVariantNumeric: 'tabular-nums',
    padding: theme.spacing(0.75, 1),
    border: `1px solid ${theme.palette.background.paper}`,
  },
  teamButton: {
    whiteSpace: 'nowrap',
    textTransform: 'none',
    padding: 0,
    minWidth: 0,
    fontWeight: 'normal',
    textAlign: 'left',
  },
}));

/**
 * How many pilots sit at each level. Give it the summary grouped by level
 * (groups by owner overlap: a parent group counts its sub-teams' pilots).
 */
export function LevelDistribution(props: { summary: SummaryResponse }) {
  const classes = useStyles();
  const theme = useTheme();
  const totals: Record<ReadinessLevel, number> = { L0: 0, L1: 0, L2: 0, L3: 0 };
  for (const g of props.summary.groups) {
    for (const l of READINESS_LEVELS) totals[l] += g.levels?.[l] ?? 0;
  }
  const all = READINESS_LEVELS.reduce((n, l) => n + totals[l], 0);
  const colors: Record<ReadinessLevel, string> = {
    L0: theme.palette.error.main,
    L1: theme.palette.warning.main,
    L2: theme.palette.info.main,
    L3: theme.palette.success.main,
  };
  return (
    <Box data-testid="level-distribution">
      {READINESS_LEVELS.map(l => (
        <div className={classes.barRow} key={l}>
          <Typography variant="body2">
            {l} · {LEVEL_NAMES[l]}
          </Typography>
          <div
            className={classes.bar}
            style={{
              width: `${all ? (totals[l] / all) * 100 : 0}%`,
              backgroundColor: colors[l],
            }}
            aria-hidden="true"
          />
          <Typography variant="body2" align="right">
            {totals[l]}
          </Typography>
        </div>
      ))}
      <Typography variant="caption" color="textSecondary">
        {all} pilots in total
      </Typography>
    </Box>
  );
}

/** The checks most often short of pass across the org. */
export function TopGapsList(props: {
  summary: SummaryResponse;
  rubric?: RubricDescription;
}) {
  const titles = new Map(props.rubric?.checks.map(c => [c.id, c.title]) ?? []);
  const gaps = props.summary.topGaps.slice(0, 10);
  if (gaps.length === 0) {
    return <Typography variant="body2">No failing checks.</Typography>;
  }
  return (
    <Table size="small" aria-label="Most often failing checks">
      <TableHead>
        <TableRow>
          <TableCell>Check</TableCell>
          <TableCell align="right">Pilots</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {gaps.map(g => (
          <TableRow key={g.checkId} data-testid={`top-gap-${g.checkId}`}>
            <TableCell>
              <strong>{g.checkId}</strong> {titles.get(g.checkId) ?? ''}
            </TableCell>
            <TableCell align="right">{g.count}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

const HEATMAP_ROWS = 25;

/**
 * Teams × dimensions: each cell prints the mean dimension score of the team's
 * pilots; colour is only a cue (red < 50%, amber < 80%, green otherwise).
 */
export function Heatmap(props: {
  summary: SummaryResponse;
  onSelectOwner?: (owner: string) => void;
}) {
  const classes = useStyles();
  const theme = useTheme();
  const [showAll, setShowAll] = useState(false);
  const groups = [...props.summary.groups].sort((a, b) =>
    shortRef(a.key).localeCompare(shortRef(b.key)),
  );
  const visible = showAll ? groups : groups.slice(0, HEATMAP_ROWS);
  const color = (v: number | null | undefined) => {
    if (v === null || v === undefined) return theme.palette.action.hover;
    if (v < 0.5) return theme.palette.error.light;
    if (v < 0.8) return theme.palette.warning.light;
    return theme.palette.success.light;
  };
  if (groups.length === 0) {
    return <Typography variant="body2">No pilots yet.</Typography>;
  }
  return (
    <Box overflow="auto">
      <Table size="small" aria-label="Teams by dimension" data-testid="heatmap">
        <TableHead>
          <TableRow>
            <TableCell className={classes.head}>Team</TableCell>
            <TableCell className={classes.head} align="right">
              Pilots
            </TableCell>
            <TableCell className={classes.head} align="right">
              Score
            </TableCell>
            {DIMENSION_IDS.map(d => (
              <TableCell
                key={d}
                align="center"
                className={classes.dimensionHead}
              >
                {DIMENSION_TITLES[d]}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {visible.map(g => (
            <TableRow key={g.key}>
              <TableCell component="th" scope="row">
                {props.onSelectOwner && isEntityRef(g.key) ? (
                  <Button
                    className={classes.teamButton}
                    color="primary"
                    onClick={() => props.onSelectOwner?.(g.key)}
                    title={`Show the pilots of ${g.key}`}
                  >
                    {shortRef(g.key)}
                  </Button>
                ) : (
                  shortRef(g.key)
                )}
              </TableCell>
              <TableCell align="right">{g.count}</TableCell>
              <TableCell align="right">{Math.round(g.score)}</TableCell>
              {DIMENSION_IDS.map(d => {
                const v = g.dimensions?.[d];
                return (
                  <TableCell
                    key={d}
                    className={classes.cell}
                    style={{ backgroundColor: color(v) }}
                  >
                    {v === null || v === undefined
                      ? 'n/a'
                      : `${Math.round(v * 100)}%`}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {groups.length > HEATMAP_ROWS && (
        <Button size="small" onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show fewer teams' : `Show all ${groups.length} teams`}
        </Button>
      )}
    </Box>
  );
}
