import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { DatabaseCampaignStore } from './DatabaseCampaignStore';
import { DatabaseChangeStore } from './DatabaseChangeStore';
import { DatabaseEvidenceStore } from './DatabaseEvidenceStore';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { DatabaseWaiverStore } from './DatabaseWaiverStore';
import { migrateLatest } from './migrateLatest';

/** The plugin's one migrations folder (every table of every store). */
export const MIGRATIONS_DIR = resolvePackagePath(
  '@ai-readiness/plugin-ai-readiness-backend',
  'migrations',
);

/** The knex migrations table of this plugin. */
export const MIGRATIONS_TABLE = 'ai_readiness__knex_migrations';

/** The plugin's stores, on one migrated database. */
export interface PersistenceContext {
  scorecardStore: DatabaseScorecardStore;
  evidenceStore: DatabaseEvidenceStore;
  campaignStore: DatabaseCampaignStore;
  changeStore: DatabaseChangeStore;
  waiverStore: DatabaseWaiverStore;
}

/**
 * Migrates the plugin's database once (unless the database service or the
 * caller says skip) and returns its stores.
 */
export async function initializePersistenceContext(
  database: DatabaseService,
  options: { skipMigrations?: boolean } = {},
): Promise<PersistenceContext> {
  const client = await database.getClient();
  if (!options.skipMigrations && !database.migrations?.skip) {
    await migrateLatest(client, MIGRATIONS_DIR, MIGRATIONS_TABLE);
  }
  return {
    scorecardStore: new DatabaseScorecardStore(client),
    evidenceStore: new DatabaseEvidenceStore(client),
    campaignStore: new DatabaseCampaignStore(client),
    changeStore: new DatabaseChangeStore(client),
    waiverStore: new DatabaseWaiverStore(client),
  };
}
