import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  WaiverDecision,
  WaiverPolicyResponse,
  WaiverRequest,
  WaiverRequestInput,
  WaiverRequestList,
  WaiverRequestState,
  WaiverRequestsView,
  WaiverRequestWithAudit,
} from '@ai-readiness/plugin-ai-readiness-common';

/** What GET /waivers selects. */
export interface WaiverListQuery {
  entityRef?: string;
  state?: WaiverRequestState;
  checkId?: string;
  /** Only pilots of this owner (its sub-groups included, as the scorecard lists filter). */
  owner?: string;
}

/** What one upkeep run did (before each scheduled refresh). */
export interface WaiverUpkeepReport {
  expired: number;
  lapsed: number;
  reminded: number;
}

/**
 * Waiver requests (shared/waivers.md): made by owners, decided by approvers,
 * applied by the engine through `view`, expired and lapsed by `upkeep`.
 * Every answer holds only requests of pilots the caller may read.
 */
export interface WaiverService {
  create(
    credentials: BackstageCredentials,
    input: WaiverRequestInput,
  ): Promise<WaiverRequest>;
  list(
    credentials: BackstageCredentials,
    query: WaiverListQuery,
    page: { limit: number; offset: number },
  ): Promise<WaiverRequestList>;
  /** What a request for this pilot may ask (NotFoundError when hidden). */
  policy(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<WaiverPolicyResponse>;
  /** Every request the caller may read (the risk register). */
  listAll(
    credentials: BackstageCredentials,
    query: WaiverListQuery,
  ): Promise<WaiverRequest[]>;
  /** NotFoundError when missing or its pilot is hidden from the caller. */
  get(
    credentials: BackstageCredentials,
    id: string,
  ): Promise<WaiverRequestWithAudit>;
  decide(
    credentials: BackstageCredentials,
    id: string,
    decision: WaiverDecision,
    comment: string | null,
  ): Promise<WaiverRequest>;
  /** Expires and lapses approved requests, re-evaluating their pilots at once; sends reminders. */
  upkeep(signal?: AbortSignal): Promise<WaiverUpkeepReport>;
  /** The requests the engine applies (held in memory; see `reload`). */
  view(): WaiverRequestsView;
  /** Reloads the approved requests into the view. */
  reload(): Promise<void>;
}
