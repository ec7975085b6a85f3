import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type {
  EntityGraph,
  EvidenceView,
  ReadinessLevel,
  Scorecard,
  WaiverRequestsView,
} from '@ai-readiness/plugin-ai-readiness-common';

/** How one batch is evaluated. */
export interface EvaluationOptions {
  /** Whose catalog view the references are read with. */
  credentials: BackstageCredentials;
  /** Stored evidence results the checks read; without it, no evidence. */
  evidence?: EvidenceView;
  /** Waiver requests the engine applies (the approved ones); without it, none. */
  waivers?: WaiverRequestsView;
  /** YYYY-MM-DD the scorecards are as of; today (UTC) when absent. */
  asOf?: string;
  /**
   * What the entities reference, already read (the refresh reads it with the
   * pilots); read around the entities with `credentials` when absent.
   */
  graph?: EntityGraph;
  /**
   * Pilots' levels before the weakest link, shared by the batches of one
   * refresh so that a pilot capped by one in another batch is capped alike
   * (filled as pilots are scored).
   */
  uncappedLevels?: Map<string, ReadinessLevel>;
  /**
   * Told about each entity whose evaluation throws; that entity is left out.
   * Without it, the error is thrown.
   */
  onError?: (entityRef: string, error: unknown) => void;
}

/**
 * The one way from catalog entities to scorecards: the scheduled refresh,
 * on-demand reads, POST /evaluate and evidence re-evaluation all come here.
 */
export interface ReadinessEvaluator {
  /**
   * Scores the pilots among `entities` as one batch (a pilot's level may
   * depend on other pilots of the batch). Entities that are no pilot are
   * left out; the scorecards come in the order of `entities`.
   */
  evaluate(
    entities: readonly Entity[],
    options: EvaluationOptions,
  ): Promise<Scorecard[]>;
}
