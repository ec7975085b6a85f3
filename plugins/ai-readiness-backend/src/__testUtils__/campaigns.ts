/*
 * The campaign tests' world: two campaigns, a small organisation with a pilot
 * one user may not read, scorecards on given days, and the campaign router
 * and queries over a real store.
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
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  parseAiReadinessConfig,
  Scorecard,
} from '@ai-readiness/plugin-ai-readiness-common';
import express from 'express';
import { Knex } from 'knex';
import { permissionAwareCatalog, RESTRICTED_USER } from './catalog';
import {
  campaignStoreFor,
  databaseServiceFor,
  scorecardStoreFor,
} from './databases';
import { createCampaignsRouter } from '../campaignsRouter';
import { DatabaseScorecardStore } from '../database/DatabaseScorecardStore';
import { createCampaignQueries } from '../services/Campaigns/createCampaignQueries';
import { createScorecardRedactor } from '../services/Redactor/createRedactor';
import { createCatalogVisibility } from '../services/CatalogVisibility/createCatalogVisibility';
import { readerOf } from './pipeline';
import { recordScorecards } from '../services/ScorecardRefresher/recordScorecards';

export const { campaigns } = parseAiReadinessConfig({
  campaigns: [
    {
      id: 'l2-by-xmas',
      title: 'Everyone at L2 by Christmas',
      owner: 'group:default/ai-platform',
      start: '2026-12-01',
      deadline: '2026-12-24',
      goal: { level: 'L2' },
    },
    {
      id: 'risk-assessed',
      title: 'Risk tiers everywhere',
      owner: 'group:default/ai-platform',
      start: '2026-12-01',
      deadline: '2026-12-05',
      goal: { checks: ['SEC-1'] },
    },
  ],
});

export const entities = [
  group('division'),
  group('ml', 'division'),
  group('other'),
  component('alpha', { owner: 'group:default/ml' }),
  component('beta', { owner: 'group:default/division' }),
  component('secret', { owner: 'group:default/other' }),
];

/** A scorecard on a day, with the campaigns the engine would have put on it. */
export function card(
  name: string,
  owner: string,
  day: string,
  level: 'L1' | 'L2',
  riskAssessed: boolean,
  target: Scorecard['target'] = null,
): Scorecard {
  return {
    ...fakeScorecard({
      entityRef: `component:default/${name}`,
      owner,
      level,
      evaluatedAt: `${day}T10:00:00.000Z`,
    }),
    target,
    campaigns: [
      {
        id: 'l2-by-xmas',
        met: level === 'L2',
        missing: level === 'L2' ? [] : ['MON-1'],
      },
      {
        id: 'risk-assessed',
        met: riskAssessed,
        missing: riskAssessed ? [] : ['SEC-1'],
      },
    ],
  };
}

export async function setup(knex: Knex, today = '2026-12-03') {
  const database = databaseServiceFor(knex);
  const store = await scorecardStoreFor({ database });
  const campaignStore = await campaignStoreFor({
    database,
    skipMigrations: true,
  });
  const catalog = permissionAwareCatalog(entities, {
    [RESTRICTED_USER]: ['component:default/secret'],
  });
  const visibility = createCatalogVisibility({ reader: readerOf(catalog) });
  const now = () => new Date(`${today}T12:00:00.000Z`);
  const queries = createCampaignQueries({
    store,
    campaignStore,
    visibility,
    campaigns,
    redactor: createScorecardRedactor({
      visibility,
      auth: mockServices.auth(),
    }),
    now,
  });
  const permissions = mockServices.permissions.mock({
    authorize: jest.fn(async (reqs: any[]) =>
      reqs.map(() => ({ result: AuthorizeResult.ALLOW })),
    ) as any,
  });
  const app = express()
    .use(
      await createCampaignsRouter({
        httpAuth: mockServices.httpAuth(),
        permissions,
        campaigns: queries,
      }),
    )
    .use(mockErrorHandler());
  return { store, campaignStore, app, visibility, now };
}

/** History written on three days: alpha reaches L2 on day 2, secret on day 3, beta never. */
export async function writeThreeDays(store: DatabaseScorecardStore) {
  await recordScorecards(store, [
    card('alpha', 'group:default/ml', '2026-12-01', 'L1', false),
    card('beta', 'group:default/division', '2026-12-01', 'L1', false),
    card('secret', 'group:default/other', '2026-12-01', 'L1', true),
  ]);
  await recordScorecards(store, [
    card('alpha', 'group:default/ml', '2026-12-02', 'L2', true, {
      level: 'L3',
      rule: 0,
      met: false,
    }),
  ]);
  await recordScorecards(store, [
    card('secret', 'group:default/other', '2026-12-03', 'L2', true),
  ]);
}

export const restricted = mockCredentials.user.header(RESTRICTED_USER);
