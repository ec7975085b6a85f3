/*
 * Which entities are AI pilots (rubric "Which entities are AI pilots"): the
 * first rule that holds decides, and names itself on the scorecard
 * (`scope.rule`, `scope.message`). The rules that need no graph (the enabled
 * flag, what the entity itself is, its type and tags) are quick; the rules on
 * what a Component uses need the graph.
 */
import type { Entity } from '@backstage/catalog-model';
import type { CheckReads } from '../checks/types';
import { parseAiReadinessConfig } from '../config/schema';
import type { ScorecardScope } from '../types';
import {
  EntityGraph,
  GraphNode,
  isRecord,
  readDependsOn,
  readRefList,
} from './graph';
import {
  roleLabel,
  roleOf,
  roleOfKindAndType,
  ScopeSets,
  scopeSetsOf,
} from './roles';
import { internalize, readMetadataValue } from './metadata';
import { nodeFor } from './nodes';

/** What scoping reads: the derivations (missingRefs, catalogFields) include it. */
export const SCOPE_READS: CheckReads = {
  keys: ['enabled'],
  fields: ['spec.type', 'metadata.tags'],
  refs: [
    { from: 'spec.dependsOn', reads: { fields: ['spec.type'] } },
    { from: 'spec.consumesApis', reads: { fields: ['spec.type'] } },
  ],
};

/** The quick rules' answer: a decision, not a pilot, or "ask the graph". */
type QuickScope = ScorecardScope | null | 'graph';

const decided = (
  rule: ScorecardScope['rule'],
  message: string,
): ScorecardScope => ({ rule, message });

/**
 * Cache: the quick rules' scopes, one frozen object per rule and value
 * written (e.g. per Component type), shared by the scorecards of an engine;
 * and the enabled key, interned.
 */
interface QuickScopes {
  prefix: string;
  enabledKey: string;
  optIn: ScorecardScope;
  /** By rule, then by the value written (type, tag, or kind and type). */
  byValue: Record<'type' | 'tag' | 'agent', Map<string, ScorecardScope>>;
}

const quickScopes = new WeakMap<ScopeSets, QuickScopes>();

function quickScopesOf(prefix: string, sets: ScopeSets): QuickScopes {
  let cache = quickScopes.get(sets);
  if (!cache || cache.prefix !== prefix) {
    cache = {
      prefix,
      enabledKey: internalize(`${prefix}enabled`),
      optIn: Object.freeze(decided('opt-in', `${prefix}enabled is "true"`)),
      byValue: { type: new Map(), tag: new Map(), agent: new Map() },
    };
    quickScopes.set(sets, cache);
  }
  return cache;
}

