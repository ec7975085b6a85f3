import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createReadinessEngine } from '@ai-readiness/plugin-ai-readiness-common';
import express from 'express';
import request from 'supertest';
import {
  component,
  group,
  permissionAwareCatalog,
  RESTRICTED_USER,
} from './__testUtils__/catalog';
import { databaseServiceFor } from './__testUtils__/databases';
import { fakeScorecard } from './__testUtils__/scorecards';
import { DatabaseScorecardStore } from './database/DatabaseScorecardStore';
import { recordScorecards } from './services/ReadinessEvaluator/recordScorecards';
import { createRouter } from './router';
import { createCatalogVisibility } from './services/CatalogVisibility/createCatalogVisibility';
import { createReadinessEvaluator } from './services/ReadinessEvaluator/createReadinessEvaluator';
import { createScorecardQueries } from './services/ScorecardQueries/createScorecardQueries';

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const entities = [
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

const cards = [
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

async function setup(options: { deny?: string[] } = {}) {
  const knex = await databases.init('SQLITE_3');
  const store = await DatabaseScorecardStore.create({
    database: databaseServiceFor(knex),
  });
  await recordScorecards(store, cards);
  const catalog = permissionAwareCatalog(entities, {
    [RESTRICTED_USER]: ['component:default/secret', 'component:default/fresh'],
  });
  const visibility = createCatalogVisibility({ catalog });
  const engine = createReadinessEngine();
  const evaluator = createReadinessEvaluator({
    engine,
    catalog,
    auth: mockServices.auth(),
    store,
    logger: mockServices.logger.mock(),
  });
  const queries = createScorecardQueries({ store, visibility, evaluator });
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
    store,
    queries,
    visibility,
    evaluator,
    triggerRefresh,
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

const restricted = mockCredentials.user.header(RESTRICTED_USER);

describe('createRouter', () => {
  it('answers 401 on every route without credentials, before touching the store', async () => {
    const { app, spies, triggerRefresh } = await setup();
    const none = mockCredentials.none.header();
    for (const path of [
      '/rubric',
      '/scorecards',
      '/scorecards/default/component/alpha',
      '/scorecards/default/component/alpha/history',
      '/summary',
      '/export.csv',
    ]) {
      const res = await request(app).get(path).set('Authorization', none);
      expect({ path, status: res.status }).toEqual({ path, status: 401 });
    }
    const res = await request(app)
      .post('/refresh')
      .set('Authorization', none)
      .send({});
    expect(res.status).toBe(401);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(triggerRefresh).not.toHaveBeenCalled();
  });

  it.each([
    ['/scorecards?limit=0', 'limit'],
    ['/scorecards?limit=abc', 'limit'],
    ['/scorecards?limit=1001', 'limit'],
    ['/scorecards?offset=-1', 'offset'],
    ['/scorecards?level=L9', 'level'],
    ['/scorecards?dimension=vibes', 'dimension'],
    ['/scorecards?evidence=verified', 'evidence'],
    ['/scorecards?owner=user:default/', 'owner'],
    ['/scorecards?system=:claims', 'system'],
    ['/scorecards?orderBy=colour', 'orderBy'],
    ['/scorecards?order=up', 'order'],
    ['/scorecards?level=L1&level=L2', 'level'],
    ['/scorecards?colour=red', 'colour'],
    ['/summary?groupBy=team', 'groupBy'],
    ['/summary?limit=5', 'limit'],
    ['/export.csv?level=high', 'level'],
    ['/scorecards/default/component/alpha/history?from=yesterday', 'from'],
    [
      '/scorecards/default/component/alpha/history?from=2026-11-25&to=2026-11-01',
      'from',
    ],
    ['/scorecards/default/component/alpha/history?to=2026-13-45', 'to'],
    ['/scorecards/default/component/alpha?verbose=1', 'verbose'],
    ['/rubric?x=1', 'x'],
  ])('answers 400 naming the parameter for GET %s', async (path, name) => {
    const { app, spies } = await setup();
    const res = await request(app).get(path);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(`"${name}"`);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it.each([
    [{ entityRef: 'no-kind-here' }, 'entityRef'],
    [{ entityRef: 42 }, 'entityRef'],
    [{ entity: 'component:default/alpha' }, 'entity'],
  ])(
    'answers 400 naming the field for POST /refresh %j',
    async (body, name) => {
      const { app, spies, triggerRefresh } = await setup();
      const res = await request(app).post('/refresh').send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(`"${name}"`);
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
      expect(triggerRefresh).not.toHaveBeenCalled();
    },
  );

  it('answers 403 without the read or the refresh permission', async () => {
    const read = await setup({ deny: ['ai-readiness.scorecard.read'] });
    for (const path of ['/scorecards', '/summary', '/export.csv', '/rubric']) {
      expect((await request(read.app).get(path)).status).toBe(403);
    }
    for (const spy of read.spies) expect(spy).not.toHaveBeenCalled();

    const refresh = await setup({ deny: ['ai-readiness.scorecard.refresh'] });
    expect((await request(refresh.app).get('/scorecards')).status).toBe(200);
    const res = await request(refresh.app).post('/refresh').send({});
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('ai-readiness.scorecard.refresh');
    expect(refresh.triggerRefresh).not.toHaveBeenCalled();
  });

  it('lists, filters, sorts and pages scorecard summaries', async () => {
    const { app } = await setup();
    const all = await request(app).get('/scorecards?orderBy=score&order=desc');
    expect(all.status).toBe(200);
    expect(all.body.totalCount).toBe(5);
    expect(all.body.items.map((i: any) => i.entityRef)).toEqual([
      'component:default/gamma',
      'component:default/beta',
      'component:default/alpha',
      'component:default/loopy',
      'component:default/secret',
    ]);
    expect(all.body.items[2].failingChecks).toEqual(['FB-2', 'SEC-5']);
    expect(all.body.items[2].dimensions[0]).toEqual({
      id: 'ownership',
      title: 'Ownership',
      score: 1,
    });

    const page = await request(app).get(
      '/scorecards?orderBy=score&order=desc&limit=2&offset=2',
    );
    expect(page.body).toEqual({
      items: all.body.items.slice(2, 4),
      totalCount: 5,
    });

    const empty = await request(app).get('/scorecards?owner=&q=&limit=');
    expect(empty.body.totalCount).toBe(5);
    expect(empty.body.items).toHaveLength(5);
    const ml = await request(app).get('/scorecards?owner=ml&level=L1');
    expect(ml.body.items.map((i: any) => i.entityRef)).toEqual([
      'component:default/alpha',
    ]);
    const security = await request(app).get(
      '/scorecards?dimension=security&q=BETA',
    );
    expect(security.body.items.map((i: any) => i.entityRef)).toEqual([
      'component:default/beta',
    ]);
  });

  it('filters pilots with refuted evidence, and lists carry the evidence counts', async () => {
    const { app, store } = await setup();
    const counts = (refuted: number) => ({
      verified: 3,
      unverified: 1,
      refuted,
    });
    await recordScorecards(store, [
      { ...cards[0], evidence: counts(2) },
      { ...cards[1], evidence: counts(0) },
      { ...cards[3], evidence: counts(1) },
    ]);
    const res = await request(app).get('/scorecards?evidence=refuted');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => i.entityRef)).toEqual([
      'component:default/alpha',
      'component:default/secret',
    ]);
    expect(res.body.items[0].evidence).toEqual(counts(2));
    // Combined with the other filters, and with what the caller may read.
    const restrictedRes = await request(app)
      .get('/scorecards?evidence=refuted')
      .set('Authorization', restricted);
    expect(restrictedRes.body.items.map((i: any) => i.entityRef)).toEqual([
      'component:default/alpha',
    ]);
    const l0 = await request(app).get('/scorecards?evidence=refuted&level=L0');
    expect(l0.body.totalCount).toBe(1);
    const all = await request(app).get('/scorecards');
    expect(all.body.totalCount).toBe(5);
  });

  it('only answers with entities the caller may read in the catalog', async () => {
    const { app } = await setup();
    const list = await request(app)
      .get('/scorecards')
      .set('Authorization', restricted);
    expect(list.body.totalCount).toBe(4);
    expect(list.body.items.map((i: any) => i.entityRef)).not.toContain(
      'component:default/secret',
    );

    const summary = await request(app)
      .get('/summary?groupBy=level')
      .set('Authorization', restricted);
    expect(summary.body.groups.find((g: any) => g.key === 'L0').count).toBe(0);
    expect(summary.body.topGaps.map((g: any) => g.checkId)).not.toContain(
      'OWN-1',
    );

    const csv = await request(app)
      .get('/export.csv')
      .set('Authorization', restricted);
    expect(csv.text).not.toContain('secret');

    for (const path of [
      '/scorecards/default/component/secret',
      '/scorecards/default/component/secret/history',
      '/scorecards/default/component/fresh',
    ]) {
      const res = await request(app).get(path).set('Authorization', restricted);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
    const refresh = await request(app)
      .post('/refresh')
      .set('Authorization', restricted)
      .send({ entityRef: 'component:default/secret' });
    expect(refresh.status).toBe(404);

    // The default mock user sees everything.
    expect(
      (await request(app).get('/scorecards/default/component/secret')).status,
    ).toBe(200);
    expect((await request(app).get('/scorecards')).body.totalCount).toBe(5);
  });

  it('serves one scorecard, computing it on demand when none is stored', async () => {
    const { app, store } = await setup();
    const stored = await request(app).get(
      '/scorecards/default/Component/alpha',
    );
    expect(stored.status).toBe(200);
    expect(stored.body).toEqual(cards[0]);

    const fresh = await request(app).get('/scorecards/default/component/fresh');
    expect(fresh.status).toBe(200);
    expect(fresh.body.entityRef).toBe('component:default/fresh');
    expect(fresh.body.dimensions).toHaveLength(7);
    expect(await store.getScorecard('component:default/fresh')).toBeUndefined();

    const plain = await request(app).get('/scorecards/default/component/plain');
    expect(plain.status).toBe(404);
    expect(plain.body.error.message).toContain('not an AI pilot');
    expect(
      (await request(app).get('/scorecards/default/component/nope')).status,
    ).toBe(404);
  });

  it('summarises by owner, rolling sub-groups up to their parents without looping', async () => {
    const { app } = await setup();
    const res = await request(app).get('/summary?groupBy=owner');
    expect(res.status).toBe(200);
    const byKey = Object.fromEntries(
      res.body.groups.map((g: any) => [g.key, g]),
    );
    expect(byKey['group:default/ml'].count).toBe(3);
    expect(byKey['group:default/division'].count).toBe(3);
    expect(byKey['group:default/data-platform'].count).toBe(1);
    expect(byKey['group:default/engineering'].count).toBe(1);
    expect(byKey['group:default/loop-a'].count).toBe(1);
    expect(byKey['group:default/loop-b'].count).toBe(1);
    expect(byKey['group:default/ml'].levels).toEqual({
      L0: 1,
      L1: 1,
      L2: 0,
      L3: 1,
    });
    expect(byKey['group:default/ml'].score).toBeCloseTo((40 + 95 + 10) / 3, 1);
    expect(byKey['group:default/ml'].dimensions.fallback).toBeCloseTo(2 / 3, 3);
    expect(res.body.topGaps).toEqual([
      { checkId: 'SEC-5', count: 2 },
      { checkId: 'FB-2', count: 1 },
      { checkId: 'OWN-1', count: 1 },
    ]);

    // Filtering by a group takes its sub-groups too: the same pilots as its summary row.
    for (const name of ['division', 'ml', 'loop-a']) {
      const list = await request(app).get(
        `/scorecards?owner=group:default/${name}`,
      );
      expect({ name, count: list.body.totalCount }).toEqual({
        name,
        count: byKey[`group:default/${name}`].count,
      });
    }

    const system = await request(app).get('/summary?groupBy=system');
    expect(system.body.groups.map((g: any) => [g.key, g.count])).toEqual([
      ['(none)', 4],
      ['system:default/claims', 1],
    ]);
    const level = await request(app).get(
      '/summary?groupBy=level&owner=group:default/ml',
    );
    expect(level.body.groups.map((g: any) => [g.key, g.count])).toEqual([
      ['L0', 1],
      ['L1', 1],
      ['L2', 0],
      ['L3', 1],
    ]);
  });

  it('exports CSV with quoting and without spreadsheet formulas', async () => {
    const { app } = await setup();
    const res = await request(app).get('/export.csv?orderBy=score&order=desc');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('ai-readiness.csv');
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe(
      'entityRef,title,owner,system,level,levelName,score,dimension.ownership,dimension.data,dimension.integration,dimension.fallback,dimension.monitoring,dimension.security,dimension.operations,failingChecks,nextLevelBlockers,evaluatedAt',
    );
    expect(lines[2]).toContain('"Beta, ""the"" assistant"');
    expect(lines[3]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[3]).toContain(',FB-2 SEC-5,');
    const filtered = await request(app).get('/export.csv?level=L3');
    expect(filtered.text.trimEnd().split('\r\n')).toHaveLength(2);
  });

  it('serves history within a date range', async () => {
    const { app, store } = await setup();
    await recordScorecards(store, [
      fakeScorecard({
        entityRef: 'component:default/alpha',
        level: 'L2',
        score: 60,
        evaluatedAt: '2026-11-26T08:00:00.000Z',
      }),
    ]);
    const all = await request(app).get(
      '/scorecards/default/component/alpha/history',
    );
    expect(
      all.body.items.map((i: any) => [i.evaluatedAt, i.level, i.score]),
    ).toEqual([
      ['2026-11-25T10:00:00.000Z', 'L1', 40],
      ['2026-11-26T08:00:00.000Z', 'L2', 60],
    ]);
    const day = await request(app).get(
      '/scorecards/default/component/alpha/history?from=2026-11-25&to=2026-11-25',
    );
    expect(day.body.items).toHaveLength(1);
    expect(day.body.items[0].dimensions.fallback).toBe(0);
  });

  it('serves the rubric as configured', async () => {
    const { app } = await setup();
    const res = await request(app).get('/rubric');
    expect(res.status).toBe(200);
    expect(res.body.dimensions.map((d: any) => d.id)).toEqual([
      'ownership',
      'data',
      'integration',
      'fallback',
      'monitoring',
      'security',
      'operations',
    ]);
    expect(res.body.checks.map((c: any) => c.id)).toContain('FB-2');
  });

  it('refreshes one entity or asks for a full refresh, answering 202', async () => {
    const { app, store, triggerRefresh } = await setup();
    const one = await request(app)
      .post('/refresh')
      .send({ entityRef: 'component:default/fresh' });
    expect(one.status).toBe(202);
    expect(
      (await store.getScorecard('component:default/fresh'))?.entityRef,
    ).toBe('component:default/fresh');
    expect(triggerRefresh).not.toHaveBeenCalled();

    const all = await request(app).post('/refresh').send({});
    expect(all.status).toBe(202);
    expect(triggerRefresh).toHaveBeenCalledTimes(1);
    const empty = await request(app).post('/refresh');
    expect(empty.status).toBe(202);
  });
});
