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
import { aiReadinessChecksExtensionPoint } from '@ai-readiness/plugin-ai-readiness-node';
import { DatabaseScorecardStore } from './database/DatabaseScorecardStore';
import { DatabaseCampaignStore } from './database/DatabaseCampaignStore';
import { createCampaignsRouter } from './campaignsRouter';
import { createCampaignNotifier } from './services/Campaigns/createCampaignNotifier';
import { createCampaignQueries } from './services/Campaigns/createCampaignQueries';
import { createRouter } from './router';
import { registerActions } from './services/actions/registerActions';
import { createCatalogVisibility } from './services/CatalogVisibility/createCatalogVisibility';
import { createLevelDropNotifier } from './services/LevelDropNotifier/createLevelDropNotifier';
import { createReadinessEvaluator } from './services/ReadinessEvaluator/createReadinessEvaluator';
import { readRefreshSchedule } from './services/schedule/readRefreshSchedule';
import { createScorecardQueries } from './services/ScorecardQueries/createScorecardQueries';

/** Id of the scheduled refresh task. */
export const REFRESH_TASK_ID = 'ai-readiness-refresh';

/** Id of the task that sends campaign notifications (targets.md). */
export const CAMPAIGN_TASK_ID = 'ai-readiness-campaigns';

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
        const engine = createReadinessEngine({
          config: settings,
          checks: addedChecks,
        });

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

        // Campaigns (targets.md): their own tables, routes and task.
        const campaignStore = await DatabaseCampaignStore.create({
          database,
          skipMigrations: true,
        });
        const campaignNotifier = createCampaignNotifier({
          store,
          campaignStore,
          notifications,
          logger,
          campaigns: settings.campaigns,
          enabled: settings.notifications?.enabled ?? true,
        });
        if (settings.campaigns.length) {
          await scheduler.scheduleTask({
            id: CAMPAIGN_TASK_ID,
            frequency: { minutes: 30 },
            timeout: { minutes: 10 },
            initialDelay: { minutes: 1 },
            scope: 'global',
            fn: async () => {
              await campaignNotifier.run();
            },
          });
        }
        httpRouter.use(
          await createCampaignsRouter({
            httpAuth,
            permissions,
            campaigns: createCampaignQueries({
              store,
              campaignStore,
              visibility,
              campaigns: settings.campaigns,
            }),
          }),
        );

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
      },
    });
  },
});
