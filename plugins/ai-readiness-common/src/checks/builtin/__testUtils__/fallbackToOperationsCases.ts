/* eslint-disable no-script-url -- these cases feed script URLs on purpose */
/*
 * Every status of the fallback, monitoring, security and operations checks,
 * each reached by a minimal pilot.
 */
import type { Case } from './statusOf';

export const fallbackToOperationsCases: Case[] = [
  // fallback
  ['FB-1', 'pass', { ann: { 'human-review': 'group:team' } }],
  ['FB-1', 'pass', { ann: { 'human-review': 'user:default/u1' } }],
  [
    'FB-1',
    'partial',
    { ann: { 'human-review': 'https://review.example.com/queue' } },
  ],
  ['FB-1', 'partial', { ann: { 'human-review': 'group:ghosts' } }],
  ['FB-1', 'fail', {}],
  [
    'FB-1',
    'error',
    { ann: { 'human-review': 'the team' } },
    'ai-readiness/human-review',
  ],
  ['FB-2', 'pass', { ann: { 'confidence-threshold': '0.7' } }],
  ['FB-2', 'pass', { ann: { 'confidence-threshold': 1 } }],
  ['FB-2', 'fail', {}],
  [
    'FB-2',
    'error',
    { ann: { 'confidence-threshold': '1.5' } },
    'must be a number from 0 to 1, found "1.5"',
  ],
  ['FB-2', 'error', { ann: { 'confidence-threshold': 'high' } }, '"high"'],
  [
    'FB-3',
    'pass',
    { ann: { 'kill-switch': 'flag' }, links: ['rollback-plan'] },
  ],
  ['FB-3', 'partial', { ann: { 'kill-switch': 'flag' } }],
  ['FB-3', 'partial', { links: ['rollback-plan'] }],
  ['FB-3', 'fail', {}],
  ['FB-4', 'pass', { links: ['fallback-playbook'] }],
  ['FB-4', 'partial', { links: ['runbook'] }],
  ['FB-4', 'fail', {}],
  // monitoring
  ['MON-1', 'pass', { ann: { 'sentry.io/project-slug': 'pilot' } }],
  [
    'MON-1',
    'pass',
    { ann: { 'datadoghq.com/dashboard-url': 'https://app.datadoghq.com/d/1' } },
  ],
  ['MON-1', 'partial', { links: ['dashboard'] }],
  ['MON-1', 'fail', {}],
  [
    'MON-1',
    'error',
    { ann: { 'datadoghq.com/dashboard-url': 'javascript:alert(1)' } },
    'datadoghq.com/dashboard-url',
  ],
  [
    'MON-2',
    'pass',
    {
      ann: {
        'monitored-signals':
          'input-quality, output-quality,override-rate,escalation-rate,fallback-rate,latency,business-impact',
      },
    },
  ],
  [
    'MON-2',
    'partial',
    {
      ann: {
        'monitored-signals':
          'input-quality,output-quality,override-rate,latency,vibes',
      },
    },
    'vibes',
  ],
  [
    'MON-2',
    'fail',
    { ann: { 'monitored-signals': 'latency,uptime,cpu,memory' } },
    '1 of 7',
  ],
  ['MON-2', 'fail', {}],
  [
    'MON-3',
    'pass',
    {
      ann: {
        'prometheus.io/alert': 'x',
        'opsgenie.com/component-selector': 'y',
      },
    },
  ],
  [
    'MON-3',
    'pass',
    {
      ann: { 'grafana/alert-label-selector': 'x' },
      spec: { owner: 'oncall-team' },
    },
    'on group:default/oncall-team',
  ],
  ['MON-3', 'partial', { ann: { 'grafana/alert-label-selector': 'x' } }],
  ['MON-3', 'partial', { ann: { 'splunk.com/on-call-team': 'y' } }],
  ['MON-3', 'fail', {}],
  [
    'MON-4',
    'pass',
    { ann: { 'business-kpi': 'NPS +5' }, links: ['kpi-dashboard'] },
  ],
  ['MON-4', 'partial', { ann: { 'business-kpi': 'NPS +5' } }],
  ['MON-4', 'fail', {}],
  [
    'MON-5',
    'pass',
    { ann: { 'review-cadence': 'P1M', 'last-reviewed': '2026-10-25' } },
    'next due 2026-11-25',
  ],
  [
    'MON-5',
    'partial',
    { ann: { 'review-cadence': 'P1M', 'last-reviewed': '2026-10-24' } },
    'overdue',
  ],
  ['MON-5', 'partial', { ann: { 'review-cadence': 'P2W' } }],
  ['MON-5', 'fail', { ann: { 'last-reviewed': '2026-11-01' } }],
  [
    'MON-5',
    'error',
    { ann: { 'review-cadence': '30 days' } },
    'ai-readiness/review-cadence',
  ],
  [
    'MON-5',
    'error',
    { ann: { 'review-cadence': 'P30D', 'last-reviewed': '2026-02-30' } },
    'ai-readiness/last-reviewed',
  ],
  // security
  ['SEC-1', 'pass', { ann: { 'risk-tier': 'high' } }],
  ['SEC-1', 'fail', {}],
  ['SEC-1', 'fail', { ann: { 'risk-tier': 'prohibited' } }],
  ['SEC-1', 'error', { ann: { 'risk-tier': 'medium' } }, '"medium"'],
  ['SEC-2', 'pass', { ann: { vendors: 'none' } }],
  ['SEC-2', 'pass', { ann: { vendors: 'resource:vendor' } }],
  [
    'SEC-2',
    'partial',
    { ann: { vendors: 'resource:vendor, OpenAI' } },
    'plain name',
  ],
  [
    'SEC-2',
    'partial',
    { ann: { vendors: 'resource:vendor-without-owner' } },
    'no owner',
  ],
  [
    'SEC-2',
    'partial',
    { ann: { vendors: 'resource:unknown-vendor' } },
    'not in the catalog',
  ],
  ['SEC-2', 'fail', {}],
  ['SEC-2', 'error', { ann: { vendors: ' , ' } }, 'ai-readiness/vendors'],
  ['SEC-3', 'pass', { ann: { 'data-classification': 'internal' } }],
  [
    'SEC-3',
    'pass',
    {
      ann: {
        'data-classification': 'restricted',
        'sensitive-masking': 'presidio',
      },
    },
  ],
  ['SEC-3', 'fail', { ann: { 'data-classification': 'confidential' } }],
  ['SEC-3', 'fail', {}],
  ['SEC-3', 'error', { ann: { 'data-classification': 'secret' } }, '"secret"'],
  [
    'SEC-4',
    'pass',
    { ann: { 'log-retention': 'P1Y', 'prompt-access': 'team' } },
  ],
  ['SEC-4', 'partial', { ann: { 'log-retention': 'P1Y' } }],
  [
    'SEC-4',
    'partial',
    { ann: { 'log-retention': 'P1Y', 'prompt-access': 'user:u1' } },
    'not a Group',
  ],
  ['SEC-4', 'partial', { ann: { 'prompt-access': 'group:team' } }],
  ['SEC-4', 'fail', {}],
  [
    'SEC-4',
    'error',
    { ann: { 'log-retention': '90 days' } },
    'ai-readiness/log-retention',
  ],
  [
    'SEC-5',
    'pass',
    {
      ann: { 'pagerduty.com/integration-key': 'k' },
      links: ['incident-response'],
    },
  ],
  ['SEC-5', 'partial', { links: ['incident-response'] }],
  ['SEC-5', 'fail', {}],
  [
    'SEC-6',
    'not-applicable',
    { spec: { consumesApis: ['used-api'] } },
    'no tool server',
  ],
  ['SEC-6', 'pass', { spec: { consumesApis: ['mcp-good'] } }, 'mcp-good'],
  [
    'SEC-6',
    'pass',
    { spec: { dependsOn: ['api:default/mcp-good'] } },
    'in production',
  ],
  [
    'SEC-6',
    'partial',
    { spec: { consumesApis: ['mcp-good', 'mcp-beta'] } },
    'api:default/mcp-beta is experimental',
  ],
  [
    'SEC-6',
    'partial',
    { spec: { consumesApis: ['mcp-orphan'] } },
    'group:default/nobody is not in the catalog',
  ],
  [
    'SEC-6',
    'fail',
    { spec: { consumesApis: ['mcp-good', 'mcp-old'] } },
    'deprecated tool servers: api:default/mcp-old',
  ],
  // Unresolved references are INT-6's.
  [
    'SEC-6',
    'not-applicable',
    { spec: { consumesApis: ['ghost-mcp'] } },
    'no tool server',
  ],
  // operations
  [
    'OPS-1',
    'pass',
    { ann: { 'pagerduty.com/service-id': 'P1' } },
    'team@example.com',
  ],
  [
    'OPS-1',
    'pass',
    {
      ann: { 'opsgenie.com/team': 'x' },
      links: ['chat'],
      spec: { owner: 'lonely' },
    },
  ],
  [
    'OPS-1',
    'partial',
    { ann: { 'opsgenie.com/team': 'x' }, spec: { owner: 'lonely' } },
  ],
  ['OPS-1', 'partial', {}, 'team@example.com'],
  ['OPS-1', 'fail', { spec: { owner: 'lonely' } }],
  ['OPS-2', 'pass', { links: ['change-process'] }],
  [
    'OPS-2',
    'pass',
    { ann: { 'prompt-repository': 'https://git.example.com/prompts' } },
  ],
  ['OPS-2', 'partial', { ann: { 'gitlab.com/project-slug': 'a/b' } }],
  ['OPS-2', 'fail', {}],
  [
    'OPS-2',
    'error',
    { ann: { 'prompt-repository': 'git@example.com:prompts' } },
    'prompt-repository',
  ],
  [
    'OPS-3',
    'pass',
    { ann: { 'cost-owner': 'dept' }, links: ['cost-dashboard'] },
  ],
  ['OPS-3', 'partial', { ann: { 'cost-owner': 'group:dept' } }],
  [
    'OPS-3',
    'partial',
    { ann: { 'cost-owner': 'group:ghost' }, links: ['cost-dashboard'] },
    'does not resolve',
  ],
  ['OPS-3', 'fail', {}],
  [
    'OPS-4',
    'pass',
    { ann: { 'rollout-stage': 'pilot' }, links: ['rollout-plan'] },
  ],
  [
    'OPS-4',
    'pass',
    {
      ann: { 'rollout-stage': 'limited' },
      links: ['rollout-plan'],
      spec: { lifecycle: 'production' },
    },
  ],
  ['OPS-4', 'partial', { ann: { 'rollout-stage': 'limited' } }],
  ['OPS-4', 'fail', {}],
  ['OPS-4', 'fail', { ann: { 'rollout-stage': 'production' } }, 'inconsistent'],
  [
    'OPS-4',
    'fail',
    { ann: { 'rollout-stage': 'pilot' }, spec: { lifecycle: 'deprecated' } },
    'inconsistent',
  ],
  ['OPS-4', 'error', { ann: { 'rollout-stage': 'beta' } }, '"beta"'],
  [
    'OPS-5',
    'pass',
    { ann: { 'backstage.io/techdocs-ref': 'dir:.' }, links: ['model-card'] },
  ],
  ['OPS-5', 'partial', { links: ['model-card'] }],
  ['OPS-5', 'fail', {}],
  [
    'OPS-5',
    'pass',
    {
      ann: { 'backstage.io/techdocs-ref': 'dir:.' },
      spec: { dependsOn: ['resource:carded-model'] },
    },
    'the model card of resource:default/carded-model',
  ],
  // A model card on a data resource is not a model's card.
  [
    'OPS-5',
    'partial',
    {
      ann: { 'backstage.io/techdocs-ref': 'dir:.' },
      spec: { dependsOn: ['resource:checked-db'] },
    },
  ],
];
