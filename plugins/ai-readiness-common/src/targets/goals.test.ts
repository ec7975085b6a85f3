import { createReadinessEngine } from '../engine/engine';
import {
  AiReadinessConfigError,
  parseAiReadinessConfig,
} from '../config/schema';
import {
  campaignDays,
  campaignDaysLeft,
  campaignState,
  idealMetOn,
} from './campaigns';

const AS_OF = '2026-11-25';

function group(name: string, spec: Record<string, unknown> = {}) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name },
    spec: { type: 'team', children: [], ...spec },
  };
}

function pilot(
  name: string,
  opts: {
    owner?: string;
    lifecycle?: string;
    annotations?: Record<string, string>;
    tags?: string[];
    system?: string;
  } = {},
) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      tags: opts.tags ?? [],
      annotations: opts.annotations ?? {},
    },
    spec: {
      type: 'ai-pilot',
      lifecycle: opts.lifecycle ?? 'experimental',
      owner: opts.owner ?? 'group:default/ml',
      ...(opts.system ? { system: opts.system } : {}),
    },
  };
}

/** A claims division with a sub-team (spec.parent) and a sub-sub-team (parent's spec.children). */
const org = [
  group('claims-division'),
  group('claims-ml', {
    parent: 'claims-division',
    children: ['claims-ml-nlp'],
  }),
  group('claims-ml-nlp'),
  group('ml'),
];

function evaluate(config: unknown, entities: any[], name: string) {
  const engine = createReadinessEngine({ config });
  const graph = engine.buildGraph([...org, ...entities]);
  const entity = entities.find(e => e.metadata.name === name);
  return engine.evaluate(entity, graph, { asOf: AS_OF });
}

describe('targets', () => {
  it('uses the default rules: lifecycle production wants L3, rollout stage limited L2', () => {
    const prod = evaluate(
      undefined,
      [pilot('a', { lifecycle: 'production' })],
      'a',
    );
    expect(prod.target).toEqual({ level: 'L3', rule: 0, met: false });
    const limited = evaluate(
      undefined,
      [
        pilot('b', {
          annotations: { 'ai-readiness/rollout-stage': 'limited' },
        }),
      ],
      'b',
    );
    expect(limited.target).toEqual({ level: 'L2', rule: 2, met: false });
  });

  it('gives no target when no rule matches', () => {
    expect(evaluate(undefined, [pilot('a')], 'a').target).toBeNull();
    expect(
      evaluate(
        { targets: [{ when: { tags: ['x'] }, level: 'L1' }] },
        [pilot('a', { lifecycle: 'production' })],
        'a',
      ).target,
    ).toBeNull();
  });

  it('takes the first matching rule, not the highest', () => {
    const config = {
      targets: [
        { when: { riskTier: ['high'] }, level: 'L1' },
        { when: { lifecycle: ['production'] }, level: 'L3' },
      ],
    };
    const card = evaluate(
      config,
      [
        pilot('a', {
          lifecycle: 'production',
          annotations: { 'ai-readiness/risk-tier': 'high' },
        }),
      ],
      'a',
    );
    expect(card.target).toMatchObject({ level: 'L1', rule: 0 });
    const other = evaluate(
      config,
      [pilot('b', { lifecycle: 'production' })],
      'b',
    );
    expect(other.target).toMatchObject({ level: 'L3', rule: 1 });
  });

  it('an owner rule matches the group and its sub-groups, through spec.parent and spec.children', () => {
    const config = {
      targets: [
        { when: { owner: 'group:default/claims-division' }, level: 'L0' },
      ],
    };
    const entities = [
      pilot('direct', { owner: 'claims-division' }),
      pilot('child', { owner: 'group:default/claims-ml' }),
      pilot('grandchild', { owner: 'claims-ml-nlp' }),
      pilot('outside', { owner: 'ml' }),
    ];
    for (const name of ['direct', 'child', 'grandchild']) {
      expect(evaluate(config, entities, name).target).toEqual({
        level: 'L0',
        rule: 0,
        met: true,
      });
    }
    expect(evaluate(config, entities, 'outside').target).toBeNull();
  });

  it('an empty when matches every pilot, and tags and system match as lists', () => {
    const config = {
      targets: [
        { when: { tags: ['genai'], system: ['claims'] }, level: 'L2' },
        { level: 'L1' },
      ],
    };
    const entities = [
      pilot('both', { tags: ['GenAI'], system: 'claims' }),
      pilot('tag-only', { tags: ['genai'] }),
    ];
    expect(evaluate(config, entities, 'both').target?.level).toBe('L2');
    expect(evaluate(config, entities, 'tag-only').target).toMatchObject({
      level: 'L1',
      rule: 1,
    });
  });
});

