import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { createCampaignsRouter } from '../campaignsRouter';
import { recordScorecards } from '../services/ScorecardRefresher/recordScorecards';
import { createScorecardQueries } from '../services/ScorecardQueries/createScorecardQueries';
import { createScorecardRedactor } from '../services/Redactor/createRedactor';
import { createTestDatabases } from '../__testUtils__/databases';
import {
  card,
  restricted,
  setup,
  writeThreeDays,
} from '../__testUtils__/campaigns';

jest.setTimeout(60_000);

const databases = createTestDatabases();

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
    const history = jest.spyOn(store, 'readLevelHistory');
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

  it('filters /scorecards by offTarget', async () => {
    const knex = await databases.init(databaseId);
    const { store, visibility } = await setup(knex);
    await writeThreeDays(store);
    const queries = createScorecardQueries({
      store,
      visibility,
      refresher: { evaluateOnDemand: async () => undefined },
      redactor: createScorecardRedactor({
        visibility,
        auth: mockServices.auth(),
      }),
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
