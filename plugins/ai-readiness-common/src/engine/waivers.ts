/*
 * Waivers (rubric "Waivers"): `<prefix>waiver.<CHECK-ID>: "<YYYY-MM-DD> <reason>"`.
 * A valid waiver not yet expired makes the check `waived`; an expired or
 * malformed one, or one on a check that cannot be waived, is ignored and the
 * message says why.
 */
import type { CheckReads } from '../checks/types';
import type { WaiverPolicyMode } from '../config/waivers';
import type { ApprovedOutcome } from '../waivers/apply';
import type { CheckEvidence } from '../evidence/types';
import type { CheckStatus, WaiverInfo } from '../types';
import { parseIsoDate } from '../util/dates';

const WAIVER_VALUE = /^(\d{4}-\d{2}-\d{2})\s+(\S.*)$/s;

/** The rubric keys waivers are read from, one per check. */
export function waiverReads(checkIds: readonly string[]): CheckReads {
  return { keys: checkIds.map(id => `waiver.${id}`) };
}

/** A check's outcome after its waiver (if any) is applied. */
export interface WaivedOutcome {
  status: CheckStatus;
  message: string;
  waiver: WaiverInfo | null;
  /** The control of an applied `mitigated` waiver, listed with the check's evidence. */
  control?: CheckEvidence;
}

/**
 * Applies the waiver value found for a check and the pilot's approved
 * requests for it (shared/waivers.md) under the check's policy. `waiverKey`
 * is the full key, named in the message when the value is malformed.
 */
export function applyWaiver(
  check: { id: string; waivable: boolean },
  waiverKey: string,
  value: string | undefined,
  status: CheckStatus,
  message: string,
  asOfDay: number,
  mode: WaiverPolicyMode = 'self',
  approved?: ApprovedOutcome,
): WaivedOutcome {
  if (status === 'not-applicable') return { status, message, waiver: null };
  const waivable = check.waivable && mode !== 'none';
  const fromRequest =
    waivable && status !== 'pass' ? approved?.waiver : undefined;
  if (fromRequest) {
    const by = fromRequest.approvedBy ? ` by ${fromRequest.approvedBy}` : '';
    return {
      status: 'waived',
      message: `waived until ${fromRequest.expires} (request ${fromRequest.requestId} approved${by}): ${fromRequest.reason} (evaluated: ${status}: ${message})`,
      waiver: fromRequest,
      control: approved?.control,
    };
  }
  const problems = approved?.problems.length
    ? ` (${approved.problems.join('; ')})`
    : '';
  const annotation = applyAnnotationWaiver(
    check,
    waivable,
    mode,
    waiverKey,
    value,
    status,
    message,
    asOfDay,
  );
  return problems
    ? { ...annotation, message: `${annotation.message}${problems}` }
    : annotation;
}

function applyAnnotationWaiver(
  check: { id: string },
  waivable: boolean,
  mode: WaiverPolicyMode,
  waiverKey: string,
  value: string | undefined,
  status: CheckStatus,
  message: string,
  asOfDay: number,
): WaivedOutcome {
  if (value === undefined) return { status, message, waiver: null };
  const m = WAIVER_VALUE.exec(value);
  const expiresDay = m ? parseIsoDate(m[1]) : undefined;
  if (!waivable) {
    return {
      status,
      message: `${message} (waiver ignored: ${check.id} cannot be waived)`,
      waiver: null,
    };
  }
  if (mode === 'approval') {
    return {
      status,
      message: `${message} (waiver ignored: waivers for ${check.id} need approval)`,
      waiver: null,
    };
  }
  if (!m || expiresDay === undefined) {
    return {
      status,
      message: `${message} (waiver ignored: ${waiverKey} must be "YYYY-MM-DD reason", found ${JSON.stringify(
        value.slice(0, 60),
      )})`,
      waiver: null,
    };
  }
  if (expiresDay < asOfDay) {
    return {
      status,
      message: `${message} (waiver ignored: expired on ${m[1]})`,
      waiver: null,
    };
  }
  const waiver: WaiverInfo = {
    expires: m[1],
    reason: m[2].trim(),
    source: 'annotation',
  };
  return {
    status: 'waived',
    message: `waived until ${m[1]}: ${waiver.reason} (evaluated: ${status}: ${message})`,
    waiver,
  };
}
