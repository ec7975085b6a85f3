/*
 * The CLI benchmark's synthetic catalog files: deterministic, so that every
 * run scores the same pilots.
 */
import fs from 'fs';
import path from 'path';

/** A small deterministic PRNG, so every run scores the same catalog. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function generate(
  dir: string,
  total: number,
): { files: number; pilots: number } {
  const rand = rng(42);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const docs = new Map<string, string[]>();
  const add = (file: string, doc: string) => {
    if (!docs.has(file)) docs.set(file, []);
    docs.get(file)!.push(doc);
  };

  // The mix: 5% groups, 20% users, 2% systems, 25% resources, 15% APIs, 33% components.
  const nGroups = Math.round(total * 0.05);
  const nUsers = Math.round(total * 0.2);
  const nSystems = Math.round(total * 0.02);
  const nResources = Math.round(total * 0.25);
  const nApis = Math.round(total * 0.15);
  const nComponents = total - nGroups - nUsers - nSystems - nResources - nApis;

  const groups: string[] = [];
  for (let i = 0; i < nGroups; i++) {
    const name = `team-${i}`;
    groups.push(name);
    const isUnit = i < 10;
    add(
      `org/groups-${i % 5}.yaml`,
      `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: ${name}
  annotations:
    pagerduty.com/service-id: P${String(i).padStart(6, '0')}
spec:
  type: ${isUnit ? 'business-unit' : 'team'}
${isUnit ? '' : `  parent: team-${i % 10}\n`}  children: []
  profile:
    email: ${name}@example.com
`,
    );
  }
  const users: string[] = [];
  for (let i = 0; i < nUsers; i++) {
    const name = `user-${i}`;
    users.push(name);
    add(
      `org/users-${i % 10}.yaml`,
      `apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: ${name}
spec:
  profile:
    displayName: User ${i}
    email: ${name}@example.com
  memberOf: [${pick(groups)}]
`,
    );
  }
  const systems: string[] = [];
  for (let i = 0; i < nSystems; i++) {
    const name = `system-${i}`;
    systems.push(name);
    add(
      `systems/systems.yaml`,
      `apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: ${name}
spec:
  owner: team-${i % 10}
`,
    );
  }
  const dataTypes = [
    'database',
    'dataset',
    'vector-store',
    'table',
    'bucket',
    'topic',
    'warehouse',
  ];
  const dataResources: string[] = [];
  const models: string[] = [];
  for (let i = 0; i < nResources; i++) {
    const name = `resource-${i}`;
    let type = pick(dataTypes);
    if (i % 9 === 0) type = 'vendor';
    if (i % 20 === 0) type = 'ai-model';
    if (type === 'ai-model') models.push(name);
    else if (type !== 'vendor') dataResources.push(name);
    add(
      `systems/system-${i % nSystems}/resources.yaml`,
      `apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: ${name}
  annotations:
    ai-readiness/input-validation: "true"
spec:
  type: ${type}
  owner: ${pick(groups)}
  system: system-${i % nSystems}
`,
    );
  }
  const apis: string[] = [];
  for (let i = 0; i < nApis; i++) {
    const name = `api-${i}`;
    apis.push(name);
    add(
      `systems/system-${i % nSystems}/apis.yaml`,
      `apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: ${name}
spec:
  type: openapi
  lifecycle: ${pick(['production', 'production', 'experimental', 'deprecated'])}
  owner: ${pick(groups)}
  system: system-${i % nSystems}
  definition: |
    openapi: 3.0.0
    info: { title: ${name}, version: 1.0.0 }
    paths: {}
`,
    );
  }
  let pilots = 0;
  const gateways: string[] = [];
  for (let i = 0; i < nComponents; i++) {
    const name = `component-${i}`;
    const system = `system-${i % nSystems}`;
    const file = `systems/${system}/components.yaml`;
    if (i % 50 === 0) {
      gateways.push(name);
      add(
        file,
        `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
spec:
  type: llm-gateway
  lifecycle: production
  owner: ${pick(groups)}
  system: ${system}
`,
      );
      continue;
    }
    const isPilot = i % 4 === 1;
    if (!isPilot) {
      add(
        file,
        `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations:
    github.com/project-slug: example/${name}
spec:
  type: service
  lifecycle: production
  owner: ${pick(groups)}
  system: ${system}
  providesApis: [${pick(apis)}]
  consumesApis: [${pick(apis)}]
  dependsOn: [resource:${pick(dataResources)}]
`,
      );
      continue;
    }
    pilots++;
    const full = rand() < 0.5;
    const model =
      rand() < 0.7 && gateways.length
        ? `component:${pick(gateways)}`
        : `resource:${pick(models)}`;
    add(
      file,
      `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  title: Pilot ${i}
  tags: [genai]
  annotations:
    ai-readiness/business-owner: user:${pick(users)}
    ai-readiness/risk-tier: ${pick(['minimal', 'limited', 'high'])}
    ai-readiness/human-review: group:${pick(groups)}
    ai-readiness/confidence-threshold: "0.${Math.floor(rand() * 90 + 10)}"
    ai-readiness/kill-switch: flags/${name}
    ai-readiness/vendors: ${
      rand() < 0.5 ? 'none' : `resource:${pick(dataResources)}`
    }
    ai-readiness/rollout-stage: ${full ? 'limited' : 'pilot'}
    ai-readiness/trigger: ${pick([
      'schedule',
      'manual',
      'event:claim-submitted',
    ])}
${
  full
    ? `    ai-readiness/monitored-signals: input-quality,output-quality,override-rate,escalation-rate,fallback-rate,latency,business-impact
    ai-readiness/review-cadence: P30D
    ai-readiness/last-reviewed: 2026-11-0${Math.floor(rand() * 9) + 1}
    ai-readiness/data-classification: internal
    ai-readiness/log-retention: P90D
    ai-readiness/prompt-access: group:${pick(groups)}
    grafana/dashboard-selector: "tags @> '${name}'"
    grafana/alert-label-selector: service=${name}
    ai-readiness/waiver.OPS-3: "2027-01-31 cost dashboard in progress"
`
    : ''
}  links:
    - { url: https://wiki.example.com/${name}/rollback, title: Rollback, type: rollback-plan }
    - { url: https://wiki.example.com/${name}/runbook, title: Runbook, type: runbook }
${
  full
    ? `    - { url: https://wiki.example.com/${name}/raci, title: RACI, type: raci }
    - { url: https://wiki.example.com/${name}/rollout, title: Rollout plan, type: rollout-plan }
    - { url: https://wiki.example.com/${name}/support, title: Support, type: support }
`
    : ''
}spec:
  type: ${pick(['ai-pilot', 'llm-app', 'service'])}
  lifecycle: experimental
  owner: ${pick(groups)}
  system: ${system}
  providesApis: [${pick(apis)}]
  consumesApis: [${pick(apis)}]
  dependsOn:
    - resource:${pick(dataResources)}
    - resource:${pick(dataResources)}
    - ${model}
`,
    );
  }
  for (const [file, list] of docs) {
    const full = path.join(dir, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, list.join('---\n'));
  }
  return { files: docs.size, pilots };
}
