import { fakeScorecard } from '@ai-readiness/plugin-ai-readiness-common/testUtils';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  databaseServiceFor,
  scorecardStoreFor,
} from '../../__testUtils__/databases';
import { recordScorecards } from '../ScorecardRefresher/recordScorecards';
import { createLevelDropNotifier } from './createLevelDropNotifier';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function storeWithDrop() {
  const knex = await databases.init('SQLITE_3');
  const store = await scorecardStoreFor({
    database: databaseServiceFor(knex),
  });
  const ref = 'component:default/claims-triage';
  await recordScorecards(store, [
    fakeScorecard({
      entityRef: ref,
      level: 'L3',
      evaluatedAt: '2026-11-24T10:00:00.000Z',
    }),
  ]);
  await recordScorecards(store, [
    fakeScorecard({
      entityRef: ref,
      title: 'Claims triage',
      owner: 'group:default/ml',
      level: 'L1',
      evaluatedAt: '2026-11-25T10:00:00.000Z',
    }),
  ]);
  return store;
}

describe('createLevelDropNotifier', () => {
  it('notifies the owner of each drop once', async () => {
    const store = await storeWithDrop();
    const notifications = { send: jest.fn(async () => {}) };
    const notifier = createLevelDropNotifier({
      store,
      notifications,
      logger: mockServices.logger.mock(),
    });
    expect(await notifier.notifyPending()).toBe(1);
    expect(notifications.send).toHaveBeenCalledWith({
      recipients: { type: 'entity', entityRef: 'group:default/ml' },
      payload: {
        title: 'AI readiness of Claims triage dropped from L3 to L1',
        description: expect.stringContaining(
          'now L1 (Pilot), down from L3 (Production)',
        ),
        link: '/catalog/default/component/claims-triage',
        severity: 'high',
        topic: 'ai-readiness',
      },
    });
    expect(await notifier.notifyPending()).toBe(0);
    expect(notifications.send).toHaveBeenCalledTimes(1);
  });

  it('retries a drop whose notification failed, on the next run', async () => {
    const store = await storeWithDrop();
    const notifications = {
      send: jest
        .fn(async () => {})
        .mockRejectedValueOnce(new Error('notifications backend unavailable')),
    };
    const logger = mockServices.logger.mock();
    const notifier = createLevelDropNotifier({ store, notifications, logger });
    expect(await notifier.notifyPending()).toBe(0);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('unavailable'),
    );
    expect(await notifier.notifyPending()).toBe(1);
    expect(notifications.send).toHaveBeenCalledTimes(2);
    expect(await notifier.notifyPending()).toBe(0);
  });

  it('marks drops handled without sending when disabled', async () => {
    const store = await storeWithDrop();
    const notifications = { send: jest.fn(async () => {}) };
    const notifier = createLevelDropNotifier({
      store,
      notifications,
      logger: mockServices.logger.mock(),
      enabled: false,
    });
    expect(await notifier.notifyPending()).toBe(0);
    expect(notifications.send).not.toHaveBeenCalled();
    expect(await store.listPendingDrops()).toEqual([]);
  });
});
