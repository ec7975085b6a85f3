/*
 * A repository shaped like the public catalogs the CLI meets in the wild:
 * upstream Backstage's AI resource kind (a router agent that hands off to a
 * weaker billing agent, which caps it; a skill), an MCP server modelled as an
 * API of type mcp-server, a model Resource and a service that uses it, and a
 * scaffolder template whose skeleton holds a catalog-info.yaml
 * full of `${{ values.* }}`, next to app-config and CI files. Written into the
 * test's temp folder by writeRealRepo.
 */
import fs from 'fs';
import path from 'path';

export const REAL_REPO: Record<string, string> = {
  'catalog-info.yaml': `apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: customer-support
  description: Assistants that answer and route customer tickets
spec:
  owner: support-platform
---
apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: support-catalog
spec:
  targets:
    - ./catalog/org.yaml
    - ./catalog/agents/router.yaml
    - ./catalog/agents/billing.yaml
`,
  'catalog/org.yaml': `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: support-platform
spec:
  type: team
  profile:
    email: support-platform@example.com
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: jane
spec:
  memberOf: [support-platform]
`,
  'catalog/agents/router.yaml': `apiVersion: backstage.io/v1alpha1
kind: AiResource
metadata:
  name: support-router
  title: Support router agent
  description: Reads incoming tickets and hands each to the right specialist
  annotations:
    backstage.io/source-location: url:https://github.com/example/support-agents/tree/main/router/
    ai-readiness/risk-tier: limited
spec:
  type: agent
  lifecycle: experimental
  owner: support-platform
  system: customer-support
  model: gpt-4o
  handoffs:
    - billing-agent
  consumesApis:
    - tickets-mcp
`,
  'catalog/agents/billing.yaml': `apiVersion: backstage.io/v1alpha1
kind: AiResource
metadata:
  name: billing-agent
  description: Answers questions about invoices and refunds
spec:
  type: agent
  lifecycle: experimental
  owner: support-platform
  system: customer-support
  dependsOn:
    - resource:default/gpt-4o
---
apiVersion: backstage.io/v1alpha1
kind: AiResource
metadata:
  name: ticket-etiquette
  description: Skill for writing replies in the support team's tone
spec:
  type: skill
  lifecycle: production
  owner: support-platform
  system: customer-support
  disciplines:
    - support
  categories:
    - writing
`,
  'catalog/apis/tickets-mcp.yaml': `apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: tickets-mcp
  title: Tickets MCP server
  description: MCP tools to search, read and update support tickets
spec:
  type: mcp-server
  lifecycle: production
  owner: support-platform
  system: customer-support
  remotes:
    - type: streamable-http
      url: https://mcp.example.com/tickets/mcp
`,
  'catalog/models/gpt-4o.yaml': `apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: gpt-4o
  description: The hosted model the support agents call
spec:
  type: ai-model
  owner: support-platform
  system: customer-support
`,
  'catalog/components/support-assistant.yaml': `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: support-assistant
  title: Support assistant
  annotations:
    ai-readiness/risk-tier: limited
spec:
  type: llm-app
  lifecycle: experimental
  owner: support-platform
  system: customer-support
  dependsOn:
    - resource:default/gpt-4o
  consumesApis:
    - tickets-mcp
`,
  'catalog/components/ticket-classifier.yaml': `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ticket-classifier
  description: Sorts incoming tickets by topic
spec:
  type: service
  lifecycle: production
  owner: support-platform
  system: customer-support
  dependsOn:
    - resource:default/gpt-4o
`,
  'templates/new-agent/template.yaml': `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: new-support-agent
  title: New support agent
  description: Creates a repository for an AI agent and registers it in the catalog
spec:
  owner: support-platform
  type: service
  parameters:
    - title: The agent
      required: [name, owner]
      properties:
        name:
          title: Name
          type: string
        owner:
          title: Owner
          type: string
          ui:field: OwnerPicker
  steps:
    - id: fetch
      name: Fetch the skeleton
      action: fetch:template
      input:
        url: ./skeleton
        values:
          name: \${{ parameters.name }}
          owner: \${{ parameters.owner }}
    - id: publish
      name: Publish
      action: publish:github
      input:
        repoUrl: github.com?owner=example&repo=\${{ parameters.name }}
    - id: register
      name: Register
      action: catalog:register
      input:
        repoContentsUrl: \${{ steps.publish.output.repoContentsUrl }}
        catalogInfoPath: /catalog-info.yaml
  output:
    links:
      - title: Open in catalog
        icon: catalog
        entityRef: \${{ steps.register.output.entityRef }}
`,
  'templates/new-agent/skeleton/catalog-info.yaml': `apiVersion: backstage.io/v1alpha1
kind: AiResource
metadata:
  name: \${{ values.name | dump }}
  annotations:
    github.com/project-slug: example/\${{ values.name }}
spec:
  type: agent
  lifecycle: experimental
  owner: \${{ values.owner | dump }}
`,
  'templates/new-agent/skeleton/tools-api.yaml': `{%- if values.withTools %}
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: {{ values.name }}-tools
spec:
  type: mcp-server
  lifecycle: experimental
  owner: {{ values.owner }}
{%- endif %}
`,
  'actions/setup-node/action.yml': `name: Set up Node
description: Installs Node and the repository's dependencies
inputs:
  node-version:
    default: '20'
runs:
  using: composite
  steps:
    - uses: actions/setup-node@v4
      with:
        node-version: \${{ inputs.node-version }}
    - run: npm ci
      shell: bash
`,
  'app-config.yaml': `app:
  title: Support agents
backend:
  baseUrl: http://localhost:7007
`,
  '.github/workflows/ci.yaml': `on: push
jobs:
  readiness:
    runs-on: ubuntu-latest
    steps:
      - run: npx ai-readiness check . --min-level L1 --format github
`,
};

/** Entities in REAL_REPO that the catalog would accept (the skeletons are none). */
export const REAL_REPO_ENTITIES = 12;

/** Writes REAL_REPO under `dir`, returns `dir`. */
export function writeRealRepo(dir: string): string {
  for (const [name, text] of Object.entries(REAL_REPO)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return dir;
}
