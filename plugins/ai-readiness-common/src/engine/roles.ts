/*
 * What an entity is to the rubric by its kind and type alone (rubric "Which
 * entities are AI pilots"): a data resource, a model endpoint, a model
 * dependency, a tool server. The sets come from the configuration, once per
 * engine, lower-cased: kinds, namespaces, names and types compare without
 * regard to case, as the catalog compares them.
 */
import type { AiReadinessConfig } from '../config/schema';
import type { GraphNode } from './graph';

/** Settings derived once per engine from the config. */
export interface ScopeSets {
  /** Component types that are pilots. */
  pilotTypes: Set<string>;
  /** Component tags that make a pilot. */
  pilotTags: Set<string>;
  /** Kinds whose entities of an agent type are pilots (AiResource). */
  agentKinds: Set<string>;
  agentTypes: Set<string>;
  dataResourceTypes: Set<string>;
  modelResourceTypes: Set<string>;
  /** Component types that are model endpoints. */
  modelGatewayTypes: Set<string>;
  /** API types that are model endpoints. */
  modelApiTypes: Set<string>;
  /** Kinds that are model endpoints whatever their type. */
  modelEndpointKinds: Set<string>;
  /** API types that are tool servers. */
  toolServerTypes: Set<string>;
}

export function scopeSetsOf(config: AiReadinessConfig): ScopeSets {
  const lower = (list: string[]) => new Set(list.map(v => v.toLowerCase()));
  const { scope } = config;
  return {
    pilotTypes: lower(scope.types),
    pilotTags: lower(scope.tags),
    agentKinds: lower(scope.agentKinds),
    agentTypes: lower(scope.agentTypes),
    dataResourceTypes: lower(scope.dataResourceTypes),
    modelResourceTypes: lower(scope.modelResourceTypes),
    modelGatewayTypes: lower(scope.modelGatewayTypes),
    modelApiTypes: lower(scope.modelApiTypes),
    modelEndpointKinds: lower(scope.modelEndpointKinds),
    toolServerTypes: lower(scope.toolServerTypes),
  };
}

/** A node's role for the rubric, from its kind and type. */
export type NodeRole =
  | 'data-resource'
  | 'model-endpoint'
  | 'model-resource'
  | 'tool-server';

/** The role of a node (undefined: none of them). */
export function roleOf(
  node: Pick<GraphNode, 'kind' | 'type'> | undefined,
  sets: ScopeSets,
): NodeRole | undefined {
  return node && roleOfKindAndType(node.kind, node.type, sets);
}

/** The role of a lower-cased kind and type. */
export function roleOfKindAndType(
  kind: string,
  type: string | undefined,
  sets: ScopeSets,
): NodeRole | undefined {
  if (sets.modelEndpointKinds.has(kind)) return 'model-endpoint';
  if (!type) return undefined;
  switch (kind) {
    case 'resource':
      if (sets.modelResourceTypes.has(type)) return 'model-resource';
      return sets.dataResourceTypes.has(type) ? 'data-resource' : undefined;
    case 'component':
      return sets.modelGatewayTypes.has(type) ? 'model-endpoint' : undefined;
    case 'api':
      if (sets.modelApiTypes.has(type)) return 'model-endpoint';
      return sets.toolServerTypes.has(type) ? 'tool-server' : undefined;
    default:
      return undefined;
  }
}

export function isDataResourceNode(
  node: GraphNode | undefined,
  sets: ScopeSets,
): boolean {
  return roleOf(node, sets) === 'data-resource';
}

/** Model endpoints serve or route model inference (servers, gateways, model server APIs). */
export function isModelEndpointNode(
  node: GraphNode | undefined,
  sets: ScopeSets,
): boolean {
  return roleOf(node, sets) === 'model-endpoint';
}

/** Model dependencies: model endpoints and model Resources. */
export function isModelDependencyNode(
  node: GraphNode | undefined,
  sets: ScopeSets,
): boolean {
  const role = roleOf(node, sets);
  return role === 'model-endpoint' || role === 'model-resource';
}

export function isToolServerNode(
  node: GraphNode | undefined,
  sets: ScopeSets,
): boolean {
  return roleOf(node, sets) === 'tool-server';
}

const TYPED_KINDS = new Set(['component', 'api', 'resource']);

/** The label of a used entity in messages: its type, or its kind for the endpoint kinds. */
export function roleLabel(node: GraphNode): string {
  const kind = node.entity?.kind;
  if (TYPED_KINDS.has(node.kind) && node.type) return node.type;
  return typeof kind === 'string' ? kind : node.kind;
}
