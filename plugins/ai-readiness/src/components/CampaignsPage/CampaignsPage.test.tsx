import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  entityPresentationApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { aiReadinessApiRef } from '../../api';
import { mockAiReadinessApi, responseError } from '../../testUtils/fixtures';
import { campaignDetail, campaignPage } from '../../testUtils/campaignFixtures';
import { CampaignsPage } from './CampaignsPage';

/** Entity titles as the catalog's presentation API gives them (EntityRefLink). */
const titles: Record<string, string> = {
  'group:default/claims-division': 'Claims division',
  'group:default/claims-ml': 'Claims ML team',
  'group:default/ai-platform': 'AI platform team',
  'group:default/fraud': 'Fraud team',
};
const presentationApi = {
  forEntity: (ref: unknown) => {
    const entityRef = String(ref);
    const snapshot = {
      entityRef,
      primaryTitle: titles[entityRef] ?? entityRef,
    };
    return { snapshot, promise: Promise.resolve(snapshot) };
  },
};

async function renderAt(path: string, api = mockAiReadinessApi()) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [aiReadinessApiRef, api],
        [entityPresentationApiRef, presentationApi],
      ]}
    >
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
    // the progress label on its own line above the bar, not on it
    const label = within(row).getByTestId('campaign-progress-label');
    expect(label).toHaveTextContent('2 of 4 (50%)');
    const bar = within(row).getByRole('progressbar', { hidden: true });
    expect(label.contains(bar)).toBe(false);
    expect(label.compareDocumentPosition(bar)).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    expect(label).toHaveStyle({ marginBottom: '6px' });
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
    // One request: the campaign with the first page of pilots short of it.
    expect(api.getCampaign).toHaveBeenCalledTimes(1);
    expect(api.getCampaign).toHaveBeenCalledWith('l2-by-q1', {
      met: false,
      limit: 25,
    });

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

    // The roll-up per team: each team a link to its page, named by its title.
    const teams = screen.getByRole('table', { name: 'By team' });
    expect(
      within(teams).getByRole('link', { name: 'Claims division' }),
    ).toHaveAttribute('href', '/catalog/default/group/claims-division');
    expect(
      within(teams).queryByText(/group:default\//),
    ).not.toBeInTheDocument();
    // the campaign's owner too
    expect(
      screen.getByRole('link', { name: 'AI platform team' }),
    ).toHaveAttribute('href', '/catalog/default/group/ai-platform');
    expect(within(teams).getByText('2 / 4')).toBeInTheDocument();

    // Only pilots short of the goal, each with what it lacks, linked to its tab.
    expect(screen.getByText('Not meeting the goal (2)')).toBeInTheDocument();
    const short = screen.getAllByTestId('short-pilot');
    expect(short).toHaveLength(2);
    expect(within(short[0]).getByText('MON-1; FB-3')).toBeInTheDocument();
    // blockers in words: a dimension short of its minimum reads as shares
    expect(
      within(short[1]).getByText('OWN-1; Ownership 38%, needs 50%'),
    ).toBeInTheDocument();
    expect(
      within(short[0]).getByRole('link', { name: 'Claims ML team' }),
    ).toHaveAttribute('href', '/catalog/default/group/claims-ml');
    expect(
      within(short[0]).getByRole('link', { name: 'Claims triage assistant' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/claims-triage/ai-readiness',
    );
    expect(screen.queryByText('Fraud explainer')).not.toBeInTheDocument();

    const createObjectURL = jest.fn(() => 'blob:csv');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    // jsdom cannot follow the download link: record where it points instead
    const saved: string[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function fakeClick(this: HTMLAnchorElement) {
        saved.push(`${this.download} ${this.href}`);
      });
    await userEvent.click(screen.getByRole('button', { name: /Export CSV/ }));
    await waitFor(() =>
      expect(api.exportCampaignCsv).toHaveBeenCalledWith('l2-by-q1'),
    );
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved).toEqual(['ai-readiness-campaign-l2-by-q1.csv blob:csv']);
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
    click.mockRestore();
  });

  it('pages the pilots short of the goal through the backend, showing their total', async () => {
    const many = {
      ...campaignDetail,
      total: 31,
      met: 1,
      pilots: [
        ...Array.from({ length: 30 }, (_, i) => ({
          entityRef: `component:default/pilot-${i + 1}`,
          title: `Pilot ${i + 1}`,
          owner: 'group:default/claims-ml',
          level: 'L1' as const,
          met: false,
          missing: ['MON-1'],
        })),
        campaignDetail.pilots[3],
      ],
    };
    const api = mockAiReadinessApi({
      getCampaign: jest.fn(async (_id: string, query?: any) =>
        campaignPage(many, query),
      ),
    });
    await renderAt('/l2-by-q1', api);
    expect(
      await screen.findByText('Not meeting the goal (30)', {}, slow),
    ).toBeInTheDocument();
    expect(screen.getAllByTestId('short-pilot')).toHaveLength(25);
    expect(screen.getByText('1-25 of 30')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() =>
      expect(screen.getAllByTestId('short-pilot')).toHaveLength(5),
    );
    expect(api.getCampaign).toHaveBeenLastCalledWith('l2-by-q1', {
      met: false,
      limit: 25,
      offset: 25,
    });
    expect(screen.getByText('Pilot 26')).toBeInTheDocument();
    expect(screen.queryByText('Pilot 1')).not.toBeInTheDocument();
    expect(screen.getByText('26-30 of 30')).toBeInTheDocument();
    // The chart and the roll-up are not asked for again.
    expect(api.getCampaign).toHaveBeenCalledTimes(2);
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
