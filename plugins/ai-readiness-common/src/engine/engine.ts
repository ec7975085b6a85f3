/*
 * The readiness engine's facade: one object for the backend, the frontend and
 * the CLI over the compiled rubric (rubric.ts), scoping (scope.ts), scoring
 * (evaluatePilot.ts) and what is derived from the checks' reads
 * (references.ts, catalogFields.ts). Pure and synchronous.
 */
import type { Entity } from '@backstage/catalog-model';
import type { AiReadinessConfig } from '../config/schema';
import type { CheckDefinition } from '../checks/types';
import type {
  ReadinessLevel,
  RubricDescription,
  Scorecard,
  ScorecardCap,
  ScorecardScope,
} from '../types';
import { EntityGraph, GraphNode } from './graph';
import { compileRubric, CompiledRubric } from './rubric';
import { isPilot, isPilotNode, scopeOf, scopeOfNode } from './scope';
import {
  EvaluateOptions,
  evaluationTime,
  finishScorecard,
  ScoredPilot,
  scorePilot,
} from './evaluatePilot';
import { weakestLinkEdges, weakestLinks } from './weakestLink';
import { describeRubric } from './describe';
import { missingRefs } from './references';
import { CatalogFieldsPlan, catalogFieldsOf } from './catalogFields';
import { nodeFor, placeholderNode } from './nodes';
// Evidence (shared/evidence.md)
import type { EvidenceClaimer } from '../evidence/types';
import { pilotEvidenceItems, PilotEvidenceItem } from '../evidence/items';

export { isAiPilotEntity } from './scope';
export type { EvaluateOptions } from './evaluatePilot';

/** @public */
export interface ReadinessEngine {
  readonly config: AiReadinessConfig;
  /** The compiled rubric: dimensions, checks, gates, level rules, thresholds, scope. */
  readonly rubric: CompiledRubric;
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
  /** Every pilot of the graph, the weakest link applied. */
  evaluateAll(graph: EntityGraph, options?: EvaluateOptions): Scorecard[];
  /**
   * Scores the given entities (in order), the weakest link applied: the
   * pilots they reach through dependsOn and handoffs are scored for their
   * level as well (`options.uncappedLevels` shares those across calls).
   */
  evaluatePilots(
    entities: readonly Entity[],
    graph: EntityGraph,
    options?: EvaluateOptions,
  ): Scorecard[];
  /** Why an entity is a pilot (null: it is not). */
  scopeOf(entity: Entity, graph: EntityGraph): ScorecardScope | null;
  describeRubric(): RubricDescription;
  /**
   * References these pilots' checks (and scoping and the scorecard) read that
   * the graph does not hold yet, as kind:namespace/name; derived from the
   * checks' `reads`. Call again after adding the fetched entities for the
   * next round (the owner's parent, the system's owner, ...).
   */
  missingRefs(entities: Entity[], graph: EntityGraph): string[];
  /** The catalog fields and filters a full refresh needs; derived from the checks' `reads`. */
  catalogFields(): CatalogFieldsPlan;
  /**
   * The evidence items each active check of this pilot reads, claimed by the
   * first of `claimers` that claims each candidate (what a collection run
   * looks up for the pilot). Empty without claimers.
   */
  evidenceItems(
    entity: Entity,
    graph: EntityGraph,
    claimers: readonly EvidenceClaimer[],
  ): PilotEvidenceItem[];
}

/** @public */
export interface CreateReadinessEngineOptions {
  /** The `aiReadiness` config value, raw or parsed (undefined: defaults). */
  config?: unknown;
  /** Checks added in code, e.g. by backend modules through the extension point. */
  checks?: readonly CheckDefinition[];
}

