import { mockServices } from '@backstage/backend-test-utils';
import { Scorecard } from '@ai-readiness/plugin-ai-readiness-common';
import request from 'supertest';
import { createCampaignNotifier } from '../services/Campaigns/createCampaignNotifier';
import { recordScorecards } from '../services/ScorecardRefresher/recordScorecards';
import { createTestDatabases } from '../__testUtils__/databases';
import {
  campaigns,
  card,
  restricted,
  setup,
  writeThreeDays,
} from '../__testUtils__/campaigns';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'campaign progress on %s',
  databaseId => {
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
  },
);
