/*
 * The entity graph the checks read: every entity by reference, plus the
 * reverse indexes (group members, API consumers) that a single entity's YAML
 * does not carry. Built from spec fields and, where present, from catalog
 * relations, so that the catalog and raw YAML files give the same results.
 */
import type { Entity } from '@backstage/catalog-model';
import { displayRef, parseRef, ParsedRef, refKey } from '../util/refs';

/** One entity of the graph, with the fields the checks read, pre-parsed. */
export interface GraphNode {
  /** Lower-cased kind:namespace/name. */
  key: string;
  /** kind:namespace/name for display (kind lower-cased). */
  ref: string;
  /** Lower-cased kind. */
  kind: string;
  namespace: string;
  name: string;
  entity: Entity;
  /** spec.type lower-cased, when a string. */
  type?: string;
  /** spec.lifecycle lower-cased, when a string. */
  lifecycle?: string;
}

/** A reference read from a field, resolved against the graph when possible. */
export interface ResolvedRef {
  /** The value as written. */
  raw: string;
  parsed: ParsedRef;
  /** kind:namespace/name for display. */
  ref: string;
  node?: GraphNode;
}

const EMPTY_SET: ReadonlySet<string> = new Set();

/** Relation types whose target is the same thing a spec field names. */
const RELATION_TO_FIELD: Record<string, string> = {
  ownedBy: 'owner',
  partOf: 'system',
  dependsOn: 'dependsOn',
  providesApi: 'providesApis',
  consumesApi: 'consumesApis',
  childOf: 'parent',
  memberOf: 'memberOf',
};

/** Default kinds of the reference fields, as the catalog defines them. */
export const FIELD_DEFAULT_KIND: Record<string, string | undefined> = {
  owner: 'group',
  parent: 'group',
  system: 'system',
  providesApis: 'api',
  consumesApis: 'api',
  memberOf: 'group',
  members: 'user',
  dependsOn: undefined,
  dependencyOf: undefined,
  /** AiResource agents name the agents they hand work to (rubric "Which entities are AI pilots"). */
  handoffs: 'airesource',
};

/** List fields that hold entity references. */
export type RefListField =
  | 'dependsOn'
  | 'dependencyOf'
  | 'providesApis'
  | 'consumesApis'
  | 'memberOf'
  | 'members'
  | 'handoffs';

export class EntityGraph {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly members = new Map<string, Set<string>>();
  private readonly consumers = new Map<string, Set<string>>();
  /** Target key -> entities naming it in spec.dependencyOf (the catalog's dependsOn relation, from files). */
  private readonly dependencyOfSources = new Map<string, Set<string>>();
  /** Target key -> entities naming it in spec.handoffs. */
  private readonly handoffSources = new Map<string, Set<string>>();
  /** Entities that were skipped because they are not entities at all. */
  readonly invalidCount: number;
  /** Entities whose reference appeared more than once (the first one wins). */
  readonly duplicateRefs: string[] = [];

  constructor(entities: Iterable<unknown>) {
    let invalid = 0;
    const accepted: GraphNode[] = [];
    for (const candidate of entities) {
      const node = toNode(candidate);
      if (!node) {
        invalid++;
        continue;
      }
      if (this.nodes.has(node.key)) {
        this.duplicateRefs.push(node.ref);
        continue;
      }
      this.nodes.set(node.key, node);
      accepted.push(node);
    }
    this.invalidCount = invalid;
    for (const node of accepted) this.indexReverseEdges(node);
  }

  get size(): number {
    return this.nodes.size;
  }

  nodesIterator(): IterableIterator<GraphNode> {
    return this.nodes.values();
  }

  get(key: string): GraphNode | undefined {
    return this.nodes.get(key);
  }

  getByRef(
    kind: string,
    namespace: string,
    name: string,
  ): GraphNode | undefined {
    return this.nodes.get(refKey(kind, namespace, name));
  }

  /** Members of a group: users naming it in memberOf, spec.members, relations. */
  memberCount(groupKey: string): number {
    return this.members.get(groupKey)?.size ?? 0;
  }

