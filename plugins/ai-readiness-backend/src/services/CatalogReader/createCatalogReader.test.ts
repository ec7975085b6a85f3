import {
  component,
  group,
  withCatalogRelations,
} from '@ai-readiness/plugin-ai-readiness-common/testUtils';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  createReadinessEngine,
  entityRefKey,
} from '@ai-readiness/plugin-ai-readiness-common';
import {
  conformanceEntities,
  conformanceExpected,
} from '../../__testUtils__/conformance';
import { filteringCatalog } from '../../__testUtils__/filteringCatalog';
import { createCatalogReader, PAGE_SIZE } from './createCatalogReader';

const credentials = mockCredentials.service();

function scoreAll(entities: Entity[], read: 'full' | 'paged') {
  const engine = createReadinessEngine();
  const time = {
    asOf: conformanceExpected().asOf,
    now: new Date('2026-01-01'),
  };
  if (read === 'full') {
    const graph = engine.buildGraph(entities);
    return engine.evaluateAll(graph, time);
  }
  return createCatalogReader({ engine, catalog: filteringCatalog(entities) })
    .readPilots(credentials)
    .then(({ pilots, graph }) =>
      pilots.map(pilot => engine.evaluate(pilot, graph, time)),
    );
}

describe('createCatalogReader', () => {
  it('scores the conformance catalog exactly as the whole catalog does, reading only declared fields', async () => {
    const entities = withCatalogRelations(conformanceEntities());
    const full = await scoreAll(entities, 'full');
    const paged = await scoreAll(entities, 'paged');
    const byRef = (cards: typeof full) =>
      Object.fromEntries(cards.map(c => [entityRefKey(c.entityRef), c]));
    expect(full.length).toBeGreaterThan(5);
    expect(byRef(paged)).toEqual(byRef(full));
  });

  it('asks for fields and filters, page by page, and holds only pilots and what they reference', async () => {
    const entities = withCatalogRelations([
      group('ml'),
      group('unrelated'),
      ...Array.from({ length: PAGE_SIZE * 2 }, (_, i) =>
        component(`p-${i}`, i % 3 === 0 ? { type: 'service' } : {}),
      ),
    ]);
    const catalog = filteringCatalog(entities);
    const engine = createReadinessEngine();
    const plan = engine.catalogFields();
    const { pilots, graph, entitiesRead } = await createCatalogReader({
      engine,
      catalog,
    }).readPilots(credentials);
    const expectedPilots = entities.filter(
      e => e.kind === 'Component' && (e.spec as any).type !== 'service',
    );
    expect(pilots.map(p => p.metadata.name).sort()).toEqual(
      expectedPilots.map(p => p.metadata.name).sort(),
    );
    // The pilots and their owner group: no service components, no other group.
    expect(graph.size).toBe(expectedPilots.length + 1);
    expect(graph.getByRef('group', 'default', 'unrelated')).toBeUndefined();
    expect(entitiesRead).toBe(expectedPilots.length + 1);
    // Only the declared fields came back.
    expect(Object.keys(pilots[0].spec ?? {}).sort()).toEqual(
      Object.keys(pilots[0].spec ?? {})
        .filter(k => plan.pilotFields.includes(`spec.${k}`))
        .sort(),
    );
    expect((pilots[0] as any).apiVersion).toBeUndefined();
    for (const request of catalog.requests) {
      expect(request.fields?.length).toBeGreaterThan(0);
      expect(request.principal).toBe('service:external:test-service');
    }
    // Every query names the kinds or values it wants: never the whole catalog.
    expect(
      catalog.requests.filter(
        r => r.method === 'queryEntities' && !r.cursor && !r.filter,
      ),
    ).toEqual([]);
    const firstPages = catalog.requests.filter(
      r => r.method === 'queryEntities' && r.returned === PAGE_SIZE,
    );
    expect(firstPages.length).toBeGreaterThanOrEqual(1);
    expect(catalog.requests.every(r => r.returned <= PAGE_SIZE)).toBe(true);
  });

  it('finds pilots that are in scope only through a model dependency', async () => {
    const model: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name: 'llm', namespace: 'default' },
      spec: { type: 'ai-model', owner: 'group:default/ml' },
    };
    const entities = withCatalogRelations([
      group('ml'),
      model,
      component('svc', {
        type: 'service',
        dependsOn: ['resource:default/llm'],
      }),
      component('other', { type: 'service' }),
    ]);
    const engine = createReadinessEngine();
    const { pilots } = await createCatalogReader({
      engine,
      catalog: filteringCatalog(entities),
    }).readPilots(credentials);
    expect(pilots.map(p => p.metadata.name)).toEqual(['svc']);
  });
});
