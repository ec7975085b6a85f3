import { screen } from '@testing-library/react';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { aiReadinessApiRef } from '../api';
import {
  mockAiReadinessApi,
  pilotEntity,
  plainEntity,
} from '../testUtils/fixtures';
import plugin, {
  aiReadinessEntityCard,
  aiReadinessEntityContent,
  aiReadinessPage,
} from './plugin';

describe('ai-readiness for the new frontend system', () => {
  it('is a plugin with the API, the page, the tab and the card', () => {
    expect(plugin.id).toBe('ai-readiness');
    expect(
      createExtensionTester(aiReadinessPage).query(aiReadinessPage),
    ).toBeDefined();
  });

  it('shows the card on an AI pilot', async () => {
    renderTestApp({
      apis: [[aiReadinessApiRef, mockAiReadinessApi()]],
      extensions: [
        createTestEntityPage({ entity: pilotEntity }),
        aiReadinessEntityCard,
      ],
    });
    expect(await screen.findByText('L1 · Pilot')).toBeInTheDocument();
  });

  it('shows the tab on an AI pilot', async () => {
    renderTestApp({
      apis: [[aiReadinessApiRef, mockAiReadinessApi()]],
      extensions: [
        createTestEntityPage({ entity: pilotEntity }),
        aiReadinessEntityContent,
      ],
    });
    expect(await screen.findByText('Fallback paths — 50%')).toBeInTheDocument();
  });

  it('serves the org page at /ai-readiness', async () => {
    renderTestApp({
      apis: [[aiReadinessApiRef, mockAiReadinessApi()]],
      extensions: [aiReadinessPage],
      initialRouteEntries: ['/ai-readiness'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(await screen.findAllByTestId('pilot-row')).toHaveLength(3);
    expect(screen.getByTestId('heatmap')).toBeInTheDocument();
  });

  it('leaves other entities alone', async () => {
    const api = mockAiReadinessApi();
    renderTestApp({
      apis: [[aiReadinessApiRef, api]],
      extensions: [
        createTestEntityPage({ entity: plainEntity }),
        aiReadinessEntityCard,
        EntityCardBlueprint.make({
          name: 'marker',
          params: { loader: async () => <div>other card</div> },
        }),
      ],
    });
    // The other card rendered, so the page did: ours was filtered out.
    expect(await screen.findByText('other card')).toBeInTheDocument();
    expect(screen.queryByText('AI readiness')).not.toBeInTheDocument();
    expect(api.getScorecard).not.toHaveBeenCalled();
  });
});
