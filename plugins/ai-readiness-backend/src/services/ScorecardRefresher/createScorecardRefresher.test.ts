import {
  component,
  group,
  withCatalogRelations,
} from '@ai-readiness/plugin-ai-readiness-common/testUtils';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  createReadinessEngine,
  Scorecard,
} from '@ai-readiness/plugin-ai-readiness-common';
import { permissionAwareCatalog } from '../../__testUtils__/catalog';
import { conformanceEntities } from '../../__testUtils__/conformance';
import {
  databaseServiceFor,
  scorecardStoreFor,
} from '../../__testUtils__/databases';
import { filteringCatalog } from '../../__testUtils__/filteringCatalog';
import { createTestPipeline } from '../../__testUtils__/pipeline';

/** The refresher on the pipeline plugin.ts wires (reader, evaluator). */
const refresherFor = (options: Parameters<typeof createTestPipeline>[0]) =>
  createTestPipeline(options).refresher;

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function setup(entities = [group('ml'), component('a'), component('b')]) {
  const knex = await databases.init('SQLITE_3');
  const store = await scorecardStoreFor({
    database: databaseServiceFor(knex),
  });
  const catalog = permissionAwareCatalog(entities);
  const engine = createReadinessEngine();
  const notifier = { notifyPending: jest.fn(async () => 0) };
  let now = new Date('2026-11-25T10:00:00.000Z');
  const evaluator = refresherFor({
    engine,
    catalog,
    auth: mockServices.auth(),
    store,
    logger: mockServices.logger.mock(),
    notifier,
    retention: { maxEntriesPerEntity: 2 },
    now: () => now,
  });
  return {
    store,
    catalog,
    engine,
    evaluator,
    notifier,
    entities,
    setNow: (d: string) => {
      now = new Date(d);
    },
  };
}

describe('createScorecardRefresher', () => {
  it('reads the pilots and their references in pages, with service credentials, and stores every pilot', async () => {
    const entities = [
      group('ml'),
      ...Array.from({ length: 2100 }, (_, i) =>
        component(`p-${i}`, i % 3 === 0 ? { type: 'service' } : {}),
      ),
    ];
    const { store } = await setup();
    const catalog = filteringCatalog(entities);
    const evaluator = refresherFor({
      engine: createReadinessEngine(),
      catalog,
      auth: mockServices.auth(),
      store,
      logger: mockServices.logger.mock(),
      now: () => new Date('2026-11-25T10:00:00.000Z'),
    });
    const report = await evaluator.refreshAll();
    // 1400 candidates in two pages, then their owner: the 700 services are never read.
    expect(report.entities).toBe(1401);
    expect(report.pilots).toBe(1400);
    expect(report.failed).toBe(0);
    const pages = catalog.requests.filter(
      r => r.method === 'queryEntities' && r.returned > 0,
    );
    expect(pages.map(r => r.returned)).toEqual([1000, 400]);
    expect(
      catalog.requests.every(r => r.principal.startsWith('service:')),
    ).toBe(true);
    expect(await store.queryRows({})).toHaveLength(1400);
    const card = (await store.getScorecard('component:default/p-1'))!;
    expect(card.evaluatedAt).toBe('2026-11-25T10:00:00.000Z');
    expect(card.asOf).toBe('2026-11-25');
  });

  it('removes pilots that left the catalog and applies history retention', async () => {
    const { evaluator, store, entities, setNow, notifier } = await setup();
    await evaluator.refreshAll();
    expect(notifier.notifyPending).toHaveBeenCalledTimes(1);
    expect((await store.queryRows({})).map(r => r.entityRef)).toEqual([
      'component:default/a',
      'component:default/b',
    ]);
    entities.splice(
      entities.findIndex(e => e.metadata.name === 'b'),
      1,
    );
    for (const day of ['26', '27', '28']) {
      setNow(`2026-11-${day}T10:00:00.000Z`);
      const report = await evaluator.refreshAll();
      expect(report.pilots).toBe(1);
    }
    expect((await store.queryRows({})).map(r => r.entityRef)).toEqual([
      'component:default/a',
    ]);
    const history = await store.getHistory('component:default/a');
    expect(history.map(h => h.evaluatedAt.slice(0, 10))).toEqual([
      '2026-11-27',
      '2026-11-28',
    ]);
  });

  it('keeps going when one pilot cannot be evaluated', async () => {
    const { store, catalog } = await setup();
    const engine = createReadinessEngine();
    const flaky = {
      ...engine,
      evaluatePilots: (batch: any[], graph: any, opts: any): Scorecard[] => {
        if (batch.some(e => e.metadata.name === 'a')) throw new Error('boom');
        return engine.evaluatePilots(batch, graph, opts);
      },
    };
    const logger = mockServices.logger.mock();
    const evaluator = refresherFor({
      engine: flaky,
      catalog,
      auth: mockServices.auth(),
      store,
      logger,
    });
    const report = await evaluator.refreshAll();
    expect(report).toMatchObject({ pilots: 1, failed: 1 });
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('component:default/a'),
    );
    expect(await store.getScorecard('component:default/b')).toBeDefined();
  });

  it('refreshes one entity from what it references, and drops it when it is no pilot', async () => {
    const { evaluator, store, entities, catalog } = await setup();
    const card = await evaluator.refreshEntity('component:default/a');
    expect(card?.owner).toBe('group:default/ml');
    // The owner group was fetched because the engine asked for it.
    expect(
      catalog.calls.some(
        c =>
          c.method === 'getEntitiesByRefs' &&
          c.principal.startsWith('service:'),
      ),
    ).toBe(true);
    expect(
      card?.dimensions.find(d => d.id === 'ownership')?.checks[0].message,
    ).not.toContain('does not resolve');
    expect(await store.getScorecard('component:default/a')).toEqual(card);

    (entities.find(e => e.metadata.name === 'a')!.spec as any).type = 'service';
    expect(
      await evaluator.refreshEntity('component:default/a'),
    ).toBeUndefined();
    expect(await store.getScorecard('component:default/a')).toBeUndefined();
    expect(
      await evaluator.refreshEntity('component:default/gone'),
    ).toBeUndefined();
  });

  it('re-evaluates the pilots a pilot caps when its level changes (the weakest link)', async () => {
    const entities = withCatalogRelations(conformanceEntities());
    const { evaluator, store, catalog } = await setup(entities);
    await evaluator.refreshAll();
    const router = await store.getScorecard('component:default/intake-router');
    expect(router?.level).toBe('L0');
    expect(router?.cap).toEqual({
      level: 'L3',
      by: ['component:default/claims-summarizer'],
    });
    // The summarizer is brought up to the level of claims-triage.
    const triage = entities.find(e => e.metadata.name === 'claims-triage')!;
    const better = withCatalogRelations([
      ...entities.filter(e => e.metadata.name !== 'claims-summarizer'),
      {
        ...triage,
        metadata: { ...triage.metadata, name: 'claims-summarizer' },
      },
    ]);
    catalog.entities.splice(0, catalog.entities.length, ...better);
    await evaluator.refreshEntity('component:default/claims-summarizer');
    const after = await store.getScorecard('component:default/intake-router');
    expect(after?.cap).toBeNull();
    expect(after?.level).toBe('L3');
  });
});
