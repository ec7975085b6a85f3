/*
 * The CheckContext of one pilot: lazy, memoised readers over the entity and
 * the graph, so that 33 checks read each field once.
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
  readRefField,
  readRefList,
  ResolvedRef,
  ResolvedRefLike,
} from './graph';
import { isSafeHttpUrl } from '../util/urls';

/** Annotations that route alerts to an on-call rotation. */
export const ON_CALL_ANNOTATIONS = [
  'pagerduty.com/service-id',
  'pagerduty.com/integration-key',
  'opsgenie.com/component-selector',
  'opsgenie.com/team',
  'splunk.com/on-call-team',
  'splunk.com/on-call-routing-key',
];

/** Settings derived once per engine from the config. */
export interface ScopeSets {
  pilotTypes: Set<string>;
  pilotTags: Set<string>;
  dataResourceTypes: Set<string>;
  modelResourceTypes: Set<string>;
  modelGatewayTypes: Set<string>;
}

export function scopeSetsOf(config: AiReadinessConfig): ScopeSets {
  const lower = (list: string[]) => new Set(list.map(v => v.toLocaleLowerCase('en-US')));
  return {
    pilotTypes: lower(config.scope.types),
    pilotTags: lower(config.scope.tags),
    dataResourceTypes: lower(config.scope.dataResourceTypes),
    modelResourceTypes: lower(config.scope.modelResourceTypes),
    modelGatewayTypes: lower(config.scope.modelGatewayTypes),
  };
}

export function isDataResourceNode(node: GraphNode | undefined, sets: ScopeSets): boolean {
  return !!node && node.kind === 'resource' && !!node.type && sets.dataResourceTypes.has(node.type);
}

export function isModelDependencyNode(node: GraphNode | undefined, sets: ScopeSets): boolean {
  if (!node || !node.type) return false;
  if (node.kind === 'resource') return sets.modelResourceTypes.has(node.type);
  if (node.kind === 'component') return sets.modelGatewayTypes.has(node.type);
  return false;
}

/**
 * Reads a string-valued key from labels, then annotations. Numbers and
 * booleans (raw YAML) are read as text; lists and maps are malformed.
 */
export function readMetadataValue(
  entity: Entity,
  name: string,
  labelsFirst: boolean,
): string | undefined {
  const metadata = (entity as any).metadata;
  if (!isRecord(metadata)) return undefined;
  const sources: Array<['labels' | 'annotations', unknown]> = labelsFirst
    ? [
        ['labels', metadata.labels],
        ['annotations', metadata.annotations],
      ]
    : [['annotations', metadata.annotations]];
  for (const [where, map] of sources) {
    if (map === undefined || map === null) continue;
    if (!isRecord(map)) throw new MalformedFieldError(`metadata.${where}`, map, 'a map of strings');
    const value = map[name];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') {
      if (value.trim() === '') continue;
      return value.trim();
    }
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw new MalformedFieldError(name, value, 'a string');
  }
  return undefined;
}

export class PilotContext implements CheckContext {
  readonly entity: Entity;
  private cache = new Map<string, unknown>();

  constructor(
    readonly node: GraphNode,
    readonly graph: EntityGraph,
    readonly config: AiReadinessConfig,
    private readonly sets: ScopeSets,
    readonly asOf: string,
    readonly asOfDay: number,
  ) {
    this.entity = node.entity;
  }

  private memo<T>(id: string, compute: () => T): T {
    if (this.cache.has(id)) {
      const hit = this.cache.get(id);
      if (hit instanceof MalformedFieldError) throw hit;
      return hit as T;
    }
    try {
      const value = compute();
      this.cache.set(id, value);
      return value;
    } catch (e) {
      if (e instanceof MalformedFieldError) this.cache.set(id, e);
      throw e;
    }
  }

  k(key: string): string {
    return `${this.config.annotationPrefix}${key}`;
  }

  key(key: string): string | undefined {
    return this.memo(`key:${key}`, () => readMetadataValue(this.entity, this.k(key), true));
  }

  annotation(name: string): string | undefined {
    return this.memo(`ann:${name}`, () => readMetadataValue(this.entity, name, false));
  }

  hasLink(type: string): boolean {
    return this.memo(`link:${type}`, () => {
      const links = (this.entity as any).metadata?.links;
      if (links === undefined || links === null) return false;
      if (!Array.isArray(links)) {
        throw new MalformedFieldError('metadata.links', links, 'a list of links');
      }
      let found = false;
      for (let i = 0; i < links.length; i++) {
        const link = links[i];
        if (!isRecord(link) || link.type !== type) continue;
        if (typeof link.url !== 'string' || !isSafeHttpUrl(link.url)) {
          throw new MalformedFieldError(
            `metadata.links[${i}].url (type ${type})`,
            link.url,
            'an http(s) URL',
          );
        }
        found = true;
      }
      return found;
    });
  }

  private resolve(ref: ResolvedRefLike): ResolvedRef {
    return {
      raw: ref.raw,
      parsed: ref.parsed,
      ref: displayRef(ref.parsed),
      node: this.graph.get(ref.parsed.key),
    };
  }

  owner(): ResolvedRef | undefined {
    return this.memo('owner', () => {
      const ref = readRefField(this.node, 'owner');
      return ref && this.resolve(ref);
    });
  }

  ownerGroup(): GraphNode | undefined {
    const owner = this.owner();
    return owner?.node?.kind === 'group' ? owner.node : undefined;
  }

  system(): ResolvedRef | undefined {
    return this.memo('system', () => {
      const ref = readRefField(this.node, 'system');
      return ref && this.resolve(ref);
    });
  }

  dependsOn(): ResolvedRef[] {
    return this.memo('dependsOn', () =>
      readRefList(this.node, 'dependsOn').map(r => this.resolve(r)),
    );
  }

  providesApis(): ResolvedRef[] {
    return this.memo('providesApis', () =>
      readRefList(this.node, 'providesApis').map(r => this.resolve(r)),
    );
  }

  consumesApis(): ResolvedRef[] {
    return this.memo('consumesApis', () =>
      readRefList(this.node, 'consumesApis').map(r => this.resolve(r)),
    );
  }

  isDataResource(node: GraphNode | undefined): boolean {
    return isDataResourceNode(node, this.sets);
  }

  isModelDependency(node: GraphNode | undefined): boolean {
    return isModelDependencyNode(node, this.sets);
  }

  onCallRoute(): string | undefined {
    return this.memo('oncall', () => {
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
          if (value) return `${name} on ${group.ref}`;
        }
      }
      return undefined;
    });
  }

  tryResolve(value: string, defaultKind?: string): ResolvedRef | undefined {
    const parsed = parseRef(value, { defaultKind, defaultNamespace: this.node.namespace });
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
