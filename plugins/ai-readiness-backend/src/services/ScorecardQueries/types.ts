import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  ScorecardListResponse,
  ScorecardSummary,
  SummaryGroupBy,
  SummaryResponse,
} from '@ai-readiness/plugin-ai-readiness-common';
import type { ScorecardQuery } from '../../database/ScorecardStore';

export type { SummaryGroupBy } from '@ai-readiness/plugin-ai-readiness-common';

/** The key of the summary group of pilots without an owner or a system. */
export const NO_GROUP_KEY = '(none)';

/**
 * Read side of the API: every answer holds only pilots the caller may read
 * in the catalog.
 */
export interface ScorecardQueries {
  list(
    credentials: BackstageCredentials,
    query: ScorecardQuery,
    page: { limit: number; offset: number },
  ): Promise<ScorecardListResponse>;
  /** Every matching visible pilot (for the CSV export). */
  listAll(
    credentials: BackstageCredentials,
    query: ScorecardQuery,
  ): Promise<ScorecardSummary[]>;
  summary(
    credentials: BackstageCredentials,
    query: ScorecardQuery,
    groupBy: SummaryGroupBy,
  ): Promise<SummaryResponse>;
}
