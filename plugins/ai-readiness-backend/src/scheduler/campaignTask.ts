import type {
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { CampaignNotifier } from '../services/Campaigns/types';
import { readScheduleOf, TASK_SCHEDULES } from './readConfig';

/** Id of the task that sends campaign notifications (targets.md). */
export const CAMPAIGN_TASK_ID = 'ai-readiness-campaigns';

/** The campaign task's default cadence. */
export const DEFAULT_CAMPAIGN_SCHEDULE = TASK_SCHEDULES.campaigns.defaults;

/** The campaign task's cadence from `aiReadiness.campaignSchedule`. */
export function readCampaignSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  return readScheduleOf(config, 'campaigns');
}

/** Records campaign days and sends campaign notifications (one replica a run). */
export async function scheduleCampaignTask(options: {
  notifier: Pick<CampaignNotifier, 'run'>;
  schedule: SchedulerServiceTaskScheduleDefinition;
  scheduler: SchedulerService;
}): Promise<void> {
  await options.scheduler.scheduleTask({
    id: CAMPAIGN_TASK_ID,
    ...options.schedule,
    scope: 'global',
    fn: async () => {
      await options.notifier.run();
    },
  });
}
