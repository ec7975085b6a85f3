/*
 * What the router tests share: a small catalog (one user restricted from two
 * pilots), stored scorecards, and the router on them with spies on the store.
 */
import {
  component,
  fakeScorecard,
  group,
} from '@ai-readiness/plugin-ai-readiness-common/testUtils';
import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createReadinessEngine } from '@ai-readiness/plugin-ai-readiness-common';
import express from 'express';
import { permissionAwareCatalog, RESTRICTED_USER } from './catalog';
import { databaseServiceFor, scorecardStoreFor } from './databases';
import { recordScorecards } from '../services/ScorecardRefresher/recordScorecards';
import { createRouter } from '../router';
import { createCatalogVisibility } from '../services/CatalogVisibility/createCatalogVisibility';
import { createTestPipeline } from './pipeline';
import { createScorecardQueries } from '../services/ScorecardQueries/createScorecardQueries';

export const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

export const entities = [
  group('division'),
  group('ml', 'division'),
  group('engineering'),
  group('data-platform', 'group:default/engineering'),
  group('loop-a', 'loop-b'),
  group('loop-b', 'loop-a'),
  component('alpha'),
  component('beta', { owner: 'group:default/data-platform' }),
  component('gamma', { system: 'claims' }),
  component('secret'),
  component('loopy', { owner: 'loop-a' }),
  component('fresh'),
  component('plain', { type: 'service' }),
];

export const cards = [
  fakeScorecard({
    entityRef: 'component:default/alpha',
    title: '=HYPERLINK("http://evil")',
    level: 'L1',
    score: 40,
    failing: { fallback: ['FB-2'], security: ['SEC-5'] },
  }),
  fakeScorecard({
    entityRef: 'component:default/beta',
    title: 'Beta, "the" assistant',
    owner: 'group:default/data-platform',
    level: 'L2',
    score: 70,
    failing: { security: ['SEC-5'] },
  }),
  fakeScorecard({
    entityRef: 'component:default/gamma',
    title: 'Gamma',
    system: 'system:default/claims',
    level: 'L3',
    score: 95,
  }),
  fakeScorecard({
    entityRef: 'component:default/secret',
    title: 'Secret pilot',
    level: 'L0',
    score: 10,
    failing: { ownership: ['OWN-1'] },
  }),
  fakeScorecard({
    entityRef: 'component:default/loopy',
    title: 'Loopy',
    owner: 'group:default/loop-a',
    level: 'L1',
    score: 30,
  }),
];

export async function setup(options: { deny?: string[] } = {}) {
  const knex = await databases.init('SQLITE_3');
  const store = await scorecardStoreFor({
    database: databaseServiceFor(knex),
  });
  await recordScorecards(store, cards);
  const catalog = permissionAwareCatalog(entities, {
    [RESTRICTED_USER]: ['component:default/secret', 'component:default/fresh'],
  });
  const engine = createReadinessEngine();
  const { reader, refresher, redactor } = createTestPipeline({
    engine,
    catalog,
    store,
  });
  const visibility = createCatalogVisibility({ reader });
  const queries = createScorecardQueries({
    store,
    visibility,
    refresher,
    redactor,
  });
  const permissions = mockServices.permissions.mock({
    authorize: jest.fn(async (reqs: any[]) =>
      reqs.map((r: any) => ({
        result: (options.deny ?? []).includes(r.permission.name)
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
      })),
    ) as any,
  });
  const triggerRefresh = jest.fn(async () => {});
  const router = await createRouter({
    logger: mockServices.logger.mock(),
    httpAuth: mockServices.httpAuth(),
    permissions,
    engine,
    queries,
    refresher,
    triggerRefresh,
    redactor,
  });
  const app = express().use(router).use(mockErrorHandler());
  const spies = [
    jest.spyOn(store, 'queryRows'),
    jest.spyOn(store, 'getScorecard'),
    jest.spyOn(store, 'getSummaries'),
    jest.spyOn(store, 'getHistory'),
    jest.spyOn(store, 'writeScorecards'),
    jest.spyOn(store, 'getPreviousStates'),
    jest.spyOn(store, 'deleteScorecards'),
  ];
  return { app, store, catalog, triggerRefresh, spies, permissions };
}

export const restricted = mockCredentials.user.header(RESTRICTED_USER);
