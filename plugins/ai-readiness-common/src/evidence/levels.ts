/*
 * `requireVerified` (shared/evidence.md): from that level up, a check the
 * level requires to pass counts as passing only when every evidence item
 * listed on it is verified. Levels below keep the rubric's rules. Written
 * over any level rules: `blockersAt` gives a level's blockers for a status
 * function (the engine's level rules, unchanged); for the levels concerned
 * they are asked again with such checks counted as failing, and the blocker
 * names the unverified item.
 */
import type { CheckStatus, LevelRule, ReadinessLevel } from '../types';
import { blockersOf, LevelInput } from '../engine/levels';

/** The status of a check by id. */
export type StatusOf = (id: string) => CheckStatus | undefined;

const LEVELS = ['L1', 'L2', 'L3'] as const;
const RANK: Record<ReadinessLevel, number> = { L0: 0, L1: 1, L2: 2, L3: 3 };

/**
 * The level and its blockers with requireVerified. `unverified` maps the id
 * of each check that has an item short of verified to the text naming it.
 */
export function computeLevelRequiringVerified(
  blockersAt: (level: 'L1' | 'L2' | 'L3', status: StatusOf) => string[],
  status: StatusOf,
  requireVerified: 'L2' | 'L3',
  unverified: ReadonlyMap<string, string>,
): {
  level: ReadinessLevel;
  nextLevel: { level: ReadinessLevel; blockers: string[] } | null;
} {
  // A check that passes but has an unverified item counts as failing.
  const strict: StatusOf = id => {
    const s = status(id);
    return s === 'pass' && unverified.has(id) ? 'fail' : s;
  };
  let level: ReadinessLevel = 'L0';
  for (const candidate of LEVELS) {
    let blockers = blockersAt(candidate, status);
    if (unverified.size && RANK[candidate] >= RANK[requireVerified]) {
      // A check short of pass keeps its own blocker; one that passes but has
      // an unverified item is named with the item.
      const own = new Set(blockers);
      blockers = blockersAt(candidate, strict).map(id =>
        !own.has(id) && unverified.has(id) ? `${id} ${unverified.get(id)}` : id,
      );
    }
    if (blockers.length)
      return { level, nextLevel: { level: candidate, blockers } };
    level = candidate;
  }
  return { level, nextLevel: null };
}

/**
 * computeLevelRequiringVerified over the engine's level rules (what
 * evaluatePilot calls when the view has requireVerified).
 */
export function computeLevelWithEvidence(
  rules: readonly LevelRule[],
  input: LevelInput,
  requireVerified: 'L2' | 'L3',
  unverified: ReadonlyMap<string, string>,
) {
  const statusOf: StatusOf = id => {
    const i = input.checkIndex.get(id);
    return i === undefined ? undefined : input.statuses[i];
  };
  const ids: string[] = [];
  for (const [id, i] of input.checkIndex) ids[i] = id;
  return computeLevelRequiringVerified(
    (level, status) => {
      const rule = rules.find(r => r.level === level);
      if (!rule) return [];
      const statuses =
        status === statusOf ? input.statuses : ids.map(id => status(id)!);
      return blockersOf(rule, { ...input, statuses });
    },
    statusOf,
    requireVerified,
    unverified,
  );
}
