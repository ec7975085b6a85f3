import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, ConfigReader } from '@backstage/config';

/**
 * A task's cadence from the schedule at `key` (the defaults' timeout and
 * initial delay filled in where the key does not set them; the defaults whole
 * when the key is absent). The scope is always global: one replica runs each
 * run. Backstage's reader throws, naming the key, on a bad value.
 */
export function readTaskSchedule(
  config: Config,
  key: string,
  defaults: SchedulerServiceTaskScheduleDefinition,
): SchedulerServiceTaskScheduleDefinition {
  const configured = config.getOptionalConfig(key);
  if (!configured) return { ...defaults, scope: 'global' };
  const merged = new ConfigReader(
    {
      timeout: defaults.timeout as any,
      initialDelay: defaults.initialDelay as any,
      ...configured.get<Record<string, any>>(),
    },
    key,
  );
  return {
    ...readSchedulerServiceTaskScheduleDefinitionFromConfig(merged),
    scope: 'global',
  };
}
