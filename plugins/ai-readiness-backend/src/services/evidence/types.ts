import type {
  EvidenceItem,
  EvidenceView,
  PilotEvidenceItem,
} from '@ai-readiness/plugin-ai-readiness-common';
import type { EvidenceCollector } from '@ai-readiness/plugin-ai-readiness-node';
import type { StoredEvidence } from '../../database/EvidenceStore';

/** What one collection did. */
export interface CollectionReport {
  /** Pilots whose items were gathered. */
  pilots: number;
  /** Distinct items looked up (each once, however many pilots share it). */
  items: number;
  /** Items whose stored state changed. */
  changed: number;
  /** Pilots re-evaluated because an item of theirs changed state. */
  reevaluated: number;
  durationMs: number;
}

/** The stored results as evaluation reads them (shared/evidence.md, "Evaluation"). */
export interface EvidenceResults {
  /**
   * The view evaluation reads: stored results held in memory (reloaded by
   * `reload`), aged by maxAge at each lookup. Undefined with no collector.
   */
  view(): EvidenceView | undefined;
  /** Reloads the stored results into the view. */
  reload(): Promise<void>;
  /** Puts results just written into the view. */
  remember(results: readonly StoredEvidence[]): void;
}

/**
 * Collects evidence and keeps the stored results and the view evaluation
 * reads in step (shared/evidence.md, "Collection").
 */
export interface EvidenceService {
  /** The configured collectors, built-in first, then those of modules. */
  readonly collectors: readonly EvidenceCollector[];
  /**
   * The view evaluation reads: stored results held in memory (reloaded by
   * `reload`), aged by maxAge at each lookup. Undefined with no collector.
   */
  view(): EvidenceView | undefined;
  /** Reloads the stored results into the view. */
  reload(): Promise<void>;
  /**
   * Looks up these items (each distinct one once), stores the results and
   * reloads the view. Returns the results and the items whose state changed.
   */
  collect(
    items: readonly EvidenceItem[],
    signal: AbortSignal,
  ): Promise<{ results: StoredEvidence[]; changed: EvidenceItem[] }>;
  /**
   * The scheduled run: gathers the items of every pilot, collects them,
   * re-evaluates the pilots whose items changed state.
   */
  collectAll(signal: AbortSignal): Promise<CollectionReport>;
  /**
   * Collects one pilot's items now and re-evaluates it. Undefined when the
   * entity is gone or not a pilot.
   */
  refreshPilot(
    entityRef: string,
    signal: AbortSignal,
  ): Promise<
    | { items: Array<PilotEvidenceItem & StoredEvidence>; level: string | null }
    | undefined
  >;
}