describe('campaigns on the scorecard', () => {
  const base = {
    title: 'T',
    owner: 'group:default/ai-platform',
    start: '2026-11-01',
    deadline: '2026-12-31',
  };

  it('holds only the campaigns whose scope holds the pilot, sub-groups included', () => {
    const config = {
      campaigns: [
        {
          ...base,
          id: 'claims',
          scope: { owner: 'group:default/claims-division' },
          goal: { level: 'L1' },
        },
        { ...base, id: 'everyone', goal: { level: 'L1' } },
        {
          ...base,
          id: 'high-risk',
          scope: { riskTier: ['high'] },
          goal: { level: 'L1' },
        },
      ],
    };
    const entities = [
      pilot('nlp', { owner: 'claims-ml-nlp' }),
      pilot('other', { owner: 'ml' }),
    ];
    expect(evaluate(config, entities, 'nlp').campaigns!.map(c => c.id)).toEqual(
      ['claims', 'everyone'],
    );
    expect(
      evaluate(config, entities, 'other').campaigns!.map(c => c.id),
    ).toEqual(['everyone']);
  });

  it('a level goal lists the blockers of every level up to the goal', () => {
    const config = {
      campaigns: [
        { ...base, id: 'to-l1', goal: { level: 'L1' } },
        { ...base, id: 'to-l2', goal: { level: 'L2' } },
        { ...base, id: 'to-l0', goal: { level: 'L0' } },
      ],
    };
    const card = evaluate(config, [pilot('bare')], 'bare');
    expect(card.level).toBe('L0');
    const [l1, l2, l0] = card.campaigns!;
    expect(l1.met).toBe(false);
    expect(l1.missing).toEqual(card.nextLevel!.blockers);
    expect(l1.missing).toContain('OWN-1');
    // L2 adds its own blockers to those of L1.
    expect(l2.missing).toEqual(
      expect.arrayContaining([...l1.missing, 'MON-1', 'FB-1']),
    );
    expect(l2.missing.length).toBeGreaterThan(l1.missing.length);
    expect(l0).toEqual({ id: 'to-l0', met: true, missing: [] });
  });

  it('a checks goal is met when each check passes or is waived', () => {
    const config = {
      campaigns: [{ ...base, id: 'sec', goal: { checks: ['SEC-1', 'OWN-1'] } }],
    };
    const bare = evaluate(config, [pilot('bare')], 'bare').campaigns![0];
    expect(bare.met).toBe(false);
    expect(bare.missing).toEqual(expect.arrayContaining(['SEC-1']));
    const riskTier = evaluate(
      config,
      [
        pilot('tiered', {
          annotations: {
            'ai-readiness/risk-tier': 'limited',
            'ai-readiness/waiver.OWN-1': '2027-01-31 the team is being staffed',
          },
        }),
      ],
      'tiered',
    ).campaigns![0];
    expect(riskTier).toEqual({ id: 'sec', met: true, missing: [] });
  });
});

