/**
 * The ai-readiness plugin for Backstage's new frontend system.
 *
 * @packageDocumentation
 */
export {
  default,
  aiReadinessApi,
  aiReadinessPage,
  aiReadinessEntityContent,
  aiReadinessEntityCard,
  aiReadinessCampaignsPage,
  aiReadinessGroupCard,
  aiReadinessSystemCard,
  aiReadinessLevelCatalogFilter,
} from './plugin';
export { aiReadinessCatalogModule } from './catalogModule';
