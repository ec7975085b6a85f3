/** Runs the full refresh on the plugin's schedule and on request. */
export interface RefreshScheduler {
  /** Schedules the refresh task (and its empty-catalog retry). Call once, in init. */
  start(): Promise<void>;
  /**
   * Asks for a full refresh now: the scheduled task is triggered, so that one
   * replica runs it. A refresh already running answers the request.
   */
  triggerRefresh(): Promise<void>;
}
