/*
 * The readiness engine: scope, checks, waivers, scores, levels and drift for
 * every AI pilot of a graph. Pure and synchronous; the same in the backend,
 * the frontend and the CLI.
 */
import type { Entity } from '@backstage/catalog-model';
import {
  AiReadinessConfig,
  AiReadinessConfigError,
  parseAiReadinessConfig,
} from '../config/schema';
import type { CheckDefinition, CheckOutcome } from '../checks/types';
import { defaultChecks } from '../checks/builtin';
import { customCheck } from '../checks/custom';
import { riskTierOf } from '../checks/builtin/security';
import {
  CheckResult,
  CheckStatus,
  DIMENSION_IDS,
  DIMENSION_TITLES,
  DimensionId,
  DimensionResult,
  DriftFinding,
  LEVEL_NAMES,
  ReadinessLevel,
  Remediation,
  RubricDescription,
  Scorecard,
  WaiverInfo,
} from '../types';
import { parseIsoDate, todayUtc } from '../util/dates';
import { displayRef, parseRef } from '../util/refs';
import {
  EntityGraph,
  GraphNode,
  isRecord,
  MalformedFieldError,
  readRefField,
  readRefList,
} from './graph';
import {
  internalize,
  isModelDependencyNode,
  PilotContext,
  readMetadataValue,
  scopeSetsOf,
  ScopeSets,
} from './context';
import {
  blockersFor,
  compareLevels,
  computeLevel,
  L2_REQUIRED,
  LevelInput,
} from './levels';
import { compileGoals } from '../targets/goals';

/** @public */
export interface EvaluateOptions {
  /** The evaluation date, YYYY-MM-DD (default: today in UTC). */
  asOf?: string;
  /** The evaluation time stamp (default: now). */
  now?: Date;
}

/** @public */
export interface ReadinessEngine {
  readonly config: AiReadinessConfig;
  /** The active checks, in rubric order then added ones. */
  readonly checks: readonly CheckDefinition[];
  buildGraph(entities: Iterable<unknown>): EntityGraph;
  isPilot(entity: Entity, graph: EntityGraph): boolean;
  pilots(graph: EntityGraph): Entity[];
  evaluate(
    entity: Entity,
    graph: EntityGraph,
    options?: EvaluateOptions,
  ): Scorecard;
  evaluateAll(graph: EntityGraph, options?: EvaluateOptions): Scorecard[];
  describeRubric(): RubricDescription;
  /** References these pilots' checks read that the graph does not hold yet. */
  missingRefs(entities: Entity[], graph: EntityGraph): string[];
}

/** @public */
export interface CreateReadinessEngineOptions {
  /** The `aiReadiness` config value, raw or parsed (undefined: defaults). */
  config?: unknown;
  /** Checks added in code, e.g. by backend modules through the extension point. */
  checks?: readonly CheckDefinition[];
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

/** The level a rollout stage claims (drift when the computed level is lower). */
const CLAIMED_LEVEL: Record<string, ReadinessLevel | undefined> = {
  production: 'L3',
  limited: 'L2',
};

const OUTCOME_STATUSES = new Set([
  'pass',
  'partial',
  'fail',
  'error',
  'not-applicable',
]);

const WAIVER_VALUE = /^(\d{4}-\d{2}-\d{2})\s+(\S.*)$/s;

interface CompiledCheck {
  def: CheckDefinition;
  dimensionIndex: number;
  gate: boolean;
  waivable: boolean;
  remediation: Remediation;
  frameworks: string[];
  waiverKey: string;
  results: SharedResults;
}

/** Known messages a bucket compares with. */
const SHARED_PER_BUCKET = 8;

/**
 * Check results without a waiver, shared between scorecards when the same
 * check says the same thing (most "pass" and "fail" messages are constant):
 * 100,000 scorecards then hold a few thousand result objects instead of 3.3
 * million. Shared results are frozen. A bucket compares a message with a few
 * known ones (string equality, no hashing, which would flatten and hash every
 * built message); where a check's messages are mostly unique, because they
 * name the pilot's own references, its bucket switches itself off.
 */
class SharedResults {
  private readonly buckets = new Map<CheckStatus, SharedBucket>();

  constructor(
    private readonly make: (
      status: CheckStatus,
      message: string,
    ) => CheckResult,
  ) {}

