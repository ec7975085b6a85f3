export { aiReadinessApiRef } from './AiReadinessApi';
export type {
  AiReadinessApi,
  ScorecardQuery,
  ScorecardOrderBy,
  SummaryGroupBy,
} from './AiReadinessApi';
export { AiReadinessClient } from './AiReadinessClient';
