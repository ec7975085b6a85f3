/*
 * Scores one pilot against a compiled rubric: runs the checks, applies the
 * waivers, scores the dimensions, computes the level and the drift, and
 * assembles the scorecard (assembleScorecard: the one place where a
 * scorecard's fields are put together).
 */
import type { CheckDefinition, CheckOutcome } from '../checks/types';
import {
  CheckResult,
  CheckStatus,
  DimensionResult,
  DriftFinding,
  LEVEL_NAMES,
  ReadinessLevel,
  Scorecard,
  ScorecardCap,
  ScorecardScope,
  WaiverInfo,
} from '../types';
import { parseIsoDate, todayUtc } from '../util/dates';
import {
  EntityGraph,
  GraphNode,
  isRecord,
  MalformedFieldError,
  ResolvedRef,
} from './graph';
import { PilotContext } from './context';
import { flatten, internalize, riskTierOf } from './metadata';
import { blockersOf, compareLevels, computeLevel, LevelInput } from './levels';
import { isPilotNode, scopeOfNode } from './scope';
import { DriftFacts, driftFactsOf, driftOf } from './drift';
import { applyWaiver } from './waivers';
// Waiver requests (shared/waivers.md): the logic lives in src/waivers.
import type { WaiverPolicyMode } from '../config/waivers';
import type { WaiverRequest, WaiverRequestsView } from '../waivers/types';
import { approvedWaiverOf, waiverPolicyOf } from '../waivers/apply';
import { SharedResults, SharedValues, sameElements } from './sharedResults';
import type { CompiledCheck, CompiledRubric } from './rubric';
// Evidence (shared/evidence.md): the logic lives in src/evidence; the hooks below are marked "Evidence".
import type { EvidenceCounts, EvidenceView } from '../evidence/types';
import {
  NO_EVIDENCE,
  PilotEvidence,
  unverifiedOf,
  withEvidence,
} from '../evidence/pilot';
import { computeLevelWithEvidence } from '../evidence/levels';

/**
 * Options of one evaluation. Add new options here; they reach
 * assembleScorecard unchanged. @public
 */
export interface EvaluateOptions {
  /** The evaluation date, YYYY-MM-DD (default: today in UTC). */
  asOf?: string;
  /** The evaluation time stamp (default: now). */
  now?: Date;
  /**
   * Stored evidence (shared/evidence.md): refuted items count as absent, each
   * check lists its items, requireVerified applies. Without it, no evidence.
   */
  evidence?: EvidenceView;
  /**
   * The weakest link needs the uncapped level of every pilot a pilot reaches.
   * A caller that evaluates one graph in several batches (same time and
   * options) may share this map across them, so that no pilot is scored for
   * its level twice.
   */
  uncappedLevels?: Map<string, ReadinessLevel>;
  /**
   * Waiver requests (shared/waivers.md): the approved ones, not expired on
   * `asOf` and not lapsed, waive their checks. Without it, none.
   */
  waivers?: WaiverRequestsView;
}

/** When an evaluation happens, validated once for a batch. @public */
export interface EvaluationTime {
  /** YYYY-MM-DD. */
  asOf: string;
  /** asOf as a day number (parseIsoDate). */
  asOfDay: number;
  now: Date;
  /** `now` as an ISO time stamp (each scorecard's evaluatedAt). */
  evaluatedAt: string;
}

export { SCORECARD_READS } from './scorecardReads';

/** The evaluation time of options; throws TypeError for a malformed asOf. @public */
export function evaluationTime(options: EvaluateOptions = {}): EvaluationTime {
  const now = options.now ?? new Date();
  const asOf = options.asOf ?? todayUtc(now);
  const asOfDay = typeof asOf === 'string' ? parseIsoDate(asOf) : undefined;
  if (asOfDay === undefined || asOf.length !== 10) {
    throw new TypeError(
      `asOf must be a date YYYY-MM-DD, found ${JSON.stringify(asOf)}`,
    );
  }
  return { asOf, asOfDay, now, evaluatedAt: now.toISOString() };
}

const SCORE: Record<CheckStatus, number | null> = {
  pass: 1,
  partial: 0.5,
  fail: 0,
  error: 0,
  waived: 1,
  'not-applicable': null,
};

