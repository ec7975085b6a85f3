/*
 * The engine under configuration: settings, and custom checks from config.
 */
import { createReadinessEngine } from './engine';
import {
  AiReadinessConfigError,
  parseAiReadinessConfig,
} from '../config/schema';
import type { CheckDefinition } from '../checks/types';
import {
  entities,
  AS_OF,
  byName,
  evaluateVariant,
  statusOf,
} from './__testUtils__/conformanceVariants';

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
