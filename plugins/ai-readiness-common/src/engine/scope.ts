/*
 * Which entities are AI pilots (rubric "Which entities are AI pilots"): the
 * quick rules that need no graph (enabled flag, type, tags) and the
 * model-dependency rule that does.
 */
import type { Entity } from '@backstage/catalog-model';
import type { CheckReads } from '../checks/types';
import { parseAiReadinessConfig } from '../config/schema';
import { EntityGraph, GraphNode, isRecord, readRefList } from './graph';
import { isModelDependencyNode, ScopeSets, scopeSetsOf } from './context';
import { readMetadataValue } from './metadata';
import { nodeFor } from './nodes';

/** What scoping reads: the derivations (missingRefs, catalogFields) include it. */
export const SCOPE_READS: CheckReads = {
  keys: ['enabled'],
  fields: ['spec.type', 'metadata.tags'],
  refs: [{ from: 'spec.dependsOn', reads: { fields: ['spec.type'] } }],
};

/**
 * The rules that need no graph: the enabled flag, the type and the tags.
 * undefined when only the graph can tell (the dependsOn rule).
 */
export function quickScope(
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

type ScopeRubric = { prefix: string; scope: ScopeSets };

/** Whether an entity is a pilot, the graph deciding the model-dependency rule. */
export function isPilot(
  rubric: ScopeRubric,
  entity: Entity,
  graph: EntityGraph,
): boolean {
  const quick = quickScope(entity, rubric.prefix, rubric.scope);
  if (quick !== undefined) return quick;
  const node = nodeFor(entity, graph);
  return !!node && dependsOnModel(rubric, node, graph);
}

/** isPilot for a node of the graph (no lookup of the node). */
export function isPilotNode(
  rubric: ScopeRubric,
  node: GraphNode,
  graph: EntityGraph,
): boolean {
  const quick = quickScope(node.entity, rubric.prefix, rubric.scope);
  if (quick !== undefined) return quick;
  return dependsOnModel(rubric, node, graph);
}

/** A Component that dependsOn a model dependency. */
function dependsOnModel(
  rubric: ScopeRubric,
  node: GraphNode,
  graph: EntityGraph,
): boolean {
  if (node.kind !== 'component') return false;
  for (const dep of readRefList(node, 'dependsOn', true)) {
    if (isModelDependencyNode(graph.get(dep.parsed.key), rubric.scope))
      return true;
  }
  return false;
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