  /** Entities other than the API itself that consume it. */
  consumersOf(apiKey: string): ReadonlySet<string> {
    return this.consumers.get(apiKey) ?? EMPTY_SET;
  }

  /** Entities that name this one in spec.dependencyOf. */
  dependencyOfSourcesOf(key: string): ReadonlySet<string> {
    return this.dependencyOfSources.get(key) ?? EMPTY_SET;
  }

  /** Entities that hand work off to this one (spec.handoffs). */
  handoffSourcesOf(key: string): ReadonlySet<string> {
    return this.handoffSources.get(key) ?? EMPTY_SET;
  }

  private indexReverseEdges(node: GraphNode) {
    const { kind, key } = node;
    if (kind === 'user') {
      for (const group of readRefList(node, 'memberOf', true)) {
        addTo(this.members, group.parsed.key, key);
      }
    } else if (kind === 'group') {
      for (const user of readRefList(node, 'members', true)) {
        addTo(this.members, key, user.parsed.key);
      }
      for (const rel of relationsOf(node.entity)) {
        if (rel.type === 'hasMember') addTo(this.members, key, rel.key);
      }
    } else if (kind === 'api') {
      for (const rel of relationsOf(node.entity)) {
        if (rel.type === 'apiConsumedBy') addTo(this.consumers, key, rel.key);
      }
    }
    for (const api of readRefList(node, 'consumesApis', true)) {
      if (api.parsed.key !== key) addTo(this.consumers, api.parsed.key, key);
    }
    for (const target of readRefList(node, 'dependencyOf', true)) {
      if (target.parsed.key !== key)
        addTo(this.dependencyOfSources, target.parsed.key, key);
    }
    for (const target of readRefList(node, 'handoffs', true)) {
      if (target.parsed.key !== key)
        addTo(this.handoffSources, target.parsed.key, key);
    }
  }
}

function addTo(index: Map<string, Set<string>>, key: string, value: string) {
  let set = index.get(key);
  if (!set) {
    set = new Set();
    index.set(key, set);
  }
  set.add(value);
}

function toNode(candidate: unknown): GraphNode | undefined {
  if (!isRecord(candidate)) return undefined;
  const kind = candidate.kind;
  const metadata = candidate.metadata;
  if (typeof kind !== 'string' || !kind || !isRecord(metadata))
    return undefined;
  const name = metadata.name;
  if (typeof name !== 'string' || !name) return undefined;
  const namespace =
    typeof metadata.namespace === 'string' && metadata.namespace
      ? metadata.namespace
      : 'default';
  const parsed = parseRef(`${kind}:${namespace}/${name}`, {});
  if (!parsed) return undefined;
  const spec = isRecord(candidate.spec) ? candidate.spec : undefined;
  return {
    key: parsed.key,
    ref: displayRef(parsed),
    kind: parsed.kind,
    namespace,
    name,
    entity: candidate as unknown as Entity,
    type: typeof spec?.type === 'string' ? spec.type.toLowerCase() : undefined,
    lifecycle:
      typeof spec?.lifecycle === 'string'
        ? spec.lifecycle.toLowerCase()
        : undefined,
  };
}

export function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface ParsedRelation {
  type: string;
  key: string;
  parsed: ParsedRef;
}

/** Catalog relations of an entity, parsed; malformed items are skipped. */
export function relationsOf(entity: Entity): ParsedRelation[] {
  const relations = (entity as any).relations;
  if (!Array.isArray(relations)) return [];
  const out: ParsedRelation[] = [];
  for (const rel of relations) {
    if (!isRecord(rel) || typeof rel.type !== 'string') continue;
    const parsed = parseRef(rel.targetRef, {});
    if (parsed) out.push({ type: rel.type, key: parsed.key, parsed });
  }
  return out;
}

/** Thrown by readers when a field has the wrong shape; becomes an `error` status. */
export class MalformedFieldError extends Error {
  constructor(
    readonly field: string,
    readonly found: unknown,
    readonly expected: string,
  ) {
    // Without a stack trace: the error names a field of the data, not a place
    // in the code, and the engine bench creates many (capturing one costs more
    // than the rest of the check).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`${field} must be ${expected}, found ${describeValue(found)}`);
    Error.stackTraceLimit = limit;
    this.name = 'MalformedFieldError';
  }
}

