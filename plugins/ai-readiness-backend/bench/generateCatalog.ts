/*
 * The backend benchmark's synthetic catalog: deterministic, so that every run
 * scores the same entities.
 */
import { Entity } from '@backstage/catalog-model';
import { AI_SIGNALS } from '@ai-readiness/plugin-ai-readiness-common';

/** A small deterministic PRNG (mulberry32), so that every run scores the same catalog. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function entity(
  kind: string,
  name: string,
  spec: object,
  metadata: object = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', ...metadata },
    spec: spec as any,
  };
}

/** The organisation: departments, teams, users, systems, APIs, data and model resources, pilots. */
export function generateCatalog(pilots: number): Entity[] {
  const rand = rng(42);
  const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)];
  const chance = (p: number) => rand() < p;
  const out: Entity[] = [];
  const departments = Array.from({ length: 20 }, (_, i) => `dept-${i}`);
  const teams = Array.from({ length: 200 }, (_, i) => `team-${i}`);
  for (const d of departments)
    out.push(entity('Group', d, { type: 'department', children: [] }));
  teams.forEach((t, i) =>
    out.push(
      entity(
        'Group',
        t,
        {
          type: 'team',
          parent: departments[i % departments.length],
          children: [],
        },
        i % 2 ? { annotations: { 'pagerduty.com/service-id': `P${i}` } } : {},
      ),
    ),
  );
  for (let i = 0; i < 600; i++) {
    out.push(
      entity('User', `user-${i}`, { memberOf: [teams[i % teams.length]] }),
    );
  }
  const systems = Array.from({ length: 100 }, (_, i) => `system-${i}`);
  systems.forEach((s, i) =>
    out.push(entity('System', s, { owner: departments[i % 20] })),
  );
  const dataTypes = [
    'database',
    'dataset',
    'warehouse',
    'vector-store',
    'topic',
  ];
  const resources = Array.from({ length: 3000 }, (_, i) => `res-${i}`);
  resources.forEach((r, i) =>
    out.push(
      entity('Resource', r, {
        type: i < 200 ? 'ai-model' : pick(dataTypes),
        owner: i % 10 === 3 ? 'ghost-team' : pick(teams),
      }),
    ),
  );
  out.push(
    entity('Component', 'llm-gateway', {
      type: 'llm-gateway',
      lifecycle: 'production',
      owner: 'team-0',
    }),
  );
  const apis = Array.from({ length: 300 }, (_, i) => `api-${i}`);
  apis.forEach((a, i) =>
    out.push(
      entity('API', a, {
        type: 'openapi',
        lifecycle: i % 5 ? 'production' : 'experimental',
        owner: pick(teams),
        definition: 'openapi: 3.0.0\n',
      }),
    ),
  );
  const signals = AI_SIGNALS;
  const ownedData = resources.filter((_, k) => k >= 200 && k % 10 !== 3);
  const reviewed = new Date(Date.now() - 10 * 24 * 60 * 60 * 1000)
    .toISOString()
    .slice(0, 10);
  for (let i = 0; i < pilots; i++) {
    // Maturity from 0 to 1; a feature of difficulty d is present when the
    // maturity beats d (with some noise), so that levels spread from L0 to L3.
    const maturity = rand() ** 1.4;
    const has = (d: number) => rand() * 0.25 + d * 0.75 < maturity;
    const annotations: Record<string, string> = {};
    const links: { url: string; type: string }[] = [];
    const add = (d: number, key: string, value: string) => {
      if (has(d)) annotations[key] = value;
    };
    const link = (d: number, type: string) => {
      if (has(d))
        links.push({ url: `https://wiki.example.com/p-${i}/${type}`, type });
    };
    const production = has(0.6);
    add(
      0.05,
      'ai-readiness/risk-tier',
      pick(['minimal', 'limited', 'limited', 'high']),
    );
    add(
      0.2,
      'ai-readiness/business-owner',
      `user:default/${pick(['user-1', 'user-2', 'user-3'])}`,
    );
    add(0.25, 'ai-readiness/human-review', `group:default/${pick(teams)}`);
    add(0.3, 'ai-readiness/confidence-threshold', chance(0.97) ? '0.8' : '1.5');
    add(0.25, 'ai-readiness/kill-switch', 'flag:kill');
    add(
      0.35,
      'ai-readiness/monitored-signals',
      signals.slice(0, 3 + Math.floor(rand() * 5)).join(', '),
    );
    add(0.2, 'grafana/overview-dashboard', 'https://grafana.example.com/d/x');
    add(0.25, 'prometheus.io/alert', 'PilotErrorBudget');
    add(0.25, 'pagerduty.com/service-id', `PP${i}`);
    add(
      0.2,
      'ai-readiness/vendors',
      chance(0.5) ? 'none' : `resource:default/${pick(resources)}`,
    );
    add(0.3, 'ai-readiness/data-classification', pick(['internal', 'public']));
    add(
      0.35,
      'ai-readiness/input-validation',
      'https://wiki.example.com/validation',
    );
    add(0.3, 'ai-readiness/rollout-stage', production ? 'production' : 'pilot');
    add(0.5, 'ai-readiness/review-cadence', 'P30D');
    add(0.5, 'ai-readiness/last-reviewed', reviewed);
    add(0.1, 'ai-readiness/trigger', 'schedule');
    add(0.4, 'ai-readiness/writes-to', `component:default/llm-gateway`);
    add(0.45, 'ai-readiness/log-retention', 'P1Y');
    add(0.45, 'ai-readiness/prompt-access', `group:default/${pick(teams)}`);
    add(0.5, 'ai-readiness/cost-owner', `group:default/${pick(teams)}`);
    add(0.5, 'ai-readiness/business-kpi', 'Handling time down 20%');
    add(0.3, 'backstage.io/techdocs-ref', 'dir:.');
    const linkTypes: [number, string][] = [
      [0.3, 'raci'],
      [0.35, 'data-contract'],
      [0.25, 'rollback-plan'],
      [0.35, 'fallback-playbook'],
      [0.4, 'incident-response'],
      [0.3, 'support'],
      [0.3, 'rollout-plan'],
      [0.45, 'model-card'],
      [0.4, 'access-policy'],
      [0.4, 'failure-modes'],
      [0.45, 'change-process'],
      [0.5, 'cost-dashboard'],
      [0.5, 'kpi-dashboard'],
    ];
    for (const [d, type] of linkTypes) link(d, type);
    out.push(
      entity(
        'Component',
        `pilot-${i}`,
        {
          type: pick(['ai-agent', 'llm-app', 'ml-service', 'ai-pilot']),
          lifecycle: production ? 'production' : 'experimental',
          owner: chance(0.97) ? pick(teams) : 'user:default/user-7',
          ...(chance(0.7) ? { system: pick(systems) } : {}),
          dependsOn: [
            `resource:default/${pick(
              has(0.1) ? ownedData : resources.slice(200),
            )}`,
            has(0.15)
              ? 'component:default/llm-gateway'
              : `resource:default/${pick(resources.slice(0, 200))}`,
          ],
          ...(has(0.3) ? { providesApis: [pick(apis)] } : {}),
          ...(chance(0.5)
            ? { consumesApis: [pick(apis.filter((_, k) => k % 5))] }
            : {}),
        },
        {
          title: `Pilot ${i}`,
          tags: chance(0.3) ? ['genai'] : [],
          annotations,
          links,
        },
      ),
    );
  }
  return out;
}
