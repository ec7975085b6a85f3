import { CheckDefinition, fail, partial, pass, short } from '../types';
import { snippet } from '../yaml';
import { MalformedFieldError } from '../../engine/graph';
import { isSafeHttpUrl } from '../../util/urls';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export const fallbackChecks: CheckDefinition[] = [
  {
    id: 'FB-1',
    dimension: 'fallback',
    reads: {
      keys: ['human-review'],
      urls: ['human-review'],
      refs: [{ from: 'human-review' }],
    },
    title: 'Human review path',
    gate: true,
    frameworks: ['MAP 3.5', 'GOVERN 3.2'],
    remediation: {
      text: 'Name the team (or person) that reviews uncertain or contested outputs.',
      yaml: snippet({
        annotations: {
          'ai-readiness/human-review': 'group:default/claims-reviewers',
        },
      }),
    },
    evaluate(ctx) {
      const key = 'human-review';
      const value = ctx.key(key);
      if (!value) return fail(`${ctx.k(key)} is not set`);
      if (isSafeHttpUrl(value)) {
        return partial(
          `${ctx.k(key)} is a URL; name the reviewing Group or User instead`,
        );
      }
      const ref = ctx.resolveKey(key, value);
      if (!ref.node)
        return partial(`${ctx.k(key)} ${ref.ref} does not resolve`);
      if (ref.node.kind === 'group' || ref.node.kind === 'user') {
        return pass(`reviewed by ${ref.ref}`);
      }
      return partial(
        `${ctx.k(key)} ${ref.ref} is a ${ref.node.kind}, not a Group or User`,
      );
    },
  },
  {
    id: 'FB-2',
    dimension: 'fallback',
    reads: { keys: ['confidence-threshold'] },
    title: 'Confidence threshold',
    frameworks: ['MEASURE 2.6'],
    remediation: {
      text: 'Set the threshold below which a person reviews the output.',
      yaml: snippet({
        annotations: { 'ai-readiness/confidence-threshold': '0.85' },
      }),
    },
    evaluate(ctx) {
      const key = 'confidence-threshold';
      const value = ctx.key(key);
      if (value === undefined) return fail(`${ctx.k(key)} is not set`);
      const number = NUMBER.test(value) ? Number(value) : NaN;
      if (!(number >= 0 && number <= 1)) {
        throw new MalformedFieldError(
          ctx.k(key),
          value,
          'a number from 0 to 1',
        );
      }
      return pass(`outputs below ${number} confidence go to review`);
    },
  },
  {
    id: 'FB-3',
    dimension: 'fallback',
    reads: { keys: ['kill-switch'], links: ['rollback-plan'] },
    title: 'Kill switch and rollback conditions',
    gate: true,
    frameworks: ['MANAGE 2.4', 'MANAGE 2.3'],
    remediation: {
      text: 'Name the switch that turns the AI path off and link the conditions and steps for rolling back.',
      yaml: snippet({
        annotations: { 'ai-readiness/kill-switch': 'flags/my-pilot-enabled' },
        links: [{ type: 'rollback-plan', title: 'Rollback plan' }],
      }),
    },
    evaluate(ctx) {
      const key = 'kill-switch';
      const kill = ctx.key(key);
      const plan = ctx.hasLink('rollback-plan');
      if (kill && plan)
        return pass(`kill switch ${short(kill)} and a rollback-plan link`);
      if (kill)
        return partial(
          `kill switch ${short(kill)}, but no link of type rollback-plan`,
        );
      if (plan)
        return partial(`rollback-plan link, but ${ctx.k(key)} is not set`);
      return fail(`no ${ctx.k(key)} and no rollback-plan link`);
    },
  },
  {
    id: 'FB-4',
    dimension: 'fallback',
    reads: { links: ['fallback-playbook', 'runbook'] },
    title: 'Manual workaround and retry rules',
    frameworks: ['MANAGE 2.3', 'MANAGE 4.1'],
    remediation: {
      text: 'Link the playbook people follow when the AI path is off: the manual workaround and retry rules.',
      yaml: snippet({
        links: [{ type: 'fallback-playbook', title: 'Fallback playbook' }],
      }),
    },
    evaluate(ctx) {
      if (ctx.hasLink('fallback-playbook'))
        return pass('a fallback-playbook link is present');
      if (ctx.hasLink('runbook'))
        return partial('only a generic runbook link, no fallback-playbook');
      return fail('no link of type fallback-playbook or runbook');
    },
  },
];
