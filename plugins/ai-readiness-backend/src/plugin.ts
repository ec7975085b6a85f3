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
import { initializePersistenceContext } from './database/persistenceContext';
import { createCampaignsRouter } from './campaignsRouter';
import { createCampaignNotifier } from './services/Campaigns/createCampaignNotifier';
import { createCampaignQueries } from './services/Campaigns/createCampaignQueries';
import { createRouter } from './router';
import { registerActions } from './services/actions/registerActions';
import { createDraftEvaluator } from './services/DraftEvaluator/createDraftEvaluator';
import { createCatalogVisibility } from './services/CatalogVisibility/createCatalogVisibility';
import { createLevelDropNotifier } from './services/LevelDropNotifier/createLevelDropNotifier';
import { createReadinessEvaluator } from './services/ReadinessEvaluator/createReadinessEvaluator';
import { createScorecardRefresher } from './services/ScorecardRefresher/createScorecardRefresher';
import { createCatalogReader } from './services/CatalogReader/createCatalogReader';
import { createEvidenceService } from './services/evidence/createEvidenceService';
import { scheduleEvidenceTask } from './scheduler/evidenceTask';
import {
  readChangeCheckSchedule,
  scheduleChangeCheckTask,
} from './scheduler/changeCheckTask';
import { createChangeCheck } from './services/ChangeCheck/createChangeCheck';
import { createReadsRecorder } from './services/ChangeCheck/recordReads';
import {
  createRefreshScheduler,
  readRefreshSchedule,
} from './scheduler/refreshTask';
import {
  readCampaignSchedule,
  scheduleCampaignTask,
} from './scheduler/campaignTask';
import {
  readHistoryRetention,
  readVisibilityTtlMs,
} from './scheduler/readConfig';
import { createScorecardRedactor } from './services/Redactor/createRedactor';
import { createScorecardQueries } from './services/ScorecardQueries/createScorecardQueries';
import { createFixPreview } from './services/FixPreview/createFixPreview';
import { createEvidenceRouter } from './services/evidence/createEvidenceRouter';
import { setupEvidence } from './services/evidence/setupEvidence';
import { createApprovedWaivers } from './services/Waivers/createApprovedWaivers';
import { createWaiverNotifier } from './services/Waivers/createWaiverNotifier';
import { createWaiverService } from './services/Waivers/createWaiverService';
import { createWaiversRouter } from './waiversRouter';
import { registerWaiverActions } from './services/actions/waiverActions';
import { scheduleWaiverReload, withWaiverUpkeep } from './scheduler/waiverTask';

