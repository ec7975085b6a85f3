export { createReadinessEngine, isAiPilotEntity } from './engine';
export type {
  ReadinessEngine,
  EvaluateOptions,
  CreateReadinessEngineOptions,
} from './engine';
export { compileRubric } from './rubric';
export type { CompiledRubric, CompiledCheck } from './rubric';
export { evaluatePilot, evaluationTime } from './evaluatePilot';
export type { EvaluationTime } from './evaluatePilot';
export type { ReferencePlan } from './references';
export type { CatalogFieldsPlan } from './catalogFields';
export { EntityGraph, MalformedFieldError } from './graph';
export type { GraphNode, ResolvedRef } from './graph';
export { compareLevels, levelAtLeast } from './levels';
export { toScorecardSummary } from './summary';
export { mergeRemediations } from './remediation';
export { ON_CALL_ANNOTATIONS } from './context';
export type { ScopeSets } from './context';
export {
  todayUtc,
  parseIsoDate,
  parseIsoDuration,
  formatDay,
} from '../util/dates';
export { isSafeHttpUrl } from '../util/urls';
export { parseRef } from '../util/refs';
