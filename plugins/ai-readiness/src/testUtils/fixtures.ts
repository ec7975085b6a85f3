/* eslint-disable no-script-url */ // an unsafe URL is part of the test data
/* Test data only: never imported by production code. */
import type { Entity } from '@backstage/catalog-model';
import type {
  CampaignPilotsQuery,
  HistoryResponse,
  RubricDescription,
  Scorecard,
  ScorecardListResponse,
  SummaryResponse,
  WaiverPolicyResponse,
  WaiverRequest,
} from '@ai-readiness/plugin-ai-readiness-common';
import { ResponseError } from '@backstage/errors';
import type { AiReadinessApi } from '../api';
import { campaignDetail, campaignList, campaignPage } from './campaignFixtures';

export const pilotEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'fraud-explainer',
    title: 'Fraud explainer',
    tags: ['genai'],
    annotations: {
      'backstage.io/edit-url':
        'https://github.com/example/fraud-explainer/edit/main/catalog-info.yaml',
      'datadoghq.com/dashboard-url': 'javascript:alert(document.cookie)',
      'ai-readiness/input-validation': 'https://wiki.example.com/checks',
      'ai-readiness/human-review': 'group:default/reviewers',
    },
    links: [
      {
        url: 'https://runbooks.example.com/fraud',
        title: 'Runbook',
        type: 'runbook',
      },
      {
        url: 'data:text/html,<script>alert(1)</script>',
        title: 'Sneaky',
        type: 'raci',
      },
    ],
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:default/ml' },
};

export const plainEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'billing' },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:default/ml' },
};

export function makeScorecard(overrides: Partial<Scorecard> = {}): Scorecard {
  return {
    entityRef: 'component:default/fraud-explainer',
    title: 'Fraud explainer',
    owner: 'group:default/ml',
    system: 'system:default/claims',
    asOf: '2026-11-25',
    evaluatedAt: '2026-11-25T10:00:00.000Z',
    level: 'L1',
    levelName: 'Pilot',
    score: 64,
    dimensions: [
      {
        id: 'ownership',
        title: 'Ownership',
        score: 1,
        checks: [
          {
            id: 'OWN-1',
            title: 'Technical owner',
            gate: true,
            status: 'pass',
            message: 'spec.owner group:default/ml has 3 members',
            frameworks: ['GOVERN 2.1'],
            remediation: null,
            waiver: null,
          },
          {
            id: 'OWN-4',
            title: 'Joint accountability written down',
            gate: false,
            status: 'waived',
            message: 'waived until 2026-12-31',
            frameworks: ['GOVERN 2.1'],
            remediation: {
              text: 'Link the RACI.',
              yaml: 'metadata:\n  links:\n    - url: https://wiki.example.com/raci\n      type: raci\n',
            },
            waiver: {
              expires: '2026-12-31',
              reason: 'RACI under legal review',
            },
          },
        ],
      },
      {
        id: 'fallback',
        title: 'Fallback paths',
        score: 0.5,
        checks: [
          {
            id: 'FB-1',
            title: 'Human review path',
            gate: true,
            status: 'partial',
            message: 'ai-readiness/human-review is a URL, not a team',
            frameworks: ['MANAGE 2.4'],
            remediation: {
              text: 'Name the team that reviews outputs.',
              yaml: 'metadata:\n  annotations:\n    ai-readiness/human-review: group:default/reviewers\n',
            },
            waiver: null,
          },
          {
            id: 'FB-2',
            title: 'Confidence threshold',
            gate: false,
            status: 'error',
            message:
              'ai-readiness/confidence-threshold must be a number from 0 to 1, found "1.5"',
            frameworks: ['MEASURE 2.6'],
            remediation: {
              text: 'Set the threshold below which a person reviews the output.',
              yaml: 'metadata:\n  annotations:\n    ai-readiness/confidence-threshold: "0.85"\n',
            },
            waiver: null,
          },
          {
            id: 'FB-3',
            title: 'Kill switch and rollback conditions',
            gate: true,
            status: 'fail',
            message:
              'neither ai-readiness/kill-switch nor a rollback-plan link',
            frameworks: ['MANAGE 2.3'],
            remediation: {
              text: 'Add a kill switch and a rollback plan.',
              yaml: 'metadata:\n  annotations:\n    ai-readiness/kill-switch: flags/x\n',
            },
            waiver: null,
          },
          {
            id: 'FB-4',
            title: 'Manual workaround',
            gate: false,
            status: 'not-applicable',
            message: 'not applicable',
            frameworks: [],
            remediation: null,
            waiver: null,
          },
        ],
      },
    ],
    nextLevel: {
      level: 'L2',
      blockers: ['FB-3', 'FB-1', 'dimension fallback 0.5 < 0.5'],
    },
    drift: [
      { message: 'spec.lifecycle is production, but the computed level is L1' },
    ],
    ...overrides,
  };
}

