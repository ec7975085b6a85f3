import { ConfigReader } from '@backstage/config';
import { readRefreshSchedule } from './refreshTask';

describe('readRefreshSchedule', () => {
  it('defaults to every 30 minutes, globally', () => {
    expect(readRefreshSchedule(new ConfigReader({}))).toEqual({
      frequency: { minutes: 30 },
      timeout: { minutes: 15 },
      initialDelay: { seconds: 15 },
      scope: 'global',
    });
  });

  it('reads aiReadiness.schedule, filling in what is not set', () => {
    const schedule = readRefreshSchedule(
      new ConfigReader({
        aiReadiness: { schedule: { frequency: { hours: 2 } } },
      }),
    );
    expect(schedule.frequency).toEqual({ hours: 2 });
    expect(schedule.timeout).toEqual({ minutes: 15 });
    expect(schedule.scope).toBe('global');
    expect(
      readRefreshSchedule(
        new ConfigReader({
          aiReadiness: {
            schedule: { frequency: { cron: '0 * * * *' }, timeout: 'PT5M' },
          },
        }),
      ).frequency,
    ).toEqual({ cron: '0 * * * *' });
  });

  it('names the key of a bad cadence', () => {
    expect(() =>
      readRefreshSchedule(
        new ConfigReader({ aiReadiness: { schedule: { frequency: 'often' } } }),
      ),
    ).toThrow(/frequency/);
  });
});
