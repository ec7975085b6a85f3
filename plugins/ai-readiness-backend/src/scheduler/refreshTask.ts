import type {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { readScheduleOf } from './readConfig';
import type { ScorecardRefresher } from '../services/ScorecardRefresher/types';
import type { RefreshScheduler } from './types';

/** The refresh task's cadence from `aiReadiness.schedule`. */
export function readRefreshSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  return readScheduleOf(config, 'refresh');
}

/** Id of the scheduled refresh task. */
export const REFRESH_TASK_ID = 'ai-readiness-refresh';

/** Id of the task that asks again after a refresh found no pilot. */
export const REFRESH_RETRY_TASK_ID = 'ai-readiness-refresh-retry';

/**
 * Right after start-up the catalog may still be ingesting: a refresh that
 * finds no pilot asks for another one about this much later, a few times.
 */
export const EMPTY_CATALOG_RETRY = { seconds: 30 } as const;
export const EMPTY_CATALOG_RETRIES = 10;

export function createRefreshScheduler(options: {
  scheduler: SchedulerService;
  refresher: Pick<ScorecardRefresher, 'refreshAll'>;
  logger: LoggerService;
  schedule: SchedulerServiceTaskScheduleDefinition;
}): RefreshScheduler {
  const { scheduler, refresher, logger, schedule } = options;
  let retriesLeft = EMPTY_CATALOG_RETRIES;
  let retryArmed = false;

  async function triggerRefresh() {
    try {
      await scheduler.triggerTask(REFRESH_TASK_ID);
    } catch (error) {
      // Already running: the running refresh answers the request.
      if ((error as Error).name !== 'ConflictError') throw error;
    }
  }

  return {
    triggerRefresh,

    async start() {
      await scheduler.scheduleTask({
        id: REFRESH_TASK_ID,
        ...schedule,
        scope: 'global',
        fn: async () => {
          const report = await refresher.refreshAll();
          retryArmed = report.pilots === 0 && retriesLeft > 0;
        },
      });
      // A scheduler task, not a timer: local (only this replica saw the empty refresh), it triggers the global task, idle once pilots appear.
      await scheduler.scheduleTask({
        id: REFRESH_RETRY_TASK_ID,
        frequency: EMPTY_CATALOG_RETRY,
        initialDelay: EMPTY_CATALOG_RETRY,
        timeout: { minutes: 1 },
        scope: 'local',
        fn: async () => {
          if (!retryArmed) return;
          retryArmed = false;
          retriesLeft -= 1;
          try {
            await triggerRefresh();
          } catch (error) {
            logger.warn(`Could not ask for a refresh: ${error}`);
          }
        },
      });
    },
  };
}