describe('campaign state on a date', () => {
  const c = { start: '2026-12-01', deadline: '2027-03-31' };
  const some = { total: 4, met: 1 };
  it.each([
    ['2026-11-30', some, 'upcoming'],
    ['2026-12-01', some, 'active'],
    ['2027-03-31', some, 'active'],
    ['2027-04-01', some, 'overdue'],
    ['2026-11-30', { total: 4, met: 4 }, 'upcoming'],
    ['2026-12-01', { total: 4, met: 4 }, 'done'],
    ['2027-04-01', { total: 4, met: 4 }, 'done'],
  ] as const)('on %s with %o it is %s', (asOf, counts, state) => {
    expect(campaignState(c, counts, asOf)).toBe(state);
  });

  it('counts days left, the days of progress and the ideal line', () => {
    expect(campaignDaysLeft(c, '2027-03-28')).toBe(3);
    expect(campaignDaysLeft(c, '2027-04-02')).toBe(-2);
    expect(campaignDays(c, '2026-12-03')).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
    ]);
    expect(campaignDays(c, '2026-11-03')).toEqual([]);
    expect(campaignDays(c, '2030-01-01')).toHaveLength(121);
    expect(idealMetOn(c, 10, '2026-12-01')).toBe(0);
    expect(idealMetOn(c, 10, '2027-03-31')).toBe(10);
    expect(idealMetOn(c, 120, '2027-01-30')).toBe(60);
  });
});

describe('configuration errors name the path and what is expected', () => {
  const campaign = {
    id: 'c1',
    title: 'T',
    owner: 'group:default/x',
    start: '2026-12-01',
    deadline: '2027-01-01',
    goal: { level: 'L2' },
  };
  const problem = (config: unknown) => {
    try {
      createReadinessEngine({ config });
    } catch (e) {
      expect(e).toBeInstanceOf(AiReadinessConfigError);
      return (e as Error).message;
    }
    throw new Error('expected a configuration error');
  };

  it('unknown check id', () => {
    expect(
      problem({
        campaigns: [{ ...campaign, goal: { checks: ['SEC-1', 'SEC-99'] } }],
      }),
    ).toMatch(
      /aiReadiness\.campaigns\[0\]\.goal\.checks\[1\]: unknown check id "SEC-99"/,
    );
    // A disabled check is not active either.
    expect(
      problem({
        disabledChecks: ['SEC-1'],
        campaigns: [{ ...campaign, goal: { checks: ['SEC-1'] } }],
      }),
    ).toMatch(/goal\.checks\[0\]/);
  });

  it('bad date', () => {
    expect(
      problem({ campaigns: [{ ...campaign, start: '2026-02-30' }] }),
    ).toMatch(
      /aiReadiness\.campaigns\[0\]\.start: expected a calendar date YYYY-MM-DD; found "2026-02-30"/,
    );
  });

  it('deadline before start', () => {
    expect(
      problem({ campaigns: [{ ...campaign, deadline: '2026-11-30' }] }),
    ).toMatch(
      /aiReadiness\.campaigns\[0\]\.deadline: deadline 2026-11-30 is before start 2026-12-01/,
    );
  });

  it('duplicate id', () => {
    expect(problem({ campaigns: [campaign, { ...campaign }] })).toMatch(
      /aiReadiness\.campaigns\[1\]\.id: duplicate campaign id "c1"/,
    );
  });

  it('bad level, bad id, unknown when key', () => {
    expect(problem({ targets: [{ when: {}, level: 'L5' }] })).toMatch(
      /aiReadiness\.targets\[0\]\.level: expected one of L0, L1, L2, L3; found "L5"/,
    );
    expect(problem({ campaigns: [{ ...campaign, id: 'Bad Id' }] })).toMatch(
      /campaigns\[0\]\.id: expected lower-case/,
    );
    expect(
      problem({ targets: [{ when: { team: ['x'] }, level: 'L1' }] }),
    ).toMatch(/aiReadiness\.targets\[0\]\.when\.team: unknown key/);
  });

  it('accepts a valid configuration', () => {
    const parsed = parseAiReadinessConfig({ campaigns: [campaign] });
    expect(parsed.campaigns[0].goal).toEqual({ level: 'L2' });
    expect(parsed.targets).toBeUndefined();
  });
});
