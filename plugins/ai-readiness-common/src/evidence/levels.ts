/*
 * `requireVerified` (shared/evidence.md): from that level up, a check the
 * level requires to pass counts as passing only when every evidence item
 * listed on it is verified. Levels below keep the rubric's rules. Built on
 * the level rules (blockersFor), which it does not change: for the levels
 * concerned, it evaluates them again with such checks counted as failing,
 * and names the unverified item in the blocker.
 */
import type { CheckStatus, ReadinessLevel } from '../types';
import { blockersFor, compareLevels, LevelInput } from '../engine/levels';

/**
 * The level and its blockers with requireVerified. `unverified` maps the id
 * of each check that has an item short of verified to the text naming it.
 */
export function computeLevelRequiringVerified(
  input: LevelInput,
  requireVerified: 'L2' | 'L3',
  unverified: ReadonlyMap<string, string>,
): {
  level: ReadinessLevel;
  nextLevel: { level: ReadinessLevel; blockers: string[] } | null;
} {
  let strict: LevelInput | undefined;
  if (unverified.size) {
    const statuses = new Map<string, CheckStatus>(input.statuses);
    for (const id of unverified.keys())
      if (statuses.get(id) === 'pass') statuses.set(id, 'fail');
    strict = { ...input, statuses };
  }
  let level: ReadinessLevel = 'L0';
  for (const candidate of ['L1', 'L2', 'L3'] as const) {
    const blockers =
      strict && compareLevels(candidate, requireVerified) >= 0
        ? blockersFor(candidate, strict).map(id =>
            unverified.has(id) ? `${id} ${unverified.get(id)}` : id,
          )
        : blockersFor(candidate, input);
    if (blockers.length)
      return { level, nextLevel: { level: candidate, blockers } };
    level = candidate;
  }
  return { level, nextLevel: null };
}