export const history: HistoryResponse = {
  items: [
    {
      evaluatedAt: '2026-11-01T10:00:00.000Z',
      level: 'L0',
      score: 40,
      dimensions: {},
    },
    {
      evaluatedAt: '2026-11-10T10:00:00.000Z',
      level: 'L1',
      score: 55,
      dimensions: {},
    },
    {
      evaluatedAt: '2026-11-25T10:00:00.000Z',
      level: 'L1',
      score: 64,
      dimensions: {},
    },
  ],
};

export const summaryByOwner: SummaryResponse = {
  groups: [
    {
      key: 'group:default/ml',
      count: 3,
      levels: { L0: 1, L1: 1, L2: 1, L3: 0 },
      score: 61.3,
      dimensions: { ownership: 1, data: 0.4, fallback: 0.5, security: 0.9 },
    },
    {
      key: 'group:default/claims-team',
      count: 2,
      levels: { L0: 0, L1: 0, L2: 1, L3: 1 },
      score: 88,
      dimensions: { ownership: 1, data: 0.9, fallback: 0.85, security: null },
    },
    {
      key: '(none)',
      count: 1,
      levels: { L0: 1, L1: 0, L2: 0, L3: 0 },
      score: 20,
      dimensions: { ownership: 0 },
    },
  ],
  topGaps: [
    { checkId: 'FB-3', count: 4 },
    { checkId: 'MON-5', count: 2 },
  ],
};

export const summaryByLevel: SummaryResponse = {
  groups: (['L0', 'L1', 'L2', 'L3'] as const).map((key, i) => ({
    key,
    count: [1, 1, 2, 1][i],
    levels: { L0: 0, L1: 0, L2: 0, L3: 0, [key]: [1, 1, 2, 1][i] },
    score: 60,
    dimensions: {},
  })),
  topGaps: [
    { checkId: 'FB-3', count: 4 },
    { checkId: 'MON-5', count: 2 },
  ],
};

export const summaryBySystem: SummaryResponse = {
  groups: [
    {
      key: 'system:default/claims',
      count: 5,
      levels: { L0: 1, L1: 1, L2: 2, L3: 1 },
      score: 72,
      dimensions: {},
    },
  ],
  topGaps: [],
};

export const rubric: RubricDescription = {
  annotationPrefix: 'ai-readiness/',
  dimensions: [],
  checks: [
    {
      id: 'FB-3',
      dimension: 'fallback',
      title: 'Kill switch and rollback conditions',
      gate: true,
      frameworks: [],
      remediation: { text: '', yaml: '' },
    },
  ],
  levels: [],
};

export function makeList(
  count: number,
  totalCount = count,
): ScorecardListResponse {
  return {
    totalCount,
    items: Array.from({ length: count }, (_, i) => ({
      entityRef: `component:default/pilot-${i}`,
      title: `Pilot ${i}`,
      owner: 'group:default/ml',
      system: 'system:default/claims',
      asOf: '2026-11-25',
      evaluatedAt: '2026-11-25T10:00:00.000Z',
      level: 'L1' as const,
      levelName: 'Pilot',
      score: 50 + i,
      dimensions: [],
      nextLevel: null,
      drift: [],
      failingChecks: ['FB-3', 'MON-5'],
    })),
  };
}

