/* Test data only: never imported by production code. */
import type {
  CampaignDetail,
  CampaignListResponse,
  CampaignPilotsQuery,
} from '@ai-readiness/plugin-ai-readiness-common';

export const campaignDetail: CampaignDetail = {
  id: 'l2-by-q1',
  title: 'Every claims pilot at L2 by the end of Q1',
  description: 'Claims leadership asked for a limited rollout of each pilot.',
  owner: 'group:default/ai-platform',
  start: '2026-11-20',
  deadline: '2026-11-30',
  goal: { level: 'L2' },
  state: 'active',
  total: 4,
  met: 2,
  pilots: [
    {
      entityRef: 'component:default/claims-triage',
      title: 'Claims triage assistant',
      owner: 'group:default/claims-ml',
      level: 'L1',
      met: false,
      missing: ['MON-1', 'FB-3'],
    },
    {
      entityRef: 'component:default/claims-chat',
      title: 'Claims chat',
      owner: 'group:default/claims-ml',
      level: 'L0',
      met: false,
      missing: ['OWN-1', 'dimension ownership 0.38 < 0.5'],
    },
    {
      entityRef: 'component:default/fraud-explainer',
      title: 'Fraud explainer',
      owner: 'group:default/fraud',
      level: 'L2',
      met: true,
      missing: [],
    },
    {
      entityRef: 'component:default/summarizer',
      title: 'Summarizer',
      owner: 'group:default/fraud',
      level: 'L3',
      met: true,
      missing: [],
    },
  ],
  pilotsTotal: 4,
  byOwner: [
    { owner: 'group:default/claims-division', total: 4, met: 2 },
    { owner: 'group:default/claims-ml', total: 2, met: 0 },
    { owner: 'group:default/fraud', total: 2, met: 2 },
  ],
  progress: [
    { date: '2026-11-20', met: 0, total: 4 },
    { date: '2026-11-21', met: 1, total: 4 },
    { date: '2026-11-22', met: 1, total: 4 },
    { date: '2026-11-23', met: 2, total: 4 },
  ],
};

export const campaignList: CampaignListResponse = {
  items: [
    (({ pilots, pilotsTotal, byOwner, progress, ...item }) => item)(
      campaignDetail,
    ),
    {
      id: 'risk-tiers',
      title: 'Risk tier on every pilot',
      owner: 'group:default/ai-platform',
      start: '2026-09-01',
      deadline: '2026-10-31',
      goal: { checks: ['SEC-1'] },
      state: 'done',
      total: 4,
      met: 4,
    },
  ],
};

/**
 * A fake GET /campaigns/:id over a detail holding every pilot: filters by
 * `met`, then pages, as the backend does (sorted as given).
 */
export function campaignPage(
  detail: CampaignDetail,
  query: CampaignPilotsQuery = {},
): CampaignDetail {
  const matching = detail.pilots.filter(
    p => query.met === undefined || p.met === query.met,
  );
  const offset = query.offset ?? 0;
  return {
    ...detail,
    pilots: matching.slice(offset, offset + (query.limit ?? 50)),
    pilotsTotal: matching.length,
  };
}
