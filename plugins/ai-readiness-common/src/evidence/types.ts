/*
 * Evidence (shared/evidence.md): what the portal verifies in the systems a
 * pilot's catalog entry names. The backend collects it; the engine only reads
 * stored results through an EvidenceView, so evaluation never waits on an
 * outside system. Without a view (the CLI offline, no collector configured),
 * every scorecard is exactly what the rubric gives.
 */

/** @public */
export type EvidenceState = 'verified' | 'refuted' | 'unverified';

/** One thing a collector can look up. @public */
export interface EvidenceItem {
  /** The collector that decides it: 'links', 'pagerduty', 'grafana', or one added by a module. */
  collector: string;
  /** What is looked up, unique within the collector: a URL, a PagerDuty service id, a Grafana tag or uid. */
  target: string;
}

/** A collector's answer for one item. @public */
export interface EvidenceResult {
  state: EvidenceState;
  /** Why: the status code, "nobody on call", "host not allowed", "stale", ... */
  detail: string;
  /** When it was checked, ISO 8601. */
  checkedAt: string;
}

/** An item as listed on a check result. @public */
export interface CheckEvidence extends EvidenceItem, EvidenceResult {
  /** Where the check read it, e.g. "links[dashboard]", "annotations[pagerduty.com/service-id] (on group:default/ml)". */
  source: string;
}

/** Counts over a scorecard's items. @public */
export interface EvidenceCounts {
  verified: number;
  unverified: number;
  refuted: number;
}

/**
 * One value a check declares it reads (CheckDefinition.reads), offered to
 * each configured collector, which may claim it as an item. @public
 */
export type EvidenceCandidate =
  | {
      type: 'link';
      /** metadata.links type. */
      linkType: string;
      url: string;
      source: string;
    }
  | {
      type: 'value';
      /** The annotation's or label's full name ('pagerduty.com/service-id', 'ai-readiness/input-schema'). */
      name: string;
      value: string;
      /** Declared in `reads.urls`: the value may be an http(s) URL. */
      isUrl: boolean;
      source: string;
    };

/** Turns a candidate into the target a collector looks up, or declines it. @public */
export interface EvidenceClaimer {
  /** The collector id. */
  id: string;
  claim(candidate: EvidenceCandidate): string | undefined;
}

/** How evaluation sees evidence. @public */
export interface EvidenceView {
  /** The configured collectors, in order: the first that claims a candidate owns it. */
  claimers: readonly EvidenceClaimer[];
  /**
   * The stored result of an item, already aged (a result older than maxAge
   * comes back as unverified "stale"); undefined when never collected.
   */
  lookup(item: EvidenceItem): EvidenceResult | undefined;
  /** From this level up, a gate passes only when every item on it is verified. */
  requireVerified?: 'L2' | 'L3';
}
