/*
 * Wire types of targets and campaigns (shared/targets.md): on the scorecard,
 * and the answers of GET /campaigns, GET /campaigns/:id.
 */
import type { ReadinessLevel } from '../types';

/** The level a pilot must reach, from the first matching target rule. @public */
export interface TargetStatus {
  level: ReadinessLevel;
  /** Index of the matching rule in `aiReadiness.targets` (or the defaults). */
  rule: number;
  /** The level is at or above the target. */
  met: boolean;
}

/** A campaign whose scope holds the pilot, as seen on its scorecard. @public */
export interface ScorecardCampaign {
  id: string;
  met: boolean;
  /** Next-level blockers up to the goal level, or the goal checks short of pass. */
  missing: string[];
}

/** @public */
export const CAMPAIGN_STATES = [
  'upcoming',
  'active',
  'done',
  'overdue',
] as const;

/** @public */
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

/** @public */
export type CampaignGoal = { level: ReadinessLevel } | { checks: string[] };

/** One item of GET /campaigns. @public */
export interface CampaignListItem {
  id: string;
  title: string;
  description?: string;
  owner: string;
  start: string;
  deadline: string;
  goal: CampaignGoal;
  state: CampaignState;
  /** Visible pilots in scope. */
  total: number;
  /** Of those, the ones meeting the goal. */
  met: number;
}

/** @public */
export interface CampaignListResponse {
  items: CampaignListItem[];
}

/** @public */
export interface CampaignPilot {
  entityRef: string;
  title: string;
  owner: string | null;
  level: ReadinessLevel;
  met: boolean;
  missing: string[];
}

/** @public */
export interface CampaignOwnerRollup {
  owner: string;
  total: number;
  met: number;
}

/** Pilots in scope meeting the goal at the end of a day. @public */
export interface CampaignProgressPoint {
  date: string;
  met: number;
  total: number;
}

/** GET /campaigns/:id. @public */
export interface CampaignDetail extends CampaignListItem {
  pilots: CampaignPilot[];
  byOwner: CampaignOwnerRollup[];
  progress: CampaignProgressPoint[];
}
