/*
 * The engine on the conformance catalog: which entities it scores, and their
 * scores and levels.
 */
import { createReadinessEngine, isAiPilotEntity } from './engine';
import {
  entities,
  byName,
  clone,
  evaluateVariant,
  statusOf,
} from './__testUtils__/conformanceVariants';

describe('scope', () => {
  const engine = createReadinessEngine();
  const graph = engine.buildGraph(entities);

  it('selects pilots by type, agent, tag, enabled flag and model dependency', () => {
    const names = engine
      .pilots(graph)
      .map(e => e.metadata.name)
      .sort();
    expect(names).toEqual([
      'claims-agent',
      'claims-chat-agent',
      'claims-summarizer',
      'claims-triage',
      'emotion-scorer',
      'fraud-explainer',
      'intake-router',
      'ops-forecaster',
      'ranker-v2',
      'research-assistant',
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
