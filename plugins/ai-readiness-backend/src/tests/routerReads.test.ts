/*
 * The router's reads and refresh: lists, one scorecard, summaries, CSV,
 * history, rubric.
 */
import { fakeScorecard } from '@ai-readiness/plugin-ai-readiness-common/testUtils';
import request from 'supertest';
import { recordScorecards } from '../services/ScorecardRefresher/recordScorecards';
import { cards, setup, restricted } from '../__testUtils__/routerApp';

jest.setTimeout(30_000);

describe('createRouter', () => {
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
