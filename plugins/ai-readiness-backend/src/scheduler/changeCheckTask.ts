import type {
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { ChangeCheck } from '../services/ChangeCheck/types';
import { readScheduleOf, TASK_SCHEDULES } from './readConfig';

/** Id of the change check task. */
export const CHANGE_CHECK_TASK_ID = 'ai-readiness-change-check';

/** The change check's default cadence. */
export const DEFAULT_CHANGE_CHECK_SCHEDULE =
  TASK_SCHEDULES.changeCheck.defaults;

/** The change check's cadence from `aiReadiness.changeCheckSchedule`. */
export function readChangeCheckSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  return readScheduleOf(config, 'changeCheck');
}

/**
 * Re-evaluates what changed in the catalog since the last evaluation (one
 * replica a run). Its first run after start-up also covers a store that is
 * empty or older than the catalog: nothing recorded means a full refresh as
 * soon as the catalog holds candidates, retried every run until it does.
 */
export async function scheduleChangeCheckTask(options: {
  check: Pick<ChangeCheck, 'run'>;
  schedule: SchedulerServiceTaskScheduleDefinition;
  scheduler: SchedulerService;
}): Promise<void> {
  await options.scheduler.scheduleTask({
    id: CHANGE_CHECK_TASK_ID,
    ...options.schedule,
    scope: 'global',
    fn: async () => {
      await options.check.run();
    },
  });
}
