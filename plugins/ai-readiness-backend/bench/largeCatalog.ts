/*
 * A synthetic catalog of any size (500,000 entities by default, as
 * Backstage's largest public catalogs), generated entity by entity from its
 * index, so that the catalog itself holds no memory: what the refresh holds
 * is what the bench measures. Entities carry the relations the catalog
 * computes (ownedBy, partOf, dependsOn, consumesApi, memberOf/hasMember,
 * childOf, apiConsumedBy), as the real catalog serves them.
 *
 * Layout by index: groups, users, systems, APIs, resources, components.
 * One component in 60 is a pilot (up to `pilots`): most by type, some by
 * tag, some only through a dependency on an AI model resource.
 */
import type { Entity } from '@backstage/catalog-model';
import type { EntitySource } from '../src/__testUtils__/filteringCatalog';

const PILOT_EVERY = 60;

function rng(seed: number) {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LINK_TYPES = [
  'raci',
  'data-contract',
  'rollback-plan',
  'fallback-playbook',
  'incident-response',
  'support',
  'rollout-plan',
  'model-card',
  'access-policy',
  'failure-modes',
  'change-process',
  'cost-dashboard',
  'kpi-dashboard',
];

export function largeCatalog(total = 500_000, pilots = 5_000): EntitySource {
  const groups = Math.max(40, Math.round(total * 0.004));
  const users = Math.round(total * 0.1);
  const systems = Math.round(total * 0.01);
  const apis = Math.round(total * 0.08);
  const resources = Math.round(total * 0.2);
  const components = total - groups - users - systems - apis - resources;
  if (components < pilots * PILOT_EVERY)
    throw new Error(`${total} entities cannot hold ${pilots} pilots`);
  const departments = 20;
  const models = 200;
  const ranges: [string, number][] = [
    ['group', groups],
    ['user', users],
    ['system', systems],
    ['api', apis],
    ['resource', resources],
    ['component', components],
  ];
  const starts = new Map<string, number>();
  let offset = 0;
  for (const [kind, count] of ranges) {
    starts.set(kind, offset);
    offset += count;
  }
  const start = (kind: string) => starts.get(kind)!;
  const kindAt = (i: number): string => {
    for (let k = ranges.length - 1; k >= 0; k--) {
      if (i >= start(ranges[k][0])) return ranges[k][0];
    }
    return 'group';
  };
  const team = (n: number) =>
    `team-${departments + (n % (groups - departments))}`;
  const ref = (kind: string, name: string) => `${kind}:default/${name}`;
  const base = (kind: string, name: string, extra: any = {}): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: kind === 'api' ? 'API' : kind[0].toUpperCase() + kind.slice(1),
    metadata: {
      name,
      namespace: 'default',
      uid: `${kind}-${name}`,
      etag: `e-${name}`,
      description: `The ${name} ${kind}, generated for the benchmark.`,
      ...extra.metadata,
    },
    spec: extra.spec ?? {},
    relations: extra.relations ?? [],
  });

  function group(n: number): Entity {
    if (n < departments) {
      return base('group', `dept-${n}`, {
        spec: { type: 'department', children: [] },
      });
    }
    const name = `team-${n}`;
    const parent = `dept-${n % departments}`;
    // Users u with team(u) === this team: u ≡ n - departments (mod teams).
    const teams = groups - departments;
    const members: string[] = [];
    for (let u = n - departments; u < users; u += teams)
      members.push(ref('user', `user-${u}`));
    return base('group', name, {
      metadata:
        n % 2 ? { annotations: { 'pagerduty.com/service-id': `P${n}` } } : {},
      spec: { type: 'team', parent, children: [] },
      relations: [
        { type: 'childOf', targetRef: ref('group', parent) },
        ...members.map(targetRef => ({ type: 'hasMember', targetRef })),
      ],
    });
  }

  function pilot(c: number, p: number): Entity {
    const rand = rng(p + 1);
    const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)];
    const maturity = rand() ** 1.4;
    const has = (d: number) => rand() * 0.25 + d * 0.75 < maturity;
    const owner = team(p);
    const annotations: Record<string, string> = {
      'github.com/project-slug': `acme/pilot-${p}`,
    };
    const add = (d: number, key: string, value: string) => {
      if (has(d)) annotations[`ai-readiness/${key}`] = value;
    };
    const production = has(0.6);
    add(0.05, 'risk-tier', pick(['minimal', 'limited', 'high']));
    add(0.2, 'business-owner', ref('user', `user-${p % users}`));
    add(0.25, 'human-review', ref('group', team(p + 1)));
    add(0.3, 'confidence-threshold', '0.8');
    add(0.25, 'kill-switch', 'flag:kill');
    add(0.35, 'monitored-signals', 'latency, error-rate, cost, drift');
    add(0.3, 'data-classification', pick(['internal', 'public']));
    add(0.3, 'rollout-stage', production ? 'production' : 'pilot');
    add(0.5, 'review-cadence', 'P30D');
    add(0.5, 'last-reviewed', '2026-11-20');
    add(0.1, 'trigger', 'schedule');
    add(0.45, 'log-retention', 'P1Y');
    add(0.45, 'prompt-access', ref('group', team(p + 2)));
    add(0.5, 'cost-owner', ref('group', owner));
    add(0.5, 'business-kpi', 'Handling time down 20%');
    if (has(0.25)) annotations['pagerduty.com/service-id'] = `PP${p}`;
    if (has(0.2))
      annotations['grafana/overview-dashboard'] =
        'https://grafana.example.com/d/x';
    const links = LINK_TYPES.filter((_, k) => has(0.25 + k * 0.02)).map(
      type => ({
        url: `https://wiki.example.com/p-${p}/${type}`,
        type,
      }),
    );
    const system = `system-${p % systems}`;
    const model = `res-${p % models}`;
    const data = `res-${models + (p % (resources - models))}`;
    const byType = p < pilots * 0.8;
    const byTag = !byType && p < pilots * 0.9;
    const dependsOn = [ref('resource', data)];
    if (!byType && !byTag) dependsOn.push(ref('resource', model));
    else if (has(0.15)) dependsOn.push(ref('resource', model));
    const consumes = p % 2 === 0 ? [ref('api', `api-${p % 4000}`)] : [];
    return base('component', `comp-${c}`, {
      metadata: {
        title: `Pilot ${p}`,
        tags: byTag ? ['genai', 'python'] : ['python'],
        annotations,
        links,
      },
      spec: {
        type: byType
          ? pick(['ai-agent', 'llm-app', 'ml-service', 'ai-pilot'])
          : 'service',
        lifecycle: production ? 'production' : 'experimental',
        owner: ref('group', owner),
        system: ref('system', system),
        dependsOn,
        consumesApis: consumes,
      },
      relations: [
        { type: 'ownedBy', targetRef: ref('group', owner) },
        { type: 'partOf', targetRef: ref('system', system) },
        ...dependsOn.map(targetRef => ({ type: 'dependsOn', targetRef })),
        ...consumes.map(targetRef => ({ type: 'consumesApi', targetRef })),
      ],
    });
  }

  function component(c: number): Entity {
    const p = c / PILOT_EVERY;
    if (c % PILOT_EVERY === 0 && p < pilots) return pilot(c, p);
    const owner = team(c);
    const system = `system-${c % systems}`;
    const data = `res-${models + (c % (resources - models))}`;
    return base('component', `comp-${c}`, {
      metadata: {
        tags: ['java', 'backend'],
        annotations: {
          'github.com/project-slug': `acme/comp-${c}`,
          'backstage.io/techdocs-ref': 'dir:.',
          'backstage.io/source-location': `url:https://github.com/acme/comp-${c}/`,
        },
        links: [
          { url: `https://runbooks.example.com/comp-${c}`, title: 'Runbook' },
        ],
      },
      spec: {
        type: c % 7 === 0 ? 'website' : 'service',
        lifecycle: 'production',
        owner: ref('group', owner),
        system: ref('system', system),
        dependsOn: [ref('resource', data)],
        providesApis: [ref('api', `api-${c % apis}`)],
      },
      relations: [
        { type: 'ownedBy', targetRef: ref('group', owner) },
        { type: 'partOf', targetRef: ref('system', system) },
        { type: 'dependsOn', targetRef: ref('resource', data) },
        { type: 'providesApi', targetRef: ref('api', `api-${c % apis}`) },
      ],
    });
  }

  function at(i: number): Entity {
    const kind = kindAt(i);
    const n = i - start(kind);
    switch (kind) {
      case 'group':
        return group(n);
      case 'user':
        return base('user', `user-${n}`, {
          spec: {
            profile: { email: `user-${n}@example.com` },
            memberOf: [team(n)],
          },
          relations: [{ type: 'memberOf', targetRef: ref('group', team(n)) }],
        });
      case 'system':
        return base('system', `system-${n}`, {
          spec: { owner: `dept-${n % departments}` },
          relations: [
            {
              type: 'ownedBy',
              targetRef: ref('group', `dept-${n % departments}`),
            },
          ],
        });
      case 'api': {
        // Pilots p (even) consume api-(p % 4000).
        const consumers: string[] = [];
        for (let p = n; n < 4000 && p < pilots; p += 4000)
          if (p % 2 === 0)
            consumers.push(ref('component', `comp-${p * PILOT_EVERY}`));
        return base('api', `api-${n}`, {
          spec: {
            type: 'openapi',
            lifecycle: n % 5 ? 'production' : 'experimental',
            owner: team(n),
            definition: `openapi: 3.0.0\ninfo:\n  title: api-${n}\n`,
          },
          relations: [
            { type: 'ownedBy', targetRef: ref('group', team(n)) },
            ...consumers.map(targetRef => ({
              type: 'apiConsumedBy',
              targetRef,
            })),
          ],
        });
      }
      case 'resource':
        return base('resource', `res-${n}`, {
          spec: {
            type:
              n < models ? 'ai-model' : ['database', 'dataset', 'topic'][n % 3],
            owner: team(n),
          },
          relations: [{ type: 'ownedBy', targetRef: ref('group', team(n)) }],
        });
      default:
        return component(n);
    }
  }

  const prefixes: [string, string, number][] = [
    ['group', 'dept-', 0],
    ['group', 'team-', 0],
    ['user', 'user-', 0],
    ['system', 'system-', 0],
    ['api', 'api-', 0],
    ['resource', 'res-', 0],
    ['component', 'comp-', 0],
  ];
  const counts = new Map(ranges);
  return {
    size: total,
    at,
    kindAt,
    indexOf(key) {
      const colon = key.indexOf(':');
      const slash = key.indexOf('/', colon);
      const kind = key.slice(0, colon);
      if (key.slice(colon + 1, slash) !== 'default') return undefined;
      const name = key.slice(slash + 1);
      for (const [k, prefix] of prefixes) {
        if (k !== kind || !name.startsWith(prefix)) continue;
        const n = Number(name.slice(prefix.length));
        if (!Number.isInteger(n) || n < 0 || n >= counts.get(kind)!)
          return undefined;
        if (kind === 'group' && (prefix === 'dept-') !== n < departments)
          return undefined;
        return start(kind) + n;
      }
      return undefined;
    },
  };
}
