import {
  component,
  group,
} from '@ai-readiness/plugin-ai-readiness-common/testUtils';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  createReadinessEngine,
  Scorecard,
} from '@ai-readiness/plugin-ai-readiness-common';
import { permissionAwareCatalog } from '../../__testUtils__/catalog';
import { readerOf } from '../../__testUtils__/pipeline';
import { createReadinessEvaluator } from './createReadinessEvaluator';

const credentials = mockCredentials.service();
const now = () => new Date('2026-11-25T10:00:00.000Z');

describe('createReadinessEvaluator', () => {
  const entities = [
    group('ml'),
    component('a'),
    component('plain', { type: 'service' }),
    component('b'),
  ];

  it('scores the pilots of a batch, in order, reading what they reference', async () => {
    const catalog = permissionAwareCatalog(entities);
    const engine = createReadinessEngine();
    const evaluator = createReadinessEvaluator({
      engine,
      reader: readerOf(catalog),
      now,
    });
    const given = entities.filter(e => e.kind === 'Component').reverse();
    const cards = await evaluator.evaluate(given, { credentials });
    expect(cards.map(c => c.entityRef)).toEqual([
      'component:default/b',
      'component:default/a',
    ]);
    expect(cards[0].owner).toBe('group:default/ml');
    expect(cards[0].evaluatedAt).toBe('2026-11-25T10:00:00.000Z');
    // The owner by reference, then who hands work off to the pilots (INT-1).
    expect(catalog.calls.map(c => c.method)).toEqual([
      'getEntitiesByRefs',
      'queryEntities',
    ]);

    const asOf = await evaluator.evaluate([given[0]], {
      credentials,
      asOf: '2026-01-02',
    });
    expect(asOf[0].asOf).toBe('2026-01-02');
  });

  it('reads nothing when given the graph, and reports a pilot that throws', async () => {
    const engine = createReadinessEngine();
    const flaky = {
      ...engine,
      evaluatePilots: (batch: any[], graph: any, opts: any): Scorecard[] => {
        if (batch.some(e => e.metadata.name === 'a')) throw new Error('boom');
        return engine.evaluatePilots(batch, graph, opts);
      },
    };
    const readAround = jest.fn();
    const evaluator = createReadinessEvaluator({
      engine: flaky,
      reader: { readAround },
      now,
    });
    const graph = engine.buildGraph(entities);
    const failed: string[] = [];
    const cards = await evaluator.evaluate(entities, {
      credentials,
      graph,
      onError: ref => failed.push(ref),
    });
    expect(readAround).not.toHaveBeenCalled();
    expect(cards.map(c => c.entityRef)).toEqual(['component:default/b']);
    expect(failed).toEqual(['component:default/a']);
    await expect(
      evaluator.evaluate(entities, { credentials, graph }),
    ).rejects.toThrow('boom');
  });
});
