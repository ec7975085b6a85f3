import { withCatalogRelations } from '@ai-readiness/plugin-ai-readiness-common/testUtils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import { permissionAwareCatalog } from '../__testUtils__/catalog';
import {
  conformanceEntities,
  conformanceExpected,
} from '../__testUtils__/conformance';
import { createTestDatabases } from '../__testUtils__/databases';
import { aiReadinessPlugin, REFRESH_TASK_ID } from '../plugin';
import { catalogAndNotifications } from '../__testUtils__/serviceFactories';

jest.setTimeout(120_000);

const databases = createTestDatabases();

/** Polls until the condition holds; fails after the deadline. */
async function waitFor(
  what: string,
  condition: () => Promise<boolean>,
  timeoutMs = 60_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

async function count(knex: Knex, table: string): Promise<number> {
  const [{ n }] = await knex(table).count({ n: '*' });
  return Number(n);
}

describe.each(databases.eachSupportedId())(
  'two replicas on one %s database',
  databaseId => {
    it('run each scheduled refresh once and answer the same', async () => {
      const knex1 = await databases.init(databaseId);
      // PostgreSQL: each replica has its own connection pool to the same
      // database. SQLite in memory only exists inside one connection.
      const knex2 = databaseId.startsWith('POSTGRES')
        ? knexFactory((knex1 as any).client.config)
        : knex1;
      const entities = withCatalogRelations(conformanceEntities());
      const expectedPilots = Object.keys(
        conformanceExpected().scorecards,
      ).length;

      const startReplica = (knex: Knex) => {
        const catalog = permissionAwareCatalog(entities);
        return startTestBackend({
          features: [
            aiReadinessPlugin,
            schedulerServiceFactory,
            mockServices.database.factory({ knex }),
            ...catalogAndNotifications(() => catalog),
            mockServices.rootConfig.factory({
              data: {
                aiReadiness: {
                  schedule: {
                    frequency: { minutes: 30 },
                    timeout: { minutes: 5 },
                    initialDelay: { seconds: 1 },
                  },
                },
              },
            }),
          ],
        }).then(backend => ({ backend, catalog }));
      };

      // One after the other: started together on an empty database,
      // Backstage's own scheduler migrations race to create their lock table
      // (outside this plugin). Both still schedule the same global task, so
      // the race for the task row is still exercised.
      const one = await startReplica(knex1);
      const two = await startReplica(knex2);
      try {
        await waitFor('the first refresh to finish', async () => {
          const task = await knex1('backstage_backend_tasks__tasks')
            .where({ id: `ai-readiness:${REFRESH_TASK_ID}` })
            .orWhere({ id: REFRESH_TASK_ID })
            .first();
          return (
            !!task?.last_run_ended_at &&
            !task.current_run_ticket &&
            (await count(knex1, 'ai_readiness_history')) > 0
          );
        });

        // One refresh's catalog read, by one replica, with the plugin's own
        // credentials: the model dependencies and tool servers, the scope
        // candidates, the components depending on one of them and those
        // consuming one (one query each, one page here).
        const refreshReads = (calls: typeof one.catalog.calls) =>
          calls.filter(
            c =>
              c.method === 'queryEntities' &&
              c.principal.startsWith('service:'),
          );
        const readers = [one, two].filter(
          r => refreshReads(r.catalog.calls).length > 0,
        );
        expect(readers).toHaveLength(1);
        expect(refreshReads(readers[0].catalog.calls)).toHaveLength(4);
        expect(await count(knex1, 'ai_readiness_scorecards')).toBe(
          expectedPilots,
        );
        // No duplicate history rows: one per pilot.
        expect(await count(knex1, 'ai_readiness_history')).toBe(expectedPilots);
        const perEntity = await knex1('ai_readiness_history')
          .select('entity_ref')
          .count({ n: '*' })
          .groupBy('entity_ref');
        expect(perEntity.every((row: any) => Number(row.n) === 1)).toBe(true);

        for (const path of [
          '/api/ai-readiness/scorecards?limit=100&orderBy=score&order=desc',
          '/api/ai-readiness/summary?groupBy=owner',
          '/api/ai-readiness/scorecards/default/component/claims-triage/history',
        ]) {
          const [a, b] = await Promise.all([
            request(one.backend.server).get(path),
            request(two.backend.server).get(path),
          ]);
          expect(a.status).toBe(200);
          expect(b.body).toEqual(a.body);
        }
        const list = await request(two.backend.server).get(
          '/api/ai-readiness/scorecards',
        );
        expect(list.body.totalCount).toBe(expectedPilots);

        // A single-entity refresh on one replica is seen by the other at once.
        entities.find(
          e => e.metadata.name === 'claims-triage',
        )!.metadata.annotations!['ai-readiness/risk-tier'] = 'prohibited';
        const refreshed = await request(one.backend.server)
          .post('/api/ai-readiness/refresh')
          .send({ entityRef: 'component:default/claims-triage' });
        expect(refreshed.status).toBe(202);
        const seen = await request(two.backend.server).get(
          '/api/ai-readiness/scorecards?limit=100&level=L0',
        );
        expect(seen.body.items.map((i: any) => i.entityRef)).toContain(
          'component:default/claims-triage',
        );
      } finally {
        await Promise.all([one.backend.stop(), two.backend.stop()]);
        if (knex2 !== knex1) await knex2.destroy();
      }
    });
  },
);