export { REFRESH_TASK_ID } from './scheduler/refreshTask';
export { CAMPAIGN_TASK_ID } from './scheduler/campaignTask';
export { CHANGE_CHECK_TASK_ID } from './scheduler/changeCheckTask';

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
        config: coreServices.rootConfig,
        lifecycle: coreServices.lifecycle,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        urlReader: coreServices.urlReader,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        userInfo: coreServices.userInfo,
        catalog: catalogServiceRef,
        notifications: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const {
          logger,
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
        // Cadences and durations (scheduler/): a bad one stops start-up too.
        const schedule = readRefreshSchedule(config);
        const campaignSchedule = readCampaignSchedule(config);
        const changeCheckSchedule = readChangeCheckSchedule(config);
        permissionsRegistry.addPermissions(aiReadinessPermissions);

        const {
          scorecardStore: store,
          evidenceStore,
          campaignStore,
          changeStore,
          waiverStore,
        } = await initializePersistenceContext(database);
        // Waivers (shared/waivers.md): every evaluation applies the approved requests.
        const approvedWaivers = createApprovedWaivers(waiverStore);
        // Evidence (shared/evidence.md): every evaluation reads the stored results.
        const evidence = setupEvidence({
          config,
          evidenceConfig: settings.evidence,
          addedCollectors,
          store: evidenceStore,
        });

        // The one pipeline: catalog -> reader -> evaluator -> refresher -> store.
        const engine = createReadinessEngine({
          config: settings,
          checks: addedChecks,
        });
        const reader = createCatalogReader({ engine, catalog });
        const evaluator = createReadinessEvaluator({ engine, reader });
        // Each service logs under its own fields (the plugin id is already set).
        const refreshLogger = logger.child({ task: 'refresh' });
        const evidenceLogger = logger.child({ task: 'evidence' });
        const campaignLogger = logger.child({ task: 'campaigns' });
        const notifier = createLevelDropNotifier({
          store,
          notifications,
          logger: logger.child({ service: 'level-drops' }),
          enabled: settings.notifications?.enabled ?? true,
        });
        const refresher = createScorecardRefresher({
          reader,
          evaluator,
          auth,
          store,
          logger: refreshLogger,
          notifier,
          retention: readHistoryRetention(config, settings),
          evidence: evidence.results.view,
          reads: createReadsRecorder({
            engine,
            store: changeStore,
            logger: refreshLogger,
          }),
          waivers: approvedWaivers.view,
        });
        const visibility = createCatalogVisibility({
          reader,
          ttlMs: readVisibilityTtlMs(config, settings),
        });
        // The read path's one redaction: answers name no entity the caller cannot see.
        const redactor = createScorecardRedactor({ visibility, auth });
        const queries = createScorecardQueries({
          store,
          visibility,
          refresher,
          redactor,
        });
        const drafts = createDraftEvaluator({
          evaluator,
          reader,
          store,
          evidence: evidence.results.view,
          waivers: approvedWaivers.view,
        });
        const evidenceService = createEvidenceService({
          engine,
          collectors: evidence.collectors,
          store: evidenceStore,
          results: evidence.results,
          reader,
          auth,
          logger: evidenceLogger,
          refresher,
          maxAgeMs: evidence.settings.maxAgeMs,
        });

        const waivers = createWaiverService({
          engine,
          settings: settings.waivers,
          store: waiverStore,
          approved: approvedWaivers,
          queries,
          reader,
          refresher,
          permissions,
          userInfo: deps.userInfo,
          auth,
          notifier: createWaiverNotifier({
            notifications,
            logger: logger.child({ service: 'waivers' }),
            enabled: settings.notifications?.enabled ?? true,
          }),
          logger: logger.child({ service: 'waivers' }),
          evidence: evidence.results.view,
          collect: evidenceService.collect,
        });
        await scheduleWaiverReload({ scheduler, waivers });

        const refresh = createRefreshScheduler({
          scheduler,
          refresher: withWaiverUpkeep(refresher, waivers, refreshLogger),
          logger: refreshLogger,
          schedule,
        });
        await refresh.start();
        // Between full refreshes, only what changed in the catalog.
        await scheduleChangeCheckTask({
          check: createChangeCheck({
            reader,
            refresher,
            store: changeStore,
            auth,
            logger: logger.child({ task: 'change-check' }),
          }),
          schedule: changeCheckSchedule,
          scheduler,
        });
        await scheduleEvidenceTask({
          service: evidenceService,
          schedule: evidence.settings.schedule,
          reloadIntervalMs: evidence.settings.reloadIntervalMs,
          scheduler,
          lifecycle: deps.lifecycle,
          logger: evidenceLogger,
        });

        registerActions({ actionsRegistry, permissions, queries, drafts });
        registerWaiverActions({ actionsRegistry, waivers });

        // Campaigns (targets.md): their own tables, routes and task.
        const campaignNotifier = createCampaignNotifier({
          store,
          campaignStore,
          notifications,
          logger: campaignLogger,
          campaigns: settings.campaigns,
          enabled: settings.notifications?.enabled ?? true,
        });
        if (settings.campaigns.length) {
          await scheduleCampaignTask({
            notifier: campaignNotifier,
            schedule: campaignSchedule,
            scheduler,
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
              redactor,
            }),
          }),
        );

        httpRouter.use(
          await createRouter({
            logger: logger.child({ router: 'scorecards' }),
            httpAuth,
            permissions,
            engine,
            queries,
            refresher,
            triggerRefresh: refresh.triggerRefresh,
            drafts,
            redactor,
            fixes: createFixPreview({
              queries,
              urlReader: deps.urlReader,
              config,
            }),
          }),
        );
        httpRouter.use(createWaiversRouter({ httpAuth, waivers }));
        httpRouter.use(
          createEvidenceRouter({
            httpAuth,
            permissions,
            visibility,
            redactor,
            evidence: evidenceService,
            logger: evidenceLogger,
          }),
        );
      },
    });
  },
});