/** Builds an engine for a configuration and a set of added checks. @public */
export function createReadinessEngine(
  options: CreateReadinessEngineOptions = {},
): ReadinessEngine {
  const rubric = compileRubric(options.config, options.checks);
  const fields = catalogFieldsOf(rubric);

  function evaluateNodes(
    nodes: readonly GraphNode[],
    graph: EntityGraph,
    evaluateOptions: EvaluateOptions,
    /** Each node's scope, when the caller has decided it already. */
    scopes?: readonly (ScorecardScope | null)[],
  ): Scorecard[] {
    const time = evaluationTime(evaluateOptions);
    const shared = evaluateOptions.uncappedLevels;
    // Each pilot's own level: kept in a map by key (what the walk reads)
    // only when some pilot reaches another, or when the caller shares one.
    const levels = new Array<ReadinessLevel>(nodes.length);
    // Each node reached is decided once (any kind can opt in: rule 1).
    const pilotMemo = new Map<string, boolean>();
    const isPilotMemo = (node: GraphNode) => {
      let known = pilotMemo.get(node.key);
      if (known === undefined) {
        known = isPilotNode(rubric, node, graph);
        pilotMemo.set(node.key, known);
      }
      return known;
    };
    const finish = (i: number, s: ScoredPilot, cap: ScorecardCap | null) =>
      finishScorecard(
        rubric,
        s,
        graph,
        time,
        scopes ? scopes[i] : scopeOfNode(rubric, s.pilot, graph),
        cap,
      );
    // A pilot that reaches no other pilot has no cap: its scorecard is
    // finished at once, so that only the few that do wait for the walk.
    const cards = new Array<Scorecard>(nodes.length);
    const waiting: number[] = [];
    const scored = new Array<ScoredPilot | undefined>(nodes.length);
    const edgesMemo = new Map<string, GraphNode[]>();
    for (let i = 0; i < nodes.length; i++) {
      const s = scorePilot(
        rubric,
        nodes[i],
        graph,
        time,
        evaluateOptions,
        isPilotMemo,
      );
      levels[i] = s.level;
      shared?.set(s.pilot.key, s.level);
      const edges = weakestLinkEdges(s.pilot, graph, isPilotMemo, s.reaches);
      if (!edges.length) {
        cards[i] = finish(i, s, null);
        continue;
      }
      edgesMemo.set(s.pilot.key, edges);
      scored[i] = s;
      waiting.push(i);
    }
    if (!waiting.length) return cards;
    const reached =
      shared ?? new Map(nodes.map((node, i) => [node.key, levels[i]]));
    const caps = weakestLinks(
      waiting.map(i => nodes[i]),
      graph,
      isPilotMemo,
      node => {
        let level = reached.get(node.key);
        if (level === undefined) {
          level = scorePilot(
            rubric,
            node,
            graph,
            time,
            evaluateOptions,
            isPilotMemo,
          ).level;
          reached.set(node.key, level);
        }
        return level;
      },
      edgesMemo,
    );
    for (const i of waiting)
      cards[i] = finish(i, scored[i]!, caps.get(nodes[i].key) ?? null);
    return cards;
  }
  return {
    config: rubric.config,
    rubric,
    checks: rubric.checks.map(c => c.definition),
    buildGraph: entities => new EntityGraph(entities),
    isPilot: (entity, graph) => isPilot(rubric, entity, graph),
    pilots(graph) {
      const out: Entity[] = [];
      for (const node of graph.nodesIterator()) {
        if (isPilotNode(rubric, node, graph)) out.push(node.entity);
      }
      return out;
    },
    evaluate(entity, graph, evaluateOptions = {}) {
      const node = nodeFor(entity, graph) ?? placeholderNode(entity);
      return evaluateNodes([node], graph, evaluateOptions)[0];
    },
    evaluatePilots(entities, graph, evaluateOptions = {}) {
      const nodes = entities.map(
        entity => nodeFor(entity, graph) ?? placeholderNode(entity),
      );
      return evaluateNodes(nodes, graph, evaluateOptions);
    },
    evaluateAll(graph, evaluateOptions = {}) {
      const nodes: GraphNode[] = [];
      const scopes: ScorecardScope[] = [];
      for (const node of graph.nodesIterator()) {
        const scope = scopeOfNode(rubric, node, graph);
        if (scope) {
          nodes.push(node);
          scopes.push(scope);
        }
      }
      return evaluateNodes(nodes, graph, evaluateOptions, scopes);
    },
    scopeOf: (entity, graph) => scopeOf(rubric, entity, graph),
    describeRubric: () => describeRubric(rubric),
    missingRefs: (entities, graph) =>
      missingRefs(rubric, entities, graph, node =>
        weakestLinkEdges(node, graph, n => isPilotNode(rubric, n, graph)),
      ),
    catalogFields: () => ({
      pilotFields: [...fields.pilotFields],
      referencedFields: [...fields.referencedFields],
      pilotFilter: fields.pilotFilter.map(f => ({ ...f })),
      modelDependencyFilter: fields.modelDependencyFilter.map(f => ({ ...f })),
    }),
    evidenceItems: (entity, graph, claimers) =>
      pilotEvidenceItems(
        rubric.checks,
        nodeFor(entity, graph) ?? placeholderNode(entity),
        graph,
        rubric.prefix,
        claimers,
      ),
  };
}
