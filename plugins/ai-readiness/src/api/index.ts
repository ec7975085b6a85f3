export { aiReadinessApiRef } from './AiReadinessApi';
export type {
  AiReadinessApi,
  ScorecardQuery,
  ScorecardOrderBy,
  SummaryGroupBy,
  WaiverQuery,
} from './AiReadinessApi';
export { AiReadinessClient } from './AiReadinessClient';
