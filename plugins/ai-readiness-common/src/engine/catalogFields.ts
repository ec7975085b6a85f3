/*
 * The catalog fields and filters a full refresh needs, derived from what the
 * checks (and scoping, waivers, drift and the scorecard) declare they read.
 */
import type { CheckReads } from '../checks/types';
import { walkReads } from '../checks/reads';
import type { ScopeSets } from './context';

/**
 * What a full refresh reads from the catalog. Field paths are in the form
 * the catalog API's `fields` parameter takes ('metadata.annotations',
 * 'spec.owner', 'relations'); filters in the form of its `filter` parameter
 * (an array is OR, keys within an object are AND, a list of values is any
 * of them; values compare case-insensitively). @public
 */
export interface CatalogFieldsPlan {
  /**
   * `fields` for candidate pilots. Includes `referencedFields`, so that a
   * pilot read once also serves where another pilot references it.
   */
  pilotFields: string[];
  /** `fields` for the entities pilots reference, at any depth (owners, systems, APIs, dependencies, ...). */
  referencedFields: string[];
  /**
   * `filter` selecting every entity the quick scope rules can make a pilot
   * (enabled flag, Component types, tags): a superset; the engine decides
   * (`isPilot`), e.g. `ai-readiness/enabled: "false"` still excludes.
   */
  pilotFilter: Record<string, string[]>[];
  /**
   * `filter` selecting the model dependencies and tool servers. A Component
   * that uses one of them is a pilot too: read those with
   * `{ kind: ['component'], 'relations.dependsOn': [<their refs>] }` and
   * `{ kind: ['component'], 'relations.consumesApi': [<their refs>] }`, or
   * take them from the references of a full read.
   */
  modelDependencyFilter: Record<string, string[]>[];
}

/** Identity fields: every graph node needs them. */
const IDENTITY = ['kind', 'metadata.name', 'metadata.namespace'];
/** Fields whose references may also come as catalog relations (graph.ts RELATION_TO_FIELD). */
const RELATION_FIELDS = new Set([
  'spec.owner',
  'spec.system',
  'spec.dependsOn',
  'spec.providesApis',
  'spec.consumesApis',
  'spec.parent',
  'spec.memberOf',
]);

/** The `fields` one declaration reads on the entity it applies to. */
function fieldsOf(reads: CheckReads, out: Set<string>) {
  if (reads.keys?.length || reads.annotations?.length) {
    out.add('metadata.annotations');
    out.add('metadata.labels');
  }
  if (reads.links?.length) out.add('metadata.links');
  for (const field of reads.fields ?? []) {
    out.add(field);
    if (RELATION_FIELDS.has(field)) out.add('relations');
  }
  if (reads.relations?.length) out.add('relations');
  for (const ref of reads.refs ?? []) {
    if (!ref.from.startsWith('spec.')) {
      out.add('metadata.annotations');
      out.add('metadata.labels');
      continue;
    }
    out.add(ref.from);
    if (RELATION_FIELDS.has(ref.from)) out.add('relations');
  }
}

/** The catalog fields and filters of a rubric (see CatalogFieldsPlan). */
export function catalogFieldsOf(rubric: {
  prefix: string;
  scope: ScopeSets;
  engineReads: CheckReads;
  checks: readonly { reads: CheckReads }[];
}): CatalogFieldsPlan {
  const pilot = new Set(IDENTITY);
  const referenced = new Set(IDENTITY);
  for (const reads of [rubric.engineReads, ...rubric.checks.map(c => c.reads)])
    walkReads(reads, (at, path) =>
      fieldsOf(at, path.length ? referenced : pilot),
    );
  for (const field of referenced) pilot.add(field);
  const sorted = (set: Set<string>) => [...set].sort();
  const { scope, prefix } = rubric;
  const pilotFilter: Record<string, string[]>[] = [
    { [`metadata.annotations.${prefix}enabled`]: ['true'] },
    { [`metadata.labels.${prefix}enabled`]: ['true'] },
  ];
  if (scope.pilotTypes.size)
    pilotFilter.push({
      kind: ['component'],
      'spec.type': [...scope.pilotTypes],
    });
  if (scope.pilotTags.size)
    pilotFilter.push({
      kind: ['component'],
      'metadata.tags': [...scope.pilotTags],
    });
  if (scope.agentKinds.size && scope.agentTypes.size)
    pilotFilter.push({
      kind: [...scope.agentKinds],
      'spec.type': [...scope.agentTypes],
    });
  const modelDependencyFilter: Record<string, string[]>[] = [];
  if (scope.modelResourceTypes.size)
    modelDependencyFilter.push({
      kind: ['resource'],
      'spec.type': [...scope.modelResourceTypes],
    });
  if (scope.modelGatewayTypes.size)
    modelDependencyFilter.push({
      kind: ['component'],
      'spec.type': [...scope.modelGatewayTypes],
    });
  const apiTypes = [...scope.modelApiTypes, ...scope.toolServerTypes];
  if (apiTypes.length)
    modelDependencyFilter.push({ kind: ['api'], 'spec.type': apiTypes });
  if (scope.modelEndpointKinds.size)
    modelDependencyFilter.push({ kind: [...scope.modelEndpointKinds] });
  return {
    pilotFields: sorted(pilot),
    referencedFields: sorted(referenced),
    pilotFilter,
    modelDependencyFilter,
  };
}
