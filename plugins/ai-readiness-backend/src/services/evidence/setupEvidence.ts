/*
 * Wires evidence into the plugin (shared/evidence.md) with a few lines in
 * plugin.ts: the collectors (built-in ones the config turns on, then those
 * of modules), the store, the view evaluation reads, the scheduled
 * collection task and its periodic reload on every replica.
 */
import type {
  AuthService,
  DatabaseService,
  LifecycleService,
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  EvidenceConfig,
  EvidenceView,
  ReadinessEngine,
} from '@ai-readiness/plugin-ai-readiness-common';
import type { EvidenceCollector } from '@ai-readiness/plugin-ai-readiness-node';
import { DatabaseEvidenceStore } from '../../database/DatabaseEvidenceStore';
import type { ReadinessEvaluator } from '../ReadinessEvaluator/types';
import { createBuiltinCollectors } from './collectors';
import { createEvidenceService } from './createEvidenceService';
import { readEvidenceSettings } from './readEvidenceSettings';
import type { EvidenceService } from './types';

/** Id of the scheduled evidence collection task. */
export const EVIDENCE_TASK_ID = 'ai-readiness-evidence';
/** How often each replica reloads stored results into its view. */
const RELOAD_INTERVAL_MS = 60_000;

/**
 * The engine with the stored evidence: every evaluation (scheduled,
 * re-evaluation, on demand) gets the current view unless it brings its own.
 * Without a view, the engine as it is.
 */
export function withEvidenceView(
  engine: ReadinessEngine,
  view: () => EvidenceView | undefined,
): ReadinessEngine {
  return {
    ...engine,
    evaluate: (entity, graph, options) =>
      engine.evaluate(entity, graph, {
        ...options,
        evidence: options?.evidence ?? view(),
      }),
    evaluateAll: (graph, options) =>
      engine.evaluateAll(graph, {
        ...options,
        evidence: options?.evidence ?? view(),
      }),
  };
}

export async function setupEvidence(options: {
  config: RootConfigService;
  /** The parsed `aiReadiness.evidence` (already validated). */
  evidenceConfig: EvidenceConfig | undefined;
  /** Collectors added by modules through the extension point. */
  addedCollectors: readonly EvidenceCollector[];
  engine: ReadinessEngine;
  database: DatabaseService;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
}): Promise<{
  /** The engine to evaluate with: it reads the stored evidence. */
  engine: ReadinessEngine;
  service: EvidenceService;
  /** Schedules collection and starts reloading; call once the evaluator exists. */
  start(deps: {
    evaluator: ReadinessEvaluator;
    scheduler: SchedulerService;
    lifecycle: LifecycleService;
  }): Promise<void>;
}> {
  const settings = readEvidenceSettings(options.config, options.evidenceConfig);
  const collectors = [
    ...createBuiltinCollectors({
      config: options.evidenceConfig,
      timeoutMs: settings.timeoutMs,
    }),
    ...options.addedCollectors,
  ];
  const store = await DatabaseEvidenceStore.create({
    database: options.database,
  });
  let evaluator: ReadinessEvaluator | undefined;
  const service = createEvidenceService({
    engine: options.engine,
    collectors,
    store,
    catalog: options.catalog,
    auth: options.auth,
    logger: options.logger,
    evaluator: {
      refreshAll: () => evaluator!.refreshAll(),
      refreshEntity: ref => evaluator!.refreshEntity(ref),
    },
    maxAgeMs: settings.maxAgeMs,
    requireVerified: settings.requireVerified,
  });
  const engine = collectors.length
    ? withEvidenceView(options.engine, service.view)
    : options.engine;

  return {
    engine,
    service,
    async start({ evaluator: ready, scheduler, lifecycle }) {
      evaluator = ready;
      if (!collectors.length) return;
      options.logger.info(
        `AI readiness: evidence collectors ${collectors
          .map(c => c.id)
          .join(', ')}`,
      );
      await service.reload();
      const timer = setInterval(() => {
        service
          .reload()
          .catch(error =>
            options.logger.warn(
              `AI readiness: could not reload evidence: ${error}`,
            ),
          );
      }, RELOAD_INTERVAL_MS);
      timer.unref?.();
      lifecycle.addShutdownHook(() => clearInterval(timer));
      await scheduler.scheduleTask({
        id: EVIDENCE_TASK_ID,
        ...settings.schedule,
        scope: 'global',
        fn: async signal => {
          await service.collectAll(signal ?? new AbortController().signal);
        },
      });
    },
  };
}
