/**
 * AI readiness for Backstage: the readiness tab and card of every AI pilot,
 * and the org-wide page.
 *
 * @packageDocumentation
 */
export {
  aiReadinessPlugin,
  AiReadinessPage,
  EntityAiReadinessContent,
  EntityAiReadinessCard,
  AiReadinessCampaignsPage,
  AiReadinessWaiversPage,
  EntityGroupAiReadinessCard,
  EntitySystemAiReadinessCard,
} from './plugin';
export {
  createAiReadinessColumn,
  AiReadinessLevelFilter,
  AiReadinessLevelPicker,
} from './components/CatalogReadiness';
export type { AiReadinessEntityFilters } from './components/CatalogReadiness';
export { isAiPilot } from './isAiPilot';
export {
  isAiReadinessAvailable,
  isAiReadinessScored,
  loadAiReadinessScope,
} from './scope/aiReadinessScope';
export { AiReadinessScopeGate } from './components/AiReadinessScopeGate';
export { aiReadinessApiRef, AiReadinessClient } from './api';
export type {
  AiReadinessApi,
  ScorecardQuery,
  ScorecardOrderBy,
  SummaryGroupBy,
  WaiverQuery,
} from './api';
export { SafeLink } from './components/SafeLink';
export type { SafeLinkProps } from './components/SafeLink';
export {
  rootRouteRef as aiReadinessRouteRef,
  campaignsRouteRef as aiReadinessCampaignsRouteRef,
  waiversRouteRef as aiReadinessWaiversRouteRef,
  AI_READINESS_TAB_PATH,
} from './routes';
