import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type {
  EvidenceCandidate,
  EvidenceClaimer,
  EvidenceState,
} from '@ai-readiness/plugin-ai-readiness-common';

/**
 * What a collector found for one target. `checkedAt` (ISO 8601) defaults to
 * the moment the collector's batch returned.
 *
 * @public
 */
export interface EvidenceOutcome {
  state: EvidenceState;
  /** Why, in a few words: "200", "404", "nobody on call", "timeout after 5 s", ... */
  detail: string;
  checkedAt?: string;
}

/** @public */
export interface EvidenceCollectOptions {
  /**
   * Aborted when the run is cancelled (the task times out, the backend
   * stops). A collector stops starting lookups, aborts those in flight and
   * returns what it has; targets left out of the answer keep their stored
   * result.
   */
  signal: AbortSignal;
}

/**
 * A collector of evidence (shared/evidence.md): it claims the values checks
 * read that it can look up, then looks up batches of the targets it claimed.
 *
 * The plugin's collection task offers every candidate of every pilot to the
 * configured collectors in order (the built-in `links`, `pagerduty`,
 * `grafana`, then those added by modules); the first that claims a candidate
 * owns it. Each distinct target is then passed once per run to `collect`,
 * however many pilots share it.
 *
 * @public
 */
export interface EvidenceCollector extends EvidenceClaimer {
  /** Unique among collectors; stored with every result ("links", "servicenow", ...). */
  readonly id: string;
  /**
   * The target this collector would look up for the candidate (a URL, a
   * service id, ...), or undefined to leave it. Pure and fast: it runs for
   * every value of every pilot on each evaluation.
   */
  claim(candidate: EvidenceCandidate): string | undefined;
  /**
   * Looks up a batch of distinct targets this collector claimed. It bounds
   * its own concurrency (see {@link collectEach}) and answers every target
   * it got to: `verified`, `refuted`, or `unverified` with the reason (a
   * lookup that throws is not a result). Never contact a host the
   * configuration does not name.
   */
  collect(
    targets: readonly string[],
    options: EvidenceCollectOptions,
  ): Promise<ReadonlyMap<string, EvidenceOutcome>>;
}

/**
 * Runs `lookup` over the targets with at most `concurrency` lookups at once,
 * in the order given. A lookup that throws gives `unverified` with the error;
 * once the signal is aborted no new lookup starts, and the targets not
 * looked up are left out of the answer.
 *
 * @public
 */
export async function collectEach(
  targets: readonly string[],
  options: { concurrency: number; signal: AbortSignal },
  lookup: (target: string, signal: AbortSignal) => Promise<EvidenceOutcome>,
): Promise<Map<string, EvidenceOutcome>> {
  const { signal } = options;
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const results = new Map<string, EvidenceOutcome>();
  let next = 0;
  async function worker() {
    while (next < targets.length && !signal.aborted) {
      const target = targets[next++];
      try {
        const outcome = await lookup(target, signal);
        if (!signal.aborted) results.set(target, outcome);
      } catch (error) {
        if (signal.aborted) return;
        results.set(target, {
          state: 'unverified',
          detail: `error: ${(error as Error)?.message ?? String(error)}`,
        });
      }
    }
  }
  await Promise.all(
    Array.from({ length: Math.min(concurrency, targets.length) }, worker),
  );
  return results;
}

/**
 * Lets backend modules add evidence collectors.
 *
 * @public
 */
export interface AiReadinessEvidenceExtensionPoint {
  /** Adds collectors; arrays are flattened. Ids must be unique among all collectors. */
  addCollector(
    ...collectors: Array<EvidenceCollector | EvidenceCollector[]>
  ): void;
}

/**
 * The extension point of the `ai-readiness` backend plugin for evidence
 * collectors.
 *
 * @example
 * ```ts
 * export default createBackendModule({
 *   pluginId: 'ai-readiness',
 *   moduleId: 'status-page-evidence',
 *   register(reg) {
 *     reg.registerInit({
 *       deps: { evidence: aiReadinessEvidenceExtensionPoint },
 *       async init({ evidence }) {
 *         evidence.addCollector(statusPageCollector);
 *       },
 *     });
 *   },
 * });
 * ```
 *
 * @public
 */
export const aiReadinessEvidenceExtensionPoint =
  createExtensionPoint<AiReadinessEvidenceExtensionPoint>({
    id: 'ai-readiness.evidence',
  });
