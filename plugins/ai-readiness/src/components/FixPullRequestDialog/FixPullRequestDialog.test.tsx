import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { FixPreviewResponse } from '@ai-readiness/plugin-ai-readiness-common';
import { AiReadinessApi, aiReadinessApiRef } from '../../api';
import { scaffolderRouteRef } from '../../routes';
import { FixPullRequestDialog } from './FixPullRequestDialog';

const ENTITY = 'component:default/claims-bot';
const DIFF = [
  '--- a/deploy/catalog-info.yaml',
  '+++ b/deploy/catalog-info.yaml',
  '@@ -5,3 +5,7 @@',
  '   annotations:',
  '     ai-readiness/risk-tier: limited',
  '+  links:',
  '+    - url: https://wiki.example.com/my-pilot/raci',
  '+      title: RACI',
  '+      type: raci',
  ' spec:',
  '',
].join('\n');
const PATCHED = 'kind: Component\nmetadata:\n  name: claims-bot\n  links: []\n';

function previewOf(
  type: 'url' | 'file',
  notes: string[] = [],
): FixPreviewResponse {
  return {
    file: {
      url:
        type === 'url'
          ? 'https://github.com/northwind/claims-bot/blob/main/deploy/catalog-info.yaml'
          : '/srv/portal/examples/pilots-l1.yaml',
      path:
        type === 'url' ? 'deploy/catalog-info.yaml' : 'examples/pilots-l1.yaml',
      type,
    },
    diff: DIFF,
    patched: PATCHED,
    checks: ['OWN-4'],
    notes,
  };
}

async function render(
  previewFix: AiReadinessApi['previewFix'],
  options: { scaffolder?: boolean; checks?: string[] } = {},
) {
  const api = { previewFix: jest.fn(previewFix) };
  const user = userEvent.setup();
  const rendered = await renderInTestApp(
    <TestApiProvider apis={[[aiReadinessApiRef, api]]}>
      <FixPullRequestDialog entityRef={ENTITY} checks={options.checks} />
    </TestApiProvider>,
    options.scaffolder === false
      ? undefined
      : { mountedRoutes: { '/create': scaffolderRouteRef } },
  );
  return { api, user, ...rendered };
}

/** The diff as shown: the text of the code block in the diff region. */
async function shownDiff(path: string): Promise<string> {
  const region = await screen.findByRole('region', { name: `Diff of ${path}` });
  await waitFor(() => expect(region.querySelector('pre')).not.toBeNull());
  return region.querySelector('pre')!.textContent!;
}

describe('FixPullRequestDialog', () => {
  it('shows the diff first, then opens the template with the entity and checks filled in', async () => {
    const { api, user } = await render(async () => previewOf('url'), {
      checks: ['OWN-4'],
    });
    expect(api.previewFix).not.toHaveBeenCalled();
    await user.click(
      screen.getByRole('button', { name: 'Open a pull request for OWN-4' }),
    );
    expect(api.previewFix).toHaveBeenCalledWith({
      entityRef: ENTITY,
      checks: ['OWN-4'],
    });
    expect(await shownDiff('deploy/catalog-info.yaml')).toBe(DIFF);
    // A router link styled as the dialog's main button.
    const link = await screen.findByRole('button', {
      name: /Open the pull request template/,
    });
    const href = link.getAttribute('href')!;
    expect(href.split('?')[0]).toBe(
      '/create/templates/default/ai-readiness-fix',
    );
    expect(
      JSON.parse(new URLSearchParams(href.split('?')[1]).get('formData')!),
    ).toEqual({ entityRef: ENTITY, checks: ['OWN-4'] });
    expect(screen.queryByRole('link', { name: /Download/ })).toBeNull();
  });

  it('offers the patched file to download for an entity from a local file, saying why', async () => {
    const { user } = await render(async () =>
      previewOf('file', [
        'OWN-3: the change belongs in another entity (Group my-team); not applied',
      ]),
    );
    await user.click(
      screen.getByRole('button', {
        name: 'Open a pull request for all failing checks',
      }),
    );
    expect(await shownDiff('examples/pilots-l1.yaml')).toBe(DIFF);
    expect(
      screen.getByText(/comes from a local file that the portal reads/),
    ).toHaveTextContent(
      'component:default/claims-bot comes from a local file that the portal reads (examples/pilots-l1.yaml), not from a repository: there is no pull request to open.',
    );
    expect(
      screen.getByText(
        'OWN-3: the change belongs in another entity (Group my-team); not applied',
      ),
    ).toBeInTheDocument();
    const download = screen.getByRole('link', {
      name: /Download pilots-l1.yaml/,
    });
    expect(download).toHaveAttribute('download', 'pilots-l1.yaml');
    expect(
      decodeURIComponent(
        download
          .getAttribute('href')!
          .replace(/^data:application\/yaml;charset=utf-8,/, ''),
      ),
    ).toBe(PATCHED);
    expect(
      screen.queryByRole('button', { name: /Open the pull request template/ }),
    ).toBeNull();
  });

  it('offers the download when the portal has no scaffolder', async () => {
    const { user } = await render(async () => previewOf('url'), {
      scaffolder: false,
    });
    await user.click(
      screen.getByRole('button', { name: /Open a pull request/ }),
    );
    expect(
      await screen.findByText(/This portal has no scaffolder/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Download catalog-info.yaml/ }),
    ).toHaveAttribute('download', 'catalog-info.yaml');
  });

  it('shows why no patch can be made', async () => {
    const { user } = await render(async () => {
      throw new Error(
        'component:default/claims-bot has no source location (backstage.io/managed-by-location and backstage.io/source-location are not set)',
      );
    });
    await user.click(
      screen.getByRole('button', { name: /Open a pull request/ }),
    );
    expect(
      await screen.findByText("No change can be made to the entity's file", {
        exact: false,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/has no source location/).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByRole('link', { name: /Download/ })).toBeNull();
  });
});
