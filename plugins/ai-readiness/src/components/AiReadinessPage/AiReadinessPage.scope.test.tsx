import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { aiReadinessApiRef, AiReadinessApi } from '../../api';
import { makeList, mockAiReadinessApi } from '../../testUtils/fixtures';
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

// The page is large and this machine is shared: allow more than jest's 5 s.
jest.setTimeout(30_000);

describe('AiReadinessPage: why in scope', () => {
  it('filters by scope rule on the server, with readable labels, and clears it', async () => {
    const api = mockAiReadinessApi();
    await renderPage(api);
    await screen.findAllByTestId('pilot-row');
    expect(lastQuery(api)?.scope).toBeUndefined();

    fireEvent.mouseDown(screen.getByLabelText('Why in scope'));
    const listbox = await screen.findByRole('listbox');
    expect(
      within(listbox)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual([
      'Any',
      'Opted in',
      'Pilot type',
      'Agent',
      'Tag',
      'Uses a model',
      'Uses a tool server',
    ]);
    fireEvent.click(within(listbox).getByText('Uses a model'));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual(
        expect.objectContaining({ scope: 'model-dependency', offset: 0 }),
      ),
    );

    fireEvent.click(screen.getByText('Clear filters'));
    await waitFor(() => expect(lastQuery(api)?.scope).toBeUndefined());
  });

  it('reads the scope filter from the URL, ignores unknown rules, and exports with it', async () => {
    const api = mockAiReadinessApi();
    const createObjectURL = jest.fn(() => 'blob:csv');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    await renderPage(api, '/ai-readiness?scope=agent&level=L1');
    await screen.findAllByTestId('pilot-row');
    expect(lastQuery(api)).toEqual(
      expect.objectContaining({ scope: 'agent', level: 'L1' }),
    );
    fireEvent.click(screen.getByRole('button', { name: /Export CSV/ }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(api.exportCsv).toHaveBeenCalledWith(
      expect.objectContaining({ scope: 'agent', level: 'L1' }),
    );
    click.mockRestore();

    const other = mockAiReadinessApi();
    await renderPage(other, '/ai-readiness?scope=everything');
    await waitFor(() => expect(other.listScorecards).toHaveBeenCalled());
    expect(lastQuery(other)?.scope).toBeUndefined();
  });

  it('shows each pilot’s scope rule and what matched in a column', async () => {
    const list = makeList(2);
    list.items[0] = {
      ...list.items[0],
      scope: { rule: 'tool-server', message: 'uses api:default/search-mcp' },
    };
    await renderPage(
      mockAiReadinessApi({
        listScorecards: jest.fn().mockResolvedValue(list),
      }),
    );
    const rows = await screen.findAllByTestId('pilot-row');
    expect(
      within(screen.getByTestId('pilot-table')).getByText('In scope by')
        .tagName,
    ).toBe('TH');
    expect(within(rows[0]).getByTestId('scope-rule')).toHaveTextContent(
      'Uses a tool server',
    );
    expect(rows[0]).toHaveTextContent('uses api:default/search-mcp');
    // a scorecard stored before scope existed: an empty cell, no error
    expect(within(rows[1]).queryByTestId('scope-rule')).not.toBeInTheDocument();
  });
});
