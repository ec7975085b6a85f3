/*
 * The typed rows of the plugin's tables (snake_case, as the migrations create
 * them); the store maps them to and from the camelCase types of ScorecardStore.
 */
import type { ReadinessLevel } from '@ai-readiness/plugin-ai-readiness-common';

/** The typed row of ai_readiness_scorecards. */
export interface LatestRow {
  entity_ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string;
  owner: string | null;
  system: string | null;
  level: ReadinessLevel;
  score: number;
  failing_checks: string;
  failing_dimensions: string;
  dimension_scores: string;
  search_text: string;
  evaluated_at: string;
  /** Refuted evidence items (migration 20261127110000_evidence_refuted). */
  evidence_refuted: number;
  summary: string;
  scorecard: string;
}

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
