import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { aiReadinessApiRef } from '../../api';
import { mockAiReadinessApi, responseError } from '../../testUtils/fixtures';
import { campaignDetail } from '../../testUtils/campaignFixtures';
import { CampaignsPage } from './CampaignsPage';

async function renderAt(path: string, api = mockAiReadinessApi()) {
  await renderInTestApp(
    <TestApiProvider apis={[[aiReadinessApiRef, api]]}>
      <CampaignsPage />
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
  return api;
}

jest.setTimeout(30_000);
const slow = { timeout: 10_000 };

describe('CampaignsPage', () => {
  it('lists campaigns with state, progress and days left', async () => {
    const api = await renderAt('/');
    const row = await screen.findByTestId('campaign-l2-by-q1', {}, slow);
    expect(within(row).getByText('active')).toBeInTheDocument();
    expect(within(row).getByText('2 of 4 (50%)')).toBeInTheDocument();
    expect(within(row).getByText(/^2026-11-30 \(/)).toBeInTheDocument();
    expect(
      within(screen.getByTestId('campaign-risk-tiers')).getByText('Pass SEC-1'),
    ).toBeInTheDocument();
    expect(api.listCampaigns).toHaveBeenCalledTimes(1);
  });

  it('shows a campaign: burn-up chart with its text alternative, teams, pilots short of it, CSV', async () => {
    const api = await renderAt('/l2-by-q1');
    expect(
      await screen.findByText(campaignDetail.title, {}, slow),
    ).toBeInTheDocument();
    expect(api.getCampaign).toHaveBeenCalledWith('l2-by-q1');

    const chart = screen.getByTestId('burn-up-chart');
    // recharts drew both lines: met per day and the straight line.
    expect(chart.querySelectorAll('.recharts-line')).toHaveLength(2);
    expect(screen.getByText('Pilots meeting the goal')).toBeInTheDocument();
    expect(
      screen.getByText('Straight line to the deadline'),
    ).toBeInTheDocument();
    // The text alternative: a sentence and the data as a table.
    expect(
      screen.getByText(
        /from 0 of 4 to 2 of 4; on or ahead of the straight line to the deadline/,
      ),
    ).toBeInTheDocument();
    const data = screen.getByRole('table', {
      name: 'Pilots meeting the goal per day',
    });
    expect(within(data).getAllByRole('row')).toHaveLength(5);

    // The roll-up per team.
    const teams = screen.getByRole('table', { name: 'By team' });
    expect(
      within(teams).getByText('group:default/claims-division'),
    ).toBeInTheDocument();
    expect(within(teams).getByText('2 / 4')).toBeInTheDocument();

    // Only pilots short of the goal, each with what it lacks, linked to its tab.
    const short = screen.getAllByTestId('short-pilot');
    expect(short).toHaveLength(2);
    expect(within(short[0]).getByText('MON-1, FB-3')).toBeInTheDocument();
    expect(
      within(short[0]).getByRole('link', { name: 'Claims triage assistant' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/claims-triage/ai-readiness',
    );
    expect(screen.queryByText('Fraud explainer')).not.toBeInTheDocument();

    const createObjectURL = jest.fn(() => 'blob:csv');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    await userEvent.click(screen.getByRole('button', { name: /Export CSV/ }));
    await waitFor(() =>
      expect(api.exportCampaignCsv).toHaveBeenCalledWith('l2-by-q1'),
    );
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
  });

  it('shows the error of an unknown campaign', async () => {
    const api = mockAiReadinessApi({
      getCampaign: jest
        .fn()
        .mockRejectedValue(await responseError(404, 'No campaign "nope"')),
    });
    await renderAt('/nope', api);
    expect(
      await screen.findByText(/No campaign "nope"/, {}, slow),
    ).toBeInTheDocument();
  });
});
