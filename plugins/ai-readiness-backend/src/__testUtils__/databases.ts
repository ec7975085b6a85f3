import { DatabaseService } from '@backstage/backend-plugin-api';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';

/**
 * The PostgreSQL id that scripts/test.js starts (AI_READINESS_TEST_PG_ID,
 * e.g. POSTGRES_15, with BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING),
 * and SQLite.
 */
export const PG_ID = (process.env.AI_READINESS_TEST_PG_ID ??
  'POSTGRES_15') as TestDatabaseId;

export function createTestDatabases(): TestDatabases {
  return TestDatabases.create({ ids: [PG_ID, 'SQLITE_3'] });
}

/** A database service over one knex client. */
export function databaseServiceFor(knex: Knex): DatabaseService {
  return { getClient: async () => knex };
}
