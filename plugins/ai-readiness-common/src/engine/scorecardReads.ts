import type { CheckReads } from '../checks/types';

/**
 * What the scorecard itself reads: its title, owner and system, the risk tier
 * for levels. Below both the rubric and the evaluation, which read it.
 */
export const SCORECARD_READS: CheckReads = {
  keys: ['risk-tier'],
  fields: ['metadata.title'],
  refs: [{ from: 'spec.owner' }, { from: 'spec.system' }],
};