/** The shared scope of a rule that the values written decide. */
function sharedScope(
  cache: QuickScopes,
  rule: 'type' | 'tag' | 'agent',
  written: string,
  message: () => string,
): ScorecardScope {
  const byValue = cache.byValue[rule];
  let scope = byValue.get(written);
  if (!scope) {
    scope = Object.freeze(decided(rule, message()));
    // A catalog has few types and tags; a written value is kept once.
    if (byValue.size < 1000) byValue.set(written, scope);
  }
  return scope;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Rules 1 to 5, which read the entity alone. */
export function quickScope(
  entity: unknown,
  prefix: string,
  sets: ScopeSets,
): QuickScope {
  if (!isRecord(entity)) return null;
  const spec = isRecord(entity.spec) ? entity.spec : undefined;
  return quickScopeOf(
    entity,
    stringOf(entity.kind)?.toLowerCase() ?? '',
    stringOf(spec?.type)?.toLowerCase(),
    prefix,
    sets,
  );
}

/** quickScope with the kind and type already lower-cased (a graph node's). */
function quickScopeOf(
  entity: Record<string, any>,
  kind: string,
  type: string | undefined,
  prefix: string,
  sets: ScopeSets,
): QuickScope {
  const cache = quickScopesOf(prefix, sets);
  let enabled: string | undefined;
  try {
    enabled = readMetadataValue(
      entity as Entity,
      cache.enabledKey,
      true,
    )?.toLowerCase();
  } catch {
    enabled = undefined;
  }
  if (enabled === 'false') return null;
  if (enabled === 'true') return cache.optIn;
  // 2. What pilots use is not a pilot.
  const role = roleOfKindAndType(kind, type, sets);
  if (role && role !== 'data-resource') return null;
  // Past opt-in, only Components and the agent kinds are pilots (rules 3 to
  // 6): tags on other kinds do not count, nor do other kinds using models.
  if (kind !== 'component' && !sets.agentKinds.has(kind)) return null;
  // the values as written, for the messages
  const typeWritten = type && (entity.spec.type as string);
  if (kind !== 'component') {
    if (!type || !sets.agentTypes.has(type)) return null;
    const kindWritten = entity.kind as string;
    return sharedScope(
      cache,
      'agent',
      `${kindWritten}\n${typeWritten}`,
      () => `${kindWritten} of spec.type ${typeWritten}`,
    );
  }
  if (type && sets.pilotTypes.has(type))
    return sharedScope(
      cache,
      'type',
      typeWritten!,
      () => `spec.type ${typeWritten}`,
    );
  const tags = isRecord(entity.metadata) ? entity.metadata.tags : undefined;
  if (Array.isArray(tags)) {
    for (const tag of tags) {
      if (typeof tag === 'string' && sets.pilotTags.has(tag.toLowerCase()))
        return sharedScope(cache, 'tag', tag, () => `tag ${tag}`);
    }
  }
  return 'graph';
}

type ScopeRubric = { prefix: string; scope: ScopeSets };

/** Rule 6: a Component that uses a model dependency (tried first) or a tool server. */
function scopeByUse(
  rubric: ScopeRubric,
  node: GraphNode,
  graph: EntityGraph,
): ScorecardScope | null {
  let toolServer: GraphNode | undefined;
  const visit = (key: string): ScorecardScope | undefined => {
    const used = graph.get(key);
    const role = roleOf(used, rubric.scope);
    if (!used || !role) return undefined;
    if (role === 'model-endpoint' || role === 'model-resource')
      return decided(
        'model-dependency',
        `uses ${used.ref} (${roleLabel(used)})`,
      );
    if (role === 'tool-server' && !toolServer) toolServer = used;
    return undefined;
  };
  for (const dep of readDependsOn(node, graph, true)) {
    const found = visit(dep.parsed.key);
    if (found) return found;
  }
  for (const api of readRefList(node, 'consumesApis', true)) {
    const found = visit(api.parsed.key);
    if (found) return found;
  }
  return toolServer
    ? decided(
        'tool-server',
        `uses ${toolServer.ref} (${roleLabel(toolServer)})`,
      )
    : null;
}

/** The scope of a node of the graph: null when it is not a pilot. */
export function scopeOfNode(
  rubric: ScopeRubric,
  node: GraphNode,
  graph: EntityGraph,
): ScorecardScope | null {
  const quick = quickScopeOf(
    node.entity,
    node.kind,
    node.type,
    rubric.prefix,
    rubric.scope,
  );
  return quick === 'graph' ? scopeByUse(rubric, node, graph) : quick;
}

/** The scope of an entity, the graph deciding the rules on what it uses. */
export function scopeOf(
  rubric: ScopeRubric,
  entity: Entity,
  graph: EntityGraph,
): ScorecardScope | null {
  const quick = quickScope(entity, rubric.prefix, rubric.scope);
  if (quick !== 'graph') return quick;
  const node = nodeFor(entity, graph);
  return node ? scopeByUse(rubric, node, graph) : null;
}

/** Whether an entity is a pilot. */
export function isPilot(
  rubric: ScopeRubric,
  entity: Entity,
  graph: EntityGraph,
): boolean {
  return scopeOf(rubric, entity, graph) !== null;
}

/** isPilot for a node of the graph (no lookup of the node). */
export function isPilotNode(
  rubric: ScopeRubric,
  node: GraphNode,
  graph: EntityGraph,
): boolean {
  return scopeOfNode(rubric, node, graph) !== null;
}

/**
 * Quick guard without a graph (enabled flag, Component types and tags,
 * agents), for UI filters. Pilots that are in scope only through what they
 * use need the graph: see ReadinessEngine.isPilot. @public
 */
export function isAiPilotEntity(entity: Entity, config?: unknown): boolean {
  const parsed = parseAiReadinessConfig(config);
  const quick = quickScope(
    entity,
    parsed.annotationPrefix,
    scopeSetsOf(parsed),
  );
  return quick !== null && quick !== 'graph';
}
