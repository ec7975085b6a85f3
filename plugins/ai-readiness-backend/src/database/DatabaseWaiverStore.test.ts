import type { WaiverRequest } from '@ai-readiness/plugin-ai-readiness-common';
import {
  createTestDatabases,
  storeOn,
  waiverStoreFor,
} from '../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

function request(patch: Partial<WaiverRequest> = {}): WaiverRequest {
  return {
    id: 'req-1',
    entityRef: 'component:default/Assistant',
    checkId: 'SEC-2',
    category: 'mitigated',
    justification: 'the vendor DPA covers the prompts we send',
    expires: '2027-01-31',
    controlUrl: 'https://controls.example.com/dpa',
    ticket: 'RISK-12',
    requestedBy: 'user:default/owner',
    requestedAt: '2026-11-20T10:00:00.000Z',
    state: 'pending',
    ...patch,
  };
}

describe.each(databases.eachSupportedId())(
  'DatabaseWaiverStore on %s',
  databaseId => {
    async function createStore() {
      return (await storeOn(databases, databaseId, waiverStoreFor)).store;
    }

    it('stores a request with its first audit entry and reads it back', async () => {
      const store = await createStore();
      await store.create(request());
      const got = await store.get('req-1');
      expect(got).toEqual({
        ...request({ entityRef: 'component:default/assistant' }),
        decidedBy: null,
        decidedAt: null,
        comment: null,
        audit: [
          {
            at: '2026-11-20T10:00:00.000Z',
            by: 'user:default/owner',
            from: null,
            to: 'pending',
            comment: 'the vendor DPA covers the prompts we send',
          },
        ],
      });
      expect(await store.get('nope')).toBeUndefined();
    });

    it('moves a request only from the state it is in, recording each change', async () => {
      const store = await createStore();
      await store.create(request());
      const approved = await store.transition({
        id: 'req-1',
        from: 'pending',
        to: 'approved',
        by: 'user:default/risk-lead',
        at: '2026-11-21T09:00:00.000Z',
        comment: 'ok for two months',
        decision: true,
      });
      expect(approved).toMatchObject({
        state: 'approved',
        decidedBy: 'user:default/risk-lead',
        decidedAt: '2026-11-21T09:00:00.000Z',
        comment: 'ok for two months',
      });
      // A second decision finds it no longer pending.
      expect(
        await store.transition({
          id: 'req-1',
          from: 'pending',
          to: 'denied',
          by: 'user:default/other',
          at: '2026-11-21T09:01:00.000Z',
          comment: null,
          decision: true,
        }),
      ).toBeUndefined();
      const lapsed = await store.transition({
        id: 'req-1',
        from: 'approved',
        to: 'lapsed',
        by: 'system',
        at: '2026-11-22T09:00:00.000Z',
        comment: 'control refuted',
      });
      // Expiry and lapse keep the decision as it was.
      expect(lapsed).toMatchObject({
        state: 'lapsed',
        decidedBy: 'user:default/risk-lead',
      });
      const got = await store.get('req-1');
      expect(got!.audit.map(a => [a.from, a.to, a.by])).toEqual([
        [null, 'pending', 'user:default/owner'],
        ['pending', 'approved', 'user:default/risk-lead'],
        ['approved', 'lapsed', 'system'],
      ]);
    });

    it('lists by pilot, state and check, newest first', async () => {
      const store = await createStore();
      await store.create(request());
      await store.create(
        request({
          id: 'req-2',
          checkId: 'FB-2',
          entityRef: 'component:default/other',
          requestedAt: '2026-11-23T10:00:00.000Z',
        }),
      );
      await store.transition({
        id: 'req-2',
        from: 'pending',
        to: 'denied',
        by: 'user:default/risk-lead',
        at: '2026-11-24T10:00:00.000Z',
        comment: 'no',
        decision: true,
      });
      expect((await store.list({})).map(r => r.id)).toEqual(['req-2', 'req-1']);
      expect(
        (await store.list({ entityRef: 'component:default/ASSISTANT' })).map(
          r => r.id,
        ),
      ).toEqual(['req-1']);
      expect((await store.list({ states: ['denied'] })).map(r => r.id)).toEqual(
        ['req-2'],
      );
      expect((await store.list({ checkId: 'SEC-2' })).map(r => r.id)).toEqual([
        'req-1',
      ]);
    });

    it('claims the expiry reminder once', async () => {
      const store = await createStore();
      await store.create(request());
      expect(await store.claimReminder('req-1', '2026-12-01T00:00:00Z')).toBe(
        true,
      );
      expect(await store.claimReminder('req-1', '2026-12-01T00:01:00Z')).toBe(
        false,
      );
    });
  },
);
