import { parse } from 'yaml';
import { createReadinessEngine, isAiPilotEntity } from './engine';
import { mergeRemediations } from './remediation';
import { toScorecardSummary } from './summary';
import {
  AiReadinessConfigError,
  parseAiReadinessConfig,
} from '../config/schema';
import { loadConformance } from '../__testUtils__/conformance';
import type { CheckDefinition } from '../checks/types';

const { entities } = loadConformance();
const AS_OF = '2026-11-25';
const byName = (name: string) => entities.find(e => e.metadata.name === name)!;

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v));
}

/** The conformance catalog with one pilot replaced by a modified copy. */
function evaluateVariant(
  name: string,
  change: (e: any) => void,
  config?: unknown,
) {
  const engine = createReadinessEngine({ config });
  const copy = clone(byName(name));
  change(copy);
  const all = entities.map(e => (e.metadata.name === name ? copy : e));
  return engine.evaluate(copy, engine.buildGraph(all), { asOf: AS_OF });
}

const statusOf = (card: any, id: string) =>
  card.dimensions.flatMap((d: any) => d.checks).find((c: any) => c.id === id)
    ?.status;

describe('scope', () => {
  const engine = createReadinessEngine();
  const graph = engine.buildGraph(entities);

  it('selects pilots by type, tag, enabled flag and model dependency', () => {
    const names = engine
      .pilots(graph)
      .map(e => e.metadata.name)
      .sort();
    expect(names).toEqual([
      'claims-chat-agent',
      'claims-summarizer',
      'claims-triage',
      'emotion-scorer',
      'fraud-explainer',
      'ops-forecaster',
      'ranker-v2',
      'underwriting-copilot',
    ]);
  });

  it('honours ai-readiness/enabled both ways', () => {
    const billing = clone(byName('billing-service'));
    billing.metadata.annotations = { 'ai-readiness/enabled': 'true' };
    expect(engine.isPilot(billing, graph)).toBe(true);
    expect(engine.isPilot(byName('legacy-bot'), graph)).toBe(false);
  });

  it('the quick guard needs no graph, and does not see model dependencies', () => {
    expect(isAiPilotEntity(byName('claims-triage'))).toBe(true);
    expect(isAiPilotEntity(byName('legacy-bot'))).toBe(false);
    expect(isAiPilotEntity(byName('ranker-v2'))).toBe(false);
  });

  it('takes configured types and tags', () => {
    const custom = createReadinessEngine({
      config: { scope: { types: ['service'], tags: [] } },
    });
    const g = custom.buildGraph(entities);
    expect(custom.isPilot(byName('billing-service'), g)).toBe(true);
    expect(custom.isPilot(byName('claims-summarizer'), g)).toBe(false);
    // In scope through its model dependency, whatever the types and tags.
    expect(custom.isPilot(byName('fraud-explainer'), g)).toBe(true);
  });
});

