import { createReadinessEngine } from '@ai-readiness/plugin-ai-readiness-common';
import { outsideReferences } from './outsideRefs';

const team = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-a' },
  spec: { type: 'team', children: [] },
};
const agent = (name: string, namespace = 'default') => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'AiResource',
  metadata: { name, namespace },
  spec: {
    type: 'skill',
    lifecycle: 'experimental',
    owner: 'group:default/team-a',
  },
});
const pilot = (spec: Record<string, unknown> = {}) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'router-bot', namespace: 'support' },
  spec: {
    type: 'ai-pilot',
    lifecycle: 'experimental',
    owner: 'group:default/team-a',
    ...spec,
  },
});

function outside(entities: any[]): string[] {
  const engine = createReadinessEngine();
  return outsideReferences(engine, engine.buildGraph(entities));
}

describe('outsideReferences', () => {
  it("counts a pilot's handoffs to agents not in the files, in its own namespace by default, once each", () => {
    const before = outside([team, agent('billing-agent', 'support'), pilot()]);
    const after = outside([
      team,
      agent('billing-agent', 'support'),
      pilot({
        handoffs: [
          'billing-agent',
          'returns-agent',
          'AiResource:support/Returns-Agent',
          'airesource:default/returns-agent',
          42,
        ],
      }),
    ]);
    expect(after.filter(k => !before.includes(k))).toEqual([
      'airesource:default/returns-agent',
      'airesource:support/returns-agent',
    ]);
  });

  it("includes what the checks read and the files do not hold (the engine's missingRefs), lower-cased", () => {
    const refs = outside([
      team,
      pilot({ dependsOn: ['resource:default/Claims-DB'] }),
    ]);
    expect(refs).toContain('resource:default/claims-db');
    expect(refs).not.toContain('group:default/team-a');
  });
});
