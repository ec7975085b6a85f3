/*
 * The compiled rubric: everything the engine needs from the config and the
 * checks, as data. evaluatePilot, computeLevel, GET /rubric and the read
 * derivations (missingRefs, catalogFields) all read this one object.
 */
import { compileGoals, CompiledGoals } from '../targets/goals';
import {
  AiReadinessConfig,
  AiReadinessConfigError,
  parseAiReadinessConfig,
} from '../config/schema';
import type { CheckDefinition, CheckReads } from '../checks/types';
import { defaultChecks } from '../checks/builtin';
import { customCheck } from '../checks/custom';
import {
  DIMENSION_IDS,
  DIMENSION_TITLES,
  DimensionId,
  LevelRule,
  Remediation,
} from '../types';
import { compileLevelRules, DEFAULT_LEVEL_RULES } from './levels';
import { ScopeSets, scopeSetsOf } from './context';
import { SCOPE_READS } from './scope';
import { WEAKEST_LINK_READS } from './weakestLink';
import { DRIFT_READS } from './drift';
import { waiverReads } from './waivers';
import { SCORECARD_READS } from './scorecardReads';
import { mergeReads } from '../checks/reads';
import { ReferencePlan, referencePlans } from './references';

/** One active check, compiled. @public */
export interface CompiledCheck {
  id: string;
  dimension: DimensionId;
  title: string;
  gate: boolean;
  waivable: boolean;
  /** With the configured prefix. */
  remediation: Remediation;
  frameworks: string[];
  /** What the check declares it reads ({} when it declares nothing). */
  reads: CheckReads;
  /** Index of the dimension in DIMENSION_IDS. */
  dimensionIndex: number;
  definition: CheckDefinition;
}

/** The rubric as data, compiled once per engine. @public */
export interface CompiledRubric {
  config: AiReadinessConfig;
  /** The annotation prefix, e.g. "ai-readiness/". */
  prefix: string;
  /** Every dimension in rubric order with its weight. */
  dimensions: { id: DimensionId; title: string; weight: number }[];
  /** The active checks: built-in in rubric order, then added in code, then from config. */
  checks: CompiledCheck[];
  /** Ids of the gate (★) checks. */
  gates: string[];
  /** L1, L2, L3 in order, each beyond the one below. */
  levels: LevelRule[];
  thresholds: { L2: number; L3: number };
  /** The configured scope sets (lower-cased). */
  scope: ScopeSets;
  /** What the engine reads itself, beyond the checks: scope, waivers, drift, the scorecard's owner and system. */
  engineReads: CheckReads;
  /** The references the checks and the engine follow, merged from their reads. */
  references: ReferencePlan[];
  /** Target rules and campaigns (shared/targets.md). */
  goals: CompiledGoals;
}

/**
 * Compiles a configuration (raw or parsed) and the checks added in code into
 * a rubric. Throws AiReadinessConfigError naming the key for bad config, and
 * an Error for a malformed or duplicate check added in code. @public
 */
export function compileRubric(
  config: unknown,
  checks: readonly CheckDefinition[] = [],
): CompiledRubric {
  const parsed = parseAiReadinessConfig(config);
  const prefix = parsed.annotationPrefix;
  const withPrefix = (text: string) =>
    prefix === 'ai-readiness/' ? text : text.replace(/ai-readiness\//g, prefix);
  const compiled: CompiledCheck[] = activeChecks(parsed, checks).map(def => ({
    id: def.id,
    dimension: def.dimension,
    title: def.title,
    gate: !!def.gate,
    waivable: def.waivable !== false,
    remediation: {
      text: withPrefix(def.remediation.text),
      yaml: withPrefix(def.remediation.yaml),
    },
    frameworks: [...def.frameworks],
    reads: def.reads ?? {},
    dimensionIndex: DIMENSION_IDS.indexOf(def.dimension),
    definition: def,
  }));
  const thresholds = {
    L2: parsed.levels.L2?.minDimensionScore ?? 0.5,
    L3: parsed.levels.L3?.minDimensionScore ?? 0.8,
  };
  const engineReads = mergeReads(
    SCOPE_READS,
    WEAKEST_LINK_READS,
    SCORECARD_READS,
    DRIFT_READS,
    waiverReads(compiled.map(c => c.id)),
  );
  return {
    config: parsed,
    prefix,
    dimensions: DIMENSION_IDS.map(id => ({
      id,
      title: DIMENSION_TITLES[id],
      weight: parsed.weights[id] ?? 1,
    })),
    checks: compiled,
    gates: compiled.filter(c => c.gate).map(c => c.id),
    levels: compileLevelRules(DEFAULT_LEVEL_RULES, compiled, thresholds),
    thresholds,
    scope: scopeSetsOf(parsed),
    engineReads,
    references: referencePlans([engineReads, ...compiled.map(c => c.reads)]),
    goals: compileGoals(parsed, new Set(compiled.map(c => c.id))),
  };
}

/** Built-in, added in code and configured checks, less the disabled ones. */
function activeChecks(
  config: AiReadinessConfig,
  added: readonly CheckDefinition[],
): CheckDefinition[] {
  const all: CheckDefinition[] = [...defaultChecks];
  const ids = new Set(all.map(c => c.id));
  for (const check of added) {
    validateCheckDefinition(check);
    if (ids.has(check.id))
      throw new Error(`Duplicate check id "${check.id}" added in code`);
    ids.add(check.id);
    all.push(check);
  }
  config.customChecks.forEach((custom, i) => {
    if (ids.has(custom.id)) {
      throw new AiReadinessConfigError(
        `aiReadiness.customChecks[${i}].id`,
        `check id "${custom.id}" is already used by another check`,
      );
    }
    ids.add(custom.id);
    all.push(customCheck(custom));
  });
  config.disabledChecks.forEach((id, i) => {
    if (!ids.has(id)) {
      throw new AiReadinessConfigError(
        `aiReadiness.disabledChecks[${i}]`,
        `unknown check id "${id}"`,
      );
    }
  });
  const disabled = new Set(config.disabledChecks);
  return all.filter(c => !disabled.has(c.id));
}

function validateCheckDefinition(check: CheckDefinition) {
  if (
    !check ||
    typeof check.id !== 'string' ||
    !/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/.test(check.id)
  ) {
    throw new Error(
      `A check added in code needs an id such as "SEC-6", found ${JSON.stringify(
        check?.id,
      )}`,
    );
  }
  if (!DIMENSION_IDS.includes(check.dimension)) {
    throw new Error(
      `Check ${check.id} has an unknown dimension ${JSON.stringify(
        check.dimension,
      )}`,
    );
  }
  if (
    typeof check.evaluate !== 'function' ||
    !check.remediation?.yaml ||
    !check.title
  ) {
    throw new Error(
      `Check ${check.id} needs a title, a remediation and an evaluate function`,
    );
  }
}