/** A mock of every API method (jest.fn), with sensible answers. */
/** A waiver request of the fraud explainer. */
export function waiverRequest(
  patch: Partial<WaiverRequest> = {},
): WaiverRequest {
  return {
    id: 'w-1',
    entityRef: 'component:default/fraud-explainer',
    checkId: 'FB-3',
    category: 'waiver',
    justification: 'the fallback is manual until the Q1 release',
    expires: '2027-01-31',
    controlUrl: null,
    ticket: null,
    requestedBy: 'user:default/owner',
    requestedAt: '2026-11-20T10:00:00.000Z',
    state: 'pending',
    decidedBy: null,
    decidedAt: null,
    comment: null,
    ...patch,
  };
}

export const waiverPolicy: WaiverPolicyResponse = {
  entityRef: 'component:default/fraud-explainer',
  tier: 'high',
  maxDays: 90,
  latestExpires: '2027-02-23',
  checks: { 'FB-3': 'approval', 'SEC-1': 'none' },
};

export function mockAiReadinessApi(
  overrides: Partial<jest.Mocked<AiReadinessApi>> = {},
): jest.Mocked<AiReadinessApi> {
  return {
    getScorecard: jest.fn().mockResolvedValue(makeScorecard()),
    getHistory: jest.fn().mockResolvedValue(history),
    listScorecards: jest.fn().mockResolvedValue(makeList(3)),
    getSummary: jest.fn().mockImplementation(async (groupBy: string) => {
      if (groupBy === 'level') return summaryByLevel;
      return groupBy === 'system' ? summaryBySystem : summaryByOwner;
    }),
    getRubric: jest.fn().mockResolvedValue(rubric),
    exportCsv: jest
      .fn()
      .mockResolvedValue(new Blob(['entityRef\n'], { type: 'text/csv' })),
    refresh: jest.fn().mockResolvedValue(undefined),
    evaluate: jest
      .fn()
      .mockResolvedValue({ asOf: '2026-11-25', scorecards: [], errors: [] }),
    previewFix: jest.fn().mockResolvedValue({
      file: {
        url: 'https://github.com/example/fraud-explainer/blob/main/catalog-info.yaml',
        path: 'catalog-info.yaml',
        type: 'url',
      },
      diff: '--- a/catalog-info.yaml\n+++ b/catalog-info.yaml\n',
      patched: 'kind: Component\n',
      checks: ['FB-3'],
      notes: [],
    }),
    listCampaigns: jest.fn().mockResolvedValue(campaignList),
    getCampaign: jest
      .fn()
      .mockImplementation(async (_id: string, query?: CampaignPilotsQuery) =>
        campaignPage(campaignDetail, query),
      ),
    exportCampaignCsv: jest
      .fn()
      .mockResolvedValue(new Blob(['entityRef\n'], { type: 'text/csv' })),
    requestWaiver: jest
      .fn()
      .mockImplementation(async input => waiverRequest({ ...input })),
    listWaivers: jest.fn().mockResolvedValue({ items: [], totalCount: 0 }),
    getWaiver: jest
      .fn()
      .mockImplementation(async id => ({
        ...waiverRequest({ id }),
        audit: [],
      })),
    decideWaiver: jest.fn().mockImplementation(async (id, decision, comment) =>
      waiverRequest({
        id,
        state: { approve: 'approved', deny: 'denied', revoke: 'revoked' }[
          decision as 'approve'
        ] as WaiverRequest['state'],
        decidedBy: 'user:default/risk-lead',
        comment: comment ?? null,
      }),
    ),
    getWaiverPolicy: jest.fn().mockResolvedValue(waiverPolicy),
    exportWaiversCsv: jest
      .fn()
      .mockResolvedValue(new Blob(['id\n'], { type: 'text/csv' })),
    ...overrides,
  };
}

/** A real ResponseError as the client throws it for a status. */
export async function responseError(
  status: number,
  message = `HTTP ${status}`,
): Promise<ResponseError> {
  const name = status === 404 ? 'NotFoundError' : 'Error';
  const body = JSON.stringify({
    error: { name, message },
    request: { method: 'GET', url: '/api/ai-readiness/x' },
    response: { statusCode: status },
  });
  return ResponseError.fromResponse({
    status,
    statusText: status === 404 ? 'Not Found' : 'Internal Server Error',
    ok: false,
    url: 'http://localhost/api/ai-readiness/x',
    headers: {
      get: (h: string) => (h === 'content-type' ? 'application/json' : null),
    },
    text: async () => body,
  } as unknown as Response);
}
