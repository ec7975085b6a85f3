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

/** What drift reads of a pilot, kept after its checks ran. */
export interface DriftFacts {
  lifecycle?: string;
  /** The rollout stage, lower-cased. */
  stage?: string;
  /** The full name of the rollout-stage key (with the configured prefix). */
  stageKey: string;
}

export function driftFactsOf(ctx: PilotContext): DriftFacts {
  let stage: string | undefined;
  try {
    stage = ctx.key('rollout-stage')?.toLowerCase();
  } catch {
    stage = undefined;
  }
  return {
    lifecycle: ctx.node.lifecycle,
    stage,
    stageKey: ctx.k('rollout-stage'),
  };
}

export function driftOf(
  facts: DriftFacts,
  level: ReadinessLevel,
): DriftFinding[] {
  const drift: DriftFinding[] = [];
  if (facts.lifecycle === 'production' && compareLevels(level, 'L3') < 0) {
    drift.push({
      message: `spec.lifecycle is production, but the computed level is ${level}`,
    });
  }
  const { stage } = facts;
  const claimed = CLAIMED_LEVEL[stage ?? ''];
  if (claimed && compareLevels(level, claimed) < 0) {
    drift.push({
      message: `${facts.stageKey} is ${stage}, but the computed level is ${level}`,
    });
  }
  return drift;
}
