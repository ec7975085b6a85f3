import type { Scorecard } from '@ai-readiness/plugin-ai-readiness-common';
import { screen } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { aiReadinessApiRef, AiReadinessApi } from '../../api';
import {
  makeScorecard,
  mockAiReadinessApi,
  pilotEntity,
  responseError,
} from '../../testUtils/fixtures';
import { EntityAiReadinessCard, topGaps } from './EntityAiReadinessCard';

function renderCard(api: AiReadinessApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[aiReadinessApiRef, api]]}>
      <EntityProvider entity={pilotEntity}>
        <EntityAiReadinessCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('EntityAiReadinessCard', () => {
  it('shows progress while loading', async () => {
    await renderCard(
      mockAiReadinessApi({
        getScorecard: jest.fn(
          (_ref: string) => new Promise<Scorecard>(() => {}),
        ),
      }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows level, score, the top three gaps and a link to the tab', async () => {
    await renderCard(mockAiReadinessApi());
    expect(await screen.findByText('L1 · Pilot')).toBeInTheDocument();
    expect(screen.getByTestId('score')).toHaveTextContent('64 / 100');
    const gaps = screen
      .getAllByTestId(/^gap-/)
      .map(g => g.getAttribute('data-testid'));
    // Blockers first in the scorecard's order, then the remaining gap.
    expect(gaps).toEqual(['gap-FB-3', 'gap-FB-1', 'gap-FB-2']);
    expect(screen.getByTestId('gap-FB-2')).toHaveTextContent('Error');
    expect(
      screen.getByRole('link', { name: /View readiness details/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/fraud-explainer/ai-readiness',
    );
  });

  it('says when there is no scorecard yet (404)', async () => {
    await renderCard(
      mockAiReadinessApi({
        getScorecard: jest.fn().mockRejectedValue(await responseError(404)),
      }),
    );
    expect(
      await screen.findByText(/No readiness scorecard yet/),
    ).toBeInTheDocument();
  });

  it('shows other errors', async () => {
    await renderCard(
      mockAiReadinessApi({
        getScorecard: jest.fn().mockRejectedValue(await responseError(503)),
      }),
    );
    expect(
      await screen.findByText(/Request failed with 503/),
    ).toBeInTheDocument();
  });
});

describe('topGaps', () => {
  it('ranks blockers, then gates, then errors before fails before partials', () => {
    const card = makeScorecard({ nextLevel: null });
    expect(topGaps(card).map(c => c.id)).toEqual(['FB-3', 'FB-1', 'FB-2']);
    expect(topGaps(card, 10).map(c => c.id)).toEqual(['FB-3', 'FB-1', 'FB-2']);
    expect(
      topGaps(
        makeScorecard({ nextLevel: { level: 'L2', blockers: ['FB-2'] } }),
      ).map(c => c.id),
    ).toEqual(['FB-2', 'FB-3', 'FB-1']);
  });
});
