import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** The user the test permission policy hides entities from. */
export const RESTRICTED_USER = 'user:default/restricted';

/**
 * A catalog that answers like one behind a permission policy: entities listed
 * in `hiddenFrom[userRef]` do not exist for that user (every read method).
 * Service credentials see everything.
 */
export function permissionAwareCatalog(
  entities: Entity[],
  hiddenFrom: Record<string, string[]> = {},
): CatalogService & {
  readonly entities: Entity[];
  calls: { method: string; principal: string }[];
} {
  const calls: { method: string; principal: string }[] = [];
  const clientFor = (credentials: BackstageCredentials) => {
    const principal = credentials.principal as any;
    const who =
      principal.type === 'user'
        ? principal.userEntityRef
        : `${principal.type}:${principal.subject ?? ''}`;
    const hidden = new Set(
      (principal.type === 'user'
        ? hiddenFrom[principal.userEntityRef] ?? []
        : []
      ).map(r => r.toLocaleLowerCase('en-US')),
    );
    return {
      who,
      client: new InMemoryCatalogClient({
        entities: entities.filter(
          e => !hidden.has(stringifyEntityRef(e).toLocaleLowerCase('en-US')),
        ),
      }),
    };
  };
  const handler: ProxyHandler<any> = {
    get(_target, method: string | symbol) {
      // Not a thenable, and no other magic.
      if (typeof method !== 'string' || method === 'then') return undefined;
      if (method === 'entities') return entities;
      if (method === 'calls') return calls;
      return (...args: any[]) => {
        const options = args[args.length - 1] as {
          credentials: BackstageCredentials;
        };
        const { who, client } = clientFor(options.credentials);
        calls.push({ method, principal: who });
        return (client as any)[method](...args);
      };
    },
  };
  return new Proxy({}, handler);
}

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
 * so that entities read from this fake catalog look like the real catalog's.
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
