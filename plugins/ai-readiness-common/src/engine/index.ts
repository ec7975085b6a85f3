export { createReadinessEngine, isAiPilotEntity } from './engine';
export type {
  ReadinessEngine,
  EvaluateOptions,
  CreateReadinessEngineOptions,
} from './engine';
export { EntityGraph, MalformedFieldError } from './graph';
export type { GraphNode, ResolvedRef } from './graph';
export { compareLevels, levelAtLeast } from './levels';
export { toScorecardSummary } from './summary';
export { mergeRemediations } from './remediation';
export { ON_CALL_ANNOTATIONS } from './context';
export { todayUtc, parseIsoDate, parseIsoDuration } from '../util/dates';
export { isSafeHttpUrl } from '../util/urls';
export { parseRef } from '../util/refs';
