/*
 * What the evidence tests share: a pilot and its group with every kind of
 * evidence, an evidence view from canned results, and an evaluation at a
 * fixed time.
 */
import { createReadinessEngine } from '../../engine/engine';
import type { CheckResult, Scorecard } from '../../types';
import { builtinEvidenceClaimers } from '../claimers';
import type { EvidenceClaimer, EvidenceResult, EvidenceView } from '../types';

export const AT = '2026-11-27T09:00:00Z';
export const AS_OF = '2026-11-27';
export const ALL: EvidenceClaimer[] = Object.values(builtinEvidenceClaimers);

export function catalog(change: (pilot: any, group: any) => void = () => {}) {
  const group: any = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'ml',
      annotations: { 'pagerduty.com/service-id': 'PGROUP' },
    },
    spec: { type: 'team', children: [] },
  };
  const pilot: any = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'assistant',
      annotations: {
        'ai-readiness/enabled': 'true',
        'ai-readiness/kill-switch': 'flags/assistant',
        'ai-readiness/input-schema': 'https://schemas.example.com/in.json',
        'pagerduty.com/service-id': 'PPILOT',
        'grafana/dashboard-selector': "tags @> 'assistant'",
        'grafana/alert-label-selector': 'service=assistant',
      },
      links: [
        { type: 'rollback-plan', url: 'https://wiki.example.com/rollback' },
        { type: 'dashboard', url: 'https://grafana.example.com/d/abc' },
      ],
    },
    spec: { type: 'service', lifecycle: 'experimental', owner: 'group:ml' },
  };
  change(pilot, group);
  return { pilot, group, entities: [pilot, group] };
}

export function viewOf(
  results: Record<string, Partial<EvidenceResult>>,
  options: {
    claimers?: EvidenceClaimer[];
    requireVerified?: 'L2' | 'L3';
    fallback?: EvidenceResult;
  } = {},
): EvidenceView {
  return {
    claimers: options.claimers ?? ALL,
    requireVerified: options.requireVerified,
    lookup: item => {
      const r = results[`${item.collector}|${item.target}`];
      if (r) return { state: 'verified', detail: '200', checkedAt: AT, ...r };
      return options.fallback;
    },
  };
}

export const refuted = (detail = '404'): Partial<EvidenceResult> => ({
  state: 'refuted',
  detail,
});
export const everythingVerified: EvidenceResult = {
  state: 'verified',
  detail: '200',
  checkedAt: AT,
};

export function evaluate(
  entities: any[],
  view?: EvidenceView,
  config?: unknown,
): Scorecard {
  const engine = createReadinessEngine({ config });
  const graph = engine.buildGraph(entities);
  return engine.evaluate(entities[0], graph, {
    asOf: AS_OF,
    now: new Date('2026-11-27T10:00:00Z'),
    evidence: view,
  });
}

export const checkOf = (card: Scorecard, id: string): CheckResult =>
  card.dimensions.flatMap(d => d.checks).find(c => c.id === id)!;
