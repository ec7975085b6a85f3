export { createAiReadinessColumn } from './AiReadinessColumn';
export {
  AiReadinessLevelFilter,
  AiReadinessLevelPicker,
} from './AiReadinessLevelPicker';
export type { AiReadinessEntityFilters } from './AiReadinessLevelPicker';
export { readinessIndex } from './readinessIndex';
