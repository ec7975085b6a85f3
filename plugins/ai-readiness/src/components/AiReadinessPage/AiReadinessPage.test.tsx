import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { aiReadinessApiRef, AiReadinessApi } from '../../api';
import {
  makeList,
  mockAiReadinessApi,
  responseError,
  rubric,
} from '../../testUtils/fixtures';
import { AiReadinessPage } from './AiReadinessPage';

function renderPage(api: AiReadinessApi, route = '/ai-readiness') {
  return renderInTestApp(
    <TestApiProvider apis={[[aiReadinessApiRef, api]]}>
      <AiReadinessPage />
    </TestApiProvider>,
    {
      routeEntries: [route],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

const lastQuery = (api: jest.Mocked<AiReadinessApi>) =>
  api.listScorecards.mock.calls[api.listScorecards.mock.calls.length - 1][0];

async function choose(label: string, option: string) {
  fireEvent.mouseDown(screen.getByLabelText(label));
  const listbox = await screen.findByRole('listbox');
  fireEvent.click(within(listbox).getByText(option));
  await waitFor(() =>
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument(),
  );
}

// The page is large and this machine is shared: allow more than jest's 5 s.
jest.setTimeout(30_000);

describe('AiReadinessPage', () => {
  it('lists pilots with links to their readiness tab', async () => {
    const api = mockAiReadinessApi();
    await renderPage(api);
    const rows = await screen.findAllByTestId('pilot-row');
    expect(rows).toHaveLength(3);
    expect(
      within(rows[0]).getByRole('link', { name: 'Pilot 0' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/pilot-0/ai-readiness',
    );
    expect(rows[0]).toHaveTextContent('ml');
    expect(rows[0]).toHaveTextContent('L1 · Pilot');
    expect(rows[0]).toHaveTextContent('2: FB-3, MON-5');
    expect(lastQuery(api)).toEqual(
      expect.objectContaining({
        limit: 25,
        offset: 0,
        orderBy: 'score',
        order: 'asc',
      }),
    );
  });

  it('shows the level distribution, the top gaps and the team heatmap', async () => {
    await renderPage(mockAiReadinessApi());
    const levels = await screen.findByTestId('level-distribution');
    expect(levels).toHaveTextContent('5 pilots in total');
    expect(
      within(levels).getByText('L2 · Limited rollout').nextSibling?.nextSibling,
    ).toHaveTextContent('2');
    expect(screen.getByTestId('top-gap-FB-3')).toHaveTextContent(
      'FB-3 Kill switch and rollback conditions4',
    );
    const heatmap = screen.getByTestId('heatmap');
    const mlRow = within(heatmap)
      .getByRole('button', { name: 'ml' })
      .closest('tr')!;
    expect(mlRow).toHaveTextContent('40%'); // data
    expect(mlRow).toHaveTextContent('n/a'); // a dimension with no score
    const claimsRow = within(heatmap)
      .getByRole('button', { name: 'claims-team' })
      .closest('tr')!;
    expect(claimsRow).toHaveTextContent('85%');
  });

  it('filters by owner on the server, from the select or the heatmap', async () => {
    const user = userEvent.setup();
    const api = mockAiReadinessApi();
    await renderPage(api);
    await screen.findAllByTestId('pilot-row');
    fireEvent.mouseDown(screen.getByLabelText('Owner'));
    const options = within(await screen.findByRole('listbox')).getAllByRole(
      'option',
    );
    expect(options.map(o => o.textContent)).toEqual([
      'Any',
      'claims-team',
      'ml',
    ]);
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('listbox')).not.toBeInTheDocument(),
    );
    await choose('Owner', 'claims-team');
    await waitFor(() =>
      expect(lastQuery(api)).toEqual(
        expect.objectContaining({
          owner: 'group:default/claims-team',
          offset: 0,
        }),
      ),
    );
    await user.click(
      within(screen.getByTestId('heatmap')).getByRole('button', { name: 'ml' }),
    );
    await waitFor(() =>
      expect(lastQuery(api)).toEqual(
        expect.objectContaining({ owner: 'group:default/ml' }),
      ),
    );
  });

  it('filters by system, level and failing dimension', async () => {
    const api = mockAiReadinessApi();
    await renderPage(api);
    await screen.findAllByTestId('pilot-row');
    await choose('System', 'claims');
    await choose('Level', 'L0 · Unready');
    await choose('Failing dimension', 'Fallback paths');
    await waitFor(() =>
      expect(lastQuery(api)).toEqual(
        expect.objectContaining({
          system: 'system:default/claims',
          level: 'L0',
          dimension: 'fallback',
        }),
      ),
    );
  });

  it('shows each pilot’s evidence in a column', async () => {
    const list = makeList(2);
    list.items[0] = {
      ...list.items[0],
      evidence: { verified: 4, unverified: 1, refuted: 2 },
    };
    const api = mockAiReadinessApi({
      listScorecards: jest.fn().mockResolvedValue(list),
    });
    await renderPage(api);
    const rows = await screen.findAllByTestId('pilot-row');
    expect(
      within(screen.getByTestId('pilot-table')).getByText('Evidence').tagName,
    ).toBe('TH');
    expect(rows[0]).toHaveTextContent('2 refuted, 4/7 verified');
    expect(rows[1]).toHaveTextContent('none');
    expect(lastQuery(api)?.evidence).toBeUndefined();
  });

  it('filters pilots with refuted evidence on the server, and clears the filter', async () => {
    const api = mockAiReadinessApi();
    await renderPage(api);
    await screen.findAllByTestId('pilot-row');
    fireEvent.click(screen.getByLabelText('Only pilots with refuted evidence'));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual(
        expect.objectContaining({ evidence: 'refuted', offset: 0 }),
      ),
    );
    fireEvent.click(screen.getByText('Clear filters'));
    await waitFor(() => expect(lastQuery(api)?.evidence).toBeUndefined());
  });

  it('reads the evidence filter from the URL, ignoring unknown values', async () => {
    const api = mockAiReadinessApi();
    await renderPage(api, '/ai-readiness?evidence=refuted');
    await screen.findAllByTestId('pilot-row');
    expect(lastQuery(api)).toEqual(
      expect.objectContaining({ evidence: 'refuted' }),
    );
    expect(
      screen.getByLabelText('Only pilots with refuted evidence'),
    ).toBeChecked();

    const other = mockAiReadinessApi();
    await renderPage(other, '/ai-readiness?evidence=everything');
    await waitFor(() => expect(other.listScorecards).toHaveBeenCalled());
    expect(lastQuery(other)?.evidence).toBeUndefined();
  });

  it('debounces the text filter: one request for the whole word', async () => {
    const user = userEvent.setup();
    const api = mockAiReadinessApi();
    await renderPage(api);
    await screen.findAllByTestId('pilot-row');
    await user.type(screen.getByLabelText('Search pilots'), 'fraud');
    await waitFor(() =>
      expect(lastQuery(api)).toEqual(expect.objectContaining({ q: 'fraud' })),
    );
    const qs = api.listScorecards.mock.calls.map(c => c[0]?.q).filter(Boolean);
    expect(qs).toEqual(['fraud']);
  });

  it('reads the filters from the URL', async () => {
    const api = mockAiReadinessApi();
    await renderPage(
      api,
      '/ai-readiness?owner=group%3Adefault%2Fml&level=L2&q=claims&page=2&pageSize=50&orderBy=title&order=desc',
    );
    await screen.findAllByTestId('pilot-row');
    expect(api.listScorecards).toHaveBeenCalledTimes(1);
    expect(lastQuery(api)).toEqual({
      owner: 'group:default/ml',
      level: 'L2',
      q: 'claims',
      limit: 50,
      offset: 100,
      orderBy: 'title',
      order: 'desc',
    });
    expect(screen.getByLabelText('Search pilots')).toHaveValue('claims');
  });

  it('sorts and pages on the server', async () => {
    const user = userEvent.setup();
    const api = mockAiReadinessApi({
      listScorecards: jest.fn().mockResolvedValue(makeList(25, 10000)),
    });
    await renderPage(api);
    await screen.findAllByTestId('pilot-row');
    expect(screen.getByText('1-25 of 10000')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual(
        expect.objectContaining({ offset: 25, limit: 25 }),
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Pilot' }));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual(
        expect.objectContaining({ orderBy: 'title', order: 'asc', offset: 0 }),
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Pilot' }));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual(
        expect.objectContaining({ orderBy: 'title', order: 'desc' }),
      ),
    );
  });

  it('exports the current filter as CSV through the API and downloads it', async () => {
    const api = mockAiReadinessApi();
    const createObjectURL = jest.fn(() => 'blob:csv');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function fakeClick(this: HTMLAnchorElement) {
        expect(this.download).toBe('ai-readiness.csv');
        expect(this.href).toBe('blob:csv');
      });
    await renderPage(api, '/ai-readiness?level=L0&dimension=data');
    await screen.findAllByTestId('pilot-row');
    fireEvent.click(screen.getByRole('button', { name: /Export CSV/ }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(api.exportCsv).toHaveBeenCalledWith({
      level: 'L0',
      dimension: 'data',
      orderBy: 'score',
      order: 'asc',
    });
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
    click.mockRestore();
  });

  it('shows an error when the list fails', async () => {
    await renderPage(
      mockAiReadinessApi({
        listScorecards: jest
          .fn()
          .mockRejectedValue(await responseError(400, 'level: unknown')),
      }),
    );
    expect(
      await screen.findByText(/Request failed with 400/),
    ).toBeInTheDocument();
  });

  it('says when no pilot matches the filters', async () => {
    await renderPage(
      mockAiReadinessApi({
        listScorecards: jest.fn().mockResolvedValue(makeList(0)),
      }),
      '/ai-readiness?q=nothing',
    );
    expect(
      await screen.findByText('No pilot matches these filters.'),
    ).toBeInTheDocument();
  });

  it('explains how to get started when there are no pilots at all', async () => {
    await renderPage(
      mockAiReadinessApi({
        getSummary: jest.fn().mockResolvedValue({
          groups: ['L0', 'L1', 'L2', 'L3'].map(key => ({
            key,
            count: 0,
            levels: { L0: 0, L1: 0, L2: 0, L3: 0 },
            score: 0,
            dimensions: {},
          })),
          topGaps: [],
        }),
        listScorecards: jest.fn().mockResolvedValue(makeList(0)),
        getRubric: jest.fn().mockResolvedValue({
          ...rubric,
          annotationPrefix: 'acme.io/',
          scope: {
            types: ['ml-app'],
            tags: ['ai'],
            dataResourceTypes: [],
            modelResourceTypes: ['ai-model'],
            modelGatewayTypes: [],
          },
        }),
      }),
    );
    expect(
      await screen.findByText('No AI pilots scored yet'),
    ).toBeInTheDocument();
    // the advice names the configured prefix and scope (GET /rubric)
    expect(
      await screen.findByText(
        /spec\.type ml-app, or a tag such as ai, or the annotation acme\.io\/enabled: "true"/,
      ),
    ).toBeInTheDocument();
  });
});
