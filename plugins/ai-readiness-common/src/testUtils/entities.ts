/*
 * Entity builders for tests of every package: a pilot Component, a Group,
 * and the relations the catalog would compute for a list of entities.
 */
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** An AI pilot Component (type ai-agent, owned by group:default/ml) unless `spec` says otherwise. @public */
export function component(
  name: string,
  spec: Record<string, unknown> = {},
  metadata: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', ...metadata },
    spec: {
      type: 'ai-agent',
      lifecycle: 'experimental',
      owner: 'group:default/ml',
      ...spec,
    },
  };
}

/** A team Group, with a parent when given. @public */
export function group(name: string, parent?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [], ...(parent ? { parent } : {}) },
  };
}

const RELATION_FIELDS: Array<[string, string, string, string]> = [
  // spec field, default kind, relation, reverse relation (as the catalog's built-in processor)
  ['owner', 'group', 'ownedBy', 'ownerOf'],
  ['system', 'system', 'partOf', 'hasPart'],
  ['domain', 'domain', 'partOf', 'hasPart'],
  ['parent', 'group', 'childOf', 'parentOf'],
  ['children', 'group', 'parentOf', 'childOf'],
  ['memberOf', 'group', 'memberOf', 'hasMember'],
  ['members', 'user', 'hasMember', 'memberOf'],
  ['dependsOn', 'component', 'dependsOn', 'dependencyOf'],
  ['dependencyOf', 'component', 'dependencyOf', 'dependsOn'],
  ['providesApis', 'api', 'providesApi', 'apiProvidedBy'],
  ['consumesApis', 'api', 'consumesApi', 'apiConsumedBy'],
];

/**
 * Adds the relations the catalog computes from spec fields (both directions),
 * so that entities read from a test catalog look like the real catalog's.
 * @public
 */
export function withCatalogRelations(entities: Entity[]): Entity[] {
  const byRef = new Map<string, Entity>();
  const copies = entities.map(e => ({ ...e, relations: [] as any[] }));
  for (const e of copies)
    byRef.set(stringifyEntityRef(e).toLocaleLowerCase('en-US'), e);
  for (const e of copies) {
    const source = stringifyEntityRef(e);
    for (const [field, defaultKind, type, reverse] of RELATION_FIELDS) {
      const value = (e.spec as any)?.[field];
      const items: unknown[] = [];
      if (Array.isArray(value)) items.push(...value);
      else if (value) items.push(value);
      for (const item of items) {
        let target: string;
        try {
          target = stringifyEntityRef(
            parseEntityRef(String(item), {
              defaultKind,
              defaultNamespace: e.metadata.namespace ?? 'default',
            }),
          );
        } catch {
          continue;
        }
        e.relations!.push({ type, targetRef: target });
        byRef.get(target.toLocaleLowerCase('en-US'))?.relations!.push({
          type: reverse,
          targetRef: source,
        });
      }
    }
  }
  return copies;
}
