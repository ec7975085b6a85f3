/*
 * The readiness engine's facade: one object for the backend, the frontend and
 * the CLI over the compiled rubric (rubric.ts), scoping (scope.ts), scoring
 * (evaluatePilot.ts) and what is derived from the checks' reads
 * (references.ts, catalogFields.ts). Pure and synchronous.
 */
import type { Entity } from '@backstage/catalog-model';
import type { AiReadinessConfig } from '../config/schema';
import type { CheckDefinition } from '../checks/types';
import type { RubricDescription, Scorecard } from '../types';
import { EntityGraph } from './graph';
import { compileRubric, CompiledRubric } from './rubric';
import { isPilot, isPilotNode } from './scope';
import {
  evaluatePilot,
  EvaluateOptions,
  evaluationTime,
} from './evaluatePilot';
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
  evaluateAll(graph: EntityGraph, options?: EvaluateOptions): Scorecard[];
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
      const time = evaluationTime(evaluateOptions);
      return evaluatePilot(rubric, node, graph, time, evaluateOptions);
    },
    evaluateAll(graph, evaluateOptions = {}) {
      const time = evaluationTime(evaluateOptions);
      const out: Scorecard[] = [];
      for (const node of graph.nodesIterator()) {
        if (isPilotNode(rubric, node, graph))
          out.push(evaluatePilot(rubric, node, graph, time, evaluateOptions));
      }
      return out;
    },
    describeRubric: () => describeRubric(rubric),
    missingRefs: (entities, graph) => missingRefs(rubric, entities, graph),
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
