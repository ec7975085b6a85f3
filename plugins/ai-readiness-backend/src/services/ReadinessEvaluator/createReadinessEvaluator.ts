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
   * The engine on the whole batch, the weakest link applied across it. The
   * only place that calls the engine's evaluation. A pilot that throws must
   * not cost the batch: then the batch is scored one pilot at a time (sharing
   * the uncapped levels, so the caps stay the same) and the thrower left out.
   */
  function scoreBatch(
    pilots: readonly Entity[],
    graph: EntityGraph,
    time: EvaluateOptions,
    onError: EvaluationOptions['onError'],
  ): Scorecard[] {
    try {
      return engine.evaluatePilots(pilots, graph, time);
    } catch (error) {
      if (!onError) throw error;
    }
    const cards: Scorecard[] = [];
    for (const pilot of pilots) {
      try {
        cards.push(...engine.evaluatePilots([pilot], graph, time));
      } catch (error) {
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
          waivers: evaluation.waivers,
          uncappedLevels: evaluation.uncappedLevels,
        },
        evaluation.onError,
      );
    },
  };
}
