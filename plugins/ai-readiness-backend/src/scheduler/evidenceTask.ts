import type {
  LifecycleService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { EvidenceService } from '../services/evidence/types';

/** Id of the scheduled evidence collection task. */
export const EVIDENCE_TASK_ID = 'ai-readiness-evidence';

/**
 * Collects evidence on a schedule (one replica at a time), and reloads the
 * stored results into every replica's view. Nothing without a collector.
 */
export async function scheduleEvidenceTask(options: {
  service: EvidenceService;
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** How often each replica reloads stored results into its view. */
  reloadIntervalMs: number;
  scheduler: SchedulerService;
  lifecycle: LifecycleService;
  logger: LoggerService;
}): Promise<void> {
  const { service, scheduler, lifecycle, logger } = options;
  if (!service.collectors.length) return;
  logger.info(
    `Evidence collectors ${service.collectors.map(c => c.id).join(', ')}`,
  );
  await service.reload();
  const timer = setInterval(() => {
    service
      .reload()
      .catch(error => logger.warn(`Could not reload evidence: ${error}`));
  }, options.reloadIntervalMs);
  timer.unref?.();
  lifecycle.addShutdownHook(() => clearInterval(timer));
  await scheduler.scheduleTask({
    id: EVIDENCE_TASK_ID,
    ...options.schedule,
    scope: 'global',
    fn: async signal => {
      await service.collectAll(signal ?? new AbortController().signal);
    },
  });
}
