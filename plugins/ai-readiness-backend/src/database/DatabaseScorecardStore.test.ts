import { fakeScorecard } from '../__testUtils__/scorecards';
import {
  createTestDatabases,
  databaseServiceFor,
} from '../__testUtils__/databases';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'DatabaseScorecardStore on %s',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      const store = await DatabaseScorecardStore.create({
        database: databaseServiceFor(knex),
      });
      return { knex, store };
    }

    it('stores the latest scorecard per entity and bumps the revision on every write', async () => {
      const { store } = await createStore();
      const before = await store.getRevision();
      const card = fakeScorecard({
        entityRef: 'component:default/Claims-Triage',
        level: 'L2',
        score: 80,
      });
      await store.writeScorecards([card]);
      expect(await store.getRevision()).toBeGreaterThan(before);
      expect(
        await store.getScorecard('component:default/claims-triage'),
      ).toEqual(card);
      const updated = fakeScorecard({
        entityRef: 'component:default/Claims-Triage',
        level: 'L3',
        score: 95,
        evaluatedAt: '2026-11-25T11:00:00.000Z',
      });
      const revision = await store.getRevision();
      await store.writeScorecards([updated]);
      expect(await store.getRevision()).toBeGreaterThan(revision);
      expect(
        await store.getScorecard('COMPONENT:default/claims-triage'),
      ).toEqual(updated);
      expect(
        await store.getScorecard('component:default/other'),
      ).toBeUndefined();
    });

    it('filters and sorts on the denormalised columns', async () => {
      const { store } = await createStore();
      await store.writeScorecards([
        fakeScorecard({
          entityRef: 'component:default/a',
          title: 'Alpha 100% bot',
          owner: 'group:default/ML',
          system: 'system:default/claims',
          level: 'L1',
          score: 40,
          failing: { fallback: ['FB-2'] },
          evaluatedAt: '2026-11-25T10:00:00.000Z',
        }),
        fakeScorecard({
          entityRef: 'component:default/b',
          title: 'beta_assistant',
          owner: 'group:default/data',
          level: 'L2',
          score: 70,
          failing: { security: ['SEC-5'] },
          evaluatedAt: '2026-11-25T09:00:00.000Z',
        }),
        fakeScorecard({
          entityRef: 'resource:default/c',
          title: 'Gamma',
          owner: 'group:default/ml',
          system: 'system:default/claims',
          level: 'L3',
          score: 95,
          evaluatedAt: '2026-11-25T11:00:00.000Z',
        }),
      ]);
      const refs = async (q: Parameters<typeof store.queryRows>[0]) =>
        (await store.queryRows(q)).map(r => r.entityRef);

      expect(await refs({})).toEqual([
        'component:default/a',
        'component:default/b',
        'resource:default/c',
      ]);
      expect(await refs({ owner: 'group:default/ml' })).toEqual([
        'component:default/a',
        'resource:default/c',
      ]);
      expect(
        await refs({ system: 'system:default/claims', level: 'L3' }),
      ).toEqual(['resource:default/c']);
      expect(await refs({ dimension: 'fallback' })).toEqual([
        'component:default/a',
      ]);
      expect(await refs({ dimension: 'security' })).toEqual([
        'component:default/b',
      ]);
      expect(await refs({ dimension: 'data' })).toEqual([]);
      // Text search is case-insensitive and treats % and _ literally.
      expect(await refs({ q: 'ALPHA' })).toEqual(['component:default/a']);
      expect(await refs({ q: '100%' })).toEqual(['component:default/a']);
      expect(await refs({ q: 'a_a' })).toEqual(['component:default/b']);
      expect(await refs({ q: '%' })).toEqual(['component:default/a']);
      expect(await refs({ q: 'group:default/data' })).toEqual([
        'component:default/b',
      ]);

      expect(await refs({ orderBy: 'score', order: 'desc' })).toEqual([
        'resource:default/c',
        'component:default/b',
        'component:default/a',
      ]);
      expect(await refs({ orderBy: 'level', order: 'asc' })).toEqual([
        'component:default/a',
        'component:default/b',
        'resource:default/c',
      ]);
      expect(await refs({ orderBy: 'evaluatedAt', order: 'asc' })).toEqual([
        'component:default/b',
        'component:default/a',
        'resource:default/c',
      ]);
      expect(await refs({ orderBy: 'title', order: 'desc' })).toEqual([
        'resource:default/c',
        'component:default/b',
        'component:default/a',
      ]);

      const [row] = await store.queryRows({ q: 'alpha' });
      expect(row).toEqual({
        entityRef: 'component:default/a',
        kind: 'component',
        namespace: 'default',
        name: 'a',
        title: 'Alpha 100% bot',
        owner: 'group:default/ml',
        system: 'system:default/claims',
        level: 'L1',
        score: 40,
        failingChecks: ['FB-2'],
        dimensionScores: {
          ownership: 1,
          data: 1,
          integration: 1,
          fallback: 0,
          monitoring: 1,
          security: 1,
          operations: 1,
        },
        evaluatedAt: '2026-11-25T10:00:00.000Z',
      });
      expect(await store.listKinds()).toEqual(['component', 'resource']);

      const summaries = await store.getSummaries([
        'resource:default/c',
        'component:default/missing',
        'component:default/a',
      ]);
      expect(summaries.map(s => s.entityRef)).toEqual([
        'resource:default/c',
        'component:default/a',
      ]);
      expect(summaries[1].failingChecks).toEqual(['FB-2']);
      expect((summaries[1].dimensions[0] as any).checks).toBeUndefined();
    });

    it('filters pilots with refuted evidence, and follows a change of the count', async () => {
      const { store } = await createStore();
      const counts = (refuted: number) => ({
        verified: 1,
        unverified: 0,
        refuted,
      });
      await store.writeScorecards([
        {
          ...fakeScorecard({ entityRef: 'component:default/a' }),
          evidence: counts(1),
        },
        {
          ...fakeScorecard({ entityRef: 'component:default/b' }),
          evidence: counts(0),
        },
        // Stored before evidence existed: no counts at all.
        fakeScorecard({ entityRef: 'component:default/c' }),
      ]);
      const refs = async () =>
        (await store.queryRows({ evidence: 'refuted' })).map(r => r.entityRef);
      expect(await refs()).toEqual(['component:default/a']);
      const [summary] = await store.getSummaries(['component:default/a']);
      expect(summary.evidence).toEqual(counts(1));

      await store.writeScorecards([
        {
          ...fakeScorecard({
            entityRef: 'component:default/a',
            evaluatedAt: '2026-11-26T10:00:00.000Z',
          }),
          evidence: counts(0),
        },
        {
          ...fakeScorecard({
            entityRef: 'component:default/c',
            evaluatedAt: '2026-11-26T10:00:00.000Z',
          }),
          evidence: counts(3),
        },
      ]);
      expect(await refs()).toEqual(['component:default/c']);
      expect(await store.queryRows({})).toHaveLength(3);
    });

    it('appends history on a change of level or score and at most once more per day', async () => {
      const { store } = await createStore();
      const ref = 'component:default/a';
      const write = (evaluatedAt: string, level: 'L1' | 'L2', score: number) =>
        store.writeScorecards([
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
          await store.writeScorecards([
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
      expect(await store.pruneHistory({ maxAgeDays: 3 }, now)).toBe(2 * 2);
      expect(
        (await store.getHistory('component:default/a')).map(h =>
          h.evaluatedAt.slice(0, 10),
        ),
      ).toEqual(['2026-11-03', '2026-11-04', '2026-11-05']);
      expect(await store.pruneHistory({ maxEntriesPerEntity: 2 }, now)).toBe(
        2 * 1,
      );
      for (const name of ['a', 'b']) {
        expect(
          (await store.getHistory(`component:default/${name}`)).map(h =>
            h.evaluatedAt.slice(0, 10),
          ),
        ).toEqual(['2026-11-04', '2026-11-05']);
      }
      expect(await store.pruneHistory({}, now)).toBe(0);
    });

    it('records each level drop once and lets exactly one claimer notify it', async () => {
      const { store } = await createStore();
      const ref = 'component:default/a';
      await store.writeScorecards([
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
      expect((await store.writeScorecards([dropped])).drops).toBe(1);
      // The same evaluation written again (a re-run) records nothing new.
      expect((await store.writeScorecards([dropped])).drops).toBe(0);
      // Staying at L1 is no drop either.
      expect(
        (
          await store.writeScorecards([
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

    it('removes the scorecards of entities that are gone, keeping their history', async () => {
      const { store } = await createStore();
      await store.writeScorecards(
        ['a', 'b', 'c'].map(n =>
          fakeScorecard({ entityRef: `component:default/${n}` }),
        ),
      );
      expect(
        await store.deleteScorecardsExcept(new Set(['component:default/b'])),
      ).toBe(2);
      expect((await store.queryRows({})).map(r => r.entityRef)).toEqual([
        'component:default/b',
      ]);
      expect(await store.getHistory('component:default/a')).toHaveLength(1);
      expect(await store.deleteScorecards(['Component:default/B'])).toBe(1);
      expect(await store.queryRows({})).toEqual([]);
    });

    it('writes thousands of scorecards in one call', async () => {
      const { store } = await createStore();
      const cards = Array.from({ length: 1200 }, (_, i) =>
        fakeScorecard({
          entityRef: `component:default/p-${i}`,
          score: i % 100,
        }),
      );
      const result = await store.writeScorecards(cards);
      expect(result).toEqual({ written: 1200, historyRows: 1200, drops: 0 });
      expect(await store.queryRows({})).toHaveLength(1200);
    });
  },
);
