/*
 * The CheckContext of one pilot: lazy, memoised readers over the entity and
 * the graph, so that 34 checks read each field once.
 */
import type { Entity } from '@backstage/catalog-model';
import type { CheckContext } from '../checks/types';
import type { AiReadinessConfig } from '../config/schema';
import { displayRef, parseRef } from '../util/refs';
import {
  EntityGraph,
  GraphNode,
  isRecord,
  MalformedFieldError,
  readDependsOn,
  readRefField,
  readRefList,
  ResolvedRef,
  ResolvedRefLike,
} from './graph';
import { isSafeHttpUrl } from '../util/urls';
import type { PilotEvidence } from '../evidence/pilot';
import {
  isDataResourceNode,
  isModelDependencyNode,
  isModelEndpointNode,
  isToolServerNode,
  ScopeSets,
} from './roles';
import {
  hasKeyStartingWith,
  internalize,
  metadataMap,
  readEntry,
  readMetadataValue,
} from './metadata';

export {
  isDataResourceNode,
  isModelDependencyNode,
  scopeSetsOf,
} from './roles';
export type { ScopeSets } from './roles';

/** Annotations that route alerts to an on-call rotation. */
export const ON_CALL_ANNOTATIONS = [
  'pagerduty.com/service-id',
  'pagerduty.com/integration-key',
  'opsgenie.com/component-selector',
  'opsgenie.com/team',
  'splunk.com/on-call-team',
  'splunk.com/on-call-routing-key',
];

/**
 * The memo slots of a context, one array per pilot (not an object per
 * reader): UNSET until computed, then the value or the MalformedFieldError
 * its input gave (no reader returns one).
 */
const UNSET: unique symbol = Symbol('unset');
const SLOT = {
  Owner: 0,
  System: 1,
  DependsOn: 2,
  Handoffs: 3,
  Provides: 4,
  Consumes: 5,
  OnCall: 6,
  Uses: 7,
} as const;
type Slot = (typeof SLOT)[keyof typeof SLOT];

// Module-level readers: passing them to once() allocates no closure per call.
const readOwner = (c: PilotContext) =>
  c.resolveLike(readRefField(c.node, 'owner'));
const readSystem = (c: PilotContext) =>
  c.resolveLike(readRefField(c.node, 'system'));
const readDependsOnRefs = (c: PilotContext) =>
  c.resolveAll(readDependsOn(c.node, c.graph));
const readHandoffs = (c: PilotContext) =>
  c.resolveAll(readRefList(c.node, 'handoffs'));
const readProvides = (c: PilotContext) =>
  c.resolveAll(readRefList(c.node, 'providesApis'));
const readConsumes = (c: PilotContext) =>
  c.resolveAll(readRefList(c.node, 'consumesApis'));
const readOnCall = (c: PilotContext) => c.findOnCallRoute();
/** What the pilot uses: its dependencies, then the APIs it consumes that are not among them. */
const readUses = (c: PilotContext): ResolvedRef[] => {
  const deps = c.dependsOn();
  const apis = c.consumesApis();
  if (!apis.length) return deps;
  if (!deps.length) return apis;
  const out = deps.slice();
  // A pilot's lists are short: a scan beats building a set for each pilot.
  const seen = deps.length > 16 ? new Set(deps.map(d => d.parsed.key)) : null;
  for (const api of apis) {
    const key = api.parsed.key;
    let listed = seen ? seen.has(key) : false;
    for (let i = 0; !seen && !listed && i < deps.length; i++)
      listed = deps[i].parsed.key === key;
    if (!listed) out.push(api);
  }
  return out;
};

/**
 * The context of one pilot. The hot path of the engine: every reader is
 * computed at most once per pilot, without per-call allocations.
 */
export class PilotContext implements CheckContext {
  readonly entity: Entity;
  private labels?: Map<string, unknown> | MalformedFieldError;
  private annotations?: Map<string, unknown> | MalformedFieldError;
  private maps = false;
  private linkIndex?:
    | Map<string, true | MalformedFieldError>
    | MalformedFieldError;
  private readonly memo: unknown[] = [
    UNSET,
    UNSET,
    UNSET,
    UNSET,
    UNSET,
    UNSET,
    UNSET,
    UNSET,
  ];
  private waiverScan?: boolean;
  /** Evidence (src/evidence): set by the engine when evaluating with a view; refuted items read as absent. */
  evidence?: PilotEvidence;