describe('scores and levels', () => {
  it('the overall score is the weighted mean of dimension scores', () => {
    const card = evaluateVariant('claims-chat-agent', () => {});
    const monitoring = card.dimensions.find(d => d.id === 'monitoring')!;
    expect(monitoring.score).toBe(0.9);
    expect(card.score).toBe(Math.round(((6 + 0.9) / 7) * 100));
    const weighted = evaluateVariant('claims-chat-agent', () => {}, {
      weights: { monitoring: 6 },
    });
    expect(weighted.score).toBe(Math.round(((6 + 0.9 * 6) / 12) * 100));
  });

  it('names the blockers of the next level, checks and dimension scores', () => {
    const card = evaluateVariant('claims-triage', e => {
      delete e.metadata.annotations['ai-readiness/confidence-threshold'];
      delete e.metadata.annotations['ai-readiness/kill-switch'];
      e.metadata.links = e.metadata.links.filter(
        (l: any) => l.type !== 'fallback-playbook',
      );
    });
    // fallback: FB-1 pass, FB-2 fail, FB-3 partial, FB-4 fail = 0.375
    expect(card.level).toBe('L1');
    expect(card.nextLevel).toEqual({
      level: 'L2',
      blockers: ['FB-3', 'dimension fallback 0.38 < 0.5'],
    });
  });

  it('a high risk tier needs SEC-5 and MON-5 for L2', () => {
    const card = evaluateVariant('claims-triage', e => {
      e.metadata.annotations['ai-readiness/risk-tier'] = 'high';
      e.metadata.annotations['ai-readiness/last-reviewed'] = '2026-01-01';
    });
    expect(statusOf(card, 'MON-5')).toBe('partial');
    expect(card.level).toBe('L1');
    expect(card.nextLevel!.blockers).toEqual(['MON-5']);
  });

  it('a high risk tier needs every fallback and security check for L3', () => {
    const limited = evaluateVariant('claims-triage', e => {
      e.metadata.links = e.metadata.links.filter(
        (l: any) => l.type !== 'fallback-playbook',
      );
      e.metadata.links.push({
        url: 'https://x.example.com/rb',
        type: 'runbook',
      });
    });
    expect(limited.level).toBe('L3');
    const high = evaluateVariant('claims-triage', e => {
      e.metadata.annotations['ai-readiness/risk-tier'] = 'high';
      e.metadata.links = e.metadata.links.filter(
        (l: any) => l.type !== 'fallback-playbook',
      );
      e.metadata.links.push({
        url: 'https://x.example.com/rb',
        type: 'runbook',
      });
    });
    expect(high.level).toBe('L2');
    expect(high.nextLevel!.blockers).toEqual(['FB-4']);
  });

  it('thresholds are configurable', () => {
    const strict = evaluateVariant('claims-chat-agent', () => {}, {
      levels: { L3: { minDimensionScore: 0.95 } },
    });
    expect(strict.level).toBe('L2');
    expect(strict.nextLevel!.blockers).toEqual([
      'dimension monitoring 0.9 < 0.95',
    ]);
  });

  it('reports drift of lifecycle and rollout stage', () => {
    const card = evaluateVariant('claims-triage', e => {
      e.metadata.annotations['ai-readiness/risk-tier'] = 'prohibited';
      e.metadata.annotations['ai-readiness/rollout-stage'] = 'limited';
    });
    expect(card.level).toBe('L0');
    expect(card.drift.map(d => d.message)).toEqual([
      'spec.lifecycle is production, but the computed level is L0',
      'ai-readiness/rollout-stage is limited, but the computed level is L0',
    ]);
  });
});

describe('configuration', () => {
  it('disables checks', () => {
    const card = evaluateVariant('underwriting-copilot', () => {}, {
      disabledChecks: ['OPS-4'],
    });
    expect(statusOf(card, 'OPS-4')).toBeUndefined();
    expect(card.level).toBe('L3');
  });

  it('uses another annotation prefix everywhere, remediations included', () => {
    const engine = createReadinessEngine({
      config: { annotationPrefix: 'acme.com/' },
    });
    const pilot = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'p', annotations: { 'acme.com/risk-tier': 'limited' } },
      spec: { type: 'ai-pilot', owner: 'ml' },
    };
    const card = engine.evaluate(
      pilot as any,
      engine.buildGraph([...entities, pilot]),
      { asOf: AS_OF },
    );
    expect(statusOf(card, 'SEC-1')).toBe('pass');
    const fb1 = card.dimensions
      .flatMap(d => d.checks)
      .find(c => c.id === 'FB-1')!;
    expect(fb1.message).toBe('acme.com/human-review is not set');
    expect(fb1.remediation!.yaml).toContain('acme.com/human-review');
    expect(fb1.remediation!.yaml).not.toContain('ai-readiness/');
  });

  it.each([
    [{ weights: { ownership: 'high' } }, 'aiReadiness.weights.ownership'],
    [{ weigths: {} }, 'aiReadiness.weigths'],
    [{ scope: { types: 'ai-pilot' } }, 'aiReadiness.scope.types'],
    [
      { levels: { L3: { minDimensionScore: 2 } } },
      'aiReadiness.levels.L3.minDimensionScore',
    ],
    [{ annotationPrefix: 'no slash' }, 'aiReadiness.annotationPrefix'],
    [
      {
        customChecks: [
          {
            id: 'X-1',
            dimension: 'nope',
            title: 't',
            rule: { type: 'link', linkType: 'a' },
            remediation: { text: 't', yaml: 'a: b' },
          },
        ],
      },
      'aiReadiness.customChecks[0].dimension',
    ],
    [
      {
        customChecks: [
          {
            id: 'X-1',
            dimension: 'data',
            title: 't',
            rule: { type: 'magic' },
            remediation: { text: 't', yaml: 'a: b' },
          },
        ],
      },
      'aiReadiness.customChecks[0].rule.type',
    ],
    [
      {
        customChecks: [
          {
            id: 'X-1',
            dimension: 'data',
            title: 't',
            rule: { type: 'annotation', key: 'a', pattern: '([' },
            remediation: { text: 't', yaml: 'a: b' },
          },
        ],
      },
      'aiReadiness.customChecks[0].rule.pattern',
    ],
  ])('rejects %j naming %s', (raw, path) => {
    let error: unknown;
    try {
      parseAiReadinessConfig(raw);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AiReadinessConfigError);
    expect((error as AiReadinessConfigError).path).toBe(path);
    expect((error as Error).message).toContain(path);
  });

  it('rejects an unknown disabled check and a custom check reusing an id', () => {
    expect(() =>
      createReadinessEngine({ config: { disabledChecks: ['OPS-9'] } }),
    ).toThrow('aiReadiness.disabledChecks[0]: unknown check id "OPS-9"');
    expect(() =>
      createReadinessEngine({
        config: {
          customChecks: [
            {
              id: 'OWN-1',
              dimension: 'data',
              title: 't',
              rule: { type: 'link', linkType: 'a' },
              remediation: { text: 't', yaml: 'a: b' },
            },
          ],
        },
      }),
    ).toThrow('aiReadiness.customChecks[0].id');
  });
});

