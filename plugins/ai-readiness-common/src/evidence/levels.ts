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
    let blockers = blockersFor(candidate, input);
    if (strict && compareLevels(candidate, requireVerified) >= 0) {
      // A check short of pass keeps its own blocker; one that passes but has
      // an unverified item is named with the item.
      const own = new Set(blockers);
      blockers = blockersFor(candidate, strict).map(id =>
        !own.has(id) && unverified.has(id) ? `${id} ${unverified.get(id)}` : id,
      );
    }
    if (blockers.length)
      return { level, nextLevel: { level: candidate, blockers } };
    level = candidate;
  }
  return { level, nextLevel: null };
}
