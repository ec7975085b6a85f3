import { DatabaseService } from '@backstage/backend-plugin-api';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { initializePersistenceContext } from '../database/persistenceContext';

/**
 * The PostgreSQL id that scripts/with-postgres.sh starts (AI_READINESS_TEST_PG_ID,
 * e.g. POSTGRES_15, with BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING),
 * and SQLite.
 */
export const PG_ID = (process.env.AI_READINESS_TEST_PG_ID ??
  'POSTGRES_15') as TestDatabaseId;

/**
 * SQLite always; PostgreSQL when a server was given (AI_READINESS_TEST_PG_ID,
 * as scripts/test.js sets it), so that a plain jest run needs no container.
 */
export function createTestDatabases(): TestDatabases {
  return TestDatabases.create({
    ids: process.env.AI_READINESS_TEST_PG_ID
      ? [PG_ID, 'SQLITE_3']
      : ['SQLITE_3'],
  });
}

/** A database service over one knex client. */
export function databaseServiceFor(knex: Knex): DatabaseService {
  return { getClient: async () => knex };
}

/**
 * A store on a fresh test database of the given id, made by the store's
 * `create`; with the knex client, for tests that look at the rows.
 */
export async function storeOn<S>(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
  create: (options: { database: DatabaseService }) => Promise<S>,
): Promise<{ knex: Knex; store: S }> {
  const knex = await databases.init(databaseId);
  const store = await create({ database: databaseServiceFor(knex) });
  return { knex, store };
}

type StoreOptions = { database: DatabaseService; skipMigrations?: boolean };

/** The plugin's stores on a database, as plugin.ts gets them. */
export const storesFor = (options: StoreOptions) =>
  initializePersistenceContext(options.database, options);
export const scorecardStoreFor = async (options: StoreOptions) =>
  (await storesFor(options)).scorecardStore;
export const evidenceStoreFor = async (options: StoreOptions) =>
  (await storesFor(options)).evidenceStore;
export const campaignStoreFor = async (options: StoreOptions) =>
  (await storesFor(options)).campaignStore;
export const changeStoreFor = async (options: StoreOptions) =>
  (await storesFor(options)).changeStore;
export const waiverStoreFor = async (options: StoreOptions) =>
  (await storesFor(options)).waiverStore;
