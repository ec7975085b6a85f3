import type { ReadinessLevel } from '@ai-readiness/plugin-ai-readiness-common';

/** Why a campaign notification is sent (targets.md). */
export type CampaignOccasion = 'active' | 'due-14' | 'due-3' | 'overdue';

/** One row of the scorecard history, as campaign progress reads it. */
export interface LevelHistoryRow {
  /** Lower-cased entity ref. */
  entityRef: string;
  /** YYYY-MM-DD. */
  day: string;
  level: ReadinessLevel;
}

/** Whether a pilot met a checks-goal campaign at the end of a day. */
export interface CampaignDayRow {
  campaignId: string;
  entityRef: string;
  day: string;
  met: boolean;
}

/** Storage of what campaigns need beyond the scorecards. */
export interface CampaignStore {
  /** History rows up to and including `untilDay`, per pilot oldest first. */
  readLevelHistory(untilDay: string): Promise<LevelHistoryRow[]>;

  /** Records (or overwrites) the day's met state of pilots of checks-goal campaigns. */
  recordDays(rows: CampaignDayRow[]): Promise<void>;

  /** The recorded days of a campaign up to `untilDay`. */
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
