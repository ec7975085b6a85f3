import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  HistoryPoint,
  READINESS_LEVELS,
  ReadinessLevel,
} from '@ai-readiness/plugin-ai-readiness-common';

const WIDTH = 420;
const HEIGHT = 210;
const PAD = { top: 12, right: 36, bottom: 28, left: 36 };

function levelIndex(level: ReadinessLevel): number {
  const i = READINESS_LEVELS.indexOf(level);
  return i < 0 ? 0 : i;
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

/**
 * Score (0–100, left axis, solid line) and level (L0–L3, right axis, dashed
 * steps) over time, in plain SVG, with a one-line text summary.
 */
export function TrendChart(props: { points: HistoryPoint[] }) {
  const theme = useTheme();
  const points = [...props.points].sort((a, b) =>
    a.evaluatedAt.localeCompare(b.evaluatedAt),
  );
  if (points.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No history yet: the trend appears after the first evaluations are
        stored.
      </Typography>
    );
  }

  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const times = points.map(p => Date.parse(p.evaluatedAt));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const x = (t: number) =>
    PAD.left + (t1 === t0 ? innerW / 2 : ((t - t0) / (t1 - t0)) * innerW);
  const yScore = (s: number) =>
    PAD.top + innerH - (Math.max(0, Math.min(100, s)) / 100) * innerH;
  const yLevel = (l: ReadinessLevel) =>
    PAD.top + innerH - (levelIndex(l) / (READINESS_LEVELS.length - 1)) * innerH;

  const scorePath = points
    .map((p, i) => `${i ? 'L' : 'M'}${x(times[i])},${yScore(p.score)}`)
    .join(' ');
  const levelPath = points
    .map((p, i) => {
      const px = x(times[i]);
      const py = yLevel(p.level);
      if (i === 0) return `M${px},${py}`;
      return `H${px} V${py}`;
    })
    .join(' ');

  const first = points[0];
  const last = points[points.length - 1];
  const summary =
    points.length === 1
      ? `One evaluation on ${day(last.evaluatedAt)}: score ${
          last.score
        }, level ${last.level}.`
      : `${points.length} evaluations from ${day(first.evaluatedAt)} to ${day(
          last.evaluatedAt,
        )}: score ${first.score} → ${last.score}, level ${first.level} → ${
          last.level
        }.`;

  const scoreColor = theme.palette.primary.main;
  const levelColor = theme.palette.secondary.main;
  const axisColor = theme.palette.text.secondary;

  return (
    <div>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-label={`Score and level over time. ${summary}`}
        style={{ maxHeight: 260 }}
      >
        {[0, 50, 100].map(s => (
          <g key={`s${s}`}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={yScore(s)}
              y2={yScore(s)}
              stroke={theme.palette.divider}
            />
            <text
              x={PAD.left - 6}
              y={yScore(s) + 4}
              textAnchor="end"
              fontSize="11"
              fill={axisColor}
            >
              {s}
            </text>
          </g>
        ))}
        {READINESS_LEVELS.map(l => (
          <text
            key={l}
            x={WIDTH - PAD.right + 6}
            y={yLevel(l) + 4}
            fontSize="11"
            fill={levelColor}
          >
            {l}
          </text>
        ))}
        <path
          d={levelPath}
          fill="none"
          stroke={levelColor}
          strokeWidth={2}
          strokeDasharray="6 4"
          data-testid="trend-level"
        />
        <path
          d={scorePath}
          fill="none"
          stroke={scoreColor}
          strokeWidth={2}
          data-testid="trend-score"
        />
        {points.map((p, i) => (
          <rect
            key={`level-${p.evaluatedAt}`}
            x={x(times[i]) - 3}
            y={yLevel(p.level) - 3}
            width={6}
            height={6}
            fill={levelColor}
          />
        ))}
        {points.map((p, i) => (
          <circle
            key={p.evaluatedAt}
            cx={x(times[i])}
            cy={yScore(p.score)}
            r={3}
            fill={scoreColor}
          >
            <title>{`${day(p.evaluatedAt)}: score ${p.score}, level ${
              p.level
            }`}</title>
          </circle>
        ))}
        <text x={PAD.left} y={HEIGHT - 8} fontSize="11" fill={axisColor}>
          {day(first.evaluatedAt)}
        </text>
        {points.length > 1 && (
          <text
            x={WIDTH - PAD.right}
            y={HEIGHT - 8}
            fontSize="11"
            textAnchor="end"
            fill={axisColor}
          >
            {day(last.evaluatedAt)}
          </text>
        )}
      </svg>
      <Typography variant="body2" color="textSecondary">
        Solid line: score (0–100, left). Dashed steps: level (right). {summary}
      </Typography>
    </div>
  );
}
