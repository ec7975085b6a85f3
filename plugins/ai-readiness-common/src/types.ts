/*
 * Wire and engine types shared by the backend, the frontend and the CLI.
 * The scorecard shape is a public contract (see shared/interfaces.md).
 */
import type { CheckEvidence, EvidenceCounts } from './evidence/types';

/** The seven readiness dimensions, in display order. */
export const DIMENSION_IDS = [
  'ownership',
  'data',
  'integration',
  'fallback',
  'monitoring',
  'security',
  'operations',
] as const;

/** @public */
export type DimensionId = (typeof DIMENSION_IDS)[number];

/** @public */
export const DIMENSION_TITLES: Record<DimensionId, string> = {
  ownership: 'Ownership',
  data: 'Data readiness',
  integration: 'Integration',
  fallback: 'Fallback paths',
  monitoring: 'Monitoring',
  security: 'Security and privacy',
  operations: 'Operating model',
};

/** @public */
export const CHECK_STATUSES = [
  'pass',
  'partial',
  'fail',
  'error',
  'waived',
  'not-applicable',
] as const;

/** @public */
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** @public */
export const READINESS_LEVELS = ['L0', 'L1', 'L2', 'L3'] as const;

/** @public */
export type ReadinessLevel = (typeof READINESS_LEVELS)[number];

/** @public */
export const LEVEL_NAMES: Record<ReadinessLevel, string> = {
  L0: 'Unready',
  L1: 'Pilot',
  L2: 'Limited rollout',
  L3: 'Production',
};

/** What an owner adds to catalog-info.yaml to close a gap. @public */
export interface Remediation {
  text: string;
  yaml: string;
}

/** @public */
export interface WaiverInfo {
  /** YYYY-MM-DD, the last day the waiver applies. */
  expires: string;
  reason: string;
  /**
   * `annotation`: written by the owners; `approved`: an approved request
   * (shared/waivers.md). Optional for scorecards stored before requests.
   */
  source?: 'annotation' | 'approved';
  /** Approved requests: `waiver` or `mitigated`. */
  category?: 'waiver' | 'mitigated';
  /** Approved requests: who approved it. */
  approvedBy?: string | null;
  /** Approved requests: the request's id. */
  requestId?: string;
}

/** @public */
export interface CheckResult {
  id: string;
  title: string;
  gate: boolean;
  status: CheckStatus;
  message: string;
  frameworks: string[];
  /** Present for every status short of pass (null for pass and not-applicable). */
  remediation: Remediation | null;
  waiver: WaiverInfo | null;
  /**
   * The evidence items of configured collectors this check read
   * (shared/evidence.md). The engine always sets it ([] without evidence);
   * optional for scorecards stored before evidence existed.
   */
  evidence?: CheckEvidence[];
}

/** @public */
export interface DimensionResult {
  id: DimensionId;
  title: string;
  /** Mean of the dimension's scored checks, 0–1; null when every check is not-applicable. */
  score: number | null;
  checks: CheckResult[];
}

/** @public */
export interface NextLevel {
  level: ReadinessLevel;
  /** Check ids and dimension findings such as "dimension fallback 0.75 < 0.8". */
  blockers: string[];
}

/** @public */
export interface DriftFinding {
  message: string;
}

/** @public */
export interface Scorecard {
  entityRef: string;
  title: string;
  owner: string | null;
  system: string | null;
  /** The evaluation date, YYYY-MM-DD. */
  asOf: string;
  /** ISO timestamp of the evaluation. */
  evaluatedAt: string;
  level: ReadinessLevel;
  levelName: string;
  /** Overall score 0–100. */
  score: number;
  dimensions: DimensionResult[];
  /** null at L3. */
  nextLevel: NextLevel | null;
  drift: DriftFinding[];
  /**
   * Counts over the scorecard's distinct evidence items (shared/evidence.md).
   * The engine always sets it (zeros without evidence); optional for
   * scorecards stored before evidence existed.
   */
  evidence?: EvidenceCounts;
  /** The level the pilot must reach (shared/targets.md); null without a matching rule. */
  target?: TargetStatus | null;
  /** The campaigns whose scope holds the pilot. */
  campaigns?: ScorecardCampaign[];
  /**
   * Why the entity is an AI pilot: the scope rule that decided (rubric "Which
   * entities are AI pilots"). The engine always sets it; optional for
   * scorecards stored before it existed.
   */
  scope?: ScorecardScope;
  /**
   * The weakest link (rubric "Levels"): set when pilots this one depends on or
   * hands off to hold its level down; `level` is then the capped level.
   */
  cap?: ScorecardCap | null;
}

/** The scope rules, in the order they are tried. @public */
export const SCOPE_RULES = [
  'opt-in',
  'type',
  'agent',
  'tag',
  'model-dependency',
  'tool-server',
] as const;

/** @public */
export type ScopeRule = (typeof SCOPE_RULES)[number];

/** Why an entity is an AI pilot. @public */
export interface ScorecardScope {
  rule: ScopeRule;
  /** What matched, e.g. "tag genai", "uses resource:default/gpt (ai-model)". */
  message: string;
}

