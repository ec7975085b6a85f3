/*
 * Wire types of targets and campaigns (shared/targets.md): on the scorecard,
 * and the answers of GET /campaigns, GET /campaigns/:id.
 */
import type { ReadinessLevel } from '../types';
import type { CampaignConfig } from './schema';

// On the scorecard, so defined with it (types.ts imports nothing from here).
export type { ScorecardCampaign, TargetStatus } from '../types';

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

/** One item of GET /campaigns: the configured campaign (its scope aside) and its state. @public */
export interface CampaignListItem
  extends Pick<
    CampaignConfig,
    'id' | 'title' | 'description' | 'owner' | 'start' | 'deadline'
  > {
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

/**
 * Parameters of GET /campaigns/:id, all optional: they page and filter
 * `pilots` only (the counts, `byOwner` and `progress` always cover every
 * visible pilot in scope).
 * @public
 */
export interface CampaignPilotsQuery {
  /** Page size, 1–1000 (default 50). */
  limit?: number;
  /** Pilots skipped (default 0). */
  offset?: number;
  /** Only the pilots meeting (true) or not meeting (false) the goal. */
  met?: boolean;
  /** Case-insensitive text in the entity ref, title or owner. */
  q?: string;
  /** Owner group ref (kind defaults to group); its sub-groups included. */
  owner?: string;
}

/**
 * GET /campaigns/:id. `pilots` is one page of the visible pilots in scope
 * that match the query, those not meeting the goal first, then by title and
 * entity ref; `pilotsTotal` counts every matching one.
 * @public
 */
export interface CampaignDetail extends CampaignListItem {
  pilots: CampaignPilot[];
  /** Pilots matching the query's filters (before limit and offset). */
  pilotsTotal: number;
  byOwner: CampaignOwnerRollup[];
  progress: CampaignProgressPoint[];
}
