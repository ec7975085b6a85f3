/*
 * What the checks declare they read (CheckDefinition.reads), turned into
 * (a) the references to fetch for given pilots (missingRefs: on-demand and
 * dry-run evaluation) and (b) the catalog fields and filters a full refresh
 * needs (catalogFields). Nothing here names a rubric key or a check: add a
 * check whose reads name a new reference key and it is fetched.
 */
import type { Entity } from '@backstage/catalog-model';
import type { CheckReads, ReferenceRead } from '../checks/types';
import { walkReads } from '../checks/reads';
import { displayRef, parseRef, ParsedRef } from '../util/refs';
import {
  EntityGraph,
  FIELD_DEFAULT_KIND,
  GraphNode,
  isRecord,
  readRefField,
  readRefList,
} from './graph';
import { readMetadataValue } from './metadata';
import { nodeFor } from './nodes';

/**
 * A reference the rubric follows, merged over every check that reads it
 * (same `from` and `defaultKind`), with the references followed from the
 * entities it names. @public
 */
export interface ReferencePlan {
  from: string;
  defaultKind?: string;
  next: ReferencePlan[];
}

/** The reference tree of several declarations, merged (walkReads). */
export function referencePlans(all: readonly CheckReads[]): ReferencePlan[] {
  const root: ReferencePlan = { from: '', next: [] };
  const step = (plan: ReferencePlan, ref: ReferenceRead) => {
    let found = plan.next.find(
      p => p.from === ref.from && p.defaultKind === ref.defaultKind,
    );
    if (!found) {
      found = { from: ref.from, next: [] };
      if (ref.defaultKind) found.defaultKind = ref.defaultKind;
      plan.next.push(found);
    }
    return found;
  };
  for (const reads of all) {
    walkReads(reads, (at, path) => {
      const plan = path.reduce(step, root);
      for (const ref of at.refs ?? []) step(plan, ref);
    });
  }
  return root.next;
}

const SINGLE_FIELDS = new Set(['owner', 'system', 'parent']);
const LIST_FIELDS = new Set([
  'dependsOn',
  'dependencyOf',
  'handoffs',
  'providesApis',
  'consumesApis',
  'memberOf',
  'members',
]);

/**
 * The references a node's field or rubric key names. Spec fields take the
 * catalog's default kinds (and catalog relations when the field is absent);
 * a rubric key's value may be a comma-separated list, and parts that are not
 * references (no kind and no default kind, URLs) are skipped.
 */
export function referencesAt(
  node: GraphNode,
  plan: { from: string; defaultKind?: string },
  prefix: string,
): ParsedRef[] {
  const defaults = {
    defaultKind: plan.defaultKind,
    defaultNamespace: node.namespace,
  };
  if (plan.from.startsWith('spec.')) {
    const field = plan.from.slice('spec.'.length);
    if (!plan.defaultKind && SINGLE_FIELDS.has(field)) {
      const ref = readRefField(node, field as 'owner', true);
      return ref ? [ref.parsed] : [];
    }
    if (!plan.defaultKind && LIST_FIELDS.has(field))
      return readRefList(node, field as 'dependsOn', true).map(r => r.parsed);
    const spec = (node.entity as any).spec;
    const value = isRecord(spec) ? spec[field] : undefined;
    defaults.defaultKind = plan.defaultKind ?? FIELD_DEFAULT_KIND[field];
    return parseAll(Array.isArray(value) ? value : [value], defaults);
  }
  let value: string | undefined;
  try {
    value = readMetadataValue(node.entity, `${prefix}${plan.from}`, true);
  } catch {
    value = undefined;
  }
  return value ? parseAll(value.split(','), defaults) : [];
}

function parseAll(
  values: unknown[],
  defaults: { defaultKind?: string; defaultNamespace: string },
): ParsedRef[] {
  const out: ParsedRef[] = [];
  for (const value of values) {
    const parsed = parseRef(
      typeof value === 'string' ? value.trim() : value,
      defaults,
    );
    if (parsed) out.push(parsed);
  }
  return out;
}

/**
 * The references the pilots' checks (and scoping and the scorecard) read
 * that the graph does not hold, as kind:namespace/name. References found in
 * the graph are followed as the checks declare (the owner's parent, the
 * system's owner, ...), so calling again after fetching gives the next round.
 */
export function missingRefs(
  rubric: { prefix: string; references: readonly ReferencePlan[] },
  entities: Entity[],
  graph: EntityGraph,
  /** The pilots a pilot reaches for the weakest link: they are scored too, so their reads count. */
  reachedPilots: (node: GraphNode) => GraphNode[] = () => [],
): string[] {
  const missing = new Map<string, string>();
  const pilots = new Set<string>();
  const visit = (node: GraphNode, plans: readonly ReferencePlan[]) => {
    for (const plan of plans) {
      for (const ref of referencesAt(node, plan, rubric.prefix)) {
        const target = graph.get(ref.key);
        if (!target) missing.set(ref.key, displayRef(ref));
        else if (plan.next.length) visit(target, plan.next);
      }
    }
  };
  const visitPilot = (node: GraphNode) => {
    if (pilots.has(node.key)) return;
    pilots.add(node.key);
    visit(node, rubric.references);
    for (const reached of reachedPilots(node)) visitPilot(reached);
  };
  for (const entity of entities) {
    const node = nodeFor(entity, graph);
    if (node) visitPilot(node);
  }
  return [...missing.values()];
}
