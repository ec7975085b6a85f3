import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { alertApiRef } from '@backstage/core-plugin-api';
import { SWRConfig } from 'swr';
import { aiReadinessApiRef } from '../../api';
import { mockAiReadinessApi, responseError } from '../../testUtils/fixtures';
import { RefreshButton } from './RefreshButton';

async function renderButton(
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
  api = mockAiReadinessApi(),
) {
  const permission = mockApis.permission({ authorize: result });
  const authorize = jest.spyOn(permission, 'authorize');
  const alertApi = { post: jest.fn(), alert$: jest.fn() };
  const onRefreshed = jest.fn();
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [aiReadinessApiRef, api],
        [permissionApiRef, permission],
        [alertApiRef, alertApi],
      ]}
    >
      <SWRConfig value={{ provider: () => new Map() }}>
        <RefreshButton
          entityRef="component:default/a"
          onRefreshed={onRefreshed}
        />
      </SWRConfig>
    </TestApiProvider>,
  );
  return { api, authorize, alertApi, onRefreshed };
}

describe('RefreshButton', () => {
  it('is not shown without the refresh permission', async () => {
    const { authorize } = await renderButton(AuthorizeResult.DENY);
    await waitFor(() => expect(authorize).toHaveBeenCalled());
    expect(authorize.mock.calls[0][0].permission.name).toBe(
      'ai-readiness.scorecard.refresh',
    );
    await expect(authorize.mock.results[0].value).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('posts the refresh and reports success when allowed', async () => {
    const user = userEvent.setup();
    const { api, alertApi, onRefreshed } = await renderButton(
      AuthorizeResult.ALLOW,
    );
    await user.click(
      await screen.findByRole('button', { name: /Re-evaluate/ }),
    );
    await waitFor(() => expect(onRefreshed).toHaveBeenCalled());
    expect(api.refresh).toHaveBeenCalledWith('component:default/a');
    expect(alertApi.post).toHaveBeenCalledWith(
      expect.objectContaining({ severity: 'success' }),
    );
  });

  it('reports a refused refresh', async () => {
    const user = userEvent.setup();
    const api = mockAiReadinessApi({
      refresh: jest.fn().mockRejectedValue(await responseError(403)),
    });
    const { alertApi, onRefreshed } = await renderButton(
      AuthorizeResult.ALLOW,
      api,
    );
    await user.click(
      await screen.findByRole('button', { name: /Re-evaluate/ }),
    );
    await waitFor(() =>
      expect(alertApi.post).toHaveBeenCalledWith(
        expect.objectContaining({
          severity: 'error',
          message: expect.stringContaining('403'),
        }),
      ),
    );
    expect(onRefreshed).not.toHaveBeenCalled();
  });
});
