/*
 * The engine's shared results, rubric, summaries, fix-all and on-demand
 * references.
 */
import { parse } from 'yaml';
import { createReadinessEngine } from './engine';
import { mergeRemediations } from './remediation';
import { toScorecardSummary } from './summary';
import { entities, AS_OF, byName } from './__testUtils__/conformanceVariants';

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
    expect(rubric.checks).toHaveLength(34);
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