describe('custom checks from config', () => {
  const remediation = {
    text: 'Do it',
    yaml: 'metadata:\n  annotations:\n    acme/x: y\n',
  };
  const config = {
    customChecks: [
      {
        id: 'ACME-1',
        dimension: 'security',
        title: 'Pen test',
        gate: true,
        rule: { type: 'link', linkType: 'pentest' },
        remediation,
      },
      {
        id: 'ACME-2',
        dimension: 'operations',
        title: 'Tier label',
        rule: { type: 'label', key: 'acme/tier', values: ['gold', 'silver'] },
        remediation,
      },
      {
        id: 'ACME-3',
        dimension: 'ownership',
        title: 'Team owner',
        rule: { type: 'owner-kind', kinds: ['Group'] },
        remediation,
      },
      {
        id: 'ACME-4',
        dimension: 'integration',
        title: 'Uses a gateway',
        rule: { type: 'dependency', kind: 'component', types: ['llm-gateway'] },
        remediation,
      },
      {
        id: 'ACME-5',
        dimension: 'data',
        title: 'Ticket',
        rule: {
          type: 'annotation',
          key: 'acme/ticket',
          pattern: '^JIRA-\\d+$',
        },
        remediation,
      },
      {
        id: 'ACME-6',
        dimension: 'data',
        title: 'Agents only',
        rule: { type: 'link', linkType: 'x' },
        remediation,
        appliesTo: { types: ['ai-agent'] },
      },
    ],
  };

  it('evaluates each rule kind, and not-applicable outside appliesTo', () => {
    const card = evaluateVariant(
      'claims-triage',
      e => {
        e.metadata.labels = { 'acme/tier': 'gold' };
        e.metadata.annotations['acme/ticket'] = 'JIRA-12';
      },
      config,
    );
    expect(
      ['ACME-1', 'ACME-2', 'ACME-3', 'ACME-4', 'ACME-5', 'ACME-6'].map(id =>
        statusOf(card, id),
      ),
    ).toEqual(['fail', 'pass', 'pass', 'pass', 'pass', 'not-applicable']);
    // ACME-1 is a gate: the pilot drops from L3 to L2.
    expect(card.level).toBe('L2');
    expect(card.nextLevel!.blockers).toEqual(['ACME-1']);
    const other = evaluateVariant(
      'claims-triage',
      e => {
        e.metadata.annotations['acme/ticket'] = 'nope';
      },
      config,
    );
    expect(statusOf(other, 'ACME-2')).toBe('fail');
    expect(statusOf(other, 'ACME-5')).toBe('fail');
  });

  it('checks added in code run like built-in ones, and a throwing one is an error', () => {
    const added: CheckDefinition[] = [
      {
        id: 'CODE-1',
        dimension: 'security',
        title: 'Threat model',
        frameworks: ['MAP 5.1'],
        remediation: { text: 't', yaml: 'a: b\n' },
        evaluate: ctx =>
          ctx.hasLink('threat-model')
            ? { status: 'pass', message: 'ok' }
            : { status: 'fail', message: 'no threat model' },
      },
      {
        id: 'CODE-2',
        dimension: 'security',
        title: 'Buggy',
        frameworks: [],
        remediation: { text: 't', yaml: 'a: b\n' },
        evaluate: () => {
          throw new Error('boom');
        },
      },
    ];
    const engine = createReadinessEngine({ checks: added });
    const card = engine.evaluate(
      byName('claims-triage'),
      engine.buildGraph(entities),
      { asOf: AS_OF },
    );
    expect(statusOf(card, 'CODE-1')).toBe('fail');
    const buggy = card.dimensions
      .flatMap(d => d.checks)
      .find(c => c.id === 'CODE-2')!;
    expect(buggy.status).toBe('error');
    expect(buggy.message).toContain('boom');
    expect(engine.describeRubric().checks.map(c => c.id)).toContain('CODE-1');
    expect(() =>
      createReadinessEngine({ checks: [{ ...added[0], id: 'OWN-1' }] }),
    ).toThrow('Duplicate');
  });
});

