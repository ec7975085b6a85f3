/* eslint-disable no-script-url -- these tests feed script URLs on purpose */
/*
 * Every status of every built-in check, each reached by a minimal pilot in a
 * small organisation.
 */
import { createReadinessEngine } from '../../engine';
import type { CheckStatus } from '../../types';

const org = [
  group('team', {
    type: 'team',
    parent: 'dept',
    profile: { email: 'team@example.com' },
  }),
  group('lonely', { type: 'team', parent: 'dept' }),
  group('dept', { type: 'department' }),
  group('stray', { type: 'team', parent: 'missing-parent' }),
  group(
    'oncall-team',
    { type: 'team', parent: 'dept' },
    { 'opsgenie.com/team': 'ops' },
  ),
  user('u1', ['team']),
  user('u2', ['oncall-team']),
  user('solo', []),
  entity('System', 'biz-system', { owner: 'dept' }),
  entity('System', 'team-system', { owner: 'team' }),
  entity('Resource', 'db', { type: 'database', owner: 'team' }),
  entity('Resource', 'db2', { type: 'vector-store', owner: 'team' }),
  entity('Resource', 'unowned', { type: 'dataset', owner: 'nobody' }),
  entity('Resource', 'checked-db', { type: 'database', owner: 'team' }, {}, [
    { type: 'data-quality', url: 'https://q.example.com' },
  ]),
  entity('Resource', 'model', { type: 'ai-model', owner: 'team' }),
  entity('Resource', 'vendor', { type: 'saas', owner: 'team' }),
  entity('Resource', 'vendor-without-owner', { type: 'saas' }),
  entity('Component', 'gateway', {
    type: 'llm-gateway',
    owner: 'team',
    lifecycle: 'production',
  }),
  entity('Component', 'crm', {
    type: 'service',
    owner: 'team',
    lifecycle: 'production',
    consumesApis: ['used-api'],
  }),
  entity('Component', 'old', {
    type: 'service',
    owner: 'team',
    lifecycle: 'deprecated',
  }),
  entity('API', 'used-api', {
    type: 'openapi',
    lifecycle: 'production',
    owner: 'team',
    definition: 'openapi: 3.0.0',
  }),
  entity('API', 'lonely-api', {
    type: 'openapi',
    lifecycle: 'production',
    owner: 'team',
    definition: '',
  }),
  entity('API', 'beta-api', {
    type: 'openapi',
    lifecycle: 'experimental',
    owner: 'team',
  }),
  entity('API', 'old-api', {
    type: 'openapi',
    lifecycle: 'deprecated',
    owner: 'team',
  }),
];

function entity(
  kind: string,
  name: string,
  spec: object,
  annotations = {},
  links: object[] = [],
) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, annotations, links },
    spec,
  };
}
function group(name: string, spec: object, annotations = {}) {
  return entity('Group', name, { children: [], ...spec }, annotations);
}
function user(name: string, memberOf: string[]) {
  return entity('User', name, { memberOf });
}

interface Patch {
  ann?: Record<string, unknown>;
  links?: Array<string | { type: string; url: unknown }>;
  spec?: Record<string, unknown>;
}

const AR = 'ai-readiness/';

function pilot(patch: Patch) {
  const annotations: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch.ann ?? {})) {
    annotations[k.includes('/') ? k : `${AR}${k}`] = v;
  }
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'pilot',
      annotations,
      links: (patch.links ?? []).map(l =>
        typeof l === 'string'
          ? { type: l, url: `https://docs.example.com/${l}` }
          : l,
      ),
    },
    spec: {
      type: 'ai-pilot',
      owner: 'team',
      lifecycle: 'experimental',
      ...patch.spec,
    },
  };
}

function statusOf(checkId: string, patch: Patch, asOf = '2026-11-25') {
  const engine = createReadinessEngine();
  const target = pilot(patch);
  const graph = engine.buildGraph([...org, target]);
  const card = engine.evaluate(target as any, graph, { asOf });
  const check = card.dimensions
    .flatMap(d => d.checks)
    .find(c => c.id === checkId)!;
  return check;
}

type Case = [string, CheckStatus, Patch, string?];

