/*
 * Rubric v2 on entities shaped like real catalogs: which entities are pilots,
 * and why (scope.rule, scope.message).
 */
import { createReadinessEngine } from './engine';
import { rhdhModelCatalog, upstreamAi } from './__fixtures__/realCatalogs';

const asOf = '2026-11-25';

describe('scope on real catalog shapes', () => {
  const engine = createReadinessEngine();
  const graph = engine.buildGraph([...upstreamAi, ...rhdhModelCatalog]);
  const scopes = Object.fromEntries(
    engine
      .evaluateAll(graph, { asOf })
      .map(card => [card.entityRef, card.scope]),
  );

  it('scores agents, and Components that use models or tool servers, and nothing else', () => {
    expect(Object.keys(scopes).sort()).toEqual([
      'airesource:default/code-review-agent',
      'airesource:default/security-agent',
      'component:default/chat-frontend',
      'component:default/release-notes-bot',
      'component:default/support-assistant',
    ]);
  });

  it('names the rule and what matched', () => {
    expect(scopes['airesource:default/code-review-agent']).toEqual({
      rule: 'agent',
      message: 'AiResource of spec.type agent',
    });
    expect(scopes['component:default/release-notes-bot']).toEqual({
      rule: 'tool-server',
      message: 'uses api:default/github-mcp (mcp-server)',
    });
    // Red Hat's model catalog: the model names its users in spec.dependencyOf.
    expect(scopes['component:default/support-assistant']).toEqual({
      rule: 'model-dependency',
      message: 'uses resource:default/granite-8b (ai-model)',
    });
    expect(scopes['component:default/chat-frontend']).toEqual({
      rule: 'model-dependency',
      message:
        'uses aimodelserverapi:default/llama-endpoint (AiModelServerAPI)',
    });
  });

  it('leaves out model servers, models, skills, rules and tagged Systems', () => {
    for (const ref of [
      'component:default/granite-server',
      'resource:default/granite-8b',
      'airesource:default/pr-summary-skill',
      'airesource:default/repo-rules',
      'system:default/ai-tooling',
      'api:default/github-mcp',
    ])
      expect(scopes[ref]).toBeUndefined();
  });

  it('opts in any kind, and opts out whatever matched', () => {
    const optedIn = {
      ...rhdhModelCatalog[0],
      metadata: {
        ...rhdhModelCatalog[0].metadata,
        annotations: { 'ai-readiness/enabled': 'true' },
      },
    };
    expect(engine.scopeOf(optedIn as any, graph)).toEqual({
      rule: 'opt-in',
      message: 'ai-readiness/enabled is "true"',
    });
    const optedOut = {
      ...upstreamAi[3],
      metadata: { name: 'x', annotations: { 'ai-readiness/enabled': 'false' } },
    };
    expect(engine.scopeOf(optedOut as any, graph)).toBeNull();
  });

  it('reads an agent like a Component: spec.model, handoffs, tool servers', () => {
    const card = engine.evaluate(upstreamAi[3] as any, graph, { asOf });
    const status = (id: string) =>
      card.dimensions.flatMap(d => d.checks).find(c => c.id === id)!;
    expect(status('INT-3')).toMatchObject({
      status: 'partial',
      message: expect.stringContaining('spec.model names claude-sonnet'),
    });
    expect(status('SEC-6').status).toBe('pass');
    expect(card.owner).toBe('group:default/ai-platform');
    // The agent it hands off to is triggered by the handoff.
    const security = engine.evaluate(upstreamAi[4] as any, graph, { asOf });
    expect(
      security.dimensions.flatMap(d => d.checks).find(c => c.id === 'INT-1'),
    ).toMatchObject({
      status: 'pass',
      message:
        'airesource:default/code-review-agent hands work off to the pilot',
    });
  });

  it('reads the model card of the model a pilot uses (OPS-5)', () => {
    const card = engine.evaluate(rhdhModelCatalog[4] as any, graph, { asOf });
    expect(
      card.dimensions.flatMap(d => d.checks).find(c => c.id === 'OPS-5'),
    ).toMatchObject({
      status: 'partial',
      message: expect.stringContaining(
        'model card of resource:default/granite-8b',
      ),
    });
  });

  it('compares kinds without regard to case', () => {
    const g = engine.buildGraph([
      ...rhdhModelCatalog,
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'lower' },
        spec: {
          type: 'service',
          dependsOn: ['AIModelServerAPI:llama-endpoint'],
        },
      },
    ]);
    expect(engine.pilots(g).map(e => e.metadata.name)).toContain('lower');
  });

  it('validates every scope list with the key path', () => {
    expect(() =>
      createReadinessEngine({ config: { scope: { toolServerTypes: [''] } } }),
    ).toThrow('aiReadiness.scope.toolServerTypes[0]');
    expect(() =>
      createReadinessEngine({
        config: { scope: { agentKinds: 'AiResource' } },
      }),
    ).toThrow('aiReadiness.scope.agentKinds');
  });

  it('follows configured lists', () => {
    const custom = createReadinessEngine({
      config: {
        scope: { toolServerTypes: ['a2a-server'], agentTypes: ['bot'] },
      },
    });
    const g = custom.buildGraph([...upstreamAi, ...rhdhModelCatalog]);
    const names = custom
      .pilots(g)
      .map(e => e.metadata.name)
      .sort();
    expect(names).not.toContain('release-notes-bot');
    expect(names).not.toContain('code-review-agent');
  });
});
