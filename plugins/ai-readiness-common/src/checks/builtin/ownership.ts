import { CheckDefinition, fail, partial, pass } from '../types';
import { snippet } from '../yaml';
import { readRefField } from '../../engine/graph';

const BUSINESS_GROUP_TYPES = new Set([
  'business-unit',
  'product-area',
  'department',
  'division',
]);

export const ownershipChecks: CheckDefinition[] = [
  {
    id: 'OWN-1',
    dimension: 'ownership',
    reads: {
      refs: [
        {
          from: 'spec.owner',
          reads: { fields: ['spec.members'], relations: ['hasMember'] },
        },
      ],
    },
    title: 'Technical owner',
    gate: true,
    frameworks: ['GOVERN 2.1', 'GOVERN 2.3'],
    remediation: {
      text: 'Make a team with at least one member the owner: set spec.owner to a Group and list its members.',
      yaml: snippet({ spec: { owner: 'group:default/my-team' } }),
    },
    evaluate(ctx) {
      const owner = ctx.owner();
      if (!owner) return fail('spec.owner is not set');
      if (!owner.node)
        return fail(
          `spec.owner ${owner.ref} does not resolve to an entity in the catalog`,
        );
      if (owner.node.kind === 'group') {
        const members = ctx.graph.memberCount(owner.node.key);
        return members > 0
          ? pass(
              `owned by ${owner.ref} with ${members} member${
                members === 1 ? '' : 's'
              }`,
            )
          : partial(`owner ${owner.ref} is a Group with no members`);
      }
      if (owner.node.kind === 'user') {
        return partial(`owner ${owner.ref} is a single User, not a team`);
      }
      return fail(
        `spec.owner ${owner.ref} is a ${owner.node.kind}, not a Group or User`,
      );
    },
  },
  {
    id: 'OWN-2',
    dimension: 'ownership',
    reads: {
      keys: ['business-owner'],
      refs: [
        { from: 'spec.owner' },
        { from: 'business-owner', defaultKind: 'user' },
        {
          from: 'spec.system',
          reads: {
            refs: [{ from: 'spec.owner', reads: { fields: ['spec.type'] } }],
          },
        },
      ],
    },
    title: 'Business owner, distinct from the technical owner',
    gate: true,
    frameworks: ['GOVERN 2.1', 'GOVERN 2.3', 'MAP 1.6'],
    remediation: {
      text: 'Name the person accountable for the business outcome, someone other than the technical owner.',
      yaml: snippet({
        annotations: { 'ai-readiness/business-owner': 'user:default/jane.doe' },
      }),
    },
    evaluate(ctx) {
      const key = 'business-owner';
      const value = ctx.key(key);
      const owner = ctx.owner();
      if (value) {
        const business = ctx.resolveKey(key, value, 'user');
        if (owner && business.parsed.key === owner.parsed.key) {
          return fail(
            `${ctx.k(key)} ${business.ref} is the same as spec.owner`,
          );
        }
        return business.node
          ? pass(
              `business owner ${business.ref}, technical owner ${
                owner?.ref ?? 'not set'
              }`,
            )
          : partial(
              `${ctx.k(key)} ${
                business.ref
              } does not resolve to an entity in the catalog`,
            );
      }
      const system = ctx.system();
      if (system?.node) {
        let systemOwner;
        try {
          systemOwner = readRefField(system.node, 'owner');
        } catch {
          systemOwner = undefined;
        }
        const group = systemOwner && ctx.graph.get(systemOwner.parsed.key);
        if (
          group?.kind === 'group' &&
          group.type &&
          BUSINESS_GROUP_TYPES.has(group.type)
        ) {
          return partial(
            `${ctx.k(key)} is not set; inferred ${group.ref} (${
              group.type
            }) from system ${system.ref}`,
          );
        }
      }
      return fail(
        `${ctx.k(key)} is not set and no business unit owns the pilot's system`,
      );
    },
  },
  {
    id: 'OWN-3',
    dimension: 'ownership',
    reads: {
      refs: [
        { from: 'spec.owner', reads: { refs: [{ from: 'spec.parent' }] } },
      ],
    },
    title: 'Escalation line',
    frameworks: ['GOVERN 2.1', 'GOVERN 2.3'],
    remediation: {
      text: "Place the owning team in the organisation: set the Group's spec.parent (in the Group's own entity).",
      // A separate entity: the owning Group's own definition.
      yaml: [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Group',
        'metadata:',
        '  name: my-team',
        'spec:',
        '  type: team',
        '  parent: group:default/my-department',
        '  children: []',
        '',
      ].join('\n'),
    },
    evaluate(ctx) {
      const owner = ctx.owner();
      const group = ctx.ownerGroup();
      if (!group) {
        if (!owner) return fail('spec.owner is not set');
        if (!owner.node)
          return fail(`owner ${owner.ref} is not in the catalog`);
        return fail(
          `owner ${owner.ref} is a ${
            owner.node.entity.kind ?? owner.node.kind
          }, not a Group: a Group has an escalation line`,
        );
      }
      const parent = readRefField(group, 'parent', true);
      if (!parent) return fail(`owner ${group.ref} has no spec.parent`);
      return ctx.graph.get(parent.parsed.key)
        ? pass(
            `escalation from ${group.ref} to group:${parent.parsed.namespace}/${parent.parsed.name}`,
          )
        : partial(
            `spec.parent of ${group.ref} (${parent.raw}) does not resolve`,
          );
    },
  },
  {
    id: 'OWN-4',
    dimension: 'ownership',
    reads: { links: ['raci'], annotations: ['backstage.io/techdocs-ref'] },
    title: 'Joint accountability written down',
    frameworks: ['GOVERN 2.1', 'GOVERN 2.2'],
    remediation: {
      text: 'Link the RACI that says who decides, who runs and who is informed.',
      yaml: snippet({ links: [{ type: 'raci', title: 'RACI' }] }),
    },
    evaluate(ctx) {
      if (ctx.hasLink('raci')) return pass('a link of type raci is present');
      if (ctx.annotation('backstage.io/techdocs-ref')) {
        return partial(
          'no raci link; only backstage.io/techdocs-ref documentation',
        );
      }
      return fail('no link of type raci and no backstage.io/techdocs-ref');
    },
  },
];
