import { createPermission } from '@backstage/plugin-permission-common';

/** Read scorecards, summaries, history and exports. @public */
export const aiReadinessScorecardReadPermission = createPermission({
  name: 'ai-readiness.scorecard.read',
  attributes: { action: 'read' },
});

/** Ask for a re-evaluation of one pilot or of all. @public */
export const aiReadinessScorecardRefreshPermission = createPermission({
  name: 'ai-readiness.scorecard.refresh',
  attributes: { action: 'update' },
});

/** Approve, deny or revoke waiver requests (shared/waivers.md). @public */
export const aiReadinessWaiverApprovePermission = createPermission({
  name: 'ai-readiness.waiver.approve',
  attributes: { action: 'update' },
});

/** @public */
export const aiReadinessPermissions = [
  aiReadinessScorecardReadPermission,
  aiReadinessScorecardRefreshPermission,
  aiReadinessWaiverApprovePermission,
];
