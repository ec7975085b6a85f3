import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  CampaignDetail,
  CampaignListResponse,
  CampaignPilot,
  CampaignPilotsQuery,
} from '@ai-readiness/plugin-ai-readiness-common';

/** Pilots per page of GET /campaigns/:id when `limit` is absent. */
export const DEFAULT_PILOTS_LIMIT = 50;

/**
 * Read side of campaigns: every answer counts only the pilots the caller may
 * read in the catalog.
 */
export interface CampaignQueries {
  list(credentials: BackstageCredentials): Promise<CampaignListResponse>;
  /**
   * One page of the campaign's pilots (default: the first
   * DEFAULT_PILOTS_LIMIT) with the counts, roll-up and progress; undefined
   * for an unknown campaign id.
   */
  get(
    credentials: BackstageCredentials,
    id: string,
    query?: CampaignPilotsQuery,
  ): Promise<CampaignDetail | undefined>;

  /** Every visible pilot of the campaign (the CSV); undefined for an unknown id. */
  allPilots(
    credentials: BackstageCredentials,
    id: string,
  ): Promise<CampaignPilot[] | undefined>;
}

/** Sends campaign notifications and records the day's state of active campaigns. */
export interface CampaignNotifier {
  /**
   * One pass: returns how many notifications this caller sent and how many
   * rows of the daily record it wrote (only changes are written).
   */
  run(): Promise<{ sent: number; recordedDays: number }>;
}

export type { CampaignPilot };
