import { screen, within } from '@testing-library/react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { SWRConfig } from 'swr';
import { aiReadinessApiRef } from '../../api';
import {
  makeScorecard,
  mockAiReadinessApi,
  pilotEntity,
} from '../../testUtils/fixtures';
import { EntityAiReadinessContent } from './EntityAiReadinessContent';

async function renderTab(card: ReturnType<typeof makeScorecard>) {
  const api = mockAiReadinessApi({
    getScorecard: jest.fn().mockResolvedValue(card),
  });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [aiReadinessApiRef, api],
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      <SWRConfig value={{ provider: () => new Map() }}>
        <EntityProvider entity={pilotEntity}>
          <EntityAiReadinessContent />
        </EntityProvider>
      </SWRConfig>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

// The tab is large and this machine is shared: allow more than jest's 5 s.
jest.setTimeout(30_000);

describe('EntityAiReadinessContent: why a pilot, and the weakest link', () => {
  it('says why the entity is a pilot and which pilots cap its level', async () => {
    await renderTab(
      makeScorecard({
        level: 'L1',
        scope: {
          rule: 'model-dependency',
          message: 'uses resource:default/gpt (ai-model)',
        },
        cap: { level: 'L3', by: ['airesource:default/billing-agent'] },
      }),
    );
    expect(await screen.findByTestId('scope-reason')).toHaveTextContent(
      'AI pilot because uses resource:default/gpt (ai-model)',
    );
    const cap = screen.getByTestId('level-cap');
    expect(cap).toHaveTextContent(
      /^Capped at L1 by .*billing-agent \(L1\); its own level is L3\.$/,
    );
    expect(
      within(cap).getByRole('link', { name: /billing-agent/ }),
    ).toHaveAttribute('href', '/catalog/default/airesource/billing-agent');
    expect(screen.queryByText(/Something went wrong/)).not.toBeInTheDocument();
  });

  it('shows the scorecard without either for a card stored before them', async () => {
    await renderTab(makeScorecard());
    expect(await screen.findByText('L1 · Pilot')).toBeInTheDocument();
    expect(screen.getByTestId('score')).toHaveTextContent('64');
    expect(screen.queryByTestId('pilot-scope-note')).not.toBeInTheDocument();
  });
});
