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

/** Days before any pilot of the campaign was evaluated (nothing recorded) are left out. */
function recorded(progress: CampaignProgressPoint[]): CampaignProgressPoint[] {
  const first = progress.findIndex(p => p.total > 0);
  return first < 0 ? [] : progress.slice(first);
}

/** The sentence a screen reader hears instead of the chart. */
export function burnUpSummary(
  campaign: { start: string; deadline: string },
  progress: CampaignProgressPoint[],
): string {
  const points = recorded(progress);
  if (!points.length) {
    return progress.length
      ? `No pilot in scope has been evaluated yet; deadline ${campaign.deadline}.`
      : `No progress yet: the campaign starts on ${campaign.start}.`;
  }
  const first = points[0];
  const last = points[points.length - 1];
  const ideal = idealMetOn(campaign, last.total, last.date);
  const pace =
    last.met >= ideal
      ? 'on or ahead of the straight line to the deadline'
      : `behind the straight line to the deadline (${ideal} expected by now)`;
  const change =
    points.length === 1
      ? `On ${last.date}, ${last.met} of ${last.total} pilots met the goal`
      : `From ${first.date} to ${last.date}, pilots meeting the goal went from ${first.met} of ${first.total} to ${last.met} of ${last.total}`;
  return `${change}; ${pace}. Deadline ${campaign.deadline}.`;
}

/** A YYYY-MM-DD date as a time on the chart's axis (UTC midnight). */
const timeOf = (date: string) => Date.parse(`${date}T00:00:00Z`);
const dateOf = (time: number) => new Date(time).toISOString().slice(0, 10);

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
  const points = recorded(progress);
  const total = points.length ? points[points.length - 1].total : 0;
  // A time axis from start to deadline, so that the straight line is straight
  // and today stands where it falls between them.
  const data: { time: number; met?: number; ideal: number }[] = [
    { time: timeOf(campaign.start), ideal: 0 },
    ...points.map(p => ({
      time: timeOf(p.date),
      met: p.met,
      ideal: idealMetOn(campaign, total, p.date),
    })),
    { time: timeOf(campaign.deadline), ideal: total },
  ];
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
      <XAxis
        dataKey="time"
        type="number"
        scale="time"
        domain={[timeOf(campaign.start), timeOf(campaign.deadline)]}
        ticks={[
          timeOf(campaign.start),
          ...(points.length ? [timeOf(points[points.length - 1].date)] : []),
          timeOf(campaign.deadline),
        ]}
        tickFormatter={dateOf}
      />
      <YAxis allowDecimals={false} domain={[0, Math.max(total, 1)]} />
      <Tooltip labelFormatter={value => dateOf(Number(value))} />
      <Legend />
      <Line
        type="stepAfter"
        dataKey="met"
        name="Pilots meeting the goal"
        stroke={theme.palette.primary.main}
        strokeWidth={2}
        // One recorded day draws no line: show its point.
        dot={points.length === 1}
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
          {points.map(p => (
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
