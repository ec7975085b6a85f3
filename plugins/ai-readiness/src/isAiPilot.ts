import type { Entity } from '@backstage/catalog-model';
import { isAiPilotEntity } from '@ai-readiness/plugin-ai-readiness-common';

/**
 * True when the entity is an AI pilot by its own metadata (the enabled flag,
 * its type or its tags), using the engine's rule. Use it as the `if`/`filter`
 * of the readiness tab and card.
 *
 * Pilots that qualify only through a dependency on a model (which needs the
 * graph) are scored by the backend and listed on the org page; they show the
 * tab once they carry `ai-readiness/enabled: "true"`.
 *
 * @public
 */
export function isAiPilot(entity: Entity): boolean {
  return isAiPilotEntity(entity);
}
