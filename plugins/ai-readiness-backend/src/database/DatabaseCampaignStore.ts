import type { Knex } from 'knex';
import type {
  CampaignDayRow,
  CampaignOccasion,
  CampaignStore,
} from './CampaignStore';

const NOTIFICATIONS = 'ai_readiness_campaign_notifications';
const DAYS = 'ai_readiness_campaign_days';
const CHUNK = 200;

/** The campaign tables (knex, SQLite and PostgreSQL). */
export class DatabaseCampaignStore implements CampaignStore {
  /** On a migrated database (initializePersistenceContext). */
  constructor(private readonly db: Knex) {}

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
    // The first insert wins; a claimed row makes the insert return nothing.
    const inserted = await this.db(NOTIFICATIONS)
      .insert({
        campaign_id: claim.campaignId,
        entity_ref: claim.entityRef,
        occasion: claim.occasion,
        recipient: claim.recipient,
        claimed_at: claim.at.toISOString(),
      })
      .onConflict(['campaign_id', 'entity_ref', 'occasion'])
      .ignore()
      .returning('campaign_id');
    return inserted.length > 0;
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
