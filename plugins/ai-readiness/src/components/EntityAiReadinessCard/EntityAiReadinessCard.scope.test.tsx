import { screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { aiReadinessApiRef } from '../../api';
import {
  makeScorecard,
  mockAiReadinessApi,
  pilotEntity,
} from '../../testUtils/fixtures';
import { EntityAiReadinessCard } from './EntityAiReadinessCard';

async function renderCard(card: ReturnType<typeof makeScorecard>) {
  const api = mockAiReadinessApi({
    getScorecard: jest.fn().mockResolvedValue(card),
  });
  await renderInTestApp(
    <TestApiProvider apis={[[aiReadinessApiRef, api]]}>
      <EntityProvider entity={pilotEntity}>
        <EntityAiReadinessCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('EntityAiReadinessCard: why a pilot, and the weakest link', () => {
  it('says why the entity is a pilot and which pilots cap its level', async () => {
    await renderCard(
      makeScorecard({
        level: 'L0',
        levelName: 'Unready',
        scope: { rule: 'tag', message: 'tag genai' },
        cap: {
          level: 'L2',
          by: ['airesource:default/billing-agent', 'component:default/ledger'],
        },
      }),
    );
    expect(await screen.findByTestId('scope-reason')).toHaveTextContent(
      'AI pilot because tag genai',
    );
    const cap = screen.getByTestId('level-cap');
    expect(cap).toHaveTextContent(
      /^Capped at L0 by .*billing-agent, .*ledger \(L0\); its own level is L2\.$/,
    );
    expect(
      within(cap)
        .getAllByRole('link')
        .map(a => a.getAttribute('href')),
    ).toEqual([
      '/catalog/default/airesource/billing-agent',
      '/catalog/default/component/ledger',
    ]);
    // the card's own content is still there
    expect(screen.getByTestId('score')).toHaveTextContent('64 / 100');
  });

  it('shows neither for a scorecard stored before them', async () => {
    await renderCard(makeScorecard());
    expect(await screen.findByText('L1 · Pilot')).toBeInTheDocument();
    expect(screen.queryByTestId('pilot-scope-note')).not.toBeInTheDocument();
    expect(screen.getAllByTestId(/^gap-/)).toHaveLength(3);
  });
});
