/*
 * The read path redacts what the caller's catalog view hides: with a policy
 * that hides an owner Group and a data Resource from one user, no answer to
 * that user names them, on any route, while the scorecards stay computed
 * with the plugin's credentials.
 */
import type { Entity } from '@backstage/catalog-model';
import {
  component,
  group,
  withCatalogRelations,
} from '@ai-readiness/plugin-ai-readiness-common/testUtils';
import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  createReadinessEngine,
  parseAiReadinessConfig,
} from '@ai-readiness/plugin-ai-readiness-common';
import express from 'express';
import request from 'supertest';
import { createCampaignsRouter } from '../campaignsRouter';
import { createRouter } from '../router';
import {
  permissionAwareCatalog,
  RESTRICTED_USER,
} from '../__testUtils__/catalog';
import { databaseServiceFor, storesFor } from '../__testUtils__/databases';
import { createTestPipeline } from '../__testUtils__/pipeline';
import { createCampaignQueries } from '../services/Campaigns/createCampaignQueries';
import { createCatalogVisibility } from '../services/CatalogVisibility/createCatalogVisibility';
import { createDraftEvaluator } from '../services/DraftEvaluator/createDraftEvaluator';
import { createScorecardQueries } from '../services/ScorecardQueries/createScorecardQueries';
import { HIDDEN_ENTITY } from '../services/Redactor/types';
import { registerActions } from '../services/actions/registerActions';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const HIDDEN = ['fraud-analytics', 'fraud-ops', 'claims-db', 'PFRAUD9'];

const entities: Entity[] = withCatalogRelations([
  group('risk'),
  {
    ...group('fraud-analytics', 'risk'),
    metadata: {
      name: 'fraud-analytics',
      namespace: 'default',
      annotations: { 'pagerduty.com/service-id': 'PFRAUD9' },
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'fiona', namespace: 'default' },
    spec: { memberOf: ['group:default/fraud-analytics'] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'claims-db', namespace: 'default' },
    spec: { type: 'database', owner: 'group:default/fraud-analytics' },
  },
  component('scorer', {
    owner: 'group:default/fraud-analytics',
    dependsOn: ['resource:default/claims-db'],
  }),
  component('open', { owner: 'group:default/risk' }),
  group('fraud-ops', 'risk'),
  component('watcher', { owner: 'group:default/fraud-ops' }),
]);

const config = parseAiReadinessConfig({
  campaigns: [
    {
      id: 'all-l2',
      title: 'Everyone at L2',
      owner: 'group:default/risk',
      start: '2026-12-01',
      deadline: '2026-12-24',
      goal: { level: 'L2' },
    },
  ],
});

async function setup() {
  const knex = await databases.init('SQLITE_3');
  const { scorecardStore: store, campaignStore } = await storesFor({
    database: databaseServiceFor(knex),
  });
  const catalog = permissionAwareCatalog(entities, {
    [RESTRICTED_USER]: [
      'group:default/fraud-analytics',
      'group:default/fraud-ops',
      'resource:default/claims-db',
    ],
  });
  const engine = createReadinessEngine({ config });
  const pipeline = createTestPipeline({ engine, catalog, store });
  const { reader, refresher, redactor } = pipeline;
  await refresher.refreshAll();
  const visibility = createCatalogVisibility({ reader });
  const permissions = mockServices.permissions.mock({
    authorize: jest.fn(async (reqs: any[]) =>
      reqs.map(() => ({ result: AuthorizeResult.ALLOW })),
    ) as any,
  });
  const httpAuth = mockServices.httpAuth();
  const queries = createScorecardQueries({
    store,
    visibility,
    refresher,
    redactor,
  });
  const actions = actionsRegistryServiceMock({
    logger: mockServices.logger.mock(),
  });
  registerActions({ actionsRegistry: actions, permissions, queries });
  const app = express()
    .use(
      await createRouter({
        logger: mockServices.logger.mock(),
        httpAuth,
        permissions,
        engine,
        queries,
        refresher,
        triggerRefresh: async () => {},
        drafts: createDraftEvaluator({ ...pipeline, store }),
        redactor,
      }),
    )
    .use(
      await createCampaignsRouter({
        httpAuth,
        permissions,
        campaigns: createCampaignQueries({
          store,
          campaignStore,
          visibility,
          campaigns: config.campaigns,
          redactor,
        }),
      }),
    )
    .use(mockErrorHandler());
  return { app, actions };
}

const restricted = mockCredentials.user.header(RESTRICTED_USER);
const insider = mockCredentials.user.header('user:default/insider');

