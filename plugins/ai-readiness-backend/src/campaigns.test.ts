import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { recordScorecards } from './services/ReadinessEvaluator/recordScorecards';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  parseAiReadinessConfig,
  Scorecard,
} from '@ai-readiness/plugin-ai-readiness-common';
import express from 'express';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import {
  component,
  group,
  permissionAwareCatalog,
  RESTRICTED_USER,
} from './__testUtils__/catalog';
import {
  createTestDatabases,
  databaseServiceFor,
} from './__testUtils__/databases';
import { fakeScorecard } from './__testUtils__/scorecards';
import { createCampaignsRouter } from './campaignsRouter';
import { DatabaseCampaignStore } from './database/DatabaseCampaignStore';
import { DatabaseScorecardStore } from './database/DatabaseScorecardStore';
import { createCampaignNotifier } from './services/Campaigns/createCampaignNotifier';
import { createCampaignQueries } from './services/Campaigns/createCampaignQueries';
import { createCatalogVisibility } from './services/CatalogVisibility/createCatalogVisibility';
import { createScorecardQueries } from './services/ScorecardQueries/createScorecardQueries';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const { campaigns } = parseAiReadinessConfig({
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

const entities = [
  group('division'),
  group('ml', 'division'),
  group('other'),
  component('alpha', { owner: 'group:default/ml' }),
  component('beta', { owner: 'group:default/division' }),
  component('secret', { owner: 'group:default/other' }),
];

/** A scorecard on a day, with the campaigns the engine would have put on it. */
function card(
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

async function setup(knex: Knex, today = '2026-12-03') {
  const database = databaseServiceFor(knex);
  const store = await DatabaseScorecardStore.create({ database });
  const campaignStore = await DatabaseCampaignStore.create({
    database,
    skipMigrations: true,
  });
  const catalog = permissionAwareCatalog(entities, {
    [RESTRICTED_USER]: ['component:default/secret'],
  });
  const visibility = createCatalogVisibility({ catalog });
  const now = () => new Date(`${today}T12:00:00.000Z`);
  const queries = createCampaignQueries({
    store,
    campaignStore,
    visibility,
    campaigns,
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
async function writeThreeDays(store: DatabaseScorecardStore) {
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

const restricted = mockCredentials.user.header(RESTRICTED_USER);

describe.each(databases.eachSupportedId())('campaigns on %s', databaseId => {
  it('lists campaigns, counting only what the caller may read', async () => {
    const knex = await databases.init(databaseId);
    const { store, app } = await setup(knex);
    await writeThreeDays(store);

    const all = await request(app).get('/campaigns');
    expect(all.status).toBe(200);
    expect(all.body.items).toEqual([
      expect.objectContaining({
        id: 'l2-by-xmas',
        owner: 'group:default/ai-platform',
        start: '2026-12-01',
        deadline: '2026-12-24',
        goal: { level: 'L2' },
        state: 'active',
        total: 3,
        met: 2,
      }),
      expect.objectContaining({ id: 'risk-assessed', total: 3, met: 2 }),
    ]);
    const hidden = await request(app)
      .get('/campaigns')
      .set('authorization', restricted);
    expect(hidden.body.items[0]).toMatchObject({ total: 2, met: 1 });

    const unauthenticated = await request(app)
      .get('/campaigns')
      .set('authorization', mockCredentials.none.header());
    expect(unauthenticated.status).toBe(401);
  });

  it('answers a campaign with pilots, roll-up and progress from history of different days', async () => {
    const knex = await databases.init(databaseId);
    const { store, app } = await setup(knex);
    await writeThreeDays(store);

    const res = await request(app).get('/campaigns/l2-by-xmas');
    expect(res.status).toBe(200);
    expect(res.body.progress).toEqual([
      { date: '2026-12-01', met: 0, total: 3 },
      { date: '2026-12-02', met: 1, total: 3 },
      { date: '2026-12-03', met: 2, total: 3 },
    ]);
    // Pilots that do not meet it first, with what they lack.
    expect(res.body.pilots[0]).toEqual({
      entityRef: 'component:default/beta',
      title: 'beta',
      owner: 'group:default/division',
      level: 'L1',
      met: false,
      missing: ['MON-1'],
    });
    // ml rolls up into division, as in /summary.
    expect(res.body.byOwner).toEqual([
      { owner: 'group:default/division', total: 2, met: 1 },
      { owner: 'group:default/ml', total: 1, met: 1 },
      { owner: 'group:default/other', total: 1, met: 1 },
    ]);

    // The hidden pilot is not counted, not listed and not in the progress.
    const hidden = await request(app)
      .get('/campaigns/l2-by-xmas')
      .set('authorization', restricted);
    expect(hidden.body.pilots.map((p: any) => p.entityRef)).toEqual([
      'component:default/beta',
      'component:default/alpha',
    ]);
    expect(hidden.body.progress.map((p: any) => [p.met, p.total])).toEqual([
      [0, 2],
      [1, 2],
      [1, 2],
    ]);
    expect(hidden.body.byOwner.map((o: any) => o.owner)).not.toContain(
      'group:default/other',
    );

    const csv = await request(app).get('/campaigns/l2-by-xmas/export.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe(
      'entityRef,title,owner,level,met,missing',
    );
    expect(csv.text).toContain(
      'component:default/beta,beta,group:default/division,L1,no,MON-1',
    );
    const hiddenCsv = await request(app)
      .get('/campaigns/l2-by-xmas/export.csv')
      .set('authorization', restricted);
    expect(hiddenCsv.text).not.toContain('secret');

    expect((await request(app).get('/campaigns/nope')).status).toBe(404);
    expect((await request(app).get('/campaigns/nope/export.csv')).status).toBe(
      404,
    );
    const bad = await request(app).get('/campaigns/Bad%20Id');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/"id"/);
    const unknownParam = await request(app).get('/campaigns?x=1');
    expect(unknownParam.status).toBe(400);
  });

  it('tracks checks goals from the days the campaign task recorded', async () => {
    const knex = await databases.init(databaseId);
    const { store, campaignStore } = await setup(knex);
    await writeThreeDays(store);
    // The task ran on 12-01 (before alpha's risk tier) and on 12-02.
    await campaignStore.recordDays([
      {
        campaignId: 'risk-assessed',
        entityRef: 'component:default/alpha',
        day: '2026-12-01',
        met: false,
      },
      {
        campaignId: 'risk-assessed',
        entityRef: 'component:default/beta',
        day: '2026-12-01',
        met: false,
      },
      {
        campaignId: 'risk-assessed',
        entityRef: 'component:default/alpha',
        day: '2026-12-02',
        met: true,
      },
    ]);
    const { app } = await setup(knex, '2026-12-04');
    const res = await request(app).get('/campaigns/risk-assessed');
    expect(res.body.progress).toEqual([
      { date: '2026-12-01', met: 0, total: 2 },
      { date: '2026-12-02', met: 1, total: 2 },
      { date: '2026-12-03', met: 1, total: 2 },
      // Today: the stored scorecards (secret has been assessed all along).
      { date: '2026-12-04', met: 2, total: 3 },
    ]);
  });

  it('filters /scorecards by offTarget', async () => {
    const knex = await databases.init(databaseId);
    const { store, visibility } = await setup(knex);
    await writeThreeDays(store);
    const queries = createScorecardQueries({
      store,
      visibility,
      evaluator: { evaluateOnDemand: async () => undefined },
    });
    const credentials = mockCredentials.user();
    const off = await queries.list(
      credentials,
      { offTarget: true },
      { limit: 10, offset: 0 },
    );
    expect(off.items.map(i => i.entityRef)).toEqual([
      'component:default/alpha',
    ]);
    const on = await queries.list(
      credentials,
      { offTarget: false },
      { limit: 10, offset: 0 },
    );
    expect(on.totalCount).toBe(2);
  });
});

describe.each(databases.eachSupportedId())(
  'campaign notifications on %s',
  databaseId => {
    it('are sent once per pilot and occasion, with two replicas running at once', async () => {
      const knex1 = await databases.init(databaseId);
      // PostgreSQL: a second connection pool to the same database, as a second replica.
      const knex2 = databaseId.startsWith('POSTGRES')
        ? knexFactory((knex1 as any).client.config)
        : knex1;
      try {
        const store1 = await DatabaseScorecardStore.create({
          database: databaseServiceFor(knex1),
        });
        await writeThreeDays(store1);
        const sent: any[] = [];
        const replica = async (knex: Knex, today: string) => {
          const database = databaseServiceFor(knex);
          return createCampaignNotifier({
            store: await DatabaseScorecardStore.create({
              database,
              skipMigrations: true,
            }),
            campaignStore: await DatabaseCampaignStore.create({
              database,
              skipMigrations: true,
            }),
            notifications: {
              send: async (n: any) => {
                sent.push(n);
              },
            },
            logger: mockServices.logger.mock(),
            campaigns,
            now: () => new Date(`${today}T08:00:00.000Z`),
          });
        };
        const runBoth = async (today: string) => {
          const [a, b] = await Promise.all([
            replica(knex1, today),
            replica(knex2, today),
          ]);
          const results = await Promise.all([a.run(), b.run(), a.run()]);
          return results.reduce((n, r) => n + r.sent, 0);
        };

        // 12-03: l2-by-xmas turns active for beta (the only one short of L2);
        // risk-assessed has 2 days left: beta gets one message for it.
        expect(await runBoth('2026-12-03')).toBe(2);
        expect(
          sent.map(n => [n.recipients.entityRef, n.payload.title]),
        ).toEqual(
          expect.arrayContaining([
            [
              'group:default/division',
              expect.stringContaining('Everyone at L2 by Christmas'),
            ],
            ['group:default/division', expect.stringMatching(/2 days left/)],
          ]),
        );
        // The same day again: nothing new.
        expect(await runBoth('2026-12-03')).toBe(0);
        // The day after risk-assessed's deadline: beta still lacks SEC-1.
        expect(await runBoth('2026-12-06')).toBe(1);
        expect(sent[sent.length - 1].payload.title).toMatch(
          /missed the deadline 2026-12-05 of "Risk tiers everywhere"/,
        );
        // 14 days before the deadline of l2-by-xmas.
        expect(await runBoth('2026-12-10')).toBe(1);
        expect(await runBoth('2026-12-11')).toBe(0);
        // 3 days before, then the day after the deadline.
        expect(await runBoth('2026-12-21')).toBe(1);
        expect(await runBoth('2026-12-25')).toBe(1);
        expect(sent[sent.length - 1].payload.title).toMatch(
          /missed the deadline 2026-12-24/,
        );
        const owners = new Set(sent.map(n => n.recipients.entityRef));
        expect([...owners]).toEqual(['group:default/division']);
        const rows = await knex1(
          'ai_readiness_campaign_notifications',
        ).select();
        const keys = rows.map(
          (r: any) => `${r.campaign_id}|${r.entity_ref}|${r.occasion}`,
        );
        expect(new Set(keys).size).toBe(keys.length);
      } finally {
        if (knex2 !== knex1) await knex2.destroy();
      }
    });
  },
);