  constructor(
    readonly node: GraphNode,
    readonly graph: EntityGraph,
    readonly config: AiReadinessConfig,
    private readonly sets: ScopeSets,
    readonly asOf: string,
    readonly asOfDay: number,
    private readonly keyNames: Map<string, string>,
    /** Whether a node of the graph is a pilot (scope.ts, which needs the rubric). */
    readonly isPilot: (node: GraphNode) => boolean = () => false,
  ) {
    this.entity = node.entity;
  }

  private loadMaps() {
    if (this.maps) return;
    this.maps = true;
    this.labels = metadataMap(this.entity, 'labels');
    this.annotations = metadataMap(this.entity, 'annotations');
  }

  /** Runs a reader once; a MalformedFieldError is cached and thrown again. */
  private once<T>(slot: Slot, compute: (self: this) => T): T {
    const known = this.memo[slot];
    if (known !== UNSET) {
      if (known instanceof MalformedFieldError) throw known;
      return known as T;
    }
    try {
      const value = compute(this);
      this.memo[slot] = value;
      return value;
    } catch (e) {
      if (e instanceof MalformedFieldError) this.memo[slot] = e;
      throw e;
    }
  }

  k(key: string): string {
    let name = this.keyNames.get(key);
    if (name === undefined) {
      name = internalize(`${this.config.annotationPrefix}${key}`);
      this.keyNames.set(key, name);
    }
    return name;
  }

  /** A prefixed key's value: the label wins over the annotation. */
  key(key: string): string | undefined {
    return this.metadataValue(this.k(key), true);
  }

  annotation(name: string): string | undefined {
    return this.metadataValue(name, false);
  }

  labelOrAnnotation(name: string): string | undefined {
    return this.metadataValue(name, true);
  }

  /** Any metadata value by full name, labels first when asked. */
  metadataValue(name: string, labelsFirst: boolean): string | undefined {
    const value = this.declaredValue(name, labelsFirst);
    if (
      value !== undefined &&
      this.evidence?.refutesValue(this.node.key, name, value)
    )
      return undefined;
    return value;
  }

  private declaredValue(
    name: string,
    labelsFirst: boolean,
  ): string | undefined {
    this.loadMaps();
    if (labelsFirst) {
      if (this.labels instanceof MalformedFieldError) throw this.labels;
      const label = readEntry(this.labels, name);
      if (label !== undefined) return label;
    }
    if (this.annotations instanceof MalformedFieldError) throw this.annotations;
    return readEntry(this.annotations, name);
  }

  hasLink(type: string): boolean {
    if (this.linkIndex === undefined) this.linkIndex = this.indexLinks();
    if (this.linkIndex instanceof MalformedFieldError) throw this.linkIndex;
    const entry = this.linkIndex.get(type);
    if (entry instanceof MalformedFieldError) throw entry;
    if (entry === true && this.evidence)
      return this.evidence.hasUnrefutedLink(type);
    return entry === true;
  }

  /** One pass over metadata.links: each type is present, absent, or malformed. */
  private indexLinks():
    | Map<string, true | MalformedFieldError>
    | MalformedFieldError {
    const index = new Map<string, true | MalformedFieldError>();
    const links = (this.entity as any).metadata?.links;
    if (links === undefined || links === null) return index;
    if (!Array.isArray(links))
      return new MalformedFieldError(
        'metadata.links',
        links,
        'a list of links',
      );
    for (let i = 0; i < links.length; i++) {
      const link = links[i];
      if (!isRecord(link) || typeof link.type !== 'string') continue;
      if (index.get(link.type) instanceof MalformedFieldError) continue;
      if (typeof link.url !== 'string' || !isSafeHttpUrl(link.url)) {
        index.set(
          link.type,
          new MalformedFieldError(
            `metadata.links[${i}].url (type ${link.type})`,
            link.url,
            'an http(s) URL',
          ),
        );
      } else {
        index.set(link.type, true);
      }
    }
    return index;
  }

