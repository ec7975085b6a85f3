/*
 * The typed rows of the plugin's tables (snake_case, as the migrations create
 * them); the store maps them to and from the camelCase types of ScorecardStore.
 */
import type { ReadinessLevel } from '@ai-readiness/plugin-ai-readiness-common';
import type { ScorecardRow } from './ScorecardStore';

/** `entityRef` → `entity_ref` (for names of letters only). */
type SnakeCase<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${SnakeCase<T>}`
  : S;

/** The typed row of ai_readiness_scorecards: the columns of a ScorecardRow, snake_case, JSON as text, and more. */
export type LatestRow = {
  [K in keyof Omit<
    ScorecardRow,
    'failingChecks' | 'dimensionScores'
  > as SnakeCase<K>]: ScorecardRow[K];
} & {
  /** JSON array of check ids. */
  failing_checks: string;
  failing_dimensions: string;
  /** JSON object of dimension id to score. */
  dimension_scores: string;
  search_text: string;
  /** Refuted evidence items (migration 20261127110000_evidence_refuted). */
  evidence_refuted: number;
  /** The scope rule (migration 20261201120000_scope_rule); null before rubric v2. */
  scope_rule: string | null;
  summary: string;
  scorecard: string;
};

/** The typed row of ai_readiness_history. */
export interface HistoryRow {
  id?: number;
  entity_ref: string;
  evaluated_at: string;
  day: string;
  level: ReadinessLevel;
  score: number;
  dimension_scores: string;
}

/** The typed row of ai_readiness_level_drops. */
export interface DropRow {
  id?: number;
  entity_ref: string;
  previous_evaluated_at: string;
  evaluated_at: string;
  from_level: ReadinessLevel;
  to_level: ReadinessLevel;
  title: string;
  owner: string | null;
  notified_at: string | null;
}
