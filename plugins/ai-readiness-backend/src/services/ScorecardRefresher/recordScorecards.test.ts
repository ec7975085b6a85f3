import { fakeScorecard } from '@ai-readiness/plugin-ai-readiness-common/testUtils';
import {
  createTestDatabases,
  scorecardStoreFor,
  storeOn,
} from '../../__testUtils__/databases';
import { recordScorecards, retentionDeletion } from './recordScorecards';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'recordScorecards (history and level-drop policy) on %s',
  databaseId => {
    const createStore = () => storeOn(databases, databaseId, scorecardStoreFor);

    it('appends history on a change of level or score and at most once more per day', async () => {
      const { store } = await createStore();
      const ref = 'component:default/a';
      const write = (evaluatedAt: string, level: 'L1' | 'L2', score: number) =>
        recordScorecards(store, [
          fakeScorecard({ entityRef: ref, evaluatedAt, level, score }),
        ]);

      expect(
        (await write('2026-11-20T10:00:00.000Z', 'L1', 40)).historyRows,
      ).toBe(1);
      expect(
        (await write('2026-11-20T10:30:00.000Z', 'L1', 40)).historyRows,
      ).toBe(0);
      expect(
        (await write('2026-11-20T11:00:00.000Z', 'L1', 45)).historyRows,
      ).toBe(1);
      expect(
        (await write('2026-11-20T11:30:00.000Z', 'L2', 45)).historyRows,
      ).toBe(1);
      expect(
        (await write('2026-11-21T09:00:00.000Z', 'L2', 45)).historyRows,
      ).toBe(1);
      expect(
        (await write('2026-11-21T10:00:00.000Z', 'L2', 45)).historyRows,
      ).toBe(0);

      const history = await store.getHistory(ref);
      expect(history.map(h => [h.evaluatedAt, h.level, h.score])).toEqual([
        ['2026-11-20T10:00:00.000Z', 'L1', 40],
        ['2026-11-20T11:00:00.000Z', 'L1', 45],
        ['2026-11-20T11:30:00.000Z', 'L2', 45],
        ['2026-11-21T09:00:00.000Z', 'L2', 45],
      ]);
      expect(history[0].dimensions).toEqual({
        ownership: 1,
        data: 1,
        integration: 1,
        fallback: 1,
        monitoring: 1,
        security: 1,
        operations: 1,
      });
      const ranged = await store.getHistory(ref, {
        from: '2026-11-20T11:00:00.000Z',
        to: '2026-11-20T23:59:59.999Z',
      });
      expect(ranged.map(h => h.evaluatedAt)).toEqual([
        '2026-11-20T11:00:00.000Z',
        '2026-11-20T11:30:00.000Z',
      ]);
      expect(await store.getHistory('component:default/none')).toEqual([]);
    });

    it('applies history retention by age and by count per entity', async () => {
      const { store } = await createStore();
      for (let day = 1; day <= 5; day++) {
        for (const name of ['a', 'b']) {
          await recordScorecards(store, [
            fakeScorecard({
              entityRef: `component:default/${name}`,
              evaluatedAt: `2026-11-0${day}T10:00:00.000Z`,
            }),
          ]);
        }
      }
      expect(await store.getHistory('component:default/a')).toHaveLength(5);
      const now = new Date('2026-11-05T12:00:00.000Z');
      // The cut-off is 2026-11-02T12:00: days 1 and 2 go, for both pilots.
      expect(
        await store.deleteHistory(retentionDeletion({ maxAgeDays: 3 }, now)),
      ).toBe(2 * 2);
      expect(
        (await store.getHistory('component:default/a')).map(h =>
          h.evaluatedAt.slice(0, 10),
        ),
      ).toEqual(['2026-11-03', '2026-11-04', '2026-11-05']);
      expect(
        await store.deleteHistory(
          retentionDeletion({ maxEntriesPerEntity: 2 }, now),
        ),
      ).toBe(2 * 1);
      for (const name of ['a', 'b']) {
        expect(
          (await store.getHistory(`component:default/${name}`)).map(h =>
            h.evaluatedAt.slice(0, 10),
          ),
        ).toEqual(['2026-11-04', '2026-11-05']);
      }
      expect(await store.deleteHistory(retentionDeletion({}, now))).toBe(0);
    });

    it('records each level drop once and lets exactly one claimer notify it', async () => {
      const { store } = await createStore();
      const ref = 'component:default/a';
      await recordScorecards(store, [
        fakeScorecard({
          entityRef: ref,
          level: 'L2',
          evaluatedAt: '2026-11-24T10:00:00.000Z',
        }),
      ]);
      expect(await store.listPendingDrops()).toEqual([]);
      const dropped = fakeScorecard({
        entityRef: ref,
        title: 'Alpha',
        owner: 'group:default/ML',
        level: 'L1',
        evaluatedAt: '2026-11-25T10:00:00.000Z',
      });
      expect((await recordScorecards(store, [dropped])).drops).toBe(1);
      // The same evaluation written again (a re-run) records nothing new.
      expect((await recordScorecards(store, [dropped])).drops).toBe(0);
      // Staying at L1 is no drop either.
      expect(
        (
          await recordScorecards(store, [
            fakeScorecard({
              entityRef: ref,
              level: 'L1',
              evaluatedAt: '2026-11-25T11:00:00.000Z',
            }),
          ])
        ).drops,
      ).toBe(0);

      const pending = await store.listPendingDrops();
      expect(pending).toEqual([
        {
          id: expect.any(Number),
          entityRef: ref,
          title: 'Alpha',
          owner: 'group:default/ML',
          fromLevel: 'L2',
          toLevel: 'L1',
          evaluatedAt: '2026-11-25T10:00:00.000Z',
        },
      ]);
      const at = new Date('2026-11-25T10:00:01.000Z');
      const claims = await Promise.all([
        store.claimDrop(pending[0].id, at),
        store.claimDrop(pending[0].id, at),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.listPendingDrops()).toEqual([]);
      await store.releaseDrop(pending[0].id);
      expect(await store.listPendingDrops()).toHaveLength(1);
    });
  },
);
