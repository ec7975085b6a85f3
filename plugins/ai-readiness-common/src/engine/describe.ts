/*
 * GET /rubric: the compiled rubric as the wire type, level descriptions
 * written from the level rules.
 */
import { LEVEL_NAMES, READINESS_LEVELS, RubricDescription } from '../types';
import { describeLevel } from './levels';
import type { CompiledRubric } from './rubric';

export function describeRubric(rubric: CompiledRubric): RubricDescription {
  const list = (set: Set<string>) => [...set];
  return {
    annotationPrefix: rubric.prefix,
    dimensions: rubric.dimensions.map(d => ({ ...d })),
    checks: rubric.checks.map(c => ({
      id: c.id,
      dimension: c.dimension,
      title: c.title,
      gate: c.gate,
      frameworks: c.frameworks,
      remediation: c.remediation,
    })),
    levels: READINESS_LEVELS.map(id => ({
      id,
      name: LEVEL_NAMES[id],
      description: describeLevel(id, rubric.levels),
      rule: rubric.levels.find(r => r.level === id) ?? null,
    })),
    scope: {
      types: list(rubric.scope.pilotTypes),
      tags: list(rubric.scope.pilotTags),
      dataResourceTypes: list(rubric.scope.dataResourceTypes),
      modelResourceTypes: list(rubric.scope.modelResourceTypes),
      modelGatewayTypes: list(rubric.scope.modelGatewayTypes),
      agentKinds: list(rubric.scope.agentKinds),
      agentTypes: list(rubric.scope.agentTypes),
      modelApiTypes: list(rubric.scope.modelApiTypes),
      modelEndpointKinds: list(rubric.scope.modelEndpointKinds),
      toolServerTypes: list(rubric.scope.toolServerTypes),
    },
  };
}
