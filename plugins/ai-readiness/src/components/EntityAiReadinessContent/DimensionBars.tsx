import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import type { DimensionScore } from '@ai-readiness/plugin-ai-readiness-common';

export function formatPercent(score: number | null | undefined): string {
  return score === null || score === undefined
    ? 'n/a'
    : `${Math.round(score * 100)}%`;
}

/** One labelled bar per dimension (score 0–1), the number always printed. */
export function DimensionBars(props: { dimensions: DimensionScore[] }) {
  return (
    <Box>
      {props.dimensions.map(d => (
        <Box key={d.id} mb={1.5} data-testid={`dimension-${d.id}`}>
          <Box display="flex" justifyContent="space-between">
            <Typography variant="body2">{d.title}</Typography>
            <Typography variant="body2" color="textSecondary">
              {formatPercent(d.score)}
            </Typography>
          </Box>
          <LinearProgress
            variant="determinate"
            value={d.score === null ? 0 : Math.round(d.score * 100)}
            aria-label={`${d.title}: ${formatPercent(d.score)}`}
          />
        </Box>
      ))}
    </Box>
  );
}