const MAX_MESSAGE = 600;

const OUTCOME_STATUSES = new Set([
  'pass',
  'partial',
  'fail',
  'error',
  'not-applicable',
]);

/** What the hot path keeps per rubric beside the data. */
interface RubricState {
  /** Cache: full key names, interned, so that each is built once per engine, not per pilot. */
  keyNames: Map<string, string>;
  waiverPrefix: string;
  /** Interned full waiver key per check. */
  waiverKeys: string[];
  /** Each check's waiver policy. */
  waiverModes: WaiverPolicyMode[];
  results: SharedResults[];
  /** Cache: dimensions whose check results are all shared, per dimension. */
  dimensions: SharedValues<DimensionResult>[];
  nextLevels: SharedValues<NonNullable<Scorecard['nextLevel']>>;
  checkIndex: Map<string, number>;
  /** Checks per dimension: lists are made at their final size (a list grown by push keeps spare room). */
  dimensionSizes: number[];
  nonEmptyDimensions: number;
}

const NO_REQUESTS: readonly WaiverRequest[] = Object.freeze([]);
const NO_DRIFT: DriftFinding[] = Object.freeze([]) as unknown as DriftFinding[];
const NO_EVIDENCE_COUNTS = Object.freeze({
  verified: 0,
  unverified: 0,
  refuted: 0,
});

const sameChecks = (d: DimensionResult, checks: CheckResult[]) =>
  sameElements(d.checks, checks);
const sameNextLevel = (
  a: NonNullable<Scorecard['nextLevel']>,
  b: NonNullable<Scorecard['nextLevel']>,
) => a.level === b.level && sameElements(a.blockers, b.blockers);

const states = new WeakMap<CompiledRubric, RubricState>();

function stateOf(rubric: CompiledRubric): RubricState {
  let state = states.get(rubric);
  if (!state) {
    const dimensionSizes = rubric.dimensions.map(
      (_, i) => rubric.checks.filter(c => c.dimensionIndex === i).length,
    );
    state = {
      keyNames: new Map(),
      waiverPrefix: `${rubric.prefix}waiver.`,
      waiverKeys: rubric.checks.map(c =>
        internalize(`${rubric.prefix}waiver.${c.id}`),
      ),
      waiverModes: rubric.checks.map(c =>
        waiverPolicyOf(rubric.config.waivers, c.id),
      ),
      results: rubric.checks.map(
        c =>
          new SharedResults((status, message) => resultOf(c, status, message)),
      ),
      dimensions: rubric.dimensions.map(() => new SharedValues()),
      nextLevels: new SharedValues(),
      checkIndex: new Map(rubric.checks.map((c, i) => [c.id, i])),
      dimensionSizes,
      nonEmptyDimensions: dimensionSizes.filter(n => n > 0).length,
    };
    states.set(rubric, state);
  }
  return state;
}

/** A check's result; the remediation goes with every status short of pass. */
function resultOf(
  check: CompiledCheck,
  status: CheckStatus,
  message: string,
  waiver: WaiverInfo | null = null,
): CheckResult {
  return {
    id: check.id,
    title: check.title,
    gate: check.gate,
    status,
    message: flatten(message),
    frameworks: check.frameworks,
    remediation:
      status === 'pass' || status === 'not-applicable'
        ? null
        : check.remediation,
    waiver,
    evidence: NO_EVIDENCE,
  };
}

/**
 * One pilot scored: checks, dimensions and its own (uncapped) level; what
 * finishScorecard needs to assemble the scorecard once the weakest link is
 * known.
 */
export interface ScoredPilot {
  pilot: GraphNode;
  /** What the scorecard reads of the pilot beyond its checks (no context is kept: batches hold many). */
  facts: {
    owner: string | null;
    system: string | null;
    drift: DriftFacts;
  };
  dimensions: DimensionResult[];
  score: number;
  levelInput: LevelInput;
  /** The pilot's own level, before the weakest link. */
  level: ReadinessLevel;
  /** What it depends on and hands off to (the weakest link's candidate edges), as its checks read them. */
  reaches?: readonly ResolvedRef[];
  nextLevel: Scorecard['nextLevel'];
  evidence?: PilotEvidence;
}