const cases: Case[] = [
  // ownership
  ['OWN-1', 'pass', {}],
  ['OWN-1', 'partial', { spec: { owner: 'user:solo' } }, 'single User'],
  ['OWN-1', 'partial', { spec: { owner: 'lonely' } }, 'no members'],
  ['OWN-1', 'fail', { spec: { owner: undefined } }, 'not set'],
  ['OWN-1', 'fail', { spec: { owner: 'ghost' } }, 'does not resolve'],
  ['OWN-1', 'error', { spec: { owner: ['team'] } }, 'spec.owner'],
  ['OWN-2', 'pass', { ann: { 'business-owner': 'u1' } }],
  [
    'OWN-2',
    'partial',
    { ann: { 'business-owner': 'user:nobody' } },
    'does not resolve',
  ],
  [
    'OWN-2',
    'partial',
    { spec: { system: 'biz-system' } },
    'inferred group:default/dept',
  ],
  ['OWN-2', 'fail', { spec: { system: 'team-system' } }, 'not set'],
  [
    'OWN-2',
    'fail',
    { ann: { 'business-owner': 'group:default/team' } },
    'same as spec.owner',
  ],
  [
    'OWN-2',
    'error',
    { ann: { 'business-owner': { name: 'x' } } },
    'ai-readiness/business-owner',
  ],
  ['OWN-3', 'pass', {}],
  ['OWN-3', 'partial', { spec: { owner: 'stray' } }, 'missing-parent'],
  ['OWN-3', 'fail', { spec: { owner: 'dept' } }, 'no spec.parent'],
  ['OWN-3', 'fail', { spec: { owner: 'user:u1' } }, 'not a Group'],
  ['OWN-4', 'pass', { links: ['raci'] }],
  ['OWN-4', 'partial', { ann: { 'backstage.io/techdocs-ref': 'dir:.' } }],
  ['OWN-4', 'fail', {}],
  [
    'OWN-4',
    'error',
    { links: [{ type: 'raci', url: 'javascript:alert(1)' }] },
    'metadata.links[0].url',
  ],
  // data
  ['DATA-1', 'pass', { spec: { dependsOn: ['resource:db'] } }],
  ['DATA-1', 'partial', { spec: { consumesApis: ['used-api'] } }],
  ['DATA-1', 'fail', { spec: { dependsOn: ['resource:model'] } }],
  ['DATA-1', 'error', { spec: { dependsOn: 'resource:db' } }, 'spec.dependsOn'],
  ['DATA-2', 'pass', { spec: { dependsOn: ['resource:db', 'resource:db2'] } }],
  [
    'DATA-2',
    'partial',
    { spec: { dependsOn: ['resource:db', 'resource:unowned'] } },
    '1 of 2',
  ],
  [
    'DATA-2',
    'fail',
    {
      spec: {
        dependsOn: [
          'resource:db',
          'resource:unowned',
          'resource:not-registered',
        ],
      },
    },
    '1 of 3',
  ],
  ['DATA-2', 'fail', {}, 'no data resource'],
  ['DATA-2', 'error', { spec: { dependsOn: [42] } }, 'spec.dependsOn[0]'],
  ['DATA-3', 'pass', { links: ['data-contract'] }],
  [
    'DATA-3',
    'pass',
    { ann: { 'input-schema': 'https://schemas.example.com/in.json' } },
  ],
  ['DATA-3', 'partial', { spec: { providesApis: ['used-api'] } }],
  ['DATA-3', 'fail', { spec: { providesApis: ['lonely-api'] } }],
  [
    'DATA-3',
    'error',
    { ann: { 'input-schema': 'file:///etc/passwd' } },
    'input-schema',
  ],
  [
    'DATA-4',
    'pass',
    { ann: { 'input-validation': 'great expectations suite' } },
  ],
  ['DATA-4', 'pass', { links: ['data-quality'] }],
  [
    'DATA-4',
    'partial',
    { spec: { dependsOn: ['resource:checked-db'] } },
    'checked-db',
  ],
  ['DATA-4', 'fail', { spec: { dependsOn: ['resource:db'] } }],
  // integration
  [
    'INT-1',
    'pass',
    { spec: { providesApis: ['used-api'] } },
    'component:default/crm',
  ],
  ['INT-1', 'pass', { ann: { trigger: 'schedule' } }],
  ['INT-1', 'pass', { ann: { trigger: 'event:claim-filed' } }],
  ['INT-1', 'pass', { ann: { trigger: 'component:crm' } }],
  [
    'INT-1',
    'partial',
    { spec: { providesApis: ['lonely-api'] } },
    'no other entity consumes',
  ],
  [
    'INT-1',
    'partial',
    { ann: { trigger: 'component:ghost' } },
    'does not resolve',
  ],
  ['INT-1', 'fail', {}],
  [
    'INT-1',
    'error',
    { ann: { trigger: 'every morning' } },
    'ai-readiness/trigger',
  ],
  ['INT-2', 'pass', { ann: { 'writes-to': 'component:crm, resource:db' } }],
  [
    'INT-2',
    'partial',
    { ann: { 'writes-to': 'component:crm,component:ghost' } },
    'component:default/ghost',
  ],
  [
    'INT-2',
    'partial',
    { spec: { dependsOn: ['component:crm'] } },
    'depends on',
  ],
  ['INT-2', 'fail', { spec: { dependsOn: ['component:gateway'] } }],
  ['INT-2', 'error', { ann: { 'writes-to': 'crm' } }, 'ai-readiness/writes-to'],
  ['INT-3', 'pass', { spec: { dependsOn: ['component:gateway'] } }],
  ['INT-3', 'partial', { spec: { dependsOn: ['resource:model'] } }],
  ['INT-3', 'fail', { spec: { dependsOn: ['resource:db'] } }],
  [
    'INT-4',
    'pass',
    { spec: { providesApis: ['used-api'], consumesApis: ['lonely-api'] } },
  ],
  [
    'INT-4',
    'partial',
    { spec: { providesApis: ['used-api'], consumesApis: ['beta-api'] } },
  ],
  ['INT-4', 'fail', { spec: { consumesApis: ['old-api'] } }, 'deprecated'],
  ['INT-4', 'fail', { spec: { consumesApis: ['ghost-api'] } }, 'unresolved'],
  ['INT-4', 'fail', {}],
  ['INT-5', 'pass', { links: ['access-policy', 'failure-modes'] }],
  ['INT-5', 'partial', { links: ['failure-modes'] }],
  ['INT-5', 'fail', {}],
  ['INT-6', 'pass', {}],
  [
    'INT-6',
    'pass',
    { spec: { dependsOn: ['resource:db'], consumesApis: ['used-api'] } },
  ],
  ['INT-6', 'partial', { spec: { dependsOn: ['component:old'] } }],
  [
    'INT-6',
    'fail',
    {
      spec: {
        dependsOn: ['component:old', 'resource:ghost'],
        consumesApis: ['nope'],
      },
    },
    'resource:default/ghost, api:default/nope',
  ],
  // fallback
  ['FB-1', 'pass', { ann: { 'human-review': 'group:team' } }],
  ['FB-1', 'pass', { ann: { 'human-review': 'user:default/u1' } }],
  [
    'FB-1',
    'partial',
    { ann: { 'human-review': 'https://review.example.com/queue' } },
  ],
  ['FB-1', 'partial', { ann: { 'human-review': 'group:ghosts' } }],
  ['FB-1', 'fail', {}],
  [
    'FB-1',
    'error',
    { ann: { 'human-review': 'the team' } },
    'ai-readiness/human-review',
  ],
  ['FB-2', 'pass', { ann: { 'confidence-threshold': '0.7' } }],
  ['FB-2', 'pass', { ann: { 'confidence-threshold': 1 } }],
  ['FB-2', 'fail', {}],
  [
    'FB-2',
    'error',
    { ann: { 'confidence-threshold': '1.5' } },
    'must be a number from 0 to 1, found "1.5"',
  ],
  ['FB-2', 'error', { ann: { 'confidence-threshold': 'high' } }, '"high"'],
  [
    'FB-3',
    'pass',
    { ann: { 'kill-switch': 'flag' }, links: ['rollback-plan'] },
  ],
  ['FB-3', 'partial', { ann: { 'kill-switch': 'flag' } }],
  ['FB-3', 'partial', { links: ['rollback-plan'] }],
  ['FB-3', 'fail', {}],
  ['FB-4', 'pass', { links: ['fallback-playbook'] }],
  ['FB-4', 'partial', { links: ['runbook'] }],
  ['FB-4', 'fail', {}],
  // monitoring
  ['MON-1', 'pass', { ann: { 'sentry.io/project-slug': 'pilot' } }],
  [
    'MON-1',
    'pass',
    { ann: { 'datadoghq.com/dashboard-url': 'https://app.datadoghq.com/d/1' } },
  ],
  ['MON-1', 'partial', { links: ['dashboard'] }],
  ['MON-1', 'fail', {}],
  [
    'MON-1',
    'error',
    { ann: { 'datadoghq.com/dashboard-url': 'javascript:alert(1)' } },
    'datadoghq.com/dashboard-url',
  ],
  [
    'MON-2',
    'pass',
    {
      ann: {
        'monitored-signals':
          'input-quality, output-quality,override-rate,escalation-rate,fallback-rate,latency,business-impact',
      },
    },
  ],
  [
    'MON-2',
    'partial',
    {
      ann: {
        'monitored-signals':
          'input-quality,output-quality,override-rate,latency,vibes',
      },
    },
    'vibes',
  ],
  [
    'MON-2',
    'fail',
    { ann: { 'monitored-signals': 'latency,uptime,cpu,memory' } },
    '1 of 7',
  ],
  ['MON-2', 'fail', {}],
  [
    'MON-3',
    'pass',
    {
      ann: {
        'prometheus.io/alert': 'x',
        'opsgenie.com/component-selector': 'y',
      },
    },
  ],
  [
    'MON-3',
    'pass',
    {
      ann: { 'grafana/alert-label-selector': 'x' },
      spec: { owner: 'oncall-team' },
    },
    'on group:default/oncall-team',
  ],
  ['MON-3', 'partial', { ann: { 'grafana/alert-label-selector': 'x' } }],
  ['MON-3', 'partial', { ann: { 'splunk.com/on-call-team': 'y' } }],
  ['MON-3', 'fail', {}],
  [
    'MON-4',
    'pass',
    { ann: { 'business-kpi': 'NPS +5' }, links: ['kpi-dashboard'] },
  ],
  ['MON-4', 'partial', { ann: { 'business-kpi': 'NPS +5' } }],
  ['MON-4', 'fail', {}],
  [
    'MON-5',
    'pass',
    { ann: { 'review-cadence': 'P1M', 'last-reviewed': '2026-10-25' } },
    'next due 2026-11-25',
  ],
  [
    'MON-5',
    'partial',
    { ann: { 'review-cadence': 'P1M', 'last-reviewed': '2026-10-24' } },
    'overdue',
  ],
  ['MON-5', 'partial', { ann: { 'review-cadence': 'P2W' } }],
  ['MON-5', 'fail', { ann: { 'last-reviewed': '2026-11-01' } }],
  [
    'MON-5',
    'error',
    { ann: { 'review-cadence': '30 days' } },
    'ai-readiness/review-cadence',
  ],
  [
    'MON-5',
    'error',
    { ann: { 'review-cadence': 'P30D', 'last-reviewed': '2026-02-30' } },
    'ai-readiness/last-reviewed',
  ],
  // security
  ['SEC-1', 'pass', { ann: { 'risk-tier': 'high' } }],
  ['SEC-1', 'fail', {}],
  ['SEC-1', 'fail', { ann: { 'risk-tier': 'prohibited' } }],
  ['SEC-1', 'error', { ann: { 'risk-tier': 'medium' } }, '"medium"'],
  ['SEC-2', 'pass', { ann: { vendors: 'none' } }],
  ['SEC-2', 'pass', { ann: { vendors: 'resource:vendor' } }],
  [
    'SEC-2',
    'partial',
    { ann: { vendors: 'resource:vendor, OpenAI' } },
    'plain name',
  ],
  [
    'SEC-2',
    'partial',
    { ann: { vendors: 'resource:vendor-without-owner' } },
    'no owner',
  ],
  [
    'SEC-2',
    'partial',
    { ann: { vendors: 'resource:unknown-vendor' } },
    'not in the catalog',
  ],
  ['SEC-2', 'fail', {}],
  ['SEC-2', 'error', { ann: { vendors: ' , ' } }, 'ai-readiness/vendors'],
  ['SEC-3', 'pass', { ann: { 'data-classification': 'internal' } }],
  [
    'SEC-3',
    'pass',
    {
      ann: {
        'data-classification': 'restricted',
        'sensitive-masking': 'presidio',
      },
    },
  ],
  ['SEC-3', 'fail', { ann: { 'data-classification': 'confidential' } }],
  ['SEC-3', 'fail', {}],
  ['SEC-3', 'error', { ann: { 'data-classification': 'secret' } }, '"secret"'],
  [
    'SEC-4',
    'pass',
    { ann: { 'log-retention': 'P1Y', 'prompt-access': 'team' } },
  ],
  ['SEC-4', 'partial', { ann: { 'log-retention': 'P1Y' } }],
  [
    'SEC-4',
    'partial',
    { ann: { 'log-retention': 'P1Y', 'prompt-access': 'user:u1' } },
    'not a Group',
  ],
  ['SEC-4', 'partial', { ann: { 'prompt-access': 'group:team' } }],
  ['SEC-4', 'fail', {}],
  [
    'SEC-4',
    'error',
    { ann: { 'log-retention': '90 days' } },
    'ai-readiness/log-retention',
  ],
  [
    'SEC-5',
    'pass',
    {
      ann: { 'pagerduty.com/integration-key': 'k' },
      links: ['incident-response'],
    },
  ],
  ['SEC-5', 'partial', { links: ['incident-response'] }],
  ['SEC-5', 'fail', {}],
  // operations
  [
    'OPS-1',
    'pass',
    { ann: { 'pagerduty.com/service-id': 'P1' } },
    'team@example.com',
  ],
  [
    'OPS-1',
    'pass',
    {
      ann: { 'opsgenie.com/team': 'x' },
      links: ['chat'],
      spec: { owner: 'lonely' },
    },
  ],
  [
    'OPS-1',
    'partial',
    { ann: { 'opsgenie.com/team': 'x' }, spec: { owner: 'lonely' } },
  ],
  ['OPS-1', 'partial', {}, 'team@example.com'],
  ['OPS-1', 'fail', { spec: { owner: 'lonely' } }],
  ['OPS-2', 'pass', { links: ['change-process'] }],
  [
    'OPS-2',
    'pass',
    { ann: { 'prompt-repository': 'https://git.example.com/prompts' } },
  ],
  ['OPS-2', 'partial', { ann: { 'gitlab.com/project-slug': 'a/b' } }],
  ['OPS-2', 'fail', {}],
  [
    'OPS-2',
    'error',
    { ann: { 'prompt-repository': 'git@example.com:prompts' } },
    'prompt-repository',
  ],
  [
    'OPS-3',
    'pass',
    { ann: { 'cost-owner': 'dept' }, links: ['cost-dashboard'] },
  ],
  ['OPS-3', 'partial', { ann: { 'cost-owner': 'group:dept' } }],
  [
    'OPS-3',
    'partial',
    { ann: { 'cost-owner': 'group:ghost' }, links: ['cost-dashboard'] },
    'does not resolve',
  ],
  ['OPS-3', 'fail', {}],
  [
    'OPS-4',
    'pass',
    { ann: { 'rollout-stage': 'pilot' }, links: ['rollout-plan'] },
  ],
  [
    'OPS-4',
    'pass',
    {
      ann: { 'rollout-stage': 'limited' },
      links: ['rollout-plan'],
      spec: { lifecycle: 'production' },
    },
  ],
  ['OPS-4', 'partial', { ann: { 'rollout-stage': 'limited' } }],
  ['OPS-4', 'fail', {}],
  ['OPS-4', 'fail', { ann: { 'rollout-stage': 'production' } }, 'inconsistent'],
  [
    'OPS-4',
    'fail',
    { ann: { 'rollout-stage': 'pilot' }, spec: { lifecycle: 'deprecated' } },
    'inconsistent',
  ],
  ['OPS-4', 'error', { ann: { 'rollout-stage': 'beta' } }, '"beta"'],
  [
    'OPS-5',
    'pass',
    { ann: { 'backstage.io/techdocs-ref': 'dir:.' }, links: ['model-card'] },
  ],
  ['OPS-5', 'partial', { links: ['model-card'] }],
  ['OPS-5', 'fail', {}],
];

