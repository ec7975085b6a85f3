import {
  WaiverRequestsView,
  waiverRequestsView,
} from '@ai-readiness/plugin-ai-readiness-common';
import type { WaiverStore } from '../../database/WaiverStore';

/** The approved requests held in memory, as the view evaluation reads. */
export interface ApprovedWaivers {
  view(): WaiverRequestsView;
  /** Reads the approved requests again (after a change, and on a timer in every replica). */
  reload(): Promise<void>;
}

/**
 * Like the evidence results: the refresher reads the view, the waiver service
 * reloads it after each change, so neither service needs the other back.
 */
export function createApprovedWaivers(
  store: Pick<WaiverStore, 'list'>,
): ApprovedWaivers {
  let current = waiverRequestsView([]);
  return {
    view: () => current,
    async reload() {
      current = waiverRequestsView(await store.list({ states: ['approved'] }));
    },
  };
}
