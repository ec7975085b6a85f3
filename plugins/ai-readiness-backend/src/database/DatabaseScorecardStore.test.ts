import { fakeScorecard } from '@ai-readiness/plugin-ai-readiness-common/testUtils';
import {
  createTestDatabases,
  scorecardStoreFor,
  storeOn,
} from '../__testUtils__/databases';
import { recordScorecards } from '../services/ScorecardRefresher/recordScorecards';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'DatabaseScorecardStore on %s',
  databaseId => {
    const createStore = () => storeOn(databases, databaseId, scorecardStoreFor);

    it('stores the latest scorecard per entity and bumps the revision on every write', async () => {
      const { store } = await createStore();
      const before = await store.getRevision();
      const card = fakeScorecard({
        entityRef: 'component:default/Claims-Triage',
        level: 'L2',
        score: 80,
      });
      await recordScorecards(store, [card]);
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
      await recordScorecards(store, [updated]);
      expect(await store.getRevision()).toBeGreaterThan(revision);
      expect(
        await store.getScorecard('COMPONENT:default/claims-triage'),
      ).toEqual(updated);
      expect(
        await store.getScorecard('component:default/other'),
      ).toBeUndefined();
    });

    it('writes what it is given: history rows and level drops only when asked, keyed by the normalised ref', async () => {
      const { store } = await createStore();
      const ref = 'component:default/a';
      const first = fakeScorecard({
        entityRef: 'Component:default/A',
        level: 'L2',
        score: 70,
        evaluatedAt: '2026-11-24T10:00:00.000Z',
      });
      expect(
        await store.writeScorecards([{ card: first, appendHistory: false }]),
      ).toEqual({ written: 1, historyRows: 0, drops: 0 });
      expect(await store.getHistory(ref)).toEqual([]);
      expect(
        await store.getPreviousStates([ref, 'component:default/b']),
      ).toEqual(
        new Map([
          [
            ref,
            {
              latest: { level: 'L2', evaluatedAt: '2026-11-24T10:00:00.000Z' },
            },
          ],
        ]),
      );

      const second = fakeScorecard({
        entityRef: ref,
        level: 'L1',
        score: 40,
        evaluatedAt: '2026-11-25T10:00:00.000Z',
      });
      const write = {
        card: second,
        appendHistory: true,
        drop: {
          fromLevel: 'L2' as const,
          previousEvaluatedAt: '2026-11-24T10:00:00.000Z',
        },
      };
      expect(await store.writeScorecards([write])).toEqual({
        written: 1,
        historyRows: 1,
        drops: 1,
      });
      // The same drop asked again is recorded once.
      expect((await store.writeScorecards([write])).drops).toBe(0);
      expect(await store.listPendingDrops()).toHaveLength(1);
      expect(
        (await store.getPreviousStates(['COMPONENT:default/A'])).get(ref),
      ).toEqual({
        latest: { level: 'L1', evaluatedAt: '2026-11-25T10:00:00.000Z' },
        lastHistory: { level: 'L1', score: 40, day: '2026-11-25' },
      });
    });

    it('deletes history rows before a time and beyond a count per pilot', async () => {
      const { store } = await createStore();
      for (let day = 1; day <= 4; day++) {
        await store.writeScorecards(
          ['a', 'b'].map(name => ({
            card: fakeScorecard({
              entityRef: `component:default/${name}`,
              evaluatedAt: `2026-11-0${day}T10:00:00.000Z`,
            }),
            appendHistory: true,
          })),
        );
      }
      expect(
        await store.deleteHistory({ before: '2026-11-02T10:00:00.000Z' }),
      ).toBe(2);
      expect(await store.deleteHistory({ keepPerEntity: 2 })).toBe(2);
      expect(
        (await store.getHistory('component:default/b')).map(h =>
          h.evaluatedAt.slice(0, 10),
        ),
      ).toEqual(['2026-11-03', '2026-11-04']);
      expect(await store.deleteHistory({})).toBe(0);
    });

    it('filters and sorts on the denormalised columns', async () => {
      const { store } = await createStore();
      await recordScorecards(store, [
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
          scope: { rule: 'agent', message: 'AiResource of spec.type agent' },
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
      expect(await refs({ scope: 'agent' })).toEqual(['component:default/b']);
      expect(await refs({ scope: 'tool-server' })).toEqual([]);
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
      await recordScorecards(store, [
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

      await recordScorecards(store, [
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

    it('removes the scorecards of entities that are gone, keeping their history', async () => {
      const { store } = await createStore();
      await recordScorecards(
        store,
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
      const result = await recordScorecards(store, cards);
      expect(result).toEqual({ written: 1200, historyRows: 1200, drops: 0 });
      expect(await store.queryRows({})).toHaveLength(1200);
    });
  },
);
