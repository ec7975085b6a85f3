import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
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
