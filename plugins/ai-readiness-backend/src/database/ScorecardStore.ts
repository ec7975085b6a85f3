import type {
  DimensionId,
  HistoryPoint,
  ReadinessLevel,
  Scorecard,
  ScorecardListQuery,
  ScorecardSummary,
} from '@ai-readiness/plugin-ai-readiness-common';

/**
 * Filters and order of a scorecard query: those of GET /scorecards without
 * the paging (every filter optional, all combined with AND), with the owner
 * and system refs lower-cased; `offTarget` is applied by the queries, not the
 * store.
 */
export type ScorecardQuery = Omit<ScorecardListQuery, 'limit' | 'offset'>;

/** The denormalised columns of one stored scorecard: enough to filter, sort, summarise and export. */
export interface ScorecardRow {
  /** Lower-cased entity ref (the key). */
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  title: string;
  /** Lower-cased owner ref, or null. */
  owner: string | null;
  /** Lower-cased system ref, or null. */
  system: string | null;
  level: ReadinessLevel;
  score: number;
  failingChecks: string[];
  dimensionScores: Partial<Record<DimensionId, number | null>>;
  evaluatedAt: string;
}

/** A level drop recorded by a write, waiting to be notified (or already notified). */
export interface LevelDrop {
  id: number;
  entityRef: string;
  title: string;
  /** The owner ref as written on the scorecard. */
  owner: string | null;
  fromLevel: ReadinessLevel;
  toLevel: ReadinessLevel;
  evaluatedAt: string;
}

/** What a write did. */
/** One row of the scorecard history, as campaign progress reads it. */
export interface LevelHistoryRow {
  /** Lower-cased entity ref. */
  entityRef: string;
  /** YYYY-MM-DD. */
  day: string;
  level: ReadinessLevel;
}

export interface WriteResult {
  written: number;
  historyRows: number;
  /** Level drops newly recorded by this write. */
  drops: number;
}

/** What the store holds of a pilot before a write: what the history and level-drop policy compare with. */
export interface PreviousState {
  /** The stored scorecard's level and time, when there is one. */
  latest?: { level: ReadinessLevel; evaluatedAt: string };
  /** The newest history row, when there is one. */
  lastHistory?: { level: ReadinessLevel; score: number; day: string };
}

/** One scorecard to store, with what the policy decided to record beside it. */
export interface ScorecardWrite {
  card: Scorecard;
  /** Append a history row for this evaluation. */
  appendHistory: boolean;
  /** Record a level drop from the stored scorecard (notified later). */
  drop?: { fromLevel: ReadinessLevel; previousEvaluatedAt: string };
}

/** History rows to delete: older than `before` (ISO time) or beyond the newest `keepPerEntity` per pilot. */
export interface HistoryDeletion {
  before?: string;
  keepPerEntity?: number;
}

/**
 * Storage of scorecards: typed rows in, typed rows out, no policy. What goes
 * into the history and what counts as a level drop is decided by the
 * refresher (ScorecardRefresher/recordScorecards.ts). Entity refs given to and
 * returned by the store as keys are entityRefKey()s; the scorecards
 * themselves keep their display form.
 */
export interface ScorecardStore {
  /** A number that grows with every write; read caches compare it. */
  getRevision(): Promise<number>;

  /** The stored level and newest history row of these pilots (absent ones left out). */
  getPreviousStates(entityRefs: string[]): Promise<Map<string, PreviousState>>;

  /**
   * Upserts the scorecards, appends the history rows and records the level
   * drops asked for (a drop already recorded for the same previous
   * evaluation is not recorded again); one transaction per chunk.
   */
  writeScorecards(writes: ScorecardWrite[]): Promise<WriteResult>;

  /** Deletes the latest scorecards of every pilot not in `keep`; returns how many. */
  deleteScorecardsExcept(keep: ReadonlySet<string>): Promise<number>;

  /** Deletes the latest scorecards of these pilots; returns how many. */
  deleteScorecards(entityRefs: string[]): Promise<number>;

  getScorecard(entityRef: string): Promise<Scorecard | undefined>;

  /** The rows matching the query, sorted (ties broken by entity ref). */
  queryRows(query: ScorecardQuery): Promise<ScorecardRow[]>;

  /** The summaries of these pilots, in the same order (missing ones left out). */
  getSummaries(entityRefs: string[]): Promise<ScorecardSummary[]>;

  /** Distinct kinds of the stored pilots, lower-cased. */
  listKinds(): Promise<string[]>;

  /** History of one pilot, oldest first, optionally within [from, to] (ISO timestamps). */
  getHistory(
    entityRef: string,
    range?: { from?: string; to?: string },
  ): Promise<HistoryPoint[]>;

  /** History rows up to and including `untilDay`, per pilot oldest first (campaign progress). */
  readLevelHistory(untilDay: string): Promise<LevelHistoryRow[]>;

  /** Deletes history rows; returns how many. */
  deleteHistory(deletion: HistoryDeletion): Promise<number>;

  /** Level drops not yet notified, oldest first. */
  listPendingDrops(): Promise<LevelDrop[]>;

  /**
   * Claims a drop for notification; true for exactly one caller even when
   * several replicas try at once.
   */
  claimDrop(id: number, at: Date): Promise<boolean>;

  /** Gives a claimed drop back (its notification failed), to be retried later. */
  releaseDrop(id: number): Promise<void>;
}
