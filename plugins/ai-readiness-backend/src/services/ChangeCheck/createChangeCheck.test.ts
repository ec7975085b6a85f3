import type { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import {
  component,
  group,
} from '@ai-readiness/plugin-ai-readiness-common/testUtils';
import { createReadinessEngine } from '@ai-readiness/plugin-ai-readiness-common';
import { createTestDatabases, storesFor } from '../../__testUtils__/databases';
import { filteringCatalog } from '../../__testUtils__/filteringCatalog';
import { createCatalogReader } from '../CatalogReader/createCatalogReader';
import { createReadinessEvaluator } from '../ReadinessEvaluator/createReadinessEvaluator';
import { createScorecardRefresher } from '../ScorecardRefresher/createScorecardRefresher';
import { createChangeCheck } from './createChangeCheck';
import { createReadsRecorder } from './recordReads';

jest.setTimeout(60_000);

const databases = createTestDatabases();

/** An entity with an etag, as the catalog sends it. */
function tagged(entity: Entity, etag: string): Entity {
  return { ...entity, metadata: { ...entity.metadata, etag } };
}

const keyOf = (e: Entity) =>
  `${e.kind}:${e.metadata.namespace ?? 'default'}/${
    e.metadata.name
  }`.toLowerCase();

async function setup(databaseId: any, entities: Entity[], maxSingle?: number) {
  const knex = await databases.init(databaseId);
  const { scorecardStore, changeStore } = await storesFor({
    database: { getClient: async () => knex },
  });
  // Looked up afresh on every read: the tests edit the list in place.
  const catalog = filteringCatalog({
    get size() {
      return entities.length;
    },
    at: (i: number) => entities[i],
    indexOf: (key: string) => {
      const i = entities.findIndex(e => keyOf(e) === key);
      return i < 0 ? undefined : i;
    },
  });
  const engine = createReadinessEngine();
  const reader = createCatalogReader({ engine, catalog });
  const logger = mockServices.logger.mock();
  let clock = Date.parse('2026-12-01T10:00:00.000Z');
  const now = () => new Date(clock);
  const refresher = createScorecardRefresher({
    reader,
    evaluator: createReadinessEvaluator({ engine, reader, now }),
    auth: mockServices.auth(),
    store: scorecardStore,
    logger,
    reads: createReadsRecorder({ engine, store: changeStore, logger }),
    now,
  });
  const refreshAll = jest.spyOn(refresher, 'refreshAll');
  const refreshEntities = jest.spyOn(refresher, 'refreshEntities');
  /** The refs of each batch the change check re-evaluated, sorted. */
  const batches = () => refreshEntities.mock.calls.map(c => [...c[0]].sort());
  const check = createChangeCheck({
    reader,
    refresher,
    store: changeStore,
    auth: mockServices.auth(),
    logger,
    maxSingle,
  });
  const evaluatedAt = async (ref: string) =>
    (await scorecardStore.getScorecard(ref))?.evaluatedAt;
  return {
    check,
    catalog,
    refreshAll,
    refreshEntities,
    batches,
    evaluatedAt,
    scorecardStore,
    tick: () => {
      clock += 60_000;
    },
  };
}

describe.each(databases.eachSupportedId())('change check on %s', id => {
  it('waits for the catalog, then refreshes everything once, then reads only etags', async () => {
    const entities: Entity[] = [];
    const t = await setup(id, entities);
    expect((await t.check.run()).mode).toBe('waiting');
    expect(t.refreshAll).not.toHaveBeenCalled();

    entities.push(
      tagged(group('ml'), 'g1'),
      tagged(component('a'), 'a1'),
      tagged(component('b', { owner: 'group:default/data' }), 'b1'),
      tagged(group('data'), 'd1'),
    );
    expect((await t.check.run()).mode).toBe('full');
    expect(await t.evaluatedAt('component:default/a')).toBeDefined();
    expect(await t.evaluatedAt('component:default/b')).toBeDefined();

    t.catalog.requests.length = 0;
    const quiet = await t.check.run();
    expect(quiet).toMatchObject({
      mode: 'incremental',
      changed: 0,
      added: 0,
      reevaluated: 0,
    });
    expect(quiet.watched).toBeGreaterThanOrEqual(4);
    expect(t.refreshEntities).not.toHaveBeenCalled();
    // A quiet tick reads identity and etags, nothing else.
    expect(t.catalog.requests.length).toBeGreaterThan(0);
    for (const request of t.catalog.requests)
      expect(request.fields?.sort()).toEqual(
        ['kind', 'metadata.etag', 'metadata.name', 'metadata.namespace'].sort(),
      );
  });

  it('re-evaluates only the pilots whose inputs changed, new pilots, and removes gone ones', async () => {
    const entities: Entity[] = [
      tagged(group('ml'), 'g1'),
      tagged(group('data'), 'd1'),
      tagged(component('a'), 'a1'),
      tagged(component('b', { owner: 'group:default/data' }), 'b1'),
    ];
    const t = await setup(id, entities);
    await t.check.run();
    const a0 = await t.evaluatedAt('component:default/a');
    const b0 = await t.evaluatedAt('component:default/b');

    // An annotation edited on pilot a: only a is re-evaluated.
    t.tick();
    entities[2] = tagged(
      component('a', {}, { annotations: { 'pagerduty.com/service-id': 'P1' } }),
      'a2',
    );
    const edited = await t.check.run();
    expect(edited).toMatchObject({ mode: 'incremental', changed: 1 });
    expect(t.batches()).toEqual([['component:default/a']]);
    expect(await t.evaluatedAt('component:default/a')).not.toBe(a0);
    expect(await t.evaluatedAt('component:default/b')).toBe(b0);
    const card = await t.scorecardStore.getScorecard('component:default/a');
    expect(JSON.stringify(card)).toContain(
      'pagerduty.com/service-id on the pilot',
    );

    // The Group that owns b changed: b, not a.
    t.tick();
    t.refreshEntities.mockClear();
    entities[1] = tagged(group('data', 'ml'), 'd2');
    await t.check.run();
    expect(t.batches()).toEqual([['component:default/b']]);
    expect(await t.evaluatedAt('component:default/b')).not.toBe(b0);

    // A new pilot appears; pilot b goes.
    t.refreshEntities.mockClear();
    entities.push(tagged(component('c'), 'c1'));
    entities.splice(3, 1);
    const moved = await t.check.run();
    expect(moved).toMatchObject({ added: 1 });
    expect(t.batches()).toEqual([
      ['component:default/b', 'component:default/c'],
    ]);
    expect(await t.evaluatedAt('component:default/c')).toBeDefined();
    expect(await t.evaluatedAt('component:default/b')).toBeUndefined();
    expect(t.refreshAll).toHaveBeenCalledTimes(1);

    // And then it is quiet again.
    t.refreshEntities.mockClear();
    expect(await t.check.run()).toMatchObject({ changed: 0, added: 0 });
    expect(t.refreshEntities).not.toHaveBeenCalled();
  });

  it('runs a full refresh when more pilots changed than it re-evaluates one by one', async () => {
    const entities: Entity[] = [
      tagged(group('ml'), 'g1'),
      tagged(component('a'), 'a1'),
      tagged(component('b'), 'b1'),
    ];
    const t = await setup(id, entities, 1);
    await t.check.run();
    entities[0] = tagged(group('ml'), 'g2');
    expect((await t.check.run()).mode).toBe('full');
    expect(t.refreshAll).toHaveBeenCalledTimes(2);
    expect(t.refreshEntities).not.toHaveBeenCalled();
    expect((await t.check.run()).changed).toBe(0);
  });
});
