/** What one change check did. */
export interface ChangeCheckReport {
  /**
   * `incremental`: only changed pilots re-evaluated; `full`: a full refresh
   * ran (nothing recorded yet, or too many changes); `waiting`: nothing
   * recorded and the catalog holds no candidate yet (still loading).
   */
  mode: 'incremental' | 'full' | 'waiting';
  /** Entities whose etag was compared (pilots, what they read, candidates). */
  watched: number;
  /** Watched entities whose etag changed or that are gone. */
  changed: number;
  /** Candidates of the pilot filter not seen before. */
  added: number;
  /** Pilots re-evaluated (before their dependants for the weakest link). */
  reevaluated: number;
  durationMs: number;
}

/**
 * Keeps scorecards current between full refreshes at the cost of what
 * changed: compares the catalog's etags of the pilots and of what they read
 * with those recorded at their last evaluation, and re-evaluates only the
 * pilots whose inputs changed (the refresher then re-evaluates the pilots
 * they cap).
 */
export interface ChangeCheck {
  run(): Promise<ChangeCheckReport>;
}