  get(status: CheckStatus, message: string): CheckResult {
    let bucket = this.buckets.get(status);
    if (!bucket) {
      bucket = { messages: [], results: [], lookups: 0, hits: 0, off: false };
      this.buckets.set(status, bucket);
    }
    if (bucket.off) return this.make(status, message);
    bucket.lookups++;
    const { messages, results } = bucket;
    for (let i = 0; i < messages.length; i++) {
      if (messages[i] === message) {
        bucket.hits++;
        return results[i];
      }
    }
    const result = Object.freeze(this.make(status, message)) as CheckResult;
    if (messages.length < SHARED_PER_BUCKET) {
      messages.push(message);
      results.push(result);
    }
    if (bucket.lookups >= 1000 && bucket.hits * 2 < bucket.lookups)
      bucket.off = true;
    return result;
  }
}

interface SharedBucket {
  messages: string[];
  results: CheckResult[];
  lookups: number;
  hits: number;
  off: boolean;
}

const LEVEL_DESCRIPTIONS: Record<ReadinessLevel, string> = {
  L0: 'Unready: a technical owner, a risk tier, data sources or model access are missing.',
  L1: 'Pilot: OWN-1 and SEC-1 pass; DATA-1 and INT-3 are at least partial.',
  L2: `Limited rollout: L1, and ${L2_REQUIRED.join(
    ', ',
  )} pass; every dimension scores at least the L2 threshold; with risk tier high, SEC-5 and MON-5 pass.`,
  L3: 'Production: L2, every gate check passes, every dimension scores at least the L3 threshold, MON-5 passes; with risk tier high, every fallback and security check passes.',
};

/** Builds an engine for a configuration and a set of added checks. @public */
export function createReadinessEngine(
  engineOptions: CreateReadinessEngineOptions = {},
): ReadinessEngine {
  const config = parseAiReadinessConfig(engineOptions.config);
  const prefix = config.annotationPrefix;
  const sets = scopeSetsOf(config);
  // Full names of rubric keys (prefix + key), shared by every pilot's context.
  const keyNames = new Map<string, string>();
  const waiverPrefix = `${prefix}waiver.`;
  let lastAsOf: { text: string; day: number | undefined } | undefined;

  const all: CheckDefinition[] = [...defaultChecks];
  const ids = new Set(all.map(c => c.id));
  for (const check of engineOptions.checks ?? []) {
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
  const active = all.filter(c => !disabled.has(c.id));
  const goals = compileGoals(config, new Set(active.map(c => c.id)));

  const withPrefix = (text: string) =>
    prefix === 'ai-readiness/' ? text : text.replace(/ai-readiness\//g, prefix);
  const compiled: CompiledCheck[] = active.map(def => {
    const remediation: Remediation = {
      text: withPrefix(def.remediation.text),
      yaml: withPrefix(def.remediation.yaml),
    };
    const checkFrameworks = [...def.frameworks];
    return {
      def,
      dimensionIndex: DIMENSION_IDS.indexOf(def.dimension),
      gate: !!def.gate,
      waivable: def.waivable !== false,
      remediation,
      frameworks: checkFrameworks,
      waiverKey: internalize(`${prefix}waiver.${def.id}`),
      results: new SharedResults(
        (status, message): CheckResult => ({
          id: def.id,
          title: def.title,
          gate: !!def.gate,
          status,
          message,
          frameworks: checkFrameworks,
          remediation:
            status === 'pass' || status === 'not-applicable'
              ? null
              : remediation,
          waiver: null,
        }),
      ),
    };
  });
  const gates = compiled.filter(c => c.gate).map(c => c.def.id);
  const checksByDimension = new Map<DimensionId, string[]>();
  for (const id of DIMENSION_IDS) checksByDimension.set(id, []);
  for (const c of compiled)
    checksByDimension.get(c.def.dimension)!.push(c.def.id);
  const weights = DIMENSION_IDS.map(id => config.weights[id] ?? 1);
  const thresholds = {
    L2: config.levels.L2?.minDimensionScore ?? 0.5,
    L3: config.levels.L3?.minDimensionScore ?? 0.8,
  };

  function isPilot(entity: Entity, graph: EntityGraph): boolean {
    const quick = quickScope(entity, prefix, sets);
    if (quick !== undefined) return quick;
    if (
      !isRecord(entity) ||
      typeof entity.kind !== 'string' ||
      entity.kind.toLowerCase() !== 'component'
    ) {
      return false;
    }
    const node = nodeFor(entity, graph);
    if (!node) return false;
    for (const dep of readRefList(node, 'dependsOn', true)) {
      if (isModelDependencyNode(graph.get(dep.parsed.key), sets)) return true;
    }
    return false;
  }

  function evaluate(
    entity: Entity,
    graph: EntityGraph,
    options: EvaluateOptions = {},
  ): Scorecard {
    return evaluateNode(
      nodeFor(entity, graph) ?? placeholderNode(entity),
      graph,
      options,
    );
  }

  function evaluateNode(
    node: GraphNode,
    graph: EntityGraph,
    options: EvaluateOptions,
  ): Scorecard {
    const entity = node.entity;
    const now = options.now ?? new Date();
    const asOf = options.asOf ?? todayUtc(now);
    if (lastAsOf?.text !== asOf)
      lastAsOf = { text: asOf, day: parseIsoDate(asOf) };
    const asOfDay = lastAsOf.day;
    if (asOfDay === undefined || asOf.length !== 10) {
      throw new TypeError(
        `asOf must be a date YYYY-MM-DD, found ${JSON.stringify(asOf)}`,
      );
    }
    const ctx = new PilotContext(
      node,
      graph,
      config,
      sets,
      asOf,
      asOfDay,
      keyNames,
    );

    const dimensionChecks: CheckResult[][] = DIMENSION_IDS.map(() => []);
    const statuses = new Map<string, CheckStatus>();
    for (const check of compiled) {
      const result = runCheck(check, ctx, asOfDay);
      statuses.set(check.def.id, result.status);
      dimensionChecks[check.dimensionIndex].push(result);
    }

    const dimensions: DimensionResult[] = [];
    const dimensionScores = new Map<DimensionId, number | null>();
    let weighted = 0;
    let weightSum = 0;
    DIMENSION_IDS.forEach((id, i) => {
      const checks = dimensionChecks[i];
      let sum = 0;
      let counted = 0;
      for (const c of checks) {
        const s = SCORE[c.status];
        if (s !== null) {
          sum += s;
          counted++;
        }
      }
      const score = counted ? sum / counted : null;
      dimensionScores.set(id, score);
      if (score !== null && weights[i] > 0) {
        weighted += score * weights[i];
        weightSum += weights[i];
      }
      if (checks.length)
        dimensions.push({ id, title: DIMENSION_TITLES[id], score, checks });
    });

    let riskTier: string | undefined;
    try {
      riskTier = riskTierOf(ctx.key('risk-tier'));
    } catch {
      riskTier = undefined;
    }
    const levelInput: LevelInput = {
      statuses,
      gates,
      dimensionScores,
      checksByDimension,
      riskTier,
      thresholds,
    };
    const { level, nextLevel } = computeLevel(levelInput);
    const owner = safely(() => ctx.owner()?.ref) ?? null;
    const system = safely(() => ctx.system()?.ref) ?? null;

    return {
      entityRef: node.ref,
      title: titleOf(entity, node),
      owner,
      system,
      asOf,
      evaluatedAt: now.toISOString(),
      level,
      levelName: LEVEL_NAMES[level],
      score: weightSum ? Math.round((weighted / weightSum) * 100) : 0,
      dimensions,
      nextLevel,
      drift: driftOf(ctx, level),
      ...goals.evaluate({
        node,
        graph,
        lifecycle: node.lifecycle,
        rolloutStage: safely(() => ctx.key('rollout-stage'))?.toLowerCase(),
        riskTier,
        owner: owner?.toLowerCase(),
        system: system?.toLowerCase(),
        level,
        statuses,
        blockersFor: goal => blockersFor(goal, levelInput),
      }),
    };
  }

  function runCheck(
    check: CompiledCheck,
    ctx: PilotContext,
    asOfDay: number,
  ): CheckResult {
    const outcome = safeEvaluate(check.def, ctx);
    let status: CheckStatus = outcome.status;
    let message = outcome.message;
    let waiver: WaiverInfo | null = null;
    let waiverValue: string | undefined;
    try {
      waiverValue = ctx.hasKeyWithPrefix(waiverPrefix)
        ? ctx.metadataValue(check.waiverKey, true)
        : undefined;
    } catch {
      waiverValue = undefined;
    }
    if (waiverValue !== undefined && status !== 'not-applicable') {
      const m = WAIVER_VALUE.exec(waiverValue);
      const expiresDay = m ? parseIsoDate(m[1]) : undefined;
      if (!check.waivable) {
        message += ` (waiver ignored: ${check.def.id} cannot be waived)`;
      } else if (!m || expiresDay === undefined) {
        message += ` (waiver ignored: ${
          check.waiverKey
        } must be "YYYY-MM-DD reason", found ${JSON.stringify(
          waiverValue.slice(0, 60),
        )})`;
      } else if (expiresDay < asOfDay) {
        message += ` (waiver ignored: expired on ${m[1]})`;
      } else {
        waiver = { expires: m[1], reason: m[2].trim() };
        message = `waived until ${m[1]}: ${waiver.reason} (evaluated: ${status}: ${message})`;
        status = 'waived';
      }
    }
    if (message.length > MAX_MESSAGE) {
      // A safety net: values are shortened where they are quoted, but a check
      // added in code may not do so.
      message = `${message.slice(0, MAX_MESSAGE - 3)}...`;
    }
    if (waiver === null) return check.results.get(status, message);
    return {
      id: check.def.id,
      title: check.def.title,
      gate: check.gate,
      status,
      message,
      frameworks: check.frameworks,
      remediation: check.remediation,
      waiver,
    };
  }

  function driftOf(ctx: PilotContext, level: ReadinessLevel): DriftFinding[] {
    const drift: DriftFinding[] = [];
    if (ctx.node.lifecycle === 'production' && compareLevels(level, 'L3') < 0) {
      drift.push({
        message: `spec.lifecycle is production, but the computed level is ${level}`,
      });
    }
    const stage = safely(() => ctx.key('rollout-stage'))?.toLowerCase();
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

  function missingRefs(entities: Entity[], graph: EntityGraph): string[] {
    const missing = new Map<string, string>();
    const want = (
      ref:
        | { key: string; kind: string; namespace: string; name: string }
        | undefined,
    ) => {
      if (ref && !graph.get(ref.key)) missing.set(ref.key, displayRef(ref));
    };
    const annotationRefs: Array<[string, string | undefined]> = [
      ['business-owner', 'user'],
      ['writes-to', undefined],
      ['human-review', undefined],
      ['trigger', undefined],
      ['vendors', undefined],
      ['prompt-access', 'group'],
      ['cost-owner', 'group'],
    ];
    for (const entity of entities) {
      const node = nodeFor(entity, graph);
      if (!node) continue;
      const owner = readRefField(node, 'owner', true);
      want(owner?.parsed);
      const ownerNode = owner && graph.get(owner.parsed.key);
      if (ownerNode) want(readRefField(ownerNode, 'parent', true)?.parsed);
      const system = readRefField(node, 'system', true);
      want(system?.parsed);
      const systemNode = system && graph.get(system.parsed.key);
      if (systemNode) want(readRefField(systemNode, 'owner', true)?.parsed);
      for (const field of [
        'dependsOn',
        'providesApis',
        'consumesApis',
      ] as const) {
        for (const ref of readRefList(node, field, true)) {
          want(ref.parsed);
          const target = graph.get(ref.parsed.key);
          if (target?.kind === 'resource')
            want(readRefField(target, 'owner', true)?.parsed);
        }
      }
      for (const [key, defaultKind] of annotationRefs) {
        let value: string | undefined;
        try {
          value = readMetadataValue(entity, `${prefix}${key}`, true);
        } catch {
          value = undefined;
        }
        for (const part of value?.split(',') ?? []) {
          want(
            parseRef(part.trim(), {
              defaultKind,
              defaultNamespace: node.namespace,
            }),
          );
        }
      }
    }
    return [...missing.values()];
  }

  return {
    config,
    checks: active,
    buildGraph: entities => new EntityGraph(entities),
    isPilot,
    pilots(graph) {
      const out: Entity[] = [];
      for (const node of graph.nodesIterator()) {
        if (isPilot(node.entity, graph)) out.push(node.entity);
      }
      return out;
    },
    evaluate,
    evaluateAll(graph, options = {}) {
      const now = options.now ?? new Date();
      const opts = { asOf: options.asOf ?? todayUtc(now), now };
      const out: Scorecard[] = [];
      for (const node of graph.nodesIterator()) {
        if (isPilot(node.entity, graph))
          out.push(evaluateNode(node, graph, opts));
      }
      return out;
    },
    describeRubric() {
      return {
        annotationPrefix: prefix,
        dimensions: DIMENSION_IDS.map((id, i) => ({
          id,
          title: DIMENSION_TITLES[id],
          weight: weights[i],
        })),
        checks: compiled.map(c => ({
          id: c.def.id,
          dimension: c.def.dimension,
          title: c.def.title,
          gate: c.gate,
          frameworks: c.frameworks,
          remediation: c.remediation,
        })),
        levels: (['L0', 'L1', 'L2', 'L3'] as const).map(id => ({
          id,
          name: LEVEL_NAMES[id],
          description: LEVEL_DESCRIPTIONS[id],
        })),
      };
    },
    missingRefs,
  };
}

/**
 * The rules that need no graph: the enabled flag, the type and the tags.
 * undefined when only the graph can tell (the dependsOn rule).
 */
function quickScope(
  entity: unknown,
  prefix: string,
  sets: ScopeSets,
): boolean | undefined {
  if (!isRecord(entity)) return false;
  let enabled: string | undefined;
  try {
    enabled = readMetadataValue(
      entity as Entity,
      `${prefix}enabled`,
      true,
    )?.toLowerCase();
  } catch {
    enabled = undefined;
  }
  if (enabled === 'false') return false;
  if (enabled === 'true') return true;
  const kind = typeof entity.kind === 'string' ? entity.kind.toLowerCase() : '';
  const spec = isRecord(entity.spec) ? entity.spec : undefined;
  if (
    kind === 'component' &&
    typeof spec?.type === 'string' &&
    sets.pilotTypes.has(spec.type.toLowerCase())
  ) {
    return true;
  }
  const tags = isRecord(entity.metadata) ? entity.metadata.tags : undefined;
  if (Array.isArray(tags)) {
    for (const tag of tags) {
      if (typeof tag === 'string' && sets.pilotTags.has(tag.toLowerCase()))
        return true;
    }
  }
  return undefined;
}

/**
 * Quick guard without a graph (enabled flag, pilot types, tags), for UI
 * filters. Pilots that are in scope only through a model dependency need the
 * graph: see ReadinessEngine.isPilot. @public
 */
export function isAiPilotEntity(entity: Entity, config?: unknown): boolean {
  const parsed = parseAiReadinessConfig(config);
  return (
    quickScope(entity, parsed.annotationPrefix, scopeSetsOf(parsed)) === true
  );
}

function nodeFor(entity: Entity, graph: EntityGraph): GraphNode | undefined {
  if (!isRecord(entity) || !isRecord(entity.metadata)) return undefined;
  const { kind } = entity;
  const { name } = entity.metadata;
  if (typeof kind !== 'string' || typeof name !== 'string') return undefined;
  const namespace =
    typeof entity.metadata.namespace === 'string' && entity.metadata.namespace
      ? entity.metadata.namespace
      : 'default';
  const inGraph = graph.getByRef(kind, namespace, name);
  if (inGraph && inGraph.entity === entity) return inGraph;
  // The entity is not the graph's copy (e.g. evaluated on demand): read it as given.
  return new EntityGraph([entity]).getByRef(kind, namespace, name);
}

/** A node for something that is not an entity, so that it still gets a scorecard. */
function placeholderNode(entity: unknown): GraphNode {
  const record = isRecord(entity) ? entity : {};
  const kind =
    typeof record.kind === 'string' && /^[\w-]+$/.test(record.kind)
      ? record.kind.toLowerCase()
      : 'unknown';
  const metadata = isRecord(record.metadata) ? record.metadata : {};
  const name =
    typeof metadata.name === 'string' && /^[^\s:/]+$/.test(metadata.name)
      ? metadata.name
      : 'unknown';
  return {
    key: `${kind}:default/${name}`.toLowerCase(),
    ref: `${kind}:default/${name}`,
    kind,
    namespace: 'default',
    name,
    entity: { ...record, metadata } as unknown as Entity,
  };
}

function titleOf(entity: Entity, node: GraphNode): string {
  const title = isRecord(entity?.metadata) ? entity.metadata.title : undefined;
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
