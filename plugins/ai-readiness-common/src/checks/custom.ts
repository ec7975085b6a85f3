/*
 * Declarative checks from `aiReadiness.customChecks`: each rule kind is one
 * small evaluator, so that platform teams add checks without writing code.
 */
import type { CustomCheckConfig } from '../config/schema';
import { readRefList } from '../engine/graph';
import { mergeReads } from './reads';
import {
  CheckContext,
  CheckDefinition,
  CheckOutcome,
  CheckReads,
  fail,
  notApplicable,
  pass,
} from './types';

type Rule = CustomCheckConfig['rule'];

function evaluateRule(rule: Rule, ctx: CheckContext): CheckOutcome {
  switch (rule.type) {
    case 'annotation': {
      const value = ctx.labelOrAnnotation(rule.key);
      if (value === undefined) return fail(`${rule.key} is not set`);
      if (rule.pattern !== undefined && !new RegExp(rule.pattern).test(value)) {
        return fail(
          `${rule.key} is ${JSON.stringify(
            value.slice(0, 80),
          )}, which does not match ${rule.pattern}`,
        );
      }
      return pass(`${rule.key} is set`);
    }
    case 'label': {
      const value = ctx.labelOrAnnotation(rule.key);
      if (value === undefined) return fail(`${rule.key} is not set`);
      return rule.values.includes(value)
        ? pass(`${rule.key} is ${value}`)
        : fail(
            `${rule.key} is ${JSON.stringify(
              value.slice(0, 80),
            )}, expected one of ${rule.values.join(', ')}`,
          );
    }
    case 'link':
      return ctx.hasLink(rule.linkType)
        ? pass(`a link of type ${rule.linkType} is present`)
        : fail(`no link of type ${rule.linkType}`);
    case 'owner-kind': {
      const owner = ctx.owner();
      if (!owner?.node)
        return fail(
          owner
            ? `owner ${owner.ref} does not resolve`
            : 'spec.owner is not set',
        );
      const kinds = rule.kinds.map(k => k.toLowerCase());
      return kinds.includes(owner.node.kind)
        ? pass(`owner ${owner.ref} is a ${owner.node.kind}`)
        : fail(
            `owner ${owner.ref} is a ${
              owner.node.kind
            }, expected ${rule.kinds.join(' or ')}`,
          );
    }
    case 'dependency': {
      const kind = rule.kind?.toLowerCase();
      const types = rule.types.map(t => t.toLowerCase());
      const match = readRefList(ctx.node, 'dependsOn')
        .map(d => ctx.graph.get(d.parsed.key))
        .find(
          n =>
            n && (!kind || n.kind === kind) && n.type && types.includes(n.type),
        );
      return match
        ? pass(`depends on ${match.ref} (${match.type})`)
        : fail(
            `no dependency of type ${rule.types.join(', ')}${
              kind ? ` (kind ${kind})` : ''
            }`,
          );
    }
    default:
      return fail('unknown rule');
  }
}

/** What a rule reads, declared as the built-in checks do. */
function readsOf(rule: Rule): CheckReads {
  switch (rule.type) {
    case 'annotation':
    case 'label':
      return { annotations: [rule.key] };
    case 'link':
      return { links: [rule.linkType] };
    case 'owner-kind':
      return { refs: [{ from: 'spec.owner' }] };
    case 'dependency':
      return {
        refs: [{ from: 'spec.dependsOn', reads: { fields: ['spec.type'] } }],
      };
    default:
      return {};
  }
}

/** Turns one configured custom check into a CheckDefinition. */
export function customCheck(config: CustomCheckConfig): CheckDefinition {
  const kinds = config.appliesTo?.kinds?.map(k => k.toLowerCase());
  const types = config.appliesTo?.types?.map(t => t.toLowerCase());
  return {
    id: config.id,
    dimension: config.dimension,
    title: config.title,
    gate: config.gate,
    frameworks: config.frameworks,
    remediation: config.remediation,
    reads: config.appliesTo?.types
      ? mergeReads(readsOf(config.rule), { fields: ['spec.type'] })
      : readsOf(config.rule),
    evaluate(ctx) {
      if (kinds && !kinds.includes(ctx.node.kind)) {
        return notApplicable(`applies to kinds ${kinds.join(', ')} only`);
      }
      if (types && !(ctx.node.type && types.includes(ctx.node.type))) {
        return notApplicable(`applies to types ${types.join(', ')} only`);
      }
      return evaluateRule(config.rule, ctx);
    },
  };
}
