import { CheckDefinition, fail, partial, pass, short } from '../types';
import { DEPENDS_ON_TYPED, USES_TYPED } from './sharedReads';
import { snippet } from '../yaml';
import { GraphNode, isRecord, MalformedFieldError } from '../../engine/graph';
import { roleLabel } from '../../engine/roles';

const KNOWN_LIFECYCLES = new Set(['production', 'experimental', 'deprecated']);

/** How an API's lifecycle reads in a message, naming a value the rubric does not know. */
function lifecycleFound(node: GraphNode): string {
  const written = (node.entity as { spec?: { lifecycle?: unknown } }).spec
    ?.lifecycle;
  if (node.lifecycle === undefined) return '(no spec.lifecycle)';
  if (KNOWN_LIFECYCLES.has(node.lifecycle)) return `(${node.lifecycle})`;
  return `(spec.lifecycle ${JSON.stringify(
    short(String(written), 40),
  )} is not production, experimental or deprecated)`;
}

const TRIGGER_KEYWORDS = new Set(['schedule', 'manual']);

export const integrationChecks: CheckDefinition[] = [
  {
    id: 'INT-1',
    dimension: 'integration',
    reads: {
      keys: ['trigger'],
      refs: [
        { from: 'spec.providesApis', reads: { relations: ['apiConsumedBy'] } },
        { from: 'trigger' },
      ],
    },
    // Handoffs to the pilot are read from the graph's reverse index, so the
    // graph must hold the agents naming it: a full refresh and the CLI hold
    // every pilot; the backend's reader asks for them around a few entities.
    title: 'Trigger mapped',
    gate: true,
    frameworks: ['MAP 1.1', 'MAP 3.4'],
    remediation: {
      text: 'Say what starts the pilot: schedule, manual, event:<name>, or the entity that calls it.',
      yaml: snippet({
        annotations: { 'ai-readiness/trigger': 'event:claim-submitted' },
      }),
    },
    evaluate(ctx) {
      const provided = ctx.providesApis();
      for (const api of provided) {
        const consumers = api.node
          ? ctx.graph.consumersOf(api.node.key)
          : undefined;
        if (consumers) {
          for (const consumer of consumers) {
            if (consumer !== ctx.node.key) {
              const node = ctx.graph.get(consumer);
              return pass(
                `API ${api.ref} is consumed by ${node?.ref ?? consumer}`,
              );
            }
          }
        }
      }
      const handing = ctx.handedOffBy();
      if (handing.length)
        return pass(`${handing[0].ref} hands work off to the pilot`);
      const key = 'trigger';
      const trigger = ctx.key(key);
      let unresolvedTrigger: string | undefined;
      if (trigger) {
        if (TRIGGER_KEYWORDS.has(trigger))
          return pass(`${ctx.k(key)} is ${trigger}`);
        if (trigger.startsWith('event:')) {
          if (trigger.length > 'event:'.length && !/\s/.test(trigger)) {
            return pass(`${ctx.k(key)} is ${short(trigger)}`);
          }
          throw new MalformedFieldError(
            ctx.k(key),
            trigger,
            'event:<name> with a name',
          );
        }
        const ref = ctx.tryResolve(trigger);
        if (!ref) {
          throw new MalformedFieldError(
            ctx.k(key),
            trigger,
            'schedule, manual, event:<name> or an entity reference with a kind',
          );
        }
        if (ref.node) return pass(`triggered by ${ref.ref}`);
        unresolvedTrigger = ref.ref;
      }
      if (provided.length) {
        return partial(
          `no other entity consumes ${provided.map(a => a.ref).join(', ')}${
            unresolvedTrigger
              ? `; ${ctx.k(key)} ${unresolvedTrigger} does not resolve`
              : ''
          }`,
        );
      }
      if (unresolvedTrigger) {
        return partial(`${ctx.k(key)} ${unresolvedTrigger} does not resolve`);
      }
      return fail(
        `no ${ctx.k(
          key,
        )}, no provided API that another entity consumes and no pilot hands off to it`,
      );
    },
  },
  {
    id: 'INT-2',
    dimension: 'integration',
    reads: {
      keys: ['writes-to'],
      refs: [
        { from: 'writes-to' },
        { from: 'spec.consumesApis' },
        DEPENDS_ON_TYPED,
      ],
    },
    title: 'Write-back mapped',
    frameworks: ['MAP 1.1', 'MAP 3.4'],
    remediation: {
      text: 'Name the systems the pilot writes its results to (comma-separated entity references).',
      yaml: snippet({
        annotations: { 'ai-readiness/writes-to': 'component:default/crm' },
      }),
    },
    evaluate(ctx) {
      const key = 'writes-to';
      const value = ctx.key(key);
      if (value) {
        const entries = value
          .split(',')
          .map(v => v.trim())
          .filter(Boolean);
        const refs = entries.map(v => ctx.resolveKey(key, v));
        const missing = refs.filter(r => !r.node).map(r => r.ref);
        if (!missing.length)
          return pass(`writes to ${refs.map(r => r.ref).join(', ')}`);
        return partial(
          `${ctx.k(key)} entries do not resolve: ${missing.join(', ')}`,
        );
      }
      const consumed = ctx.consumesApis();
      if (consumed.length) {
        return partial(
          `${ctx.k(key)} is not set; the pilot consumes ${consumed
            .map(a => a.ref)
            .join(', ')}`,
        );
      }
      const component = ctx
        .dependsOn()
        .find(
          d => d.node?.kind === 'component' && !ctx.isModelDependency(d.node),
        );
      if (component) {
        return partial(
          `${ctx.k(key)} is not set; the pilot depends on ${component.ref}`,
        );
      }
      return fail(
        `${ctx.k(
          key,
        )} is not set and the pilot consumes no API nor depends on a component`,
      );
    },
  },
  {
    id: 'INT-3',
    dimension: 'integration',
    reads: { fields: ['spec.model'], refs: USES_TYPED },
    title: 'Governed model access',
    gate: true,
    frameworks: ['GOVERN 6.1', 'MANAGE 3.1'],
    remediation: {
      text: 'Call models through a governed endpoint: depend on the model server or gateway (or consume its API).',
      yaml: snippet({ spec: { dependsOn: ['component:default/llm-gateway'] } }),
    },
    evaluate(ctx) {
      // One pass: an endpoint passes at once; else the first model used.
      const used = ctx.uses();
      let model: (typeof used)[number] | undefined;
      for (const d of used) {
        if (ctx.isModelEndpoint(d.node))
          return pass(`models through ${d.ref} (${roleLabel(d.node!)})`);
        if (!model && ctx.isModelDependency(d.node)) model = d;
      }
      if (model)
        return partial(
          `direct model access to ${model.ref}, no model endpoint`,
        );
      const spec = (ctx.entity as { spec?: unknown }).spec;
      const named = isRecord(spec) ? spec.model : undefined;
      if (typeof named === 'string' && named.trim())
        return partial(
          `spec.model names ${short(
            named.trim(),
          )}, but no model endpoint or model is modelled`,
        );
      if (named !== undefined && named !== null && typeof named !== 'string')
        throw new MalformedFieldError('spec.model', named, 'a model name');
      return fail(
        'no model dependency modelled in spec.dependsOn or spec.consumesApis',
      );
    },
  },
  {
    id: 'INT-4',
    dimension: 'integration',
    reads: {
      refs: [
        { from: 'spec.providesApis', reads: { fields: ['spec.lifecycle'] } },
        {
          from: 'spec.consumesApis',
          reads: { fields: ['spec.lifecycle', 'spec.type'] },
        },
        {
          from: 'spec.dependsOn',
          reads: { fields: ['spec.lifecycle', 'spec.type'] },
        },
      ],
    },
    title: 'Stable API layer',
    frameworks: ['MANAGE 3.2', 'MAP 4.2'],
    remediation: {
      text: 'Expose and consume the pilot through registered APIs with spec.lifecycle production.',
      yaml: snippet({ spec: { providesApis: ['api:default/my-pilot-api'] } }),
    },
    evaluate(ctx) {
      const apis = [...ctx.providesApis(), ...ctx.consumesApis()];
      // Model endpoint APIs and tool servers the pilot depends on are part of its API layer too.
      for (const dep of ctx.dependsOn()) {
        if (
          dep.node &&
          dep.node.kind !== 'component' &&
          (ctx.isModelEndpoint(dep.node) || ctx.isToolServer(dep.node)) &&
          !apis.some(a => a.parsed.key === dep.parsed.key)
        )
          apis.push(dep);
      }
      if (!apis.length) return fail('the pilot provides and consumes no API');
      const unresolved = apis.filter(a => !a.node).map(a => a.ref);
      const deprecated = apis
        .filter(a => a.node?.lifecycle === 'deprecated')
        .map(a => a.ref);
      if (unresolved.length || deprecated.length) {
        const parts = [];
        if (unresolved.length)
          parts.push(`unresolved: ${unresolved.join(', ')}`);
        if (deprecated.length)
          parts.push(`deprecated: ${deprecated.join(', ')}`);
        return fail(parts.join('; '));
      }
      const unstable = apis
        .filter(a => a.node!.lifecycle !== 'production')
        .map(a => `${a.ref} ${lifecycleFound(a.node!)}`);
      if (unstable.length)
        return partial(`not in production: ${unstable.join('; ')}`);
      return pass(`all ${apis.length} APIs are in production`);
    },
  },
  {
    id: 'INT-5',
    dimension: 'integration',
    reads: { links: ['access-policy', 'failure-modes'] },
    title: 'Permissions and failure states documented',
    frameworks: ['MAP 3.5', 'MANAGE 2.4'],
    remediation: {
      text: 'Link what the pilot may access and how it fails.',
      yaml: snippet({
        links: [
          { type: 'access-policy', title: 'Access policy' },
          { type: 'failure-modes', title: 'Failure modes' },
        ],
      }),
    },
    evaluate(ctx) {
      const access = ctx.hasLink('access-policy');
      const failures = ctx.hasLink('failure-modes');
      if (access && failures)
        return pass('access-policy and failure-modes links are present');
      if (access || failures) {
        return partial(
          `missing a link of type ${
            access ? 'failure-modes' : 'access-policy'
          }`,
        );
      }
      return fail('no links of type access-policy or failure-modes');
    },
  },
  {
    id: 'INT-6',
    dimension: 'integration',
    reads: {
      refs: [
        { from: 'spec.dependsOn', reads: { fields: ['spec.lifecycle'] } },
        { from: 'spec.consumesApis', reads: { fields: ['spec.lifecycle'] } },
      ],
    },
    title: 'Dependencies are sound',
    frameworks: ['MANAGE 3.1', 'MAP 4.1'],
    remediation: {
      text: 'Register every dependency in the catalog (or fix the reference) and move off deprecated ones.',
      yaml: snippet({
        spec: { dependsOn: ['resource:default/registered-dependency'] },
      }),
    },
    evaluate(ctx) {
      const refs = [...ctx.dependsOn(), ...ctx.consumesApis()];
      const unresolved = refs.filter(r => !r.node).map(r => r.ref);
      if (unresolved.length)
        return fail(`references that do not resolve: ${unresolved.join(', ')}`);
      const deprecated = refs
        .filter(r => r.node?.lifecycle === 'deprecated')
        .map(r => r.ref);
      if (deprecated.length)
        return partial(`deprecated dependencies: ${deprecated.join(', ')}`);
      return pass(
        refs.length
          ? `all ${refs.length} dependencies resolve`
          : 'no dependencies declared',
      );
    },
  },
];
