/*
 * Targets and campaigns of one pilot: the first target rule that matches, the
 * campaigns whose scope holds it, and what it lacks for each goal. Compiled
 * once per engine; evaluated from facts the engine already has.
 */
import type { CheckStatus, ReadinessLevel } from '../types';
import { READINESS_LEVELS } from '../types';
import { AiReadinessConfigError } from '../config/schema';
import { parseRef } from '../util/refs';
import { EntityGraph, readRefField, isRecord } from '../engine/graph';
import type { GraphNode } from '../engine/graph';
import { compareLevels } from '../engine/levels';
import {
  CampaignConfig,
  DEFAULT_TARGET_RULES,
  PilotMatchConfig,
  targetRuleSchema,
  TargetRuleConfig,
} from './schema';
import type { ScorecardCampaign, TargetStatus } from './types';

/** What the rules read of a pilot. Values lower-cased. */
export interface PilotFacts {
  node: GraphNode;
  graph: EntityGraph;
  lifecycle: string | undefined;
  rolloutStage: string | undefined;
  riskTier: string | undefined;
  /** Lower-cased ref of the system, if any. */
  system: string | undefined;
  /** Lower-cased ref of the owner, if any. */
  owner: string | undefined;
}

/** What the goals of a pilot need besides its facts. */
export interface GoalInput extends PilotFacts {
  level: ReadinessLevel;
  statuses: Pick<ReadonlyMap<string, CheckStatus>, 'get'>;
  /** What keeps the pilot from `level`, given it meets every level below. */
  blockersFor(level: ReadinessLevel): string[];
}

type Matcher = (facts: PilotFacts) => boolean;

const lowerSet = (values: readonly string[]) =>
  new Set(values.map(v => v.trim().toLowerCase()));

const refSet = (value: string | string[], defaultKind: string) =>
  new Set(
    (Array.isArray(value) ? value : [value]).map(
      v =>
        parseRef(v, { defaultKind, defaultNamespace: 'default' })?.key ??
        v.toLowerCase(),
    ),
  );

/**
 * Parent groups of each group, from spec.parent and from the parents'
 * spec.children (the catalog writes both; YAML files may hold either).
 */
const parentIndex = new WeakMap<EntityGraph, Map<string, string[]>>();

function parentsOf(graph: EntityGraph): Map<string, string[]> {
  let index = parentIndex.get(graph);
  if (index) return index;
  index = new Map();
  const add = (child: string, parent: string) => {
    const list = index!.get(child);
    if (!list) index!.set(child, [parent]);
    else if (!list.includes(parent)) list.push(parent);
  };
  for (const node of graph.nodesIterator()) {
    if (node.kind !== 'group') continue;
    const parent = readRefField(node, 'parent', true);
    if (parent) add(node.key, parent.parsed.key);
    const spec = (node.entity as any).spec;
    const children = isRecord(spec) ? spec.children : undefined;
    if (Array.isArray(children)) {
      for (const child of children) {
        const parsed = parseRef(child, {
          defaultKind: 'group',
          defaultNamespace: node.namespace,
        });
        if (parsed) add(parsed.key, node.key);
      }
    }
  }
  parentIndex.set(graph, index);
  return index;
}

/** The group and every ancestor (lower-cased keys), cycles cut. @public */
export function ownerAncestry(graph: EntityGraph, owner: string): Set<string> {
  const parents = parentsOf(graph);
  const seen = new Set<string>([owner]);
  const queue = [owner];
  while (queue.length) {
    for (const parent of parents.get(queue.pop()!) ?? []) {
      if (!seen.has(parent)) {
        seen.add(parent);
        queue.push(parent);
      }
    }
  }
  return seen;
}

/** A predicate for a `when` or `scope` object; every present key must hold. */
export function compileMatch(match: PilotMatchConfig): Matcher {
  const tests: Matcher[] = [];
  const inSet = (set: Set<string>, value: string | undefined) =>
    value !== undefined && set.has(value);
  if (match.lifecycle) {
    const set = lowerSet(match.lifecycle);
    tests.push(f => inSet(set, f.lifecycle));
  }
  if (match.rolloutStage) {
    const set = lowerSet(match.rolloutStage);
    tests.push(f => inSet(set, f.rolloutStage));
  }
  if (match.riskTier) {
    const set = lowerSet(match.riskTier);
    tests.push(f => inSet(set, f.riskTier));
  }
  if (match.tags) {
    const set = lowerSet(match.tags);
    tests.push(f => {
      const tags = (f.node.entity as any).metadata?.tags;
      return (
        Array.isArray(tags) &&
        tags.some(t => typeof t === 'string' && set.has(t.toLowerCase()))
      );
    });
  }
  if (match.system) {
    const set = refSet(match.system, 'system');
    tests.push(f => inSet(set, f.system));
  }
  if (match.owner) {
    const set = refSet(match.owner, 'group');
    tests.push(f => {
      if (!f.owner) return false;
      if (set.has(f.owner)) return true;
      for (const group of ownerAncestry(f.graph, f.owner))
        if (set.has(group)) return true;
      return false;
    });
  }
  return facts => tests.every(test => test(facts));
}

