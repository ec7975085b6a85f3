/*
 * A small organisation and a minimal pilot in it, for the built-in checks'
 * tests: `statusOf(checkId, patch)` evaluates the pilot with the patch applied.
 */
import { createReadinessEngine } from '../../../engine';
import type { CheckStatus } from '../../../types';

export const org = [
  group('team', {
    type: 'team',
    parent: 'dept',
    profile: { email: 'team@example.com' },
  }),
  group('lonely', { type: 'team', parent: 'dept' }),
  group('dept', { type: 'department' }),
  group('stray', { type: 'team', parent: 'missing-parent' }),
  group(
    'oncall-team',
    { type: 'team', parent: 'dept' },
    { 'opsgenie.com/team': 'ops' },
  ),
  user('u1', ['team']),
  user('u2', ['oncall-team']),
  user('solo', []),
  entity('System', 'biz-system', { owner: 'dept' }),
  entity('System', 'team-system', { owner: 'team' }),
  entity('Resource', 'db', { type: 'database', owner: 'team' }),
  entity('Resource', 'db2', { type: 'vector-store', owner: 'team' }),
  entity('Resource', 'unowned', { type: 'dataset', owner: 'nobody' }),
  entity('Resource', 'checked-db', { type: 'database', owner: 'team' }, {}, [
    { type: 'data-quality', url: 'https://q.example.com' },
  ]),
  entity('Resource', 'model', { type: 'ai-model', owner: 'team' }),
  entity('Resource', 'vendor', { type: 'saas', owner: 'team' }),
  entity('Resource', 'vendor-without-owner', { type: 'saas' }),
  entity('Component', 'gateway', {
    type: 'llm-gateway',
    owner: 'team',
    lifecycle: 'production',
  }),
  entity('Component', 'crm', {
    type: 'service',
    owner: 'team',
    lifecycle: 'production',
    consumesApis: ['used-api'],
  }),
  entity('Component', 'old', {
    type: 'service',
    owner: 'team',
    lifecycle: 'deprecated',
  }),
  entity('API', 'used-api', {
    type: 'openapi',
    lifecycle: 'production',
    owner: 'team',
    definition: 'openapi: 3.0.0',
  }),
  entity('API', 'lonely-api', {
    type: 'openapi',
    lifecycle: 'production',
    owner: 'team',
    definition: '',
  }),
  entity('API', 'beta-api', {
    type: 'openapi',
    lifecycle: 'experimental',
    owner: 'team',
  }),
  entity('API', 'old-api', {
    type: 'openapi',
    lifecycle: 'deprecated',
    owner: 'team',
  }),
  entity('API', 'odd-api', {
    type: 'openapi',
    lifecycle: 'Lifecycle',
    owner: 'team',
  }),
  // Model endpoints as upstream Backstage and Red Hat Developer Hub model them.
  entity('API', 'model-api', {
    type: 'ai-model-server',
    lifecycle: 'production',
    owner: 'team',
  }),
  entity('AiModelServerAPI', 'granite-api', {
    type: 'openai',
    lifecycle: 'production',
    owner: 'team',
  }),
  entity('Resource', 'carded-model', { type: 'ai-model', owner: 'team' }, {}, [
    { type: 'model-card', url: 'https://models.example.com/card' },
  ]),
  // Tool servers (kind API, spec.type mcp-server).
  entity('API', 'mcp-good', {
    type: 'mcp-server',
    lifecycle: 'production',
    owner: 'team',
  }),
  entity('API', 'mcp-beta', {
    type: 'mcp-server',
    lifecycle: 'experimental',
    owner: 'team',
  }),
  entity('API', 'mcp-orphan', {
    type: 'mcp-server',
    lifecycle: 'production',
    owner: 'nobody',
  }),
  entity('API', 'mcp-old', {
    type: 'mcp-server',
    lifecycle: 'deprecated',
    owner: 'team',
  }),
  // An agent that hands work off to the test pilot (AiResource, spec.handoffs).
  entity('AiResource', 'router-agent', {
    type: 'agent',
    owner: 'team',
    handoffs: ['component:default/handoff-target'],
  }),
];

export function entity(
  kind: string,
  name: string,
  spec: object,
  annotations = {},
  links: object[] = [],
) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, annotations, links },
    spec,
  };
}
export function group(name: string, spec: object, annotations = {}) {
  return entity('Group', name, { children: [], ...spec }, annotations);
}
export function user(name: string, memberOf: string[]) {
  return entity('User', name, { memberOf });
}

export interface Patch {
  /** metadata.name of the pilot (default "pilot"). */
  name?: string;
  ann?: Record<string, unknown>;
  links?: Array<string | { type: string; url: unknown }>;
  spec?: Record<string, unknown>;
}

export const AR = 'ai-readiness/';

export function pilot(patch: Patch) {
  const annotations: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch.ann ?? {})) {
    annotations[k.includes('/') ? k : `${AR}${k}`] = v;
  }
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: patch.name ?? 'pilot',
      annotations,
      links: (patch.links ?? []).map(l =>
        typeof l === 'string'
          ? { type: l, url: `https://docs.example.com/${l}` }
          : l,
      ),
    },
    spec: {
      type: 'ai-pilot',
      owner: 'team',
      lifecycle: 'experimental',
      ...patch.spec,
    },
  };
}

export function statusOf(checkId: string, patch: Patch, asOf = '2026-11-25') {
  const engine = createReadinessEngine();
  const target = pilot(patch);
  const graph = engine.buildGraph([...org, target]);
  const card = engine.evaluate(target as any, graph, { asOf });
  const check = card.dimensions
    .flatMap(d => d.checks)
    .find(c => c.id === checkId)!;
  return check;
}

export type Case = [string, CheckStatus, Patch, string?];
