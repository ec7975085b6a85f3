import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type {
  HistoryPoint,
  Scorecard,
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
  /** The entity when the caller may read it in the catalog, else NotFoundError. */
  getVisibleEntity(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<Entity>;
  /**
   * The scorecard of one entity the caller may read: the stored one, else an
   * on-demand evaluation with the caller's credentials. NotFoundError when
   * the entity is not visible to the caller or is not a pilot.
   */
  get(credentials: BackstageCredentials, entityRef: string): Promise<Scorecard>;
  /** History of one entity the caller may read (NotFoundError otherwise), oldest first. */
  history(
    credentials: BackstageCredentials,
    entityRef: string,
    range?: { from?: string; to?: string },
  ): Promise<HistoryPoint[]>;
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
