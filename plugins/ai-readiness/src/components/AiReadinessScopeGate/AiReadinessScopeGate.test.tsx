import type { Entity } from '@backstage/catalog-model';
import { screen, waitFor } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { AsyncEntityProvider } from '@backstage/plugin-catalog-react';
import { aiReadinessApiRef, AiReadinessApi } from '../../api';
import {
  mockAiReadinessApi,
  plainEntity,
  responseError,
} from '../../testUtils/fixtures';
import { resetAiReadinessScope } from '../../scope/aiReadinessScope';
import { AiReadinessScopeGate } from './AiReadinessScopeGate';

const dependencyOnly: Entity = {
  ...plainEntity,
  metadata: { name: 'claims-severity-router' },
  spec: { ...plainEntity.spec, dependsOn: ['resource:claims-severity-model'] },
};

async function renderGate(api: AiReadinessApi, entity: Entity) {
  const refresh = jest.fn();
  await renderInTestApp(
    <TestApiProvider apis={[[aiReadinessApiRef, api]]}>
      <AsyncEntityProvider entity={entity} loading={false} refresh={refresh}>
        <AiReadinessScopeGate>
          <div>readiness card</div>
        </AiReadinessScopeGate>
      </AsyncEntityProvider>
    </TestApiProvider>,
  );
  return refresh;
}

describe('AiReadinessScopeGate', () => {
  beforeEach(() => resetAiReadinessScope());

  it('shows its children on a pilot only through a model dependency, and refreshes the page so that its tab appears', async () => {
    const api = mockAiReadinessApi();
    const refresh = await renderGate(api, dependencyOnly);
    expect(await screen.findByText('readiness card')).toBeInTheDocument();
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('shows nothing, and refreshes nothing, on an entity the backend does not score', async () => {
    const api = mockAiReadinessApi({
      getScorecard: jest.fn().mockRejectedValue(await responseError(404)),
    });
    const refresh = await renderGate(api, plainEntity);
    await waitFor(() => expect(api.getScorecard).toHaveBeenCalled());
    expect(screen.queryByText('readiness card')).not.toBeInTheDocument();
    expect(refresh).not.toHaveBeenCalled();
  });
});
