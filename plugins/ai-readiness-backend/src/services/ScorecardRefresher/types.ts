import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { Scorecard } from '@ai-readiness/plugin-ai-readiness-common';

/** What one full refresh did. */
export interface RefreshReport {
  /** Entities read from the catalog (candidates and what pilots reference; only the fields the checks declare). */
  entities: number;
  /** Pilots evaluated and stored. */
  pilots: number;
  /** Pilots whose evaluation threw (logged, left as they were). */
  failed: number;
  /** Stored scorecards removed because their entity is gone or no longer a pilot. */
  removed: number;
  historyRows: number;
  drops: number;
  durationMs: number;
}

/**
 * Keeps the stored scorecards up to date: reads with the CatalogReader,
 * scores with the ReadinessEvaluator (with the current evidence), stores
 * with the history and level-drop policy.
 */
export interface ScorecardRefresher {
  /**
   * Reads the pilots of the catalog and what their checks read, scores every
   * pilot, stores the results with the history and level-drop policy
   * (recordScorecards) and applies the history retention.
   */
  refreshAll(): Promise<RefreshReport>;
  /**
   * Re-evaluates one entity with the plugin's own credentials and stores the
   * result; removes its stored scorecard when it is gone or not a pilot.
   */
  refreshEntity(entityRef: string): Promise<Scorecard | undefined>;
  /**
   * Re-evaluates these entities as one batch (the change check), stores the
   * results and removes those gone or no longer pilots; the pilots whose
   * level changed have the pilots they cap re-evaluated too. Returns the
   * scorecards of the given entities that are pilots, by lower-cased ref.
   */
  refreshEntities(
    entityRefs: readonly string[],
  ): Promise<Map<string, Scorecard>>;
  /**
   * Scores a pilot on demand, reading what it references with the caller's
   * credentials; nothing is stored. Undefined when the entity is not a pilot.
   */
  evaluateOnDemand(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<Scorecard | undefined>;
}
