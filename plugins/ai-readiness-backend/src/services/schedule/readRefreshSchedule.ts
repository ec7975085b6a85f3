import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, ConfigReader } from '@backstage/config';

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
  const configured = config.getOptionalConfig('aiReadiness.schedule');
  if (!configured) return { ...DEFAULT_REFRESH_SCHEDULE, scope: 'global' };
  const merged = new ConfigReader(
    {
      timeout: DEFAULT_REFRESH_SCHEDULE.timeout as any,
      initialDelay: DEFAULT_REFRESH_SCHEDULE.initialDelay as any,
      ...configured.get<Record<string, any>>(),
    },
    'aiReadiness.schedule',
  );
  return {
    ...readSchedulerServiceTaskScheduleDefinitionFromConfig(merged),
    scope: 'global',
  };
}
