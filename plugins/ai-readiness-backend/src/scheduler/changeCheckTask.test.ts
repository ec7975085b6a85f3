import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  CHANGE_CHECK_TASK_ID,
  readChangeCheckSchedule,
  scheduleChangeCheckTask,
} from './changeCheckTask';

describe('the change check task', () => {
  it('runs every minute by default, first 30 seconds after start, on one replica', async () => {
    const schedule = readChangeCheckSchedule(new ConfigReader({}));
    expect(schedule).toEqual({
      frequency: { minutes: 1 },
      timeout: { minutes: 5 },
      initialDelay: { seconds: 30 },
      scope: 'global',
    });
    const scheduler = mockServices.scheduler.mock();
    const run = jest.fn(async () => ({} as any));
    await scheduleChangeCheckTask({ check: { run }, schedule, scheduler });
    const task = scheduler.scheduleTask.mock.calls[0][0];
    expect(task).toMatchObject({ id: CHANGE_CHECK_TASK_ID, scope: 'global' });
    await task.fn(new AbortController().signal);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('takes its cadence from aiReadiness.changeCheckSchedule and names the key when it is bad', () => {
    expect(
      readChangeCheckSchedule(
        new ConfigReader({
          aiReadiness: { changeCheckSchedule: { frequency: 'PT5M' } },
        }),
      ),
    ).toMatchObject({ frequency: { minutes: 5 }, timeout: { minutes: 5 } });
    expect(() =>
      readChangeCheckSchedule(
        new ConfigReader({
          aiReadiness: { changeCheckSchedule: { frequency: 'often' } },
        }),
      ),
    ).toThrow(/aiReadiness\.changeCheckSchedule/);
  });
});
