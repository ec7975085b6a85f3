/*
 * The offline run's note: how many references the pilots make to entities
 * outside the files read. Those count as unresolved in the checks, and a pilot
 * outside the files caps nothing (rubric.md, "Weakest link"), so the note
 * tells the user what the run could not see.
 */
import type { Entity } from '@backstage/catalog-model';
import {
  createReadinessEngine,
  EntityGraph,
  parseRef,
} from '@ai-readiness/plugin-ai-readiness-common';

type Engine = ReturnType<typeof createReadinessEngine>;

/**
 * Fields the weakest link follows that the checks may not declare as reads:
 * `spec.handoffs` names agents (kind AiResource, the pilot's own namespace by
 * default). The engine's missingRefs covers what the checks read.
 */
const FOLLOWED_FIELDS: { field: string; defaultKind: string }[] = [
  { field: 'handoffs', defaultKind: 'AiResource' },
];

function namespaceOf(entity: Entity): string {
  return entity.metadata.namespace || 'default';
}

/** References a pilot's followed fields make, lower-cased kind:namespace/name. */
function followedRefs(pilot: Entity): string[] {
  const spec = (pilot as { spec?: unknown }).spec;
  if (!spec || typeof spec !== 'object') return [];
  const out: string[] = [];
  for (const { field, defaultKind } of FOLLOWED_FIELDS) {
    const value = (spec as Record<string, unknown>)[field];
    if (!Array.isArray(value)) continue;
    for (const item of value) {
      const ref = parseRef(item, {
        defaultKind,
        defaultNamespace: namespaceOf(pilot),
      });
      if (ref) out.push(ref.key);
    }
  }
  return out;
}

/**
 * The distinct references the pilots' checks and the weakest link follow
 * that name no entity in `known` (lower-cased kind:namespace/name keys of the
 * entities read), as lower-cased keys.
 */
export function outsideReferences(
  engine: Engine,
  graph: EntityGraph,
  known: { has(key: string): boolean },
): string[] {
  const pilots = engine.pilots(graph);
  const outside = new Set<string>();
  for (const shown of engine.missingRefs(pilots, graph)) {
    outside.add(parseRef(shown, {})?.key ?? shown.toLowerCase());
  }
  for (const pilot of pilots) {
    for (const key of followedRefs(pilot)) {
      if (!known.has(key)) outside.add(key);
    }
  }
  return [...outside].sort();
}