/** Scores one pilot (a node of `graph`, or read as given), without the weakest link. */
export function scorePilot(
  rubric: CompiledRubric,
  pilot: GraphNode,
  graph: EntityGraph,
  time: EvaluationTime,
  options: EvaluateOptions = {},
  /** Whether a node is a pilot: a batch passes its memo; alone, scope decides. */
  isPilot: (node: GraphNode) => boolean = node =>
    isPilotNode(rubric, node, graph),
): ScoredPilot {
  const state = stateOf(rubric);
  const ctx = new PilotContext(
    pilot,
    graph,
    rubric.config,
    rubric.scope,
    time.asOf,
    time.asOfDay,
    state.keyNames,
    isPilot,
  );
  // Evidence: only with a view.
  const evidence = options.evidence
    ? new PilotEvidence(
        options.evidence,
        pilot,
        graph,
        rubric.prefix,
        rubric.checks,
      )
    : undefined;
  ctx.evidence = evidence;
  const { checks } = rubric;
  const statuses = new Array<CheckStatus>(checks.length);
  const dimensionChecks: CheckResult[][] = state.dimensionSizes.map(
    size => new Array<CheckResult>(size),
  );
  const filled = new Array<number>(dimensionChecks.length).fill(0);
  const requests = options.waivers?.forEntity(pilot.ref) ?? NO_REQUESTS;
  // Most pilots have no waiver at all: then no check reads one.
  const waivers =
    requests.length || ctx.hasKeyWithPrefix(state.waiverPrefix)
      ? { requests, evidence: options.evidence }
      : undefined;
  for (let i = 0; i < checks.length; i++) {
    let result = runCheck(checks[i], i, ctx, state, time.asOfDay, waivers);
    if (evidence) result = withEvidence(result, evidence, MAX_MESSAGE);
    statuses[i] = result.status;
    const d = checks[i].dimensionIndex;
    dimensionChecks[d][filled[d]++] = result;
  }

  const dimensions = new Array<DimensionResult>(state.nonEmptyDimensions);
  let dimensionCount = 0;
  const dimensionScores = new Array<number | null>(rubric.dimensions.length);
  let weighted = 0;
  let weightSum = 0;
  for (let i = 0; i < rubric.dimensions.length; i++) {
    const { id, title, weight } = rubric.dimensions[i];
    const results = dimensionChecks[i];
    let sum = 0;
    let counted = 0;
    // Only while the dimension's cache is on: freezing a list costs more than making one.
    let allShared = state.dimensions[i].active;
    for (const c of results) {
      const s = SCORE[c.status];
      if (s !== null) {
        sum += s;
        counted++;
      }
      if (allShared && !Object.isFrozen(c)) allShared = false;
    }
    const score = counted ? sum / counted : null;
    dimensionScores[i] = score;
    if (score !== null && weight > 0) {
      weighted += score * weight;
      weightSum += weight;
    }
    if (!results.length) continue;
    // The score follows from the results, so equal results make an equal dimension.
    const shared = allShared ? state.dimensions[i] : undefined;
    dimensions[dimensionCount++] =
      shared?.find(results, sameChecks) ??
      (shared
        ? shared.remember({
            id,
            title,
            score,
            checks: Object.freeze(results) as CheckResult[],
          })
        : { id, title, score, checks: results });
  }

  const levelInput = {
    checkIndex: state.checkIndex,
    statuses,
    dimensionScores,
    riskTier: safely(() => riskTierOf(ctx.key('risk-tier'))),
  };
  const requireVerified = evidence && options.evidence?.requireVerified;
  const computed = requireVerified
    ? computeLevelWithEvidence(
        rubric.levels,
        levelInput,
        requireVerified,
        unverifiedOf(evidence, dimensionChecks),
      )
    : computeLevel(rubric.levels, levelInput);
  return {
    pilot,
    reaches: safely(() => reachedRefs(ctx)),
    facts: {
      owner: safely(() => ctx.owner()?.ref) ?? null,
      system: safely(() => ctx.system()?.ref) ?? null,
      drift: driftFactsOf(ctx),
    },
    dimensions,
    score: weightSum ? Math.round((weighted / weightSum) * 100) : 0,
    levelInput,
    level: computed.level,
    nextLevel: sharedNextLevel(state, computed.nextLevel),
    evidence,
  };
}