interface CompiledCampaign {
  config: CampaignConfig;
  inScope: Matcher;
}

/** The goals of a configuration, compiled once. @public */
export interface CompiledGoals {
  readonly targetRules: readonly TargetRuleConfig[];
  readonly campaigns: readonly CampaignConfig[];
  /** The target and the campaigns of a pilot. */
  evaluate(input: GoalInput): {
    target: TargetStatus | null;
    campaigns: ScorecardCampaign[];
  };
  /** The rule index and level of a pilot's target, or undefined. */
  targetOf(
    facts: PilotFacts,
  ): { rule: number; level: ReadinessLevel } | undefined;
  /** Whether the campaign's scope holds the pilot. */
  inScope(campaignId: string, facts: PilotFacts): boolean;
}

const GOAL_STATUSES = new Set<CheckStatus>(['pass', 'waived']);
const NO_CAMPAIGNS = Object.freeze([]) as unknown as ScorecardCampaign[];

/**
 * What a pilot lacks for a campaign goal: the blockers of each level above
 * its own up to the goal level, or the goal checks short of pass (or waived).
 * @public
 */
export function missingForGoal(
  goal: CampaignConfig['goal'],
  input: Pick<GoalInput, 'level' | 'statuses' | 'blockersFor'>,
): string[] {
  if ('level' in goal) {
    const out = new Set<string>();
    for (const level of READINESS_LEVELS) {
      if (compareLevels(level, input.level) <= 0) continue;
      if (compareLevels(level, goal.level) > 0) break;
      for (const blocker of input.blockersFor(level)) out.add(blocker);
    }
    return [...out];
  }
  return goal.checks.filter(id => {
    const status = input.statuses.get(id);
    return status === undefined || !GOAL_STATUSES.has(status);
  });
}

/**
 * Compiles `targets` (undefined: the defaults) and `campaigns`; a goal check
 * that is not among `checkIds` stops with the path of the key.
 */
export function compileGoals(
  config: {
    targets?: readonly TargetRuleConfig[];
    campaigns?: readonly CampaignConfig[];
  },
  checkIds: ReadonlySet<string>,
  root = 'aiReadiness',
): CompiledGoals {
  const targetRules =
    config.targets ??
    DEFAULT_TARGET_RULES.map(rule => targetRuleSchema.parse(rule));
  const campaigns = config.campaigns ?? [];
  campaigns.forEach((campaign, i) => {
    if (!('checks' in campaign.goal)) return;
    campaign.goal.checks.forEach((id, j) => {
      if (!checkIds.has(id)) {
        throw new AiReadinessConfigError(
          `${root}.campaigns[${i}].goal.checks[${j}]`,
          `unknown check id "${id}"; expected the id of an active check such as "SEC-1"`,
        );
      }
    });
  });
  const rules = targetRules.map(rule => ({
    level: rule.level,
    matches: compileMatch(rule.when),
  }));
  const compiled: CompiledCampaign[] = campaigns.map(campaign => ({
    config: campaign,
    inScope: compileMatch(campaign.scope ?? {}),
  }));
  const targets: TargetStatus[] = [];
  const byId = new Map(compiled.map(c => [c.config.id, c]));

  function targetOf(facts: PilotFacts) {
    for (let i = 0; i < rules.length; i++) {
      if (rules[i].matches(facts)) return { rule: i, level: rules[i].level };
    }
    return undefined;
  }

  return {
    targetRules,
    campaigns,
    targetOf,
    inScope(campaignId, facts) {
      return byId.get(campaignId)?.inScope(facts) ?? false;
    },
    evaluate(input) {
      const found = targetOf(input);
      let target: TargetStatus | null = null;
      if (found) {
        const met = compareLevels(input.level, found.level) >= 0;
        // Cache: one frozen target per rule and outcome, shared by scorecards.
        const slot = found.rule * 2 + (met ? 1 : 0);
        target = targets[slot] ??= Object.freeze({
          level: found.level,
          rule: found.rule,
          met,
        });
      }
      if (!compiled.length) return { target, campaigns: NO_CAMPAIGNS };
      const out: ScorecardCampaign[] = [];
      for (const campaign of compiled) {
        if (!campaign.inScope(input)) continue;
        const missing = missingForGoal(campaign.config.goal, input);
        out.push({
          id: campaign.config.id,
          met: missing.length === 0,
          missing,
        });
      }
      return { target, campaigns: out };
    },
  };
}
