import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis, renderTestApp } from '@backstage/frontend-test-utils';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import catalogPlugin, {
  CatalogExportConfigBlueprint,
} from '@backstage/plugin-catalog/alpha';
import type { ExtensionDefinition } from '@backstage/frontend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { ScorecardSummary } from '@ai-readiness/plugin-ai-readiness-common';
import { aiReadinessApiRef } from '../api';
import { mockAiReadinessApi } from '../testUtils/fixtures';
import aiReadinessPlugin from './plugin';
import { aiReadinessCatalogModule } from './catalogModule';

jest.setTimeout(60_000);

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:ml' },
});

const summary = (
  name: string,
  level: ScorecardSummary['level'],
): ScorecardSummary => ({
  entityRef: `component:default/${name}`,
  title: name,
  owner: 'group:default/ml',
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
  target: null,
});

/** Two pilots at different levels and one service the backend does not score. */
const entities = ['claims-triage', 'fraud-scoring', 'billing'].map(component);
const scorecards = [
  summary('claims-triage', 'L1'),
  summary('fraud-scoring', 'L2'),
];

function renderCatalog(
  options: {
    pagination?: boolean;
    pageConfig?: object;
    extensions?: ExtensionDefinition[];
  } = {},
) {
  const api = mockAiReadinessApi({
    listScorecards: jest
      .fn()
      .mockResolvedValue({ items: scorecards, totalCount: 2 }),
  });
  renderTestApp({
    features: [catalogPlugin, aiReadinessPlugin, aiReadinessCatalogModule],
    extensions: options.extensions,
    apis: [
      [aiReadinessApiRef, api],
      catalogApiMock({ entities }),
      mockApis.permission(),
    ],
    initialRouteEntries: ['/catalog'],
    config: {
      app: {
        baseUrl: 'http://localhost:3000',
        extensions: [
          // Every entity, not only the signed-in user's.
          {
            'catalog-filter:catalog/list': { config: { initialFilter: 'all' } },
          },
          {
            'page:catalog': {
              config: {
                ...(options.pagination === false ? { pagination: false } : {}),
                ...options.pageConfig,
              },
            },
          },
        ],
      },
      backend: { baseUrl: 'http://localhost:7007' },
    },
  });
  return api;
}

/**
 * The table row of an entity, found by its name link. A text query waits
 * for the row (a role query computes the accessible name of every link on
 * the page each time it polls); the role query then runs once.
 */
async function row(name: string) {
  await screen.findAllByText(name, {}, { timeout: 20_000 });
  return screen.getByRole('link', { name }).closest('tr')!;
}

describe('aiReadinessCatalogModule (catalog index page, new frontend system)', () => {
  it('adds the readiness column after the default columns, from one list request', async () => {
    const api = renderCatalog();

    await screen.findAllByText(
      'AI readiness',
      { selector: 'th, th *' },
      { timeout: 20_000 },
    );
    const header = screen.getByRole('columnheader', { name: 'AI readiness' });
    // The catalog's default columns are still there, before ours.
    const headers = within(header.closest('tr')!)
      .getAllByRole('columnheader')
      .map(h => h.textContent);
    expect(headers).toEqual(expect.arrayContaining(['Name', 'Owner']));
    expect(headers.indexOf('AI readiness')).toBeGreaterThan(
      headers.indexOf('Name'),
    );

    const pilot = await row('claims-triage');
    await waitFor(() =>
      expect(within(pilot).getByTestId('catalog-readiness')).toHaveTextContent(
        'L1',
      ),
    );
    expect(
      within(await row('fraud-scoring')).getByTestId('catalog-readiness'),
    ).toHaveTextContent('L2');
    expect(
      within(await row('billing')).queryByTestId('catalog-readiness'),
    ).not.toBeInTheDocument();

    // One request serves every row (and the level filter).
    expect(api.listScorecards).toHaveBeenCalledTimes(1);
    expect(api.listScorecards).toHaveBeenCalledWith({ limit: 1000, offset: 0 });
  });

  it.each([
    ['paginated (the default)', {}],
    ['without pagination', { pagination: false }],
  ])('the level filter narrows the list: %s', async (_, options) => {
    renderCatalog(options);
    await row('billing');
    expect(screen.getByRole('link', { name: 'claims-triage' })).toBeVisible();

    await userEvent.click(await screen.findByLabelText('L2 · Limited rollout'));
    await waitFor(() =>
      expect(
        screen.queryByRole('link', { name: 'billing' }),
      ).not.toBeInTheDocument(),
    );
    expect(
      screen.queryByRole('link', { name: 'claims-triage' }),
    ).not.toBeInTheDocument();
    expect(
      within(await row('fraud-scoring')).getByTestId('catalog-readiness'),
    ).toHaveTextContent('L2');
  });

  it('keeps the export button and the export columns other extensions give the page', async () => {
    renderCatalog({
      pageConfig: { exportSettings: { enabled: true } },
      extensions: [
        CatalogExportConfigBlueprint.make({
          name: 'pilots',
          params: {
            columns: [{ entityFilterKey: 'metadata.name', title: 'Pilot' }],
          },
        }),
      ],
    });
    await row('billing');
    await userEvent.click(
      screen.getByRole('button', { name: 'Export selection' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Pilot')).toBeInTheDocument();
    // The extension's columns replace the catalog's default export columns.
    expect(within(dialog).queryByText('Owner')).not.toBeInTheDocument();
  });

  it('shows no export button unless the config enables it', async () => {
    renderCatalog();
    await row('billing');
    expect(
      screen.queryByRole('button', { name: 'Export selection' }),
    ).not.toBeInTheDocument();
  });
});
