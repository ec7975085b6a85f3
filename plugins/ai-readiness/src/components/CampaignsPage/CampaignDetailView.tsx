import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { download } from '../../lib/download';
import { aiReadinessApiRef } from '../../api';
import { BurnUpChart } from '../BurnUpChart';
import { daysLeftText, goalText, progressText } from './campaignText';
import { OwnerLink } from './OwnerLink';
import { SHORT_PAGE_SIZE, ShortPilotsTable } from './ShortPilotsTable';

/** One campaign: burn-up chart, roll-up per team, pilots short of the goal (paged), CSV. */
export function CampaignDetailView(props: { id: string }) {
  const api = useApi(aiReadinessApiRef);
  const alertApi = useApi(alertApiRef);
  const {
    value: c,
    loading,
    error,
  } = useAsync(
    // The campaign with the first page of the pilots short of the goal.
    () => api.getCampaign(props.id, { met: false, limit: SHORT_PAGE_SIZE }),
    [api, props.id],
  );
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!c) return null;

  const exportCsv = async () => {
    try {
      download(
        await api.exportCampaignCsv(c.id),
        `ai-readiness-campaign-${c.id}.csv`,
      );
    } catch (e) {
      alertApi.post({ message: `Could not export: ${e}`, severity: 'error' });
    }
  };

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Typography variant="h5" component="h2">
          {c.title}
        </Typography>
        {c.description && (
          <Typography variant="body1" color="textSecondary">
            {c.description}
          </Typography>
        )}
        <Box
          display="flex"
          flexWrap="wrap"
          alignItems="center"
          mt={1}
          style={{ gap: 12 }}
        >
          <Chip size="small" label={c.state} data-testid="campaign-state" />
          <Typography variant="body2">{goalText(c.goal)}</Typography>
          <Typography variant="body2">
            {c.start} → {c.deadline} ({daysLeftText(c)})
          </Typography>
          <Typography variant="body2" data-testid="campaign-progress">
            Meeting the goal: {progressText(c)}
          </Typography>
          <Typography variant="body2">
            Run by <OwnerLink owner={c.owner} />
          </Typography>
          <Button
            size="small"
            variant="outlined"
            startIcon={<GetAppIcon />}
            onClick={exportCsv}
          >
            Export CSV
          </Button>
        </Box>
      </Grid>
      <Grid item xs={12} lg={8}>
        <InfoCard title="Burn-up">
          <BurnUpChart campaign={c} progress={c.progress} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={4}>
        <InfoCard title="By team">
          <Table size="small" aria-label="By team">
            <TableHead>
              <TableRow>
                <TableCell>Team (sub-teams included)</TableCell>
                <TableCell align="right">Meeting</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {c.byOwner.map(o => (
                <TableRow key={o.owner}>
                  <TableCell>
                    <OwnerLink owner={o.owner} />
                  </TableCell>
                  <TableCell align="right">
                    {o.met} / {o.total}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <ShortPilotsTable campaignId={c.id} first={c} />
      </Grid>
    </Grid>
  );
}
