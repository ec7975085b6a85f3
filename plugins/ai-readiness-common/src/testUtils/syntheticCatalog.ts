/*
 * A synthetic catalog for benchmarks: an organisation with business units,
 * teams and users, systems, data resources, model gateways, APIs and many AI
 * pilots whose annotations vary (seeded), so that every level and status occurs.
 */

/** @public */
export interface SyntheticCatalogOptions {
  pilots: number;
  /** Total entities, pilots included (the rest is the organisation around them). */
  total: number;
  seed?: number;
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LINK_TYPES = [
  'raci',
  'data-contract',
  'access-policy',
  'failure-modes',
  'rollback-plan',
  'fallback-playbook',
  'kpi-dashboard',
  'incident-response',
  'support',
  'change-process',
  'cost-dashboard',
  'rollout-plan',
  'model-card',
];
const DATA_TYPES = [
  'database',
  'dataset',
  'vector-store',
  'warehouse',
  'topic',
  'feature-store',
];

const entity = (
  kind: string,
  name: string,
  spec: object,
  metadata: object = {},
) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, ...metadata },
  spec,
});

/**
 * A generated organisation with AI pilots, for benchmarks; pilots come last.
 * @public
 */
export function syntheticCatalog({
  pilots,
  total,
  seed = 42,
}: SyntheticCatalogOptions): any[] {
  const random = rng(seed);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const chance = (p: number) => random() < p;
  const out: any[] = [];
  const others = Math.max(total - pilots, 100);
  const units = Math.max(5, Math.round(others * 0.001));
  const teams = Math.max(20, Math.round(others * 0.02));
  const users = Math.max(40, Math.round(others * 0.1));
  const systems = Math.max(10, Math.round(others * 0.004));
  const gateways = 20;
  const models = 20;
  const apis = Math.max(50, Math.round(others * 0.2));
  const data =
    others - units - teams - users - systems - gateways - models - apis;

  for (let i = 0; i < units; i++) {
    out.push(
      entity('Group', `unit-${i}`, { type: 'business-unit', children: [] }),
    );
  }
  for (let i = 0; i < teams; i++) {
    out.push(
      entity(
        'Group',
        `team-${i}`,
        {
          type: 'team',
          parent: `unit-${i % units}`,
          children: [],
          profile: { email: `team-${i}@example.com` },
        },
        chance(0.5)
          ? { annotations: { 'pagerduty.com/service-id': `P${i}` } }
          : {},
      ),
    );
  }
  for (let i = 0; i < users; i++) {
    out.push(entity('User', `user-${i}`, { memberOf: [`team-${i % teams}`] }));
  }
  for (let i = 0; i < systems; i++) {
    out.push(entity('System', `system-${i}`, { owner: `unit-${i % units}` }));
  }
  for (let i = 0; i < gateways; i++) {
    out.push(
      entity('Component', `gateway-${i}`, {
        type: 'llm-gateway',
        lifecycle: 'production',
        owner: `team-${i % teams}`,
      }),
    );
  }
  for (let i = 0; i < models; i++) {
    out.push(
      entity('Resource', `model-${i}`, {
        type: 'ai-model',
        owner: `team-${i % teams}`,
      }),
    );
  }
  for (let i = 0; i < apis; i++) {
    const lifecycle = chance(0.8)
      ? 'production'
      : pick(['experimental', 'deprecated']);
    out.push(
      entity('API', `api-${i}`, {
        type: 'openapi',
        lifecycle,
        owner: `team-${i % teams}`,
        definition: 'openapi: 3.0.0',
      }),
    );
  }
  for (let i = 0; i < data; i++) {
    out.push(
      entity('Resource', `data-${i}`, {
        type: pick(DATA_TYPES),
        owner: chance(0.9) ? `team-${i % teams}` : 'nobody',
      }),
    );
  }

  for (let i = 0; i < pilots; i++) {
    const maturity = random(); // how complete this pilot's metadata is
    const has = (p: number) => random() < maturity * p + 0.05;
    const team = `team-${Math.floor(random() * teams)}`;
    const annotations: Record<string, string> = {};
    const set = (key: string, value: string, p = 1) => {
      if (has(p)) annotations[key] = value;
    };
    set(
      'ai-readiness/business-owner',
      `user:default/user-${Math.floor(random() * users)}`,
    );
    set('ai-readiness/input-validation', 'https://wiki.example.com/checks');
    set('ai-readiness/writes-to', `component:default/gateway-${i % gateways}`);
    set('ai-readiness/human-review', `group:default/${team}`);
    set('ai-readiness/confidence-threshold', chance(0.02) ? '1.5' : '0.8');
    set('ai-readiness/kill-switch', `flags/pilot-${i}`);
    set(
      'ai-readiness/monitored-signals',
      'input-quality,output-quality,override-rate,escalation-rate,fallback-rate,latency,business-impact',
    );
    set('ai-readiness/business-kpi', 'handling time down 20%');
    set('ai-readiness/review-cadence', 'P30D');
    set(
      'ai-readiness/last-reviewed',
      chance(0.7) ? '2026-11-10' : '2026-06-01',
    );
    set(
      'ai-readiness/risk-tier',
      chance(0.02) ? 'prohibited' : pick(['minimal', 'limited', 'high']),
      1.2,
    );
    set(
      'ai-readiness/vendors',
      chance(0.5) ? 'none' : `resource:default/model-${i % models}`,
    );
    set('ai-readiness/data-classification', pick(['internal', 'confidential']));
    set('ai-readiness/sensitive-masking', 'enabled');
    set('ai-readiness/log-retention', 'P90D');
    set('ai-readiness/prompt-access', `group:default/${team}`);
    set('ai-readiness/cost-owner', `group:default/unit-${i % units}`);
    set('ai-readiness/rollout-stage', pick(['pilot', 'limited', 'production']));
    set('grafana/dashboard-selector', `service=${i}`);
    set('grafana/alert-label-selector', `service=${i}`);
    set('backstage.io/techdocs-ref', 'dir:.');
    if (chance(0.01)) {
      // eslint-disable-next-line no-script-url -- malformed input the engine must flag
      annotations['datadoghq.com/dashboard-url'] = 'javascript:alert(1)';
    }
    if (chance(0.05))
      annotations['ai-readiness/waiver.FB-3'] =
        '2027-01-31 vendor covers rollback';
    const links = LINK_TYPES.filter(() => has(1)).map(type => ({
      url: `https://wiki.example.com/pilot-${i}/${type}`,
      title: type,
      type,
    }));
    const dependsOn: string[] = [];
    const dataCount = Math.floor(random() * 3 * maturity + 0.3);
    for (let d = 0; d < dataCount; d++)
      dependsOn.push(`resource:data-${Math.floor(random() * data)}`);
    if (has(1))
      dependsOn.push(
        chance(0.8)
          ? `component:gateway-${i % gateways}`
          : `resource:model-${i % models}`,
      );
    const providesApis = has(0.8) ? [`api-${Math.floor(random() * apis)}`] : [];
    const consumesApis = has(0.8) ? [`api-${Math.floor(random() * apis)}`] : [];
    out.push(
      entity(
        'Component',
        `pilot-${i}`,
        {
          type: pick(['ai-pilot', 'ai-agent', 'llm-app', 'ml-service']),
          lifecycle: pick(['experimental', 'production']),
          owner: chance(0.03) ? `user:user-${i % users}` : team,
          system: `system-${i % systems}`,
          dependsOn,
          providesApis,
          consumesApis,
        },
        { title: `Pilot ${i}`, tags: ['genai'], annotations, links },
      ),
    );
  }
  return out;
}
