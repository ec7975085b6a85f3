import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { ScorecardRefresher } from '../services/ScorecardRefresher/types';
import type { WaiverService } from '../services/Waivers/types';

/** Id of the task that reloads each replica's approved waivers. */
export const WAIVER_RELOAD_TASK_ID = 'ai-readiness-waivers-reload';

/**
 * Waivers ride on the scheduled refresh: before each full refresh, approved
 * requests past their expiry or whose control is refuted end (their pilots
 * re-evaluated at once, owners told), so the refresh scores with what still
 * holds. Returns the refresher the refresh task runs.
 */
export function withWaiverUpkeep(
  refresher: Pick<ScorecardRefresher, 'refreshAll'>,
  waivers: Pick<WaiverService, 'upkeep'>,
  logger: LoggerService,
): Pick<ScorecardRefresher, 'refreshAll'> {
  return {
    async refreshAll() {
      try {
        const report = await waivers.upkeep();
        if (report.expired || report.lapsed || report.reminded)
          logger.info(
            `Waivers: ${report.expired} expired, ${report.lapsed} lapsed, ${report.reminded} reminders`,
          );
      } catch (error) {
        logger.warn(`Waiver upkeep failed: ${error}`);
      }
      return refresher.refreshAll();
    },
  };
}

/**
 * Every replica reloads the approved requests each minute (a change made on
 * another replica reaches this one's evaluations).
 */
export async function scheduleWaiverReload(options: {
  scheduler: SchedulerService;
  waivers: Pick<WaiverService, 'reload'>;
}): Promise<void> {
  await options.waivers.reload();
  await options.scheduler.scheduleTask({
    id: WAIVER_RELOAD_TASK_ID,
    frequency: { minutes: 1 },
    timeout: { minutes: 1 },
    initialDelay: { minutes: 1 },
    scope: 'local',
    fn: () => options.waivers.reload(),
  });
}
