import { fakeScorecard } from '@ai-readiness/plugin-ai-readiness-common/testUtils';
import fs from 'fs';
import { Knex } from 'knex';
import {
  changeStoreFor,
  createTestDatabases,
  scorecardStoreFor,
} from '../__testUtils__/databases';
import { recordScorecards } from '../services/ScorecardRefresher/recordScorecards';
import { MIGRATIONS_DIR, MIGRATIONS_TABLE } from './persistenceContext';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const migrationFiles = fs
  .readdirSync(MIGRATIONS_DIR)
  .filter(f => f.endsWith('.js'))
  .sort();

async function migrateUpOnce(knex: Knex) {
  await knex.migrate.up({
    directory: MIGRATIONS_DIR,
    tableName: MIGRATIONS_TABLE,
  });
}

async function migrateDownOnce(knex: Knex) {
  await knex.migrate.down({
    directory: MIGRATIONS_DIR,
    tableName: MIGRATIONS_TABLE,
  });
}

const TABLES = [
  'ai_readiness_scorecards',
  'ai_readiness_history',
  'ai_readiness_level_drops',
  'ai_readiness_revision',
  'ai_readiness_etags',
  'ai_readiness_pilot_inputs',
  'ai_readiness_waiver_requests',
  'ai_readiness_waiver_audit',
];

describe.each(databases.eachSupportedId())('migrations on %s', databaseId => {
  it('are named <YYYYMMDDHHMMSS>_<name>.js', () => {
    expect(migrationFiles.length).toBeGreaterThan(0);
    for (const file of migrationFiles)
      expect(file).toMatch(/^\d{14}_[a-z0-9_]+\.js$/);
  });

  it('step up and down one file at a time, with rows in the tables', async () => {
    const knex = await databases.init(databaseId);
    for (const _file of migrationFiles) await migrateUpOnce(knex);
    for (const table of TABLES)
      expect(await knex.schema.hasTable(table)).toBe(true);

    // Seed rows through the store, then undo the migrations one by one.
    const store = await scorecardStoreFor({
      database: { getClient: async () => knex },
      skipMigrations: true,
    });
    await recordScorecards(store, [
      fakeScorecard({ entityRef: 'component:default/a', level: 'L2' }),
    ]);
    await recordScorecards(store, [
      fakeScorecard({
        entityRef: 'component:default/a',
        level: 'L1',
        evaluatedAt: '2026-11-26T10:00:00.000Z',
      }),
    ]);
    expect(
      Number((await knex('ai_readiness_scorecards').count({ n: '*' }))[0].n),
    ).toBe(1);
    expect(
      Number((await knex('ai_readiness_history').count({ n: '*' }))[0].n),
    ).toBe(2);
    expect(
      Number((await knex('ai_readiness_level_drops').count({ n: '*' }))[0].n),
    ).toBe(1);
    const changes = await changeStoreFor({
      database: { getClient: async () => knex },
      skipMigrations: true,
    });
    await changes.recordReads([
      {
        pilot: { ref: 'component:default/a', etag: 'e1' },
        inputs: [{ ref: 'group:default/ml', etag: 'g1' }],
      },
    ]);
    expect(
      Number((await knex('ai_readiness_pilot_inputs').count({ n: '*' }))[0].n),
    ).toBe(2);

    for (const _file of [...migrationFiles].reverse())
      await migrateDownOnce(knex);
    for (const table of TABLES)
      expect(await knex.schema.hasTable(table)).toBe(false);

    // And up again from nothing.
    for (const _file of migrationFiles) await migrateUpOnce(knex);
    for (const table of TABLES)
      expect(await knex.schema.hasTable(table)).toBe(true);
    expect(
      Number((await knex('ai_readiness_revision').first('revision'))!.revision),
    ).toBe(0);
    await knex.destroy();
  });

  it('give earlier campaign day rows in_scope true, and drop the column and the out-of-scope rows going down', async () => {
    const knex = await databases.init(databaseId);
    const scope = migrationFiles.indexOf(
      '20261127140000_campaign_days_scope.js',
    );
    expect(scope).toBeGreaterThan(0);
    for (const _file of migrationFiles.slice(0, scope))
      await migrateUpOnce(knex);
    const row = {
      campaign_id: 'c',
      entity_ref: 'component:default/a',
      day: '2026-12-01',
      met: true,
    };
    await knex('ai_readiness_campaign_days').insert(row);
    await migrateUpOnce(knex);
    expect(
      Boolean(
        (await knex('ai_readiness_campaign_days').first('in_scope'))!.in_scope,
      ),
    ).toBe(true);
    await knex('ai_readiness_campaign_days').insert({
      ...row,
      day: '2026-12-02',
      in_scope: false,
    });
    await migrateDownOnce(knex);
    expect(
      await knex.schema.hasColumn('ai_readiness_campaign_days', 'in_scope'),
    ).toBe(false);
    const left = await knex('ai_readiness_campaign_days').select('day');
    expect(left.map((r: any) => r.day)).toEqual(['2026-12-01']);
    await knex.destroy();
  });
});
