import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  CampaignDetail,
  CampaignListResponse,
  CampaignPilot,
} from '@ai-readiness/plugin-ai-readiness-common';

/**
 * Read side of campaigns: every answer counts only the pilots the caller may
 * read in the catalog.
 */
export interface CampaignQueries {
  list(credentials: BackstageCredentials): Promise<CampaignListResponse>;
  /** undefined for an unknown campaign id. */
  get(
    credentials: BackstageCredentials,
    id: string,
  ): Promise<CampaignDetail | undefined>;
}

/** Sends campaign notifications and records the day of checks-goal campaigns. */
export interface CampaignNotifier {
  /** One pass: returns how many notifications this caller sent. */
  run(): Promise<{ sent: number; recordedDays: number }>;
}

export type { CampaignPilot };
