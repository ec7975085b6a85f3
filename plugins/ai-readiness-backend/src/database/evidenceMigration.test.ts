import fs from 'fs';
import { Knex } from 'knex';
import {
  createTestDatabases,
  evidenceStoreFor,
} from '../__testUtils__/databases';
import { MIGRATIONS_DIR, MIGRATIONS_TABLE } from './persistenceContext';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const EVIDENCE_MIGRATION = '20261127120000_evidence.js';

const files = fs
  .readdirSync(MIGRATIONS_DIR)
  .filter(f => f.endsWith('.js'))
  .sort();

const config = {
  directory: MIGRATIONS_DIR,
  tableName: MIGRATIONS_TABLE,
};

async function columnsOf(knex: Knex) {
  return Object.keys(await knex('ai_readiness_evidence').columnInfo()).sort();
}

describe.each(databases.eachSupportedId())(
  'evidence migration on %s',
  databaseId => {
    it('steps up and down with rows in the table', async () => {
      const knex = await databases.init(databaseId);
      const index = files.indexOf(EVIDENCE_MIGRATION);
      expect(index).toBeGreaterThanOrEqual(0);
      // Up to the one before, then the evidence migration alone.
      for (let i = 0; i < index; i++) await knex.migrate.up(config);
      expect(await knex.schema.hasTable('ai_readiness_evidence')).toBe(false);
      await knex.migrate.up(config);
      expect(await knex.schema.hasTable('ai_readiness_evidence')).toBe(true);
      expect(await columnsOf(knex)).toEqual([
        'checked_at',
        'collector',
        'detail',
        'state',
        'target',
      ]);

      const store = await evidenceStoreFor({
        database: { getClient: async () => knex },
        skipMigrations: true,
      });
      await store.writeResults([
        {
          collector: 'links',
          target: 'https://wiki.example.com/a',
          state: 'refuted',
          detail: '404',
          checkedAt: '2026-11-27T09:00:00.000Z',
        },
      ]);
      // The key is (collector, target): a second write replaces the row.
      await store.writeResults([
        {
          collector: 'links',
          target: 'https://wiki.example.com/a',
          state: 'verified',
          detail: '200',
          checkedAt: '2026-11-27T10:00:00.000Z',
        },
      ]);
      expect(await store.listResults()).toEqual([
        expect.objectContaining({ state: 'verified', detail: '200' }),
      ]);

      // Down with a row in it, then up again: the table comes back empty.
      await knex.migrate.down(config);
      expect(await knex.schema.hasTable('ai_readiness_evidence')).toBe(false);
      expect(await knex.schema.hasTable('ai_readiness_scorecards')).toBe(true);
      await knex.migrate.up(config);
      expect(await store.listResults()).toEqual([]);

      // The rest of the way down leaves nothing of the plugin's tables.
      for (let i = 0; i <= index; i++) await knex.migrate.down(config);
      expect(await knex.schema.hasTable('ai_readiness_evidence')).toBe(false);
      expect(await knex.schema.hasTable('ai_readiness_scorecards')).toBe(false);
    });

    it('comments the table and every column (PostgreSQL)', async () => {
      const knex = await databases.init(databaseId);
      if (knex.client.config.client !== 'pg') return;
      await knex.migrate.latest(config);
      const table = await knex.raw(
        `select obj_description('ai_readiness_evidence'::regclass) as comment`,
      );
      expect(table.rows[0].comment).toMatch(/evidence result/);
      const columns = await knex.raw(
        `select a.attname as name, col_description(a.attrelid, a.attnum) as comment
           from pg_attribute a
          where a.attrelid = 'ai_readiness_evidence'::regclass and a.attnum > 0 and not a.attisdropped`,
      );
      expect(columns.rows.length).toBe(5);
      for (const row of columns.rows) expect(row.comment).toBeTruthy();
    });
  },
);
