import { CheckDefinition, CheckContext, fail, partial, pass } from '../types';
import { DEPENDS_ON_TYPED } from './sharedReads';
import { snippet } from '../yaml';
import { readRefField, ResolvedRef } from '../../engine/graph';
import { hasHttpLink, readMetadataValue } from '../../engine/metadata';
import { isSafeHttpUrl } from '../../util/urls';

/** The data resources in dependsOn that resolve. */
function dataResources(ctx: CheckContext): ResolvedRef[] {
  return ctx.dependsOn().filter(d => ctx.isDataResource(d.node));
}

function list(refs: ResolvedRef[]): string {
  return refs.map(r => r.ref).join(', ');
}

export const dataChecks: CheckDefinition[] = [
  {
    id: 'DATA-1',
    dimension: 'data',
    reads: { refs: [DEPENDS_ON_TYPED, { from: 'spec.consumesApis' }] },
    title: 'Upstream data sources modelled',
    gate: true,
    frameworks: ['MAP 2.3', 'MAP 4.1'],
    remediation: {
      text: 'Model the data the pilot reads as Resources (database, dataset, vector-store, ...) and list them in spec.dependsOn.',
      yaml: snippet({
        spec: { dependsOn: ['resource:default/customer-warehouse'] },
      }),
    },
    evaluate(ctx) {
      const data = dataResources(ctx);
      if (data.length) return pass(`data sources: ${list(data)}`);
      const apis = ctx.consumesApis();
      if (apis.length) {
        return partial(
          `no data resource in spec.dependsOn; consumes ${list(apis)}`,
        );
      }
      return fail(
        'spec.dependsOn names no data resource and the pilot consumes no API',
      );
    },
  },
  {
    id: 'DATA-2',
    dimension: 'data',
    reads: {
      refs: [
        {
          from: 'spec.dependsOn',
          reads: { fields: ['spec.type'], refs: [{ from: 'spec.owner' }] },
        },
      ],
    },
    title: 'Every data source has an owning team',
    gate: true,
    frameworks: ['GOVERN 6.1', 'MAP 4.1'],
    remediation: {
      text: 'Give every data source a registered owning team: each Resource in spec.dependsOn needs spec.owner set to a Group.',
      // A separate entity: the data source's own catalog-info.yaml.
      yaml: [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Resource',
        'metadata:',
        '  name: customer-warehouse',
        'spec:',
        '  type: warehouse',
        '  owner: group:default/data-platform',
        '',
      ].join('\n'),
    },
    evaluate(ctx) {
      const data = dataResources(ctx);
      // A Resource reference that does not resolve may be a data source nobody registered:
      // it has no known owner, so it counts against the pilot.
      const unresolved = ctx
        .dependsOn()
        .filter(d => !d.node && d.parsed.kind === 'resource');
      const total = data.length + unresolved.length;
      if (!data.length)
        return fail('no data resource is modelled in spec.dependsOn');
      const unowned: string[] = unresolved.map(
        r => `${r.ref} (not in the catalog)`,
      );
      for (const d of data) {
        const owner = readRefField(d.node!, 'owner', true);
        const ownerNode = owner && ctx.graph.get(owner.parsed.key);
        if (ownerNode?.kind !== 'group') {
          unowned.push(
            owner
              ? `${d.ref} (owner ${owner.raw} is not a Group in the catalog)`
              : `${d.ref} (no owner)`,
          );
        }
      }
      const owned = total - unowned.length;
      if (!unowned.length)
        return pass(`all ${total} data sources have an owning team`);
      const detail = `${owned} of ${total} data sources have an owning team; missing: ${unowned.join(
        ', ',
      )}`;
      return owned * 2 >= total ? partial(detail) : fail(detail);
    },
  },
  {
    id: 'DATA-3',
    dimension: 'data',
    reads: {
      links: ['data-contract'],
      keys: ['input-schema'],
      urls: ['input-schema'],
      refs: [
        { from: 'spec.providesApis', reads: { fields: ['spec.definition'] } },
      ],
    },
    title: 'Required input fields defined',
    frameworks: ['MAP 2.3', 'MEASURE 2.1'],
    remediation: {
      text: 'Publish the input contract: link a data contract or point ai-readiness/input-schema at the schema.',
      yaml: snippet({
        links: [{ type: 'data-contract', title: 'Data contract' }],
      }),
    },
    evaluate(ctx) {
      if (ctx.hasLink('data-contract'))
        return pass('a link of type data-contract is present');
      const schema = ctx.key('input-schema');
      if (schema !== undefined) {
        if (!isSafeHttpUrl(schema)) {
          return {
            status: 'error',
            message: `${ctx.k(
              'input-schema',
            )} must be an http(s) URL, found ${JSON.stringify(
              schema.slice(0, 80),
            )}`,
          };
        }
        return pass(`${ctx.k('input-schema')} is set`);
      }
      const withDefinition = ctx.providesApis().find(api => {
        const definition = (api.node?.entity as any)?.spec?.definition;
        return typeof definition === 'string'
          ? definition.trim() !== ''
          : !!definition;
      });
      if (withDefinition) {
        return partial(
          `no data contract; API ${withDefinition.ref} has a definition`,
        );
      }
      return fail(
        `no data-contract link, no ${ctx.k('input-schema')}, no API definition`,
      );
    },
  },
  {
    id: 'DATA-4',
    dimension: 'data',
    reads: {
      keys: ['input-validation'],
      links: ['data-quality'],
      refs: [
        {
          from: 'spec.dependsOn',
          reads: {
            fields: ['spec.type'],
            keys: ['input-validation'],
            links: ['data-quality'],
          },
        },
      ],
    },
    title: 'Bad or missing data caught before inference',
    frameworks: ['MEASURE 2.1', 'MANAGE 2.2'],
    remediation: {
      text: 'Describe how inputs are validated before they reach the model.',
      yaml: snippet({
        annotations: {
          'ai-readiness/input-validation':
            'https://wiki.example.com/my-pilot/input-checks',
        },
      }),
    },
    evaluate(ctx) {
      if (ctx.key('input-validation'))
        return pass(`${ctx.k('input-validation')} is set`);
      if (ctx.hasLink('data-quality'))
        return pass('a link of type data-quality is present');
      const prefixKey = ctx.k('input-validation');
      const covered = dataResources(ctx).find(d => {
        try {
          if (readMetadataValue(d.node!.entity, prefixKey, true)) return true;
          return hasHttpLink(d.node!.entity, 'data-quality');
        } catch {
          return false; // a malformed data resource is that resource's problem
        }
      });
      if (covered)
        return partial(`validation only on data source ${covered.ref}`);
      return fail(
        `no ${prefixKey} and no data-quality link on the pilot or its data sources`,
      );
    },
  },
];
