/*
 * Levels L0–L3 (rubric "Levels") as data: each level's rule lists the checks
 * that must pass, those that must be at least partial, the minimum dimension
 * score, the risk-tier conditions. computeLevel reads only that data, and the
 * level descriptions of GET /rubric are written from it.
 */
import type {
  CheckStatus,
  DimensionId,
  LevelRule,
  ReadinessLevel,
} from '../types';
import { DIMENSION_IDS, LEVEL_NAMES } from '../types';

/** Which checks a rule names: by id, every gate, every check of dimensions. */
export interface CheckSelector {
  checks?: readonly string[];
  gates?: boolean;
  dimensions?: readonly DimensionId[];
}

/** A level's rule before the checks are known (ids resolved by compileLevelRules). */
export interface LevelRuleSource {
  level: Exclude<ReadinessLevel, 'L0'>;
  mustPass?: CheckSelector;
  mustBeAtLeastPartial?: CheckSelector;
  /** 'L2' / 'L3': the configured threshold of that level (aiReadiness.levels). */
  minDimensionScore?: 'L2' | 'L3';
  riskTierRequirements?: { riskTier: string; mustPass: CheckSelector }[];
  excludedRiskTiers?: { riskTier: string; blocker: string }[];
}

/** The default rubric's levels, each beyond every level below it. */
export const DEFAULT_LEVEL_RULES: readonly LevelRuleSource[] = [
  {
    level: 'L1',
    mustPass: { checks: ['OWN-1', 'SEC-1'] },
    mustBeAtLeastPartial: { checks: ['DATA-1', 'INT-3'] },
    excludedRiskTiers: [{ riskTier: 'prohibited', blocker: 'SEC-1' }],
  },
  {
    level: 'L2',
    mustPass: {
      checks: [
        'OWN-2',
        'DATA-2',
        'INT-1',
        'FB-1',
        'FB-3',
        'MON-1',
        'MON-3',
        'SEC-2',
        'OPS-4',
      ],
    },
    minDimensionScore: 'L2',
    riskTierRequirements: [
      { riskTier: 'high', mustPass: { checks: ['SEC-5', 'MON-5'] } },
    ],
  },
  {
    level: 'L3',
    mustPass: { gates: true, checks: ['MON-5'] },
    minDimensionScore: 'L3',
    riskTierRequirements: [
      {
        riskTier: 'high',
        mustPass: { dimensions: ['fallback', 'security'] },
      },
    ],
  },
];

/** What a level needs of the checks, as selected from the active checks. */
export interface RuleCheck {
  id: string;
  dimension: DimensionId;
  gate: boolean;
}

/** Ids of the active checks a selector names, in rubric order. */
function select(
  selector: CheckSelector | undefined,
  checks: readonly RuleCheck[],
): string[] {
  if (!selector) return [];
  const ids = new Set(selector.checks ?? []);
  const dimensions = new Set(selector.dimensions ?? []);
  return checks
    .filter(
      c =>
        ids.has(c.id) ||
        (selector.gates && c.gate) ||
        dimensions.has(c.dimension),
    )
    .map(c => c.id);
}

/** The level rules with check ids and thresholds filled in. */
export function compileLevelRules(
  sources: readonly LevelRuleSource[],
  checks: readonly RuleCheck[],
  thresholds: { L2: number; L3: number },
): LevelRule[] {
  return sources.map(source => ({
    level: source.level,
    mustPass: select(source.mustPass, checks),
    mustBeAtLeastPartial: select(source.mustBeAtLeastPartial, checks),
    minDimensionScore: source.minDimensionScore
      ? thresholds[source.minDimensionScore]
      : null,
    riskTierRequirements: (source.riskTierRequirements ?? []).map(r => ({
      riskTier: r.riskTier,
      mustPass: select(r.mustPass, checks),
    })),
    excludedRiskTiers: (source.excludedRiskTiers ?? []).map(r => ({ ...r })),
  }));
}

