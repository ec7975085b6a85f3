import { screen } from '@testing-library/react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { ScorecardSummary } from '@ai-readiness/plugin-ai-readiness-common';
import { aiReadinessApiRef } from '../../api';
import { mockAiReadinessApi } from '../../testUtils/fixtures';
import { EntityTeamReadinessCard } from './EntityTeamReadinessCard';

jest.setTimeout(30_000);
const slow = { timeout: 10_000 };

function summary(
  name: string,
  level: ScorecardSummary['level'],
  extra: Partial<ScorecardSummary> = {},
): ScorecardSummary {
  return {
    entityRef: `component:default/${name}`,
    title: name,
    owner: 'group:default/claims-ml',
    system: null,
    asOf: '2026-11-25',
    evaluatedAt: '2026-11-25T10:00:00.000Z',
    level,
    levelName: level,
    score: 50,
    dimensions: [],
    nextLevel: null,
    drift: [],
    failingChecks: [],
    ...extra,
  };
}

const items = [
  summary('a', 'L1', {
    target: { level: 'L2', rule: 2, met: false },
    campaigns: [{ id: 'l2-by-q1', met: false, missing: ['MON-1'] }],
  }),
  summary('b', 'L2', {
    target: { level: 'L2', rule: 2, met: true },
    campaigns: [{ id: 'l2-by-q1', met: true, missing: [] }],
  }),
  summary('c', 'L2'),
];

const group = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'claims-division', namespace: 'default' },
  spec: { type: 'team', children: ['claims-ml'] },
};

describe('EntityTeamReadinessCard', () => {
  it('on a Group page: asks once for the team and its sub-groups, counts levels, off target and campaigns', async () => {
    const api = mockAiReadinessApi({
      listScorecards: jest.fn().mockResolvedValue({ items, totalCount: 3 }),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[aiReadinessApiRef, api]]}>
        <EntityProvider entity={group}>
          <EntityTeamReadinessCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('3 AI pilots', {}, slow),
    ).toBeInTheDocument();
    expect(api.listScorecards).toHaveBeenCalledTimes(1);
    expect(api.listScorecards).toHaveBeenCalledWith({
      owner: 'group:default/claims-division',
      limit: 1000,
    });
    expect(screen.getByLabelText('L1: 1')).toBeInTheDocument();
    expect(screen.getByLabelText('L2: 2')).toBeInTheDocument();
    expect(screen.getByLabelText('L0: 0')).toBeInTheDocument();
    expect(screen.getByTestId('team-off-target')).toHaveTextContent(
      'Off target: 1',
    );
    expect(screen.getByTestId('team-campaign-l2-by-q1')).toHaveTextContent(
      'Every claims pilot at L2 by the end of Q1: 1 of 2 meet it (deadline 2026-11-30)',
    );
  });

  it('on a System page: filters by system, and says when there is no pilot', async () => {
    const api = mockAiReadinessApi({
      listScorecards: jest.fn().mockResolvedValue({ items: [], totalCount: 0 }),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[aiReadinessApiRef, api]]}>
        <EntityProvider
          entity={{
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'System',
            metadata: { name: 'claims', namespace: 'default' },
            spec: { owner: 'claims-division' },
          }}
        >
          <EntityTeamReadinessCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('No AI pilot is part of this system.', {}, slow),
    ).toBeInTheDocument();
    expect(api.listScorecards).toHaveBeenCalledWith({
      system: 'system:default/claims',
      limit: 1000,
    });
  });
});
