import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockEntityListContextProvider } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { ScorecardSummary } from '@ai-readiness/plugin-ai-readiness-common';
import { aiReadinessApiRef } from '../../api';
import { mockAiReadinessApi } from '../../testUtils/fixtures';
import { createAiReadinessColumn } from './AiReadinessColumn';
import {
  AiReadinessLevelFilter,
  AiReadinessLevelPicker,
} from './AiReadinessLevelPicker';

jest.setTimeout(30_000);

const entity = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: {},
});

const summary = (
  name: string,
  level: ScorecardSummary['level'],
  target: ScorecardSummary['target'] = null,
): ScorecardSummary => ({
  entityRef: `component:default/${name}`,
  title: name,
  owner: null,
  system: null,
  asOf: '2026-11-25',
  evaluatedAt: '2026-11-25T10:00:00.000Z',
  level,
  levelName: level,
  score: 1,
  dimensions: [],
  nextLevel: null,
  drift: [],
  failingChecks: [],
  target,
});

const items = [
  summary('Alpha', 'L1', { level: 'L3', rule: 0, met: false }),
  summary('beta', 'L2'),
];

describe('catalog readiness column and level filter', () => {
  it('renders a level badge per pilot row from one list request', async () => {
    const api = mockAiReadinessApi({
      listScorecards: jest.fn().mockResolvedValue({ items, totalCount: 2 }),
    });
    const column = createAiReadinessColumn();
    expect(column.title).toBe('AI readiness');
    const rows = ['alpha', 'beta', 'not-a-pilot', 'gamma'].map(entity);
    await renderInTestApp(
      <TestApiProvider apis={[[aiReadinessApiRef, api]]}>
        <div>
          {rows.map(row => (
            <div
              key={row.metadata.name}
              data-testid={`row-${row.metadata.name}`}
            >
              {column.render!({ entity: row }, 'row')}
            </div>
          ))}
        </div>
      </TestApiProvider>,
    );
    await waitFor(
      () => expect(screen.getAllByTestId('catalog-readiness')).toHaveLength(2),
      {
        timeout: 10_000,
      },
    );
    // Refs compare case-insensitively: "Alpha" on the card, "alpha" in the catalog.
    expect(screen.getByTestId('row-alpha')).toHaveTextContent('L1');
    expect(screen.getByTestId('row-alpha')).toHaveTextContent('Off target: L3');
    expect(screen.getByTestId('row-beta')).toHaveTextContent('L2');
    expect(screen.getByTestId('row-gamma')).toHaveTextContent('–');
    expect(api.listScorecards).toHaveBeenCalledTimes(1);
    expect(api.listScorecards).toHaveBeenCalledWith({ limit: 1000, offset: 0 });
  });

  it('the level filter keeps only pilots at the chosen levels', async () => {
    const api = mockAiReadinessApi({
      listScorecards: jest.fn().mockResolvedValue({ items, totalCount: 2 }),
    });
    const updateFilters = jest.fn();
    await renderInTestApp(
      <TestApiProvider apis={[[aiReadinessApiRef, api]]}>
        <MockEntityListContextProvider
          value={{ updateFilters, queryParameters: {} }}
        >
          <AiReadinessLevelPicker />
        </MockEntityListContextProvider>
      </TestApiProvider>,
    );
    await userEvent.click(
      await screen.findByLabelText(
        'L2 · Limited rollout',
        {},
        { timeout: 10_000 },
      ),
    );
    await waitFor(() =>
      expect(updateFilters).toHaveBeenLastCalledWith({
        aiReadinessLevel: expect.any(AiReadinessLevelFilter),
      }),
    );
    const filter: AiReadinessLevelFilter =
      updateFilters.mock.calls[updateFilters.mock.calls.length - 1][0]
        .aiReadinessLevel;
    expect(filter.filterEntity(entity('beta'))).toBe(true);
    expect(filter.filterEntity(entity('alpha'))).toBe(false);
    expect(filter.filterEntity(entity('not-a-pilot'))).toBe(false);
    expect(filter.toQueryValue()).toEqual(['L2']);

    // Unticking removes the filter.
    await userEvent.click(screen.getByLabelText('L2 · Limited rollout'));
    await waitFor(() =>
      expect(updateFilters).toHaveBeenLastCalledWith({
        aiReadinessLevel: undefined,
      }),
    );
  });
});
