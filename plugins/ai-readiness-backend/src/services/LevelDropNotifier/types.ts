/** Tells owners when a pilot's readiness level drops. */
export interface LevelDropNotifier {
  /** Sends one notification per recorded, not yet notified drop; returns how many were sent. */
  notifyPending(): Promise<number>;
}
