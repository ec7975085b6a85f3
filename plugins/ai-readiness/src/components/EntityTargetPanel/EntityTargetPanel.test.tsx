import { screen } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { aiReadinessApiRef } from '../../api';
import { makeScorecard, mockAiReadinessApi } from '../../testUtils/fixtures';
import { EntityTargetPanel } from './EntityTargetPanel';

async function renderPanel(scorecard = makeScorecard()) {
  const api = mockAiReadinessApi();
  await renderInTestApp(
    <TestApiProvider apis={[[aiReadinessApiRef, api]]}>
      <EntityTargetPanel scorecard={scorecard} />
    </TestApiProvider>,
  );
  return api;
}

describe('EntityTargetPanel', () => {
  it('says what a pilot lacks for each campaign in words, checks with their titles', async () => {
    await renderPanel(
      makeScorecard({
        target: { level: 'L2', rule: 0, met: false },
        campaigns: [
          {
            id: 'l2-by-q1',
            met: false,
            missing: ['FB-3', 'dimension fallback 0.5 < 0.8'],
          },
        ],
      }),
    );
    const item = await screen.findByTestId('pilot-campaign-l2-by-q1');
    // the campaign's title from GET /campaigns
    expect(item).toHaveTextContent('Every claims pilot at L2 by the end of Q1');
    expect(item).toHaveTextContent(
      'missing FB-3 Kill switch and rollback conditions; Fallback paths 50%, needs 80%',
    );
    expect(item).not.toHaveTextContent('dimension fallback');
    expect(screen.getByTestId('target')).toHaveTextContent('Target: L2');
  });

  it('says "met" for a campaign the pilot meets', async () => {
    await renderPanel(
      makeScorecard({
        target: null,
        campaigns: [{ id: 'l2-by-q1', met: true, missing: [] }],
      }),
    );
    expect(
      await screen.findByTestId('pilot-campaign-l2-by-q1'),
    ).toHaveTextContent(/: met$/);
    expect(screen.getByText(/No target/)).toBeInTheDocument();
  });
});
