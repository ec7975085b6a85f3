import type {
  EvidenceItem,
  EvidenceResult,
  EvidenceView,
} from '@ai-readiness/plugin-ai-readiness-common';
import type { EvidenceClaimer } from '@ai-readiness/plugin-ai-readiness-common';
import type {
  EvidenceStore,
  StoredEvidence,
} from '../../database/EvidenceStore';
import type { EvidenceResults } from './types';

/** The detail of an item whose stored result is older than maxAge. */
export const STALE_DETAIL = 'stale';

export function evidenceKey(item: EvidenceItem): string {
  return `${item.collector}\u0000${item.target}`;
}

/**
 * The stored evidence results held in memory, as the view evaluation reads:
 * no service depends on another to get it, so the evaluator is handed the
 * view and the collection service re-evaluates through the refresher.
 */
export function createEvidenceResults(options: {
  /** The configured collectors; no view without one. */
  claimers: readonly EvidenceClaimer[];
  store: Pick<EvidenceStore, 'listResults'>;
  maxAgeMs: number;
  requireVerified?: 'L2' | 'L3';
  /** The clock; tests pin it. */
  now?: () => Date;
}): EvidenceResults {
  const { claimers, store, maxAgeMs } = options;
  const now = options.now ?? (() => new Date());
  let results = new Map<string, StoredEvidence>();

  const view: EvidenceView | undefined = claimers.length
    ? {
        claimers,
        requireVerified: options.requireVerified,
        lookup(item): EvidenceResult | undefined {
          const stored = results.get(evidenceKey(item));
          if (!stored) return undefined;
          const age = now().getTime() - Date.parse(stored.checkedAt);
          if (!(age <= maxAgeMs)) {
            return {
              state: 'unverified',
              detail: STALE_DETAIL,
              checkedAt: stored.checkedAt,
            };
          }
          return {
            state: stored.state,
            detail: stored.detail,
            checkedAt: stored.checkedAt,
          };
        },
      }
    : undefined;

  return {
    view: () => view,
    async reload() {
      if (!claimers.length) return;
      const rows = await store.listResults();
      results = new Map(rows.map(r => [evidenceKey(r), r]));
    },
    remember(found) {
      for (const result of found) results.set(evidenceKey(result), result);
    },
  };
}
