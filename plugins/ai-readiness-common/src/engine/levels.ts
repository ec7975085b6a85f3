/*
 * Levels L0–L3 from check statuses and dimension scores (rubric "Levels"),
 * with the blockers that keep a pilot from the next level.
 */
import type { CheckStatus, DimensionId, ReadinessLevel } from '../types';
import { DIMENSION_IDS } from '../types';

/** Checks that must pass for L2 (beyond L1). */
export const L2_REQUIRED = [
  'OWN-2',
  'DATA-2',
  'INT-1',
  'FB-1',
  'FB-3',
  'MON-1',
  'MON-3',
  'SEC-2',
  'OPS-4',
];

export interface LevelInput {
  statuses: Map<string, CheckStatus>;
  gates: string[];
  dimensionScores: Map<DimensionId, number | null>;
  /** Check ids per dimension (for "every fallback and security check passes"). */
  checksByDimension: Map<DimensionId, string[]>;
  riskTier: string | undefined;
  thresholds: { L2: number; L3: number };
}

const passes = (s: CheckStatus | undefined) =>
  s === undefined || s === 'pass' || s === 'waived' || s === 'not-applicable';
const atLeastPartial = (s: CheckStatus | undefined) =>
  passes(s) || s === 'partial';

function formatScore(score: number): string {
  return String(Math.round(score * 100) / 100);
}

/** What keeps a pilot from `level`, given that it meets every level below it. */
export function blockersFor(
  level: ReadinessLevel,
  input: LevelInput,
): string[] {
  const out = new Set<string>();
  const need = (
    ids: string[],
    test: (s: CheckStatus | undefined) => boolean,
  ) => {
    for (const id of ids) if (!test(input.statuses.get(id))) out.add(id);
  };
  const dimensionsAtLeast = (min: number) => {
    for (const id of DIMENSION_IDS) {
      const score = input.dimensionScores.get(id);
      if (score !== null && score !== undefined && score < min) {
        out.add(`dimension ${id} ${formatScore(score)} < ${min}`);
      }
    }
  };
  const high = input.riskTier === 'high';
  switch (level) {
    case 'L1':
      need(['OWN-1', 'SEC-1'], passes);
      need(['DATA-1', 'INT-3'], atLeastPartial);
      if (input.riskTier === 'prohibited') out.add('SEC-1');
      break;
    case 'L2':
      need(L2_REQUIRED, passes);
      dimensionsAtLeast(input.thresholds.L2);
      if (high) need(['SEC-5', 'MON-5'], passes);
      break;
    case 'L3':
      need(input.gates, passes);
      dimensionsAtLeast(input.thresholds.L3);
      need(['MON-5'], passes);
      if (high) {
        need(input.checksByDimension.get('fallback') ?? [], passes);
        need(input.checksByDimension.get('security') ?? [], passes);
      }
      break;
    default:
      break;
  }
  return [...out];
}

/** The highest level whose conditions (and those of every level below) hold. */
export function computeLevel(input: LevelInput): {
  level: ReadinessLevel;
  nextLevel: { level: ReadinessLevel; blockers: string[] } | null;
} {
  let level: ReadinessLevel = 'L0';
  for (const candidate of ['L1', 'L2', 'L3'] as const) {
    const blockers = blockersFor(candidate, input);
    if (blockers.length)
      return { level, nextLevel: { level: candidate, blockers } };
    level = candidate;
  }
  return { level, nextLevel: null };
}

const ORDER: Record<ReadinessLevel, number> = { L0: 0, L1: 1, L2: 2, L3: 3 };

/** Negative when a is below b. @public */
export function compareLevels(a: ReadinessLevel, b: ReadinessLevel): number {
  return ORDER[a] - ORDER[b];
}

/** Whether `level` is at least `min`. @public */
export function levelAtLeast(
  level: ReadinessLevel,
  min: ReadinessLevel,
): boolean {
  return ORDER[level] >= ORDER[min];
}
