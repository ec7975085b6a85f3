/* eslint-disable no-script-url -- these cases feed script URLs on purpose */
/*
 * Every status of the ownership, data and integration checks, each reached
 * by a minimal pilot.
 */
import type { Case } from './statusOf';

export const ownershipToIntegrationCases: Case[] = [
  // ownership
  ['OWN-1', 'pass', {}],
  ['OWN-1', 'partial', { spec: { owner: 'user:solo' } }, 'single User'],
  ['OWN-1', 'partial', { spec: { owner: 'lonely' } }, 'no members'],
  ['OWN-1', 'fail', { spec: { owner: undefined } }, 'not set'],
  ['OWN-1', 'fail', { spec: { owner: 'ghost' } }, 'does not resolve'],
  ['OWN-1', 'error', { spec: { owner: ['team'] } }, 'spec.owner'],
  ['OWN-2', 'pass', { ann: { 'business-owner': 'u1' } }],
  [
    'OWN-2',
    'partial',
    { ann: { 'business-owner': 'user:nobody' } },
    'does not resolve',
  ],
  [
    'OWN-2',
    'partial',
    { spec: { system: 'biz-system' } },
    'inferred group:default/dept',
  ],
  ['OWN-2', 'fail', { spec: { system: 'team-system' } }, 'not set'],
  [
    'OWN-2',
    'fail',
    { ann: { 'business-owner': 'group:default/team' } },
    'same as spec.owner',
  ],
  [
    'OWN-2',
    'error',
    { ann: { 'business-owner': { name: 'x' } } },
    'ai-readiness/business-owner',
  ],
  ['OWN-3', 'pass', {}],
  ['OWN-3', 'partial', { spec: { owner: 'stray' } }, 'missing-parent'],
  ['OWN-3', 'fail', { spec: { owner: 'dept' } }, 'no spec.parent'],
  ['OWN-3', 'fail', { spec: { owner: 'user:u1' } }, 'is a User, not a Group'],
  ['OWN-3', 'fail', { spec: { owner: 'ghosts' } }, 'not in the catalog'],
  ['OWN-4', 'pass', { links: ['raci'] }],
  ['OWN-4', 'partial', { ann: { 'backstage.io/techdocs-ref': 'dir:.' } }],
  ['OWN-4', 'fail', {}],
  [
    'OWN-4',
    'error',
    { links: [{ type: 'raci', url: 'javascript:alert(1)' }] },
    'metadata.links[0].url',
  ],
  // data
  ['DATA-1', 'pass', { spec: { dependsOn: ['resource:db'] } }],
  ['DATA-1', 'partial', { spec: { consumesApis: ['used-api'] } }],
  ['DATA-1', 'fail', { spec: { dependsOn: ['resource:model'] } }],
  ['DATA-1', 'error', { spec: { dependsOn: 'resource:db' } }, 'spec.dependsOn'],
  ['DATA-2', 'pass', { spec: { dependsOn: ['resource:db', 'resource:db2'] } }],
  [
    'DATA-2',
    'partial',
    { spec: { dependsOn: ['resource:db', 'resource:unowned'] } },
    '1 of 2',
  ],
  [
    'DATA-2',
    'fail',
    {
      spec: {
        dependsOn: [
          'resource:db',
          'resource:unowned',
          'resource:not-registered',
        ],
      },
    },
    '1 of 3',
  ],
  ['DATA-2', 'fail', {}, 'no data resource'],
  ['DATA-2', 'error', { spec: { dependsOn: [42] } }, 'spec.dependsOn[0]'],
  ['DATA-3', 'pass', { links: ['data-contract'] }],
  [
    'DATA-3',
    'pass',
    { ann: { 'input-schema': 'https://schemas.example.com/in.json' } },
  ],
  ['DATA-3', 'partial', { spec: { providesApis: ['used-api'] } }],
  ['DATA-3', 'fail', { spec: { providesApis: ['lonely-api'] } }],
  [
    'DATA-3',
    'error',
    { ann: { 'input-schema': 'file:///etc/passwd' } },
    'input-schema',
  ],
  [
    'DATA-4',
    'pass',
    { ann: { 'input-validation': 'great expectations suite' } },
  ],
  ['DATA-4', 'pass', { links: ['data-quality'] }],
  [
    'DATA-4',
    'partial',
    { spec: { dependsOn: ['resource:checked-db'] } },
    'checked-db',
  ],
  ['DATA-4', 'fail', { spec: { dependsOn: ['resource:db'] } }],
  // integration
  [
    'INT-1',
    'pass',
    { spec: { providesApis: ['used-api'] } },
    'component:default/crm',
  ],
  ['INT-1', 'pass', { ann: { trigger: 'schedule' } }],
  ['INT-1', 'pass', { ann: { trigger: 'event:claim-filed' } }],
  ['INT-1', 'pass', { ann: { trigger: 'component:crm' } }],
  [
    'INT-1',
    'partial',
    { spec: { providesApis: ['lonely-api'] } },
    'no other entity consumes',
  ],
  [
    'INT-1',
    'partial',
    { ann: { trigger: 'component:ghost' } },
    'does not resolve',
  ],
  ['INT-1', 'fail', {}],
  [
    'INT-1',
    'pass',
    { name: 'handoff-target' },
    'airesource:default/router-agent hands work off',
  ],
  [
    'INT-1',
    'error',
    { ann: { trigger: 'every morning' } },
    'ai-readiness/trigger',
  ],
  ['INT-2', 'pass', { ann: { 'writes-to': 'component:crm, resource:db' } }],
  [
    'INT-2',
    'partial',
    { ann: { 'writes-to': 'component:crm,component:ghost' } },
    'component:default/ghost',
  ],
  [
    'INT-2',
    'partial',
    { spec: { dependsOn: ['component:crm'] } },
    'depends on',
  ],
  ['INT-2', 'fail', { spec: { dependsOn: ['component:gateway'] } }],
  ['INT-2', 'error', { ann: { 'writes-to': 'crm' } }, 'ai-readiness/writes-to'],
  ['INT-3', 'pass', { spec: { dependsOn: ['component:gateway'] } }],
  ['INT-3', 'partial', { spec: { dependsOn: ['resource:model'] } }],
  ['INT-3', 'fail', { spec: { dependsOn: ['resource:db'] } }],
  // Model endpoints: an ai-model-server API (consumed or depended on) and the RHDH kind.
  [
    'INT-3',
    'pass',
    { spec: { consumesApis: ['model-api'] } },
    'api:default/model-api (ai-model-server)',
  ],
  [
    'INT-3',
    'pass',
    { spec: { dependsOn: ['aimodelserverapi:granite-api'] } },
    'AiModelServerAPI',
  ],
  [
    'INT-3',
    'partial',
    { spec: { model: 'gpt-4o' } },
    'spec.model names gpt-4o',
  ],
  ['INT-3', 'error', { spec: { model: ['gpt-4o'] } }, 'spec.model'],
  [
    'INT-4',
    'pass',
    { spec: { providesApis: ['used-api'], consumesApis: ['lonely-api'] } },
  ],
  [
    'INT-4',
    'partial',
    { spec: { providesApis: ['used-api'], consumesApis: ['beta-api'] } },
  ],
  ['INT-4', 'fail', { spec: { consumesApis: ['old-api'] } }, 'deprecated'],
  ['INT-4', 'fail', { spec: { consumesApis: ['ghost-api'] } }, 'unresolved'],
  ['INT-4', 'fail', {}],
  [
    'INT-4',
    'partial',
    { spec: { consumesApis: ['odd-api'] } },
    'spec.lifecycle "Lifecycle" is not production, experimental or deprecated',
  ],
  // A tool server and a model endpoint API are part of the API layer.
  [
    'INT-4',
    'partial',
    { spec: { consumesApis: ['mcp-beta'] } },
    'experimental',
  ],
  [
    'INT-4',
    'fail',
    { spec: { providesApis: ['used-api'], dependsOn: ['api:mcp-old'] } },
    'deprecated',
  ],
  ['INT-5', 'pass', { links: ['access-policy', 'failure-modes'] }],
  ['INT-5', 'partial', { links: ['failure-modes'] }],
  ['INT-5', 'fail', {}],
  ['INT-6', 'pass', {}],
  [
    'INT-6',
    'pass',
    { spec: { dependsOn: ['resource:db'], consumesApis: ['used-api'] } },
  ],
  ['INT-6', 'partial', { spec: { dependsOn: ['component:old'] } }],
  [
    'INT-6',
    'fail',
    {
      spec: {
        dependsOn: ['component:old', 'resource:ghost'],
        consumesApis: ['nope'],
      },
    },
    'resource:default/ghost, api:default/nope',
  ],
];