/** A level held down by the pilots reached through dependsOn and handoffs. @public */
export interface ScorecardCap {
  /** The pilot's own (uncapped) level. */
  level: ReadinessLevel;
  /** Refs of the reachable pilots whose uncapped level is the lowest. */
  by: string[];
}

/** @public */
export interface DimensionScore {
  id: DimensionId;
  title: string;
  score: number | null;
}

/** A scorecard without the checks, as listed by GET /scorecards. @public */
export interface ScorecardSummary extends Omit<Scorecard, 'dimensions'> {
  dimensions: DimensionScore[];
  /** Ids of checks whose status is fail, partial or error. */
  failingChecks: string[];
}

/** @public */
export interface ScorecardListResponse {
  items: ScorecardSummary[];
  totalCount: number;
}

/** @public */
export interface HistoryPoint {
  evaluatedAt: string;
  level: ReadinessLevel;
  score: number;
  dimensions: Partial<Record<DimensionId, number | null>>;
}

/** @public */
export interface HistoryResponse {
  items: HistoryPoint[];
}

/** @public */
export interface SummaryGroup {
  key: string;
  count: number;
  levels: Record<ReadinessLevel, number>;
  /** Mean overall score 0–100 of the group's pilots. */
  score: number;
  dimensions: Partial<Record<DimensionId, number | null>>;
}

/** @public */
export interface SummaryResponse {
  groups: SummaryGroup[];
  topGaps: { checkId: string; count: number }[];
}

/** @public */
export interface RubricCheckDescription {
  id: string;
  dimension: DimensionId;
  title: string;
  gate: boolean;
  frameworks: string[];
  remediation: Remediation;
}

/** @public */
export interface RubricDescription {
  annotationPrefix: string;
  dimensions: { id: DimensionId; title: string; weight: number }[];
  checks: RubricCheckDescription[];
  levels: {
    id: ReadinessLevel;
    name: string;
    /** Written from `rule`. */
    description: string;
    /** The level's conditions beyond the level below (null for L0; always set by the engine). */
    rule?: LevelRule | null;
  }[];
  /** Which entities are pilots, and which dependencies count as data or model (aiReadiness.scope; always set by the engine). */
  scope?: RubricScope;
}

/**
 * One level's conditions, beyond those of every level below, as data: the
 * engine computes levels from it and describes them with it. "Passes" means
 * pass, waived or not-applicable. @public
 */
export interface LevelRule {
  level: ReadinessLevel;
  /** Check ids that must pass. */
  mustPass: string[];
  /** Check ids that must be at least partial. */
  mustBeAtLeastPartial: string[];
  /** Every scored dimension must reach this score (0–1); null: no minimum. */
  minDimensionScore: number | null;
  /** Check ids that must also pass when the pilot has this risk tier. */
  riskTierRequirements: { riskTier: string; mustPass: string[] }[];
  /** Risk tiers that keep a pilot below this level whatever else holds, and the check named as the blocker. */
  excludedRiskTiers: { riskTier: string; blocker: string }[];
}

/** The configured scope (lower-cased), as GET /rubric returns it. @public */
export interface RubricScope {
  types: string[];
  tags: string[];
  agentKinds: string[];
  agentTypes: string[];
  dataResourceTypes: string[];
  modelResourceTypes: string[];
  modelGatewayTypes: string[];
  modelApiTypes: string[];
  modelEndpointKinds: string[];
  toolServerTypes: string[];
}

/** Sort keys of GET /scorecards and GET /export.csv. @public */
export const SCORECARD_ORDER_BY = [
  'score',
  'level',
  'title',
  'evaluatedAt',
] as const;

/** @public */
export type ScorecardOrderBy = (typeof SCORECARD_ORDER_BY)[number];

/** Values of the `evidence` filter of GET /scorecards: `refuted`, pilots with at least one refuted item. @public */
export const SCORECARD_EVIDENCE_FILTERS = ['refuted'] as const;

/** @public */
export type ScorecardEvidenceFilter =
  (typeof SCORECARD_EVIDENCE_FILTERS)[number];

/** Groupings of GET /summary. @public */
export const SUMMARY_GROUP_BY = ['owner', 'system', 'level'] as const;

/** @public */
export type SummaryGroupBy = (typeof SUMMARY_GROUP_BY)[number];

/**
 * The query of GET /scorecards and GET /export.csv: filters (combined with
 * AND), sorting and paging. Every field is optional.
 *
 * @public
 */
export interface ScorecardListQuery {
  /** Entity ref of the owner. */
  owner?: string;
  /** Entity ref of the system. */
  system?: string;
  level?: ReadinessLevel;
  /** Pilots with a check short of pass in this dimension. */
  dimension?: DimensionId;
  /** Free text, matched against ref, title, owner and system. */
  q?: string;
  /** `refuted`: only pilots with at least one refuted evidence item. */
  evidence?: ScorecardEvidenceFilter;
  /** Only pilots in scope by this rule (rubric "Which entities are AI pilots"). */
  scope?: ScopeRule;
  limit?: number;
  offset?: number;
  orderBy?: ScorecardOrderBy;
  order?: 'asc' | 'desc';
  /** Only pilots below their target (`true`) or at or above it (`false`). */
  offTarget?: boolean;
}

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
