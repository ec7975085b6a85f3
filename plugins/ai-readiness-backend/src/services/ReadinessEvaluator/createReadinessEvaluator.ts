import type { Entity } from '@backstage/catalog-model';
import {
  EntityGraph,
  entityRefKey,
  EvaluateOptions,
  ReadinessEngine,
  Scorecard,
  todayUtc,
} from '@ai-readiness/plugin-ai-readiness-common';
import type { CatalogReader } from '../CatalogReader/types';
import type { EvaluationOptions, ReadinessEvaluator } from './types';

export function createReadinessEvaluator(options: {
  engine: ReadinessEngine;
  reader: Pick<CatalogReader, 'readAround'>;
  /** The clock; tests pin it. */
  now?: () => Date;
}): ReadinessEvaluator {
  const { engine, reader } = options;
  const now = options.now ?? (() => new Date());

  /**
   * The engine on the whole batch. The only place that calls the engine's
   * evaluation, so that a batch call of the engine replaces this loop alone.
   */
  function scoreBatch(
    pilots: readonly Entity[],
    graph: EntityGraph,
    time: EvaluateOptions,
    onError: EvaluationOptions['onError'],
  ): Scorecard[] {
    const cards: Scorecard[] = [];
    for (const pilot of pilots) {
      try {
        cards.push(engine.evaluate(pilot, graph, time));
      } catch (error) {
        if (!onError) throw error;
        onError(entityRefKey(pilot), error);
      }
    }
    return cards;
  }

  return {
    async evaluate(entities, evaluation) {
      const graph =
        evaluation.graph ??
        (await reader.readAround(entities, evaluation.credentials));
      const pilots = entities.filter(entity => engine.isPilot(entity, graph));
      const at = now();
      return scoreBatch(
        pilots,
        graph,
        {
          now: at,
          asOf: evaluation.asOf ?? todayUtc(at),
          evidence: evaluation.evidence,
        },
        evaluation.onError,
      );
    },
  };
}