describe('shared results', () => {
  it('shares identical results between scorecards, frozen so that no card can change another', () => {
    const engine = createReadinessEngine();
    const graph = engine.buildGraph(entities);
    const a = engine.evaluate(byName('claims-triage'), graph, { asOf: AS_OF });
    const b = engine.evaluate(byName('claims-chat-agent'), graph, {
      asOf: AS_OF,
    });
    const raciA = a.dimensions[0].checks.find(c => c.id === 'OWN-4')!;
    const raciB = b.dimensions[0].checks.find(c => c.id === 'OWN-4')!;
    expect(raciA).toBe(raciB);
    expect(() => {
      (raciA as any).status = 'fail';
    }).toThrow(TypeError);
    // A waived result is the pilot's own.
    const waived = b.dimensions
      .find(d => d.id === 'fallback')!
      .checks.find(c => c.id === 'FB-3')!;
    expect(Object.isFrozen(waived)).toBe(false);
    expect(waived.waiver).not.toBeNull();
  });
});

describe('rubric, summaries, fix-all and on-demand references', () => {
  const engine = createReadinessEngine();
  const graph = engine.buildGraph(entities);

  it('describes the rubric as configured', () => {
    const rubric = engine.describeRubric();
    expect(rubric.checks).toHaveLength(33);
    expect(rubric.checks.filter(c => c.gate).map(c => c.id)).toEqual([
      'OWN-1',
      'OWN-2',
      'DATA-1',
      'DATA-2',
      'INT-1',
      'INT-3',
      'FB-1',
      'FB-3',
      'MON-1',
      'MON-3',
      'SEC-1',
      'SEC-2',
      'OPS-1',
      'OPS-4',
    ]);
    expect(rubric.dimensions.map(d => d.weight)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    for (const check of rubric.checks) {
      expect(check.frameworks.length).toBeGreaterThan(0);
      expect(() => parse(check.remediation.yaml)).not.toThrow();
    }
  });

  it('summaries drop the checks and list the gaps', () => {
    const card = engine.evaluate(byName('ops-forecaster'), graph, {
      asOf: AS_OF,
    });
    const summary = toScorecardSummary(card);
    expect(summary.dimensions[0]).toEqual({
      id: 'ownership',
      title: 'Ownership',
      score: 1,
    });
    expect(summary.failingChecks).toEqual(['DATA-2', 'INT-4', 'INT-6']);
  });

  it('fix-all merges the remediations into one valid snippet plus separate entities', () => {
    const card = engine.evaluate(byName('claims-summarizer'), graph, {
      asOf: AS_OF,
    });
    const docs = mergeRemediations(card)
      .split(/^---\n/m)
      .map(d => parse(d));
    expect(docs[0].metadata.annotations['ai-readiness/risk-tier']).toBe(
      'limited',
    );
    expect(docs[0].metadata.links.map((l: any) => l.type)).toContain('raci');
    expect(docs[0].spec.dependsOn).toEqual([
      'resource:default/customer-warehouse',
      'component:default/llm-gateway',
    ]);
    expect(docs.slice(1).map(d => d.kind)).toEqual(['Resource']);
    const triage = engine.evaluate(byName('claims-triage'), graph, {
      asOf: AS_OF,
    });
    expect(mergeRemediations(triage)).toBe('');
  });

  it('lists the references it would read that the graph lacks', () => {
    const pilot = byName('claims-triage');
    const partialGraph = engine.buildGraph([pilot]);
    const missing = engine.missingRefs([pilot], partialGraph).sort();
    expect(missing).toEqual(
      [
        'group:default/ml',
        'system:default/claims',
        'resource:default/warehouse',
        'resource:default/policy-db',
        'component:default/llm-gateway',
        'api:default/triage-api',
        'api:default/crm-api',
        'user:default/jane',
        'component:default/crm',
        'group:default/reviewers',
        'resource:default/openai-vendor',
        'group:default/division',
      ].sort(),
    );
    expect(engine.missingRefs([pilot], graph)).toEqual([]);
  });
});
