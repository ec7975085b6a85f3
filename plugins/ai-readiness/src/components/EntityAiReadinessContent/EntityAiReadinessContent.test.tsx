/* eslint-disable no-script-url */ // unsafe URLs are what these tests feed in
import type { Scorecard } from '@ai-readiness/plugin-ai-readiness-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Entity } from '@backstage/catalog-model';
import { SWRConfig } from 'swr';
import { aiReadinessScorecardRefreshPermission } from '@ai-readiness/plugin-ai-readiness-common';
import { aiReadinessApiRef, AiReadinessApi } from '../../api';
import {
  makeScorecard,
  mockAiReadinessApi,
  pilotEntity,
  responseError,
  rubric,
} from '../../testUtils/fixtures';
import { EntityAiReadinessContent } from './EntityAiReadinessContent';

async function renderTab(
  api: AiReadinessApi,
  options: { allow?: boolean; entity?: Entity } = {},
) {
  const permission = mockApis.permission({
    authorize: req =>
      req.permission.name === aiReadinessScorecardRefreshPermission.name &&
      options.allow
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
  });
  const authorize = jest.spyOn(permission, 'authorize');
  const rendered = await renderInTestApp(
    <TestApiProvider
      apis={[
        [aiReadinessApiRef, api],
        [permissionApiRef, permission],
      ]}
    >
      {/* usePermission caches answers in SWR: a fresh cache per test. */}
      <SWRConfig value={{ provider: () => new Map() }}>
        <EntityProvider entity={options.entity ?? pilotEntity}>
          <EntityAiReadinessContent />
        </EntityProvider>
      </SWRConfig>
    </TestApiProvider>,
  );
  return { ...rendered, authorize };
}

