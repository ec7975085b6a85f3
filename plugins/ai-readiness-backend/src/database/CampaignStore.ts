/** Why a campaign notification is sent (targets.md). */
export type CampaignOccasion = 'active' | 'due-14' | 'due-3' | 'overdue';

/**
 * A pilot's state in a campaign from a day on (until its next row): in the
 * campaign's scope or not, and whether it met the goal. The campaign task
 * writes a row only when a pilot's state differs from its latest row, so a
 * pilot entering the scope gets its first row that day and one leaving it a
 * row with `inScope: false`.
 */
export interface CampaignDayRow {
  campaignId: string;
  /** Lower-cased entity ref. */
  entityRef: string;
  /** YYYY-MM-DD (UTC). */
  day: string;
  inScope: boolean;
  met: boolean;
}

/** Storage of what campaigns need beyond the scorecards. */
export interface CampaignStore {
  /**
   * Records (or overwrites: the last write of a day wins) the day's state of
   * pilots; an upsert, so replicas and re-runs can write the same rows.
   */
  recordDays(rows: CampaignDayRow[]): Promise<void>;

  /** The rows of a campaign up to and including `untilDay`, per pilot oldest first. */
  readDays(campaignId: string, untilDay: string): Promise<CampaignDayRow[]>;

  /** The notifications already claimed for a campaign, as `entityRef|occasion`. */
  listClaims(campaignId: string): Promise<Set<string>>;

  /**
   * Inserts the notification row; true for exactly one caller (whatever the
   * number of replicas), false when it was already claimed.
   */
  claimNotification(claim: {
    campaignId: string;
    entityRef: string;
    occasion: CampaignOccasion;
    recipient: string | null;
    at: Date;
  }): Promise<boolean>;

  /** Deletes a claim whose notification could not be sent, to retry later. */
  releaseNotification(claim: {
    campaignId: string;
    entityRef: string;
    occasion: CampaignOccasion;
  }): Promise<void>;
}
