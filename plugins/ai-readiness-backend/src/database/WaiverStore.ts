import type {
  WaiverAuditEntry,
  WaiverRequest,
  WaiverRequestState,
  WaiverRequestWithAudit,
} from '@ai-readiness/plugin-ai-readiness-common';

/** What selects requests (all given conditions hold). */
export interface WaiverFilter {
  /** Lower-cased entity ref. */
  entityRef?: string;
  states?: readonly WaiverRequestState[];
  checkId?: string;
}

/** A change of state: made only when the request is still in `from`. */
export interface WaiverTransition {
  id: string;
  from: WaiverRequestState;
  to: WaiverRequestState;
  by: string;
  at: string;
  comment: string | null;
  /** Approve and deny record the decision on the request itself. */
  decision?: boolean;
}

/**
 * Waiver requests and their audit entries (shared/waivers.md). Reads and
 * writes only its own tables; nothing is ever deleted.
 */
export interface WaiverStore {
  /** Stores a new request (state pending) with its first audit entry. */
  create(request: WaiverRequest): Promise<void>;
  get(id: string): Promise<WaiverRequestWithAudit | undefined>;
  /** Newest first. */
  list(filter: WaiverFilter): Promise<WaiverRequest[]>;
  /**
   * Moves a request from one state to another with an audit entry, in one
   * transaction; undefined when it was not in `from` (someone else moved it).
   */
  transition(change: WaiverTransition): Promise<WaiverRequest | undefined>;
  /**
   * Marks the 14-day reminder of a request as sent; false when it already
   * was (another replica or run sent it).
   */
  claimReminder(id: string, at: string): Promise<boolean>;
}

export type { WaiverAuditEntry };
