import { mockServices } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import {
  campaignStoreFor,
  databaseServiceFor,
  scorecardStoreFor,
} from '../__testUtils__/databases';
import { createCampaignNotifier } from '../services/Campaigns/createCampaignNotifier';
import { createTestDatabases } from '../__testUtils__/databases';
import { campaigns, writeThreeDays } from '../__testUtils__/campaigns';

jest.setTimeout(60_000);

const databases = createTestDatabases();

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
        const store1 = await scorecardStoreFor({
          database: databaseServiceFor(knex1),
        });
        await writeThreeDays(store1);
        const sent: any[] = [];
        const replica = async (knex: Knex, today: string) => {
          const database = databaseServiceFor(knex);
          return createCampaignNotifier({
            store: await scorecardStoreFor({
              database,
              skipMigrations: true,
            }),
            campaignStore: await campaignStoreFor({
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
