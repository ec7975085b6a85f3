import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { ReadinessLevel } from '@ai-readiness/plugin-ai-readiness-common';
import type { Knex } from 'knex';
import type {
  CampaignDayRow,
  CampaignOccasion,
  CampaignStore,
  LevelHistoryRow,
} from './CampaignStore';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';

const HISTORY = 'ai_readiness_history';
const NOTIFICATIONS = 'ai_readiness_campaign_notifications';
const DAYS = 'ai_readiness_campaign_days';
const CHUNK = 200;

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /unique constraint|UNIQUE constraint failed/i.test(String(e?.message))
  );
}

/**
 * The campaign tables. Migrations are those of the plugin (one folder, run by
 * DatabaseScorecardStore.create), so this store runs none itself.
 */
export class DatabaseCampaignStore implements CampaignStore {
  static async create(options: {
    database: DatabaseService;
    /** Run the plugin's migrations first (default: true unless the database says skip). */
    skipMigrations?: boolean;
  }): Promise<DatabaseCampaignStore> {
    const { database } = options;
    if (!options.skipMigrations) {
      // Idempotent: the scorecard store's create runs the same folder.
      await DatabaseScorecardStore.create({ database });
    }
    return new DatabaseCampaignStore(await database.getClient());
  }

  constructor(private readonly db: Knex) {}

  async readLevelHistory(untilDay: string): Promise<LevelHistoryRow[]> {
    const rows = await this.db(HISTORY)
      .where('day', '<=', untilDay)
      .orderBy([
        { column: 'entity_ref', order: 'asc' },
        { column: 'evaluated_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .select('entity_ref', 'day', 'level');
    return rows.map((r: any) => ({
      entityRef: r.entity_ref,
      day: r.day,
      level: r.level as ReadinessLevel,
    }));
  }

  async recordDays(rows: CampaignDayRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await this.db(DAYS)
        .insert(
          rows.slice(i, i + CHUNK).map(r => ({
            campaign_id: r.campaignId,
            entity_ref: r.entityRef,
            day: r.day,
            in_scope: r.inScope,
            met: r.met,
          })),
        )
        .onConflict(['campaign_id', 'entity_ref', 'day'])
        .merge(['in_scope', 'met']);
    }
  }

  async readDays(
    campaignId: string,
    untilDay: string,
  ): Promise<CampaignDayRow[]> {
    const rows = await this.db(DAYS)
      .where({ campaign_id: campaignId })
      .andWhere('day', '<=', untilDay)
      .orderBy([
        { column: 'entity_ref', order: 'asc' },
        { column: 'day', order: 'asc' },
      ])
      .select('entity_ref', 'day', 'in_scope', 'met');
    return rows.map((r: any) => ({
      campaignId,
      entityRef: r.entity_ref,
      day: r.day,
      inScope: Boolean(r.in_scope),
      met: Boolean(r.met),
    }));
  }

  async listClaims(campaignId: string): Promise<Set<string>> {
    const rows = await this.db(NOTIFICATIONS)
      .where({ campaign_id: campaignId })
      .select('entity_ref', 'occasion');
    return new Set(rows.map((r: any) => `${r.entity_ref}|${r.occasion}`));
  }

  async claimNotification(claim: {
    campaignId: string;
    entityRef: string;
    occasion: CampaignOccasion;
    recipient: string | null;
    at: Date;
  }): Promise<boolean> {
    try {
      await this.db(NOTIFICATIONS).insert({
        campaign_id: claim.campaignId,
        entity_ref: claim.entityRef,
        occasion: claim.occasion,
        recipient: claim.recipient,
        claimed_at: claim.at.toISOString(),
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async releaseNotification(claim: {
    campaignId: string;
    entityRef: string;
    occasion: CampaignOccasion;
  }): Promise<void> {
    await this.db(NOTIFICATIONS)
      .where({
        campaign_id: claim.campaignId,
        entity_ref: claim.entityRef,
        occasion: claim.occasion,
      })
      .delete();
  }
}
