/*
 * Drift (rubric "Drift"): a finding on the scorecard, not a check, when the
 * entity claims more than its computed level: `spec.lifecycle: production`
 * below L3, a rollout stage above the level.
 */
import type { CheckReads } from '../checks/types';
import type { DriftFinding, ReadinessLevel } from '../types';
import type { PilotContext } from './context';
import { compareLevels } from './levels';

/** What drift reads. */
export const DRIFT_READS: CheckReads = {
  keys: ['rollout-stage'],
  fields: ['spec.lifecycle'],
};

/** The level a rollout stage claims (drift when the computed level is lower). */
const CLAIMED_LEVEL: Record<string, ReadinessLevel | undefined> = {
  production: 'L3',
  limited: 'L2',
};

export function driftOf(
  ctx: PilotContext,
  level: ReadinessLevel,
): DriftFinding[] {
  const drift: DriftFinding[] = [];
  if (ctx.node.lifecycle === 'production' && compareLevels(level, 'L3') < 0) {
    drift.push({
      message: `spec.lifecycle is production, but the computed level is ${level}`,
    });
  }
  let stage: string | undefined;
  try {
    stage = ctx.key('rollout-stage')?.toLowerCase();
  } catch {
    stage = undefined;
  }
  const claimed = CLAIMED_LEVEL[stage ?? ''];
  if (claimed && compareLevels(level, claimed) < 0) {
    drift.push({
      message: `${ctx.k(
        'rollout-stage',
      )} is ${stage}, but the computed level is ${level}`,
    });
  }
  return drift;
}
