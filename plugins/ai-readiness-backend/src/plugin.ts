import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  aiReadinessPermissions,
  CheckDefinition,
  createReadinessEngine,
  parseAiReadinessConfig,
} from '@ai-readiness/plugin-ai-readiness-common';
import {
  aiReadinessChecksExtensionPoint,
  aiReadinessEvidenceExtensionPoint,
  EvidenceCollector,
} from '@ai-readiness/plugin-ai-readiness-node';
import { DatabaseScorecardStore } from './database/DatabaseScorecardStore';
import { createRouter } from './router';
import { registerActions } from './services/actions/registerActions';
import { createCatalogVisibility } from './services/CatalogVisibility/createCatalogVisibility';
import { createLevelDropNotifier } from './services/LevelDropNotifier/createLevelDropNotifier';
import { createReadinessEvaluator } from './services/ReadinessEvaluator/createReadinessEvaluator';
import { readRefreshSchedule } from './services/schedule/readRefreshSchedule';
import { createScorecardQueries } from './services/ScorecardQueries/createScorecardQueries';
import { createEvidenceRouter } from './services/evidence/createEvidenceRouter';
import { setupEvidence } from './services/evidence/setupEvidence';

/** Id of the scheduled refresh task. */
export const REFRESH_TASK_ID = 'ai-readiness-refresh';

/**
 * Right after start-up the catalog may still be ingesting: a refresh that
 * finds no pilot asks for another one this much later, a few times.
 */
const EMPTY_CATALOG_RETRY_MS = 30_000;
const EMPTY_CATALOG_RETRIES = 10;

/**
 * The AI readiness backend plugin: scores every AI pilot of the catalog on a
 * schedule, stores scorecards and their history, and serves them under
 * /api/ai-readiness.
 *
 * @public
 */
export const aiReadinessPlugin = createBackendPlugin({
  pluginId: 'ai-readiness',
  register(env) {
    const addedChecks: CheckDefinition[] = [];
    env.registerExtensionPoint(aiReadinessChecksExtensionPoint, {
      addChecks(...checks) {
        addedChecks.push(...checks.flat());
      },
    });
    const addedCollectors: EvidenceCollector[] = [];
    env.registerExtensionPoint(aiReadinessEvidenceExtensionPoint, {
      addCollector(...collectors) {
        addedCollectors.push(...collectors.flat());
      },
    });

    env.registerInit({
      deps: {
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
        config: coreServices.rootConfig,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        notifications: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const {
          logger,
          lifecycle,
          config,
          database,
          scheduler,
          httpRouter,
          httpAuth,
          auth,
        } = deps;
        const {
          permissions,
          permissionsRegistry,
          catalog,
          notifications,
          actionsRegistry,
        } = deps;

        // A bad aiReadiness key stops the backend here, naming the key.
        const settings = parseAiReadinessConfig(
          config.getOptional('aiReadiness'),
        );
        const schedule = readRefreshSchedule(config);
        // Evidence (shared/evidence.md): the engine below reads stored evidence.
        const evidence = await setupEvidence({
          config,
          evidenceConfig: settings.evidence,
          addedCollectors,
          engine: createReadinessEngine({
            config: settings,
            checks: addedChecks,
          }),
          database,
          catalog,
          auth,
          logger,
        });
        const engine = evidence.engine;

        permissionsRegistry.addPermissions(aiReadinessPermissions);

        const store = await DatabaseScorecardStore.create({ database });
        const visibility = createCatalogVisibility({ catalog });
        const notifier = createLevelDropNotifier({
          store,
          notifications,
          logger,
          enabled: settings.notifications?.enabled ?? true,
        });
        const evaluator = createReadinessEvaluator({
          engine,
          catalog,
          auth,
          store,
          logger,
          notifier,
          retention: settings.history ?? {},
        });
        const queries = createScorecardQueries({ store, visibility });
        await evidence.start({ evaluator, scheduler, lifecycle });

        const triggerRefresh = async () => {
          try {
            await scheduler.triggerTask(REFRESH_TASK_ID);
          } catch (error) {
            // Already running: the running refresh answers the request.
            if ((error as Error).name !== 'ConflictError') throw error;
          }
        };
        let retriesLeft = EMPTY_CATALOG_RETRIES;
        let retryTimer: NodeJS.Timeout | undefined;
        lifecycle.addShutdownHook(() => clearTimeout(retryTimer));

        await scheduler.scheduleTask({
          id: REFRESH_TASK_ID,
          ...schedule,
          scope: 'global',
          fn: async () => {
            const report = await evaluator.refreshAll();
            if (report.pilots === 0 && retriesLeft > 0) {
              retriesLeft -= 1;
              clearTimeout(retryTimer);
              retryTimer = setTimeout(() => {
                triggerRefresh().catch(error =>
                  logger.warn(
                    `AI readiness: could not ask for a refresh: ${error}`,
                  ),
                );
              }, EMPTY_CATALOG_RETRY_MS);
              retryTimer.unref?.();
            }
          },
        });

        registerActions({
          actionsRegistry,
          permissions,
          store,
          queries,
          visibility,
          evaluator,
        });

        httpRouter.use(
          await createRouter({
            logger,
            httpAuth,
            permissions,
            engine,
            store,
            queries,
            visibility,
            evaluator,
            triggerRefresh,
          }),
        );
        httpRouter.use(
          createEvidenceRouter({
            httpAuth,
            permissions,
            visibility,
            evidence: evidence.service,
            logger,
          }),
        );
      },
    });
  },
});
