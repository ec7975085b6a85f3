/*
 * The weakest link (rubric "Levels"): levels capped by the pilots reached
 * through dependsOn (and dependencyOf on the other side) and handoffs.
 */
import { createReadinessEngine } from './engine';
import { loadConformance } from '../__testUtils__/conformance';
import type { Scorecard } from '../types';

const { entities, expected } = loadConformance();
const asOf = expected.asOf;
const byName = (name: string) =>
  JSON.parse(JSON.stringify(entities.find(e => e.metadata.name === name)));

/** Levels in the conformance catalog: claims-triage L3, ranker-v2 L2, fraud-explainer L1, claims-summarizer L0. */
function withCopies(...copies: any[]) {
  return [...entities, ...copies];
}
/** A copy of a conformance pilot under another name, with references added to its spec lists. */
function copyOf(name: string, as: string, add: Record<string, string[]> = {}) {
  const e = byName(name);
  e.metadata.name = as;
  for (const [field, refs] of Object.entries(add))
    e.spec[field] = [...(e.spec[field] ?? []), ...refs];
  return e;
}

function evaluate(all: any[]): Map<string, Scorecard> {
  const engine = createReadinessEngine();
  return new Map(
    engine
      .evaluateAll(engine.buildGraph(all), { asOf })
      .map(c => [c.entityRef, c]),
  );
}

describe('the weakest link', () => {
  it('caps through a chain of pilots and names the lowest', () => {
    const cards = evaluate(
      withCopies(
        copyOf('claims-triage', 'top', { dependsOn: ['component:middle'] }),
        copyOf('claims-triage', 'middle', {
          dependsOn: ['component:ranker-v2'],
        }),
      ),
    );
    const own = cards.get('component:default/ranker-v2')!.level;
    expect(own).toBe('L2');
    const top = cards.get('component:default/top')!;
    expect(top.level).toBe(own);
    expect(top.cap).toEqual({
      level: 'L3',
      by: ['component:default/ranker-v2'],
    });
    expect(top.nextLevel!.blockers).toContain(
      `pilot component:default/ranker-v2 at ${own}`,
    );
    // Drift reads the capped level: production below L3.
    expect(top.drift.map(d => d.message).join()).toContain(
      `the computed level is ${own}`,
    );
    expect(cards.get('component:default/middle')!.cap!.by).toEqual([
      'component:default/ranker-v2',
    ]);
  });

  it('follows handoffs and spec.dependencyOf, not consumesApis', () => {
    const viaHandoff = evaluate(
      withCopies(
        copyOf('claims-triage', 'router', {
          handoffs: ['component:default/claims-summarizer'],
        }),
      ),
    );
    expect(viaHandoff.get('component:default/router')!.cap!.by).toEqual([
      'component:default/claims-summarizer',
    ]);
    const summarizer = byName('claims-summarizer');
    summarizer.spec.dependencyOf = ['component:default/reverse'];
    const viaDependencyOf = evaluate([
      ...entities.filter(e => e.metadata.name !== 'claims-summarizer'),
      summarizer,
      copyOf('claims-triage', 'reverse'),
    ]);
    expect(viaDependencyOf.get('component:default/reverse')!.level).toBe('L0');
    const apiOnly = evaluate(
      withCopies(
        copyOf('claims-triage', 'api-user', { consumesApis: ['crm-api'] }),
      ),
    );
    expect(apiOnly.get('component:default/api-user')!.cap).toBeNull();
  });

  it('copes with cycles, and a cycle caps at its lowest member', () => {
    const cards = evaluate(
      withCopies(
        copyOf('claims-triage', 'a', { dependsOn: ['component:b'] }),
        copyOf('claims-triage', 'b', {
          dependsOn: ['component:a', 'component:ranker-v2'],
        }),
      ),
    );
    const low = cards.get('component:default/ranker-v2')!.level;
    expect(low).toBe('L2');
    expect(cards.get('component:default/a')!.level).toBe(low);
    expect(cards.get('component:default/b')!.level).toBe(low);
  });

  it('caps nothing through references that do not resolve or non-pilots', () => {
    const cards = evaluate(
      withCopies(
        copyOf('claims-triage', 'lonely', {
          dependsOn: ['component:nowhere', 'component:llm-gateway'],
        }),
      ),
    );
    expect(cards.get('component:default/lonely')!.cap).toBeNull();
    expect(cards.get('component:default/lonely')!.level).toBe('L3');
  });

  it('caps through a pilot of any kind that opts in (rule 1)', () => {
    const optedIn = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'opted-in-store',
        annotations: { 'ai-readiness/enabled': 'true' },
      },
      spec: { type: 'database', owner: 'group:default/claims-division' },
    };
    const cards = evaluate(
      withCopies(
        optedIn,
        copyOf('claims-triage', 'on-store', {
          dependsOn: ['resource:opted-in-store'],
        }),
      ),
    );
    const store = cards.get('resource:default/opted-in-store')!;
    expect(store.scope).toEqual(expect.objectContaining({ rule: 'opt-in' }));
    expect(store.level).toBe('L0');
    const top = cards.get('component:default/on-store')!;
    expect(top.cap).toEqual({
      level: expect.stringMatching(/^L[1-3]$/),
      by: ['resource:default/opted-in-store'],
    });
    expect(top.level).toBe('L0');
  });

  it('applies when one pilot is evaluated alone, and to targets', () => {
    const engine = createReadinessEngine();
    const top = copyOf('claims-triage', 'solo', {
      dependsOn: ['component:claims-summarizer'],
    });
    const graph = engine.buildGraph(withCopies(top));
    const card = engine.evaluate(top, graph, { asOf });
    expect(card.level).toBe('L0');
    expect(card.cap).toEqual({
      level: 'L3',
      by: ['component:default/claims-summarizer'],
    });
    // The same through evaluatePilots with a shared memo of uncapped levels.
    const memo = new Map();
    const [again] = engine.evaluatePilots([top], graph, {
      asOf,
      uncappedLevels: memo,
    });
    expect(again.cap).toEqual(card.cap);
    expect(memo.get('component:default/claims-summarizer')).toBe('L0');
  });

  it('asks for the reached pilots and what their checks read (missingRefs)', () => {
    const engine = createReadinessEngine();
    const top = copyOf('claims-triage', 'asker', {
      dependsOn: ['component:claims-summarizer'],
    });
    const summarizer = byName('claims-summarizer');
    const alone = engine.buildGraph([top]);
    expect(engine.missingRefs([top], alone)).toContain(
      'component:default/claims-summarizer',
    );
    const withSummarizer = engine.buildGraph([top, summarizer]);
    const next = engine.missingRefs([top], withSummarizer);
    // The summarizer is a pilot: its own owner is asked for too.
    expect(next).toContain(
      `group:default/${String(summarizer.spec.owner).replace(/^group:/, '')}`,
    );
  });
});
