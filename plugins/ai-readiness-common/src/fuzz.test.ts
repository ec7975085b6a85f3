/* eslint-disable no-script-url -- these tests feed script URLs on purpose */
/*
 * Property test: 10,000 randomly malformed entities (wrong types, missing
 * spec, huge strings, odd Unicode, group-parent cycles, duplicate references,
 * non-http links). Each must get a well-formed scorecard, and malformed
 * values must give `error` statuses naming the field.
 */
import fc from 'fast-check';
import { createReadinessEngine } from './engine';
import {
  CHECK_STATUSES,
  DIMENSION_IDS,
  READINESS_LEVELS,
  Scorecard,
} from './types';

const engine = createReadinessEngine();

const org = [
  // A cycle in group parents, and a duplicate definition of a group.
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'a' },
    spec: { type: 'team', parent: 'b', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'b' },
    spec: { type: 'team', parent: 'a', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'a' },
    spec: { type: 'business-unit' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'u' },
    spec: { memberOf: ['a', 42, null] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'db' },
    spec: { type: 'database', owner: 'a' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'm' },
    spec: { type: 'ai-model', owner: ['x'] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'gw' },
    spec: { type: 'llm-gateway' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name: 'api' },
    spec: { lifecycle: 7 },
  },
  'not an entity',
  null,
];

const KEYS = [
  'business-owner',
  'input-schema',
  'input-validation',
  'trigger',
  'writes-to',
  'human-review',
  'confidence-threshold',
  'kill-switch',
  'monitored-signals',
  'business-kpi',
  'review-cadence',
  'last-reviewed',
  'risk-tier',
  'vendors',
  'data-classification',
  'sensitive-masking',
  'log-retention',
  'prompt-access',
  'cost-owner',
  'rollout-stage',
  'prompt-repository',
  'enabled',
  'waiver.FB-2',
  'waiver.SEC-1',
].map(k => `ai-readiness/${k}`);
const OTHER_KEYS = [
  'datadoghq.com/dashboard-url',
  'pagerduty.com/service-id',
  'backstage.io/techdocs-ref',
  'grafana/alert-label-selector',
];
const LINK_TYPES = [
  'raci',
  'data-contract',
  'rollback-plan',
  'runbook',
  'support',
  'model-card',
  'dashboard',
  'incident-response',
];

const oddString = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 10 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 10 },
  // Huge values are rarer: each costs real time to generate and scan.
  {
    arbitrary: fc.integer({ min: 1, max: 3 }).map(n => 'x'.repeat(n * 100_000)),
    weight: 1,
  },
  {
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\u202e',
      'javascript:alert(1)',
      'JaVaScRiPt:x',
      'data:text/html,x',
      'group:',
      ':',
      '/',
      'a/b/c:d',
      'P',
      'P1Y2M3W4DT5H6M7S',
      '2026-02-30',
      'NaN',
      '-0',
      '1e309',
      'https://',
      'https://ok.example.com/x',
    ),
    weight: 10,
  },
);
const junk: fc.Arbitrary<unknown> = fc.oneof(
  oddString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(oddString, { maxLength: 3 }),
  fc.dictionary(oddString, oddString, { maxKeys: 3 }),
);
const refish = fc.oneof(
  fc.constantFrom(
    'a',
    'group:a',
    'resource:db',
    'resource:db',
    'resource:m',
    'component:gw',
    'api',
    'nope',
  ),
  junk,
);

const entityArb = fc.record(
  {
    apiVersion: fc.oneof(fc.constant('backstage.io/v1alpha1'), junk),
    kind: fc.oneof(fc.constant('Component'), fc.constant('component'), junk),
    metadata: fc.oneof(
      fc.record(
        {
          name: fc.oneof(fc.constant('pilot'), junk),
          namespace: fc.oneof(fc.constant('default'), junk),
          title: junk,
          tags: fc.oneof(
            fc.constant(['genai']),
            fc.array(junk, { maxLength: 3 }),
            junk,
          ),
          annotations: fc.oneof(
            fc.dictionary(fc.constantFrom(...KEYS, ...OTHER_KEYS), junk, {
              maxKeys: 8,
            }),
            junk,
          ),
          labels: fc.oneof(
            fc.dictionary(fc.constantFrom(...KEYS), junk, { maxKeys: 2 }),
            junk,
          ),
          links: fc.oneof(
            fc.array(
              fc.oneof(
                fc.record(
                  {
                    type: fc.constantFrom(...LINK_TYPES),
                    url: junk,
                    title: junk,
                  },
                  { requiredKeys: [] },
                ),
                junk,
              ),
              { maxLength: 4 },
            ),
            junk,
          ),
        },
        { requiredKeys: [] },
      ),
      junk,
    ),
    spec: fc.oneof(
      fc.record(
        {
          type: fc.oneof(fc.constant('ai-pilot'), junk),
          lifecycle: fc.oneof(
            fc.constantFrom('production', 'experimental'),
            junk,
          ),
          owner: refish,
          system: refish,
          dependsOn: fc.oneof(fc.array(refish, { maxLength: 5 }), junk),
          providesApis: fc.oneof(fc.array(refish, { maxLength: 3 }), junk),
          consumesApis: fc.oneof(fc.array(refish, { maxLength: 3 }), junk),
        },
        { requiredKeys: [] },
      ),
      junk,
    ),
    relations: fc.oneof(
      fc.array(
        fc.record({
          type: fc.constantFrom('ownedBy', 'dependsOn', 'partOf'),
          targetRef: refish,
        }),
        { maxLength: 3 },
      ),
      junk,
    ),
  },
  { requiredKeys: [] },
);

