/*
 * Waiver requests (shared/waivers.md): asked for by a pilot's owners,
 * decided by someone else, kept with their history. The backend stores them;
 * the engine reads the approved ones through a WaiverRequestsView, as it
 * reads evidence.
 */

/** @public */
export const WAIVER_CATEGORIES = ['waiver', 'mitigated'] as const;

/** `mitigated`: a compensating control is in place (its URL is evidence). @public */
export type WaiverCategory = (typeof WAIVER_CATEGORIES)[number];

/** @public */
export const WAIVER_REQUEST_STATES = [
  'pending',
  'approved',
  'denied',
  'revoked',
  'expired',
  'lapsed',
] as const;

/** @public */
export type WaiverRequestState = (typeof WAIVER_REQUEST_STATES)[number];

/** One request for a waiver of one check of one pilot. @public */
export interface WaiverRequest {
  id: string;
  entityRef: string;
  checkId: string;
  category: WaiverCategory;
  justification: string;
  /** YYYY-MM-DD, the last day the waiver applies. */
  expires: string;
  controlUrl?: string | null;
  ticket?: string | null;
  requestedBy: string;
  /** ISO time stamp. */
  requestedAt: string;
  state: WaiverRequestState;
  decidedBy?: string | null;
  decidedAt?: string | null;
  comment?: string | null;
}

/** One change of a request's state; nothing is ever deleted. @public */
export interface WaiverAuditEntry {
  /** ISO time stamp. */
  at: string;
  /** The user (or `system` for expiry and lapse). */
  by: string;
  /** null for the creation. */
  from: WaiverRequestState | null;
  to: WaiverRequestState;
  comment: string | null;
}

/** A request with its history (GET /waivers/:id). @public */
export interface WaiverRequestWithAudit extends WaiverRequest {
  audit: WaiverAuditEntry[];
}

/** A page of requests (GET /waivers). @public */
export interface WaiverRequestList {
  items: WaiverRequest[];
  totalCount: number;
}

/** How evaluation sees the approved requests. @public */
export interface WaiverRequestsView {
  /** The requests of one pilot (any state; the engine applies only approved ones). */
  forEntity(entityRef: string): readonly WaiverRequest[];
}

/** A view over a list of requests, keyed by lower-cased entity ref. @public */
export function waiverRequestsView(
  requests: Iterable<WaiverRequest>,
): WaiverRequestsView {
  const byRef = new Map<string, WaiverRequest[]>();
  for (const r of requests) {
    const key = r.entityRef.toLowerCase();
    const list = byRef.get(key);
    if (list) list.push(r);
    else byRef.set(key, [r]);
  }
  return { forEntity: ref => byRef.get(ref.toLowerCase()) ?? [] };
}

/** Fewest characters of a request's justification. @public */
export const WAIVER_JUSTIFICATION_MIN = 20;

/** What POST /waivers takes. @public */
export interface WaiverRequestInput {
  entityRef: string;
  checkId: string;
  category: WaiverCategory;
  justification: string;
  expires: string;
  controlUrl?: string;
  ticket?: string;
}

/** The decisions of POST /waivers/:id/<decision>. @public */
export type WaiverDecision = 'approve' | 'deny' | 'revoke';

/** GET /waivers/policy?entityRef=: what a request for this pilot may ask. @public */
export interface WaiverPolicyResponse {
  entityRef: string;
  /** The `maxDays` tier of the pilot's risk tier. */
  tier: 'minimal' | 'limited' | 'high' | 'unassessed';
  maxDays: number;
  /** The latest expiry a request made today may ask for, YYYY-MM-DD. */
  latestExpires: string;
  /** Each check's policy. */
  checks: Record<string, 'self' | 'approval' | 'none'>;
}
