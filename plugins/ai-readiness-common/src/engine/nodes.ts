/*
 * The graph node of an entity handed to the engine: the graph's own copy, a
 * node read from the entity as given (evaluated on demand), or a placeholder
 * for something that is not an entity, so that it still gets a scorecard.
 */
import type { Entity } from '@backstage/catalog-model';
import { EntityGraph, GraphNode, isRecord } from './graph';

/** The node of `entity`: the graph's when it is the same object, else read as given. */
export function nodeFor(
  entity: Entity,
  graph: EntityGraph,
): GraphNode | undefined {
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
export function placeholderNode(entity: unknown): GraphNode {
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
