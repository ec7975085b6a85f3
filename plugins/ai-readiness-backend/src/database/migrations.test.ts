import fs from 'fs';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { fakeScorecard } from '../__testUtils__/scorecards';
import { recordScorecards } from '../services/ReadinessEvaluator/recordScorecards';
import {
  DatabaseScorecardStore,
  MIGRATIONS_TABLE,
} from './DatabaseScorecardStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const migrationFiles = fs
  .readdirSync(DatabaseScorecardStore.migrationsDir)
  .filter(f => f.endsWith('.js'))
  .sort();

async function migrateUpOnce(knex: Knex) {
  await knex.migrate.up({
    directory: DatabaseScorecardStore.migrationsDir,
    tableName: MIGRATIONS_TABLE,
  });
}

async function migrateDownOnce(knex: Knex) {
  await knex.migrate.down({
    directory: DatabaseScorecardStore.migrationsDir,
    tableName: MIGRATIONS_TABLE,
  });
}

const TABLES = [
  'ai_readiness_scorecards',
  'ai_readiness_history',
  'ai_readiness_level_drops',
  'ai_readiness_revision',
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
    const store = await DatabaseScorecardStore.create({
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
});
