/*
 * What the waiver tests share: a small organisation (an owner team, a risk
 * committee, a user kept from one pilot), the scoring pipeline on it, and the
 * waiver routes with a notification double.
 */
import {
  component,
  group,
  withCatalogRelations,
} from '@ai-readiness/plugin-ai-readiness-common/testUtils';
import {
  createReadinessEngine,
  parseAiReadinessConfig,
} from '@ai-readiness/plugin-ai-readiness-common';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import express from 'express';
import { permissionAwareCatalog, RESTRICTED_USER } from './catalog';
import { databaseServiceFor, storesFor } from './databases';
import { createTestPipeline } from './pipeline';
import { createCatalogVisibility } from '../services/CatalogVisibility/createCatalogVisibility';
import { createScorecardQueries } from '../services/ScorecardQueries/createScorecardQueries';
import { createApprovedWaivers } from '../services/Waivers/createApprovedWaivers';
import { createWaiverNotifier } from '../services/Waivers/createWaiverNotifier';
import { createWaiverService } from '../services/Waivers/createWaiverService';
import { createWaiversRouter } from '../waiversRouter';
import { createLinksCollector } from '../services/evidence/collectors';
import { createEvidenceResults } from '../services/evidence/createEvidenceResults';
import { createEvidenceService } from '../services/evidence/createEvidenceService';
import { builtinEvidenceClaimers } from '@ai-readiness/plugin-ai-readiness-common';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { registerWaiverActions } from '../services/actions/waiverActions';

export const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

export const OWNER = 'user:default/owner';
export const TEAMMATE = 'user:default/teammate';
export const RISK_LEAD = 'user:default/risk-lead';
export const OUTSIDER = 'user:default/outsider';
export { RESTRICTED_USER };

/** Direct memberships, as the user info service reports them. */
const MEMBERSHIP: Record<string, string[]> = {
  [OWNER]: ['group:default/ml'],
  [TEAMMATE]: ['group:default/ml', 'group:default/risk-committee'],
  [RISK_LEAD]: ['group:default/risk-committee'],
  [OUTSIDER]: ['group:default/outsiders'],
  [RESTRICTED_USER]: ['group:default/risk-committee'],
};

export const WAIVER_CONFIG = {
  waivers: {
    policy: { checks: { 'SEC-2': 'approval', 'SEC-5': 'approval' } },
    approvers: ['group:default/risk-committee'],
  },
};

export const entities = withCatalogRelations([
  group('ml'),
  group('risk-committee'),
  group('outsiders'),
  component('alpha', {}, { annotations: { 'ai-readiness/risk-tier': 'high' } }),
  component('secret'),
]);

export const header = (user: string) => mockCredentials.user.header(user);

export async function setupWaivers(
  options: {
    config?: object;
    denyApprove?: string[];
    /** The clock (shared by the evaluation and the waivers). */
    clock?: { now: Date };
    /** Turns the links collector on for this host ("127.0.0.1:port"). */
    linksHost?: string;
  } = {},
) {
  const knex = await databases.init('SQLITE_3');
  const {
    scorecardStore: store,
    waiverStore,
    evidenceStore,
  } = await storesFor({
    database: databaseServiceFor(knex),
  });
  const raw = options.config ?? WAIVER_CONFIG;
  const settings = parseAiReadinessConfig(raw);
  const engine = createReadinessEngine({ config: settings });
  const catalog = permissionAwareCatalog(entities, {
    [RESTRICTED_USER]: ['component:default/secret'],
  });
  const approved = createApprovedWaivers(waiverStore);
  const clock = options.clock ?? { now: new Date('2026-11-25T10:00:00Z') };
  const now = () => clock.now;
  const collectors = options.linksHost
    ? [
        createLinksCollector({
          claimer: builtinEvidenceClaimers.links,
          allow: [{ host: options.linksHost }],
          settings: { timeoutMs: 3000, concurrency: 4 },
        }),
      ]
    : [];
  const maxAgeMs = 2 * 86_400_000;
  const results = createEvidenceResults({
    claimers: collectors,
    store: evidenceStore,
    maxAgeMs,
    now,
  });
  const { reader, refresher, redactor } = createTestPipeline({
    engine,
    catalog,
    store,
    evidence: results.view,
    waivers: approved.view,
    now,
  });
  const evidence = createEvidenceService({
    engine,
    collectors,
    store: evidenceStore,
    results,
    reader,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    refresher,
    maxAgeMs,
    now,
  });
  await refresher.refreshAll();
  const visibility = createCatalogVisibility({ reader, ttlMs: 0 });
  const queries = createScorecardQueries({
    store,
    visibility,
    refresher,
    redactor,
  });
  const permissions = mockServices.permissions.mock({
    authorize: jest.fn(async (reqs: any[], opts: any) => {
      const who = (opts.credentials as BackstageCredentials<any>).principal
        ?.userEntityRef;
      return reqs.map((r: any) => ({
        result:
          r.permission.name === 'ai-readiness.waiver.approve' &&
          (options.denyApprove ?? []).includes(who)
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      }));
    }) as any,
  });
  const sent: Parameters<NotificationService['send']>[0][] = [];
  const notifications: NotificationService = {
    send: async notification => {
      sent.push(notification);
    },
  };
  const userInfo = {
    getUserInfo: async (credentials: BackstageCredentials<any>) => {
      const user = credentials.principal.userEntityRef;
      return {
        userEntityRef: user,
        ownershipEntityRefs: [user, ...(MEMBERSHIP[user] ?? [])],
      };
    },
  };
  const waivers = createWaiverService({
    engine,
    settings: settings.waivers,
    store: waiverStore,
    approved,
    queries,
    reader,
    refresher,
    permissions,
    userInfo,
    auth: mockServices.auth(),
    notifier: createWaiverNotifier({
      notifications,
      logger: mockServices.logger.mock(),
      enabled: true,
    }),
    logger: mockServices.logger.mock(),
    evidence: results.view,
    collect: evidence.collect,
    now,
  });
  const app = express()
    .use(createWaiversRouter({ httpAuth: mockServices.httpAuth(), waivers }))
    .use(mockErrorHandler());
  const actions = actionsRegistryServiceMock({
    logger: mockServices.logger.mock(),
  });
  registerWaiverActions({ actionsRegistry: actions, waivers });
  return {
    actions,
    app,
    store,
    waiverStore,
    waivers,
    sent,
    refresher,
    engine,
    clock,
  };
}