/** What the pilot depends on (read by its checks already) and the agents it hands off to. */
function reachedRefs(ctx: PilotContext): readonly ResolvedRef[] {
  const deps = ctx.dependsOn();
  const spec = (ctx.entity as { spec?: { handoffs?: unknown } }).spec;
  if (!Array.isArray(spec?.handoffs)) return deps;
  const handoffs = ctx.handoffs();
  return handoffs.length ? deps.concat(handoffs) : deps;
}

function sharedNextLevel(
  state: RubricState,
  next: Scorecard['nextLevel'],
): Scorecard['nextLevel'] {
  // With the cache off (next levels mostly differ from pilot to pilot),
  // the pilot's own next level is kept as made.
  if (!next || !state.nextLevels.active) return next;
  return (
    state.nextLevels.find(next, sameNextLevel) ??
    state.nextLevels.remember({
      level: next.level,
      blockers: Object.freeze(next.blockers.slice()) as string[],
    })
  );
}

/** Each capping pilot is named, as the rubric asks: `pilot <ref> at <level>`. */
function capBlockers(cap: ScorecardCap | null, goal: ReadinessLevel): string[] {
  return cap && compareLevels(goal, cap.level) > 0
    ? cap.by.map(ref => `pilot ${ref} at ${cap.level}`)
    : [];
}

/**
 * The scorecard of a scored pilot, its level held down by the weakest link
 * when `cap` says so (rubric "Levels", weakest link): level, next level,
 * drift, targets and campaigns read the capped level.
 */
export function finishScorecard(
  rubric: CompiledRubric,
  scored: ScoredPilot,
  graph: EntityGraph,
  time: EvaluationTime,
  scope: ScorecardScope | null,
  /** The weakest link: the lowest uncapped level reachable, when below the pilot's own, and the pilots at it. */
  cap: ScorecardCap | null,
): Scorecard {
  const state = stateOf(rubric);
  const { pilot, facts, levelInput } = scored;
  let level = scored.level;
  let nextLevel = scored.nextLevel;
  if (cap) {
    const cappedLevel = compareLevels(cap.level, level) < 0 ? cap.level : level;
    const nextRule = rubric.levels.find(
      r => compareLevels(r.level, cappedLevel) > 0,
    );
    nextLevel = nextRule
      ? sharedNextLevel(state, {
          level: nextRule.level,
          blockers: [
            ...blockersOf(nextRule, levelInput),
            ...capBlockers(cap, nextRule.level),
          ],
        })
      : null;
    level = cappedLevel;
  }
  // Targets and campaigns (shared/targets.md), from facts already read.
  const goals = rubric.goals.evaluate({
    node: pilot,
    graph,
    lifecycle: pilot.lifecycle,
    rolloutStage: facts.drift.stage,
    riskTier: levelInput.riskTier,
    owner: facts.owner?.toLowerCase(),
    system: facts.system?.toLowerCase(),
    level,
    statuses: {
      get: (id: string) => {
        const i = state.checkIndex.get(id);
        return i === undefined ? undefined : levelInput.statuses[i];
      },
    },
    blockersFor: goal => {
      const rule = rubric.levels.find(r => r.level === goal);
      return [
        ...(rule ? blockersOf(rule, levelInput) : []),
        ...capBlockers(cap, goal),
      ];
    },
  });

  return assembleScorecard({
    pilot,
    facts,
    time,
    level,
    nextLevel,
    score: scored.score,
    dimensions: scored.dimensions,
    drift: driftOf(facts.drift, level),
    evidence: scored.evidence?.counts,
    goals,
    scope,
    cap: cap ? { level: scored.level, by: cap.by } : null,
  });
}

/**
 * Scores one pilot alone: the weakest link needs the other pilots, so this
 * is the uncapped scorecard (ReadinessEngine.evaluate applies the weakest
 * link). @public
 */
export function evaluatePilot(
  rubric: CompiledRubric,
  pilot: GraphNode,
  graph: EntityGraph,
  time: EvaluationTime,
  options: EvaluateOptions = {},
): Scorecard {
  return finishScorecard(
    rubric,
    scorePilot(rubric, pilot, graph, time, options),
    graph,
    time,
    scopeOfNode(rubric, pilot, graph),
    null,
  );
}

