import {
  CheckContext,
  CheckDefinition,
  fail,
  partial,
  pass,
  short,
} from '../types';
import { hasHttpLink } from '../../engine/metadata';
import { ON_CALL_READS, USES_TYPED, mergeReads } from './sharedReads';
import { snippet } from '../yaml';
import { isRecord, MalformedFieldError } from '../../engine/graph';
import { isSafeHttpUrl } from '../../util/urls';

const CI_ANNOTATIONS = [
  'github.com/project-slug',
  'jenkins.io/job-full-name',
  'circleci.com/project-slug',
  'gitlab.com/project-slug',
];

export const ROLLOUT_STAGES = ['pilot', 'limited', 'production'];

/** spec.lifecycle values each rollout stage is consistent with. */
const CONSISTENT_LIFECYCLES: Record<string, string[]> = {
  pilot: ['experimental'],
  limited: ['experimental', 'production'],
  production: ['production'],
};

export const operationsChecks: CheckDefinition[] = [
  {
    id: 'OPS-1',
    dimension: 'operations',
    reads: mergeReads(
      {
        links: ['support', 'chat'],
        refs: [
          { from: 'spec.owner', reads: { fields: ['spec.profile.email'] } },
        ],
      },
      ON_CALL_READS,
    ),
    title: 'Run team and support model',
    gate: true,
    frameworks: ['GOVERN 2.1', 'MANAGE 4.1'],
    remediation: {
      text: 'Route the pilot to an on-call rotation and say where users get support.',
      yaml: snippet({
        annotations: { 'pagerduty.com/service-id': 'PABC123' },
        links: [{ type: 'support', title: 'Support channel' }],
      }),
    },
    evaluate(ctx) {
      const route = ctx.onCallRoute();
      let support: string | undefined;
      if (ctx.hasLink('support')) support = 'a support link';
      else if (ctx.hasLink('chat')) support = 'a chat link';
      else {
        const profile: any = ctx.ownerGroup()?.entity.spec?.profile;
        if (
          isRecord(profile) &&
          typeof profile.email === 'string' &&
          profile.email
        ) {
          support = `the owner's email ${profile.email}`;
        }
      }
      if (route && support)
        return pass(`on-call ${route}; support through ${support}`);
      if (route)
        return partial(
          `on-call ${route}, but no support or chat link nor team email`,
        );
      if (support)
        return partial(`support through ${support}, but no on-call route`);
      return fail('no on-call route and no support channel');
    },
  },
  {
    id: 'OPS-2',
    dimension: 'operations',
    reads: {
      links: ['change-process'],
      keys: ['prompt-repository'],
      urls: ['prompt-repository'],
      annotations: CI_ANNOTATIONS,
    },
    title: 'Change process for prompts and policies',
    frameworks: ['GOVERN 1.4', 'MANAGE 1.3'],
    remediation: {
      text: 'Version prompts and policies: link the change process or the prompt repository.',
      yaml: snippet({
        annotations: {
          'ai-readiness/prompt-repository':
            'https://git.example.com/my-org/my-pilot-prompts',
        },
        links: [{ type: 'change-process', title: 'Change process' }],
      }),
    },
    evaluate(ctx) {
      if (ctx.hasLink('change-process'))
        return pass('a change-process link is present');
      const repo = ctx.key('prompt-repository');
      if (repo !== undefined) {
        if (!isSafeHttpUrl(repo)) {
          throw new MalformedFieldError(
            ctx.k('prompt-repository'),
            repo,
            'an http(s) URL',
          );
        }
        return pass(`prompts versioned in ${short(repo)}`);
      }
      const ci = CI_ANNOTATIONS.find(name => ctx.annotation(name));
      if (ci)
        return partial(
          `only a CI annotation (${ci}); no change process for prompts`,
        );
      return fail(
        `no change-process link, no ${ctx.k(
          'prompt-repository',
        )}, no CI annotation`,
      );
    },
  },
  {
    id: 'OPS-3',
    dimension: 'operations',
    reads: {
      keys: ['cost-owner'],
      refs: [{ from: 'cost-owner', defaultKind: 'group' }],
      links: ['cost-dashboard'],
    },
    title: 'Cost ownership',
    frameworks: ['GOVERN 1.3', 'MAP 1.4'],
    remediation: {
      text: 'Name who pays for the pilot and link the cost dashboard.',
      yaml: snippet({
        annotations: {
          'ai-readiness/cost-owner': 'group:default/my-business-unit',
        },
        links: [{ type: 'cost-dashboard', title: 'Cost dashboard' }],
      }),
    },
    evaluate(ctx) {
      const key = 'cost-owner';
      const value = ctx.key(key);
      let owner: string | undefined;
      let ownerProblem = `${ctx.k(key)} is not set`;
      if (value !== undefined) {
        const ref = ctx.resolveKey(key, value, 'group');
        if (ref.node) owner = ref.ref;
        else ownerProblem = `${ctx.k(key)} ${ref.ref} does not resolve`;
      }
      const dashboard = ctx.hasLink('cost-dashboard');
      if (owner && dashboard)
        return pass(`costs owned by ${owner}, with a cost dashboard`);
      if (owner)
        return partial(`costs owned by ${owner}, but no cost-dashboard link`);
      if (dashboard) return partial(`cost-dashboard link; ${ownerProblem}`);
      return fail(`${ownerProblem}; no cost-dashboard link`);
    },
  },
  {
    id: 'OPS-4',
    dimension: 'operations',
    reads: {
      keys: ['rollout-stage'],
      fields: ['spec.lifecycle'],
      links: ['rollout-plan'],
    },
    title: 'Rollout stage consistent and planned',
    gate: true,
    frameworks: ['MANAGE 1.1', 'GOVERN 1.4'],
    remediation: {
      text: 'Record the rollout stage (pilot, limited, production), consistent with spec.lifecycle, and link the rollout plan.',
      yaml: snippet({
        annotations: { 'ai-readiness/rollout-stage': 'pilot' },
        links: [{ type: 'rollout-plan', title: 'Rollout plan' }],
      }),
    },
    evaluate(ctx) {
      const key = 'rollout-stage';
      const value = ctx.key(key);
      if (value === undefined) return fail(`${ctx.k(key)} is not set`);
      const stage = value.toLowerCase();
      if (!ROLLOUT_STAGES.includes(stage)) {
        throw new MalformedFieldError(
          ctx.k(key),
          value,
          'pilot, limited or production',
        );
      }
      const lifecycle = ctx.node.lifecycle;
      if (!lifecycle || !CONSISTENT_LIFECYCLES[stage].includes(lifecycle)) {
        return fail(
          `${ctx.k(key)} ${stage} is inconsistent with spec.lifecycle ${
            lifecycle ?? '(not set)'
          }`,
        );
      }
      return ctx.hasLink('rollout-plan')
        ? pass(
            `stage ${stage} matches lifecycle ${lifecycle}; rollout plan linked`,
          )
        : partial(
            `stage ${stage} matches lifecycle ${lifecycle}, but no rollout-plan link`,
          );
    },
  },
  {
    id: 'OPS-5',
    dimension: 'operations',
    reads: {
      annotations: ['backstage.io/techdocs-ref'],
      links: ['model-card'],
      refs: USES_TYPED.map(ref => ({
        from: ref.from,
        reads: { fields: ['spec.type'], links: ['model-card'] },
      })),
    },
    title: 'Documentation and model card',
    frameworks: ['GOVERN 1.4', 'MAP 2.2'],
    remediation: {
      text: 'Publish documentation (TechDocs) and link the model card.',
      yaml: snippet({
        annotations: { 'backstage.io/techdocs-ref': 'dir:.' },
        links: [{ type: 'model-card', title: 'Model card' }],
      }),
    },
    evaluate(ctx) {
      const docs = !!ctx.annotation('backstage.io/techdocs-ref');
      const card = ctx.hasLink('model-card')
        ? 'a model-card link'
        : modelCardOfModel(ctx);
      if (docs && card) return pass(`TechDocs and ${card}`);
      if (docs) return partial('TechDocs, but no model-card link');
      if (card) return partial(`${card}, but no backstage.io/techdocs-ref`);
      return fail('no backstage.io/techdocs-ref and no model-card link');
    },
  },
];

/** A model-card link on a model dependency the pilot uses (the model's own card). */
function modelCardOfModel(ctx: CheckContext): string | undefined {
  for (const used of ctx.uses()) {
    if (!ctx.isModelDependency(used.node)) continue;
    if (hasHttpLink(used.node!.entity, 'model-card'))
      return `the model card of ${used.ref}`;
  }
  return undefined;
}