/** Every answer the restricted user gets, as text. */
async function answers(app: express.Express, auth: string) {
  const get = (path: string) =>
    request(app).get(path).set('Authorization', auth).expect(200);
  const out: Record<string, string> = {};
  out.card = (await get('/scorecards/default/component/scorer')).text;
  out.list = (await get('/scorecards?limit=100')).text;
  out.byOwner = (await get('/summary?groupBy=owner')).text;
  out.csv = (await get('/export.csv')).text;
  out.campaign = (await get('/campaigns/all-l2')).text;
  out.campaigns = (await get('/campaigns')).text;
  out.campaignCsv = (await get('/campaigns/all-l2/export.csv')).text;
  out.refresh = (
    await request(app)
      .post('/refresh')
      .set('Authorization', auth)
      .send({ entityRef: 'component:default/scorer' })
      .expect(202)
  ).text;
  out.evaluate = (
    await request(app)
      .post('/evaluate')
      .set('Authorization', auth)
      .send({
        // A draft that reaches the pilot the hidden Group owns (weakest link).
        entities: [
          component('draft', {
            owner: 'group:default/risk',
            dependsOn: ['component:default/scorer'],
          }),
        ],
      })
      .expect(200)
  ).text;
  return out;
}

describe('redaction of what the caller cannot see', () => {
  it('names the hidden Group and Resource to a caller who may read them', async () => {
    const { app } = await setup();
    const seen = await answers(app, insider);
    // The test could fail: these answers do name them.
    expect(seen.card).toContain('group:default/fraud-analytics');
    expect(seen.card).toContain('resource:default/claims-db');
    expect(seen.csv).toContain('fraud-analytics');
    expect(seen.byOwner).toContain('group:default/fraud-analytics');
  });

  it('names neither in any message, evidence item, blocker, cap, owner or CSV cell for a caller who may not', async () => {
    const { app } = await setup();
    const seen = await answers(app, restricted);
    for (const [route, text] of Object.entries(seen)) {
      for (const name of HIDDEN) {
        if (text.toLowerCase().includes(name.toLowerCase()))
          throw new Error(`${route} names ${name}: ${text.slice(0, 400)}`);
      }
    }
    const card = JSON.parse(seen.card);
    expect(card.owner).toBe(HIDDEN_ENTITY);
    // Level and score stay those computed with the plugin's credentials.
    const insiderCard = JSON.parse((await answers(app, insider)).card);
    expect(card.level).toBe(insiderCard.level);
    expect(card.score).toBe(insiderCard.score);
    expect(seen.card).toContain(HIDDEN_ENTITY);
    expect(seen.csv).toContain(HIDDEN_ENTITY);
    // The pilots of both hidden Groups count in one group, once each.
    const hiddenGroups = (body: any[], key: string) =>
      body.filter(g => g[key] === HIDDEN_ENTITY);
    expect(
      hiddenGroups(JSON.parse(seen.byOwner).groups, 'key').map(g => g.count),
    ).toEqual([2]);
    expect(
      hiddenGroups(JSON.parse(seen.campaign).byOwner, 'owner').map(
        g => g.total,
      ),
    ).toEqual([2]);
  });

  it('names neither in the answers of the actions (MCP)', async () => {
    const { actions } = await setup();
    const invoke = async (id: string, input: object, userEntityRef: string) =>
      JSON.stringify(
        (
          await actions.invoke({
            id: `test:${id}`,
            input,
            credentials: mockCredentials.user(userEntityRef),
          })
        ).output,
      );
    const card = { entityRef: 'component:default/scorer' };
    const list = { level: 'L3', owner: 'group:default/risk' };
    const get = 'get-ai-readiness-scorecard';
    const below = 'list-ai-pilots-below-level';
    // The scorecard names them to the insider; the list holds no message.
    expect(await invoke(get, card, 'user:default/insider')).toContain(
      'fraud-analytics',
    );
    expect(await invoke(below, list, 'user:default/insider')).toContain(
      'component:default/scorer',
    );
    const outsider = [
      await invoke(get, card, RESTRICTED_USER),
      await invoke(below, list, RESTRICTED_USER),
    ];
    expect(outsider[0]).toContain('component:default/scorer');
    for (const text of outsider)
      for (const name of HIDDEN)
        expect(text.toLowerCase()).not.toContain(name.toLowerCase());
  });

  it("counts the same pilots in a parent Group's campaign byOwner as its owner filter lists", async () => {
    const { app } = await setup();
    for (const auth of [restricted, insider]) {
      const campaign = (
        await request(app)
          .get('/campaigns/all-l2')
          .set('Authorization', auth)
          .expect(200)
      ).body;
      const risk = campaign.byOwner.find(
        (r: any) => r.owner === 'group:default/risk',
      );
      const filtered = (
        await request(app)
          .get('/campaigns/all-l2?owner=group:default/risk')
          .set('Authorization', auth)
          .expect(200)
      ).body;
      const listed = (
        await request(app)
          .get('/scorecards?owner=group:default/risk')
          .set('Authorization', auth)
          .expect(200)
      ).body;
      expect(risk?.total ?? 0).toBe(filtered.pilotsTotal);
      expect(listed.totalCount).toBe(filtered.pilotsTotal);
    }
  });
});