interface ScorecardParts {
  pilot: GraphNode;
  facts: ScoredPilot['facts'];
  time: EvaluationTime;
  level: ReadinessLevel;
  nextLevel: Scorecard['nextLevel'];
  score: number;
  dimensions: DimensionResult[];
  drift: DriftFinding[];
  /** Evidence counts (with a view). */
  evidence?: EvidenceCounts;
  /** The pilot's target and campaigns. */
  goals: Pick<Scorecard, 'target' | 'campaigns'>;
  scope: ScorecardScope | null;
  cap: ScorecardCap | null;
}

/** The one place where a scorecard is put together (new fields go here). */
function assembleScorecard(parts: ScorecardParts): Scorecard {
  const { pilot, facts, time, level } = parts;
  const card: Scorecard = {
    entityRef: pilot.ref,
    title: titleOf(pilot),
    owner: facts.owner,
    system: facts.system,
    asOf: time.asOf,
    evaluatedAt: time.evaluatedAt,
    level,
    levelName: LEVEL_NAMES[level],
    score: parts.score,
    dimensions: parts.dimensions,
    nextLevel: parts.nextLevel,
    drift: parts.drift.length ? parts.drift : NO_DRIFT,
    evidence: parts.evidence ? { ...parts.evidence } : NO_EVIDENCE_COUNTS,
    // Named, not spread: a literal keeps every field inside the object.
    target: parts.goals.target,
    campaigns: parts.goals.campaigns,
    // A literal of one shape for every scorecard (a spread would copy it
    // property by property); an entity that is no pilot has no scope.
    scope: parts.scope ?? undefined,
    cap: parts.cap,
  };
  if (!parts.scope) delete card.scope;
  return card;
}

function runCheck(
  check: CompiledCheck,
  index: number,
  ctx: PilotContext,
  state: RubricState,
  asOfDay: number,
  /** The pilot's waiver requests, undefined when it has neither requests nor waiver annotations. */
  waivers:
    | {
        requests: readonly WaiverRequest[];
        evidence: EvaluateOptions['evidence'];
      }
    | undefined,
): CheckResult {
  const outcome = safeEvaluate(check.definition, ctx);
  if (!waivers)
    return state.results[index].get(outcome.status, capped(outcome.message));
  const waiverKey = state.waiverKeys[index];
  const { status, message, waiver, control } = applyWaiver(
    check,
    waiverKey,
    safely(() => ctx.metadataValue(waiverKey, true)),
    outcome.status,
    outcome.message,
    asOfDay,
    state.waiverModes[index],
    waivers.requests.length
      ? approvedWaiverOf(check.id, waivers.requests, asOfDay, waivers.evidence)
      : undefined,
  );
  if (waiver === null) return state.results[index].get(status, capped(message));
  const result = resultOf(check, status, capped(message), waiver);
  return control ? { ...result, evidence: [control] } : result;
}

/**
 * A safety net: values are shortened where they are quoted, but a check
 * added in code may not do so.
 */
function capped(message: string): string {
  return message.length > MAX_MESSAGE
    ? `${message.slice(0, MAX_MESSAGE - 3)}...`
    : message;
}

function titleOf(node: GraphNode): string {
  const metadata = node.entity?.metadata;
  const title = isRecord(metadata) ? metadata.title : undefined;
  return typeof title === 'string' && title.trim() ? title.trim() : node.name;
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function safeEvaluate(def: CheckDefinition, ctx: PilotContext): CheckOutcome {
  try {
    const outcome = def.evaluate(ctx);
    if (
      !outcome ||
      !OUTCOME_STATUSES.has(outcome.status) ||
      typeof outcome.message !== 'string'
    ) {
      return {
        status: 'error',
        message: `check ${def.id} returned an invalid outcome`,
      };
    }
    return outcome;
  } catch (e) {
    if (e instanceof MalformedFieldError)
      return { status: 'error', message: e.message };
    return {
      status: 'error',
      message: `check ${def.id} could not read the entity: ${
        e instanceof Error ? e.message : 'unexpected value thrown'
      }`,
    };
  }
}
