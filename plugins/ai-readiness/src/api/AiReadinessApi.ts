import { createApiRef } from '@backstage/core-plugin-api';
import type {
  EvaluateResponse,
  FixPreviewRequest,
  FixPreviewResponse,
  CampaignDetail,
  CampaignListResponse,
  CampaignPilotsQuery,
  HistoryResponse,
  RubricDescription,
  ScopeRule,
  Scorecard,
  ScorecardListQuery,
  ScorecardListResponse,
  ScorecardOrderBy,
  SummaryGroupBy,
  SummaryResponse,
  WaiverDecision,
  WaiverPolicyResponse,
  WaiverRequest,
  WaiverRequestInput,
  WaiverRequestList,
  WaiverRequestState,
  WaiverRequestWithAudit,
} from '@ai-readiness/plugin-ai-readiness-common';

/**
 * The filters and paging of GET /waivers (and, without paging, of
 * GET /waivers.csv).
 *
 * @public
 */
export interface WaiverQuery {
  entityRef?: string;
  state?: WaiverRequestState;
  checkId?: string;
  /** Only pilots of this owner (its sub-groups included). */
  owner?: string;
  limit?: number;
  offset?: number;
}

/**
 * The filters, sorting and paging of GET /scorecards and GET /export.csv
 * (the wire contract, from -common). Empty strings are treated as absent.
 *
 * @public
 */
export type ScorecardQuery = ScorecardListQuery & {
  /** Only pilots in scope by this rule (`scope.rule`, one of SCOPE_RULES). */
  scope?: ScopeRule;
};

export type { ScorecardOrderBy, SummaryGroupBy };

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
  /**
   * A dry run (POST /evaluate): draft catalog YAML scored against the live
   * catalog as the user sees it; nothing is stored.
   */
  evaluate(
    request: { yaml: string; asOf?: string },
    options?: { signal?: AbortSignal },
  ): Promise<EvaluateResponse>;
  /**
   * POST /fixes/preview: the entity's catalog-info.yaml with the remediations
   * of the checks (all failing ones when omitted) written in, and its diff;
   * rejects with a ResponseError (422 naming why no patch can be made).
   */
  previewFix(
    request: FixPreviewRequest,
    options?: { signal?: AbortSignal },
  ): Promise<FixPreviewResponse>;
  /** GET /campaigns: every configured campaign, counted over the visible pilots. */
  listCampaigns(): Promise<CampaignListResponse>;
  /**
   * GET /campaigns/:id: the campaign with its counts, roll-up per team and
   * progress, and one page of its pilots (`limit` 1–1000, default 50;
   * `offset`), filtered by `met`, `q` and `owner`, with `pilotsTotal` the
   * number matching. Rejects with a ResponseError (404 for an unknown id,
   * 400 naming a bad parameter).
   */
  getCampaign(id: string, query?: CampaignPilotsQuery): Promise<CampaignDetail>;
  /** The CSV of GET /campaigns/:id/export.csv: every visible pilot. */
  exportCampaignCsv(id: string): Promise<Blob>;
  /** POST /waivers: asks for a waiver; rejects with a ResponseError (400 naming the field). */
  requestWaiver(input: WaiverRequestInput): Promise<WaiverRequest>;
  /** GET /waivers: requests of visible pilots, pending first. */
  listWaivers(query?: WaiverQuery): Promise<WaiverRequestList>;
  /** GET /waivers/:id: one request with its audit entries. */
  getWaiver(id: string): Promise<WaiverRequestWithAudit>;
  /** POST /waivers/:id/approve|deny|revoke (403 when not allowed, 409 when the state does not allow it). */
  decideWaiver(
    id: string,
    decision: WaiverDecision,
    comment?: string,
  ): Promise<WaiverRequest>;
  /** GET /waivers/policy: the pilot's tier, latest expiry and each check's policy. */
  getWaiverPolicy(entityRef: string): Promise<WaiverPolicyResponse>;
  /** GET /waivers.csv: the risk register for the same filters as listWaivers. */
  exportWaiversCsv(query?: WaiverQuery): Promise<Blob>;
}

/** @public */
export const aiReadinessApiRef = createApiRef<AiReadinessApi>({
  id: 'plugin.ai-readiness.service',
});
