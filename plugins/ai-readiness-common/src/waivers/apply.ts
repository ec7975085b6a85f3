/*
 * Waiver policy and approved requests during evaluation (shared/waivers.md).
 * The engine asks `policyOf` how a check may be waived and `approvedWaiverOf`
 * whether an approved request waives it on the evaluation date; the backend
 * asks `controlItemOf` which evidence item a `mitigated` request stands on
 * (the same rule, so that collection and evaluation agree).
 */
import type {
  WaiverConfig,
  WaiverPolicyMode,
  WaiverTier,
} from '../config/waivers';
import { DEFAULT_WAIVER_MAX_DAYS } from '../config/waivers';
import type {
  CheckEvidence,
  EvidenceItem,
  EvidenceView,
  EvidenceClaimer,
} from '../evidence/types';
import { NOT_COLLECTED } from '../evidence/pilot';
import type { WaiverInfo } from '../types';
import { parseIsoDate } from '../util/dates';
import { isSafeHttpUrl } from '../util/urls';
import type { WaiverRequest } from './types';

/** Checks that nothing waives, whatever the policy says. @public */
export const NEVER_WAIVED_CHECKS: readonly string[] = ['SEC-1'];

/** How a check may be waived under a (parsed) waiver config. @public */
export function waiverPolicyOf(
  config: WaiverConfig | undefined,
  checkId: string,
): WaiverPolicyMode {
  if (NEVER_WAIVED_CHECKS.includes(checkId)) return 'none';
  return config?.policy.checks[checkId] ?? config?.policy.default ?? 'self';
}

/** The `maxDays` tier of a pilot's risk tier (`prohibited` counts as `high`). @public */
export function waiverTierOf(riskTier: string | undefined): WaiverTier {
  switch (riskTier?.toLowerCase()) {
    case 'minimal':
      return 'minimal';
    case 'limited':
      return 'limited';
    case 'high':
    case 'prohibited':
      return 'high';
    default:
      return 'unassessed';
  }
}

/** The longest a request for a pilot of this tier may last, in days. @public */
export function waiverMaxDays(
  config: WaiverConfig | undefined,
  riskTier: string | undefined,
): number {
  const tier = waiverTierOf(riskTier);
  return config?.maxDays[tier] ?? DEFAULT_WAIVER_MAX_DAYS[tier];
}

/** The source a `mitigated` request's control URL is named by on evidence. */
export function controlSource(request: Pick<WaiverRequest, 'id'>): string {
  return `waiver request ${request.id} control`;
}

/**
 * The evidence item of a `mitigated` request's control URL: claimed by the
 * first configured collector that claims it as a link. @public
 */
export function controlItemOf(
  request: Pick<WaiverRequest, 'id' | 'category' | 'controlUrl'>,
  claimers: readonly EvidenceClaimer[],
): EvidenceItem | undefined {
  const url = request.controlUrl;
  if (request.category !== 'mitigated' || !url || !isSafeHttpUrl(url))
    return undefined;
  for (const claimer of claimers) {
    const target = claimer.claim({
      type: 'link',
      linkType: 'waiver-control',
      url,
      source: controlSource(request),
    });
    if (target !== undefined) return { collector: claimer.id, target };
  }
  return undefined;
}

/** Why an approved request does not (or no longer) apply; undefined when it does. @public */
export function approvedRequestProblem(
  request: WaiverRequest,
  asOfDay: number,
  evidence: EvidenceView | undefined,
): string | undefined {
  const expiresDay = parseIsoDate(request.expires);
  if (expiresDay === undefined || expiresDay < asOfDay)
    return `approved waiver ${request.id} expired on ${request.expires}`;
  if (request.category === 'mitigated' && evidence) {
    const item = controlItemOf(request, evidence.claimers);
    const result = item && evidence.lookup(item);
    if (result?.state === 'refuted')
      return `approved waiver ${request.id} lapsed: control ${request.controlUrl} answered ${result.detail}`;
  }
  return undefined;
}

/** The outcome of a pilot's approved requests for one check. */
export interface ApprovedOutcome {
  waiver?: WaiverInfo;
  /** A `mitigated` waiver's control, as an evidence item of the check (with a view). */
  control?: CheckEvidence;
  /** Why approved requests did not apply (for the message). */
  problems: string[];
}

/**
 * The waiver an approved request gives a check on the evaluation date: the
 * applicable request that lasts longest. Requests in other states, or for
 * other checks, are ignored.
 */
export function approvedWaiverOf(
  checkId: string,
  requests: readonly WaiverRequest[],
  asOfDay: number,
  evidence: EvidenceView | undefined,
): ApprovedOutcome {
  let best: WaiverRequest | undefined;
  const problems: string[] = [];
  for (const r of requests) {
    if (r.checkId !== checkId || r.state !== 'approved') continue;
    const problem = approvedRequestProblem(r, asOfDay, evidence);
    if (problem) problems.push(problem);
    else if (!best || r.expires > best.expires) best = r;
  }
  if (!best) return { problems };
  const item = evidence && controlItemOf(best, evidence.claimers);
  return {
    problems,
    control: item && {
      ...item,
      ...(evidence.lookup(item) ?? NOT_COLLECTED),
      source: controlSource(best),
    },
    waiver: {
      expires: best.expires,
      reason: best.justification,
      source: 'approved',
      category: best.category,
      approvedBy: best.decidedBy ?? null,
      requestId: best.id,
    },
  };
}