/** A short, safe rendering of any value for messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  const text = String(value);
  const short = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return typeof value === 'string' ? JSON.stringify(short) : short;
}

/**
 * The references of a list field (spec.dependsOn etc.), merged with the
 * matching catalog relations. With `lenient`, a malformed field or item is
 * skipped (for indexing other entities); otherwise it throws
 * MalformedFieldError naming the field.
 */
export function readRefList(
  node: GraphNode,
  field: RefListField,
  lenient = false,
): ResolvedRefLike[] {
  const spec = (node.entity as any).spec;
  const value = isRecord(spec) ? spec[field] : undefined;
  const out: ResolvedRefLike[] = [];
  const seen = new Set<string>();
  const defaults = {
    defaultKind: FIELD_DEFAULT_KIND[field],
    defaultNamespace: node.namespace,
  };
  if (value !== undefined && value !== null) {
    if (!Array.isArray(value)) {
      if (!lenient)
        throw new MalformedFieldError(
          `spec.${field}`,
          value,
          'a list of entity references',
        );
    } else {
      for (let i = 0; i < value.length; i++) {
        const parsed = parseRef(value[i], defaults);
        if (!parsed) {
          if (lenient) continue;
          throw new MalformedFieldError(
            `spec.${field}[${i}]`,
            value[i],
            field === 'dependsOn' || field === 'dependencyOf'
              ? 'an entity reference with a kind (e.g. resource:default/warehouse)'
              : 'an entity reference',
          );
        }
        if (seen.has(parsed.key)) continue;
        seen.add(parsed.key);
        out.push({ raw: String(value[i]), parsed });
      }
    }
  }
  for (const rel of relationsOf(node.entity)) {
    if (RELATION_TO_FIELD[rel.type] !== field || seen.has(rel.key)) continue;
    seen.add(rel.key);
    out.push({ raw: displayRef(rel.parsed), parsed: rel.parsed });
  }
  return out;
}

/**
 * What a node depends on: spec.dependsOn (and the dependsOn relations) plus
 * the entities that name it in spec.dependencyOf, as the catalog's relations
 * would say, so that files and the catalog give the same graph.
 */
export function readDependsOn(
  node: GraphNode,
  graph: EntityGraph,
  lenient = false,
): ResolvedRefLike[] {
  const own = readRefList(node, 'dependsOn', lenient);
  const sources = graph.dependencyOfSourcesOf(node.key);
  if (!sources.size) return own;
  const seen = new Set(own.map(r => r.parsed.key));
  for (const key of sources) {
    const source = graph.get(key);
    if (!source || seen.has(key)) continue;
    seen.add(key);
    const parsed = parseRef(source.ref, {});
    if (parsed) own.push({ raw: source.ref, parsed });
  }
  return own;
}

/** A reference before resolution. */
export interface ResolvedRefLike {
  raw: string;
  parsed: ParsedRef;
}

/**
 * A single reference field (spec.owner, spec.system, spec.parent), or the
 * matching relation when the field is absent.
 */
export function readRefField(
  node: GraphNode,
  field: 'owner' | 'system' | 'parent',
  lenient = false,
): ResolvedRefLike | undefined {
  const spec = (node.entity as any).spec;
  const value = isRecord(spec) ? spec[field] : undefined;
  if (value !== undefined && value !== null && value !== '') {
    const parsed = parseRef(value, {
      defaultKind: FIELD_DEFAULT_KIND[field],
      defaultNamespace: node.namespace,
    });
    if (parsed) return { raw: String(value), parsed };
    if (!lenient)
      throw new MalformedFieldError(
        `spec.${field}`,
        value,
        'an entity reference',
      );
    return undefined;
  }
  for (const rel of relationsOf(node.entity)) {
    // partOf also points at parent components and domains: only a System is a system.
    if (field === 'system' && rel.parsed.kind !== 'system') continue;
    if (RELATION_TO_FIELD[rel.type] === field) {
      return { raw: displayRef(rel.parsed), parsed: rel.parsed };
    }
  }
  return undefined;
}
