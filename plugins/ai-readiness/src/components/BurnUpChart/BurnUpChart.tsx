import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  CampaignProgressPoint,
  idealMetOn,
} from '@ai-readiness/plugin-ai-readiness-common';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/** The sentence a screen reader hears instead of the chart. */
export function burnUpSummary(
  campaign: { start: string; deadline: string },
  progress: CampaignProgressPoint[],
): string {
  if (!progress.length) {
    return `No progress yet: the campaign starts on ${campaign.start}.`;
  }
  const first = progress[0];
  const last = progress[progress.length - 1];
  const ideal = idealMetOn(campaign, last.total, last.date);
  const pace =
    last.met >= ideal
      ? 'on or ahead of the straight line to the deadline'
      : `behind the straight line to the deadline (${ideal} expected by now)`;
  return `From ${first.date} to ${last.date}, pilots meeting the goal went from ${first.met} of ${first.total} to ${last.met} of ${last.total}; ${pace}. Deadline ${campaign.deadline}.`;
}

/**
 * Burn-up: pilots meeting the goal per day (from the stored history) against
 * the straight line from none at the start to all at the deadline. Drawn with
 * recharts (as Backstage's cost-insights plugin); the text alternative is a
 * summary sentence plus the data as a table for assistive technology.
 */
export function BurnUpChart(props: {
  campaign: { start: string; deadline: string };
  progress: CampaignProgressPoint[];
  /** Fixed size for tests (jsdom has no layout); default: responsive width. */
  width?: number;
  height?: number;
}) {
  const { campaign, progress } = props;
  const theme = useTheme();
  const total = progress.length ? progress[progress.length - 1].total : 0;
  const data = progress.map(p => ({
    date: p.date,
    met: p.met,
    ideal: idealMetOn(campaign, total, p.date),
  }));
  // The ideal line continues to the deadline even when today is earlier.
  if (data.length && data[data.length - 1].date < campaign.deadline) {
    data.push({ date: campaign.deadline, met: undefined as any, ideal: total });
  }
  const summary = burnUpSummary(campaign, progress);
  const height = props.height ?? 260;
  // Without ResizeObserver (old browsers, jsdom) the chart keeps a fixed width.
  const responsive =
    !props.width && typeof (globalThis as any).ResizeObserver !== 'undefined';
  const chart = (
    <LineChart
      data={data}
      width={responsive ? undefined : props.width ?? 640}
      height={height}
    >
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="date" />
      <YAxis allowDecimals={false} domain={[0, Math.max(total, 1)]} />
      <Tooltip />
      <Legend />
      <Line
        type="stepAfter"
        dataKey="met"
        name="Pilots meeting the goal"
        stroke={theme.palette.primary.main}
        strokeWidth={2}
        dot={false}
        isAnimationActive={false}
        connectNulls={false}
      />
      <Line
        type="linear"
        dataKey="ideal"
        name="Straight line to the deadline"
        stroke={theme.palette.text.secondary}
        strokeDasharray="6 4"
        dot={false}
        isAnimationActive={false}
      />
    </LineChart>
  );
  return (
    <figure style={{ margin: 0 }} data-testid="burn-up-chart">
      <div aria-hidden="true">
        {responsive ? (
          <ResponsiveContainer width="100%" height={height}>
            {chart}
          </ResponsiveContainer>
        ) : (
          chart
        )}
      </div>
      <figcaption>
        <Typography variant="body2" color="textSecondary">
          {summary}
        </Typography>
      </figcaption>
      <table
        style={{
          position: 'absolute',
          width: 1,
          height: 1,
          overflow: 'hidden',
          clip: 'rect(0 0 0 0)',
        }}
      >
        <caption>Pilots meeting the goal per day</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Meeting the goal</th>
            <th scope="col">In scope</th>
          </tr>
        </thead>
        <tbody>
          {progress.map(p => (
            <tr key={p.date}>
              <td>{p.date}</td>
              <td>{p.met}</td>
              <td>{p.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
