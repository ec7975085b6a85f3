import {
  createTestDatabases,
  evidenceStoreFor,
  storeOn,
} from '../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'DatabaseEvidenceStore on %s',
  databaseId => {
    async function createStore() {
      const { store } = await storeOn(databases, databaseId, evidenceStoreFor);
      return store;
    }

    it('stores results per (collector, target) and says which changed state', async () => {
      const store = await createStore();
      const url = 'https://wiki.example.com/runbook';
      const first = await store.writeResults([
        {
          collector: 'links',
          target: url,
          state: 'verified',
          detail: '200',
          checkedAt: '2026-11-27T09:00:00.000Z',
        },
        {
          collector: 'pagerduty',
          target: url, // same target, other collector: another item
          state: 'refuted',
          detail: 'service not found (404)',
          checkedAt: '2026-11-27T09:00:00.000Z',
        },
      ]);
      expect(first.changed).toEqual([
        { collector: 'links', target: url },
        { collector: 'pagerduty', target: url },
      ]);

      const second = await store.writeResults([
        {
          collector: 'links',
          target: url,
          state: 'verified',
          detail: '204',
          checkedAt: '2026-11-27T10:00:00.000Z',
        },
        {
          collector: 'pagerduty',
          target: url,
          state: 'verified',
          detail: '1 on call',
          checkedAt: '2026-11-27T10:00:00.000Z',
        },
      ]);
      expect(second.changed).toEqual([{ collector: 'pagerduty', target: url }]);

      const stored = await store.getResults([
        { collector: 'links', target: url },
        { collector: 'links', target: 'https://never.example.com' },
      ]);
      expect(stored).toEqual([
        {
          collector: 'links',
          target: url,
          state: 'verified',
          detail: '204',
          checkedAt: '2026-11-27T10:00:00.000Z',
        },
      ]);
      expect((await store.listResults()).length).toBe(2);
    });

    it('writes and reads many items in chunks', async () => {
      const store = await createStore();
      const results = Array.from({ length: 1234 }, (_, i) => ({
        collector: 'links',
        target: `https://wiki.example.com/p/${i}`,
        state: i % 3 === 0 ? ('refuted' as const) : ('verified' as const),
        detail: i % 3 === 0 ? '404' : '200',
        checkedAt: '2026-11-27T09:00:00.000Z',
      }));
      expect((await store.writeResults(results)).changed.length).toBe(1234);
      const back = await store.getResults(results);
      expect(back.length).toBe(1234);
      expect(back.filter(r => r.state === 'refuted').length).toBe(412);
      expect((await store.writeResults(results)).changed).toEqual([]);
    });

    it('deletes results checked before a time', async () => {
      const store = await createStore();
      await store.writeResults([
        {
          collector: 'links',
          target: 'https://old.example.com',
          state: 'verified',
          detail: '200',
          checkedAt: '2026-11-01T00:00:00.000Z',
        },
        {
          collector: 'links',
          target: 'https://new.example.com',
          state: 'verified',
          detail: '200',
          checkedAt: '2026-11-27T00:00:00.000Z',
        },
      ]);
      expect(
        await store.deleteCheckedBefore(new Date('2026-11-20T00:00:00Z')),
      ).toBe(1);
      expect((await store.listResults()).map(r => r.target)).toEqual([
        'https://new.example.com',
      ]);
    });
  },
);
