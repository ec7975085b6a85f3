/*
 * The router's guards: credentials, permissions, and only what the caller
 * may read in the catalog.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { setup, restricted } from '../__testUtils__/routerApp';

jest.setTimeout(30_000);

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
    ['/scorecards?scope=everything', 'scope'],
    ['/export.csv?scope=tags', 'scope'],
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
});