describe('EntityAiReadinessContent', () => {
  it('shows progress while the scorecard loads', async () => {
    const api = mockAiReadinessApi({
      getScorecard: jest.fn((_ref: string) => new Promise<Scorecard>(() => {})),
    });
    await renderTab(api);
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(api.getScorecard).toHaveBeenCalledWith(
      'component:default/fraud-explainer',
    );
  });

  it('shows the error of a failed request', async () => {
    const api = mockAiReadinessApi({
      getScorecard: jest
        .fn()
        .mockRejectedValue(await responseError(500, 'database is down')),
    });
    await renderTab(api);
    expect(
      await screen.findByText(/Request failed with 500/),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('level-badge')).not.toBeInTheDocument();
  });

  it('explains what to do when the entity has no scorecard yet (404)', async () => {
    const api = mockAiReadinessApi({
      getScorecard: jest
        .fn()
        .mockRejectedValue(await responseError(404, 'not a pilot')),
    });
    await renderTab(api);
    expect(
      await screen.findByText('No readiness scorecard for this entity yet'),
    ).toBeInTheDocument();
    const yaml = await screen.findByText(/ai-readiness\/enabled: "true"/);
    // a block, never inside the guidance's paragraph (invalid DOM nesting)
    expect(yaml.closest('pre')).not.toBeNull();
    expect(yaml.closest('p')).toBeNull();
    expect(screen.queryByText(/Request failed/)).not.toBeInTheDocument();
  });

  it('writes the opt-in annotation with the prefix the backend is configured with', async () => {
    const api = mockAiReadinessApi({
      getScorecard: jest.fn().mockRejectedValue(await responseError(404)),
      getRubric: jest
        .fn()
        .mockResolvedValue({ ...rubric, annotationPrefix: 'acme.io/' }),
    });
    await renderTab(api);
    expect(
      await screen.findByText(/acme\.io\/enabled: "true"/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/ai-readiness\/enabled/)).not.toBeInTheDocument();
  });

  it('shows the level, score, what blocks the next level and each dimension', async () => {
    await renderTab(mockAiReadinessApi());
    expect(await screen.findByText('L1 · Pilot')).toBeInTheDocument();
    expect(screen.getByTestId('score')).toHaveTextContent('64');
    const blockers = screen.getByTestId('blockers');
    expect(within(blockers).getByText('FB-3')).toBeInTheDocument();
    expect(
      within(blockers).getByText(/Kill switch and rollback conditions/),
    ).toBeInTheDocument();
    // a dimension below its minimum, in words
    expect(
      within(blockers).getByText('Fallback paths 50%, needs 50%'),
    ).toBeInTheDocument();
    expect(screen.getByText('Blocking', { exact: false })).toHaveTextContent(
      'L2',
    );
    expect(screen.getByLabelText('Fallback paths: 50%')).toBeInTheDocument();
    expect(screen.getByLabelText('Ownership: 100%')).toBeInTheDocument();
  });

  it('lists every check by dimension with status label, message and NIST references', async () => {
    await renderTab(mockAiReadinessApi());
    await screen.findByText('L1 · Pilot');
    const expected: Record<string, string> = {
      'OWN-1': 'Pass',
      'OWN-4': 'Waived',
      'FB-1': 'Partial',
      'FB-2': 'Error',
      'FB-3': 'Fail',
      'FB-4': 'N/A',
    };
    for (const [id, label] of Object.entries(expected)) {
      const item = screen.getByTestId(`check-${id}`);
      expect(within(item).getByText(label)).toBeInTheDocument();
    }
    const fb2 = screen.getByTestId('check-FB-2');
    expect(fb2).toHaveTextContent('must be a number from 0 to 1, found "1.5"');
    expect(
      within(fb2).getByText('NIST AI RMF MEASURE 2.6'),
    ).toBeInTheDocument();
    expect(screen.getByText('Ownership — 100%')).toBeInTheDocument();
    expect(screen.getByText('Fallback paths — 50%')).toBeInTheDocument();
  });

  it('opens dimensions with gaps, folds the others, and lists gaps first', async () => {
    await renderTab(mockAiReadinessApi());
    await screen.findByText('L1 · Pilot');
    expect(
      screen.getByRole('button', { name: /Ownership — 100%/ }),
    ).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByText('2 checks, no gap')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: /Fallback paths — 50%/ }),
    ).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('3 of 4 checks short of pass')).toBeInTheDocument();
  });

  it('lists the checks short of pass before the others', async () => {
    const base = makeScorecard();
    const [own, fallback] = base.dimensions;
    const mixed = makeScorecard({
      dimensions: [
        {
          ...own,
          checks: [
            own.checks[0],
            fallback.checks[2],
            own.checks[1],
            fallback.checks[0],
          ],
        },
      ],
    });
    await renderTab(
      mockAiReadinessApi({ getScorecard: jest.fn().mockResolvedValue(mixed) }),
    );
    await screen.findByText('L1 · Pilot');
    const order = within(screen.getByTestId('dimension-section-ownership'))
      .getAllByTestId(/^check-/)
      .map(e => e.getAttribute('data-testid'));
    expect(order).toEqual([
      'check-FB-3',
      'check-FB-1',
      'check-OWN-1',
      'check-OWN-4',
    ]);
  });

  it('gives each check short of pass its remediation YAML, a copy button and the edit link', async () => {
    const user = userEvent.setup();
    const writeText = jest.spyOn(navigator.clipboard, 'writeText');
    await renderTab(mockAiReadinessApi());
    await screen.findByText('L1 · Pilot');
    const fb2 = screen.getByTestId('check-FB-2');
    expect(
      within(fb2).getByLabelText('Remediation YAML for FB-2'),
    ).toHaveTextContent('ai-readiness/confidence-threshold: "0.85"');
    expect(
      within(fb2).getByRole('link', { name: /Edit catalog-info.yaml/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/example/fraud-explainer/edit/main/catalog-info.yaml',
    );
    await user.click(within(fb2).getByRole('button', { name: 'Copy YAML' }));
    expect(writeText).toHaveBeenCalledWith(
      'metadata:\n  annotations:\n    ai-readiness/confidence-threshold: "0.85"\n',
    );
    expect(
      await within(fb2).findByRole('button', { name: 'Copied' }),
    ).toBeInTheDocument();
    // A passing check has no remediation.
    expect(
      within(screen.getByTestId('check-OWN-1')).queryByText(/Remediation/),
    ).not.toBeInTheDocument();
  });

  it('falls back to the source location, and offers no edit link for a non-http one', async () => {
    const withSource: Entity = {
      ...pilotEntity,
      metadata: {
        ...pilotEntity.metadata,
        annotations: {
          'backstage.io/source-location':
            'url:https://github.com/example/x/tree/main/',
        },
      },
    };
    const { unmount } = await renderTab(mockAiReadinessApi(), {
      entity: withSource,
    });
    await screen.findByText('L1 · Pilot');
    expect(
      within(screen.getByTestId('check-FB-2')).getByRole('link', {
        name: /Open the source location/,
      }),
    ).toHaveAttribute('href', 'https://github.com/example/x/tree/main/');
    unmount();

    const withBadEdit: Entity = {
      ...pilotEntity,
      metadata: {
        ...pilotEntity.metadata,
        annotations: { 'backstage.io/edit-url': 'javascript:alert(1)' },
      },
    };
    await renderTab(mockAiReadinessApi(), { entity: withBadEdit });
    await screen.findByText('L1 · Pilot');
    expect(
      screen.queryByText(/Edit catalog-info.yaml/),
    ).not.toBeInTheDocument();
  });

  it('shows waivers with reason and expiry, and drift warnings', async () => {
    await renderTab(mockAiReadinessApi());
    await screen.findByText('L1 · Pilot');
    expect(screen.getByTestId('check-OWN-4')).toHaveTextContent(
      'Waiver until 2026-12-31: RACI under legal review',
    );
    expect(screen.getByTestId('drift')).toHaveTextContent(
      'spec.lifecycle is production, but the computed level is L1',
    );
  });

  it('shows the evidence line and, on each check, its verified or refuted items', async () => {
    const card = makeScorecard();
    const own1 = card.dimensions[0].checks[0];
    card.dimensions[0].checks[0] = {
      ...own1,
      evidence: [
        {
          collector: 'links',
          target: 'https://wiki.example.com/raci',
          source: 'links[raci]',
          state: 'refuted',
          detail: '404',
          checkedAt: '2026-11-25T09:00:00Z',
        },
      ],
    };
    card.evidence = { verified: 12, unverified: 2, refuted: 1 };
    await renderTab(
      mockAiReadinessApi({ getScorecard: jest.fn().mockResolvedValue(card) }),
    );
    expect(await screen.findByTestId('evidence-summary')).toHaveTextContent(
      '12 of 15 items verified, 1 refuted',
    );
    const item = within(screen.getByTestId(`check-${own1.id}`)).getByTestId(
      'evidence-item',
    );
    expect(item).toHaveAttribute('data-state', 'refuted');
    expect(item).toHaveTextContent(
      'Refutedlinks[raci] https://wiki.example.com/raci: 404',
    );
    expect(item.querySelector('time')).toHaveAttribute(
      'title',
      '2026-11-25T09:00:00.000Z',
    );
  });

  it('shows no evidence line and no marks for a scorecard without evidence', async () => {
    await renderTab(mockAiReadinessApi());
    await screen.findByTestId('score');
    expect(screen.queryByTestId('evidence-summary')).not.toBeInTheDocument();
    expect(screen.queryByTestId('evidence-item')).not.toBeInTheDocument();
  });

  it('shows no target panel, and no stray count, without a target or campaigns', async () => {
    const { container } = await renderTab(
      mockAiReadinessApi({
        getScorecard: jest
          .fn()
          .mockResolvedValue(makeScorecard({ target: null, campaigns: [] })),
      }),
    );
    await screen.findByTestId('score');
    expect(screen.queryByText('Target and campaigns')).not.toBeInTheDocument();
    // a `0 && ...` would render the campaign count as a bare text node
    // between the tab's grid items
    const bareZero = [...container.querySelectorAll('.MuiGrid-container')].some(
      grid =>
        [...grid.childNodes].some(
          n => n.nodeType === Node.TEXT_NODE && n.textContent === '0',
        ),
    );
    expect(bareZero).toBe(false);
  });

  it('draws the trend from the history API', async () => {
    const api = mockAiReadinessApi();
    await renderTab(api);
    expect(
      await screen.findByRole('img', { name: /Score and level over time/ }),
    ).toHaveAttribute('aria-label', expect.stringContaining('score 40 → 64'));
    expect(api.getHistory).toHaveBeenCalledWith(
      'component:default/fraud-explainer',
    );
  });

  it('keeps the scorecard when only the history fails', async () => {
    const api = mockAiReadinessApi({
      getHistory: jest.fn().mockRejectedValue(await responseError(500, 'boom')),
    });
    await renderTab(api);
    expect(
      await screen.findByText(/Could not load the history/),
    ).toBeInTheDocument();
    expect(screen.getByText('L1 · Pilot')).toBeInTheDocument();
  });

  it('never renders a javascript: or data: URL from the entity as a link', async () => {
    const { container } = await renderTab(mockAiReadinessApi());
    await screen.findByText('L1 · Pilot');
    expect(
      screen.getByText('javascript:alert(document.cookie)'),
    ).toBeInTheDocument();
    expect(container.querySelector('a[href^="javascript:"]')).toBeNull();
    expect(container.querySelector('a[href^="data:"]')).toBeNull();
    // The safe ones are links.
    expect(screen.getByRole('link', { name: /Runbook/ })).toHaveAttribute(
      'href',
      'https://runbooks.example.com/fraud',
    );
  });

  it('hides "Re-evaluate" from users without the refresh permission', async () => {
    const { authorize } = await renderTab(mockAiReadinessApi(), {
      allow: false,
    });
    await screen.findByText('L1 · Pilot');
    await waitFor(() => expect(authorize).toHaveBeenCalled());
    await expect(authorize.mock.results[0].value).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
    expect(
      screen.queryByRole('button', { name: /Re-evaluate/ }),
    ).not.toBeInTheDocument();
  });

  it('lets users with the refresh permission re-evaluate, then shows the new scorecard', async () => {
    const user = userEvent.setup();
    const api = mockAiReadinessApi();
    api.getScorecard.mockResolvedValueOnce(makeScorecard()).mockResolvedValue(
      makeScorecard({
        evaluatedAt: '2026-11-25T11:00:00.000Z',
        level: 'L2',
        levelName: 'Limited rollout',
        score: 80,
      }),
    );
    await renderTab(api, { allow: true });
    await screen.findByText('L1 · Pilot');
    await user.click(
      await screen.findByRole('button', { name: /Re-evaluate/ }),
    );
    expect(api.refresh).toHaveBeenCalledWith(
      'component:default/fraud-explainer',
    );
    expect(await screen.findByText('L2 · Limited rollout')).toBeInTheDocument();
    expect(screen.getByTestId('score')).toHaveTextContent('80');
  });

  it('merges every remediation into one snippet in "Fix all"', async () => {
    const user = userEvent.setup();
    const writeText = jest.spyOn(navigator.clipboard, 'writeText');
    await renderTab(mockAiReadinessApi());
    await screen.findByText('L1 · Pilot');
    // OWN-4 (waived), FB-1, FB-2, FB-3: four remediations; pass and n/a have none.
    await user.click(screen.getByRole('button', { name: 'Fix all (4)' }));
    const dialog = await screen.findByRole('dialog');
    const yaml = within(dialog).getByLabelText('Merged remediation YAML')
      .textContent!;
    expect(yaml).toContain('ai-readiness/confidence-threshold: "0.85"');
    expect(yaml).toContain('ai-readiness/kill-switch: flags/x');
    expect(yaml).toContain(
      'ai-readiness/human-review: group:default/reviewers',
    );
    expect(yaml).toContain('type: raci');
    expect(yaml.match(/^metadata:/gm)).toHaveLength(1);
    expect(yaml.match(/annotations:/g)).toHaveLength(1);
    await user.click(within(dialog).getByRole('button', { name: 'Copy YAML' }));
    expect(writeText).toHaveBeenCalledWith(yaml);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('offers "Open a pull request" beside "Fix all" and on each check with a remediation, each previewing its own checks', async () => {
    const user = userEvent.setup();
    const api = mockAiReadinessApi();
    await renderTab(api);
    await screen.findByText('L1 · Pilot');
    await user.click(
      screen.getByRole('button', {
        name: 'Open a pull request for all failing checks',
      }),
    );
    expect(api.previewFix).toHaveBeenLastCalledWith({
      entityRef: 'component:default/fraud-explainer',
      checks: undefined,
    });
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Close',
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    const check = screen.getByTestId('check-FB-3');
    await user.click(
      within(check).getByRole('button', {
        name: 'Open a pull request for FB-3',
      }),
    );
    expect(api.previewFix).toHaveBeenLastCalledWith({
      entityRef: 'component:default/fraud-explainer',
      checks: ['FB-3'],
    });
    // No button on a passing check.
    expect(
      within(screen.getByTestId('check-OWN-1')).queryByRole('button', {
        name: /Open a pull request/,
      }),
    ).not.toBeInTheDocument();
  });

  it('offers no "Fix all" when nothing needs fixing', async () => {
    const card = makeScorecard();
    const allPass = makeScorecard({
      dimensions: [
        { ...card.dimensions[0], checks: [card.dimensions[0].checks[0]] },
      ],
      nextLevel: null,
      drift: [],
    });
    await renderTab(
      mockAiReadinessApi({
        getScorecard: jest.fn().mockResolvedValue(allPass),
      }),
    );
    await screen.findByText('L1 · Pilot');
    expect(
      screen.queryByRole('button', { name: /Fix all/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Open a pull request/ }),
    ).not.toBeInTheDocument();
    expect(screen.getByText(/Top level reached/)).toBeInTheDocument();
    expect(screen.queryByTestId('drift')).not.toBeInTheDocument();
  });
});
