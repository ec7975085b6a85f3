/*
 * The offline run's note: how many references the pilots make to entities
 * outside the files read. Those count as unresolved in the checks, and a pilot
 * outside the files caps nothing (rubric.md, "Weakest link"), so the note
 * tells the user what the run could not see.
 */
import {
  createReadinessEngine,
  EntityGraph,
  parseRef,
} from '@ai-readiness/plugin-ai-readiness-common';

type Engine = ReturnType<typeof createReadinessEngine>;

/**
 * The distinct references that the pilots' checks, their scope and the
 * weakest link follow (`spec.handoffs` and `spec.dependsOn` among them) and
 * that name no entity in the graph built from the files, as lower-cased
 * kind:namespace/name. The engine's missingRefs knows what the rubric reads;
 * this only makes its answer countable (one key per entity, whatever the case
 * it was written in).
 */
export function outsideReferences(
  engine: Engine,
  graph: EntityGraph,
): string[] {
  const outside = new Set<string>();
  for (const shown of engine.missingRefs(engine.pilots(graph), graph)) {
    outside.add(parseRef(shown, {})?.key ?? shown.toLowerCase());
  }
  return [...outside].sort();
}
