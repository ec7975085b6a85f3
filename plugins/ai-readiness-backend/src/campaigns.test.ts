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
    expect(res.body.pilotsTotal).toBe(3);
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

  it('reads the past days once a day: a store write only changes today', async () => {
    const knex = await databases.init(databaseId);
    const { store, campaignStore, app } = await setup(knex);
    await writeThreeDays(store);
    const first = await request(app).get('/campaigns/l2-by-xmas');
    expect(first.body.progress[2]).toEqual({
      date: '2026-12-03',
      met: 2,
      total: 3,
    });
    const history = jest.spyOn(campaignStore, 'readLevelHistory');
    const days = jest.spyOn(campaignStore, 'readDays');
    await recordScorecards(store, [
      card('beta', 'group:default/division', '2026-12-03', 'L2', false),
    ]);
    const next = await request(app).get('/campaigns/l2-by-xmas');
    expect(next.body.progress).toEqual([
      first.body.progress[0],
      first.body.progress[1],
      { date: '2026-12-03', met: 3, total: 3 },
    ]);
    expect(next.body.state).toBe('done');
    expect(history).not.toHaveBeenCalled();
    expect(days).not.toHaveBeenCalled();
  });

  it('pages and filters the pilots of a campaign, counting only visible ones', async () => {
    const knex = await databases.init(databaseId);
    const { store, app } = await setup(knex);
    await writeThreeDays(store);
    const refs = (res: request.Response) =>
      res.body.pilots.map((p: any) => p.entityRef.replace(/^.*\//, ''));
    const get = (query: string, auth?: string) => {
      const req = request(app).get(`/campaigns/l2-by-xmas?${query}`);
      return auth ? req.set('authorization', auth) : req;
    };

    // Short of the goal first, then by title; pilotsTotal counts all matching.
    let res = await get('');
    expect(refs(res)).toEqual(['beta', 'alpha', 'secret']);
    expect(res.body).toMatchObject({ total: 3, met: 2, pilotsTotal: 3 });
    res = await get('limit=1&offset=1');
    expect(refs(res)).toEqual(['alpha']);
    expect(res.body.pilotsTotal).toBe(3);
    // The counts, roll-up and progress do not depend on the page.
    expect(res.body.byOwner).toHaveLength(3);
    expect(res.body.progress).toHaveLength(3);
    res = await get('offset=5');
    expect(res.body).toMatchObject({ pilots: [], pilotsTotal: 3 });

    res = await get('met=true');
    expect(refs(res)).toEqual(['alpha', 'secret']);
    expect(res.body.pilotsTotal).toBe(2);
    res = await get('met=true&limit=1&offset=1');
    expect(refs(res)).toEqual(['secret']);
    res = await get('met=false');
    expect(refs(res)).toEqual(['beta']);
    expect(res.body.pilotsTotal).toBe(1);

    res = await get('q=ALP');
    expect(refs(res)).toEqual(['alpha']);
    expect(res.body.pilotsTotal).toBe(1);
    // A group includes its sub-groups: ml is under division.
    res = await get('owner=division');
    expect(refs(res)).toEqual(['beta', 'alpha']);
    res = await get('owner=group:default/ml&met=false');
    expect(res.body).toMatchObject({ pilots: [], pilotsTotal: 0 });

    // A hidden pilot is neither counted nor listed, whatever the filter.
    res = await get('met=true', restricted);
    expect(refs(res)).toEqual(['alpha']);
    expect(res.body).toMatchObject({ total: 2, met: 1, pilotsTotal: 1 });
    res = await get('q=secret', restricted);
    expect(res.body).toMatchObject({ pilots: [], pilotsTotal: 0 });
    res = await get('owner=other', restricted);
    expect(res.body.pilotsTotal).toBe(0);

    // The CSV holds every visible pilot, whatever the page size.
    const csv = await request(app).get('/campaigns/l2-by-xmas/export.csv');
    expect(csv.text.trim().split('\r\n')).toHaveLength(4);
  });

  it('answers 400 naming the bad parameter of GET /campaigns/:id, before reading anything', async () => {
    const knex = await databases.init(databaseId);
    const { store } = await setup(knex);
    await writeThreeDays(store);
    const campaignQueries = {
      list: jest.fn(),
      get: jest.fn(),
      allPilots: jest.fn(),
    };
    const app = express()
      .use(
        await createCampaignsRouter({
          httpAuth: mockServices.httpAuth(),
          permissions: mockServices.permissions.mock({
            authorize: jest.fn(async (reqs: any[]) =>
              reqs.map(() => ({ result: AuthorizeResult.ALLOW })),
            ) as any,
          }),
          campaigns: campaignQueries,
        }),
      )
      .use(mockErrorHandler());
    const cases: [string, RegExp][] = [
      ['limit=0', /"limit".*greater than or equal to 1/],
      ['limit=1001', /"limit".*less than or equal to 1000/],
      ['limit=ten', /"limit": expected a whole number/],
      ['offset=-1', /"offset": expected a whole number/],
      ['met=yes', /"met": expected true or false/],
      ['owner=user:default/', /"owner": expected an entity reference/],
      [`q=${'x'.repeat(201)}`, /"q"/],
      ['page=2', /Unknown query parameter "page"/],
    ];
    for (const [query, message] of cases) {
      const res = await request(app).get(`/campaigns/l2-by-xmas?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.error.message).toMatch(message);
    }
    expect(campaignQueries.get).not.toHaveBeenCalled();
    // Empty values count as absent, as on /scorecards.
    campaignQueries.get.mockResolvedValue(undefined);
    expect((await request(app).get('/campaigns/x?met=&limit=')).status).toBe(
      404,
    );
    expect(campaignQueries.get).toHaveBeenCalledWith(expect.anything(), 'x', {
      limit: 50,
      offset: 0,
    });
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
        inScope: true,
        met: false,
      },
      {
        campaignId: 'risk-assessed',
        entityRef: 'component:default/beta',
        day: '2026-12-01',
        inScope: true,
        met: false,
      },
      {
        campaignId: 'risk-assessed',
        entityRef: 'component:default/alpha',
        day: '2026-12-02',
        inScope: true,
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

  it("counts each day's progress over that day's scope, from the days the campaign task recorded", async () => {
    const knex = await databases.init(databaseId);
    const { store, campaignStore } = await setup(knex);
    /** A card in the scope of l2-by-xmas or not (the engine decides that). */
    const scoped = (c: Scorecard, inScope: boolean): Scorecard => ({
      ...c,
      campaigns: c.campaigns!.filter(x => inScope || x.id !== 'l2-by-xmas'),
    });
    const task = (day: string) =>
      createCampaignNotifier({
        store,
        campaignStore,
        notifications: { send: jest.fn() },
        logger: mockServices.logger.mock(),
        campaigns,
        enabled: false,
        now: () => new Date(`${day}T23:00:00.000Z`),
      }).run();

    // 12-01: history only (the task had not run yet, as before this feature):
    // alpha and beta L1 in scope, secret L2 out of scope.
    await recordScorecards(store, [
      card('alpha', 'group:default/ml', '2026-12-01', 'L1', false),
      card('beta', 'group:default/division', '2026-12-01', 'L1', false),
      scoped(
        card('secret', 'group:default/other', '2026-12-01', 'L2', false),
        false,
      ),
    ]);
    // 12-02: alpha reaches L2; the task runs twice (a re-run writes nothing new).
    await recordScorecards(store, [
      card('alpha', 'group:default/ml', '2026-12-02', 'L2', false),
    ]);
    await task('2026-12-02');
    expect((await task('2026-12-02')).recordedDays).toBe(0);
    // 12-03: secret enters the scope.
    await recordScorecards(store, [
      card('secret', 'group:default/other', '2026-12-03', 'L2', false),
    ]);
    await task('2026-12-03');
    // 12-04: beta is in scope at the first run and leaves it before the last.
    await task('2026-12-04');
    await recordScorecards(store, [
      scoped(
        card('beta', 'group:default/division', '2026-12-04', 'L1', false),
        false,
      ),
    ]);
    await task('2026-12-04');
    await task('2026-12-05');

    const days = await knex('ai_readiness_campaign_days')
      .where({ campaign_id: 'l2-by-xmas' })
      .orderBy(['day', 'entity_ref'])
      .select('day', 'entity_ref', 'in_scope', 'met');
    // One row per change of a pilot's state, none for unchanged days.
    expect(
      days.map(
        (r: any) =>
          `${r.day} ${r.entity_ref.replace(/^.*\//, '')} ${
            r.in_scope ? 'in' : 'out'
          } ${r.met ? 'met' : 'short'}`,
      ),
    ).toEqual([
      '2026-12-02 alpha in met',
      '2026-12-02 beta in short',
      '2026-12-03 secret in met',
      '2026-12-04 beta out short',
    ]);

    const { app } = await setup(knex, '2026-12-06');
    const res = await request(app).get('/campaigns/l2-by-xmas');
    expect(res.body.progress).toEqual([
      // Before the first record: today's scope (alpha, secret) over the
      // level history (secret was L2 already).
      { date: '2026-12-01', met: 1, total: 2 },
      // From the first record on: each day's own scope.
      { date: '2026-12-02', met: 1, total: 2 },
      { date: '2026-12-03', met: 2, total: 3 },
      { date: '2026-12-04', met: 2, total: 2 },
      { date: '2026-12-05', met: 2, total: 2 },
      { date: '2026-12-06', met: 2, total: 2 },
    ]);
    expect(res.body).toMatchObject({ total: 2, met: 2, state: 'done' });

    // secret hidden: not counted on any day, in scope or not.
    const hidden = await request(app)
      .get('/campaigns/l2-by-xmas')
      .set('authorization', restricted);
    expect(hidden.body.progress.map((p: any) => [p.met, p.total])).toEqual([
      [0, 1],
      [1, 2],
      [1, 2],
      [1, 1],
      [1, 1],
      [1, 1],
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