  private resolve(ref: ResolvedRefLike): ResolvedRef {
    const node = this.graph.get(ref.parsed.key);
    return {
      raw: ref.raw,
      parsed: ref.parsed,
      ref: node ? node.ref : displayRef(ref.parsed),
      node,
    };
  }

  /** Whether any label or annotation starts with the prefix (e.g. waivers): one scan per pilot. */
  hasKeyWithPrefix(prefix: string): boolean {
    if (this.waiverScan === undefined) {
      this.loadMaps();
      this.waiverScan =
        hasKeyStartingWith(this.labels, prefix) ||
        hasKeyStartingWith(this.annotations, prefix);
    }
    return this.waiverScan;
  }

  owner(): ResolvedRef | undefined {
    return this.once(SLOT.Owner, readOwner);
  }

  ownerGroup(): GraphNode | undefined {
    const owner = this.owner();
    return owner?.node?.kind === 'group' ? owner.node : undefined;
  }

  system(): ResolvedRef | undefined {
    return this.once(SLOT.System, readSystem);
  }

  dependsOn(): ResolvedRef[] {
    return this.once(SLOT.DependsOn, readDependsOnRefs);
  }

  uses(): ResolvedRef[] {
    return this.once(SLOT.Uses, readUses);
  }

  handoffs(): ResolvedRef[] {
    return this.once(SLOT.Handoffs, readHandoffs);
  }

  handedOffBy(): GraphNode[] {
    const sources = this.graph.handoffSourcesOf(this.node.key);
    if (!sources.size) return [];
    const out: GraphNode[] = [];
    for (const key of sources) {
      const source = this.graph.get(key);
      if (source && this.isPilot(source)) out.push(source);
    }
    return out;
  }

  providesApis(): ResolvedRef[] {
    return this.once(SLOT.Provides, readProvides);
  }

  consumesApis(): ResolvedRef[] {
    return this.once(SLOT.Consumes, readConsumes);
  }

  resolveLike(ref: ResolvedRefLike | undefined): ResolvedRef | undefined {
    return ref && this.resolve(ref);
  }

  resolveAll(refs: ResolvedRefLike[]): ResolvedRef[] {
    const out = new Array<ResolvedRef>(refs.length);
    for (let i = 0; i < refs.length; i++) out[i] = this.resolve(refs[i]);
    return out;
  }

  isDataResource(node: GraphNode | undefined): boolean {
    return isDataResourceNode(node, this.sets);
  }

  isModelDependency(node: GraphNode | undefined): boolean {
    return isModelDependencyNode(node, this.sets);
  }

  isModelEndpoint(node: GraphNode | undefined): boolean {
    return isModelEndpointNode(node, this.sets);
  }

  isToolServer(node: GraphNode | undefined): boolean {
    return isToolServerNode(node, this.sets);
  }

  onCallRoute(): string | undefined {
    return this.once(SLOT.OnCall, readOnCall);
  }

  findOnCallRoute(): string | undefined {
    for (const name of ON_CALL_ANNOTATIONS) {
      if (this.annotation(name)) return `${name} on the pilot`;
    }
    let group: GraphNode | undefined;
    try {
      group = this.ownerGroup();
    } catch (e) {
      if (!(e instanceof MalformedFieldError)) throw e;
    }
    if (group) {
      for (const name of ON_CALL_ANNOTATIONS) {
        // A malformed annotation map on the owner group is the group's problem: skip it.
        let value: string | undefined;
        try {
          value = readMetadataValue(group.entity, name, false);
        } catch {
          value = undefined;
        }
        if (value && !this.evidence?.refutesValue(group.key, name, value))
          return `${name} on ${group.ref}`;
      }
    }
    return undefined;
  }

  tryResolve(value: string, defaultKind?: string): ResolvedRef | undefined {
    const parsed = parseRef(value, {
      defaultKind,
      defaultNamespace: this.node.namespace,
    });
    return parsed ? this.resolve({ raw: value, parsed }) : undefined;
  }

  resolveKey(key: string, value: string, defaultKind?: string): ResolvedRef {
    const resolved = this.tryResolve(value, defaultKind);
    if (!resolved) {
      throw new MalformedFieldError(
        this.k(key),
        value,
        'an entity reference with a kind, e.g. group:default/reviewers',
      );
    }
    return resolved;
  }
}
