/*
 * Entities in the shapes real catalogs carry, written from the public
 * documentation of upstream Backstage (the AI resource kind: agents and
 * skills; MCP servers as APIs of type mcp-server) and of Red Hat Developer
 * Hub's model catalog (a model server Component that dependsOn its model
 * Resource and its API; the AiModelServerAPI kind; agents with handoffs).
 */
const meta = (name: string, extra: object = {}) => ({ name, ...extra });

export const upstreamAi = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: meta('ai-platform'),
    spec: { type: 'team', children: [], parent: 'engineering' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: meta('engineering'),
    spec: { type: 'department', children: ['ai-platform'] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: meta('ada'),
    spec: { memberOf: ['ai-platform'] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'AiResource',
    metadata: meta('code-review-agent', {
      title: 'Code review agent',
      description: 'Reviews pull requests',
    }),
    spec: {
      type: 'agent',
      owner: 'ai-platform',
      lifecycle: 'experimental',
      model: 'claude-sonnet',
      handoffs: ['security-agent'],
      consumesApis: ['github-mcp'],
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'AiResource',
    metadata: meta('security-agent'),
    spec: { type: 'agent', owner: 'ai-platform', lifecycle: 'experimental' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'AiResource',
    metadata: meta('pr-summary-skill', { tags: ['genai'] }),
    spec: { type: 'skill', owner: 'ai-platform' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'AiResource',
    metadata: meta('repo-rules'),
    spec: { type: 'rule', owner: 'ai-platform' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: meta('github-mcp', { tags: ['mcp'] }),
    spec: {
      type: 'mcp-server',
      lifecycle: 'production',
      owner: 'ai-platform',
      remotes: [{ type: 'streamable-http', url: 'https://mcp.example.com' }],
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: meta('release-notes-bot'),
    spec: {
      type: 'service',
      owner: 'ai-platform',
      lifecycle: 'production',
      consumesApis: ['github-mcp'],
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: meta('ai-tooling', { tags: ['genai'] }),
    spec: { owner: 'ai-platform' },
  },
];

export const rhdhModelCatalog = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: meta('granite-server', {
      tags: ['genai', 'vllm'],
      links: [{ url: 'https://granite.example.com', title: 'Endpoint' }],
    }),
    spec: {
      type: 'model-server',
      owner: 'ai-platform',
      lifecycle: 'production',
      dependsOn: ['resource:granite-8b', 'api:granite-server-api'],
      providesApis: ['granite-server-api'],
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: meta('granite-8b', {
      tags: ['genai'],
      links: [
        {
          url: 'https://huggingface.example.com/granite-8b',
          title: 'Model card',
          type: 'model-card',
        },
      ],
    }),
    spec: {
      type: 'ai-model',
      owner: 'ai-platform',
      dependencyOf: ['component:granite-server', 'component:support-assistant'],
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: meta('granite-server-api'),
    spec: {
      type: 'openapi',
      lifecycle: 'production',
      owner: 'ai-platform',
      definition: 'openapi: 3.0.0',
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'AiModelServerAPI',
    metadata: meta('llama-endpoint'),
    spec: { type: 'openai', owner: 'ai-platform', lifecycle: 'production' },
  },
  // A plain service that only the model's dependencyOf ties to the model.
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: meta('support-assistant'),
    spec: { type: 'service', owner: 'ai-platform', lifecycle: 'experimental' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: meta('chat-frontend'),
    spec: {
      type: 'website',
      owner: 'ai-platform',
      lifecycle: 'production',
      dependsOn: ['aimodelserverapi:default/llama-endpoint'],
    },
  },
];
