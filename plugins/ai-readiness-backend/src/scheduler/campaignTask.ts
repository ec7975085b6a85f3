import type {
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { CampaignNotifier } from '../services/Campaigns/types';
import { readTaskSchedule } from './readConfig';

/** Id of the task that sends campaign notifications (targets.md). */
export const CAMPAIGN_TASK_ID = 'ai-readiness-campaigns';

/** Every 30 minutes, at most 10 minutes a run, the first a minute after start. */
export const DEFAULT_CAMPAIGN_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { minutes: 30 },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 1 },
  };

/** The campaign task's cadence from `aiReadiness.campaignSchedule`. */
export function readCampaignSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  return readTaskSchedule(
    config,
    'aiReadiness.campaignSchedule',
    DEFAULT_CAMPAIGN_SCHEDULE,
  );
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
