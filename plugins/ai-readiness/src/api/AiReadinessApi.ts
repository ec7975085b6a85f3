import { createApiRef } from '@backstage/core-plugin-api';
import type {
  DimensionId,
  HistoryResponse,
  ReadinessLevel,
  RubricDescription,
  Scorecard,
  ScorecardListResponse,
  SummaryResponse,
} from '@ai-readiness/plugin-ai-readiness-common';

/**
 * The filters, sorting and paging of GET /scorecards and GET /export.csv.
 * Every field is optional; empty strings are treated as absent.
 *
 * @public
 */
export interface ScorecardQuery {
  owner?: string;
  system?: string;
  level?: ReadinessLevel;
  /** Pilots whose given dimension falls short. */
  dimension?: DimensionId;
  /** Free text, matched by the backend against ref, title, owner and system. */
  q?: string;
  limit?: number;
  offset?: number;
  orderBy?: ScorecardOrderBy;
  order?: 'asc' | 'desc';
}

/** @public */
export type ScorecardOrderBy = 'title' | 'level' | 'score' | 'evaluatedAt';

/** @public */
export type SummaryGroupBy = 'owner' | 'system' | 'level';

/**
 * The ai-readiness backend, as seen from the browser.
 *
 * @public
 */
export interface AiReadinessApi {
  /** One scorecard; rejects with a ResponseError (404 when not an AI pilot or not visible). */
  getScorecard(entityRef: string): Promise<Scorecard>;
  /** Score and level over time, oldest first. */
  getHistory(
    entityRef: string,
    options?: { from?: string; to?: string },
  ): Promise<HistoryResponse>;
  listScorecards(query?: ScorecardQuery): Promise<ScorecardListResponse>;
  getSummary(groupBy: SummaryGroupBy): Promise<SummaryResponse>;
  getRubric(): Promise<RubricDescription>;
  /** The CSV of GET /export.csv for the same filters as listScorecards. */
  exportCsv(query?: ScorecardQuery): Promise<Blob>;
  /** Asks for a re-evaluation of one entity, or of every pilot when no ref is given. */
  refresh(entityRef?: string): Promise<void>;
}

/** @public */
export const aiReadinessApiRef = createApiRef<AiReadinessApi>({
  id: 'plugin.ai-readiness.service',
});
