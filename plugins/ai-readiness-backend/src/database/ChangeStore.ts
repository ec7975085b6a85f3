/** Why an etag is watched. */
export type WatchedRole = 'pilot' | 'input' | 'candidate';

/** One watched entity: its lower-cased ref and the etag last seen. */
export interface WatchedEtag {
  ref: string;
  etag: string;
  role: WatchedRole;
}

/** What a pilot read when it was evaluated: itself and its inputs, with their etags. */
export interface PilotReads {
  pilot: { ref: string; etag: string };
  inputs: { ref: string; etag: string }[];
}

/**
 * What the change check compares the catalog with: the etag last seen of each
 * pilot and of what it read, and which pilot read which entity.
 */
export interface ChangeStore {
  /** Every watched entity (pilots, their inputs, candidates that are no pilot). */
  listWatched(): Promise<WatchedEtag[]>;
  /** The pilots that read any of these entities (themselves included when pilots). */
  pilotsReading(refs: readonly string[]): Promise<string[]>;
  /**
   * Records what these pilots read. `replaceAll` (the full refresh) first
   * forgets every pilot and input (candidates stay); otherwise only these
   * pilots' inputs are replaced.
   */
  recordReads(
    reads: readonly PilotReads[],
    options?: { replaceAll?: boolean },
  ): Promise<void>;
  /** Sets the etags of these entities (inserted or updated). */
  setEtags(rows: readonly WatchedEtag[]): Promise<void>;
  /** Forgets these entities: their etags, and their inputs when pilots. */
  forget(refs: readonly string[]): Promise<void>;
}
