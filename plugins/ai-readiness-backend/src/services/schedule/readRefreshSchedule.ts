import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { readTaskSchedule } from './readTaskSchedule';

/** Every 30 minutes, at most 15 minutes a run, first run 15 seconds after start. */
export const DEFAULT_REFRESH_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { minutes: 30 },
    timeout: { minutes: 15 },
    initialDelay: { seconds: 15 },
  };

/**
 * The cadence of the refresh task from `aiReadiness.schedule` (defaults
 * filled in for what is not set). The scope is always global: one replica
 * runs each refresh.
 */
export function readRefreshSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  return readTaskSchedule(
    config,
    'aiReadiness.schedule',
    DEFAULT_REFRESH_SCHEDULE,
  );
}
