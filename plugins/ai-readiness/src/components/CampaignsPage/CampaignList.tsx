import Chip from '@material-ui/core/Chip';
import LinearProgress from '@material-ui/core/LinearProgress';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { aiReadinessApiRef } from '../../api';
import { daysLeftText, goalText, progressText } from './campaignText';

/** Every configured campaign: state, progress and days left. */
export function CampaignList() {
  const api = useApi(aiReadinessApiRef);
  const { value, loading, error } = useAsync(() => api.listCampaigns(), [api]);
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value?.items.length) {
    return (
      <EmptyState
        missing="content"
        title="No campaigns"
        description="Campaigns are configured under aiReadiness.campaigns in app-config.yaml (see the README)."
      />
    );
  }
  return (
    <InfoCard title="Campaigns">
      <Table size="small" aria-label="Campaigns">
        <TableHead>
          <TableRow>
            <TableCell>Campaign</TableCell>
            <TableCell>Goal</TableCell>
            <TableCell>State</TableCell>
            <TableCell>Progress</TableCell>
            <TableCell>Deadline</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {value.items.map(c => (
            <TableRow key={c.id} data-testid={`campaign-${c.id}`}>
              <TableCell>
                <Link to={c.id}>{c.title}</Link>
              </TableCell>
              <TableCell>{goalText(c.goal)}</TableCell>
              <TableCell>
                <Chip size="small" label={c.state} />
              </TableCell>
              <TableCell style={{ minWidth: 160 }}>
                {/* the label on its own line, the bar below it with room between */}
                <Typography
                  variant="body2"
                  component="div"
                  data-testid="campaign-progress-label"
                  style={{ marginBottom: 6 }}
                >
                  {progressText(c)}
                </Typography>
                <LinearProgress
                  variant="determinate"
                  value={c.total ? (c.met / c.total) * 100 : 100}
                  aria-hidden="true"
                />
              </TableCell>
              <TableCell>
                {c.deadline} ({daysLeftText(c)})
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
}
