import {
  CheckDefinition,
  fail,
  notApplicable,
  partial,
  pass,
  short,
} from '../types';
import { ON_CALL_READS, mergeReads } from './sharedReads';
import { snippet } from '../yaml';
import { MalformedFieldError, readRefField } from '../../engine/graph';
import { parseIsoDuration } from '../../util/dates';
import { riskTierOf } from '../../engine/metadata';

export { RISK_TIERS, riskTierOf } from '../../engine/metadata';

export const securityChecks: CheckDefinition[] = [
  {
    id: 'SEC-1',
    dimension: 'security',
    reads: { keys: ['risk-tier'] },
    title: 'Risk tier assessed',
    gate: true,
    waivable: false,
    frameworks: ['MAP 5.1', 'GOVERN 1.3'],
    remediation: {
      text: 'Assess the risk tier (minimal, limited or high, as in the EU AI Act) and record it.',
      yaml: snippet({ annotations: { 'ai-readiness/risk-tier': 'limited' } }),
    },
    evaluate(ctx) {
      const key = 'risk-tier';
      const value = ctx.key(key);
      if (value === undefined) return fail(`${ctx.k(key)} is not set`);
      const tier = riskTierOf(value);
      if (!tier) {
        throw new MalformedFieldError(
          ctx.k(key),
          value,
          'minimal, limited, high or prohibited',
        );
      }
      if (tier === 'prohibited') {
        return fail(
          `${ctx.k(key)} is prohibited: this use may not go to production`,
        );
      }
      return pass(`risk tier ${tier}`);
    },
  },
  {
    id: 'SEC-2',
    dimension: 'security',
    reads: {
      keys: ['vendors'],
      refs: [{ from: 'vendors', reads: { fields: ['spec.owner'] } }],
    },
    title: 'Vendors and data leaving the environment',
    gate: true,
    frameworks: ['GOVERN 6.1', 'MAP 4.1'],
    remediation: {
      text: 'List the external vendors that receive data (entity references to registered Resources with an owner), or none.',
      yaml: snippet({
        annotations: { 'ai-readiness/vendors': 'resource:default/openai' },
      }),
    },
    evaluate(ctx) {
      const key = 'vendors';
      const value = ctx.key(key);
      if (value === undefined) return fail(`${ctx.k(key)} is not set`);
      if (value.toLowerCase() === 'none')
        return pass('no data leaves the environment');
      const entries = value
        .split(',')
        .map(v => v.trim())
        .filter(Boolean);
      if (!entries.length)
        throw new MalformedFieldError(
          ctx.k(key),
          value,
          '"none" or entity references',
        );
      const problems: string[] = [];
      for (const entry of entries) {
        // A vendor named without a kind is a plain name: allowed, but not traceable.
        const ref = entry.includes(':') ? ctx.tryResolve(entry) : undefined;
        if (!ref) {
          problems.push(`${short(entry)} (a plain name)`);
        } else if (!ref.node) {
          problems.push(`${ref.ref} (not in the catalog)`);
        } else if (!readRefField(ref.node, 'owner', true)) {
          problems.push(`${ref.ref} (no owner)`);
        }
      }
      if (!problems.length)
        return pass(
          `vendors registered with owners: ${short(entries.join(', '), 300)}`,
        );
      return partial(
        `vendors not traceable: ${short(problems.join(', '), 400)}`,
      );
    },
  },
  {
    id: 'SEC-3',
    dimension: 'security',
    reads: { keys: ['data-classification', 'sensitive-masking'] },
    title: 'Data classification and masking',
    frameworks: ['MEASURE 2.10', 'MAP 4.1'],
    remediation: {
      text: 'Classify the data the pilot handles; confidential or restricted data needs masking of sensitive fields.',
      yaml: snippet({
        annotations: {
          'ai-readiness/data-classification': 'confidential',
          'ai-readiness/sensitive-masking': 'pii-redaction-before-prompt',
        },
      }),
    },
    evaluate(ctx) {
      const key = 'data-classification';
      const value = ctx.key(key);
      if (value === undefined) return fail(`${ctx.k(key)} is not set`);
      const level = value.toLowerCase();
      if (level === 'public' || level === 'internal')
        return pass(`data classified ${level}`);
      if (level === 'confidential' || level === 'restricted') {
        const masking = ctx.key('sensitive-masking');
        return masking
          ? pass(`${level} data, masking: ${short(masking)}`)
          : fail(`${level} data without ${ctx.k('sensitive-masking')}`);
      }
      throw new MalformedFieldError(
        ctx.k(key),
        value,
        'public, internal, confidential or restricted',
      );
    },
  },
  {
    id: 'SEC-4',
    dimension: 'security',
    reads: {
      keys: ['log-retention', 'prompt-access'],
      refs: [{ from: 'prompt-access', defaultKind: 'group' }],
    },
    title: 'Logs, retention, access to prompts and outputs',
    frameworks: ['MEASURE 2.10', 'GOVERN 1.6'],
    remediation: {
      text: 'Set how long prompts and outputs are kept and which team may read them.',
      yaml: snippet({
        annotations: {
          'ai-readiness/log-retention': 'P90D',
          'ai-readiness/prompt-access': 'group:default/my-team',
        },
      }),
    },
    evaluate(ctx) {
      const retentionValue = ctx.key('log-retention');
      if (retentionValue !== undefined && !parseIsoDuration(retentionValue)) {
        throw new MalformedFieldError(
          ctx.k('log-retention'),
          retentionValue,
          'an ISO 8601 duration such as P90D',
        );
      }
      const accessValue = ctx.key('prompt-access');
      let accessGroup: string | undefined;
      let accessProblem = `${ctx.k('prompt-access')} is not set`;
      if (accessValue !== undefined) {
        const ref = ctx.resolveKey('prompt-access', accessValue, 'group');
        if (ref.node?.kind === 'group') accessGroup = ref.ref;
        else
          accessProblem = `${ctx.k('prompt-access')} ${
            ref.ref
          } is not a Group in the catalog`;
      }
      if (retentionValue && accessGroup) {
        return pass(
          `retention ${short(
            retentionValue,
          )}, prompts readable by ${accessGroup}`,
        );
      }
      if (retentionValue)
        return partial(`retention ${short(retentionValue)}; ${accessProblem}`);
      if (accessGroup)
        return partial(
          `prompts readable by ${accessGroup}; ${ctx.k(
            'log-retention',
          )} is not set`,
        );
      return fail(`${ctx.k('log-retention')} is not set; ${accessProblem}`);
    },
  },
  {
    id: 'SEC-5',
    dimension: 'security',
    reads: mergeReads({ links: ['incident-response'] }, ON_CALL_READS),
    title: 'Incident response',
    frameworks: ['MANAGE 4.3', 'GOVERN 4.3'],
    remediation: {
      text: 'Link the AI incident response procedure and route incidents to an on-call rotation.',
      yaml: snippet({
        annotations: { 'pagerduty.com/service-id': 'PABC123' },
        links: [{ type: 'incident-response', title: 'Incident response' }],
      }),
    },
    evaluate(ctx) {
      const procedure = ctx.hasLink('incident-response');
      const route = ctx.onCallRoute();
      if (procedure && route)
        return pass(`incident-response link and on-call route ${route}`);
      if (procedure)
        return partial('incident-response link, but no on-call route');
      if (route)
        return partial(`on-call route ${route}, but no incident-response link`);
      return fail('no incident-response link and no on-call route');
    },
  },
  {
    id: 'SEC-6',
    dimension: 'security',
    reads: {
      refs: ['spec.dependsOn', 'spec.consumesApis'].map(from => ({
        from,
        reads: {
          fields: ['spec.type', 'spec.lifecycle', 'spec.owner'],
          refs: [{ from: 'spec.owner' }],
        },
      })),
    },
    title: 'Tool servers owned and production-grade',
    frameworks: ['GOVERN 6.1', 'MANAGE 3.1'],
    remediation: {
      text: "Give every tool server the pilot uses an owning team in the catalog and spec.lifecycle production (in the tool server's own API entity).",
      // A separate entity: the tool server's own definition.
      yaml: [
        'apiVersion: backstage.io/v1alpha1',
        'kind: API',
        'metadata:',
        '  name: my-mcp-server',
        'spec:',
        '  type: mcp-server',
        '  lifecycle: production',
        '  owner: group:default/my-team',
        '',
      ].join('\n'),
    },
    evaluate(ctx) {
      const servers = ctx.uses().filter(u => ctx.isToolServer(u.node));
      if (!servers.length)
        return notApplicable('the pilot uses no tool server');
      const deprecated = servers
        .filter(s => s.node!.lifecycle === 'deprecated')
        .map(s => s.ref);
      if (deprecated.length)
        return fail(`deprecated tool servers: ${deprecated.join(', ')}`);
      const problems: string[] = [];
      for (const server of servers) {
        const node = server.node!;
        const owner = readRefField(node, 'owner', true);
        if (!owner) problems.push(`${server.ref} has no owner`);
        else if (!ctx.graph.get(owner.parsed.key))
          problems.push(
            `${server.ref}'s owner ${owner.parsed.kind}:${owner.parsed.namespace}/${owner.parsed.name} is not in the catalog`,
          );
        if (node.lifecycle !== 'production')
          problems.push(
            `${server.ref} is ${
              node.lifecycle ? node.lifecycle : 'without spec.lifecycle'
            }`,
          );
      }
      if (problems.length) return partial(problems.join('; '));
      return pass(
        `${servers.length} tool server${
          servers.length > 1 ? 's' : ''
        } owned and in production: ${servers.map(s => s.ref).join(', ')}`,
      );
    },
  },
];