/** Problems with a scorecard's shape (plain checks: 13M expect() calls would take minutes). */
function shapeProblems(card: Scorecard): string[] {
  const problems: string[] = [];
  const require = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  require(typeof card.entityRef === 'string', 'entityRef');
  require(typeof card.title === 'string', 'title');
  require(READINESS_LEVELS.includes(card.level), 'level');
  require(Number.isInteger(card.score) &&
    card.score >= 0 &&
    card.score <= 100, 'score');
  require(card.asOf === '2026-11-25', 'asOf');
  require(Array.isArray(card.drift), 'drift');
  let checks = 0;
  for (const dimension of card.dimensions) {
    require(DIMENSION_IDS.includes(dimension.id), `dimension ${dimension.id}`);
    require(dimension.score === null ||
      (dimension.score >= 0 && dimension.score <= 1), `${dimension.id} score`);
    for (const check of dimension.checks) {
      checks++;
      require(CHECK_STATUSES.includes(check.status), `${check.id} status`);
      require(typeof check.message === 'string' &&
        check.message.length > 0, `${check.id} message`);
      // Values are quoted in short form: a 300 kB annotation does not make a 300 kB message.
      require(check.message.length <
        2000, `${check.id} message length ${check.message.length}`);
      require((check.remediation === null) ===
        (check.status === 'pass' ||
          check.status === 'not-applicable'), `${check.id} remediation`);
    }
  }
  require(checks === 34, `34 checks, found ${checks}`);
  try {
    JSON.stringify(card);
  } catch {
    problems.push('not serialisable');
  }
  return problems;
}

describe('fuzz', () => {
  it('gives a well-formed scorecard for 10,000 malformed entities', () => {
    let evaluated = 0;
    fc.assert(
      fc.property(entityArb, entity => {
        const graph = engine.buildGraph([...org, entity]);
        // Whatever the scope rules say, evaluate must cope with it.
        engine.isPilot(entity as any, graph);
        const problems = shapeProblems(
          engine.evaluate(entity as any, graph, { asOf: '2026-11-25' }),
        );
        if (problems.length)
          throw new Error(`malformed scorecard: ${problems.join(', ')}`);
        evaluated++;
      }),
      { numRuns: 10_000, seed: 20261125 },
    );
    expect(evaluated).toBe(10_000);
  });

  const field = (key: string) => fc.constantFrom(key);
  /** Non-blank text that is none of the valid values (compared as the engine does). */
  const textOtherThan = (...valid: string[]) =>
    fc
      .string({ minLength: 1 })
      .filter(s => s.trim() !== '' && !valid.includes(s.trim().toLowerCase()));
  it.each([
    [
      'FB-2',
      'ai-readiness/confidence-threshold',
      fc.oneof(
        fc
          .string({ minLength: 1 })
          .filter(
            s =>
              !/^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/.test(s) ||
              !(Number(s) >= 0 && Number(s) <= 1),
          )
          .filter(s => s.trim() !== ''),
        fc.array(fc.string()),
      ),
    ],
    [
      'SEC-1',
      'ai-readiness/risk-tier',
      textOtherThan('minimal', 'limited', 'high', 'prohibited'),
    ],
    [
      'OPS-4',
      'ai-readiness/rollout-stage',
      textOtherThan('pilot', 'limited', 'production'),
    ],
    [
      'SEC-3',
      'ai-readiness/data-classification',
      textOtherThan('public', 'internal', 'confidential', 'restricted'),
    ],
    [
      'MON-5',
      'ai-readiness/review-cadence',
      fc
        .string({ minLength: 1 })
        .filter(s => s.trim() !== '' && !/^P/.test(s.trim())),
    ],
    [
      'SEC-4',
      'ai-readiness/log-retention',
      fc.oneof(
        fc
          .string({ minLength: 1 })
          .filter(s => s.trim() !== '' && !/^P/.test(s.trim())),
        fc.dictionary(fc.string(), fc.string()),
      ),
    ],
  ])('%s is error naming %s for malformed values', (checkId, key, value) => {
    fc.assert(
      fc.property(field(key), value, (k, v) => {
        const entity = {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'pilot',
            annotations: {
              [k]: v,
              'ai-readiness/review-cadence': checkId === 'MON-5' ? v : 'P30D',
            },
          },
          spec: { type: 'ai-pilot', owner: 'a', lifecycle: 'experimental' },
        };
        const card = engine.evaluate(
          entity as any,
          engine.buildGraph([...org, entity]),
          { asOf: '2026-11-25' },
        );
        const check = card.dimensions
          .flatMap(d => d.checks)
          .find(c => c.id === checkId)!;
        expect(check.status).toBe('error');
        expect(check.message).toContain(key);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('a non-http link of a type a check reads is an error naming the link', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'javascript:alert(1)',
          'data:text/html,<b>',
          'ftp://x.example.com',
          'mailto:a@b.c',
          'java\tscript:x',
          '//evil.example.com',
          'file:///etc/passwd',
        ),
        url => {
          const entity = {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'pilot', links: [{ type: 'model-card', url }] },
            spec: { type: 'ai-pilot', owner: 'a' },
          };
          const card = engine.evaluate(
            entity as any,
            engine.buildGraph([...org, entity]),
            { asOf: '2026-11-25' },
          );
          const check = card.dimensions
            .flatMap(d => d.checks)
            .find(c => c.id === 'OPS-5')!;
          expect(check.status).toBe('error');
          expect(check.message).toContain('metadata.links[0].url');
        },
      ),
    );
  });
});