/** What computeLevel reads of one scored pilot. */
export interface LevelInput {
  /** Index of each active check's id in `statuses`. */
  checkIndex: ReadonlyMap<string, number>;
  statuses: readonly CheckStatus[];
  /** Scores aligned with DIMENSION_IDS (null: nothing scored). */
  dimensionScores: readonly (number | null)[];
  riskTier: string | undefined;
}

const passes = (s: CheckStatus | undefined) =>
  s === undefined || s === 'pass' || s === 'waived' || s === 'not-applicable';
const atLeastPartial = (s: CheckStatus | undefined) =>
  passes(s) || s === 'partial';

function formatScore(score: number): string {
  return String(Math.round(score * 100) / 100);
}

/** What keeps a pilot from a level's rule, given that it meets every level below. */
export function blockersOf(rule: LevelRule, input: LevelInput): string[] {
  const out: string[] = [];
  const add = (blocker: string) => {
    if (!out.includes(blocker)) out.push(blocker);
  };
  const need = (
    ids: readonly string[],
    test: (s: CheckStatus | undefined) => boolean,
  ) => {
    for (const id of ids) {
      const i = input.checkIndex.get(id);
      if (!test(i === undefined ? undefined : input.statuses[i])) add(id);
    }
  };
  need(rule.mustPass, passes);
  need(rule.mustBeAtLeastPartial, atLeastPartial);
  for (const excluded of rule.excludedRiskTiers) {
    if (input.riskTier === excluded.riskTier) add(excluded.blocker);
  }
  const min = rule.minDimensionScore;
  if (min !== null) {
    DIMENSION_IDS.forEach((id, i) => {
      const score = input.dimensionScores[i];
      if (score !== null && score !== undefined && score < min)
        add(`dimension ${id} ${formatScore(score)} < ${min}`);
    });
  }
  for (const extra of rule.riskTierRequirements) {
    if (input.riskTier === extra.riskTier) need(extra.mustPass, passes);
  }
  return out;
}

/** The highest level whose rule (and the rule of every level below) holds. */
export function computeLevel(
  rules: readonly LevelRule[],
  input: LevelInput,
): {
  level: ReadinessLevel;
  nextLevel: { level: ReadinessLevel; blockers: string[] } | null;
} {
  let level: ReadinessLevel = 'L0';
  for (const rule of rules) {
    const blockers = blockersOf(rule, input);
    if (blockers.length)
      return { level, nextLevel: { level: rule.level, blockers } };
    level = rule.level;
  }
  return { level, nextLevel: null };
}

const list = (ids: readonly string[]) => ids.join(', ');

/** One level's description, written from its rule (GET /rubric). */
export function describeLevel(
  level: ReadinessLevel,
  rules: readonly LevelRule[],
): string {
  const name = LEVEL_NAMES[level];
  const index = rules.findIndex(r => r.level === level);
  if (index < 0) {
    const first = rules[0];
    return `${name}: short of ${first ? first.level : 'any level'}.${
      first?.excludedRiskTiers.length
        ? ` Risk tier ${first.excludedRiskTiers
            .map(e => e.riskTier)
            .join(' or ')} is ${level} whatever else holds.`
        : ''
    }`;
  }
  const rule = rules[index];
  const parts: string[] = [];
  if (index > 0) parts.push(`every ${rules[index - 1].level} condition`);
  if (rule.mustPass.length) parts.push(`${list(rule.mustPass)} pass`);
  if (rule.mustBeAtLeastPartial.length)
    parts.push(`${list(rule.mustBeAtLeastPartial)} are at least partial`);
  if (rule.minDimensionScore !== null)
    parts.push(`every dimension scores at least ${rule.minDimensionScore}`);
  for (const extra of rule.riskTierRequirements) {
    if (extra.mustPass.length)
      parts.push(
        `with risk tier ${extra.riskTier}, ${list(extra.mustPass)} pass`,
      );
  }
  for (const excluded of rule.excludedRiskTiers)
    parts.push(`risk tier is not ${excluded.riskTier}`);
  return `${name}: ${parts.join('; ')}.`;
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
