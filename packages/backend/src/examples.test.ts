import { createReadinessEngine } from '@ai-readiness/plugin-ai-readiness-common';
import {
  EXAMPLES_AS_OF,
  expectedLevels,
  loadExampleEntities,
} from './__testUtils__/examples';

describe('examples/', () => {
  const entities = loadExampleEntities();
  const expected = expectedLevels();
  const engine = createReadinessEngine();
  const graph = engine.buildGraph(entities);
  const cards = engine.evaluateAll(graph, { asOf: EXAMPLES_AS_OF });
  const byName = new Map(cards.map(c => [c.entityRef.split('/')[1], c]));

  it('holds at least 12 pilots, two or more at every level', () => {
    expect(expected.size).toBeGreaterThanOrEqual(12);
    for (const level of ['L0', 'L1', 'L2', 'L3']) {
      const names = [...expected]
        .filter(([, l]) => l === level)
        .map(([n]) => n);
      expect({ level, count: names.length >= 2 }).toEqual({
        level,
        count: true,
      });
    }
  });

  it('has exactly the AI pilots listed in examples/README.md', () => {
    expect([...byName.keys()].sort()).toEqual([...expected.keys()].sort());
  });

  it('reaches the level that examples/README.md states for every pilot', () => {
    const actual = Object.fromEntries(
      [...byName].map(([n, c]) => [n, c.level]),
    );
    expect(actual).toEqual(Object.fromEntries(expected));
  });

  it('shows the gaps the README describes', () => {
    const status = (pilot: string, check: string) =>
      byName
        .get(pilot)!
        .dimensions.flatMap(d => d.checks)
        .find(c => c.id === check)!;

    // a javascript: URL in a dashboard annotation is an error, never a pass
    expect(status('kyc-document-checker', 'MON-1').status).toBe('error');
    // a malformed confidence threshold
    expect(status('subrogation-opportunity-finder', 'FB-2').status).toBe(
      'error',
    );
    // an expired waiver is ignored, a valid one applies
    expect(status('underwriting-risk-scorer', 'FB-3').status).toBe('fail');
    expect(status('underwriting-risk-scorer', 'FB-3').message).toContain(
      '2026-06-30',
    );
    expect(status('underwriting-document-extractor', 'OPS-3')).toMatchObject({
      status: 'waived',
      waiver: { expires: '2027-01-31' },
    });
    // a dataset whose owner does not exist
    expect(status('call-wrapup-summarizer', 'DATA-2').status).toBe('fail');
    // no kill switch
    expect(status('call-wrapup-summarizer', 'FB-3').status).toBe('partial');
    // missing business owner
    expect(status('claims-letter-drafter', 'OWN-2').status).toBe('fail');
    // prohibited risk tier, and a risk tier that is not a rubric value
    expect(status('lifestyle-pricing-scorer', 'SEC-1').status).toBe('fail');
    expect(status('actuarial-reserving-assistant', 'SEC-1').status).toBe(
      'error',
    );
    // direct model access
    expect(status('finance-close-copilot', 'INT-3').status).toBe('partial');
  });

  it('shows the agent team: scope, handoffs, the tool server and the weakest link', () => {
    const router = byName.get('claims-intake-router')!;
    expect(router.scope).toEqual({
      rule: 'agent',
      message: 'AiResource of spec.type agent',
    });
    expect(router.cap).toEqual({
      level: 'L3',
      by: ['airesource:default/payment-specialist-agent'],
    });
    expect(router.nextLevel?.blockers).toEqual([
      'pilot airesource:default/payment-specialist-agent at L1',
    ]);
    const checks = (name: string) =>
      Object.fromEntries(
        byName
          .get(name)!
          .dimensions.flatMap(d => d.checks)
          .map(c => [c.id, c.status]),
      );
    expect(checks('coverage-checker-agent')).toMatchObject({
      'INT-1': 'pass',
      'SEC-6': 'pass',
    });
    expect(checks('payment-specialist-agent')['INT-3']).toBe('partial');
    // The model server in Red Hat's shape is what pilots use, not a pilot.
    const server = entities.find(e => e.metadata.name === 'granite-inference')!;
    expect(engine.isPilot(server, graph)).toBe(false);
  });

  it('reports drift where a pilot claims more than its level', () => {
    const drifting = cards
      .filter(c => c.drift.length > 0)
      .map(c => c.entityRef)
      .sort();
    expect(drifting).toEqual([
      'airesource:default/claims-intake-router',
      'component:default/claims-letter-drafter',
      'component:default/kyc-document-checker',
      'component:default/policy-renewal-advisor',
    ]);
  });

  it('leaves the platforms that opt out out of scope', () => {
    for (const name of ['llm-gateway', 'model-serving']) {
      const entity = entities.find(e => e.metadata.name === name)!;
      expect({ name, pilot: engine.isPilot(entity, graph) }).toEqual({
        name,
        pilot: false,
      });
    }
  });
});
