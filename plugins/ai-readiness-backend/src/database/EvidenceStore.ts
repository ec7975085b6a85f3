import type {
  EvidenceItem,
  EvidenceResult,
} from '@ai-readiness/plugin-ai-readiness-common';

/** One stored result: an item and the latest answer about it. */
export interface StoredEvidence extends EvidenceItem, EvidenceResult {}

/** What a write changed. */
export interface EvidenceWriteResult {
  /** Items whose state differs from the stored one (or that were not stored). */
  changed: EvidenceItem[];
}

/** The latest evidence result of each item (collector, target). */
export interface EvidenceStore {
  /** Every stored result (a few tens of thousands at most: one per distinct item). */
  listResults(): Promise<StoredEvidence[]>;
  /** The stored results of these items; items never collected are left out. */
  getResults(items: readonly EvidenceItem[]): Promise<StoredEvidence[]>;
  /** Stores results (one per item, the last wins) and says which changed state. */
  writeResults(
    results: readonly StoredEvidence[],
  ): Promise<EvidenceWriteResult>;
  /** Removes results checked before this time (items no pilot declares any more). Returns how many. */
  deleteCheckedBefore(time: Date): Promise<number>;
}
