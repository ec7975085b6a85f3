import type {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { ReadinessEvaluator } from '../ReadinessEvaluator/types';
import type { RefreshScheduler } from './types';

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
  evaluator: Pick<ReadinessEvaluator, 'refreshAll'>;
  logger: LoggerService;
  schedule: SchedulerServiceTaskScheduleDefinition;
}): RefreshScheduler {
  const { scheduler, evaluator, logger, schedule } = options;
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
          const report = await evaluator.refreshAll();
          retryArmed = report.pilots === 0 && retriesLeft > 0;
        },
      });
      // The retry is a scheduler task too, not a timer of our own: local, as
      // only the replica whose refresh found no pilot knows to ask again; it
      // triggers the global refresh task and is idle once it stops asking.
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
            logger.warn(`AI readiness: could not ask for a refresh: ${error}`);
          }
        },
      });
    },
  };
}