describe('built-in checks', () => {
  // Every row gets four cells: jest would pass its done callback in a missing one.
  const rows = cases.map(
    ([id, status, patch, part]) => [id, status, patch, part ?? ''] as const,
  );
  it.each(rows)('%s is %s (%#)', (checkId, status, patch, messagePart) => {
    const check = statusOf(checkId, patch);
    expect({
      id: check.id,
      status: check.status,
      message: check.message,
    }).toEqual({
      id: checkId,
      status,
      message: expect.stringContaining(messagePart),
    });
    // A remediation for every status short of pass, none for pass.
    expect(check.remediation === null).toBe(status === 'pass');
    expect(check.remediation?.yaml ?? '\n').toMatch(/\n$/);
  });

  it('covers every status each check can reach, for all 33 checks', () => {
    const checkIds = new Set(cases.map(c => c[0]));
    expect(checkIds.size).toBe(33);
    for (const id of checkIds) {
      const reached = new Set(cases.filter(c => c[0] === id).map(c => c[1]));
      expect({
        id,
        pass: reached.has('pass'),
        fail: reached.has('fail'),
      }).toEqual({ id, pass: true, fail: true });
    }
  });

  describe('waivers', () => {
    it.each(['OWN-4', 'FB-3', 'MON-2', 'OPS-5'])(
      'a valid waiver makes %s waived',
      id => {
        const check = statusOf(id, {
          ann: { [`waiver.${id}`]: '2026-12-31 accepted by the risk board' },
        });
        expect(check.status).toBe('waived');
        expect(check.waiver).toEqual({
          expires: '2026-12-31',
          reason: 'accepted by the risk board',
        });
        expect(check.remediation).not.toBeNull();
      },
    );

    it('a waiver expiring on the evaluation date still applies', () => {
      expect(
        statusOf('FB-4', { ann: { 'waiver.FB-4': '2026-11-25 last day' } })
          .status,
      ).toBe('waived');
    });

    it('an expired waiver is ignored and says why', () => {
      const check = statusOf('FB-4', {
        ann: { 'waiver.FB-4': '2026-11-24 too late' },
      });
      expect(check.status).toBe('fail');
      expect(check.waiver).toBeNull();
      expect(check.message).toContain('waiver ignored: expired on 2026-11-24');
    });

    it('a malformed waiver is ignored and says why', () => {
      const check = statusOf('FB-4', {
        ann: { 'waiver.FB-4': 'next year, promise' },
      });
      expect(check.status).toBe('fail');
      expect(check.message).toContain('waiver ignored');
      expect(check.message).toContain('ai-readiness/waiver.FB-4');
    });

    it('SEC-1 cannot be waived', () => {
      const check = statusOf('SEC-1', {
        ann: { 'waiver.SEC-1': '2027-01-01 please' },
      });
      expect(check.status).toBe('fail');
      expect(check.message).toContain('cannot be waived');
    });

    it('an error status can be waived too', () => {
      expect(
        statusOf('FB-2', {
          ann: {
            'confidence-threshold': 'x',
            'waiver.FB-2': '2027-01-01 tuning',
          },
        }).status,
      ).toBe('waived');
    });
  });

  it('labels win over annotations', () => {
    const engine = createReadinessEngine();
    const target: any = pilot({ ann: { 'risk-tier': 'medium' } });
    target.metadata.labels = { 'ai-readiness/risk-tier': 'limited' };
    const card = engine.evaluate(target, engine.buildGraph([...org, target]), {
      asOf: '2026-11-25',
    });
    expect(
      card.dimensions.flatMap(d => d.checks).find(c => c.id === 'SEC-1')!
        .status,
    ).toBe('pass');
  });
});
