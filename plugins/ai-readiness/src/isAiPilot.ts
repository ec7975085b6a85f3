import type { Entity } from '@backstage/catalog-model';
import { isAiPilotEntity } from '@ai-readiness/plugin-ai-readiness-common';

/**
 * True when the entity is an AI pilot by its own metadata (the enabled flag,
 * its type or its tags), using the engine's rule with the default prefix and
 * scope. Pilots that qualify only through a dependency on a model need the
 * graph: for the readiness tab and card use isAiReadinessScored (asks the
 * backend) and isAiReadinessAvailable instead.
 *
 * @public
 */
export function isAiPilot(entity: Entity): boolean {
  return isAiPilotEntity(entity);
}
