import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import {
  createRefreshScheduler,
  EMPTY_CATALOG_RETRIES,
  REFRESH_RETRY_TASK_ID,
  REFRESH_TASK_ID,
} from './refreshTask';
import type { RefreshReport } from '../services/ScorecardRefresher/types';

function report(pilots: number): RefreshReport {
  return {
    entities: pilots,
    pilots,
    failed: 0,
    removed: 0,
    historyRows: 0,
    drops: 0,
    durationMs: 1,
  };
}

async function setup(pilotsPerRun: number[]) {
  const scheduler = mockServices.scheduler.mock();
  const tasks = new Map<string, any>();
  scheduler.scheduleTask.mockImplementation(async task => {
    tasks.set(task.id, task);
  });
  const refreshAll = jest.fn(async () => report(pilotsPerRun.shift() ?? 0));
  // The refresh task runs when triggered, as the real scheduler would.
  scheduler.triggerTask.mockImplementation(async id => {
    await tasks.get(id).fn(new AbortController().signal);
  });
  const refresh = createRefreshScheduler({
    scheduler,
    refresher: { refreshAll },
    logger: mockServices.logger.mock(),
    schedule: { frequency: { minutes: 30 }, timeout: { minutes: 15 } },
  });
  await refresh.start();
  const run = (id: string) => tasks.get(id).fn(new AbortController().signal);
  return { scheduler, tasks, refreshAll, refresh, run };
}

describe('createRefreshScheduler', () => {
  it('schedules the refresh as a global task with the configured cadence', async () => {
    const { tasks } = await setup([]);
    expect(tasks.get(REFRESH_TASK_ID)).toMatchObject({
      scope: 'global',
      frequency: { minutes: 30 },
      timeout: { minutes: 15 },
    });
    expect(tasks.get(REFRESH_RETRY_TASK_ID)).toMatchObject({
      scope: 'local',
      frequency: { seconds: 30 },
    });
  });

  it('retries after a refresh that found no pilot, until one finds some', async () => {
    const { run, refreshAll } = await setup([0, 0, 3]);
    // Nothing to retry before the first refresh.
    await run(REFRESH_RETRY_TASK_ID);
    expect(refreshAll).toHaveBeenCalledTimes(0);
    await run(REFRESH_TASK_ID); // 0 pilots
    await run(REFRESH_RETRY_TASK_ID); // → 0 pilots
    await run(REFRESH_RETRY_TASK_ID); // → 3 pilots
    expect(refreshAll).toHaveBeenCalledTimes(3);
    await run(REFRESH_RETRY_TASK_ID);
    await run(REFRESH_RETRY_TASK_ID);
    expect(refreshAll).toHaveBeenCalledTimes(3);
  });

  it(`stops asking after ${EMPTY_CATALOG_RETRIES} retries`, async () => {
    const { run, refreshAll } = await setup([]);
    await run(REFRESH_TASK_ID);
    for (let i = 0; i < EMPTY_CATALOG_RETRIES + 5; i++) {
      await run(REFRESH_RETRY_TASK_ID);
    }
    expect(refreshAll).toHaveBeenCalledTimes(1 + EMPTY_CATALOG_RETRIES);
  });

  it('answers a refresh request while one runs without an error', async () => {
    const { scheduler, refresh } = await setup([]);
    scheduler.triggerTask.mockRejectedValueOnce(new ConflictError('running'));
    await expect(refresh.triggerRefresh()).resolves.toBeUndefined();
    scheduler.triggerTask.mockRejectedValueOnce(new Error('database down'));
    await expect(refresh.triggerRefresh()).rejects.toThrow('database down');
  });
});
