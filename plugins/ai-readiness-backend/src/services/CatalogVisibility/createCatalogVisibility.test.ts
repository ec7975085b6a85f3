import {
  component,
  group,
} from '@ai-readiness/plugin-ai-readiness-common/testUtils';
import { mockCredentials } from '@backstage/backend-test-utils';
import { permissionAwareCatalog } from '../../__testUtils__/catalog';
import { readerOf } from '../../__testUtils__/pipeline';
import { createCatalogVisibility } from './createCatalogVisibility';

const entities = [
  group('division', 'ml'),
  group('ml', 'division'),
  group('data', 'group:default/division'),
  ...Array.from({ length: 1500 }, (_, i) => component(`p-${i}`)),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'db', namespace: 'default' },
    spec: { type: 'database', owner: 'data' },
  },
];

describe('createCatalogVisibility', () => {
  it('asks the catalog with the caller credentials, page by page', async () => {
    const catalog = permissionAwareCatalog(entities, {
      'user:default/limited': ['component:default/p-7', 'group:default/data'],
    });
    const visibility = createCatalogVisibility({ reader: readerOf(catalog) });
    const all = await visibility.view(mockCredentials.user(), ['component']);
    expect(all.refs.size).toBe(1500);
    expect(all.refs.has('component:default/p-7')).toBe(true);
    expect(all.refs.has('resource:default/db')).toBe(false);
    expect(all.groupParents).toEqual(
      new Map([
        ['group:default/division', 'group:default/ml'],
        ['group:default/ml', 'group:default/division'],
        ['group:default/data', 'group:default/division'],
      ]),
    );
    expect(
      catalog.calls.filter(c => c.method === 'queryEntities'),
    ).toHaveLength(2);

    const limited = await visibility.view(
      mockCredentials.user('user:default/limited'),
      ['component'],
    );
    expect(limited.refs.size).toBe(1499);
    expect(limited.refs.has('component:default/p-7')).toBe(false);
    expect(limited.groupParents.has('group:default/data')).toBe(false);
    expect(catalog.calls.at(-1)!.principal).toBe('user:default/limited');
  });

  it('shares one lookup per principal, reloads it ahead of expiry and never serves it older than the TTL', async () => {
    const catalog = permissionAwareCatalog(entities);
    let now = 1_000_000;
    const visibility = createCatalogVisibility({
      reader: readerOf(catalog),
      ttlMs: 10_000,
      now: () => now,
    });
    const user = mockCredentials.user();
    const reads = () =>
      catalog.calls.filter(c => c.method === 'queryEntities').length;
    const [a, b] = await Promise.all([
      visibility.view(user, ['component']),
      visibility.view(user, ['component']),
    ]);
    expect(a).toBe(b);
    expect(reads()).toBe(2); // two pages

    now += 5_000;
    expect(await visibility.view(user, ['component'])).toBe(a);
    expect(reads()).toBe(2);

    // Another principal has its own view.
    const other = await visibility.view(
      mockCredentials.user('user:default/other'),
      ['component'],
    );
    expect(other).not.toBe(a);
    expect(reads()).toBe(4);

    // Late in its life the view is still served, and a new one is loaded behind it.
    now += 3_000;
    expect(await visibility.view(user, ['component'])).toBe(a);
    await new Promise(resolve => setImmediate(resolve));
    expect(reads()).toBe(6);
    now += 500;
    const c = await visibility.view(user, ['component']);
    expect(c).not.toBe(a);
    expect(c.id).not.toBe(a.id);
    expect(reads()).toBe(6);

    // Past the TTL of the newest view, the caller waits for a fresh lookup.
    now += 10_001;
    const d = await visibility.view(user, ['component']);
    expect(d).not.toBe(c);
    expect(reads()).toBe(8);
  });

  it('checks one entity with the caller credentials', async () => {
    const catalog = permissionAwareCatalog(entities, {
      'user:default/limited': ['component:default/p-7'],
    });
    const visibility = createCatalogVisibility({ reader: readerOf(catalog) });
    expect(
      await visibility.getEntity(
        mockCredentials.user(),
        'component:default/p-7',
      ),
    ).toBeDefined();
    expect(
      await visibility.getEntity(
        mockCredentials.user('user:default/limited'),
        'component:default/p-7',
      ),
    ).toBeUndefined();
  });
});
