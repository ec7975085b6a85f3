import { screen, waitFor } from '@testing-library/react';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { aiReadinessApiRef } from '../api';
import type { Entity } from '@backstage/catalog-model';
import {
  mockAiReadinessApi,
  pilotEntity,
  plainEntity,
  responseError,
} from '../testUtils/fixtures';
import { resetAiReadinessScope } from '../scope/aiReadinessScope';
import plugin, {
  aiReadinessEntityCard,
  aiReadinessEntityContent,
  aiReadinessGroupCard,
  aiReadinessPage,
  aiReadinessSystemCard,
  aiReadinessWaiversPage,
} from './plugin';

/** A service that is an AI pilot only through its dependency on a model. */
const dependencyOnly: Entity = {
  ...plainEntity,
  metadata: { name: 'claims-severity-router' },
  spec: { ...plainEntity.spec, dependsOn: ['resource:claims-severity-model'] },
};

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'claims-division', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

const system: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'claims', namespace: 'default' },
  spec: { owner: 'claims-division' },
};

describe('ai-readiness for the new frontend system', () => {
  beforeEach(() => resetAiReadinessScope());

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

  it('serves the waiver page at /ai-readiness/waivers', async () => {
    const api = mockAiReadinessApi();
    renderTestApp({
      apis: [[aiReadinessApiRef, api]],
      extensions: [aiReadinessWaiversPage],
      initialRouteEntries: ['/ai-readiness/waivers'],
    });
    expect(await screen.findByText('No waiver requests')).toBeInTheDocument();
    expect(api.listWaivers).toHaveBeenCalled();
  });

  it('leaves other entities alone: the backend does not score them', async () => {
    const api = mockAiReadinessApi({
      getScorecard: jest.fn().mockRejectedValue(await responseError(404)),
    });
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
    // The other card rendered, so the page did: ours rendered nothing.
    expect(await screen.findByText('other card')).toBeInTheDocument();
    await waitFor(() =>
      expect(api.getScorecard).toHaveBeenCalledWith(
        'component:default/billing',
      ),
    );
    expect(screen.queryByText('AI readiness')).not.toBeInTheDocument();
  });

  it('shows the card and then the tab on a pilot only through its model dependency', async () => {
    const api = mockAiReadinessApi();
    // Before the backend has answered, the synchronous tab filter says no.
    const before = renderTestApp({
      apis: [[aiReadinessApiRef, api]],
      extensions: [
        createTestEntityPage({ entity: dependencyOnly }),
        aiReadinessEntityContent,
      ],
    });
    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
    before.unmount();

    // The overview card asks the backend and shows...
    const card = renderTestApp({
      apis: [[aiReadinessApiRef, api]],
      extensions: [
        createTestEntityPage({ entity: dependencyOnly }),
        aiReadinessEntityCard,
      ],
    });
    expect(await screen.findByText('L1 · Pilot')).toBeInTheDocument();
    card.unmount();

    // ...and the tab filter now knows the answer.
    renderTestApp({
      apis: [[aiReadinessApiRef, api]],
      extensions: [
        createTestEntityPage({ entity: dependencyOnly }),
        aiReadinessEntityContent,
      ],
    });
    expect(await screen.findByText('Fallback paths — 50%')).toBeInTheDocument();
  });

  it.each([
    [
      'Group',
      group,
      'AI readiness of this team',
      'AI readiness of this system',
      { owner: 'group:default/claims-division', limit: 1000 },
    ],
    [
      'System',
      system,
      'AI readiness of this system',
      'AI readiness of this team',
      { system: 'system:default/claims', limit: 1000 },
    ],
  ])(
    'shows the %s card on its own kind of page only',
    async (_, entity, shown, notShown, query) => {
      const api = mockAiReadinessApi();
      renderTestApp({
        apis: [[aiReadinessApiRef, api]],
        extensions: [
          createTestEntityPage({ entity }),
          aiReadinessGroupCard,
          aiReadinessSystemCard,
        ],
      });
      expect(await screen.findByText(shown)).toBeInTheDocument();
      expect(await screen.findByTestId('team-total')).toHaveTextContent(
        '3 AI pilots',
      );
      expect(screen.getByLabelText('L1: 3')).toBeInTheDocument();
      expect(api.listScorecards).toHaveBeenCalledWith(query);
      expect(api.listScorecards).toHaveBeenCalledTimes(1);
      expect(screen.queryByText(notShown)).not.toBeInTheDocument();
    },
  );
});
